"""An action plan's items, their next steps and status updates (see domain.model for why
these live apart from it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from board_tui.domain.model import ActionLabel
from board_tui.domain.statuses import Status


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
