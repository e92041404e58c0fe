"""Canonical dumps of what a round trip must keep: a meeting's agenda, a board's plan.

Ids and row order inside SQLite differ between two databases; these dumps hold what a clerk
sees, in agenda or plan order, as JSON text, so two stores compare byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from board_tui.domain import agenda_order
from board_tui.storage.store import Store


def _text(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_text(v) for v in value]
    if isinstance(value, dict):
        return {k: _text(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value") and not isinstance(value, (int, str)):
        return value.value
    return value


def agenda_dump(store: Store, meeting_id: int) -> str:
    """The board, its people, the meeting and every agenda item with its planned start."""
    meeting = store.meeting(meeting_id)
    board = store.board(meeting.board_id)
    items = store.agenda(meeting_id)
    starts = agenda_order.planned_starts(items, meeting.scheduled_start)
    depth = {item.id: d for item, d in agenda_order.outline(items)}
    contact = board.contact
    dump = {
        "board": [board.name, board.organisation],
        "contact": [contact.name, contact.role, contact.email, contact.phone] if contact else None,
        "meeting": [meeting.title, meeting.scheduled_start, meeting.venue],
        "members": [
            [m.person.name, m.person.title, m.role, m.position] for m in store.members(board.id)
        ],
        "items": [
            [
                item.number,
                depth[item.id],
                item.title,
                item.presenter,
                item.duration_minutes,
                item.fixed_start,
                item.papers,
                item.exempt,
                item.chair_note,
                starts[item.id],
            ]
            for item in items
        ],
    }
    return json.dumps(_text(dump), ensure_ascii=False, indent=1)


def plan_dump(store: Store, plan_id: int) -> str:
    """The plan, its items, their next steps and every status update, in plan order."""
    plan = store.plan(plan_id)
    items = []
    for item in store.plan_items(plan_id):
        steps = [
            [
                step.description,
                step.time_frame,
                step.due_date,
                step.owner,
                step.label,
                step.status,
                [
                    [u.old_status, u.new_status, u.label, u.body, u.recorded_at]
                    for u in store.status_history(action_id=step.id)
                ],
            ]
            for step in store.next_steps(item.id)
        ]
        updates = [
            [u.old_status, u.new_status, u.label, u.body, u.recorded_at]
            for u in store.status_history(plan_item_id=item.id)
            if u.action_id is None
        ]
        items.append(
            [item.ref, item.section, item.recommendation, item.lead, item.status, steps, updates]
        )
    dump = {
        "plan": [plan.title, plan.introduction, plan.dated],
        "legend": [[e.status, e.label, e.fill] for e in plan.legend],
        "items": items,
    }
    return json.dumps(_text(dump), ensure_ascii=False, indent=1)


def word_text(path: Path) -> list[str]:
    """Every paragraph of a .docx, body and table cells in order, as text."""
    import docx

    from board_tui.readers.word_package import P, paragraph_entries

    document = docx.Document(str(path))
    return ["\n".join(paragraph_entries(p)) for p in document.element.body.iter(P)]
