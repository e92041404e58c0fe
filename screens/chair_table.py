"""The chair's actions table: its columns for a terminal width, and each row's cells.

Worked out from the width alone (never the resize history), so the same window always
shows the same table; every cell clamped to its lines, so a long description never
pushes the overdue steps out of sight.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import App

from board_tui.domain.formatting import short_date
from board_tui.domain.model import Status
from board_tui.domain.plan_records import Action
from board_tui.screens.shell.layout import is_wide
from board_tui.screens.widgets.status import colour, overdue_mark, status_chip
from board_tui.services.chair_view import ChairFilter, ChairState, ReviewRow, Scope

LEAD_COLUMN_FROM = 88
"""From this many columns of the actions table, leads have a column of their own."""


@dataclass(frozen=True)
class Columns:
    """The actions table's columns, worked out from the terminal's width alone, so the same
    width always gives the same table (a resize once left the Lead column out or in)."""

    mark: int
    """The plan item's number, or OVERDUE / NEW beside a step or an action."""
    action: int
    lead: int
    """0: no Lead column; the lead is written under the words instead."""
    when: int
    status: int
    lines: int = 1
    """Lines a step, an action or what was said may take: two where the screen is wide."""

    @property
    def wide(self) -> bool:
        return self.lead > 0


def review_columns(columns: int) -> Columns:
    """The table for a terminal this many columns wide (80, 100, 120, 160 …)."""
    # Stacked below the breakpoint (the pane is the terminal's width); beside the decisions
    # above it (two thirds). Less the pane's border, padding and scroll bar, and one to spare.
    pane = columns if not is_wide(columns) else round(columns * 2 / 3)
    inner = max(pane - 7, 40)
    mark, status = 7, 12
    lead = 18 if inner >= LEAD_COLUMN_FROM else 0
    when = 14 if lead else 12
    gaps = 4 if lead else 3
    action = inner - mark - status - lead - when - gaps
    lines = 2 if is_wide(columns) else 1
    return Columns(mark=mark, action=action, lead=lead, when=when, status=status, lines=lines)


def clamp(text: Text, width: int, lines: int) -> Text:
    """The text wrapped to width, at most this many lines, an ellipsis where it was cut:
    a long description never pushes the next steps out of sight."""
    wrapped = list(text.wrap(_MEASURE, max(width, 1), overflow="fold"))
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        last = wrapped[-1]
        last.rstrip()
        last.truncate(max(width - 1, 0))
        last.append("…")
    return Text("\n").join(wrapped)


_MEASURE = Console(width=200, color_system=None, legacy_windows=False)
"""Only measures text for clamp(): nothing is printed through it."""


def one_line(words: str) -> str:
    """Words as one paragraph: line breaks typed in a plan cell are layout, not meaning."""
    return " ".join(words.split())


def review_table(
    app: App[Any],
    state: ChairState,
    chair_filter: ChairFilter,
    highlighted: Callable[[Action | None], bool],
) -> Table | Text:
    """The actions under review as the chair reads them, or why there are none."""
    if not state.rows:
        if chair_filter.public and state.is_exempt(state.current):
            return Text("An exempt item: not shown on a public share.", style="italic")
        if chair_filter != ChairFilter(public=chair_filter.public, scope=chair_filter.scope):
            return Text("Nothing matches these filters.", style="italic")
        if chair_filter.scope is Scope.ITEM:
            return Text("No plan items or actions on this item (a: whole plan).", "italic")
        return Text("No plan items.", style="italic")
    cols = review_columns(app.size.width)
    table = Table(
        box=None,
        expand=True,
        show_header=True,
        header_style="bold",
        padding=(0, 1, 0, 0),
        pad_edge=False,
    )
    table.add_column("#", width=cols.mark, no_wrap=True)
    table.add_column("Action", ratio=1, no_wrap=True, overflow="ellipsis")
    if cols.wide:
        table.add_column("Lead", width=cols.lead, no_wrap=True, overflow="ellipsis")
    table.add_column("When", width=cols.when, no_wrap=True, overflow="ellipsis")
    table.add_column("Status", width=cols.status, no_wrap=True)
    highlight = Style(bgcolor=colour(app, "new-action"))
    for row in state.rows:
        style = highlight if highlighted(row.action) else None
        table.add_row(*review_cells(app, state, chair_filter, row, cols), style=style)
    return table


def review_cells(
    app: App[Any], state: ChairState, chair_filter: ChairFilter, row: ReviewRow, cols: Columns
) -> list[Text]:
    today, plan_scope = state.today, chair_filter.scope is Scope.PLAN
    overdue = row.is_overdue(today)
    late = overdue_mark(app)
    status = status_chip(app, row.status)
    if row.status in (Status.AT_RISK, Status.OFF_TRACK):
        status.stylize("bold")
    when = Text()
    lead = ""
    if row.action is not None:
        action = row.action
        # Set in this meeting: NEW, the chair's first question, before any lateness.
        mark = Text("NEW", style=f"bold {colour(app, 'new-flag')}") if row.new else Text()
        if overdue and not row.new:
            mark = late
        words = Text("→ " if action.plan_item_id else "")
        if action.plan_item_id is None:
            words.append("Action arising: ", style="bold")
        if action.label:
            words.append(f"{action.label.text} ", style="bold")
        words.append(one_line(action.description))
        if not action.status.is_open:
            words.stylize("dim")
        lines = cols.lines
        words = clamp(words, cols.action, lines)
        when.append(one_line(action.time_frame or ""), style=late.style if overdue else "")
        when = clamp(when, cols.when, lines)
        lead = action.owner or ""
    else:
        assert row.plan_item is not None
        item = row.plan_item
        mark = Text(item.ref, style="bold")
        if plan_scope and overdue:
            mark.append("\n").append_text(late)
        words = clamp(Text(one_line(item.recommendation), style="bold"), cols.action, 2)
        if row.open_steps is not None:
            when.append(one_line(row.next_time_frame or ""), style=late.style if overdue else "")
            if row.open_steps:
                when.append(f"\n{row.open_steps} open", style="italic")
        lead = item.lead or ""
    if lead and not cols.wide:
        words.append("\n").append_text(clamp(Text(lead, style="italic"), cols.action, 1))
    if row.said is not None:
        said = Text(f"Said {short_date(row.said.recorded_at.date())}: ", style="italic bold")
        said.append(one_line(row.said.body), style="italic")
        words.append("\n").append_text(clamp(said, cols.action, cols.lines))
    cells = [mark, words]
    if cols.wide:
        cells.append(clamp(Text(lead), cols.lead, 2))
    return [*cells, clamp(when, cols.when, 2), status]
