"""Opening files safely, the durability settings, migrations and the newer-version refusal."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlite_utils import Database

from board_tui.storage import schema
from board_tui.storage.connection import connect
from board_tui.storage.errors import DatabaseOpenError, SchemaTooNewError
from board_tui.storage.store import COUNTED_TABLES, Store


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_database_is_private_to_its_owner(db_path: Path) -> None:
    Store.open(db_path).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_connections_are_durable_and_concurrent(db_path: Path) -> None:
    conn = connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    conn.close()


def test_migrations_create_every_table_and_run_once(db_path: Path) -> None:
    db = Database(connect(db_path))
    assert schema.migrate(db, str(db_path)) == list(schema.MIGRATION_NAMES)
    assert set(COUNTED_TABLES) <= set(db.table_names())
    assert "settings" in db.table_names()
    assert schema.migrate(db, str(db_path)) == []
    assert schema.applied_migrations(db) == list(schema.MIGRATION_NAMES)


@pytest.mark.parametrize("name", schema.MIGRATION_NAMES)
def test_each_migration_applies_on_top_of_the_ones_before(db_path: Path, name: str) -> None:
    """Stop before a migration, then apply it: it must work on the schema it follows."""
    db = Database(connect(db_path))
    schema.migrate(db, str(db_path), stop_before=name)
    assert name not in schema.applied_migrations(db)
    before = set(db.table_names())
    schema.migrate(db, str(db_path))
    assert name in schema.applied_migrations(db)
    assert set(db.table_names()) >= before
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_database_from_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.create_board("Transformation Advisory Board")
        store.db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES (?, '9999_from_the_future', '2030-01-01')",
            (schema.MIGRATION_SET,),
        )
    before = _digest(db_path)
    with pytest.raises(SchemaTooNewError, match="newer version of board-tui"):
        Store.open(db_path)
    assert _digest(db_path) == before


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "no-such-folder" / "board.sqlite3"
    with pytest.raises(DatabaseOpenError, match="does not exist"):
        Store.open(path)
    assert not path.parent.exists()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="is a folder"):
        Store.open(tmp_path)


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    path.write_bytes(b"PK\x03\x04 this is a Word file, not a database" * 20)
    before = _digest(path)
    with pytest.raises(DatabaseOpenError, match="not an SQLite file"):
        Store.open(path)
    assert _digest(path) == before
    assert not (tmp_path / "minutes.docx-wal").exists()


def test_a_damaged_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    with Store.open(path) as store:
        store.create_board("Board")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the first page after the header
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseOpenError, match="damaged"):
        Store.open(path)


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with Store.open(path) as store:
        assert store.boards() == []


def test_read_only_connections_cannot_write(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = connect(db_path, read_only=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("INSERT INTO settings VALUES ('a', 'b')")
    conn.close()
