"""The chair's view: a calm, large, read-only picture of the meeting for a screen share.

It follows the clerk: a cheap check (PRAGMA data_version) a few times a second,
and a reload only when something was saved. It only reads, through the store,
so the same screen runs inside the clerk's app (`v`) and in the read-only window
of `board-tui chair`. What a public share may show is decided in chair_view.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import replace
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Digits, Static

from board_tui.domain.agenda_order import minutes_used
from board_tui.domain.errors import BoardTuiError
from board_tui.domain.exempt import CONFIDENTIAL
from board_tui.domain.formatting import agenda_time, long_date, minutes_time
from board_tui.domain.model import MeetingStatus, Status
from board_tui.domain.plan_records import Action
from board_tui.domain.projection import project
from board_tui.screens.chair_table import review_table
from board_tui.screens.dialogs.questions import ConfirmDialog
from board_tui.screens.shell.themes import other_theme
from board_tui.screens.widgets.status import legend
from board_tui.services.chair_view import (
    ChairFilter,
    ChairState,
    Scope,
    cycle,
    follow_meeting,
    read_chair,
)
from board_tui.storage.store import Store

POLL_SECONDS = 0.25
"""How often the view asks SQLite whether anything changed: a save shows within a second."""
HIGHLIGHT_SECONDS = 5.0
"""How long an action that has just appeared keeps its highlight."""


class ChairScreen(Screen[None]):
    """Where the meeting is, what was agreed, which actions are due; nothing to type."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "p",
            "public",
            "Public share",
            id="chair.public",
            tooltip="Public share on, or off for a private session (asks first)",
        ),
        Binding(
            "a",
            "scope",
            "This item / whole plan",
            id="chair.scope",
            tooltip="The current item's plan items and actions, or the whole plan",
        ),
        Binding("o", "overdue", "Overdue", id="chair.overdue", tooltip="Overdue only, or all"),
        Binding("l", "lead", "Lead", id="chair.lead", tooltip="The next lead in turn"),
        Binding("s", "status", "Status", id="chair.status", tooltip="The next status in turn"),
        Binding("t", "theme", "Theme", id="chair.theme", tooltip="Default or high contrast"),
        Binding(
            "v,escape",
            "back",
            "Clerk's screen",
            id="chair.back",
            tooltip="Back to the clerk's screen",
        ),
    ]

    def __init__(
        self,
        store: Store,
        *,
        meeting_id: int | None = None,
        plan_id: int | None = None,
        in_app: bool = False,
        public_only: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self.in_app = in_app
        self.public_only = public_only
        """Public share cannot be turned off (a browser tab of board-tui serve)."""
        self.filter = ChairFilter()
        self.state = ChairState(today=store.clock().date())
        self._pinned = meeting_id
        self._plan_id = plan_id
        self._version: tuple[int, int] | None = None
        self._problem: str | None = None
        self._seen: set[int] | None = None
        """Actions already shown; None until the first paint (what is there then is not new)."""
        self._now_text: Text | None = None
        self._appeared: dict[int, float] = {}
        """Actions that appeared since, with when: highlighted for HIGHLIGHT_SECONDS."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="chair-top"):
            yield Static(id="chair-meeting")
            yield Static(id="chair-share")
        yield Static(id="chair-banner")
        with Horizontal(id="chair-now"):
            yield Digits(id="chair-number")
            yield Static(id="chair-item")
            with Horizontal(id="chair-clock"):
                yield Digits(id="chair-minutes")
                yield Static(id="chair-minutes-label")
        with Horizontal(id="chair-body"):
            with VerticalScroll(id="chair-decisions", classes="pane"):
                yield Static(id="chair-decisions-text")
            with Vertical(id="chair-review", classes="pane"):
                yield Static(id="chair-filters")
                with VerticalScroll(id="chair-actions"):
                    yield Static(id="chair-actions-text")
                yield Static(id="chair-legend")
        yield Static(id="chair-keys")

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#chair-actions").focus()
        self.set_interval(POLL_SECONDS, self._poll)
        self.set_interval(1.0, self._paint_clock)

    def on_screen_resume(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        # Everything that depends on the width, from the width alone: a resize never leaves
        # the view other than a fresh one at that size.
        self._paint_review()
        self._paint_keys()
        self.call_after_refresh(self._latest_decisions)

    def _latest_decisions(self) -> None:
        self.query_one("#chair-decisions", VerticalScroll).scroll_end(animate=False)

    # -- following the clerk ---------------------------------------------------------------

    def _poll(self) -> None:
        try:
            changed = self.store.data_version() != self._version
        except sqlite3.Error:
            changed = True
        if changed:
            self.reload()

    def reload(self) -> None:
        """Read everything again; a database that cannot be read now is tried at the next poll."""
        shown = self.state.meeting.id if self.state.meeting else None
        try:
            version = self.store.data_version()
            meeting = follow_meeting(self.store, self._pinned, shown)
            self.state = read_chair(self.store, meeting, self.filter, plan_id=self._plan_id)
        except (sqlite3.Error, BoardTuiError) as error:
            self._version = None
            self._problem = f"Cannot read the database just now ({error}); trying again."
            self._paint_top()
            return
        self._version = version
        self._problem = None
        self._note_new_actions()
        self._paint()

    def _note_new_actions(self) -> None:
        """Remember when each action first showed, so one that has just appeared stands out."""
        ids = {r.action.id for r in self.state.rows if r.action is not None and r.new}
        now = time.monotonic()
        if self._seen is not None:
            for action_id in ids - self._seen:
                self._appeared[action_id] = now
                self.set_timer(HIGHLIGHT_SECONDS + 0.05, self._paint_review)
        self._seen = (self._seen or set()) | ids

    def _highlighted(self, action: Action | None) -> bool:
        if action is None or action.id not in self._appeared:
            return False
        return time.monotonic() - self._appeared[action.id] < HIGHLIGHT_SECONDS

    # -- painting --------------------------------------------------------------------------

    def _paint(self) -> None:
        self._paint_top()
        self._paint_now()
        self._paint_clock()
        self._paint_decisions()
        self._paint_review()
        self._paint_keys()

    def _paint_top(self) -> None:
        state = self.state
        heading = Text(state.board_name or "board-tui", style="bold")
        meeting = state.meeting
        if self._problem:
            heading.append(f"   {self._problem}", style="italic")
        elif meeting is not None:
            heading.append(f"   {long_date(meeting.scheduled_start.date())}")
        self.query_one("#chair-meeting", Static).update(heading)
        share = self.query_one("#chair-share", Static)
        share.set_class(self.filter.public, "-public")
        share.set_class(not self.filter.public, "-private")
        share.update(
            " PUBLIC SHARE " if self.filter.public else f" NOT PUBLIC: {CONFIDENTIAL} shown "
        )
        banner = self.query_one("#chair-banner", Static)
        banner.display = not self.filter.public
        banner.update(
            ""
            if self.filter.public
            else "NOT PUBLIC · Part 2 (confidential) business on screen · p: public share on"
        )

    def _paint_now(self) -> None:
        state, meeting, item = self.state, self.state.meeting, self.state.current
        number = self.query_one("#chair-number", Digits)
        text = Text()
        if meeting is None:
            number.update("")
            text.append("No meeting to follow yet", style="bold")
            text.append("\nThe view follows the meeting the clerk starts.")
        elif state.waiting:
            number.update("")
            text.append("Waiting for the meeting to start", style="bold")
            text.append(f"\n{meeting.title}, {minutes_time(meeting.scheduled_start)}")
            if meeting.venue:
                text.append(f" · {meeting.venue}")
        elif item is None:
            number.update("")
            text.append("This meeting has no agenda.", style="bold")
        else:
            number.update(item.number)
            text.append(item.title, style="bold")
            if not self.filter.public and state.is_exempt(item):
                text.append(f"  {CONFIDENTIAL}", style="bold reverse")
            if item.presenter:
                text.append(f"\n{item.presenter}")
            if meeting.status is not MeetingStatus.LIVE:
                # "4.19 p.m." ends with its own full stop: the sentence takes no second one.
                ended = f" at {minutes_time(meeting.actual_end)}" if meeting.actual_end else ""
                sentence = f"The meeting has ended{ended}"
                text.append(f"\n{sentence if sentence.endswith('.') else sentence + '.'}")
                text.stylize("italic", len(text) - len(sentence) - 1)
            elif state.next_item is not None:
                text.append(f"\nNext: {state.next_item.number}. {state.next_item.title}")
            if meeting.status is MeetingStatus.LIVE:
                # From the items as the share shows them: a Part 2 lunch keeps its time only.
                now = self.store.clock()
                projection = project(state.items, meeting, now)
                if projection is not None:
                    text.append(f"\n{projection.words(now)}", style="italic")
        if text != self._now_text:  # painted every second: only a change is drawn again
            self._now_text = text
            self.query_one("#chair-item", Static).update(text)

    def _paint_clock(self) -> None:
        """Minutes used against minutes planned, big; warning near the end, error when over."""
        self._paint_now()  # the projected finish moves with the clock
        state, item = self.state, self.state.current
        now = self.store.clock()
        digits = self.query_one("#chair-minutes", Digits)
        label = self.query_one("#chair-minutes-label", Static)
        clock = self.query_one("#chair-clock")
        used = (
            minutes_used(item, state.meeting, now)
            if item is not None and state.meeting is not None and not state.waiting
            else None
        )
        planned = item.duration_minutes if item is not None else None
        clock.set_class(used is not None and bool(planned) and used > (planned or 0), "-over")
        clock.set_class(
            used is not None and bool(planned) and (planned or 0) * 0.8 <= used <= (planned or 0),
            "-near",
        )
        if used is None:
            digits.update(agenda_time(now).removesuffix("am").removesuffix("pm"))
            label.update("now")
            return
        digits.update(str(used))
        if planned and used > planned:
            label.update(f"min of {planned}\n{used - planned} over")
        else:
            label.update(f"min of {planned}" if planned else "min")

    def _paint_decisions(self) -> None:
        state = self.state
        pane = self.query_one("#chair-decisions", VerticalScroll)
        pane.border_title = f"Agreed in this meeting ({len(state.decisions)})"
        parts: list[Text | Table] = []
        current_id = state.current.id if state.current else None
        grid = Table.grid(padding=(0, 1), expand=True)
        last_item: int | None = None
        for decision in state.decisions:
            if decision.item.id != last_item:
                if last_item is not None:
                    parts += [grid, Text()]
                style = "bold underline" if decision.item.id == current_id else "bold"
                heading = Text(f"{decision.item.number}. {decision.item.title}", style=style)
                if not self.filter.public and state.is_exempt(decision.item):
                    heading.append(f"  {CONFIDENTIAL}", style="bold reverse")
                parts.append(heading)
                grid = Table.grid(padding=(0, 1), expand=True)
                grid.add_column(no_wrap=True)
                grid.add_column(ratio=1)
                last_item = decision.item.id
            grid.add_row(Text(" AGREED ", style="bold reverse"), Text(decision.note.body))
        if state.decisions:
            parts.append(grid)
        else:
            parts.append(Text("No decisions yet.", style="italic"))
        self.query_one("#chair-decisions-text", Static).update(Group(*parts))
        pane.scroll_end(animate=False)

    def _paint_review(self) -> None:
        state, f = self.state, self.filter
        pane = self.query_one("#chair-review", Vertical)
        if f.scope is Scope.PLAN:
            title = f"Whole plan: {state.plan.title}" if state.plan else "No action plan yet"
        elif state.current is not None:
            title = f"Actions for item {state.current.number}"
        else:
            title = "Actions"
        pane.border_title = title
        filters = self.query_one("#chair-filters", Static)
        shown = [
            label
            for on, label in (
                (f.overdue, "overdue"),
                (f.lead is not None, f"lead: {f.lead}"),
                (f.status is not None, f"status: {f.status.label if f.status else ''}"),
            )
            if on
        ]
        filters.display = bool(shown)
        filters.update(Text(f"Only {' · '.join(shown)}", no_wrap=True, overflow="ellipsis"))
        self.query_one("#chair-actions-text", Static).update(self._review_table())
        # The same words as the chips, only the statuses on show: one line at any width.
        key = legend(self.app, None, chips=True, only=state.statuses or tuple(Status))
        key.no_wrap, key.overflow = True, "ellipsis"
        self.query_one("#chair-legend", Static).update(key)

    def _review_table(self) -> Table | Text:
        return review_table(self.app, self.state, self.filter, self._highlighted)

    def _paint_keys(self) -> None:
        self.query_one("#chair-keys", Static).update(self._keys(self.app.size.width))

    def _keys(self, width: int) -> Text:
        """The chair's keys on one line: full words when they fit, short ones when not."""
        plan = self.filter.scope is Scope.PLAN
        full = [("v", "back")] if self.in_app else [("q", "quit")]
        full += [] if self.public_only else [("p", "public share")]
        full += [
            ("a", "this item" if plan else "whole plan"),
            ("o", "overdue only"),
            ("l", "next lead"),
            ("s", "next status"),
            ("t", "theme"),
            ("pgdn pgup", "scroll"),
        ]
        short = {"public share": "public", "overdue only": "overdue", "next lead": "lead"}
        short |= {"next status": "status", "whole plan": "plan", "this item": "item"}
        for words in (None, short):
            text = Text(no_wrap=True, overflow="ellipsis")
            for key, does in full:
                label = words.get(does, does) if words else does
                if key.startswith("pgdn") and words:
                    key, label = "pgdn", "more"
                text.append(f" {key} ", style="bold reverse").append(f"{label} ")
            if text.cell_len <= width:
                break
        return text

    # -- the chair's keys --------------------------------------------------------------------

    def _refilter(self, **changes: object) -> None:
        self.filter = replace(self.filter, **changes)  # type: ignore[arg-type]
        self.reload()

    def action_public(self) -> None:
        if not self.filter.public:
            self._refilter(public=True)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._refilter(public=False)
                self.notify("Exempt (Part 2) items are shown: not for a public share.")

        self.app.push_screen(
            ConfirmDialog(
                "Turn public share off?",
                f"Exempt business ({CONFIDENTIAL}) will show on this screen, and anyone "
                "watching it will see it. Only for a private session.\n\n"
                "y turns public share off · n keeps it on",
            ),
            answered,
        )

    def action_scope(self) -> None:
        scope = Scope.PLAN if self.filter.scope is Scope.ITEM else Scope.ITEM
        self._refilter(scope=scope, lead=None, status=None)

    def action_overdue(self) -> None:
        self._refilter(overdue=not self.filter.overdue)

    def action_lead(self) -> None:
        self._refilter(lead=cycle(self.state.leads, self.filter.lead))

    def action_status(self) -> None:
        self._refilter(status=cycle(self.state.statuses, self.filter.status))

    def action_theme(self) -> None:
        self.app.theme = other_theme(self.app.theme)
        self.call_after_refresh(self._paint_review)  # chips in the new theme's colours

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "public":
            return not self.public_only  # locked on: the key does nothing at all
        return self.in_app if action == "back" else True

    def action_back(self) -> None:
        self.app.pop_screen()
