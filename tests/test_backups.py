"""Backups in the store: taken before imports and migrations and when a meeting closes,
ten kept, private, and a restore that brings the data back exactly."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import MeetingStatus
from board_tui.readers.agenda import AgendaItemRead, AgendaRead
from board_tui.readers.plan import PlanItemRead, PlanRead
from board_tui.services.agenda_import import write_agenda
from board_tui.services.demo import build_demo
from board_tui.services.plan_import import write_plan
from board_tui.storage import backups, schema
from board_tui.storage.connection import connect
from board_tui.storage.errors import BackupError
from board_tui.storage.store import Store

PLAN = PlanRead(
    title="Transformation plan",
    introduction=None,
    legend=(),
    items=(
        PlanItemRead(
            ref="1",
            recommendation="Publish the budget consultation",
            lead="Finance",
            status=None,
            fill=None,
            section=None,
            next_steps=(),
            updates=(),
            rows=(),
        ),
    ),
    skipped=(),
)

AGENDA = AgendaRead(
    board="Transformation Advisory Board",
    date=dt.date(2024, 1, 15),
    start=dt.time(14, 0),
    venue="Committee Room 1",
    members=(),
    officers=(),
    contact=None,
    items=(
        AgendaItemRead(
            number="1",
            title="Welcome and apologies",
            depth=0,
            start=None,
            end=None,
            duration_minutes=None,
            presenter=None,
            papers=None,
            exempt=False,
            note=None,
            row=1,
        ),
    ),
    next_meeting=None,
)


def _dump(path: Path) -> list[str]:
    """Every row and every piece of schema, in a stable order: 'the same data, exactly'."""
    conn = connect(path, create=False, read_only=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _boards(path: Path) -> list[str]:
    conn = connect(path, create=False, read_only=True)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM boards ORDER BY id")]
    finally:
        conn.close()


def _only_backup(db_path: Path, reason: str) -> Path:
    found = [b.path for b in backups.list_backups(db_path) if b.reason == reason]
    assert len(found) == 1, found
    return found[0]


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("board_tui.storage.backups.os.replace", refused)


def test_a_restore_brings_back_the_data_exactly(store: Store, db_path: Path) -> None:
    board = store.create_board("Transformation Advisory Board")
    store.create_meeting(board.id, dt.datetime(2024, 1, 15, 14, 0), title="January")
    saved = store.backup()
    assert saved is not None
    before = _dump(db_path)
    store.create_board("Audit Committee")
    january = store.meetings(board.id)[0]
    store.update_meeting(
        january.id, scheduled_start=january.scheduled_start, title="Changed", venue=None
    )
    assert _dump(db_path) != before

    restored = store.restore_from(saved)

    assert _dump(db_path) == before
    assert restored.migrations == []
    assert store.integrity_ok()
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_restore_backs_up_what_the_database_held_first(store: Store, db_path: Path) -> None:
    store.create_board("Transformation Advisory Board")
    saved = store.backup()
    assert saved is not None
    store.create_board("Audit Committee")

    restored = store.restore_from(saved)

    assert restored.saved_before == _only_backup(db_path, "restore")
    assert _boards(restored.saved_before) == ["Transformation Advisory Board", "Audit Committee"]
    assert _boards(db_path) == ["Transformation Advisory Board"]


def test_a_backup_is_taken_before_a_plan_import(store: Store, db_path: Path) -> None:
    board = store.create_board("Transformation Advisory Board")
    write_plan(store, board.id, PLAN, title="Transformation plan", dated=None)
    saved = _only_backup(db_path, "import")
    assert _boards(saved) == ["Transformation Advisory Board"]
    conn = connect(saved, create=False, read_only=True)
    assert conn.execute("SELECT count(*) FROM action_plans").fetchone()[0] == 0
    conn.close()
    assert len(store.plans(board.id)) == 1


def test_a_backup_is_taken_before_an_agenda_import(store: Store, db_path: Path) -> None:
    store.create_board("Audit Committee")
    write_agenda(store, AGENDA, board_name="Transformation Advisory Board", source="pack.docx")
    saved = _only_backup(db_path, "import")
    assert _boards(saved) == ["Audit Committee"]
    assert _boards(db_path) == ["Audit Committee", "Transformation Advisory Board"]


def test_an_agenda_that_cannot_be_imported_takes_no_backup(store: Store, db_path: Path) -> None:
    undated = replace(AGENDA, date=None)
    with pytest.raises(BoardTuiError, match="no meeting date"):
        write_agenda(store, undated, board_name="Board", source="outline.md")
    assert backups.list_backups(db_path) == []


def _old_database(db_path: Path) -> None:
    """A database left by an earlier board-tui: every migration but the last, and data."""
    db = Database(connect(db_path))
    schema.migrate(db, str(db_path), stop_before=schema.MIGRATION_NAMES[-1])
    db.execute(
        "INSERT INTO boards (name, created_at) VALUES ('Transformation Advisory Board', '2023')"
    )
    db.conn.commit()
    db.close()


def test_a_backup_is_taken_before_a_pending_migration(db_path: Path) -> None:
    _old_database(db_path)
    before = _dump(db_path)
    Store.open(db_path).close()
    saved = _only_backup(db_path, "migration")
    assert _dump(saved) == before
    assert schema.MIGRATION_NAMES[-1] not in schema.applied_migrations(
        Database(connect(saved, create=False, read_only=True))
    )


def test_new_and_up_to_date_databases_take_no_migration_backup(db_path: Path) -> None:
    Store.open(db_path).close()  # a new file: every migration runs, nothing to keep
    Store.open(db_path).close()  # up to date: no migration runs
    assert backups.list_backups(db_path) == []


def test_a_backup_is_taken_when_a_meeting_is_closed(store: Store, db_path: Path) -> None:
    board = store.create_board("Transformation Advisory Board")
    meeting = store.create_meeting(board.id, dt.datetime(2024, 1, 15, 14, 0), title="January")
    store.start_meeting(meeting.id)
    store.end_meeting(meeting.id)
    saved = _only_backup(db_path, "close")
    conn = connect(saved, create=False, read_only=True)
    status = conn.execute("SELECT status FROM meetings WHERE id = ?", (meeting.id,)).fetchone()
    conn.close()
    assert status[0] == MeetingStatus.CLOSED.value
    assert store.pop_backup_warning() is None


def test_only_the_newest_ten_are_kept(store: Store, db_path: Path, clock) -> None:
    taken = []
    for _ in range(12):
        saved = store.backup()
        assert saved is not None
        taken.append(saved)
        clock.advance(seconds=1)
    kept = [b.path for b in backups.list_backups(db_path)]
    assert kept == list(reversed(taken[2:]))
    assert not taken[0].exists() and not taken[1].exists()


def test_backups_in_the_same_second_get_their_own_names_in_order(
    store: Store, db_path: Path
) -> None:
    first, second, third = (store.backup(reason) for reason in ("import", "close", "manual"))
    assert len({first, second, third}) == 3
    assert [b.path for b in backups.list_backups(db_path)] == [third, second, first]


def test_backups_are_private_and_whole(store: Store, db_path: Path) -> None:
    store.create_board("Transformation Advisory Board")
    saved = store.backup()
    assert saved is not None
    assert saved.parent == db_path.parent / "backups"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name]  # no leftovers
    with saved.open("rb") as handle:
        header = handle.read(20)
    assert header[18:20] == b"\x01\x01"  # rollback journal: one file, no -wal beside it
    backups.check_restorable(saved, db_path)


def test_an_in_memory_store_takes_no_backup() -> None:
    store = Store(Database(memory=True).conn)
    schema.migrate(store.db, ":memory:")
    assert store.backup() is None


def test_building_the_demo_takes_no_backups(store: Store, db_path: Path) -> None:
    build_demo(store)  # one transaction that closes meetings and imports plans
    assert backups.list_backups(db_path) == []


def test_an_import_is_refused_when_no_backup_can_be_written(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = store.create_board("Transformation Advisory Board")
    _disk_full(monkeypatch)
    with pytest.raises(BackupError, match=r"cannot write a backup .*; nothing imported"):
        write_plan(store, board.id, PLAN, title="Transformation plan", dated=None)
    with pytest.raises(BackupError, match="nothing imported"):
        write_agenda(store, AGENDA, board_name="Audit Committee", source="pack.docx")
    assert store.plans(board.id) == []
    assert [b.name for b in store.boards()] == ["Transformation Advisory Board"]
    assert sorted((db_path.parent / "backups").iterdir()) == []  # no partial file left


def test_a_migration_is_refused_when_no_backup_can_be_written(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_database(db_path)
    before = _dump(db_path)
    _disk_full(monkeypatch)
    with pytest.raises(BackupError, match="its schema was not updated"):
        Store.open(db_path)
    assert _dump(db_path) == before


def test_a_meeting_closes_even_when_no_backup_can_be_written(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = store.create_board("Transformation Advisory Board")
    meeting = store.create_meeting(board.id, dt.datetime(2024, 1, 15, 14, 0), title="January")
    store.start_meeting(meeting.id)
    _disk_full(monkeypatch)
    closed = store.end_meeting(meeting.id)
    assert closed.status is MeetingStatus.CLOSED
    warning = store.pop_backup_warning()
    assert warning is not None
    assert "cannot write a backup" in warning and "the change itself is saved" in warning
    assert store.pop_backup_warning() is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_an_import_is_refused_when_the_backups_folder_is_read_only(
    store: Store, db_path: Path
) -> None:
    board = store.create_board("Transformation Advisory Board")
    folder = db_path.parent / "backups"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(BackupError, match="Permission denied"):
            write_plan(store, board.id, PLAN, title="Transformation plan", dated=None)
    finally:
        folder.chmod(0o700)
    assert store.plans(board.id) == []
