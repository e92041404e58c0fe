"""Where data lives: the default database, the demo's own database, and their overrides.

The default database is in the platform's user data folder (on Linux
~/.local/share/board-tui/board.sqlite3); BOARD_TUI_DB or --db override it.
The demo never touches that file: it uses demo.sqlite3 beside it unless --db is given.
"""

from __future__ import annotations

import os
from pathlib import Path

from board_tui.domain.errors import BoardTuiError

APP_NAME = "board-tui"
DB_ENV = "BOARD_TUI_DB"
DEFAULT_DB_NAME = "board.sqlite3"
DEMO_DB_NAME = "demo.sqlite3"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def _in_data_dir(name: str) -> Path:
    folder = data_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder / name


def _explicit(explicit: str | os.PathLike[str]) -> Path:
    # An empty name is a mistake, never a way to say "the default database".
    if not os.fspath(explicit).strip():
        raise BoardTuiError("no database file named (the name given is empty)")
    return Path(explicit).expanduser()


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--db first, then BOARD_TUI_DB (set and not empty), then the user data folder."""
    if explicit is not None:
        return _explicit(explicit)
    from_env = os.environ.get(DB_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return _in_data_dir(DEFAULT_DB_NAME)


def demo_database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Only --db overrides the demo's file, so the demo can never fill the real database."""
    if explicit is not None:
        return _explicit(explicit)
    return _in_data_dir(DEMO_DB_NAME)
