"""A full disk or a read-only disk when the database opens is said as such, in one line: the
clerk's file is fine, and "damaged" would send them looking for a backup (issue 16, item 12).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from faults import assert_one_line_error

from board_tui.storage.store import Store

# The real command line with every SQLite connection capped at a few pages: SQLite's own
# "database or disk is full" (SQLITE_FULL), as a disk that fills while the schema is made.
_FULL = """
import sqlite3, sys
real = sqlite3.connect

def capped(*args, **kwargs):
    conn = real(*args, **kwargs)
    conn.execute("PRAGMA max_page_count = 8")
    return conn

sqlite3.connect = capped
from board_tui.cli.main import main
sys.argv = ["board-tui", *sys.argv[1:]]
main()
"""

# Every connection opened read-only, as SQLite opens a file on a read-only disk: writes
# fail with SQLITE_READONLY ("attempt to write a readonly database").
_READ_ONLY = """
import sqlite3, sys
from pathlib import Path
real = sqlite3.connect

def read_only(database, *args, **kwargs):
    if isinstance(database, str) and database.startswith(("file:", ":memory:")):
        return real(database, *args, **kwargs)
    kwargs["uri"] = True
    return real(f"{Path(database).resolve().as_uri()}?mode=ro", *args, **kwargs)

sqlite3.connect = read_only
from board_tui.cli.main import main
sys.argv = ["board-tui", *sys.argv[1:]]
main()
"""


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_a_disk_that_fills_while_the_database_is_made_says_so(tmp_path: Path) -> None:
    db = tmp_path / "board.sqlite3"
    done = _run(_FULL, "list", "boards", "--db", str(db))
    line = assert_one_line_error(done, str(db), "the disk is full")
    assert "damaged" not in line


def test_a_database_on_a_read_only_disk_says_so(tmp_path: Path) -> None:
    db = tmp_path / "board.sqlite3"
    with Store.open(db) as store:
        store.create_board("Transformation Advisory Board")
        store.db.execute("PRAGMA journal_mode = DELETE")  # as a copied or restored file is
    done = _run(_READ_ONLY, "list", "boards", "--db", str(db))
    line = assert_one_line_error(done, str(db), "read-only")
    assert "damaged" not in line


def test_a_damaged_database_is_still_called_damaged(tmp_path: Path) -> None:
    db = tmp_path / "board.sqlite3"
    with Store.open(db) as store:
        store.create_board("Transformation Advisory Board")
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    db.write_bytes(bytes(data))
    done = _run(_READ_ONLY, "list", "boards", "--db", str(db))
    assert_one_line_error(done, str(db), "damaged")


# -- a real small disk, where this machine lets the tests make one ----------------------------


@contextlib.contextmanager
def _small_disk(folder: Path) -> Iterator[Path]:
    """A 4 MB tmpfs at folder, or a skip where mounting is not allowed (not root, a container)."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small disk needs root and mount")
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
        capture_output=True,
        timeout=30,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "board_tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_on_a_real_disk_that_is_full_or_read_only(tmp_path: Path) -> None:
    with _small_disk(tmp_path / "disk") as disk:
        db = disk / "board.sqlite3"
        assert _cli("list", "boards", "--db", str(db)).returncode == 0
        filler = disk / "filler"
        with filler.open("wb") as handle, contextlib.suppress(OSError):
            while True:
                handle.write(b"\0" * 65536)
        for database in (db, disk / "new.sqlite3"):
            line = assert_one_line_error(_cli("list", "boards", "--db", str(database)), "full")
            assert "damaged" not in line
        filler.unlink()
        conn = sqlite3.connect(db)  # no -wal or -shm left for a reader to lean on
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.close()
        remount = ["mount", "-o", "remount,ro", str(disk)]
        assert subprocess.run(remount, capture_output=True, timeout=30).returncode == 0
        # (The chair's read-only window opens it: a file without a log reads on a read-only disk.)
        for command in (
            ["list", "boards"],
            ["backup"],
            ["export", "agenda", "1", "-o", str(tmp_path / "a.docx")],
        ):
            line = assert_one_line_error(_cli(*command, "--db", str(db)), str(db), "read-only")
            assert "damaged" not in line
