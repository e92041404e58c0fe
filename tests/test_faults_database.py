"""A damaged database, a file that is not one, and one from a newer board-tui, opened by
every kind of command a clerk runs: one line naming the file, exit 1, no traceback, and not
a byte of it (or anything beside it) written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from faults import assert_one_line_error, file_digest, run_cli
from plan_docs import council_plan

from board_tui.storage import schema
from board_tui.storage.store import Store


def damaged(folder: Path) -> Path:
    path = folder / "damaged.sqlite3"
    with Store.open(path) as store:
        store.create_board("Transformation Advisory Board")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the first page after the header
    path.write_bytes(bytes(data))
    return path


def not_sqlite(folder: Path) -> Path:
    path = folder / "minutes.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a Word file, not a database" * 20)
    return path


def newer(folder: Path) -> Path:
    path = folder / "newer.sqlite3"
    with Store.open(path) as store:
        store.create_board("Transformation Advisory Board")
        store.db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES (?, '9999_from_the_future', '2030-01-01')",
            (schema.MIGRATION_SET,),
        )
    return path


DATABASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "damaged": (damaged, "damaged or unreadable"),
    "not sqlite": (not_sqlite, "not an SQLite file"),
    "newer": (newer, "written by a newer version of board-tui"),
}

COMMANDS: dict[str, list[str]] = {
    "the app": [],
    "live": ["live"],
    "live meeting": ["live", "--meeting", "1"],
    "chair": ["chair"],
    "demo": ["demo", "--build-only"],
    "list": ["list", "meetings"],
    "search": ["search", "apologies"],
    "export minutes": ["export", "minutes", "1", "-o", "{out}/minutes.docx"],
    "export actions": ["export", "actions", "1", "-o", "{out}/plan.docx"],
    "export agenda": ["export", "agenda", "1", "-o", "{out}/agenda.docx"],
    "import actions": ["import", "actions", "{out}/plan-in.docx", "--board", "B"],
    "import agenda": ["import", "agenda", "{out}/agenda-in.md", "--board", "B"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("database", list(DATABASES))
def test_a_bad_database_is_one_line_and_left_untouched(
    tmp_path: Path, database: str, command: str
) -> None:
    make, words = DATABASES[database]
    folder = tmp_path / "data"
    folder.mkdir()
    db = make(folder)
    out = tmp_path / "papers"
    out.mkdir()
    council_plan(out / "plan-in.docx")  # good papers, so only the database can be at fault
    (out / "agenda-in.md").write_text("Date: 2026-12-01\n1. Welcome | 5m\n", encoding="utf-8")
    before = (file_digest(db), sorted(os.listdir(folder)), sorted(os.listdir(out)))

    args = [a.format(out=out) for a in COMMANDS[command]]
    done = run_cli(*args, "--db", str(db))

    assert_one_line_error(done, str(db), words)
    if command == "chair":
        _allow_a_readers_empty_log(db)
    assert (file_digest(db), sorted(os.listdir(folder)), sorted(os.listdir(out))) == before


def _allow_a_readers_empty_log(db: Path) -> None:
    """SQLite gives any reader of a WAL-mode file (the chair's read-only window among them)
    an empty -wal and an -shm index beside it, and a reader cannot remove them: allowed, so
    long as the log holds nothing. Removed here so the folder compares as before."""
    wal, shm = db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")
    if wal.exists():
        assert wal.stat().st_size == 0
        wal.unlink()
    shm.unlink(missing_ok=True)
