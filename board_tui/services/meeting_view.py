"""What the live meeting screen shows for the current item, read from the store with no UI.

The Minuted pane lists everything the minutes will say under the item — notes,
declarations made on it, and status updates said under it (matters arising and plan
items) — and the tracked pane the actions and plan items the clerk can update there.
Headless, like the chair's view (chair_view.py), so it is tested without a screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from board_tui.domain.meeting_records import AgendaItem, Declaration, Note
from board_tui.domain.model import Meeting, Status
from board_tui.domain.plan_records import Action, PlanItem, UpdateSaid
from board_tui.domain.votes import Vote
from board_tui.storage.store import Store


@dataclass(frozen=True)
class Tracked:
    """A row of the tracked pane: a plan item, one of its next steps, an action, a heading."""

    plan_item: PlanItem | None = None
    action: Action | None = None
    heading: str | None = None

    @property
    def title(self) -> str:
        if self.action is not None:
            return self.action.description
        if self.plan_item is not None:
            return f"{self.plan_item.ref}. {self.plan_item.recommendation}"
        return self.heading or ""

    @property
    def status(self) -> Status | None:
        if self.action is not None:
            return self.action.status
        return self.plan_item.status if self.plan_item is not None else None


MinutedLine = Note | Declaration | UpdateSaid
"""One line of the Minuted pane: what the minutes will print under the item."""


@dataclass(frozen=True)
class ItemView:
    item: AgendaItem
    notes: tuple[Note, ...]
    declarations: tuple[Declaration, ...]
    updates: tuple[UpdateSaid, ...]
    tracked: tuple[Tracked, ...]
    votes: Mapping[int, Vote] = field(default_factory=dict)
    """The votes on its decisions, by note id: the clerk reads back how each vote went."""

    @property
    def minuted(self) -> tuple[MinutedLine, ...]:
        """In the order the minutes print them: declarations, then what was said and
        decided, then the updates."""
        return (*self.declarations, *self.notes, *self.updates)


def tracked_rows(store: Store, meeting: Meeting, item: AgendaItem) -> list[Tracked]:
    rows: list[Tracked] = []
    arising = [a for a in store.actions_arising(meeting.id) if a.agenda_item_id == item.id]
    if arising:
        rows.append(Tracked(heading="Actions arising from this item"))
        rows += [Tracked(action=a) for a in arising]
    linked = store.linked_plan_items(item.id)
    if linked:
        rows.append(Tracked(heading="Linked plan items"))
        updated_here = {
            u.action_id for u in store.updates_said_at(meeting.id) if u.action_id is not None
        }
        for plan_item in linked:
            rows.append(Tracked(plan_item=plan_item))
            rows += [
                Tracked(plan_item=plan_item, action=step)
                for step in store.next_steps(plan_item.id)
                if step.status.is_open or step.id in updated_here
            ]
    if store.matters_arising_item_id(meeting.id) == item.id:
        earlier = store.matters_arising(meeting.id)
        open_now = sum(1 for a in earlier if a.status.is_open)
        rows.append(
            Tracked(heading=f"Matters arising: {open_now} open actions from earlier meetings")
        )
        rows += [Tracked(action=a) for a in earlier]
    return rows


def item_view(store: Store, meeting: Meeting, item: AgendaItem, notes: list[Note]) -> ItemView:
    """The item's minuted lines and tracked rows (notes given: the screen already has them)."""
    tracked = tracked_rows(store, meeting, item)
    updates = tuple(s for s in store.said_updates(meeting.id) if s.update.agenda_item_id == item.id)
    return ItemView(
        item=item,
        notes=tuple(n for n in notes if n.agenda_item_id == item.id),
        declarations=tuple(
            d for d in store.declarations(meeting.id) if d.agenda_item_id == item.id
        ),
        updates=updates,
        tracked=tuple(tracked),
        votes=store.votes(meeting.id),
    )
