"""The meeting never stops: a lock held by another program, a second clerk's app, a full disk,
and a crash between two captures, each met in a real terminal with no word lost."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from terminal import Terminal, busy_machine, query, running

from board_tui.services.demo import build_demo
from board_tui.storage.store import Store


@pytest.fixture
def demo_db(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "board.sqlite3"
    with Store.open(db) as store:
        meeting_id = build_demo(store).next_meeting_id
    return db, meeting_id


def _start(term: Terminal, db: Path, meeting_id: int) -> None:
    term.wait_for_text("Comment")
    term.press("s")
    term.wait_for_text("Record that the meeting has started")
    term.press("y")
    term.wait_for(
        lambda: query(db, f"SELECT status FROM meetings WHERE id = {meeting_id}") == [("live",)],
        "the meeting to start",
    )


def _bodies(db: Path, meeting_id: int) -> list[str]:
    rows = query(
        db,
        f"SELECT body FROM notes WHERE meeting_id = {meeting_id} AND deleted_at IS NULL"
        " ORDER BY id",
    )
    return [str(r[0]) for r in rows]


@contextlib.contextmanager
def _write_lock_held(db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another program holds the database's write lock until told to let go."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "print('locked', flush=True)\n"
            "sys.stdin.readline()\n"
            "c.execute('ROLLBACK')\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    try:
        yield holder
    finally:
        if holder.poll() is None:
            assert holder.stdin is not None
            holder.stdin.write("\n")
            holder.stdin.flush()
            holder.wait(timeout=10)


def test_a_lock_held_for_ten_seconds_loses_no_word(demo_db: tuple[Path, int]) -> None:
    db, meeting_id = demo_db
    words = [f"Comment {n} typed while another program held the database." for n in range(3)]
    with busy_machine(), running(["live", "--meeting", str(meeting_id), "--db", str(db)]) as term:
        _start(term, db, meeting_id)
        with _write_lock_held(db):
            started = time.monotonic()
            mark = term.press("c", words[0], "ctrl+s")
            term.wait_for_text("Not saved yet", since=mark)
            # The clerk carries on typing into the open dialog while the lock is held.
            term.press(" More words.")
            while time.monotonic() - started < 10:
                term.wait_for(lambda: True, "a moment")
                time.sleep(0.2)
            assert term.process.poll() is None  # still running
            assert _bodies(db, meeting_id) == []
        term.wait_for(lambda: len(_bodies(db, meeting_id)) == 1, "the retried save")
        for text in words[1:]:
            term.press("c", text, "ctrl+s")
        term.wait_for(lambda: len(_bodies(db, meeting_id)) == 3, "the later captures")
    assert _bodies(db, meeting_id) == [words[0] + " More words.", *words[1:]]


def test_a_second_clerk_app_is_told_who_has_it_and_offered_the_chairs_view(
    demo_db: tuple[Path, int],
) -> None:
    db, meeting_id = demo_db
    with running(["live", "--meeting", str(meeting_id), "--db", str(db)]) as first:
        _start(first, db, meeting_id)
        with running(["--db", str(db)]) as second:
            second.wait_for_text("board-tui has it open already")
            assert f"process {first.process.pid} on this computer" in second.text()
            second.wait_for_text("Open it read-only instead")
            second.press("y", "enter")
            second.wait_for_text("PUBLIC")  # the chair's view, read-only
            # The first clerk carries on, unhindered.
            first.press("d", "Agreed while a colleague watched.", "ctrl+s")
            first.wait_for(lambda: len(_bodies(db, meeting_id)) == 1, "the capture")
            # The chair's view wraps the decision in its column: its first words suffice.
            second.wait_for_text("AGREED  Agreed while a colleague")
    assert _bodies(db, meeting_id) == ["Agreed while a colleague watched."]


def test_without_a_terminal_a_second_app_is_refused_in_one_line(
    demo_db: tuple[Path, int],
) -> None:
    db, meeting_id = demo_db
    with running(["live", "--meeting", str(meeting_id), "--db", str(db)]) as first:
        _start(first, db, meeting_id)
        result = subprocess.run(
            [sys.executable, "-m", "board_tui", "--db", str(db)],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert "open in board-tui already" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_crash_then_later_then_a_new_capture_keeps_both_texts(
    demo_db: tuple[Path, int],
) -> None:
    db, meeting_id = demo_db
    with running(["live", "--meeting", str(meeting_id), "--db", str(db)]) as term:
        _start(term, db, meeting_id)
        term.press("c", "The first words, typed before the crash")
        term.wait_for(lambda: query(db, "SELECT count(*) FROM drafts")[0][0] == 1, "the draft")
        os.killpg(term.process.pid, signal.SIGKILL)
        term.process.wait(timeout=10)
    with running(["--db", str(db)]) as term:
        term.wait_for_text("Unsaved words found")
        term.press("escape")  # keep it for later
        term.wait_for_text("Comment")
        term.press("c", "A new comment after the restart", "ctrl+s")
        term.wait_for(lambda: len(_bodies(db, meeting_id)) == 1, "the new capture")
    assert _bodies(db, meeting_id) == ["A new comment after the restart"]
    drafts = query(db, "SELECT payload FROM drafts")
    assert len(drafts) == 1 and "The first words, typed before the crash" in str(drafts[0][0])


def _can_mount() -> bool:
    return (
        sys.platform.startswith("linux") and os.geteuid() == 0 and shutil.which("mount") is not None
    )


@pytest.mark.skipif(not _can_mount(), reason="needs root to mount a small disk")
def test_a_full_disk_keeps_the_words_on_screen_and_saves_them_once_there_is_room(
    demo_db: tuple[Path, int], tmp_path: Path
) -> None:
    source, meeting_id = demo_db
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {mounted.stderr.decode().strip()}")
    try:
        db = disk / "board.sqlite3"
        with sqlite3.connect(source) as conn, sqlite3.connect(db) as copy:
            conn.backup(copy)
        with running(["live", "--meeting", str(meeting_id), "--db", str(db)]) as term:
            _start(term, db, meeting_id)
            filler = disk / "filler"
            fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
            try:  # fill the disk to the last byte
                for size in (1 << 20, 1 << 16, 4096, 512, 1):
                    with contextlib.suppress(OSError):
                        while True:
                            os.write(fd, b"\0" * size)
            finally:
                os.close(fd)
            words = "Said while the disk was full, and saved once it was not. " * 40
            mark = term.press("c", words.strip(), "ctrl+s")
            term.wait_for_text("Not saved yet", since=mark)
            assert term.process.poll() is None
            filler.unlink()
            term.wait_for(lambda: len(_bodies(db, meeting_id)) == 1, "the save after room")
            assert _bodies(db, meeting_id) == [words.strip()]
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)
