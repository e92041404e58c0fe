"""The domain: the records every layer shares, and the enums the store keeps.

Plain frozen dataclasses, so screens and exporters can hold them without a
database connection, and enums whose values are exactly what the store keeps.
Times are the clerk's local wall-clock time (meetings happen in a room, not in UTC).

This module holds what home shows (boards, people, meetings, plans, drafts); the
records of a meeting's business, a plan's items and steps, and search live beside
it in meeting_records, plan_records and search_records. Each frozen dataclass costs
Python 3.11 about five million instructions to create (one exec per generated
method), so the first screen is painted before those are made
(benchmarks/PROFILES.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from board_tui.domain.exclusion import ExclusionRule
from board_tui.domain.minute_numbers import MinuteNumbering
from board_tui.domain.quorum import QuorumRule
from board_tui.domain.statuses import Status

__all__ = [
    "ActionLabel",
    "ActionPlan",
    "AttendanceKind",
    "Board",
    "Capacity",
    "Contact",
    "LegendEntry",
    "Meeting",
    "MeetingStatus",
    "Membership",
    "MembershipRole",
    "NoteKind",
    "Person",
    "Status",
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
