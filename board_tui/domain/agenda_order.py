"""Agenda arithmetic: outline order, numbering and planned start times.

Kept apart from the store so the agenda editor, the live screen and the Word
agenda compute times the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from board_tui.domain.model import AgendaItem, Meeting


def outline(items: Sequence[AgendaItem]) -> list[tuple[AgendaItem, int]]:
    """Items depth-first in agenda order, each with its depth (0 for "6", 1 for "6.1")."""
    children: dict[int | None, list[AgendaItem]] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    for siblings in children.values():
        siblings.sort(key=lambda i: (i.position, i.id))
    result: list[tuple[AgendaItem, int]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for item in children.get(parent_id, []):
            result.append((item, depth))
            walk(item.id, depth + 1)

    walk(None, 0)
    return result


def numbers(items: Sequence[AgendaItem]) -> dict[int, str]:
    """The numbers the order gives: 1, 2, … for items and 6.1, 6.2 … for sub-items."""
    result: dict[int, str] = {}
    counters: dict[int | None, int] = {}
    for item, _depth in outline(items):
        counters[item.parent_id] = counters.get(item.parent_id, 0) + 1
        prefix = f"{result[item.parent_id]}." if item.parent_id is not None else ""
        result[item.id] = f"{prefix}{counters[item.parent_id]}"
    return result


def planned_starts(items: Sequence[AgendaItem], start: dt.datetime) -> dict[int, dt.datetime]:
    """When each item is planned to start, from the meeting's start and the durations.

    An item with a fixed time starts then and the clock carries on from it. A
    parent's duration covers its sub-items: they run from the parent's start,
    and the next item starts after whichever is longer, the parent's own
    duration or its sub-items' together.
    """
    children: dict[int | None, list[AgendaItem]] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    for siblings in children.values():
        siblings.sort(key=lambda i: (i.position, i.id))
    result: dict[int, dt.datetime] = {}

    def walk(parent_id: int | None, clock: dt.datetime) -> dt.datetime:
        for item in children.get(parent_id, []):
            if item.fixed_start is not None:
                clock = dt.datetime.combine(clock.date(), item.fixed_start)
            result[item.id] = clock
            own_end = clock + dt.timedelta(minutes=item.duration_minutes or 0)
            children_end = walk(item.id, clock)
            clock = max(own_end, children_end)
        return clock

    walk(None, start)
    return result


def minutes_used(item: AgendaItem, meeting: Meeting, now: dt.datetime) -> int | None:
    """Minutes the item has taken so far (or took), None before it started."""
    if item.actual_start is None:
        return None
    end = item.actual_end or (now if meeting.current_item_id == item.id else None)
    if end is None:
        return None
    return max(int((end - item.actual_start).total_seconds() // 60), 0)
