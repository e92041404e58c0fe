"""A real board-tui process killed with SIGKILL right after a capture keeps that capture."""

from __future__ import annotations

import contextlib
import functools
import re
import signal
from collections.abc import Iterator
from pathlib import Path

from terminal import Terminal, counted, query, running

from board_tui.services.demo import build_demo
from board_tui.storage.store import Store


def _query(db: Path, sql: str) -> list[tuple[object, ...]]:
    return query(db, sql)


@contextlib.contextmanager
def _started_meeting(tmp_path: Path) -> Iterator[tuple[Path, int, Terminal]]:
    """`board-tui live` on the demo in a pseudo-terminal, the meeting started by its keys."""
    db = tmp_path / "board.sqlite3"
    with Store.open(db) as store:
        meeting_id = build_demo(store).next_meeting_id
    with running(["live", "--meeting", str(meeting_id), "--db", str(db)]) as terminal:
        terminal.wait_for_text("Comment")
        mark = terminal.press("s")
        terminal.wait_for_text("Record that the meeting has started", since=mark)
        terminal.press("y")
        terminal.wait_for(
            lambda: (
                query(db, f"SELECT status FROM meetings WHERE id = {meeting_id}") == [("live",)]
            ),
            "the meeting to start",
        )
        yield db, meeting_id, terminal


def test_sigkill_right_after_a_capture_keeps_it(tmp_path: Path) -> None:
    with _started_meeting(tmp_path) as (db, meeting_id, terminal):
        process = terminal.process
        for n in range(3):
            # A fast typist: the key that opens the dialog, the words and ctrl+s in one
            # burst. The app must keep them in order: every word in, then the save.
            terminal.type(f"cComment number {n} from the floor\x13".encode())  # ctrl+s
            terminal.wait_for(
                counted(db, f"SELECT count(*) FROM notes WHERE meeting_id = {meeting_id}", n + 1),
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


def _is_shown_saved(terminal: Terminal, n: int) -> bool:
    return n in _shown_saved(terminal.screen)


def test_sigkill_in_a_burst_of_captures_keeps_every_one_shown_saved(tmp_path: Path) -> None:
    shown_before_the_kill = 15
    with _started_meeting(tmp_path) as (db, meeting_id, terminal):
        process = terminal.process
        # A clerk going as fast as the screen: each capture (dialog key, words, ctrl+s in
        # one burst) typed the instant the one before shows as saved, never waiting on disk.
        for n in range(shown_before_the_kill):
            terminal.type(f"cBurst capture {n:03}\x13".encode())
            terminal.wait_for(functools.partial(_is_shown_saved, terminal, n), f"{n} shown saved")
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
