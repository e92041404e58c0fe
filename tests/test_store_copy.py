"""`board-tui copy`: a whole store moved to PostgreSQL and back (issue 21), against a real
server and real SQLite files: the same rows with the same ids, the same search and the
same minutes; new ids on the server after it; and a refused or failed copy leaves the
target exactly as it was."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from export_docs import all_text, header_text, open_docx

from board_tui.domain.drafts import DraftKind, DraftTarget
from board_tui.domain.model import NoteKind
from board_tui.domain.report_text import ReportChoice
from board_tui.domain.votes import Vote
from board_tui.exporters.minutes import write_minutes
from board_tui.services import store_copy
from board_tui.services.demo import build_demo
from board_tui.services.store_copy import CopyError, copy_plan, copy_store
from board_tui.storage import schema
from board_tui.storage.connection import connect
from board_tui.storage.store import Store

NOT_COPIED = {"search_index", "board_tui_migrations", "meeting_holds"}
SEARCH_COLUMNS = "rowid, title, body, kind, record_id, board_id, meeting_id, item_id, plan_id,"
SEARCH_COLUMNS += " plan_item_id, day"


def _one(store: Store, sql: str) -> Any:
    return store.conn.execute(sql).fetchone()[0]


def _fill_every_table(store: Store) -> None:
    """What the demo leaves empty, and references the copy cannot satisfy by table order:
    a meeting approved by a later meeting, a sub-item whose parent was made after it."""
    comment = _one(store, "SELECT min(id) FROM notes WHERE kind = 'comment'")
    decision = _one(store, "SELECT min(id) FROM notes WHERE kind = 'decision'")
    first_item = _one(store, "SELECT min(id) FROM agenda_items WHERE meeting_id = 2")
    store.add_declaration(2, 1, "Trustee of a local charity", agenda_item_id=first_item)
    store.save_draft("comment-1", DraftTarget(DraftKind.COMMENT, first_item), {"body": "Half"}, 2)
    store.mark_voice(comment, "Residents' survey")
    store.answer_voice(comment, decision_note_id=decision)
    store.save_roundup(1, "On Tuesday we met as a Board.")
    store.undo_status_update(_one(store, "SELECT max(id) FROM status_updates"))
    store.save_progress_report(ReportChoice(plan_id=1, meeting_id=2), "Progress so far.")
    store.set_vote(decision, Vote(votes_for=5, against=1))
    store.set_matters_arising_item(2, first_item)
    later = store.add_agenda_item(2, "Any other business").id
    with store.transaction():
        store.conn.execute("UPDATE meetings SET approved_by_meeting_id = 2 WHERE id = 1")
        store.conn.execute("UPDATE meetings SET current_item_id = ? WHERE id = 2", (later,))
        store.conn.execute(
            "UPDATE agenda_items SET parent_id = ? WHERE id = ?", (later, first_item)
        )


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """The demo, with a row in every table."""
    path = tmp_path / "demo.sqlite3"
    with Store.open(path) as store:
        build_demo(store)
        _fill_every_table(store)
        empty = [table.name for table in copy_plan() if not _count(store, table.name)]
    assert empty == []
    return path


def _count(store: Store, table: str) -> int:
    return int(_one(store, f"SELECT count(*) FROM {table}"))


def _rows(target: Path | str) -> dict[str, list[tuple[Any, ...]]]:
    """Every copied table's rows, every column, in key order; and the search index's."""
    with Store.open(target, read_only=True) as store:
        dump = {}
        for table in copy_plan():
            cursor = store.conn.execute(f"SELECT {', '.join(table.columns)} FROM {table.name}")
            keys = [table.columns.index(column) for column in table.key]
            dump[table.name] = sorted(
                (tuple(row) for row in cursor), key=lambda row: [row[i] for i in keys]
            )
        found = store.conn.execute(f"SELECT {SEARCH_COLUMNS} FROM search_index")
        dump["search_index"] = sorted(tuple(row) for row in found)
    return dump


def _minutes(target: Path | str, folder: Path) -> tuple[str, str, list[list[str]]]:
    """The October minutes written to Word and read back: header, text and tables."""
    out = folder / f"minutes-{abs(hash(str(target)))}.docx"
    with Store.open(target) as store:
        board = store.board_by_name("Transformation Advisory Board")
        meeting = next(m for m in store.meetings(board.id) if m.scheduled_start.month == 10)
        assert write_minutes(store, meeting.id, out) == [out]
    document = open_docx(out)
    tables = [[cell.text for row in t.rows for cell in row.cells] for t in document.tables]
    return header_text(document), all_text(document), tables


def _search(target: Path | str, words: str) -> list[tuple[str, int]]:
    with Store.open(target, read_only=True) as store:
        return sorted((hit.kind, hit.record_id) for hit in store.search(words))


def test_the_plan_copies_every_table_both_engines_share_after_what_it_refers_to(
    postgres_url: str, tmp_path: Path
) -> None:
    plan = copy_plan()
    names = [table.name for table in plan]
    with Store.open(postgres_url) as server:
        tables = server.conn.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        ).fetchall()
        assert sorted(names) == sorted({str(row[0]) for row in tables} - NOT_COPIED)
        references = server.conn.execute(
            "SELECT conrelid::regclass::text, confrelid::regclass::text, a.attname"
            " FROM pg_constraint c JOIN pg_attribute a"
            " ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) WHERE c.contype = 'f'"
        ).fetchall()
    assert len(references) > 30
    deferred = {(table.name, column) for table in plan for column in table.deferred}
    for table, to, column in references:
        if table in NOT_COPIED:
            continue
        assert names.index(to) < names.index(table) or (table, column) in deferred, (table, to)
    # Only what no order can satisfy is filled in later; never a status update (append-only).
    assert deferred == {
        ("meetings", "current_item_id"),
        ("meetings", "matters_arising_item_id"),
        ("meetings", "approved_by_meeting_id"),
        ("agenda_items", "parent_id"),
    }
    with Store.open(tmp_path / "new.sqlite3") as file:
        made = file.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        on_sqlite = {str(row[0]) for row in made} - {schema.MIGRATIONS_TABLE}
    assert sorted(names) == sorted(
        t for t in on_sqlite if not t.startswith("search_index") and t not in NOT_COPIED
    )


def test_no_plan_fills_in_a_row_a_trigger_keeps_unchanged() -> None:
    conn = sqlite3.connect(":memory:")
    conn.executescript(
        """CREATE TABLE history (id INTEGER PRIMARY KEY, said_on INTEGER REFERENCES items (id));
        CREATE TABLE items (id INTEGER PRIMARY KEY, latest INTEGER REFERENCES history (id));"""
    )
    plan = store_copy.plan_from(conn)  # made first, history comes first
    assert [(t.name, t.deferred) for t in plan] == [("history", ("said_on",)), ("items", ())]
    conn.execute(
        "CREATE TRIGGER history_append_only BEFORE UPDATE ON history"
        " BEGIN SELECT RAISE(ABORT, 'append-only'); END"
    )
    plan = store_copy.plan_from(conn)
    assert [(t.name, t.deferred) for t in plan] == [("items", ("latest",)), ("history", ())]
    conn.execute(
        "CREATE TRIGGER items_fixed BEFORE UPDATE ON items BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    with pytest.raises(RuntimeError, match="history: said_on cannot be filled in later"):
        store_copy.plan_from(conn)


def test_to_postgresql_and_back_keeps_every_row_the_search_and_the_minutes(
    source: Path, postgres_url: str, tmp_path: Path
) -> None:
    back = tmp_path / "back.sqlite3"
    there = copy_store(source, postgres_url)
    again = copy_store(postgres_url, back)
    assert there.counts == again.counts and there.searchable == again.searchable
    assert there.rows == sum(there.counts.values()) > 200
    with Store.open(source) as a, Store.open(postgres_url) as b, Store.open(back) as c:
        assert a.counts() == b.counts() == c.counts()
        assert a.search_index_count() == b.search_index_count() == c.search_index_count()
    original = _rows(source)
    assert _rows(postgres_url) == original
    assert _rows(back) == original
    # The server's index rows are compared above (_rows): Store.search itself does not run
    # on PostgreSQL yet (its query is FTS5's), so the search is compared on the way back.
    for words in ("budget", "consultation", "residents"):
        found = _search(source, words)
        assert found, words
        assert _search(back, words) == found
    minutes = _minutes(source, tmp_path)
    assert "Transformation" in minutes[1]
    assert _minutes(postgres_url, tmp_path) == minutes
    assert _minutes(back, tmp_path) == minutes


def test_new_rows_on_the_server_get_new_ids(source: Path, postgres_url: str) -> None:
    copy_store(source, postgres_url)
    with Store.open(postgres_url) as server:
        highest = {t: _one(server, f"SELECT max(id) FROM {t}") for t in ("boards", "notes")}
        board = server.create_board("Scrutiny Committee")
        note = server.add_note(8, NoteKind.COMMENT, "A new comment after the move")
    assert board.id == highest["boards"] + 1
    assert note.id == highest["notes"] + 1


def test_server_to_server_and_file_to_file(source: Path, postgres_cluster, tmp_path: Path) -> None:
    first, second = postgres_cluster.new_database(), postgres_cluster.new_database()
    copy_store(source, first)
    copy_store(first, second)
    copy_store(source, tmp_path / "copy.sqlite3")
    original = _rows(source)
    assert _rows(second) == original
    assert _rows(tmp_path / "copy.sqlite3") == original


def test_the_same_server_database_under_another_url_is_refused(
    source: Path, postgres_url: str
) -> None:
    copy_store(source, postgres_url)
    before = _rows(postgres_url)
    with pytest.raises(CopyError, match="the same database"):
        copy_store(postgres_url, postgres_url + "&application_name=board-tui-copy")
    assert _rows(postgres_url) == before


def test_a_failure_half_way_leaves_the_target_as_it_was(
    source: Path, postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifth = copy_plan()[4].name
    real = store_copy.insert_rows
    copied: list[str] = []

    def failing(writer: Store, table: store_copy.TablePlan, rows: list[Any]) -> None:
        if table.name == fifth:
            raise sqlite3.OperationalError("the disk went away")
        real(writer, table, rows)
        copied.append(table.name)

    monkeypatch.setattr(store_copy, "insert_rows", failing)
    empty_file = tmp_path / "empty.sqlite3"
    Store.open(empty_file).close()
    new_file = tmp_path / "new.sqlite3"
    for target in (postgres_url, empty_file, new_file):
        copied.clear()
        with pytest.raises(CopyError, match=f"copying {fifth}.*nothing was copied"):
            copy_store(source, target)
        assert len(copied) == 4
        if target == new_file:
            assert not any(tmp_path.glob("new.sqlite3*"))
            continue
        with Store.open(target) as store:
            assert not any(_count(store, t.name) for t in copy_plan())
            assert store.search_index_count() == 0
    monkeypatch.setattr(store_copy, "insert_rows", real)
    copy_store(source, postgres_url)  # and then it can be copied after all
    with Store.open(postgres_url) as server:
        assert _one(server, "SELECT max(id) FROM boards") == 2
        assert server.create_board("Scrutiny Committee").id == 3


def test_counts_that_differ_are_refused(
    source: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = store_copy.insert_rows

    def losing_a_note(writer: Store, table: store_copy.TablePlan, rows: list[Any]) -> None:
        real(writer, table, rows[1:] if table.name == "notes" else rows)

    monkeypatch.setattr(store_copy, "insert_rows", losing_a_note)
    with pytest.raises(CopyError, match=r"counts differ.*notes 38 not 39"):
        copy_store(source, postgres_url)
    with Store.open(postgres_url) as server:
        assert server.counts() == dict.fromkeys(server.counts(), 0)


def test_a_source_behind_this_version_is_brought_up_to_date_first(
    tmp_path: Path, postgres_url: str
) -> None:
    old = tmp_path / "old.sqlite3"
    conn = connect(old)
    schema.migrate(conn, str(old), stop_before=schema.MIGRATION_NAMES[-1])
    conn.execute("INSERT INTO settings (key, value) VALUES ('theme', 'textual-dark')")
    conn.close()
    result = copy_store(old, postgres_url)
    assert result.source_migrated and result.counts["settings"] == 1


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "board_tui", "copy", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def _refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in lines[0]


def test_the_command_copies_and_says_each_count(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    result = run("--from", str(source), "--to", str(target))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    plan = copy_plan()
    with Store.open(source, read_only=True) as store:
        for table, line in zip(plan, lines, strict=False):
            assert line.split() == [table.name, f"{_count(store, table.name):,}"]
        total = sum(_count(store, table.name) for table in plan)
        searchable = store.search_index_count()
    assert lines[len(plan)].split()[:2] == ["search_index", f"{searchable:,}"]
    assert lines[-1].startswith(f"Copied {total:,} rows in {len(plan)} tables from {source} to")
    assert lines[-1].endswith("; counts verified")
    assert _rows(target) == _rows(source)


def test_a_target_not_empty_is_refused_and_left_as_it_was(
    source: Path, postgres_url: str, tmp_path: Path
) -> None:
    copy_store(source, postgres_url)
    other = tmp_path / "other.sqlite3"
    with Store.open(other) as store:
        store.create_board("Scrutiny Committee")
    for target in (postgres_url, str(other)):
        before = _rows(target)
        _refused(run("--from", str(source), "--to", target), "is not empty", "boards")
        assert _rows(target) == before
    assert "postgresql://" in run("--from", str(source), "--to", postgres_url).stderr


def test_a_missing_source_is_refused_and_no_target_made(tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    _refused(run("--from", str(tmp_path / "nowhere.sqlite3"), "--to", str(target)), "nowhere")
    assert not target.exists()


def test_copying_a_file_onto_itself_is_refused(source: Path) -> None:
    before = _rows(source)
    same = str(source.parent / "." / source.name)
    _refused(run("--from", str(source), "--to", same), "the same database")
    assert _rows(source) == before


def test_an_unreachable_server_is_refused_in_one_line(source: Path, tmp_path: Path) -> None:
    _refused(
        run("--from", str(source), "--to", f"postgresql://nobody@/none?host={tmp_path}"),
        "cannot connect",
    )
