"""A meeting being run is held by one clerk, as the app shows it: a colleague's app opening it
is told who holds it and follows it read-only; leaving it lets it go; a hold taken over
mid-capture moves the clerk to the read-only view with their typed words kept as a draft;
a database too busy to take the hold is said and retried, never an exit."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from conftest import FakeClock
from notices import Notices
from pilot_keys import type_text, until
from textual.widgets import DataTable

from board_tui.domain.holds import Hold
from board_tui.domain.model import NoteKind
from board_tui.screens.chair import ChairScreen
from board_tui.screens.dialogs.capture import NoteDialog
from board_tui.screens.home import HomeScreen
from board_tui.screens.meeting import hold as meeting_hold
from board_tui.screens.meeting.screen import MeetingScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.services.demo import build_demo
from board_tui.storage.holds import LAPSE_SECONDS
from board_tui.storage.store import Store

COLLEAGUE = "mmannion on DS-LAPTOP-4"
START = dt.datetime(2023, 12, 11, 14, 2)


@pytest.fixture
def meeting_id(store: Store, clock: FakeClock) -> int:
    found = build_demo(store).next_meeting_id
    clock.now = START
    return found


@pytest.fixture
def colleague(db_path: Path, clock: FakeClock, meeting_id: int, database: str) -> Iterator[Store]:
    """A second clerk's app on the same file: its own connection and token."""
    with Store.open(database, clock=clock) as other:
        other.holder_name = COLLEAGUE
        yield other


def _hold(store: Store, meeting_id: int) -> Hold | None:
    return store.meeting_hold(meeting_id)


def _bodies(store: Store, meeting_id: int) -> list[str]:
    return [n.body for n in store.notes(meeting_id)]


def _read_only(app: BoardApp) -> bool:
    """The chair's view is up, and has read the meeting (mounted, not merely pushed)."""
    screen = app.screen
    return isinstance(screen, ChairScreen) and screen.state.meeting is not None


async def _open_from_home(app: BoardApp, pilot) -> None:
    """Enter on the board's next meeting, as a clerk opens it from home."""
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen)
    meetings = app.screen.query_one("#meetings", DataTable)
    meetings.focus()
    meetings.move_cursor(row=0)
    await pilot.press("enter")
    await pilot.pause()


async def test_a_meeting_another_clerk_holds_opens_read_only_and_says_who_since_when(
    store: Store, colleague: Store, meeting_id: int, clock: FakeClock
) -> None:
    colleague.take_hold(meeting_id)
    colleague.start_meeting(meeting_id)
    clock.advance(minutes=5)
    assert colleague.renew_hold(meeting_id)  # their app renews as it runs
    app = BoardApp(store)
    told = Notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        # The meeting is live: the app would resume it at start, and it goes read-only.
        await pilot.pause()
        assert isinstance(app.screen, ChairScreen)
        await pilot.press("escape")  # back home, then open it as a clerk would
        await pilot.pause()
        told.messages.clear()
        await _open_from_home(app, pilot)
        assert isinstance(app.screen, ChairScreen)
        assert app.screen.state.meeting is not None
        assert app.screen.state.meeting.id == meeting_id
        assert told.messages == [f"Held by {COLLEAGUE} since 2.02 p.m.; opened read-only."]

        # It follows the holder's captures, and the keys that capture do nothing here.
        await pilot.press("c", "d", "n")
        await pilot.pause()
        assert isinstance(app.screen, ChairScreen)
        item = store.agenda(meeting_id)[0]
        colleague.add_note(item.id, NoteKind.DECISION, "Agreed while a colleague watched.")
        await until(
            pilot,
            lambda: (
                [d.note.body for d in app.screen.state.decisions]  # type: ignore[attr-defined]
                == ["Agreed while a colleague watched."]
            ),
            "the read-only view to follow the holder",
        )
    held = _hold(store, meeting_id)
    assert held is not None and held.holder == COLLEAGUE and not held.ours
    assert _bodies(store, meeting_id) == ["Agreed while a colleague watched."]


async def test_leaving_the_meeting_and_quitting_let_the_hold_go(
    store: Store, colleague: Store, meeting_id: int
) -> None:
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_from_home(app, pilot)
        assert isinstance(app.screen, MeetingScreen)
        held = _hold(store, meeting_id)
        assert held is not None and held.ours
        assert not colleague.take_hold(meeting_id).ours  # held: the colleague is refused
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert _hold(store, meeting_id) is None
        await _open_from_home(app, pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert _hold(store, meeting_id) is not None
    assert _hold(store, meeting_id) is None  # the app quit with the meeting open
    assert colleague.take_hold(meeting_id).ours


async def _typing_a_comment(app: BoardApp, pilot, words: str) -> None:
    await pilot.pause()
    assert isinstance(app.screen, MeetingScreen)
    await pilot.press("s", "y")
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, NoteDialog)
    await type_text(pilot, words)


