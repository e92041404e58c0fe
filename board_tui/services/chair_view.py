"""What the chair's view shows, read through the store and filtered for a public share.

No Textual here: the chair's screen, in the clerk's app and in its own read-only
window (and so in `board-tui serve`), only draws what `read_chair` returns, so what a
public share may show is decided (and tested) in one place, by the one exempt rule
(domain.exempt): Part 2 items and their sub-items masked, nothing decided, set or
updated on them shown, public plan items and steps in the status last said in public.
Drafts are never read: nothing unsaved shows.

What needs the chair's eye comes first: the actions set in this meeting, then the plan
items with a step past its date, off track or at risk (their overdue steps first), then
the rest in the plan's order; each plan item carries the latest words said about it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from board_tui.domain import agenda_order
from board_tui.domain.exempt import EXEMPT_TITLE, Part2, masked
from board_tui.domain.meeting_records import AgendaItem, Note
from board_tui.domain.model import ActionPlan, Meeting, MeetingStatus, NoteKind, Status
from board_tui.domain.plan_records import Action, PlanItem, StatusUpdate
from board_tui.storage.store import Store

__all__ = [
    "EXEMPT_TITLE",
    "ChairFilter",
    "ChairState",
    "Decision",
    "ReviewRow",
    "Scope",
    "cycle",
    "follow_meeting",
    "masked",
    "read_chair",
]

T = TypeVar("T")


class Scope(StrEnum):
    """Whose actions are under review: the current item's linked plan items, or the plan."""

    ITEM = "item"
    PLAN = "plan"


@dataclass(frozen=True)
class ChairFilter:
    """What the chair asked to see; public hides Part 2: exempt items (and their sub-items)
    and everything decided, set or updated on them."""

    public: bool = True
    scope: Scope = Scope.ITEM
    overdue: bool = False
    lead: str | None = None
    status: Status | None = None


IMPORTED = "Imported"
"""How an import words the updates it records without words of their own (plan_import)."""


@dataclass(frozen=True)
class ReviewRow:
    """A plan item (with its open steps and nearest time frame in the whole-plan view),
    or one of its next steps or an action arising, shown under it."""

    plan_item: PlanItem | None = None
    action: Action | None = None
    open_steps: int | None = None
    next_time_frame: str | None = None
    next_due: dt.date | None = None
    new: bool = False
    """An action or step set in this meeting: shown on top, highlighted when it appears."""
    said: StatusUpdate | None = None
    """The latest words said about it (a status update), as the share may show them."""
    overdue_steps: int = 0
    """A plan item's open steps past their date, in this view."""

    def attention(self, today: dt.date) -> int:
        """0 overdue, 1 off track, 2 at risk, 3 the rest: the order a chair reads them in."""
        if self.is_overdue(today) or self.overdue_steps:
            return 0
        if self.status is Status.OFF_TRACK:
            return 1
        return 2 if self.status is Status.AT_RISK else 3

    @property
    def status(self) -> Status:
        if self.action is not None:
            return self.action.status
        assert self.plan_item is not None
        return self.plan_item.status

    def is_overdue(self, today: dt.date) -> bool:
        if self.action is not None:
            return self.action.is_overdue(today)
        return self.next_due is not None and self.next_due < today


def latest_said(updates: Sequence[StatusUpdate]) -> StatusUpdate | None:
    """The last update with words of its own (an import's "Imported from …" has none)."""
    worded = [u for u in updates if u.body.strip() and not u.body.startswith(IMPORTED)]
    return max(worded, key=lambda u: (u.recorded_at, u.id)) if worded else None


@dataclass(frozen=True)
class Decision:
    item: AgendaItem
    note: Note


@dataclass(frozen=True)
class ChairState:
    """Everything one paint of the chair's view needs, already filtered."""

    today: dt.date
    board_name: str = ""
    meeting: Meeting | None = None
    items: tuple[AgendaItem, ...] = ()
    exempt_ids: frozenset[int] = frozenset()
    """The meeting's Part 2 items (sub-items of a flagged item too), public share or not."""
    current: AgendaItem | None = None
    next_item: AgendaItem | None = None
    planned: dict[int, dt.datetime] | None = None
    decisions: tuple[Decision, ...] = ()
    plan: ActionPlan | None = None
    rows: tuple[ReviewRow, ...] = ()
    leads: tuple[str, ...] = ()
    """The leads the rows in scope have, for `l` to cycle through."""
    statuses: tuple[Status, ...] = ()
    """The statuses the rows in scope have, for `s` to cycle through."""

    @property
    def waiting(self) -> bool:
        return self.meeting is not None and self.meeting.status is MeetingStatus.DRAFT

    def is_exempt(self, item: AgendaItem | None) -> bool:
        return item is not None and item.id in self.exempt_ids

    def planned_start(self, item: AgendaItem) -> dt.datetime | None:
        return (self.planned or {}).get(item.id)


