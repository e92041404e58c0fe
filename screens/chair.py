"""The chair's view: a calm, large, read-only picture of the meeting for a screen share.

It follows the clerk: a cheap check (PRAGMA data_version) a few times a second,
and a reload only when something was saved. It only reads, through the store,
so the same screen runs inside the clerk's app (`v`) and in the read-only window
of `board-tui chair`. What a public share may show is decided in chair_view.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from rich.console import Group
from rich.style import Style
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
from board_tui.domain.formatting import agenda_time, long_date, minutes_time, shorten
from board_tui.domain.model import ActionPlan, MeetingStatus, Status
from board_tui.domain.statuses import STYLES
from board_tui.screens.shell.layout import is_wide
from board_tui.screens.shell.themes import other_theme
from board_tui.services.chair_view import (
    ChairFilter,
    ChairState,
    ReviewRow,
    Scope,
    cycle,
    follow_meeting,
    read_chair,
)
from board_tui.storage.store import Store

POLL_SECONDS = 0.25
"""How often the view asks SQLite whether anything changed: a save shows within a second."""
WIDE_TABLE = 96
"""From this many columns of the actions pane, leads have a column of their own."""


def status_chip(status: Status, label: str | None = None) -> Text:
    """The status as a block of its plan colour: readable from the back of a room."""
    style = STYLES[status]
    return Text(f" {label or style.label} ", style=Style(color="black", bgcolor=f"#{style.fill}"))


def legend_text(plan: ActionPlan | None, only: Sequence[Status] | None = None) -> Text:
    """The plan's own legend (the clerk's words) when it has one, else the vocabulary;
    only the statuses given, when given."""
    entries = [(e.status, e.label) for e in plan.legend] if plan and plan.legend else []
    text = Text()
    for status, label in entries or [(s, s.label) for s in Status]:
        if only is None or status in only:
            text.append_text(status_chip(status, label)).append("  ")
    return text


class ChairScreen(Screen[None]):
    """Where the meeting is, what was agreed, which actions are due; nothing to type."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "public", "Public share", id="chair.public"),
        Binding("a", "scope", "This item / whole plan", id="chair.scope"),
        Binding("o", "overdue", "Overdue", id="chair.overdue"),
        Binding("l", "lead", "Lead", id="chair.lead"),
        Binding("s", "status", "Status", id="chair.status"),
        Binding("t", "theme", "Theme", id="chair.theme"),
        Binding("v,escape", "back", "Clerk's screen", id="chair.back"),
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

    def compose(self) -> ComposeResult:
        with Horizontal(id="chair-top"):
            yield Static(id="chair-meeting")
            yield Static(id="chair-share")
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
                with VerticalScroll(id="chair-actions"):
                    yield Static(id="chair-actions-text")
                yield Static(id="chair-legend")
        yield Static(id="chair-keys")

    def on_mount(self) -> None:
        self.query_one("#chair-keys", Static).update(self._keys())
        self.reload()
        self.query_one("#chair-actions").focus()
        self.set_interval(POLL_SECONDS, self._poll)
        self.set_interval(1.0, self._paint_clock)

    def on_screen_resume(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        self._paint_review()

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
        self._paint()

    # -- painting --------------------------------------------------------------------------

    def _paint(self) -> None:
        self._paint_top()
        self._paint_now()
        self._paint_clock()
        self._paint_decisions()
        self._paint_review()

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
                ended = f" at {minutes_time(meeting.actual_end)}" if meeting.actual_end else ""
                text.append(f"\nThe meeting has ended{ended}.", style="italic")
            elif state.next_item is not None:
                text.append(f"\nNext: {state.next_item.number}. {state.next_item.title}")
        self.query_one("#chair-item", Static).update(text)

    def _paint_clock(self) -> None:
        """Minutes used against minutes planned, big; warning near the end, error when over."""
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
        filters = [
            label
            for on, label in (
                (f.overdue, "overdue only"),
                (f.lead is not None, f"lead: {f.lead}"),
                (f.status is not None, f"status: {f.status.label if f.status else ''}"),
            )
            if on
        ]
        pane.border_subtitle = " · ".join(filters)
        self.query_one("#chair-actions-text", Static).update(self._review_table())
        # Narrow: only the statuses on show, in short words, so the legend keeps to one line.
        legend = (
            legend_text(state.plan)
            if is_wide(self.size.width)
            else legend_text(None, state.statuses)
        )
        self.query_one("#chair-legend", Static).update(legend)

    def _review_table(self) -> Table | Text:
        state = self.state
        if not state.rows:
            if self.filter.public and state.is_exempt(state.current):
                return Text("An exempt item: not shown on a public share.", style="italic")
            if self.filter != ChairFilter(public=self.filter.public, scope=self.filter.scope):
                return Text("Nothing matches these filters.", style="italic")
            if self.filter.scope is Scope.ITEM:
                return Text("No plan items or actions on this item (a: whole plan).", "italic")
            return Text("No plan items.", style="italic")
        # Leads get their own column only where it can be wide enough to read.
        wide = self.query_one("#chair-actions").size.width >= WIDE_TABLE
        table = Table(box=None, expand=True, show_header=True, header_style="bold", padding=(0, 1))
        table.add_column("#", no_wrap=True, width=4)
        table.add_column("Action", ratio=5)
        if wide:
            table.add_column("Lead", ratio=2)
        table.add_column("When", ratio=2)
        table.add_column("Status", no_wrap=True, width=12)
        for row in state.rows:
            table.add_row(*self._cells(row, wide))
        return table

    def _cells(self, row: ReviewRow, wide: bool) -> list[Text]:
        today = self.state.today
        overdue = row.is_overdue(today)
        when = Text()
        status = status_chip(row.status)
        if overdue:
            status = Text.assemble(status, "\n", (" OVERDUE ", "bold reverse"))
        if row.action is not None:
            action = row.action
            words = Text("  → " if action.plan_item_id else "")
            if action.plan_item_id is None:
                words.append("Action arising: ", style="bold")
            if action.label:
                words.append(f"{action.label.text} ", style="bold")
            words.append(action.description)
            if not action.status.is_open:
                words.stylize("dim")
            when.append(action.time_frame or "")
            lead = action.owner or ""
            ref = ""
        else:
            assert row.plan_item is not None
            item = row.plan_item
            # The whole plan is a list to run an eye down: a few lines per item at most.
            words = Text(
                item.recommendation
                if row.open_steps is None
                else shorten(item.recommendation, 160 if wide else 90),
                style="bold",
            )
            if row.open_steps is not None:
                when.append(row.next_time_frame or "")
                if row.open_steps:
                    when.append(f"\n{row.open_steps} open", style="italic")
            lead = item.lead or ""
            ref = item.ref
        cells = [Text(ref, style="bold"), words]
        if wide:
            cells.append(Text(lead))
        elif lead:
            words.append(f"\n{lead}", style="italic")
        return [*cells, when, status]

    def _keys(self) -> Text:
        keys = [("v", "back")] if self.in_app else [("q", "quit")]
        keys += [] if self.public_only else [("p", "public")]
        keys += [
            ("a", "item/plan"),
            ("o", "overdue"),
            ("l", "lead"),
            ("s", "status"),
            ("t", "theme"),
        ]
        text = Text()
        for key, does in keys:
            text.append(f" {key} ", style="bold reverse").append(f" {does} ")
        return text

    # -- the chair's keys --------------------------------------------------------------------

    def _refilter(self, **changes: object) -> None:
        self.filter = replace(self.filter, **changes)  # type: ignore[arg-type]
        self.reload()

    def action_public(self) -> None:
        self._refilter(public=not self.filter.public)
        if not self.filter.public:
            self.notify("Exempt (Part 2) items are shown: not for a public share.")

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "public":
            return not self.public_only  # locked on: the key does nothing at all
        return self.in_app if action == "back" else True

    def action_back(self) -> None:
        self.app.pop_screen()
