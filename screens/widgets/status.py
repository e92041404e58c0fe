"""A status, as every screen shows it: one mark, one chip, one legend, in the theme's colours.

The colours come from theme variables (screens/shell/themes.py), so the high-contrast
theme restyles them too; a word always goes with the colour, for viewers who cannot
tell the colours apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.app import App

from board_tui.domain.model import ActionPlan
from board_tui.domain.statuses import STYLES, Status
from board_tui.screens.shell.themes import STATUS_DEFAULTS, chip_variable, status_variable


def colour(app: App[Any], variable: str) -> str:
    """A colour of the app's current theme, by variable name."""
    return app.theme_variables.get(variable) or STATUS_DEFAULTS[variable]


def ink(app: App[Any], status: Status) -> str:
    return colour(app, status_variable(status))


def status_mark(app: App[Any], status: Status, *, width: int = 0) -> Text:
    """■ and the status's word, in its colour: lists and tables."""
    return Text(f"■ {STYLES[status].label:<{width}}", style=ink(app, status))


def status_chip(app: App[Any], status: Status, label: str | None = None) -> Text:
    """The word on a block of its colour: readable from the back of a room."""
    style = Style(color=colour(app, "chip-ink"), bgcolor=colour(app, chip_variable(status)))
    return Text(f" {label or STYLES[status].label} ", style=style)


def overdue_mark(app: App[Any]) -> Text:
    return Text("OVERDUE", style=f"bold {colour(app, 'overdue')}")


def legend_entries(plan: ActionPlan | None) -> list[tuple[Status, str]]:
    """The plan's own legend (the clerk's words) when it has one, else the vocabulary."""
    entries = [(e.status, e.label) for e in plan.legend] if plan and plan.legend else []
    return entries or [(s, s.label) for s in Status]


def legend(
    app: App[Any], plan: ActionPlan | None, *, chips: bool = False, only: Sequence[Status] = ()
) -> Text:
    """One legend for every screen: marks in lists, chips on the chair's view."""
    text = Text()
    for status, label in legend_entries(plan):
        if only and status not in only:
            continue
        if chips:
            text.append_text(status_chip(app, status, label)).append("  ")
        else:
            text.append("■ ", style=ink(app, status)).append(f"{label}   ")
    return text
