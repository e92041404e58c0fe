"""A failure in the app's own code mid-meeting: a notice and the meeting goes on, words kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from notices import Notices
from pilot_keys import type_text

from board_tui.screens.dialogs.capture import NoteDialog
from board_tui.screens.meeting.screen import MeetingScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.screens.shell.survival import ERROR_LOG
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

START = dt.datetime(2023, 12, 11, 14, 2)


def _demo(store: Store, clock) -> tuple[BoardApp, int]:
    meeting_id = build_demo(store).next_meeting_id
    clock.now = START
    return BoardApp(store, open_meeting_id=meeting_id), meeting_id


async def test_a_failing_key_is_told_and_the_meeting_stays(
    store: Store, clock, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, meeting_id = _demo(store, clock)

    def broken(self: MeetingScreen) -> None:
        raise RuntimeError("a bug in the chair's view")

    monkeypatch.setattr(MeetingScreen, "action_chair_view", broken)
    told = Notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y", "v")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert any("Something went wrong" in message for message in told.messages)
        await pilot.press("c")
        await pilot.pause()
        await type_text(pilot, "Still capturing")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [n.body for n in store.notes(meeting_id)] == ["Still capturing"]
    log = (db_path.parent / ERROR_LOG).read_text(encoding="utf-8")
    assert "a bug in the chair's view" in log


async def test_the_last_resort_keeps_the_open_dialogs_words(store: Store, clock) -> None:
    app, _meeting_id = _demo(store, clock)

    def boom() -> None:
        raise RuntimeError("nothing guarded this")

    with pytest.raises(RuntimeError, match="nothing guarded this"):
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("s", "y", "d")
            await pilot.pause()
            assert isinstance(app.screen, NoteDialog)
            await type_text(pilot, "It was agreed that nothing is lost")
            app.call_later(boom)  # an error no guard covers: Textual ends the app
            await pilot.pause()
    [draft] = store.drafts()
    assert draft.fields == {"body": "It was agreed that nothing is lost"}


async def test_the_last_resort_writes_a_recovery_file_when_the_store_refuses(
    store: Store, clock, db_path: Path
) -> None:
    import sqlite3

    app, _meeting_id = _demo(store, clock)

    def boom() -> None:
        raise RuntimeError("nothing guarded this either")

    blocker = sqlite3.connect(db_path, isolation_level=None)
    with pytest.raises(RuntimeError, match="either"):
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("s", "y", "c")
            await pilot.pause()
            await type_text(pilot, "Words the database cannot take just now")
            blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
            store.set_busy_timeout(50)
            app.call_later(boom)
            await pilot.pause()
    blocker.execute("ROLLBACK")
    blocker.close()
    [recovered] = db_path.parent.glob("board-tui-recovered-*.txt")
    assert "Words the database cannot take just now" in recovered.read_text(encoding="utf-8")
    assert oct(recovered.stat().st_mode & 0o777) == "0o600"
