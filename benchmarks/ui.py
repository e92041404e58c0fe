"""The app's own screens, driven by keys on the large database, headless, in this process.

Each figure runs from a key reaching the app to the result on the screen and the
screen repainted (Textual's call_after_refresh). The key is posted as the
terminal driver posts it; Pilot.press is not used for the timed key because it
waits for the whole process to fall idle (at least 40 ms), which would be
measured too. Cold start and memory are measured in a real pseudo-terminal
(terminal.py).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable, Input, OptionList

from board_tui.screens.meeting.screen import MeetingScreen
from board_tui.screens.plan import PlanScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.storage.store import Store

SIZE = (120, 40)
CAPTURES_PER_ITEM = 10
FILTER_WORDS = ("partners", "housing", "carers", "transport", "1999")
WAIT_SECONDS = 10.0
KEY_NAMES = {" ": "space", "/": "slash"}


def _post_key(app: App[None], character: str) -> None:
    """The key as the terminal driver delivers it: a Key event posted to the app."""
    key = KEY_NAMES.get(character, character)
    app.post_message(events.Key(key, character if len(character) == 1 else None))


async def _shown(app: App[None], ready: Callable[[], bool], what: str) -> None:
    """Yield to the app until `ready()` holds and the screen has been repainted after it."""
    deadline = time.perf_counter() + WAIT_SECONDS
    while not ready():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.0002)
    painted = asyncio.Event()
    app.screen.call_after_refresh(painted.set)
    await asyncio.wait_for(painted.wait(), WAIT_SECONDS)


async def _timed_key(app: App[None], key: str, ready: Callable[[], bool], what: str) -> float:
    started = time.perf_counter()
    _post_key(app, key)
    await _shown(app, ready, what)
    return time.perf_counter() - started


async def _type(app: App[None], text: str, field: Callable[[], str]) -> None:
    """Type words into the focused field (untimed), waiting until they are all there."""
    for character in text:
        _post_key(app, character)
    await _shown(app, lambda: field() == text, "the words typed")


async def _typed_filter(app: App[None], word: str, applied: Callable[[], str]) -> list[float]:
    """Each key of a word typed into a filter, timed until the table shows what it matches."""
    timings = []
    for n, key in enumerate(word, 1):
        timings.append(
            await _timed_key(
                app,
                key,
                lambda typed=word[:n]: applied() == typed,  # type: ignore[misc]
                "the filtered table",
            )
        )
    return timings


def _note_listed(app: App[None], screen: MeetingScreen, text: str) -> bool:
    if app.screen is not screen:
        return False
    notes = screen.query_one("#notes", OptionList)
    return any(text in str(notes.get_option_at_index(n).prompt) for n in range(notes.option_count))


def _focused_text(app: App[None]) -> str:
    focused = app.focused
    if isinstance(focused, Input):
        return focused.value
    text = getattr(focused, "text", None)
    return text if isinstance(text, str) else ""


async def capture_latencies(store: Store, meeting_id: int, count: int) -> list[float]:
    """Seconds from ctrl+s in the comment dialog to the comment shown in the meeting's notes."""
    app = BoardApp(store, open_meeting_id=meeting_id)
    async with app.run_test(size=SIZE) as pilot:
        await _shown(app, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        if screen.meeting.status.value == "draft":
            await pilot.press("s", "enter")  # start the meeting: "Start the meeting?" yes
            await _shown(app, lambda: app.screen is screen, "the meeting started")
        latencies = []
        for n in range(count):
            if n % CAPTURES_PER_ITEM == 0:
                # Onto the next item, as a meeting goes: ten or so notes under each.
                await pilot.press("n")
                await _shown(app, lambda: app.screen is screen, "the next item")
            text = f"Capture {n:03d}: the board noted the report"
            _post_key(app, "c")
            await _shown(app, lambda: app.screen is not screen, "the comment dialog")
            await _type(app, text, lambda: _focused_text(app))
            latencies.append(
                await _timed_key(
                    app,
                    "ctrl+s",
                    lambda t=text: _note_listed(app, screen, t),  # type: ignore[misc]
                    "the saved comment",
                )
            )
        return latencies


def _has_rows(screen: Screen[Any], selector: str) -> bool:
    """Whether the screen's `selector` widget holds rows yet: a DataTable's row_count, or
    any other scrolling widget's height (the plan's table need not stay a DataTable)."""
    for widget in screen.query(selector):  # none until the screen is composed
        rows = getattr(widget, "row_count", None)
        if rows if isinstance(rows, int) else widget.virtual_size.height > 0:
            return True
    return False


def _plan_shown(app: App[None]) -> bool:
    screen = app.screen
    return isinstance(screen, PlanScreen) and _has_rows(screen, "#plan-items")


async def home_and_meeting_timings(
    store: Store, board_name: str, meeting_id: int, opens: int
) -> dict[str, list[float]]:
    """Seconds to open home (a new home screen, as the app starts on, until its board's
    meetings are listed) and a meeting from home (enter, until its agenda is shown)."""
    from board_tui.screens.home import HomeScreen

    timings: dict[str, list[float]] = {"home": [], "meeting": []}
    app = BoardApp(store)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        for _ in range(opens):
            started = time.perf_counter()
            fresh = HomeScreen(store)
            app.push_screen(fresh)

            def listed(screen: HomeScreen = fresh) -> bool:
                return app.screen is screen and _has_rows(screen, "#meetings")

            await _shown(app, listed, "home")
            timings["home"].append(time.perf_counter() - started)
            app.pop_screen()
            await _shown(app, lambda: app.screen is home, "the first home again")
        boards = home.query_one("#boards", OptionList)
        names = [str(boards.get_option_at_index(n).prompt) for n in range(boards.option_count)]
        boards.highlighted = names.index(board_name)
        await pilot.pause()
        meetings = home.query_one("#meetings", DataTable)
        for _ in range(opens):
            meetings.focus()
            meetings.move_cursor(row=meetings.get_row_index(str(meeting_id)))
            await pilot.pause()

            def opened() -> bool:
                screen = app.screen
                return isinstance(screen, MeetingScreen) and _has_rows(screen, "#agenda")

            timings["meeting"].append(await _timed_key(app, "enter", opened, "the meeting"))
            await pilot.press("escape")
            await _shown(app, lambda: app.screen is home, "home again")
    return timings


async def plan_timings(store: Store, board_name: str, opens: int) -> dict[str, list[float]]:
    """Seconds to open the plan screen from home (enter), and to apply filters in it."""
    timings: dict[str, list[float]] = {"open": [], "filter_words": [], "filter_keys": []}
    app = BoardApp(store)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        boards = home.query_one("#boards", OptionList)
        names = [str(boards.get_option_at_index(n).prompt) for n in range(boards.option_count)]
        boards.highlighted = names.index(board_name)
        await pilot.pause()
        for _ in range(opens):
            home.query_one("#plans", DataTable).focus()
            await pilot.pause()
            timings["open"].append(
                await _timed_key(app, "enter", lambda: _plan_shown(app), "the plan screen")
            )
            await pilot.press("escape")
            await _shown(app, lambda: app.screen is home, "home again")

        home.query_one("#plans", DataTable).focus()
        await pilot.press("enter")
        await _shown(app, lambda: _plan_shown(app), "the plan screen")
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        # Words typed into the filter: the table narrows with each key.
        for word in FILTER_WORDS:
            await pilot.press("slash")
            timings["filter_words"] += await _typed_filter(app, word, lambda: screen.filter.text)
            await pilot.press("enter", "x")  # back to the table; clear
        # The chair's one-key filters and sorts, each on and off.
        for key in ("o", "o", "s", "s", "l", "l", "t", "t", "t", "t") * 3:
            before = screen.filter
            timings["filter_keys"].append(
                await _timed_key(
                    app,
                    key,
                    lambda b=before: screen.filter is not b,  # type: ignore[misc]
                    "the refiltered table",
                )
            )
    return timings


async def capture_floor(count: int) -> list[float]:
    """The same captures in a bare app: a one-field dialog, and a list it adds to."""
    from benchmarks.floor_screens import CaptureFloorApp

    app = CaptureFloorApp()
    async with app.run_test(size=SIZE):
        main = app.screen
        notes = main.query_one("#notes", OptionList)
        latencies = []
        for n in range(count):
            text = f"Capture {n:03d}: the board noted the report"
            _post_key(app, "c")
            await _shown(app, lambda: app.screen is not main, "the dialog")
            await _type(app, text, lambda: _focused_text(app))
            latencies.append(
                await _timed_key(
                    app,
                    "ctrl+s",
                    lambda n=n: app.screen is main and notes.option_count == n + 1,  # type: ignore[misc]
                    "the saved words",
                )
            )
        return latencies


async def plan_floor(
    items: list[str], opens: int, *, filters: bool = True
) -> dict[str, list[float]]:
    """Opening a table screen and filtering it in a bare app, over the same words (with
    filters False, only the opening: the floor for home and a meeting too)."""
    from benchmarks.floor_screens import PlanFloorApp, TableFloor

    timings: dict[str, list[float]] = {"open": [], "filter_words": []}
    app = PlanFloorApp(items)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen

        def shown() -> bool:
            screen = app.screen
            if not isinstance(screen, TableFloor):
                return False
            return any(t.row_count > 0 for t in screen.query("#table").results(DataTable))

        for _ in range(opens):
            timings["open"].append(await _timed_key(app, "enter", shown, "the table"))
            await pilot.press("escape")
            await _shown(app, lambda: app.screen is home, "the first screen again")
        if not filters:
            return timings
        await pilot.press("enter")
        await _shown(app, shown, "the table")
        screen = app.screen
        assert isinstance(screen, TableFloor)
        for word in FILTER_WORDS:
            await pilot.press("slash")
            timings["filter_words"] += await _typed_filter(app, word, lambda: screen.text)
            screen.query_one("#find", Input).value = ""
            screen.query_one("#table", DataTable).focus()  # back to the table, as enter does
            await pilot.pause()
    return timings


def main(argv: Sequence[str] | None = None) -> int:
    """Run one screen benchmark in a process of its own and print its timings as JSON.

    Each runs in a fresh process, so one benchmark's garbage (and its collector's
    pauses) is not measured in the next.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    what = args[0]
    result: object
    if what == "floor-captures":
        result = asyncio.run(capture_floor(int(args[1])))
    else:
        with Store.open(Path(args[1])) as store:
            if what == "captures":
                result = asyncio.run(capture_latencies(store, int(args[2]), int(args[3])))
            elif what == "plan":
                result = asyncio.run(plan_timings(store, args[2], int(args[3])))
            elif what == "home-meeting":
                result = asyncio.run(
                    home_and_meeting_timings(store, args[2], int(args[3]), int(args[4]))
                )
            else:  # floor-plan, floor-open: the plan's recommendations, in a bare app
                items = [i.recommendation for i in store.plan_items(int(args[2]))]
                filters = what == "floor-plan"
                result = asyncio.run(plan_floor(items, int(args[3]), filters=filters))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
