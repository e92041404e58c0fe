"""The two looks the app offers, a high-contrast one for projectors, and remembering the choice.

The clerk's app keeps the choice in the database's settings; the chair's
read-only window must never write the database, so it keeps its own in a small
file in the user config folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.app import App
from textual.theme import Theme

from board_tui.domain.statuses import STYLES, Status

DEFAULT_THEME = "textual-dark"
THEME_SETTING = "theme"
CHAIR_CONFIG = "chair.json"


def status_variable(status: Status) -> str:
    """The theme variable of a status's ink ("status-on-track"), as the .tcss files name it."""
    return f"status-{status.value.replace('_', '-')}"


def chip_variable(status: Status) -> str:
    """The theme variable of a status's chip background (the chair's view)."""
    return f"chip-{status.value.replace('_', '-')}"


STATUS_DEFAULTS: dict[str, str] = {
    **{status_variable(s): STYLES[s].ink for s in Status},
    **{chip_variable(s): f"#{STYLES[s].fill}" for s in Status},
    "chip-ink": "#000000",
    "overdue": "#e06666",
    "over-time": "#e06666",
    "near-time": "#f1c232",
    "new-action": "#1c4587",
    "new-flag": "#6fa8dc",
}
"""Colours the app's own words use (statuses, OVERDUE, a timer running over, an action
just set on the chair's view: its row, then its NEW): theme
variables, so every theme, the high-contrast one above all, can restyle them."""

HIGH_CONTRAST_STATUS: dict[str, str] = {
    status_variable(Status.NEXT_STEP): "#66ccff",
    status_variable(Status.ON_TRACK): "#00ff66",
    status_variable(Status.UPDATE_DUE): "#ffff00",
    status_variable(Status.AT_RISK): "#ff9900",
    status_variable(Status.OFF_TRACK): "#ff4444",
    status_variable(Status.COMPLETE): "#ccffcc",
    status_variable(Status.DROPPED): "#cccccc",
    chip_variable(Status.NEXT_STEP): "#66ccff",
    chip_variable(Status.ON_TRACK): "#00ff66",
    chip_variable(Status.UPDATE_DUE): "#ffff00",
    chip_variable(Status.AT_RISK): "#ff9900",
    chip_variable(Status.OFF_TRACK): "#ff4444",
    chip_variable(Status.COMPLETE): "#ccffcc",
    chip_variable(Status.DROPPED): "#cccccc",
    "chip-ink": "#000000",
    "overdue": "#ff4444",
    "over-time": "#ff4444",
    "near-time": "#ffff00",
    "new-action": "#003d66",
    "new-flag": "#00ffff",
}


HIGH_CONTRAST = Theme(
    name="board-high-contrast",
    # White on black with saturated highlights: what still reads on a washed-out projector.
    primary="#ffff00",
    secondary="#00ffff",
    accent="#00ffff",
    warning="#ffd700",
    error="#ff6060",
    success="#00ff66",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#202020",
    boost="#262626",
    dark=True,
    text_alpha=1.0,
    luminosity_spread=0.1,
    variables={
        "text-muted": "#e0e0e0",
        "border": "#ffffff",
        "border-blurred": "#c0c0c0",
        "block-cursor-background": "#ffff00",
        "block-cursor-foreground": "#000000",
        **HIGH_CONTRAST_STATUS,
    },
)


def register_themes(app: App[Any]) -> None:
    app.register_theme(HIGH_CONTRAST)


def other_theme(current: str) -> str:
    """`t` switches between the default look and the high-contrast one."""
    return DEFAULT_THEME if current == HIGH_CONTRAST.name else HIGH_CONTRAST.name


def apply_theme(app: App[Any], name: str | None) -> None:
    """Use a remembered theme; an unknown name (a config from elsewhere) keeps the default."""
    if not name or name == app.theme:
        return
    if name in app.available_themes:
        app.theme = name
    else:
        app.notify(f"Unknown theme {name!r}: using the default.", severity="warning")


def chair_config_path() -> Path:
    from platformdirs import user_config_path

    from board_tui.config import APP_NAME

    return user_config_path(APP_NAME, appauthor=False) / CHAIR_CONFIG


def load_chair_theme(path: Path | None = None) -> str | None:
    """The chair's window's remembered theme; a missing or damaged file means none."""
    try:
        data = json.loads((path or chair_config_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    theme = data.get(THEME_SETTING) if isinstance(data, dict) else None
    return theme if isinstance(theme, str) else None


def save_chair_theme(name: str, path: Path | None = None) -> bool:
    """Remember the chair's window's theme; False when the config folder is not writable."""
    path = path or chair_config_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({THEME_SETTING: name}) + "\n", encoding="utf-8")
    except OSError:
        return False
    return True
