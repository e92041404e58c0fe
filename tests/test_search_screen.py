"""Search in the app: ctrl+f anywhere, type, enter jumps; and `board-tui search`."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from pilot_keys import type_text
from textual.widgets import Input, OptionList, Static

from board_tui.screens.meeting.screen import MeetingScreen
from board_tui.screens.plan import PlanScreen
from board_tui.screens.search import SearchScreen, open_search
from board_tui.screens.shell.app import BoardApp
from board_tui.storage.store import Store


async def searched(app: BoardApp, pilot) -> None:
    """Searches run in a worker: wait for it, then for its answer to be shown."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_ctrl_f_finds_youth_council_and_enter_opens_the_item(demo_store: Store) -> None:
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "youth council")
        await searched(app, pilot)
        results = app.screen.query_one("#search-results", OptionList)
        assert results.option_count == 1
        shown = str(results.get_option_at_index(0).prompt)
        assert (
            "Transformation Advisory Board · 17 Oct 2023 · 4. New Target Operating Model" in shown
        )
        assert "Young Mayor and Youth Council" in shown
        await pilot.press("enter", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.current_item is not None
        assert screen.current_item.title == "New Target Operating Model"
        notes = screen.query_one("#notes", OptionList)
        assert notes.highlighted is not None
        chosen = notes.get_option_at_index(notes.highlighted).prompt
        assert "Youth Council" in str(chosen)
    # Browsing a closed meeting's item records nothing about its times.
    meeting = demo_store.meeting_on(1, dt.date(2023, 10, 17))
    assert meeting.actual_end == dt.datetime(2023, 10, 17, 16, 19)


async def test_a_plan_result_opens_the_plan_at_its_item(demo_store: Store) -> None:
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        open_search(app, demo_store)
        await pilot.pause()
        await type_text(pilot, "iStatements")
        await searched(app, pilot)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        current = app.screen.current
        assert current is not None and current.item.ref == "13"


async def test_a_bad_query_says_so_in_one_line(demo_store: Store) -> None:
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        open_search(app, demo_store)
        await pilot.pause()
        app.screen.query_one("#search-query", Input).value = '"" ***'
        await searched(app, pilot)
        status = str(app.screen.query_one("#search-status", Static).render())
        assert status == "Type a word to search for."
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)


def test_the_search_command(demo_store: Store, db_path: Path) -> None:
    demo_store.close()
    base = [sys.executable, "-m", "board_tui", "search", "--db", str(db_path)]
    found = subprocess.run(
        [*base, "Youth Council", "--json"], capture_output=True, text=True, timeout=60
    )
    assert found.returncode == 0, found.stderr
    (hit,) = json.loads(found.stdout)
    assert hit["item"] == "4. New Target Operating Model"
    assert hit["date"] == "2023-10-17"
    assert hit["matched"] == ["Youth", "Council"]
    plain = subprocess.run(
        [*base, '"target operating"', "--board", "Transformation Advisory Board"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert plain.stdout.splitlines()[:5] == [
        "Found 2: 1 agenda item, 1 minute; in Transformation Advisory Board, 17 Oct 2023 (2)",
        "",
        "Transformation Advisory Board · meeting of 17 Oct 2023",
        "  4. New Target Operating Model · agenda item",
        "      presented by Ayesha Hakim Rahman",
    ]
    later = subprocess.run(
        [*base, "Youth Council", "--since", "2023-11-01"], capture_output=True, text=True
    )
    assert later.stdout.strip() == "Nothing found for Youth Council."
    bad = subprocess.run([*base, "***"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1
    assert bad.stderr.strip() == "Error: type a word to search for"
