"""board-tui in a real pseudo-terminal, as a clerk's terminal runs it: keys in, screen out.

Shared by the tests that must see the app as a user does (type-ahead at any speed, a
kill mid-meeting, a second process): keys go through the terminal driver, not Pilot.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

DEADLINE_SECONDS = 30.0
ESCAPE_ALONE_SECONDS = 0.25
ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
KEYS = {
    "tab": b"\t",
    "shift+tab": b"\x1b[Z",
    "enter": b"\r",
    "escape": b"\x1b",
    "ctrl+s": b"\x13",
    "ctrl+p": b"\x10",
    "ctrl+z": b"\x1a",
    "backspace": b"\x7f",
    "down": b"\x1b[B",
    "up": b"\x1b[A",
    "right": b"\x1b[C",
    "end": b"\x1b[F",
    "home": b"\x1b[H",
    "delete": b"\x1b[3~",
}


class Pty:
    """The clerk's side of a pseudo-terminal: what was painted, and the keys typed.

    For a test that starts its own process on the terminal (its own environment or
    command); Terminal below starts board-tui itself."""

    process: subprocess.Popen[bytes] | None = None

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.screen = b""
        os.set_blocking(self.fd, False)

    def drain(self) -> None:
        with contextlib.suppress(OSError):
            while chunk := os.read(self.fd, 65536):
                self.screen += chunk

    def text(self, since: int = 0) -> str:
        return ESCAPES.sub(b"", self.screen[since:]).decode("utf-8", "replace")

    def type(self, data: bytes) -> int:
        """Send keys; returns where the screen output stood, for text(since=…)."""
        self.drain()
        mark = len(self.screen)
        os.write(self.fd, data)
        return mark

    def press(self, *keys: str, gap: float = 0.0) -> int:
        """Keys by name ("tab", "ctrl+s") or as text, each `gap` seconds after the last.

        Returns where the screen output stood before the first key, for text(since=…)."""
        self.drain()
        mark = len(self.screen)
        for key in keys:
            data = KEYS.get(key, key.encode())
            chunks = [data] if key in KEYS or gap == 0 else [c.encode() for c in key]
            for chunk in chunks:
                self.type(chunk)
                if gap:
                    self._wait(gap)
            if key == "escape":
                # A terminal sends escape as one byte, and the key after it within Textual's
                # escape delay as part of the same sequence (escape, t is alt+t): as in any
                # terminal program, escape needs its moment alone.
                self._wait(max(ESCAPE_ALONE_SECONDS - gap, 0))
        return mark

    def _wait(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.drain()
            time.sleep(min(0.005, max(deadline - time.monotonic(), 0)))

    def wait_for(self, predicate: Callable[[], bool], what: str) -> None:
        """Poll until predicate() holds, draining the terminal so the app never blocks."""
        deadline = time.monotonic() + DEADLINE_SECONDS
        while time.monotonic() < deadline:
            self.drain()
            if predicate():
                return
            if self.process is not None and self.process.poll() is not None:
                raise AssertionError(f"board-tui ended while waiting for {what}: {self.text()}")
            time.sleep(0.02)
        raise AssertionError(
            f"timed out waiting for {what}; the screen last showed:\n{self.text()[-3000:]}"
        )

    def wait_for_text(self, words: str, *, since: int = 0) -> None:
        self.wait_for(lambda: words in self.text(since), repr(words))


class Terminal(Pty):
    """One board-tui process in a pseudo-terminal of the given size."""

    process: subprocess.Popen[bytes]

    def __init__(self, args: Sequence[str], *, size: tuple[int, int] = (120, 40)) -> None:
        columns, rows = size
        main_fd, child_fd = pty.openpty()
        fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(columns),
            "LINES": str(rows),
        }
        env.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "board_tui", *args],
            stdin=child_fd,
            stdout=child_fd,
            stderr=child_fd,
            env=env,
            start_new_session=True,
        )
        os.close(child_fd)
        super().__init__(main_fd)

    def close(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        os.close(self.fd)


def query(db: Path | str, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
    """Read the database as another process would, never holding it open (a file, or a
    PostgreSQL URL: the same SQL, said as the store says it there)."""
    if isinstance(db, str):
        import psycopg

        from board_tui.storage.postgres_sql import to_postgres

        with psycopg.connect(db, connect_timeout=3) as server:
            return server.execute(to_postgres(sql).sql, params).fetchall()
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def counted(db: Path | str, sql: str, expected: int) -> Callable[[], bool]:
    """A condition for wait_for: the count the query gives has reached `expected`."""
    return lambda: int(query(db, sql)[0][0]) == expected


@contextlib.contextmanager
def busy_machine() -> Iterator[None]:
    """A process that keeps one core busy, as a clerk's laptop often is."""
    spin = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        yield
    finally:
        spin.kill()
        spin.wait(timeout=10)


@contextlib.contextmanager
def running(args: Sequence[str], *, size: tuple[int, int] = (120, 40)) -> Iterator[Terminal]:
    terminal = Terminal(args, size=size)
    try:
        yield terminal
    finally:
        terminal.close()
