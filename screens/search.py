"""Search everything the boards have said, decided and tracked: type, see, jump.

Results come ranked from the store's full-text index as you type; each shows its
board, meeting date and item, and a snippet with the matched words highlighted.
enter opens the meeting at that item, or the action plan at that item.

Searches run off the event loop on one thread of the screen's own, with one
read-only connection opened at the first search and closed when the screen goes, so
typing never waits for one: a key typed while a search runs starts a new one, the
old one's SQLite statement is interrupted (and one still queued is dropped), and
only the answer to what the box holds now is shown. (An index answers in
milliseconds, but a long query on ten years of meetings once froze the box for
seconds per key.) One thread and one connection, not a connection opened and
checked at every key on Textual's pool of threads (up to six, each with its own
malloc arena): that was 1 MiB more of the app's peak memory for one word typed.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.formatting import sentence
from board_tui.domain.search_records import SearchHit
from board_tui.screens.shell.footer import SteadyFooter
from board_tui.services.search_refs import with_minute_refs
from board_tui.services.search_words import hit_context, hit_kind, hit_place, snippet_adds
from board_tui.storage.search import snippet_parts
from board_tui.storage.store import Store

SEARCH_PAGE_CACHE_KIB = 256
"""The searcher's connection keeps this much of the file, not SQLite's 2 MiB: a search at
ten years of meetings took as long with it (15 ms median over the benchmark's words),
and the app's peak memory is 1.8 MiB lower (benchmarks/PROFILES.md)."""


class ResultList(OptionList):
    """Results, two lines each; the matched words take the theme's highlight."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "result--place",
        "result--kind",
        "result--match",
    }

    def prompt(self, hit: SearchHit) -> Text:
        text = Text(hit_place(hit), style=self.get_component_rich_style("result--place"))
        text.append(f"  {hit_kind(hit)}\n", style=self.get_component_rich_style("result--kind"))
        match = self.get_component_rich_style("result--match")
        parts = snippet_parts(hit.snippet)
        matched = [words for words, m in parts if m]
        context = hit_context(hit)
        if context:
            line = Text(f"{context}\n")
            line.highlight_words(matched, style=match, case_sensitive=False)
            text.append_text(line)
        if not context or snippet_adds(hit, matched, context):
            for words, is_match in parts:
                text.append(" ".join(words.split("\n")), style=match if is_match else "")
        text.rstrip()
        return text


class SearchScreen(Screen[None]):
    """The query above, ranked results below."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="search.back"),
        Binding("down", "to_results", "Results", show=False, id="search.to-results"),
    ]

    def __init__(self, store: Store, *, query: str = "") -> None:
        super().__init__()
        self.store = store
        self.initial = query
        self.hits: list[SearchHit] = []
        self._search_connection: sqlite3.Connection | None = None
        """The connection of the search in progress, to interrupt when a newer one starts."""
        self._search_lock = threading.Lock()
        self._asked = 0
        """Counts the searches asked for: a queued one that is no longer the last is skipped."""
        self._searcher: ThreadPoolExecutor | None = None
        self._search_store: Store | None = None
        """The searcher thread's read-only store: opened, used and closed only on that thread."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            self.initial,
            id="search-query",
            placeholder='words, "a phrase" or a prefix*; enter or down to the results',
        )
        yield Static(id="search-status")
        results = ResultList(id="search-results", classes="pane")
        results.border_title = "Results (enter opens)"
        yield results
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Search"
        self.query_one("#search-query", Input).focus()
        if self.initial:
            self.run_search(self.initial)

    @on(Input.Changed, "#search-query")
    def _typed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def run_search(self, text: str) -> None:
        """Search for text on the searcher thread; its answer is shown if still wanted."""
        asked = self._interrupt_running()
        if not text.strip():
            self.workers.cancel_group(self, "search")
            self._show(text, [], None)
            return
        if self.store.target is None:  # in memory (tests, tools): only this thread can read it
            try:
                self._show(text, with_minute_refs(self.store, self.store.search(text)), None)
            except BoardTuiError as error:
                self._show(text, [], str(error))
            return
        self._search(text, asked)

    def _interrupt_running(self) -> int:
        """Supersede every search asked for so far; returns the number of the next one."""
        with self._search_lock:
            self._asked += 1
            if self._search_connection is not None:
                # Safe from another thread: SQLite stops the statement at its next step.
                self._search_connection.interrupt()
            return self._asked

    @work(exclusive=True, exit_on_error=False, group="search")
    async def _search(self, text: str, asked: int) -> None:
        if self._searcher is None:
            self._searcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search")
        # Cancelled by a newer search while queued, the job never runs; while running, it
        # was interrupted already (run_search).
        answer = await asyncio.get_running_loop().run_in_executor(
            self._searcher, self._search_on_thread, text, asked
        )
        if answer is not None and text == self.query_one("#search-query", Input).value:
            self._show(text, *answer)

    def _search_on_thread(self, text: str, asked: int) -> tuple[list[SearchHit], str | None] | None:
        """On the searcher thread: the hits and any problem, None when a newer search took over."""
        assert self.store.target is not None
        try:
            if self._search_store is None:
                self._search_store = Store.open(self.store.target, read_only=True)
                self._search_store.set_page_cache(SEARCH_PAGE_CACHE_KIB)
            store = self._search_store
            with self._search_lock:
                if asked != self._asked:
                    return None
                self._search_connection = store.conn
            try:
                return with_minute_refs(store, store.search(text)), None
            finally:
                with self._search_lock:
                    self._search_connection = None
        except BoardTuiError as error:
            return [], str(error)
        except sqlite3.Error as error:
            if getattr(error, "sqlite_errorname", "") == "SQLITE_INTERRUPT":
                return None  # a newer search took over
            return [], f"cannot search just now ({error})"

    def _close_search_store(self) -> None:
        """On the searcher thread, the last job: its connection and page cache go."""
        if self._search_store is not None:
            self._search_store.close()
            self._search_store = None

    def _show(self, text: str, hits: list[SearchHit], problem: str | None) -> None:
        status = self.query_one("#search-status", Static)
        results = self.query_one("#search-results", ResultList)
        results.clear_options()
        self.hits = hits
        if not text.strip():
            status.update("Type to search every board's meetings, actions and plans.")
            return
        if problem is not None:
            status.update(Text(sentence(problem) + ".", style="italic"))
            return
        results.add_options(Option(results.prompt(h), id=str(n)) for n, h in enumerate(hits))
        found = len(hits)
        status.update(f"{found} found, best first" if found else "Nothing found.")
        if found:
            results.highlighted = 0

    def on_unmount(self) -> None:
        self._interrupt_running()
        if self._searcher is not None:
            self._searcher.submit(self._close_search_store)
            self._searcher.shutdown(wait=False, cancel_futures=False)
            self._searcher = None

    @on(Input.Submitted, "#search-query")
    def action_to_results(self) -> None:
        if self.hits:
            self.query_one("#search-results", ResultList).focus()

    def action_back(self) -> None:
        results = self.query_one("#search-results", ResultList)
        if results.has_focus:
            self.query_one("#search-query", Input).focus()
        else:
            self.app.pop_screen()

    @on(OptionList.OptionSelected, "#search-results")
    async def _chosen(self, event: OptionList.OptionSelected) -> None:
        await self.open_hit(self.hits[event.option_index])

    async def open_hit(self, hit: SearchHit) -> None:
        """Jump to where the record lives: its meeting and item, else its plan and item."""
        from board_tui.screens.meeting.hold import open_meeting
        from board_tui.screens.meeting.screen import MeetingScreen
        from board_tui.screens.plan import PlanScreen

        if hit.meeting_id is not None and hit.item_id is not None:
            meeting = open_meeting(self.app, self.store, hit.meeting_id)
            await self.app.push_screen(meeting)
            note = hit.record_id if hit.kind in ("comment", "decision", "narrative") else None
            if isinstance(meeting, MeetingScreen):  # else another clerk's, shown read-only
                meeting.show_note(hit.item_id, note)
        elif hit.plan_id is not None:
            plan = PlanScreen(self.store, hit.plan_id)
            await self.app.push_screen(plan)
            plan.refresh_items(keep_item_id=hit.plan_item_id)
        elif hit.meeting_id is not None:
            await self.app.push_screen(open_meeting(self.app, self.store, hit.meeting_id))


def open_search(app: App[Any], store: Store) -> None:
    """Open search (the home screen's /, ctrl+f anywhere); a second press keeps the one open."""
    if not isinstance(app.screen, SearchScreen):
        app.push_screen(SearchScreen(store))
    else:
        app.screen.query_one("#search-query", Input).focus()
