"""Agenda arithmetic: outline order, numbers and planned start times."""

from __future__ import annotations

import datetime as dt

from board_tui.domain import agenda_order
from board_tui.domain.meeting_records import AgendaItem


def _item(
    item_id: int,
    position: int,
    duration: int | None,
    parent: int | None = None,
    fixed: dt.time | None = None,
) -> AgendaItem:
    return AgendaItem(
        id=item_id,
        meeting_id=1,
        parent_id=parent,
        position=position,
        number="",
        title=f"item {item_id}",
        presenter=None,
        fixed_start=fixed,
        duration_minutes=duration,
        papers=None,
        exempt=False,
        chair_note=None,
        comments_lead_in=None,
        actual_start=None,
        actual_end=None,
    )


START = dt.datetime(2023, 12, 11, 14, 0)


def test_the_december_agenda_times_follow_from_the_durations() -> None:
    items = [_item(n, n, d) for n, d in enumerate([5, 5, 5, 60, 60, 15], start=1)]
    starts = agenda_order.planned_starts(items, START)
    assert [starts[i.id].strftime("%H:%M") for i in items] == [
        "14:00",
        "14:05",
        "14:10",
        "14:15",
        "15:15",
        "16:15",
    ]


def test_a_fixed_time_resets_the_clock() -> None:
    items = [_item(1, 1, 5), _item(2, 2, 10, fixed=dt.time(15, 0)), _item(3, 3, 5)]
    starts = agenda_order.planned_starts(items, START)
    assert [starts[i].strftime("%H:%M") for i in (1, 2, 3)] == ["14:00", "15:00", "15:10"]


def test_sub_items_run_inside_their_parent() -> None:
    items = [
        _item(1, 1, 30),
        _item(2, 1, 10, parent=1),
        _item(3, 2, 30, parent=1),
        _item(4, 2, 5),
    ]
    starts = agenda_order.planned_starts(items, START)
    assert [starts[i].strftime("%H:%M") for i in (1, 2, 3, 4)] == [
        "14:00",
        "14:00",
        "14:10",
        "14:40",  # the sub-items (40 min) outran the parent's own 30
    ]


def test_outline_and_numbers_follow_the_order_not_the_ids() -> None:
    items = [
        _item(10, 2, 5),
        _item(11, 1, 5),
        _item(12, 1, 5, parent=10),
        _item(13, 2, 5, parent=10),
    ]
    assert [(i.id, depth) for i, depth in agenda_order.outline(items)] == [
        (11, 0),
        (10, 0),
        (12, 1),
        (13, 1),
    ]
    assert agenda_order.numbers(items) == {11: "1", 10: "2", 12: "2.1", 13: "2.2"}
