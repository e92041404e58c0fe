"""Opening a database file safely: checks first, so bad input never reaches SQLite half-way."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from board_tui.storage.errors import DatabaseOpenError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _check_path(path: Path, *, create: bool) -> bool:
    """Refuse what must not be opened; returns True when the file is new."""
    if path.is_dir():
        raise DatabaseOpenError(f"{path}: is a folder, not a database file")
    if not path.parent.is_dir():
        raise DatabaseOpenError(f"{path}: the folder {path.parent} does not exist")
    if not path.exists():
        if not create:
            raise DatabaseOpenError(f"{path}: no such database file")
        return True
    if not os.access(path, os.R_OK):
        raise DatabaseOpenError(f"{path}: cannot read the database file (permission denied)")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseOpenError(
            f"{path}: cannot read the database file ({error.strerror})"
        ) from None
    if header and header != SQLITE_HEADER:
        raise DatabaseOpenError(f"{path}: is not a board-tui database (not an SQLite file)")
    return not header


def _create_private(path: Path) -> None:
    """Create the file readable by its owner only: minutes can be confidential."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as error:
        raise DatabaseOpenError(
            f"{path}: cannot create the database file ({error.strerror})"
        ) from None
    os.close(fd)


def connect(path: Path, *, create: bool = True, read_only: bool = False) -> sqlite3.Connection:
    """A connection with the durability settings every writer relies on.

    WAL lets the chair's window read while the clerk writes; synchronous=FULL
    makes each saved capture survive a power cut; busy_timeout makes a
    concurrent reader wait briefly instead of failing.
    """
    path = Path(path).expanduser()
    is_new = _check_path(path, create=create and not read_only)
    if is_new and not read_only:
        _create_private(path)
    try:
        if read_only:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        else:
            conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise DatabaseOpenError(f"{path}: cannot switch the database to WAL mode")
            conn.execute("PRAGMA synchronous = FULL")
        # Touch the schema so a damaged file fails here, with a clear message.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise DatabaseOpenError(
            f"{path}: the database file is damaged or unreadable ({error})"
        ) from None
    return conn
