"""What happens at a meeting: its events, attendance, agenda, declarations and notes,
the residents' voices it heard and the chair's round-up of it (see domain.model for why
these live apart from it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from board_tui.domain.model import AttendanceKind, Capacity, NoteKind, Person
from board_tui.domain.quorum import InterestKind

if TYPE_CHECKING:
    from board_tui.domain.plan_records import Action


@dataclass(frozen=True)
class MeetingEvent:
    id: int
    meeting_id: int
    kind: str
    at: dt.datetime
    detail: str | None


@dataclass(frozen=True)
class AttendanceRecord:
    id: int
    meeting_id: int
    person: Person
    kind: AttendanceKind
    capacity: Capacity
    arrived_at: dt.time | None
    left_at: dt.time | None
    arrived_item_id: int | None = None
    """The item during which they arrived (the minutes say so under it)."""
    left_item_id: int | None = None


@dataclass(frozen=True)
class AgendaItem:
    id: int
    meeting_id: int
    parent_id: int | None
    position: int
    number: str
    title: str
    presenter: str | None
    fixed_start: dt.time | None
    duration_minutes: int | None
    papers: str | None
    exempt: bool
    chair_note: str | None
    comments_lead_in: str | None
    actual_start: dt.datetime | None
    actual_end: dt.datetime | None
    exempt_paragraph: int | None = None
    """The paragraph of Part 1 of Schedule 12A it is exempt under (1-7), once chosen."""


@dataclass(frozen=True)
class Declaration:
    id: int
    meeting_id: int
    person: Person
    agenda_item_id: int | None
    interest: str
    kind: InterestKind = InterestKind.OTHER
    """A pecuniary or prejudicial interest: the member withdraws for the item."""


@dataclass(frozen=True)
class Note:
    id: int
    meeting_id: int
    agenda_item_id: int | None
    kind: NoteKind
    body: str
    plan_item_id: int | None
    created_at: dt.datetime
    edited_at: dt.datetime | None
    voice: bool = False
    """Said by or for residents, patients or the community: goes in "You said, we did"."""
    voice_source: str | None = None
    """Where the voice was heard: "Healthwatch event, 5 Sept"."""


@dataclass(frozen=True)
class VoiceAnswer:
    """What the board did about a comment in residents' voice: a decision or an action.

    A decision can say the board cannot do what was asked; the reason is then
    required, because the report must say plainly why.
    """

    id: int
    voice_note_id: int
    decision: Note | None
    action: Action | None
    cannot_do: bool
    reason: str | None


@dataclass(frozen=True)
class ResidentVoice:
    """A comment in residents' voice, where it was said, and what answered it."""

    note: Note
    meeting_day: dt.date
    item_label: str | None
    answers: tuple[VoiceAnswer, ...]


@dataclass(frozen=True)
class Roundup:
    """The chair's round-up of a meeting: a generated first draft, then the chair's own words."""

    meeting_id: int
    body: str
    generated_at: dt.datetime
    edited_at: dt.datetime | None
