"""Agenda arithmetic: outline order, numbering and planned start times.

Kept apart from the store so the agenda editor, the live screen and the Word
agenda compute times the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from board_tui.domain.model import Meeting

if TYPE_CHECKING:
    from board_tui.domain.meeting_records import AgendaItem


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


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def sub_style(parent_number: str, numbers: Sequence[str]) -> str:
    """How an agenda numbers the sub-items under ``parent_number``, from the numbers they
    have: "letter" (3a, 3b), "roman" (3(i), 3(ii)) or "dotted" (3.1, 3.2, the default)."""
    for number in numbers:
        rest = number[len(parent_number) :] if number.startswith(parent_number) else number
        rest = rest.strip()
        if re.fullmatch(r"\(?(?:i{1,3}|iv|vi{0,3}|ix|x|xi{1,2})\)", rest):
            return "roman"
        if re.fullmatch(r"\(?[a-z]\)?", rest):
            return "letter"
        if re.fullmatch(r"\.?[0-9]+", rest):
            return "dotted"
    return "dotted"


def sub_number(parent_number: str, index: int, style: str) -> str:
    """The ``index``-th (1-based) sub-item's number in that style: "3a", "3(ii)", "3.2"."""
    if style == "letter" and index <= len(_LETTERS):
        return f"{parent_number}{_LETTERS[index - 1]}"
    if style == "roman" and index <= len(_ROMAN):
        return f"{parent_number}({_ROMAN[index - 1]})"
    return f"{parent_number}.{index}"


def numbers(items: Sequence[AgendaItem]) -> dict[int, str]:
    """The numbers the order gives, in the agenda's own style: items count on from the
    lowest number the agenda already uses (1 when none), sub-items follow how their
    siblings are numbered ("6.1, 6.2", "3a, 3b", "4(i), 4(ii)")."""
    ordered = [item for item, _depth in outline(items)]
    top = [item for item in ordered if item.parent_id is None]
    written = [int(item.number) for item in top if item.number.isdigit()]
    first = min(written) if written else 1
    result = {item.id: str(first + index) for index, item in enumerate(top)}
    children: dict[int, list[AgendaItem]] = {}
    for item in ordered:
        if item.parent_id is not None:
            children.setdefault(item.parent_id, []).append(item)
    by_id = {item.id: item for item in items}
    for item in ordered:  # parents before their children, so a parent's number is known
        kids = children.get(item.id)
        if not kids or item.id not in result:
            continue
        style = sub_style(by_id[item.id].number, [kid.number for kid in kids])
        for index, kid in enumerate(kids, start=1):
            result[kid.id] = sub_number(result[item.id], index, style)
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