def cycle(values: Sequence[T], current: T | None) -> T | None:
    """The next value after current, and None (no filter) after the last."""
    if current is None or current not in values:
        return values[0] if values else None
    index = list(values).index(current)
    return values[index + 1] if index + 1 < len(values) else None


def follow_meeting(store: Store, pinned: int | None, previous: int | None) -> Meeting | None:
    """The meeting asked for; else the live one; else the one already shown; else the next.

    So the chair's window opened before the meeting waits on the next meeting, moves
    to whichever meeting the clerk starts, and stays on it after it ends.
    """
    if pinned is not None:
        return store.meeting(pinned)
    live = store.live_meeting()
    if live is not None:
        return live
    if previous is not None:
        return store.meeting(previous)
    upcoming = [m for m in store.meetings() if m.status is MeetingStatus.DRAFT]
    return min(upcoming, key=lambda m: m.scheduled_start) if upcoming else None


def read_chair(
    store: Store,
    meeting: Meeting | None,
    chair_filter: ChairFilter,
    *,
    plan_id: int | None = None,
) -> ChairState:
    today = store.clock().date()
    if meeting is None:
        return ChairState(today=today)
    today = meeting.overdue_judged_on(today)
    items = store.agenda(meeting.id)
    rule = store.part2()
    part2 = rule if chair_filter.public else Part2()  # empty: a private session shows all
    shown = [part2.shown(i) for i in items]
    current = next((i for i in shown if i.id == meeting.current_item_id), None)
    current = current or (shown[0] if shown else None)
    later = shown[shown.index(current) + 1 :] if current else []
    timed = any(i.duration_minutes or i.fixed_start for i in items)
    by_id = {i.id: i for i in shown}
    decisions = [
        Decision(by_id[n.agenda_item_id], n)
        for n in store.notes(meeting.id)
        if n.kind is NoteKind.DECISION and n.agenda_item_id in by_id and not part2.note(n)
    ]
    review = _Review(store, chair_filter, today, part2)
    plan = None
    if chair_filter.scope is Scope.PLAN:
        public_items = [i for i in items if not part2.item(i.id)]
        on = current if current is not None and not part2.item(current.id) else None
        plan = _choose_plan(store, meeting, public_items, on, plan_id)
        review.new_in_meeting(meeting)
        if plan is not None:
            review.whole_plan(plan)
    elif current is not None and not part2.item(current.id):
        review.item(meeting, current)
    return ChairState(
        today=today,
        board_name=store.board(meeting.board_id).name,
        meeting=meeting,
        items=tuple(shown),
        exempt_ids=frozenset(i.id for i in items if rule.item(i.id)),
        current=current,
        next_item=later[0] if later else None,
        planned=agenda_order.planned_starts(items, meeting.scheduled_start) if timed else {},
        decisions=tuple(decisions),
        plan=plan,
        rows=tuple(review.rows),
        leads=tuple(sorted(review.leads, key=str.casefold)),
        statuses=tuple(s for s in Status if s in review.statuses),
    )


def _choose_plan(
    store: Store,
    meeting: Meeting,
    items: Sequence[AgendaItem],
    current: AgendaItem | None,
    plan_id: int | None,
) -> ActionPlan | None:
    """The plan asked for; else the one this meeting's items (the current first) link to;
    else the board's own."""
    if plan_id is not None:
        return store.plan(plan_id)
    ordered = ([current] if current else []) + [i for i in items if current is None or i != current]
    for item in ordered:
        linked = store.linked_plan_items(item.id)
        if linked:
            return store.plan(linked[0].plan_id)
    plans = store.plans(meeting.board_id)
    return plans[0] if plans else None


