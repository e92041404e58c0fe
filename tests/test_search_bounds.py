"""Search is bounded: a query of hundreds of terms is refused in one line instead of taking
seconds, and the app's search box searches in a worker, so typing never waits for a search
(issue 16, item 11).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from board_tui.domain.search_records import SearchHit
from board_tui.screens.search import SearchScreen, open_search
from board_tui.screens.shell.app import BoardApp
from board_tui.storage.search import MAX_SEARCH_WORDS, SearchQueryError
from board_tui.storage.store import Store

HOSTILE = " OR ".join(["b*"] * 1600)  # took 10 s, and froze the search box 8-10 s a key


def test_a_query_of_1600_terms_is_refused_at_once(demo_store: Store) -> None:
    started = time.monotonic()
    with pytest.raises(SearchQueryError, match=f"too many words .*at most {MAX_SEARCH_WORDS}"):
        demo_store.search(HOSTILE)
    assert time.monotonic() - started < 1.0


def test_up_to_the_cap_a_query_still_searches(demo_store: Store) -> None:
    words = ["youth"] + ["council"] * (MAX_SEARCH_WORDS - 1)
    assert demo_store.search(" ".join(words))
    with pytest.raises(SearchQueryError):
        demo_store.search(" ".join([*words, "board"]))
    phrase = '"' + " ".join(["the"] * (MAX_SEARCH_WORDS + 1)) + '"'
    with pytest.raises(SearchQueryError):  # a phrase's words count too
        demo_store.search(phrase)


def test_the_command_line_refuses_it_in_one_line(demo_store: Store, db_path: Path) -> None:
    demo_store.close()
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "board_tui", "search", HOSTILE, "--db", str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"Error: too many words to search for at once (at most {MAX_SEARCH_WORDS})"
    ]
    assert time.monotonic() - started < 20  # Python's start-up, not the search


async def _answered(app: BoardApp, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_app_says_too_many_words_in_its_status_line(demo_store: Store) -> None:
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        open_search(app, demo_store)
        await pilot.pause()
        app.screen.query_one("#search-query", Input).value = HOSTILE
        await _answered(app, pilot)
        status = str(app.screen.query_one("#search-status", Static).render())
        assert status == f"Too many words to search for at once (at most {MAX_SEARCH_WORDS})."


SLOW_SECONDS = 2.0


async def test_typing_never_waits_for_a_slow_search(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each search takes seconds here (as a hostile query on ten years of meetings did): the
    keys are still taken at once, and only the answer for the final words is shown, even
    though the answers to the first letters come back last."""
    real_search = Store.search
    threads: set[str] = set()

    def slow_search(self: Store, text: str, **kwargs: object) -> list[SearchHit]:
        import threading

        threads.add(threading.current_thread().name)
        time.sleep(SLOW_SECONDS / len(text))  # "y" answers last, "youth" first
        return real_search(self, text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "search", slow_search)
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        open_search(app, demo_store)
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        started = time.monotonic()
        for key in "youth":
            await pilot.press(key)
        typing = time.monotonic() - started
        box = app.screen.query_one("#search-query", Input)
        assert box.value == "youth"
        assert typing < SLOW_SECONDS, f"five keys took {typing:.2f} s: typing waited"
        await _answered(app, pilot)
        results = app.screen.query_one("#search-results", OptionList)
        shown = [str(results.get_option_at_index(n).prompt) for n in range(results.option_count)]
        assert shown and all("youth" in s.lower() for s in shown)
        assert str(app.screen.query_one("#search-status", Static).render()).endswith(
            "found, best first"
        )
    assert "MainThread" not in threads  # every search ran off the app's own thread
