"""What the plan screen writes: the filters in words, a step's line, an item's history.

Apart from the screen so its drawing of the plan's words can be read (and tested) on
its own; the screen keeps the table, the keys and the editing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from rich.console import RenderableType
from rich.text import Text
from textual.app import App

from board_tui.domain.exempt import CONFIDENTIAL
from board_tui.domain.formatting import short_date
from board_tui.domain.plan_records import Action
from board_tui.domain.search_records import HistoryEntry
from board_tui.domain.statuses import STYLES, Status
from board_tui.screens.widgets.status import ink, overdue_mark, status_mark
from board_tui.services.search_words import history_line


@dataclass(frozen=True)
class PlanFilter:
    status: Status | None = None
    lead: str | None = None
    overdue: bool = False
    text: str = ""
    sort: str = "ref"

    def describe(self, shown: int, total: int) -> Text:
        parts = [f"Showing {shown} of {total}"]
        if self.overdue:
            parts.append("overdue")
        if self.lead is not None:
            parts.append(f"lead: {self.lead or '(none)'}")
        if self.status is not None:
            parts.append(f"status: {self.status.label}")
        if self.text:
            parts.append(f"words: “{self.text}”")
        parts.append(f"sorted by {self.sort}")
        return Text(" · ".join(parts), style="bold" if len(parts) > 2 else "dim")


def history_text(app: App[Any], entries: list[HistoryEntry]) -> RenderableType:
    """The item's whole life, oldest first: where it was made, its steps, every update with
    the meeting it was said at, the words and old → new status; Part 2 says so."""
    if not entries:
        return Text("No history recorded yet.", style="dim")
    text = Text()
    for entry in entries:
        text.append(f"{entry.at:%d %b %Y} ", style="dim")
        if entry.new_status is None:
            text.append(history_line(entry, brief=True) + "\n", style="dim")
            continue
        if entry.step:
            text.append(f"step {entry.step}: ", style="dim")
        if entry.old_status is not None:
            text.append(f"{STYLES[entry.old_status].label} → ", style="dim")
        text.append(STYLES[entry.new_status].label, style=ink(app, entry.new_status))
        if entry.label:
            text.append(f"  {entry.label}", style="bold")
        if entry.said:
            text.append(f" {entry.said}")
        if entry.meeting_label:
            text.append(f"  at {entry.meeting_label}", style="italic")
        if entry.part2:
            text.append(f"  {CONFIDENTIAL}", style="bold reverse")
        text.append("\n")
    return text


def step_prompt(app: App[Any], step: Action, today: dt.date, *, part2: bool = False) -> Text:
    """A next step as the plan screen lists it; one set in Part 2 says so."""
    line = Text("  ")
    line.append_text(status_mark(app, step.status))
    line.append("  ")
    if step.label:
        line.append(f"{step.label.text} ", style="bold")
    line.append(step.description)
    if step.time_frame:
        line.append(f"  ({step.time_frame}", style="dim")
        if step.due_date:
            line.append(f" → {short_date(step.due_date)}", style="dim")
        line.append(")", style="dim")
    if step.is_overdue(today):
        line.append("  ").append_text(overdue_mark(app))
    if step.closed_reason:
        line.append(f"  — {step.closed_reason}", style="italic dim")
    if part2:
        line.append(f"  {CONFIDENTIAL}", style="bold reverse")
    return line