async def test_a_hold_taken_over_mid_capture_goes_read_only_and_keeps_the_words(
    store: Store, colleague: Store, meeting_id: int, clock: FakeClock, monkeypatch
) -> None:
    monkeypatch.setattr(meeting_hold, "RENEW_SECONDS", 0.2)
    app = BoardApp(store, open_meeting_id=meeting_id)
    told = Notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await _typing_a_comment(app, pilot, "Residents asked about")
        # This laptop slept past the lapse; a colleague opened the meeting meanwhile.
        clock.advance(seconds=LAPSE_SECONDS + 1)
        assert colleague.take_hold(meeting_id).ours
        await until(pilot, lambda: _read_only(app), "the read-only view")
        assert [type(s) for s in app.screen_stack] == [HomeScreen, ChairScreen]
        assert told.messages[-1] == (
            f"Held by {COLLEAGUE} since 2.03 p.m.: it was taken over, so it is open"
            " read-only here. Your unsaved words are kept as a draft (k)."
        )
    assert [d.fields.get("body") for d in store.drafts(meeting_id)] == ["Residents asked about"]
    assert _bodies(store, meeting_id) == []
    held = _hold(store, meeting_id)
    assert held is not None and held.holder == COLLEAGUE  # quitting let go of nothing of theirs


async def test_a_save_after_the_hold_was_taken_is_refused_and_its_words_kept(
    store: Store, colleague: Store, meeting_id: int, clock: FakeClock
) -> None:
    app = BoardApp(store, open_meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _typing_a_comment(app, pilot, "Agreed at once")
        clock.advance(seconds=LAPSE_SECONDS + 1)  # before the next renewal is due
        assert colleague.take_hold(meeting_id).ours
        at = store.meeting(meeting_id).current_item_id
        await pilot.press("ctrl+s")
        await until(pilot, lambda: _read_only(app), "the read-only view")
        await pilot.press("n", "c")  # nothing here moves or captures
        await pilot.pause()
    assert _bodies(store, meeting_id) == []
    assert [d.fields.get("body") for d in store.drafts(meeting_id)] == ["Agreed at once"]
    assert store.meeting(meeting_id).current_item_id == at


async def test_a_busy_database_is_said_and_the_hold_taken_once_it_can_be(
    store: Store, db_path: Path, meeting_id: int, monkeypatch, database: str, engine: str
) -> None:
    monkeypatch.setattr(meeting_hold, "RETRY_SECONDS", 0.2)
    app = BoardApp(store)
    told = Notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if engine == "sqlite":
            blocker: Any = sqlite3.connect(db_path, isolation_level=None)
            blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        else:  # another clerk's transaction holds the holds' table past the lock timeout
            blocker = psycopg.connect(database, autocommit=True)
            blocker.execute("BEGIN")
            blocker.execute("LOCK TABLE meeting_holds IN EXCLUSIVE MODE")
        try:
            await _open_from_home(app, pilot)
            assert isinstance(app.screen, MeetingScreen)
            assert told.messages[-1].startswith(
                "This meeting is not held for you yet, so nothing in it is written:"
                " the database is busy"
            )
            await pilot.press("s", "y")  # nothing is written while the hold is not ours
            await pilot.pause()
            assert "Not yet" in told.messages[-1]
            assert _hold(store, meeting_id) is None
            assert store.meeting(meeting_id).actual_start is None
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        await until(pilot, lambda: _hold(store, meeting_id) is not None, "the retried hold")
        assert told.messages[-1] == "This meeting is held for you now: capture away."
        assert isinstance(app.screen, MeetingScreen)
        held = _hold(store, meeting_id)
        assert held is not None and held.ours


async def test_a_meeting_screen_opened_directly_still_goes_read_only_when_held(
    store: Store, colleague: Store, meeting_id: int
) -> None:
    """Any screen that opens the meeting screen itself (not through open_meeting) is safe."""
    colleague.take_hold(meeting_id)
    app = BoardApp(store)
    told = Notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.push_screen(MeetingScreen(store, meeting_id))
        await until(pilot, lambda: _read_only(app), "the read-only view")
        assert [type(s) for s in app.screen_stack] == [HomeScreen, ChairScreen]
        assert told.messages[-1] == f"Held by {COLLEAGUE} since 2.02 p.m.; opened read-only."
    held = _hold(store, meeting_id)
    assert held is not None and held.holder == COLLEAGUE
