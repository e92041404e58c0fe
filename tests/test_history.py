"""A plan item's whole life across meetings, in the store, on the command line and on screen."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from conftest import FakeClock
from textual.widgets import Static

from board_tui.domain.model import Status
from board_tui.screens.plan import PlanScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.storage.store import Store


def _three_meetings(store: Store, clock: FakeClock) -> tuple[int, int]:
    """Item 7 made in a plan, then updated at three meetings, one of them about its step."""
    clock.now = dt.datetime(2023, 1, 5, 9, 0)
    board = store.create_board("Engagement Leads Group").id
    plan = store.create_plan(board, "ELG plan", dated=dt.date(2023, 1, 5))
    item = store.add_plan_item(plan.id, "7", "Write an annual impact report", lead="Chair")
    step = store.add_action("Draft the report structure", plan_item_id=item.id, time_frame="Feb")
    said = [
        (dt.datetime(2023, 2, 9, 14), Status.ON_TRACK, "Structure shared with workstreams", None),
        (dt.datetime(2023, 3, 9, 14), Status.COMPLETE, "Structure agreed", step.id),
        (dt.datetime(2023, 4, 13, 14), Status.AT_RISK, "Feedback late from Lifecourse", None),
    ]
    for when, status, words, action_id in said:
        meeting = store.create_meeting(board, when)
        clock.now = when + dt.timedelta(minutes=40)
        store.record_status_update(
            status,
            words,
            meeting_id=meeting.id,
            action_id=action_id,
            plan_item_id=None if action_id else item.id,
        )
    return plan.id, item.id


def test_history_shows_updates_from_three_meetings_in_order(store: Store, clock: FakeClock) -> None:
    _plan, item_id = _three_meetings(store, clock)
    entries = store.history(plan_item_id=item_id)
    assert [e.event for e in entries] == ["created", "step", "update", "update", "update"]
    updates = entries[2:]
    assert [e.meeting_label for e in updates] == [
        "Engagement Leads Group, 9 Feb 2023",
        "Engagement Leads Group, 9 Mar 2023",
        "Engagement Leads Group, 13 Apr 2023",
    ]
    assert [e.said for e in updates] == [
        "Structure shared with workstreams",
        "Structure agreed",
        "Feedback late from Lifecourse",
    ]
    assert [(e.old_status, e.new_status) for e in updates] == [
        (Status.NEXT_STEP, Status.ON_TRACK),
        (Status.NEXT_STEP, Status.COMPLETE),
        (Status.ON_TRACK, Status.AT_RISK),
    ]
    assert [e.step for e in updates] == [None, 1, None]
    assert entries[0].where == "ELG plan"


def test_an_action_set_in_a_meeting_says_where(store: Store) -> None:
    board = store.create_board("Board").id
    meeting = store.create_meeting(board, dt.datetime(2023, 10, 17, 14))
    item = store.add_agenda_item(meeting.id, "Residents Survey")
    action = store.add_action("Come back on the patterns", agenda_item_id=item.id)
    (made,) = store.history(action_id=action.id)
    assert made.event == "created"
    assert made.meeting_label == "Board, 17 Oct 2023, item 1"


def test_the_history_command(store: Store, clock: FakeClock, db_path: Path, database: str) -> None:
    plan_id, _item = _three_meetings(store, clock)
    store.close()
    base = [sys.executable, "-m", "board_tui", "history"]
    shown = subprocess.run(
        [*base, "7", "--plan", "ELG plan", "--db", database],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0] == "7. Write an annual impact report  [At risk]"
    assert "Next step → On track “Structure shared with workstreams”" in lines[3]
    assert lines[3].endswith("at Engagement Leads Group, 9 Feb 2023")
    assert "step 1: Next step → Complete" in lines[4]
    assert "On track → At risk" in lines[5]
    step = subprocess.run(
        [*base, "7.1", "--plan", str(plan_id), "--json", "--db", database],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert [e["said"] for e in json.loads(step.stdout) if e["event"] == "update"] == [
        "Structure agreed"
    ]
    missing = subprocess.run(
        [*base, "99", "--plan", "ELG plan", "--db", database],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 1
    assert missing.stderr.strip() == "Error: no item '99' in 'ELG plan'"


async def test_the_plan_screen_shows_the_history_with_its_meetings(
    store: Store, clock: FakeClock
) -> None:
    plan_id, _item = _three_meetings(store, clock)
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(PlanScreen(store, plan_id, today=dt.date(2023, 5, 1)))
        await pilot.pause()
        shown = str(app.screen.query_one("#plan-history-text", Static).render())
        assert "Made\n" in shown
        assert "step 1 added\n" in shown
        assert shown.index("9 Feb 2023") < shown.index("9 Mar 2023") < shown.index("13 Apr 2023")
        assert "Feedback late from Lifecourse  at Engagement Leads Group, 13 Apr 2023" in shown
