"""Opening a database file safely: checks first, so bad input never reaches SQLite half-way."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

from board_tui.storage.errors import DatabaseOpenError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _status(path: Path) -> os.stat_result | None:
    """The file's status (through a link), None when there is no file; never raises."""
    try:
        return path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:  # a name too long, a loop of links, a folder that is a file
        raise DatabaseOpenError(f"{path}: cannot open it ({error.strerror or error})") from None


def _read_header(path: Path) -> bytes:
    """The file's first bytes, opened so that a pipe swapped in after the check cannot block."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise DatabaseOpenError(
            f"{path}: cannot read the database file ({error.strerror})"
        ) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise DatabaseOpenError(_NOT_REGULAR.format(path=path))
        return os.read(fd, len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseOpenError(
            f"{path}: cannot read the database file ({error.strerror})"
        ) from None
    finally:
        os.close(fd)


_NOT_REGULAR = "{path}: is not a database file (a pipe, device or socket, not a regular file)"


def _check_path(path: Path, *, create: bool) -> bool:
    """Refuse what must not be opened; returns True when the file is new.

    Only a regular file is ever opened: a named pipe would make SQLite (and the
    header check) wait for a writer for ever, and a device is no database.
    """
    status = _status(path)
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise DatabaseOpenError(f"{path}: is a folder, not a database file")
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise DatabaseOpenError(_NOT_REGULAR.format(path=path))
    if not path.parent.is_dir():
        raise DatabaseOpenError(f"{path}: the folder {path.parent} does not exist")
    if status is None:
        if not create:
            raise DatabaseOpenError(f"{path}: no such database file")
        return True
    if not os.access(path, os.R_OK):
        raise DatabaseOpenError(f"{path}: cannot read the database file (permission denied)")
    header = _read_header(path)
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
        # No implicit transactions: a statement outside store.transaction() commits on its
        # own, as it did through sqlite-utils, and a transaction is always an explicit BEGIN.
        conn.isolation_level = None
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Triggers that delete or replace rows fire the triggers those rows have, as they
        # did when sqlite-utils set this on every connection it wrapped.
        conn.execute("PRAGMA recursive_triggers = ON")
        if not read_only:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise DatabaseOpenError(f"{path}: cannot switch the database to WAL mode")
            conn.execute("PRAGMA synchronous = FULL")
        # Touch the schema so a damaged file fails here, with a clear message.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise open_failure(path, error) from None
    return conn


_DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
_FREE_BYTES_NEEDED = 64 * 1024
"""Less free space than this beside the database: SQLite cannot grow its log or its file."""


def _read_only_disk(folder: Path) -> bool:
    if hasattr(os, "statvfs") and hasattr(os, "ST_RDONLY"):
        try:
            return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
        except OSError:
            return False
    return False


def _disk_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < _FREE_BYTES_NEEDED
    except OSError:
        return False


def open_failure(path: Path, error: sqlite3.Error, doing: str = "open") -> DatabaseOpenError:
    """What went wrong opening (or updating) the database, in words that lead to the fix.

    Only a file SQLite itself finds corrupt, or not a database, is called damaged: a
    full disk and a read-only disk or folder each say so, since the clerk's file is fine.
    """
    name = str(getattr(error, "sqlite_errorname", ""))
    folder = path.parent
    if name == "SQLITE_FULL" or (not name.startswith(_DAMAGED) and _disk_full(folder)):
        return DatabaseOpenError(f"{path}: cannot {doing} the database: the disk is full")
    if name.startswith("SQLITE_READONLY") or (
        not name.startswith(_DAMAGED)
        and (_read_only_disk(folder) or not os.access(folder, os.W_OK))
    ):
        return DatabaseOpenError(
            f"{path}: cannot {doing} the database: the disk or folder is read-only"
            " (board-tui writes beside the file, even to read it)"
        )
    if name.startswith(_DAMAGED):
        return DatabaseOpenError(f"{path}: the database file is damaged or unreadable ({error})")
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED"):
        return DatabaseOpenError(
            f"{path}: cannot {doing} the database: another program holds it ({error})"
        )
    return DatabaseOpenError(f"{path}: cannot {doing} the database file ({error})")
