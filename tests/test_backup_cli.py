"""`board-tui backup` and `board-tui restore FILE`, run as a real subprocess as a clerk would."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_cli import run

from board_tui.cli.main import cli
from board_tui.storage import backups, schema
from board_tui.storage.store import Store


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _boards(path: Path) -> list[str]:
    with Store.open(path, read_only=True) as store:
        return sorted(board.name for board in store.boards())


def _one_error_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "board.sqlite3"
    with Store.open(path) as store:
        store.create_board("Transformation Advisory Board")
    return path


def test_backup_then_restore_brings_the_data_back(db: Path) -> None:
    taken = run("backup", "--db", str(db))
    assert taken.returncode == 0, taken.stderr
    saved = Path(taken.stdout.strip().rsplit(" to ", 1)[1])
    assert saved.parent == db.parent / "backups" and saved.exists()
    with Store.open(db) as store:
        store.create_board("Audit Committee")

    restored = run("restore", str(saved), "--db", str(db))

    assert restored.returncode == 0, restored.stderr
    assert f"Restored {db} from {saved}" in restored.stdout
    assert _boards(db) == ["Transformation Advisory Board"]
    before = [b for b in backups.list_backups(db) if b.reason == "restore"]
    assert len(before) == 1 and str(before[0].path) in restored.stdout
    assert _boards(before[0].path) == ["Audit Committee", "Transformation Advisory Board"]


def test_backup_list_shows_newest_first(db: Path) -> None:
    assert "No backups" in run("backup", "--list", "--db", str(db)).stdout
    first = run("backup", "--db", str(db)).stdout.strip().rsplit(" to ", 1)[1]
    second = run("backup", "--db", str(db)).stdout.strip().rsplit(" to ", 1)[1]
    listed = run("backup", "--list", "--db", str(db))
    assert listed.returncode == 0
    lines = listed.stdout.strip().splitlines()
    assert [line.rsplit("  ", 1)[1] for line in lines] == [second, first]
    assert all(" manual " in line and " KB " in line for line in lines)


def _not_sqlite(tmp_path: Path, _db: Path) -> Path:
    path = tmp_path / "minutes.docx"
    path.write_bytes(b"PK\x03\x04 a Word file, not a database" * 20)
    return path


def _not_board_tui(tmp_path: Path, _db: Path) -> Path:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path


def _damaged(tmp_path: Path, db: Path) -> Path:
    path = tmp_path / "damaged.sqlite3"
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    return path


def _newer(tmp_path: Path, _db: Path) -> Path:
    path = tmp_path / "newer.sqlite3"
    with Store.open(path) as store:
        store.db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES (?, '9999_from_the_future', '2030-01-01')",
            (schema.MIGRATION_SET,),
        )
    return path


BAD_INPUTS: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "missing": (lambda tmp_path, _db: tmp_path / "no-such.sqlite3", "no such file"),
    "folder": (lambda tmp_path, _db: tmp_path, "is a folder"),
    "not sqlite": (_not_sqlite, "not an SQLite file"),
    "not board-tui": (_not_board_tui, "not a board-tui database"),
    "damaged": (_damaged, "damaged"),
    "newer version": (_newer, "newer version of board-tui"),
    "the database itself": (lambda _tmp_path, db: db, "is the database itself"),
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_a_bad_restore_file_gets_one_line_and_changes_nothing(
    tmp_path: Path, db: Path, kind: str
) -> None:
    make, problem = BAD_INPUTS[kind]
    source = make(tmp_path, db)
    before = _digest(db)

    result = run("restore", str(source), "--db", str(db))

    _one_error_line(result, str(source), problem)
    assert _digest(db) == before
    assert not (db.parent / "backups").exists()


def test_a_backup_that_cannot_be_written_gets_one_line(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("board_tui.storage.backups.os.replace", refused)
    result = CliRunner().invoke(cli, ["backup", "--db", str(db)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "cannot write a backup" in lines[0]
    assert "No space left on device" in lines[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_backup_to_a_read_only_folder_gets_one_line(db: Path) -> None:
    folder = db.parent / "backups"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = run("backup", "--db", str(db))
    finally:
        folder.chmod(0o700)
    _one_error_line(result, "cannot write a backup", str(folder))
