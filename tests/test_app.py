"""The app starts headless on the demo data, and a clerk can find their way around by keyboard."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, Static

from board_tui.screens import STYLES_DIR
from board_tui.screens.home import HomeScreen
from board_tui.screens.meeting.screen import MeetingScreen
from board_tui.screens.plan import PlanScreen, PlanTable
from board_tui.screens.shell import app as shell_app
from board_tui.screens.shell.app import FIRST_STYLES, STYLES, BoardApp
from board_tui.screens.shell.help import HelpScreen
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store


def _text(widget: Static) -> str:
    """The words a Static shows, whatever Rich renderable it holds."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


async def test_the_demo_opens_on_the_december_meeting(store: Store) -> None:
    result = build_demo(store)
    app = BoardApp(store, open_meeting_id=result.next_meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        heading = _text(screen.query_one("#meeting-heading", Static))
        assert "Transformation Advisory Board" in heading
        assert "Monday, 11 December 2023, 2.00 p.m." in heading
        assert "Ready to run" in heading
        agenda = screen.query_one("#agenda", DataTable)
        assert agenda.row_count == 6
        assert [agenda.get_row_at(r)[3] for r in range(6)] == [
            "2.00 p.m.",
            "2.05 p.m.",
            "2.10 p.m.",
            "2.15 p.m.",
            "3.15 p.m.",
            "4.15 p.m.",
        ]
        await pilot.press("n", "n", "n")  # browsing before the start records nothing
        detail = _text(screen.query_one("#item-header", Static))
        assert "4. Community Engagement Strategy" in detail
        assert "Afazul Hoque" in detail
        assert "evaluation report is an appendix" in detail
        tracked = screen.query_one("#tracked", OptionList)
        linked = [str(tracked.get_option_at_index(i).prompt) for i in range(tracked.option_count)]
        assert any("you said / we did" in line for line in linked)  # the linked plan item
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_home_lists_boards_meetings_and_plans(demo_store: Store) -> None:
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        boards = home.query_one("#boards", OptionList)
        assert [boards.get_option_at_index(i).prompt for i in range(boards.option_count)] == [
            "Tower Hamlets Together Engagement Leads Group",
            "Transformation Advisory Board",
        ]
        # It opens on the board whose meeting comes next, not the first in the alphabet.
        assert boards.highlighted == 1
        meetings = home.query_one("#meetings", DataTable)
        # Upcoming (not yet held) first, then past.
        assert [str(meetings.get_row_at(r)[0]) for r in range(meetings.row_count)] == [
            "11 Dec 2023",
            "17 Oct 2023",
        ]
        meetings.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert (
            app.screen.meeting_id
            == demo_store.meeting_on(
                demo_store.board_by_name("Transformation Advisory Board").id, dt.date(2023, 10, 17)
            ).id
        )
        detail = _text(app.screen.query_one("#item-header", Static))
        assert "Welcome and Apologies" in detail
        await pilot.press("n")
        notes = app.screen.query_one("#notes", OptionList)
        minuted = [str(notes.get_option_at_index(i).prompt) for i in range(notes.option_count)]
        assert any(
            "It was agreed that the action plan would be brought to the Board" in line
            for line in minuted
        )


def _steps(screen: PlanScreen) -> str:
    steps = screen.query_one("#plan-steps", OptionList)
    return "\n".join(str(steps.get_option_at_index(i).prompt) for i in range(steps.option_count))


async def test_the_plan_screen_shows_items_steps_and_history(demo_store: Store) -> None:
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        home = app.screen
        home.query_one("#boards", OptionList).highlighted = 0
        await pilot.pause()
        plans = home.query_one("#plans", DataTable)
        plans.focus()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        assert screen.query_one("#plan-items", PlanTable).row_count == 15
        assert "Draft public comms on the purpose and aim of THT" in _steps(screen)
        assert "End of Nov 22" in _steps(screen)
        history = _text(screen.query_one("#plan-history-text", Static))
        assert "Completed" in history  # the step's status line, in its history
        await pilot.press("down", "down")
        assert "NEW ACTION:" in _steps(screen)
        history = _text(screen.query_one("#plan-history-text", Static))
        assert "Currently running existing process" in history


async def test_help_opens_and_closes(demo_store: Store) -> None:
    app = BoardApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_an_empty_database_says_how_to_start(store: Store) -> None:
    app = BoardApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "board-tui demo" in _text(app.screen.query_one("#board-heading", Static))


def test_a_refusal_keeps_the_names_it_gives() -> None:
    """A notice starts with a capital and keeps every other letter as the store wrote it."""
    from board_tui.domain.formatting import sentence

    assert sentence("no board called 'Tower Hamlets Together' in board.sqlite3") == (
        "No board called 'Tower Hamlets Together' in board.sqlite3"
    )
    assert sentence("") == ""


class _EveryStyleAtStart(BoardApp):
    CSS_PATH = [STYLES_DIR / f"{name}.tcss" for name in STYLES]  # noqa: RUF012


def _computed(screen: Screen[Any]) -> list[tuple[str, str]]:
    return [(repr(node), node.styles.css) for node in screen.walk_children(with_self=True)]


async def test_a_screen_opened_at_once_is_styled_as_if_every_sheet_was_read_at_start(
    demo_store: Store,
) -> None:
    """Home's sheets are read first and the rest after the first paint (FIRST_STYLES); a
    meeting opened on start, before that, has every rule, cascading in the same order."""
    meeting_id = build_demo(demo_store).next_meeting_id
    shown: list[list[tuple[str, str]]] = []
    for app in (BoardApp(demo_store, open_meeting_id=meeting_id), _EveryStyleAtStart(demo_store)):
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            if not isinstance(app.screen, MeetingScreen):
                app.push_screen(MeetingScreen(demo_store, meeting_id))
                await pilot.pause()
            assert isinstance(app.screen, MeetingScreen)
            shown.append(_computed(app.screen))
    assert shown[0] == shown[1]
    assert any("meeting" in css or "border" in css for _, css in shown[0])


async def test_home_alone_reads_only_its_own_sheets_until_another_screen_opens(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The warm-up reads the rest half a second after the first paint; on a busy machine
    # that half second can pass before the first check, which is about home alone.
    monkeypatch.setattr(shell_app, "WARM_UP_AFTER_SECONDS", 60)
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        read = {Path(path).stem for path, _ in app.stylesheet.source}
        assert read >= set(FIRST_STYLES)
        assert not read & (set(STYLES) - set(FIRST_STYLES))
        await pilot.press("question_mark")
        read = {Path(path).stem for path, _ in app.stylesheet.source}
        assert read >= set(STYLES)
