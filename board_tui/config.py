"""Where data lives: the default database, the demo's own database, and their overrides.

The default database is in the platform's user data folder (on Linux
~/.local/share/board-tui/board.sqlite3); BOARD_TUI_DB or --db override it, with a file
or a team's PostgreSQL server (postgresql://…).
The demo never touches that file: it uses demo.sqlite3 beside it unless --db is given.
"""

from __future__ import annotations

import os
from pathlib import Path

from board_tui.domain.errors import BoardTuiError
from board_tui.storage.dialect import SERVER_URL_PREFIXES

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


def _explicit(explicit: str | os.PathLike[str]) -> Path | str:
    # An empty name is a mistake, never a way to say "the default database".
    named = os.fspath(explicit)
    if not named.strip():
        raise BoardTuiError("no database file named (the name given is empty)")
    if named.startswith(SERVER_URL_PREFIXES):  # a team's shared store on PostgreSQL
        return _without_password(named)
    return Path(named).expanduser()


def _without_password(url: str) -> str:
    """A server's URL, refused if it carries a password: a command line is seen by every
    program on the computer, and a URL is shown in messages and passed to the chair's
    window. libpq reads the password from ~/.pgpass (%APPDATA%\\postgresql\\pgpass.conf on
    Windows) or PGPASSWORD instead."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        raise BoardTuiError(f"not a PostgreSQL URL board-tui can read: {url[:40]}") from None
    if password is not None or "password=" in parts.query.lower():
        raise BoardTuiError(
            "the database URL holds a password: put it in ~/.pgpass (on Windows"
            " %APPDATA%\\postgresql\\pgpass.conf) or PGPASSWORD, and leave it out of the URL"
        )
    return url


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path | str:
    """--db first, then BOARD_TUI_DB (set and not empty), then the user data folder.
    A postgresql:// URL is kept as it is: the store is on that server."""
    if explicit is not None:
        return _explicit(explicit)
    from_env = os.environ.get(DB_ENV, "").strip()
    if from_env:
        return _explicit(from_env)
    return _in_data_dir(DEFAULT_DB_NAME)


def demo_database_path(explicit: str | os.PathLike[str] | None = None) -> Path | str:
    """Only --db overrides the demo's file, so the demo can never fill the real database."""
    if explicit is not None:
        return _explicit(explicit)
    return _in_data_dir(DEMO_DB_NAME)
