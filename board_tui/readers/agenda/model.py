"""What reading an agenda gives: plain values, ready to be written to the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from board_tui.domain.errors import BoardTuiError

__all__ = ["AgendaItemRead", "AgendaRead", "AgendaReadError", "ContactRead", "PersonRead"]


class AgendaReadError(BoardTuiError):
    """The file is not an agenda that can be read; the message names file and problem."""


@dataclass(frozen=True)
class PersonRead:
    name: str
    role: str | None
    """The words after the name, brackets removed: "Chair", "Independent non-executive member"."""


@dataclass(frozen=True)
class ContactRead:
    name: str | None
    role: str | None
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class AgendaItemRead:
    number: str
    """As written: "4", "3a", "6.1", "a" (empty when the document numbers nothing)."""
    title: str
    depth: int
    """0 for an item, 1 for a sub-item ("6.1" under "6", "3a" under "3")."""
    start: dt.time | None
    """The time written against the item (the start of a range)."""
    end: dt.time | None
    """The end of a range such as "14:00-14:10", when one was written."""
    duration_minutes: int | None
    """A duration written as such ("15m", "1h 30m", "10 min")."""
    presenter: str | None
    papers: str | None
    """As written: "(PAGES 9 - 44)", "Report", "pp 5-8"."""
    exempt: bool
    """Marked "Part 2", "exempt" or "confidential"."""
    note: str | None
    """Words in rows or paragraphs under the item (the agenda's note on it)."""
    row: int
    """Where it was read: the table row (header = 1), the paragraph or the outline's line."""
    day: str | None = None
    """On the first item of each day of an agenda over several days: the day's heading
    ("April 16", "Day 2")."""
    exempt_paragraph: int | None = None
    """The paragraph of Schedule 12A an exempt item's words cite ("Exempt – para 3")."""


@dataclass(frozen=True)
class AgendaRead:
    board: str | None
    """The board the front sheet names (its Title), when it names one."""
    date: dt.date | None
    start: dt.time | None
    venue: str | None
    members: tuple[PersonRead, ...]
    """The chair first when the front sheet names one (role "Chair")."""
    officers: tuple[PersonRead, ...]
    contact: ContactRead | None
    items: tuple[AgendaItemRead, ...]
    next_meeting: dt.datetime | None
    """The date and time of the next meeting, when the document gives them."""
    layout: str = ""
    """Where the items were found: "table", "list", "paragraphs" or "outline"."""
    organisation: str | None = None
    """The organisation the board belongs to, when a masthead names it above the board."""
