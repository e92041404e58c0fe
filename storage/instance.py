"""One clerk's app per database: a lock file beside it says who holds it, and since when.

Two clerk apps writing one meeting would each undo the other's moves and captures. The
app holds an operating-system lock on `<database>.lock` for as long as it runs (the
system lets go of it if the app dies, so a crash never leaves the database locked) and
writes into it who holds it; a second app reads that to tell the clerk, and offers the
read-only chair's view instead. Read-only windows (the chair's view) take no lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO


@dataclass(frozen=True)
class Holder:
    """Who has the database open for writing."""

    pid: int
    host: str
    since: dt.datetime

    def describe(self) -> str:
        hour = self.since.hour % 12 or 12
        when = f"{hour}.{self.since.minute:02d} {'a.m.' if self.since.hour < 12 else 'p.m.'}"
        day = "" if self.since.date() == dt.date.today() else f" on {self.since:%d %b %Y}"
        here = "this computer" if self.host == socket.gethostname() else self.host
        return f"process {self.pid} on {here}, since {when}{day}"


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


WINDOWS_LOCKED_BYTE = 1 << 20
"""Windows locks a byte range for reading too: one far past the holder's words leaves them
readable by the second app."""


def _try_lock(handle: IO[bytes]) -> bool:
    """Take the lock without waiting; False when another process has it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(WINDOWS_LOCKED_BYTE)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class InstanceLock:
    """Held while the clerk's app runs; `claim` says who holds it when it cannot be had."""

    def __init__(self, database: Path) -> None:
        self.path = lock_path(database)
        self._handle: IO[bytes] | None = None

    def claim(self, now: dt.datetime | None = None) -> Holder | None:
        """Take the lock (None), or say who holds it. Where no lock file can be made (a
        read-only folder) nothing is claimed and nothing refused: the database's own
        locking still keeps every write whole."""
        try:
            handle = open(self.path, "a+b")  # noqa: SIM115 (held open for the app's life)
        except OSError:
            return None
        if not _try_lock(handle):
            holder = self._read(handle)
            handle.close()
            return holder or Holder(0, "another program", dt.datetime.now())
        started = (now or dt.datetime.now()).replace(microsecond=0)
        record = {"pid": os.getpid(), "host": socket.gethostname(), "since": started.isoformat()}
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
            handle.write((json.dumps(record) + "\n").encode())
            handle.flush()
        self._handle = handle
        return None

    @staticmethod
    def _read(handle: IO[bytes]) -> Holder | None:
        try:
            handle.seek(0)
            record = json.loads(handle.read().decode("utf-8") or "{}")
            return Holder(
                int(record["pid"]),
                str(record["host"]),
                dt.datetime.fromisoformat(str(record["since"])),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    @property
    def held(self) -> bool:
        """Claimed by this app (False where no lock file could be made)."""
        return self._handle is not None

    def release(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.seek(0)
                self._handle.truncate()
            self._handle.close()
            self._handle = None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
