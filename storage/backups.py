"""Online backups of the database file, kept beside it, and the checks a restore needs.

A backup is taken with SQLite's backup API, so it is a consistent copy even while
the app (or the chair's window) has the file open. It is written first under a random
hidden name (`.<db stem>-<random>.partial`), made new with O_EXCL|O_NOFOLLOW so that a
file or link planted in the folder is never written through, and renamed into place
when whole; a partial file left by a killed backup is deleted once it is an hour old.
Backups live in a `backups` folder next to the database, named
`<db stem>-YYYYMMDD-HHMMSS-<reason>.sqlite3` (`-2`, `-3`… when more than one is taken
in the same second), private to their owner like the database, and only the newest
ten are kept.

When a backup cannot be written, the store refuses the import or migration it was
meant to protect: a clerk would rather fix a full disk than find an import they
cannot undo. Closing a meeting is already saved when its backup is taken, so a
failed backup there is only reported.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from board_tui.storage import new_files, schema
from board_tui.storage.connection import connect
from board_tui.storage.errors import BackupError, DatabaseOpenError
from board_tui.storage.new_files import NEW_FILE_FLAGS

BACKUP_FOLDER = "backups"
KEEP = 10
STAMP_FORMAT = "%Y%m%d-%H%M%S"
STALE_PARTIAL_SECONDS = 3600
"""A partial backup this old is no backup in progress (one takes seconds): it is deleted."""
_PARTIAL_TRIES = 100


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    reason: str
    size: int


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / BACKUP_FOLDER


def _pattern(db_path: Path) -> re.Pattern[str]:
    # Per database: two databases in one folder never count (or prune) each other's backups.
    return re.compile(
        rf"^{re.escape(db_path.stem)}-(\d{{8}}-\d{{6}})-([a-z]+)(?:-(\d+))?\.sqlite3$"
    )


def _order(match: re.Match[str]) -> tuple[str, int]:
    return match.group(1), int(match.group(3) or 1)


def _matches(db_path: Path) -> list[tuple[re.Match[str], Path]]:
    """This database's backups, newest first; by name, since copying a file changes its time."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(db_path)
    found = [(m, p) for p in folder.iterdir() if (m := pattern.match(p.name)) and p.is_file()]
    return sorted(found, key=lambda pair: _order(pair[0]), reverse=True)


def list_backups(db_path: Path) -> list[Backup]:
    return [
        Backup(
            path,
            dt.datetime.strptime(match.group(1), STAMP_FORMAT),
            match.group(2),
            path.stat().st_size,
        )
        for match, path in _matches(db_path)
    ]


def free_name(db_path: Path, stamp: str, reason: str) -> Path:
    taken = [_order(m)[1] for m, _ in _matches(db_path) if m.group(1) == stamp]
    number = max(taken, default=0) + 1
    suffix = f"-{number}" if number > 1 else ""
    return backup_folder(db_path) / f"{db_path.stem}-{stamp}-{reason}{suffix}.sqlite3"


def _partial_pattern(db_path: Path) -> re.Pattern[str]:
    # This database's partial files, and SQLite's journal beside one; also the fixed names
    # (".<backup name>.partial") earlier versions used.
    return re.compile(rf"^\.{re.escape(db_path.stem)}-.+\.partial(?:-journal)?$")


def _new_partial(folder: Path, db_path: Path) -> Path:
    """A new, empty, owner-only file under a random name: never one already there, or a link."""
    flags = NEW_FILE_FLAGS
    for _ in range(_PARTIAL_TRIES):
        partial = folder / f".{db_path.stem}-{new_files.random_part(8)}.partial"
        try:
            os.close(os.open(partial, flags, 0o600))
        except FileExistsError:
            continue
        return partial
    raise FileExistsError(f"no free name for a backup in {folder}")


def prune_partials(db_path: Path, *, now: float | None = None) -> list[Path]:
    """Delete partial backups (and their journals) a killed backup left over an hour ago."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    pattern = _partial_pattern(db_path)
    cutoff = (time.time() if now is None else now) - STALE_PARTIAL_SECONDS
    removed = []
    for path in folder.iterdir():
        if not pattern.match(path.name):
            continue
        try:
            if path.lstat().st_mtime < cutoff:
                path.unlink()  # a planted link goes, never what it points at
                removed.append(path)
        except OSError:
            continue
    return removed


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def take_backup(conn: sqlite3.Connection, db_path: Path, reason: str, now: dt.datetime) -> Path:
    """Copy the committed database into a new backup file; raises BackupError if it can't.

    Written under a hidden temporary name and renamed into place, so a backup file
    that exists is always whole.
    """
    folder = backup_folder(db_path)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        final = free_name(db_path, now.strftime(STAMP_FORMAT), reason)
        partial = _new_partial(folder, db_path)
        try:
            target = sqlite3.connect(partial)
            try:
                conn.backup(target)
                # The copy carries the live file's WAL mode; one self-contained file is
                # what a clerk expects to move, mail or restore.
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
            _fsync(partial)
            os.replace(partial, final)
        except BaseException:
            partial.unlink(missing_ok=True)
            partial.with_name(partial.name + "-journal").unlink(missing_ok=True)
            raise
        if os.name == "posix":  # makes the rename itself durable; Windows cannot open folders
            _fsync(folder)
    except OSError as error:
        raise BackupError(
            f"cannot write a backup in {folder} ({error.strerror or error})"
        ) from None
    except sqlite3.Error as error:
        raise BackupError(f"cannot write a backup in {folder} ({error})") from None
    return final


def prune(db_path: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest `keep` backups, and stale partial ones; returns those deleted."""
    removed = prune_partials(db_path)
    for _match, path in _matches(db_path)[keep:]:
        try:
            path.unlink()
        except OSError:
            continue  # an old backup that will not go costs space, not safety
        removed.append(path)
    return removed


def check_restorable(source: Path, db_path: Path) -> None:
    """Refuse a file that is not a whole board-tui database this version can open.

    Raises DatabaseOpenError (SchemaTooNewError for a newer version) naming the file.
    """
    if not source.exists():
        raise DatabaseOpenError(f"{source}: no such file")
    if db_path.exists() and os.path.samefile(source, db_path):
        raise DatabaseOpenError(f"{source}: is the database itself; name a backup to restore")
    conn = connect(source, create=False, read_only=True)
    try:
        schema.check_not_newer(conn, str(source))
        if not schema.applied_migrations(conn):
            raise DatabaseOpenError(f"{source}: is not a board-tui database (no board-tui schema)")
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise DatabaseOpenError(
                f"{source}: the database file is damaged (integrity check: {problems[0]})"
            )
    except sqlite3.DatabaseError as error:
        raise DatabaseOpenError(
            f"{source}: the database file is damaged or unreadable ({error})"
        ) from None
    finally:
        conn.close()


@dataclass(frozen=True)
class Restored:
    source: Path
    saved_before: Path
    """The backup of the database as it was, so the restore itself can be undone."""
    migrations: list[str]
    """Schema updates applied to an older backup after it was restored."""
