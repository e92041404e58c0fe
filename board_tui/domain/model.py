"""The domain: what a board, its meetings and its action plans are made of.

Plain frozen dataclasses, so screens and exporters can hold them without a
database connection, and enums whose values are exactly what the store keeps.
Times are the clerk's local wall-clock time (meetings happen in a room, not in UTC).

A little over the house's ~500 lines on purpose: these are the records every layer
shares, field by field with their docstrings, and one file is where a reader finds them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from board_tui.domain.exclusion import ExclusionRule
from board_tui.domain.minute_numbers import MinuteNumbering
from board_tui.domain.quorum import InterestKind, QuorumRule
from board_tui.domain.statuses import Status

__all__ = [
    "Action",
    "ActionLabel",
    "ActionPlan",
    "AgendaItem",
    "AttendanceKind",
    "AttendanceRecord",
    "Board",
    "Capacity",
    "Contact",
    "Declaration",
    "Draft",
    "DraftKind",
    "DraftTarget",
    "HistoryEntry",
    "LegendEntry",
    "Meeting",
    "MeetingEvent",
    "MeetingStatus",
    "Membership",
    "MembershipRole",
    "Note",
    "NoteKind",
    "Person",
    "PlanItem",
    "PlanItemSummary",
    "ResidentVoice",
    "Roundup",
    "SearchHit",
    "Status",
    "StatusUpdate",
    "UpdateSaid",
    "VoiceAnswer",
]


class MeetingStatus(StrEnum):
    """A meeting moves draft → live → closed → approved (closed may be reopened to live)."""

    DRAFT = "draft"
    LIVE = "live"
    CLOSED = "closed"
    APPROVED = "approved"


class MembershipRole(StrEnum):
    CHAIR = "chair"
    MEMBER = "member"
    INDEPENDENT = "independent"
    OFFICER = "officer"
    OBSERVER = "observer"

    @property
    def label(self) -> str:
        return {
            MembershipRole.CHAIR: "Chair",
            MembershipRole.MEMBER: "Member",
            MembershipRole.INDEPENDENT: "Independent member",
            MembershipRole.OFFICER: "Officer in attendance",
            MembershipRole.OBSERVER: "Observer",
        }[self]


class AttendanceKind(StrEnum):
    IN_PERSON = "in_person"
    REMOTE = "remote"
    APOLOGIES = "apologies"
    ABSENT = "absent"


class Capacity(StrEnum):
    """In what capacity someone attends: members vote, officers are "in attendance"."""

    MEMBER = "member"
    OFFICER = "officer"
    GUEST = "guest"


class NoteKind(StrEnum):
    """What a captured note is in the minutes.

    Comments become the bulleted list under an item, decisions stand out as
    "It was agreed that …" paragraphs, and narrative is the plain prose around
    them ("Robin Beattie introduced the item…").
    """

    NARRATIVE = "narrative"
    COMMENT = "comment"
    DECISION = "decision"


class ActionLabel(StrEnum):
    """The bold labels clerks put before a next step that changed since the last update."""

    NEW = "new"
    REVISED = "revised"

    @property
    def text(self) -> str:
        return "NEW ACTION:" if self is ActionLabel.NEW else "Revised Action:"


@dataclass(frozen=True)
class Contact:
    """Who to ask about the board's papers: the agenda's "Contact for further enquiries"."""

    name: str
    role: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Board:
    id: int
    name: str
    organisation: str | None
    archived_at: dt.datetime | None
    created_at: dt.datetime
    contact: Contact | None = None
    word_template: str | None = None
    """The organisation's own .docx that Word exports take their styles from, when set."""
    exclusion_rule: ExclusionRule = ExclusionRule.LGA_1972
    """The law it excludes the press and public under: the wording of the resolution."""
    minute_numbering: MinuteNumbering = field(default_factory=MinuteNumbering)
    """How its minutes are numbered ("TAB 23/45"); by default the agenda's numbers."""
    quorum: QuorumRule | None = None
    """How many members make it quorate (domain.quorum); None: the minutes say nothing of it."""


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    title: str | None
    organisation: str | None
    email: str | None


@dataclass(frozen=True)
class Membership:
    id: int
    board_id: int
    person: Person
    role: MembershipRole
    position: str | None
    """The words shown after the name on the board's papers, e.g. "(Chief Executive - SRO)"."""


