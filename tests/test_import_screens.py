"""Importing from the home screen: what was read is shown before anything is written, a
document without a date asks for one instead of failing, and a new board name makes the
board for an action log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pilot_keys import type_text
from plan_docs import write_table

from board_tui.screens.agenda import AgendaScreen
from board_tui.screens.dialogs.questions import ConfirmDialog
from board_tui.screens.dialogs.setup import MeetingWhenDialog
from board_tui.screens.shell.app import BoardApp
from board_tui.storage.store import Store


def _dateless_agenda(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Agenda for the club meeting")
    for title in ("Welcome", "Demo of the weather station", "Plans for the fair"):
        document.add_paragraph(title, style="List Number")
    document.save(str(path))
    return path


async def test_an_agenda_without_a_date_asks_for_one(store: Store, tmp_path: Path) -> None:
    path = _dateless_agenda(tmp_path / "club agenda.docx")
    store.create_board("Pi Club")
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await type_text(pilot, str(path))
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MeetingWhenDialog)
        await type_text(pilot, "2022-03-05")
        await pilot.press("tab")
        await pilot.pause()
        await type_text(pilot, "10am")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        shown = str(app.screen.question)
        assert "Saturday, 5 March 2022 at 10.00 a.m." in shown
        assert "Demo of the weather station" in shown
        assert store.meetings() == []  # nothing written before the answer
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    (meeting,) = store.meetings()
    assert meeting.scheduled_start == dt.datetime(2022, 3, 5, 10, 0)
    assert [i.title for i in store.agenda(meeting.id)] == [
        "Welcome",
        "Demo of the weather station",
        "Plans for the fair",
    ]


async def test_escape_on_the_date_question_writes_nothing(store: Store, tmp_path: Path) -> None:
    path = _dateless_agenda(tmp_path / "club agenda.docx")
    store.create_board("Pi Club")
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await type_text(pilot, str(path))
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MeetingWhenDialog)
        await pilot.press("escape")
        await pilot.pause()
    assert store.meetings() == []


async def test_an_action_log_preview_shows_owners_and_dates_and_makes_the_board(
    store: Store, tmp_path: Path
) -> None:
    path = write_table(
        tmp_path / "actions.docx",
        ("Action items", "Person responsible", "Deadline"),
        [
            ("Book the hall for the forum", "Ann Lee", "Mid Jan"),
            ("Send the invitations", "Bob Rao", "31/01/2024"),
        ],
        title="Residents' Forum action log",
    )
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("I")
        await pilot.pause()
        await type_text(pilot, str(path))
        await pilot.press("tab", "tab")
        await pilot.press(*["backspace"] * 10)
        await type_text(pilot, "2024-01-10")
        await pilot.press("tab")
        await type_text(pilot, "Residents Forum")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        shown = str(app.screen.question)
        assert "Book the hall for the forum · Ann Lee" in shown
        assert "(Mid Jan, due 15 Jan 2024)" in shown
        assert "(31/01/2024, due 31 Jan 2024)" in shown
        assert store.boards() == []  # nothing written before the answer
        await pilot.press("y")
        await pilot.pause()
    (board,) = store.boards()
    (plan,) = store.plans(board.id)
    assert (board.name, plan.title) == ("Residents Forum", "Residents' Forum action log")
    assert [i.lead for i in store.plan_items(plan.id)] == ["Ann Lee", "Bob Rao"]