class _Review:
    """Collects the actions under review, applying the chair's filters as it goes."""

    def __init__(
        self, store: Store, chair_filter: ChairFilter, today: dt.date, part2: Part2
    ) -> None:
        self.store = store
        self.filter = chair_filter
        self.today = today
        self.part2 = part2
        """Empty when the share is private: then everything shows."""
        self.rows: list[ReviewRow] = []
        self.leads: set[str] = set()
        self.statuses: set[Status] = set()

    def _wanted(self, lead: str | None, status: Status) -> bool:
        if lead:
            self.leads.add(lead)
        self.statuses.add(status)
        f = self.filter
        return (f.lead is None or lead == f.lead) and (f.status is None or status is f.status)

    def _steps(self, actions: Sequence[Action]) -> list[Action]:
        if self.filter.overdue:
            return [a for a in actions if a.is_overdue(self.today)]
        return list(actions)

    def _public(self, plan_item: PlanItem) -> tuple[PlanItem, list[Action]]:
        """The plan item and its steps as the share may show them."""
        if not self.part2:
            return plan_item, self.store.next_steps(plan_item.id)
        return self.store.public_plan_row(plan_item, self.part2)

    def _public_action(self, action: Action) -> Action:
        if not self.part2:
            return action
        return self.part2.public_action(action, self.store.status_history(action_id=action.id))

    def _history(self, plan_item: PlanItem, steps: Sequence[Action]) -> list[StatusUpdate]:
        """The plan item's updates and its steps', as the share may show them."""
        history = self.store.status_history(plan_item_id=plan_item.id)
        if not self.part2:
            return history
        return self.part2.public_updates(history, self.store.next_steps(plan_item.id))

    def _arising_row(self, action: Action, meeting: Meeting) -> ReviewRow:
        updates = self.store.status_history(action_id=action.id)
        if self.part2:
            updates = self.part2.public_updates(updates)
        return ReviewRow(
            action=action, new=action.meeting_id == meeting.id, said=latest_said(updates)
        )

    def item(self, meeting: Meeting, current: AgendaItem) -> None:
        """The actions set on the current item in this meeting (newest first), then its linked
        plan items, those needing attention first, each with its next steps (overdue first)."""
        linked = self.store.linked_plan_items(current.id)
        linked_ids = {p.id for p in linked}
        arising = [
            self._public_action(a)
            for a in self.store.actions_arising(meeting.id)
            if a.agenda_item_id == current.id
            and a.plan_item_id not in linked_ids
            and not self.part2.action(a)
        ]
        self.rows.extend(
            self._arising_row(a, meeting)
            for a in reversed(self._steps(arising))
            if self._wanted(a.owner, a.status)
        )
        groups: list[tuple[ReviewRow, list[ReviewRow]]] = []
        for found in linked:
            plan_item, all_steps = self._public(found)
            if not self._wanted(plan_item.lead, plan_item.status):
                continue
            steps = self._steps(all_steps)
            if self.filter.overdue and not steps:
                continue
            late = [s for s in steps if s.is_overdue(self.today)]
            head = ReviewRow(
                plan_item=plan_item,
                said=latest_said(self._history(plan_item, all_steps)),
                overdue_steps=len(late),
            )
            ordered = late + [s for s in steps if s not in late]
            groups.append(
                (head, [ReviewRow(action=s, new=s.meeting_id == meeting.id) for s in ordered])
            )
        groups.sort(key=lambda group: group[0].attention(self.today))  # stable: plan order kept
        for head, steps_rows in groups:
            self.rows.append(head)
            self.rows.extend(steps_rows)

    def new_in_meeting(self, meeting: Meeting) -> None:
        """The whole plan's view: this meeting's actions arising on public items, newest first."""
        arising = [
            self._public_action(a)
            for a in self.store.actions_arising(meeting.id)
            if a.plan_item_id is None and not self.part2.action(a)
        ]
        self.rows.extend(
            self._arising_row(a, meeting)
            for a in reversed(self._steps(arising))
            if (self.filter.lead is None or a.owner == self.filter.lead)
            and (self.filter.status is None or a.status is self.filter.status)
        )

    def whole_plan(self, plan: ActionPlan) -> None:
        f = self.filter
        for plan_item in self.store.plan_items(plan.id, part2=self.part2):
            self._wanted(plan_item.lead, plan_item.status)
        summaries = self.store.plan_summary(
            plan.id,
            status=f.status,
            lead=f.lead,
            overdue_on=self.today if f.overdue else None,
            part2=self.part2,
        )
        rows = [
            ReviewRow(
                plan_item=s.item,
                open_steps=s.open_steps,
                next_time_frame=s.next_time_frame,
                next_due=s.next_due,
            )
            for s in summaries
        ]
        self.rows.extend(sorted(rows, key=lambda row: row.attention(self.today)))
