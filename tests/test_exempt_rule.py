"""The one rule for exempt (Part 2) business, and the store's part in keeping it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import NamedTuple

import pytest
from sqlite_utils import Database

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.exempt import EXEMPT_TITLE, Part2, masked
from board_tui.domain.model import NoteKind, Status
from board_tui.storage import schema
from board_tui.storage.connection import connect
from board_tui.storage.store import Store


class Item(NamedTuple):
    id: int
    parent_id: int | None
    exempt: bool


def test_an_item_is_exempt_when_it_or_any_item_above_it_is_flagged() -> None:
    part2 = Part2.of(
        [
            Item(1, None, False),
            Item(2, None, True),
            Item(3, 2, False),  # a sub-item of a flagged item, not flagged itself
            Item(4, 3, False),  # deeper still
            Item(5, 1, True),  # flagged under a public item: only it
            Item(6, 1, False),
            Item(7, 99, False),  # its parent is not known: judged by what is known
            Item(8, 9, False),  # a loop in the parents is cut, not followed for ever
            Item(9, 8, False),
        ]
    )
    assert part2.item_ids == {2, 3, 4, 5}
    assert [part2.inherited_from(i) for i in (2, 3, 4, 5, 6)] == [None, 2, 2, None, None]
    assert not part2.item(None) and not Part2() and part2


def test_everything_said_set_or_updated_on_an_exempt_item_is_exempt(store: Store, clock) -> None:
    board = store.create_board("Board").id
    meeting = store.create_meeting(board, dt.datetime(2024, 1, 9, 14)).id
    public = store.add_agenda_item(meeting, "Public item")
    parent = store.add_agenda_item(meeting, "Land sale", exempt=True)
    sub = store.add_agenda_item(meeting, "Valuation", parent_id=parent.id)
    person = store.add_person("Robin Member")
    plan = store.create_plan(board, "Plan")
    plan_item = store.add_plan_item(plan.id, "1", "Engage", status=Status.ON_TRACK)
    part2 = store.part2()
    assert part2.item_ids == {parent.id, sub.id} == store.part2(meeting).item_ids

    for item, exempt in ((public, False), (parent, True), (sub, True)):
        note = store.add_note(item.id, NoteKind.COMMENT, "Said.")
        action = store.add_action("Do it", agenda_item_id=item.id)
        step = store.add_action("Step", plan_item_id=plan_item.id, agenda_item_id=item.id)
        declaration = store.add_declaration(meeting, person.id, "Trustee", agenda_item_id=item.id)
        store.move_to_item(meeting, item.id)
        # Said while the meeting is on the item, on a public plan item: where it was said counts.
        update = store.record_status_update(
            Status.AT_RISK, "Slipping", plan_item_id=plan_item.id, meeting_id=meeting
        )
        assert update.agenda_item_id == item.id
        assert part2.note(note) is exempt
        assert part2.action(action) is part2.action(step) is exempt
        assert part2.declaration(declaration) is exempt
        assert part2.update(update) is exempt
        undone = store.undo_status_update(update.id)
        assert part2.update(undone) is exempt  # undoing Part 2 words is Part 2 too
    public_step = store.add_action("Public step", plan_item_id=plan_item.id)
    later = store.record_status_update(Status.ON_TRACK, "Said in public", action_id=public_step.id)
    assert later.agenda_item_id is None and not part2.update(later)
    part2_step = store.action(
        next(a.id for a in store.next_steps(plan_item.id) if a.agenda_item_id == sub.id)
    )
    assert part2.update(later, part2_step)  # about a step set in Part 2: Part 2


def test_masked_keeps_only_the_number_and_the_timing(store: Store) -> None:
    meeting = store.create_meeting(store.create_board("Board").id, dt.datetime(2024, 1, 9, 14))
    item = store.add_agenda_item(
        meeting.id,
        "Land sale",
        presenter="Director",
        papers="Report B",
        exempt=True,
        duration_minutes=15,
        chair_note="Confidential note",
        comments_lead_in="Members asked:",
    )
    shown = masked(item)
    assert (shown.title, shown.presenter, shown.papers, shown.chair_note) == (
        EXEMPT_TITLE,
        None,
        None,
        None,
    )
    assert shown.comments_lead_in is None
    assert (shown.number, shown.duration_minutes, shown.id) == ("1", 15, item.id)


def test_a_public_status_is_the_one_last_said_in_public(store: Store, clock) -> None:
    board = store.create_board("Board").id
    meeting = store.create_meeting(board, dt.datetime(2024, 1, 9, 14)).id
    public = store.add_agenda_item(meeting, "Public")
    private = store.add_agenda_item(meeting, "Private", exempt=True)
    plan = store.create_plan(board, "Plan")
    item = store.add_plan_item(plan.id, "1", "Engage", status=Status.ON_TRACK)
    step = store.add_action("Publish", plan_item_id=item.id)
    part2 = store.part2()

    def said(
        on: int,
        status: Status,
        words: str,
        *,
        action_id: int | None = None,
        plan_item_id: int | None = None,
    ) -> None:
        clock.advance(minutes=1)
        store.record_status_update(
            status,
            words,
            meeting_id=meeting,
            agenda_item_id=on,
            action_id=action_id,
            plan_item_id=plan_item_id,
        )

    said(private.id, Status.OFF_TRACK, "Slipped", plan_item_id=item.id)
    said(private.id, Status.DROPPED, "Not needed after the sale", action_id=step.id)
    history = store.status_history(plan_item_id=item.id)
    assert part2.public_plan_item(store.plan_item(item.id), history).status is Status.ON_TRACK
    shown = part2.public_action(store.action(step.id), history)
    assert (shown.status, shown.closed_reason) == (Status.NEXT_STEP, None)
    assert part2.public_updates(history) == []

    said(public.id, Status.AT_RISK, "At risk", plan_item_id=item.id)
    said(private.id, Status.COMPLETE, "Done, in private", plan_item_id=item.id)
    said(public.id, Status.COMPLETE, "Done", action_id=step.id)
    history = store.status_history(plan_item_id=item.id)
    assert part2.public_plan_item(store.plan_item(item.id), history).status is Status.AT_RISK
    shown = part2.public_action(store.action(step.id), history)
    assert (shown.status, shown.closed_reason) == (Status.COMPLETE, "Done")
    # The old status shown is the one the public saw, never the one said in private.
    seen = [(u.body, u.old_status, u.new_status) for u in part2.public_updates(history)]
    assert seen == [
        ("At risk", Status.ON_TRACK, Status.AT_RISK),
        ("Done", Status.NEXT_STEP, Status.COMPLETE),
    ]


def test_a_sub_item_lifted_out_of_part2_stays_part2(store: Store) -> None:
    meeting = store.create_meeting(store.create_board("Board").id, dt.datetime(2024, 1, 9, 14))
    parent = store.add_agenda_item(meeting.id, "Land sale", exempt=True)
    first = store.add_agenda_item(meeting.id, "Valuation", parent_id=parent.id)
    second = store.add_agenda_item(meeting.id, "Bids", parent_id=parent.id)
    assert store.outdent_agenda_item(first.id)
    assert store.agenda_item(first.id).exempt  # flagged itself now: x takes it out
    assert store.agenda_item(second.id).parent_id == first.id
    assert store.part2(meeting.id).item_ids == {parent.id, first.id, second.id}


def test_an_item_with_an_update_said_on_it_is_not_deleted(store: Store) -> None:
    board = store.create_board("Board").id
    meeting = store.create_meeting(board, dt.datetime(2024, 1, 9, 14)).id
    item = store.add_agenda_item(meeting, "Land sale", exempt=True)
    plan_item = store.add_plan_item(store.create_plan(board, "Plan").id, "1", "Engage")
    store.record_status_update(
        Status.AT_RISK,
        "Said",
        plan_item_id=plan_item.id,
        meeting_id=meeting,
        agenda_item_id=item.id,
    )
    with pytest.raises(BoardTuiError, match="updates"):
        store.delete_agenda_item(item.id)
    with pytest.raises(BoardTuiError, match="updates"):
        store.clear_agenda(meeting)


def test_updates_said_before_0005_get_the_item_they_were_said_on(db_path: Path) -> None:
    """An older database: an update said at a meeting on a plan item linked to a Part 2 item
    is taken as said there, so it stays out of public outputs after the upgrade."""
    db = Database(connect(db_path))
    schema.migrate(db, str(db_path), stop_before="0005_update_said_on")
    stamp = "2024-01-09T14:00:00"
    db.execute("INSERT INTO boards (id, name, created_at) VALUES (1, 'Board', ?)", (stamp,))
    db.execute(
        "INSERT INTO meetings (id, board_id, title, scheduled_start, created_at, updated_at)"
        " VALUES (1, 1, 'Board', ?, ?, ?)",
        (stamp, stamp, stamp),
    )
    for item_id, parent, exempt in ((1, None, 0), (2, None, 1), (3, 2, 0), (4, None, 0)):
        db.execute(
            "INSERT INTO agenda_items (id, meeting_id, parent_id, position, title, exempt,"
            " created_at) VALUES (?, 1, ?, ?, 'Item', ?, ?)",
            (item_id, parent, item_id, exempt, stamp),
        )
    db.execute(
        "INSERT INTO action_plans (id, board_id, title, created_at, updated_at)"
        " VALUES (1, 1, 'Plan', ?, ?)",
        (stamp, stamp),
    )
    for plan_item in (1, 2, 3):
        db.execute(
            "INSERT INTO plan_items (id, plan_id, ref, position, recommendation, status,"
            " created_at, updated_at) VALUES (?, 1, ?, ?, 'Engage', 'on_track', ?, ?)",
            (plan_item, str(plan_item), plan_item, stamp, stamp),
        )
    # Plan item 1 is linked to a public item and to the sub-item of a Part 2 item;
    # plan item 2 only to a public item; plan item 3 to two public items.
    for item_id, plan_item in ((1, 1), (3, 1), (4, 2), (1, 3), (4, 3)):
        db.execute("INSERT INTO agenda_item_links VALUES (?, ?)", (item_id, plan_item))
    for update_id, plan_item, meeting in ((1, 1, 1), (2, 2, 1), (3, 3, 1), (4, 1, None)):
        db.execute(
            "INSERT INTO status_updates (id, plan_item_id, meeting_id, body, old_status,"
            " new_status, recorded_at) VALUES (?, ?, ?, 'Said', 'on_track', 'at_risk', ?)",
            (update_id, plan_item, meeting, stamp),
        )
    db.conn.commit()
    schema.migrate(db, str(db_path))
    said_on = dict(db.execute("SELECT id, agenda_item_id FROM status_updates").fetchall())
    assert said_on == {1: 3, 2: 4, 3: None, 4: None}
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE status_updates SET body = 'Changed' WHERE id = 1")
    db.close()