@dataclass(frozen=True)
class Meeting:
    id: int
    board_id: int
    title: str
    scheduled_start: dt.datetime
    venue: str | None
    status: MeetingStatus
    actual_start: dt.datetime | None
    actual_end: dt.datetime | None
    no_declarations: bool
    approved_at: dt.datetime | None
    approved_by_meeting_id: int | None
    current_item_id: int | None = None
    """Where the live meeting is: the chair's view follows it, a restart resumes at it."""
    matters_arising_item_id: int | None = None
    """The item under which earlier meetings' open actions are walked."""

    @property
    def is_correcting(self) -> bool:
        """Live again after it ended: corrections are taken, but no times are recorded."""
        return self.status is MeetingStatus.LIVE and self.actual_end is not None

    def overdue_judged_on(self, today: dt.date) -> dt.date:
        """The day a view of this meeting calls a step overdue on: the meeting's own day
        once it has come, else today. Read back later (or in the demo), a meeting shows
        what was overdue when it sat, not every step that has passed since; and an action
        just set is never overdue in the meeting that set it."""
        return min(today, self.scheduled_start.date())


_NOT_WORDS = frozenset({"vote"})
"""Draft fields that are not words typed (a decision's vote, kept as data)."""


class DraftKind(StrEnum):
    """Which dialog the words were typed in, so a restore reopens the same one."""

    COMMENT = "comment"
    DECISION = "decision"
    NARRATIVE = "narrative"
    EDIT = "edit"
    ACTION = "action"
    UPDATE = "update"
    DECLARATION = "declaration"

    @property
    def words(self) -> str:
        return {
            DraftKind.EDIT: "an edit",
            DraftKind.ACTION: "an action",
            DraftKind.UPDATE: "a status update",
            DraftKind.DECLARATION: "a declaration",
        }.get(self, f"a {self.value}")


@dataclass(frozen=True)
class DraftTarget:
    """What the words were for: the dialog, and the item, note, action or plan item."""

    kind: DraftKind
    agenda_item_id: int | None = None
    note_id: int | None = None
    action_id: int | None = None
    plan_item_id: int | None = None


@dataclass(frozen=True)
class Draft:
    """Text typed in an open dialog and not yet saved: kept so a crash loses seconds, not words.

    One per dialog opened: a second dialog never writes over the first one's words.
    """

    key: str
    meeting_id: int | None
    target: DraftTarget
    fields: dict[str, str]
    updated_at: dt.datetime

    @property
    def words(self) -> str:
        """The words typed, one field after another, for a list or a question."""
        return " / ".join(
            v.strip() for k, v in self.fields.items() if v.strip() and k not in _NOT_WORDS
        )


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
class LegendEntry:
    status: Status
    label: str
    fill: str


@dataclass(frozen=True)
class ActionPlan:
    id: int
    board_id: int
    title: str
    introduction: str | None
    dated: dt.date | None
    legend: tuple[LegendEntry, ...]


@dataclass(frozen=True)
class PlanItem:
    id: int
    plan_id: int
    ref: str
    position: int
    section: str | None
    recommendation: str
    lead: str | None
    status: Status


@dataclass(frozen=True)
class Action:
    """A next step on a plan item, or an action arising from a meeting item."""

    id: int
    plan_item_id: int | None
    meeting_id: int | None
    agenda_item_id: int | None
    position: int
    description: str
    owner: str | None
    time_frame: str | None
    """Exactly what the clerk wrote: "End of Nov 22", "Feb Board 23", "TBC"."""
    due_date: dt.date | None
    """Derived from the time frame where its words allow; None for "TBC" and the like."""
    status: Status
    label: ActionLabel | None
    closed_reason: str | None

    def is_overdue(self, today: dt.date) -> bool:
        return self.status.is_open and self.due_date is not None and self.due_date < today


@dataclass(frozen=True)
class StatusUpdate:
    id: int
    action_id: int | None
    plan_item_id: int | None
    meeting_id: int | None
    label: str | None
    body: str
    old_status: Status | None
    new_status: Status
    recorded_at: dt.datetime
    agenda_item_id: int | None = None
    """Where it was said: the item the meeting was on (None outside a meeting). An update
    said on a Part 2 item is Part 2, even on a public plan item (see domain.exempt)."""


@dataclass(frozen=True)
class UpdateSaid:
    """A status update said in a meeting, with what it was about: the minutes and the live
    screen print it under the item it was said at."""

    update: StatusUpdate
    subject: str
    """The action's words, or the plan item's ref and recommendation."""
    owner: str | None


@dataclass(frozen=True)
class PlanItemSummary:
    """A plan item with what the plan table shows about its next steps."""

    item: PlanItem
    open_steps: int
    next_time_frame: str | None
    next_due: dt.date | None


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


@dataclass(frozen=True)
class Roundup:
    """The chair's round-up of a meeting: a generated first draft, then the chair's own words."""

    meeting_id: int
    body: str
    generated_at: dt.datetime
    edited_at: dt.datetime | None
