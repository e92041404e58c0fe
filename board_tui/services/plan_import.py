"""Writing a read action plan to the store: new plans whole, known plans as updates.

One writer serves the Word import and the demo, so both record the same
history: each next step's status line and each "Update:" paragraph becomes a
status update said on the plan's date, never a bare overwrite. Importing the
same plan again matches items by ref and steps by their words, and records
every change of status as an update rather than duplicating anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from board_tui.domain.statuses import Status
from board_tui.readers.plan_reader import PlanItemRead, PlanRead
from board_tui.storage.store import Store


@dataclass
class ImportSummary:
    plan_id: int
    title: str
    created: bool
    items_added: int = 0
    items_updated: int = 0
    steps_added: int = 0
    status_changes: int = 0
    sections: set[str] = field(default_factory=set)
    not_in_file: list[str] = field(default_factory=list)
    """Refs the plan has that the file no longer lists (left as they are)."""


def _item_status(item: PlanItemRead) -> Status:
    return item.status or (Status.UPDATE_DUE if item.updates else Status.NEXT_STEP)


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def write_plan(
    store: Store,
    board_id: int,
    plan: PlanRead,
    *,
    title: str,
    dated: dt.date | None,
    source: str = "",
) -> ImportSummary:
    """Write the plan in one transaction: all of it lands, or none of it.

    The database is backed up first; if it cannot be, nothing is imported.
    """
    store.backup_or_refuse("import", "nothing imported")
    said_at = dt.datetime.combine(dated, dt.time(9, 0)) if dated else None
    said = f"Imported from {source}" if source else "Imported"
    with store.transaction():
        existing = next((p for p in store.plans(board_id) if p.title == title), None)
        if existing is None:
            created = store.create_plan(
                board_id, title, introduction=plan.introduction, dated=dated, legend=plan.legend
            )
            summary = ImportSummary(created.id, created.title, created=True)
        else:
            summary = ImportSummary(existing.id, existing.title, created=False)
        known = {item.ref: item for item in store.plan_items(summary.plan_id)}
        for read in plan.items:
            if read.section:
                summary.sections.add(read.section)
            status = _item_status(read)
            item = known.get(read.ref)
            if item is None:
                # A new item starts as a next step; its updates then move it on, with history.
                item = store.add_plan_item(
                    summary.plan_id,
                    read.ref,
                    read.recommendation,
                    lead=read.lead,
                    status=Status.NEXT_STEP if read.updates else status,
                    section=read.section,
                )
                summary.items_added += 1
            else:
                if (item.recommendation, item.lead, item.section) != (
                    read.recommendation,
                    read.lead,
                    read.section,
                ):
                    store.update_plan_item(
                        item.id,
                        recommendation=read.recommendation,
                        lead=read.lead,
                        section=read.section,
                    )
                summary.items_updated += 1
            steps = {_words(a.description): a for a in store.next_steps(item.id)}
            for step in read.next_steps:
                action = steps.get(_words(step.description))
                if action is None:
                    action = store.add_action(
                        step.description,
                        plan_item_id=item.id,
                        time_frame=step.time_frame,
                        status=Status.NEXT_STEP,
                        label=step.label,
                    )
                    summary.steps_added += 1
                # A step without a status line of its own follows a completed item.
                target = step.status or (
                    Status.COMPLETE if status is Status.COMPLETE else action.status
                )
                said_before = {u.body for u in store.status_history(action_id=action.id)}
                if target is not action.status or (
                    step.status_line and step.status_line not in said_before
                ):
                    store.record_status_update(
                        target, step.status_line or said, action_id=action.id, at=said_at
                    )
                    summary.status_changes += existing is not None and target is not action.status
            history = {u.body for u in store.status_history(plan_item_id=item.id)}
            for update in read.updates:
                if update.body not in history:
                    store.record_status_update(
                        status, update.body, plan_item_id=item.id, label=update.label, at=said_at
                    )
            current = store.plan_item(item.id).status
            if current is not status:
                store.record_status_update(status, said, plan_item_id=item.id, at=said_at)
                summary.status_changes += existing is not None
        read_refs = {read.ref for read in plan.items}
        summary.not_in_file = [ref for ref in known if ref not in read_refs]
    return summary
