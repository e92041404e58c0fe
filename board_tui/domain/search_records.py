"""What a search finds, and a plan item's or action's history (see domain.model for why
these live apart from it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from board_tui.domain.model import Person
from board_tui.domain.statuses import Status


@dataclass(frozen=True)
class SearchHit:
    """One ranked search result with enough context to show it and to jump to it."""

    kind: str
    """item, comment, decision, narrative, action, plan_item or update."""
    record_id: int
    board_id: int | None
    board_name: str | None
    meeting_id: int | None
    meeting_title: str | None
    day: dt.date | None
    item_id: int | None
    item_label: str | None
    """ "4. New Target Operating Model" for records in a meeting."""
    plan_id: int | None
    plan_title: str | None
    plan_item_id: int | None
    plan_item_ref: str | None
    snippet: str
    """The matching words with HIGHLIGHT_START / HIGHLIGHT_END around each hit."""
    score: float
    part2: bool = False
    """Said, decided or set on an exempt (Part 2) item: for the clerk's eyes only."""
    words: str | None = None
    """The record's own words in full (an action's, a plan item's recommendation, what an
    update said, the interest declared), for the result in context."""
    who: str | None = None
    """Its owner, lead, presenter, or the person who declared."""
    status: Status | None = None
    time_frame: str | None = None
    step_ref: str | None = None
    """ "12.3" for a next step (or an update about one): the number `history` takes."""
    about: str | None = None
    """What a status update was about: the step's or the plan item's words."""
    minute_ref: str | None = None
    """The minute it is under ("TAB 23/45"), or an action's own ref ("TAB 23/45(b)"),
    when its board numbers its minutes (services.search_refs)."""


SEARCH_KINDS = (
    "item",
    "comment",
    "decision",
    "narrative",
    "action",
    "plan_item",
    "update",
    "declaration",
)
"""What a search finds; a declaration is found by the declarer's name, not in the index."""


@dataclass(frozen=True)
class SearchFacets:
    """How all the matches (not only those shown) fall by board, kind and meeting or plan."""

    total: int
    boards: tuple[tuple[str, int], ...]
    kinds: tuple[tuple[str, int], ...]
    sources: tuple[tuple[str, int], ...]
    """ "Transformation Advisory Board, 17 Oct 2023" or a plan's title, with its count."""
    more: bool = False
    """More matches than `total` (the most counted): no breakdown is given then."""


@dataclass(frozen=True)
class PersonFound:
    """A person whose name the search words are, with what the record holds of them."""

    person: Person
    presented: int
    owns: int
    leads: int
    declared: int


@dataclass(frozen=True)
class HistoryEntry:
    """One moment in a plan item's or action's life: made, a step added, a status update."""

    event: str
    """created, step or update."""
    at: dt.datetime
    subject: str
    """What it is about: the item or the step, in the clerk's words."""
    meeting_id: int | None
    meeting_label: str | None
    """ "Transformation Advisory Board, 17 Oct 2023", when it happened in a meeting."""
    where: str | None
    """Otherwise where it was made: the plan's title, or "the plan screen"."""
    said: str
    label: str | None
    old_status: Status | None
    new_status: Status | None
    step: int | None
    """The next step's number under its plan item (1, 2 …), or None for the item itself."""
    part2: bool = False
    """Set or said on an exempt (Part 2) item: for the clerk's eyes only."""
