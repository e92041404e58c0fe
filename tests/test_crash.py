"""A real board-tui process killed with SIGKILL right after a capture keeps that capture."""

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
from collections.abc import Iterator
from pathlib import Path

from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

DEADLINE_SECONDS = 30


class Terminal:
    """The clerk's side of a pseudo-terminal: what the app painted, and the keys typed."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.screen = b""

    def drain(self) -> None:
        os.set_blocking(self.fd, False)
        try:
            while chunk := os.read(self.fd, 65536):
                self.screen += chunk
        except OSError:
            pass

    def type(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def wait_for(self, predicate, what: str) -> None:
        """Poll until predicate() holds, draining the terminal so the app never blocks."""
        deadline = time.monotonic() + DEADLINE_SECONDS
        while time.monotonic() < deadline:
            self.drain()
            if predicate():
                return
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}")


def _query(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@contextlib.contextmanager
def _started_meeting(
    tmp_path: Path,
) -> Iterator[tuple[Path, int, Terminal, subprocess.Popen[bytes]]]:
    """`board-tui live` on the demo in a pseudo-terminal, the meeting started by its keys."""
    db = tmp_path / "board.sqlite3"
    with Store.open(db) as store:
        meeting_id = build_demo(store).next_meeting_id

    main_fd, child_fd = pty.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    process = subprocess.Popen(
        [sys.executable, "-m", "board_tui", "live", "--meeting", str(meeting_id), "--db", str(db)],
        stdin=child_fd,
        stdout=child_fd,
        stderr=child_fd,
        env=env,
        start_new_session=True,
    )
    os.close(child_fd)
    terminal = Terminal(main_fd)
    try:
        terminal.wait_for(lambda: b"Comment" in terminal.screen, "the live meeting screen")
        terminal.type(b"s")
        time.sleep(0.5)
        terminal.type(b"y")
        terminal.wait_for(
            lambda: (
                _query(db, f"SELECT status FROM meetings WHERE id = {meeting_id}") == [("live",)]
            ),
            "the meeting to start",
        )
        yield db, meeting_id, terminal, process
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main_fd)


def test_sigkill_right_after_a_capture_keeps_it(tmp_path: Path) -> None:
    with _started_meeting(tmp_path) as (db, meeting_id, terminal, process):
        for n in range(3):
            # A fast typist: the key that opens the dialog, the words and ctrl+s in one
            # burst. The app must keep them in order: every word in, then the save.
            terminal.type(f"cComment number {n} from the floor\x13".encode())  # ctrl+s
            terminal.wait_for(
                lambda n=n: (
                    len(_query(db, f"SELECT id FROM notes WHERE meeting_id = {meeting_id}")) > n
                ),
                f"capture {n} to be saved",
            )
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    assert process.returncode == -signal.SIGKILL
    bodies = [
        row[0]
        for row in _query(db, f"SELECT body FROM notes WHERE meeting_id = {meeting_id} ORDER BY id")
    ]
    assert bodies == [f"Comment number {n} from the floor" for n in range(3)]
    with Store.open(db) as store:
        assert store.integrity_ok()


_ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
_SHOWN_SAVED = re.compile(r"\d{1,2}\.\d\d [ap]\.m\. • Burst capture (\d{3})\b")
"""A capture as the Minuted list shows it once saved: time, comment mark, words. The
dialog shows the words as they are typed, but never after a time and the mark."""


def _shown_saved(screen: bytes) -> set[int]:
    painted = _ANSI.sub(b"", screen).decode("utf-8", "replace")
    return {int(n) for n in _SHOWN_SAVED.findall(painted)}


def test_sigkill_in_a_burst_of_captures_keeps_every_one_shown_saved(tmp_path: Path) -> None:
    shown_before_the_kill = 15
    with _started_meeting(tmp_path) as (db, meeting_id, terminal, process):
        # A clerk going as fast as the screen: each capture (dialog key, words, ctrl+s in
        # one burst) typed the instant the one before shows as saved, never waiting on disk.
        for n in range(shown_before_the_kill):
            terminal.type(f"cBurst capture {n:03}\x13".encode())
            terminal.wait_for(lambda n=n: n in _shown_saved(terminal.screen), f"{n} shown saved")
        # The next one goes in, and the power goes while its keys are still on their way.
        terminal.type(f"cBurst capture {shown_before_the_kill:03}\x13".encode())
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        terminal.drain()

    assert process.returncode == -signal.SIGKILL
    shown = _shown_saved(terminal.screen)
    bodies = [
        row[0]
        for row in _query(db, f"SELECT body FROM notes WHERE meeting_id = {meeting_id} ORDER BY id")
    ]
    # Everything saved is whole, in the order typed, with nothing between: a prefix of the burst.
    assert bodies == [f"Burst capture {n:03}" for n in range(len(bodies))]
    # Every capture the screen showed as saved is among them; the one in flight may be too.
    assert shown == set(range(len(shown))) and len(shown) >= shown_before_the_kill
    assert len(shown) <= len(bodies) <= shown_before_the_kill + 1, (sorted(shown), bodies)
    with Store.open(db) as store:
        assert store.integrity_ok()
