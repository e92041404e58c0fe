"""The projected finish: moved by an overrun, pulled by an early finish, held by a fixed time."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from conftest import FakeClock
from rich.console import Console
from textual.screen import Screen
from textual.widgets import Static

from board_tui.domain.model import Meeting
from board_tui.domain.projection import Projection, project
from board_tui.screens.chair import ChairScreen
from board_tui.screens.meeting.screen import MeetingScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.storage.store import Store

START = dt.datetime(2023, 12, 11, 14, 0)


def _meeting(store: Store) -> Meeting:
    """14.00: welcome 10 min, report 30 min, break fixed at 15.00 for 15 min, close 10 min."""
    board = store.create_board("Projection Board")
    meeting = store.create_meeting(board.id, START)
    store.add_agenda_item(meeting.id, "Welcome", duration_minutes=10)
    store.add_agenda_item(meeting.id, "Report", duration_minutes=30)
    store.add_agenda_item(meeting.id, "Break", duration_minutes=15, fixed_start=dt.time(15, 0))
    store.add_agenda_item(meeting.id, "Close", duration_minutes=10)
    return meeting


def _projection(store: Store, meeting_id: int) -> Projection:
    meeting = store.meeting(meeting_id)
    projection = project(store.agenda(meeting_id), meeting, store.clock())
    assert projection is not None
    return projection


def test_no_projection_before_the_meeting_starts(store: Store) -> None:
    meeting = _meeting(store)
    assert project(store.agenda(meeting.id), meeting, store.clock()) is None


def test_an_overrun_pushes_the_finish_and_an_early_finish_pulls_it(
    store: Store, clock: FakeClock
) -> None:
    meeting = _meeting(store)
    welcome, report, _break, _close = store.agenda(meeting.id)
    clock.now = START
    store.start_meeting(meeting.id)
    store.move_to_item(meeting.id, welcome.id)
    on_plan = _projection(store, meeting.id)
    assert on_plan.finish == dt.datetime(2023, 12, 11, 15, 25)
    assert on_plan.minutes_over == 0
    assert on_plan.words(clock.now).startswith("Projected finish 3.25 p.m., on time")

    clock.advance(minutes=10)
    store.move_to_item(meeting.id, report.id)
    clock.advance(minutes=40)  # 10 over its 30: the fixed break at 3.00 takes up the slack
    assert _projection(store, meeting.id).minutes_over == 0
    clock.advance(minutes=15)  # 25 over: now the break, and so the finish, are pushed
    late = _projection(store, meeting.id)
    assert late.finish == dt.datetime(2023, 12, 11, 15, 30)
    assert late.words(clock.now) == (
        "Projected finish 3.30 p.m., 5 min over"
        " · 3. Break at 3.00 p.m., due now (reached 5 min late)"
    )
    clock.advance(minutes=1)  # every minute more over moves it on
    assert _projection(store, meeting.id).minutes_over == 6


def test_an_item_finishing_early_pulls_the_finish_but_not_past_a_fixed_time(
    store: Store, clock: FakeClock
) -> None:
    meeting = _meeting(store)
    welcome, report, _break, close = store.agenda(meeting.id)
    clock.now = START
    store.start_meeting(meeting.id)
    store.move_to_item(meeting.id, welcome.id)
    clock.advance(minutes=5)
    store.move_to_item(meeting.id, report.id)
    clock.advance(minutes=10)  # the report done in 10 of its 30 minutes
    store.move_to_item(meeting.id, close.id)  # the board goes straight to the last item
    early = _projection(store, meeting.id)
    assert early.finish == dt.datetime(2023, 12, 11, 14, 25)  # the break was passed over
    assert early.minutes_over == -60


def test_a_fixed_item_never_moves_earlier(store: Store, clock: FakeClock) -> None:
    meeting = _meeting(store)
    welcome, report, _break, _close = store.agenda(meeting.id)
    clock.now = START
    store.start_meeting(meeting.id)
    store.move_to_item(meeting.id, welcome.id)
    clock.advance(minutes=2)
    store.move_to_item(meeting.id, report.id)
    clock.advance(minutes=5)
    ahead = _projection(store, meeting.id)
    # The report ends at 14.32 at the latest, yet the break still starts at 15.00.
    assert ahead.finish == dt.datetime(2023, 12, 11, 15, 25)
    assert ahead.next_fixed is not None and ahead.next_fixed.title == "Break"
    assert ahead.words(clock.now).endswith("3. Break at 3.00 p.m. in 53 min")


# -- on screen: the clerk's live screen and the chair's view --------------------------------


def _words(screen: Screen[Any]) -> str:
    out = io.StringIO()
    console = Console(width=400, color_system=None, file=out)
    for static in screen.query(Static):
        console.print(static.content)
    return out.getvalue()


async def test_the_live_screen_and_the_chair_view_show_the_finish_move(
    store: Store, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    meeting = _meeting(store)
    welcome, report, _break, _close = store.agenda(meeting.id)
    clock.now = START
    store.start_meeting(meeting.id)
    store.move_to_item(meeting.id, welcome.id)
    clock.advance(minutes=10)
    store.move_to_item(meeting.id, report.id)
    clock.advance(minutes=50)  # 20 over, but the fixed break at 3.00 takes it up
    app = BoardApp(store, open_meeting_id=meeting.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert "Projected finish 3.25 p.m., on time" in _words(screen)
        clock.advance(minutes=10)  # the fixed break's slack used up: the finish moves
        await pilot.pause(1.2)  # the screen's one-second tick
        assert "Projected finish 3.35 p.m., 10 min over" in _words(screen)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ChairScreen)
        assert "Projected finish 3.35 p.m., 10 min over" in _words(app.screen)
        assert "3. Break at 3.00 p.m., due now (reached 10 min late)" in _words(app.screen)
        clock.advance(minutes=2)
        await pilot.pause(1.2)
        assert "Projected finish 3.37 p.m., 12 min over" in _words(app.screen)


def test_an_item_looked_in_on_ahead_of_its_turn_still_takes_the_rest_of_its_time(
    store: Store, clock: FakeClock
) -> None:
    meeting = _meeting(store)
    welcome, _report, _break, close = store.agenda(meeting.id)
    clock.now = START
    store.start_meeting(meeting.id)
    store.move_to_item(meeting.id, welcome.id)
    store.move_to_item(meeting.id, close.id)
    clock.advance(minutes=4)  # four of the closing item's ten minutes used ahead of its turn
    store.move_to_item(meeting.id, welcome.id)  # back: welcome runs on from 14.00
    projection = _projection(store, meeting.id)
    assert projection.finish == dt.datetime(2023, 12, 11, 15, 21)


def test_a_meeting_held_on_another_day_is_measured_against_its_planned_hours(
    store: Store, clock: FakeClock
) -> None:
    meeting = _meeting(store)
    welcome, *_rest = store.agenda(meeting.id)
    clock.now = START + dt.timedelta(days=400, minutes=45)  # a year on, 45 minutes late
    store.start_meeting(meeting.id)
    store.move_to_item(meeting.id, welcome.id)
    late = _projection(store, meeting.id)
    assert late.minutes_over == 25  # the 20 minutes before the fixed break take up the rest
    assert late.words(clock.now).startswith("Projected finish 3.50 p.m., 25 min over")
