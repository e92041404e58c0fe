"""PostgreSQL's schema against SQLite's, on a real server: the same tables and columns, the
same constraints refusing the same rows, and a search index its triggers keep as SQLite's do."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from postgres_cluster import Cluster, throwaway_cluster

from board_tui.storage import postgres_schema
from board_tui.storage.errors import SchemaTooNewError
from board_tui.storage.schema import MIGRATION_NAMES
from board_tui.storage.store import Store

NOW = "2023-12-11T13:45:00"
FTS_SHADOWS = tuple(
    f"search_index_{part}" for part in ("data", "idx", "content", "docsize", "config")
)


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    with throwaway_cluster() as running:
        yield running


@pytest.fixture(scope="session")
def migrated(cluster: Cluster) -> str:
    """A database holding the schema, which each test's database is copied from."""
    with psycopg.connect(cluster.new_database(), autocommit=True) as conn:
        postgres_schema.apply(conn)
        return conn.info.dbname


@pytest.fixture
def pg(cluster: Cluster, migrated: str) -> Iterator[psycopg.Connection[Any]]:
    with psycopg.connect(cluster.new_database(template=migrated), autocommit=True) as conn:
        yield conn


@pytest.fixture
def empty_pg(cluster: Cluster) -> Iterator[psycopg.Connection[Any]]:
    with psycopg.connect(cluster.new_database(), autocommit=True) as conn:
        yield conn


@pytest.fixture
def lite(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    with Store.open(tmp_path / "x.sqlite3") as store:
        yield store.conn


def sqlite_columns(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str, bool]]]:
    """Each table the app made: its columns' names, declared types and NOT NULL, in order."""
    tables = [
        str(row[0])
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(row[0]).startswith("sqlite_")
        and row[0] not in ("_sqlite_migrations", *FTS_SHADOWS)
    ]
    return {
        table: [
            (str(c[1]), str(c[2]), bool(c[3]) or bool(c[5]))
            for c in conn.execute(f"PRAGMA table_info({table})")
        ]
        for table in tables
    }


def pg_columns(conn: psycopg.Connection[Any]) -> dict[str, list[tuple[str, str, bool]]]:
    found: dict[str, list[tuple[str, str, bool]]] = {}
    for table, column, kind, nullable in conn.execute(
        """SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
           WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"""
    ):
        found.setdefault(table, []).append((column, kind, nullable == "NO"))
    return found


# What each SQLite declared type may be on PostgreSQL (ids BIGINT, flags and counts INTEGER).
TYPES = {"INTEGER": {"bigint", "integer"}, "TEXT": {"text"}, "REAL": {"double precision"}}


def test_every_table_and_column_is_there_in_the_same_order(
    lite: sqlite3.Connection, pg: psycopg.Connection[Any]
) -> None:
    sqlite, postgres = sqlite_columns(lite), pg_columns(pg)
    assert postgres.pop(postgres_schema.MIGRATIONS_TABLE) == [
        ("name", "text", True),
        ("applied_at", "text", True),
    ]
    search = postgres.pop("search_index")
    assert [c[0] for c in search] == [
        "rowid",
        *(name for name, _type, _null in sqlite.pop("search_index")),
        "document",
    ]
    assert search[-1][1] == "tsvector"
    assert sorted(postgres) == sorted(sqlite)
    for table, columns in sqlite.items():
        assert [c[0] for c in postgres[table]] == [c[0] for c in columns], table
        for (name, declared, not_null), (_name, kind, pg_not_null) in zip(
            columns, postgres[table], strict=True
        ):
            assert kind in TYPES[declared], (table, name, kind)
            assert pg_not_null == not_null, (table, name)


def test_ids_are_generated_but_can_be_given(pg: psycopg.Connection[Any]) -> None:
    """SQLite's INTEGER PRIMARY KEY: a copy keeps its ids, a new row gets one."""
    identities = {
        row[0]
        for row in pg.execute(
            """SELECT table_name FROM information_schema.columns
               WHERE table_schema = current_schema() AND column_name = 'id'
                 AND is_identity = 'YES' AND identity_generation = 'BY DEFAULT'"""
        )
    }
    with_ids = {
        row[0]
        for row in pg.execute(
            """SELECT table_name FROM information_schema.columns
               WHERE table_schema = current_schema() AND column_name = 'id'"""
        )
    }
    assert identities == with_ids and "boards" in identities
    pg.execute("INSERT INTO boards (id, name, created_at) VALUES (41, 'Copied', %s)", (NOW,))
    (made,) = pg.execute(
        "INSERT INTO boards (name, created_at) VALUES ('New', %s) RETURNING id", (NOW,)
    ).fetchone() or (None,)
    assert made == 1


def test_every_named_index_and_trigger_is_there(
    lite: sqlite3.Connection, pg: psycopg.Connection[Any]
) -> None:
    indexes = {
        (str(name), str(table))
        for name, table in lite.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        )
        if table != "_sqlite_migrations"
    }
    on_pg = set(pg.execute("SELECT indexname, tablename FROM pg_indexes").fetchall())
    assert indexes and indexes <= on_pg
    unique = {
        str(row[0])
        for row in lite.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE UNIQUE%'"
            " AND tbl_name <> '_sqlite_migrations'"
        )
    }
    pg_unique = {
        row[0]
        for row in pg.execute("SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%UNIQUE%'")
    }
    assert unique <= pg_unique
    triggers = set(lite.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'"))
    pg_triggers = set(
        pg.execute(
            "SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal"
        ).fetchall()
    )
    # PostgreSQL has one more on each table a chair's view reads: its change notices.
    notices = {(name, table) for name, table in pg_triggers if name == f"{table}_changed"}
    assert len(notices) >= 17
    assert triggers and triggers == pg_triggers - notices


# -- migrating ------------------------------------------------------------------------------


def test_apply_records_every_step_once(empty_pg: psycopg.Connection[Any]) -> None:
    assert postgres_schema.applied(empty_pg) == []
    assert postgres_schema.pending(empty_pg) == list(MIGRATION_NAMES)
    assert list(postgres_schema.STEPS) == list(MIGRATION_NAMES)
    postgres_schema.apply(empty_pg)
    assert postgres_schema.applied(empty_pg) == list(MIGRATION_NAMES)
    assert postgres_schema.pending(empty_pg) == []
    recorded = empty_pg.execute("SELECT name, applied_at FROM board_tui_migrations").fetchall()
    postgres_schema.apply(empty_pg)
    assert empty_pg.execute("SELECT name, applied_at FROM board_tui_migrations").fetchall() == (
        recorded
    )


def test_a_failed_step_leaves_the_ones_before_it(
    empty_pg: psycopg.Connection[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    last = MIGRATION_NAMES[-1]
    broken = (*postgres_schema.STEPS[last], "SELECT no_such_column FROM boards")
    monkeypatch.setitem(postgres_schema.STEPS, last, broken)
    with pytest.raises(psycopg.errors.UndefinedColumn):
        postgres_schema.apply(empty_pg)
    assert postgres_schema.applied(empty_pg) == list(MIGRATION_NAMES[:-1])
    assert empty_pg.execute("SELECT to_regclass('meeting_holds')").fetchone() == (None,)


def test_a_database_from_a_newer_version_is_refused(pg: psycopg.Connection[Any]) -> None:
    last = MIGRATION_NAMES[-1]
    pg.execute("DELETE FROM board_tui_migrations WHERE name = %s", (last,))
    pg.execute("DROP TABLE meeting_holds")  # the last step's, undone
    pg.execute("INSERT INTO board_tui_migrations VALUES ('0099_from_the_future', %s)", (NOW,))
    with pytest.raises(SchemaTooNewError, match=r"newer version of board-tui \(schema 0099_"):
        postgres_schema.apply(pg)
    assert last not in postgres_schema.applied(pg)
    assert pg.execute("SELECT to_regclass('meeting_holds')").fetchone() == (None,)


# -- constraints ------------------------------------------------------------------------------


def seed(conn: psycopg.Connection[Any]) -> None:
    """A board, two meetings with an item each, an action with one status update."""
    for sql in (
        "INSERT INTO boards (name, created_at) VALUES ('Audit Committee', %(now)s)",
        "INSERT INTO meetings (board_id, title, scheduled_start, created_at, updated_at)"
        " VALUES (1, 'Audit', '2023-12-14T18:30:00', %(now)s, %(now)s),"
        " (1, 'Audit', '2024-01-14T18:30:00', %(now)s, %(now)s)",
        "INSERT INTO agenda_items (meeting_id, position, title, created_at)"
        " VALUES (1, 1, 'Minutes', %(now)s), (2, 1, 'Minutes', %(now)s)",
        "INSERT INTO actions (meeting_id, description, status, created_at, updated_at)"
        " VALUES (1, 'Write to the auditor', 'next_step', %(now)s, %(now)s)",
        "INSERT INTO status_updates (action_id, body, new_status, recorded_at)"
        " VALUES (1, 'Letter drafted', 'on_track', %(now)s)",
    ):
        conn.execute(sql, {"now": NOW})


REFUSED = {
    "blank board name": (
        "INSERT INTO boards (name, created_at) VALUES ('  ', '2023-12-11')",
        psycopg.errors.CheckViolation,
    ),
    "board name in another case": (
        "INSERT INTO boards (name, created_at) VALUES ('AUDIT committee', '2023-12-11')",
        psycopg.errors.UniqueViolation,
    ),
    "invalid status": (
        "UPDATE actions SET status = 'done' WHERE id = 1",
        psycopg.errors.CheckViolation,
    ),
    "history overwritten": (
        "UPDATE status_updates SET body = 'Letter sent' WHERE id = 1",
        psycopg.errors.IntegrityConstraintViolation,
    ),
    "note on another meeting's item": (
        "INSERT INTO notes (meeting_id, agenda_item_id, kind, body, created_at)"
        " VALUES (1, 2, 'narrative', 'Noted', '2023-12-11')",
        psycopg.errors.IntegrityConstraintViolation,
    ),
    "board with meetings deleted": (
        "DELETE FROM boards WHERE id = 1",
        psycopg.errors.ForeignKeyViolation,
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_the_constraints_hold(pg: psycopg.Connection[Any], case: str) -> None:
    sql, error = REFUSED[case]
    seed(pg)
    with pytest.raises(error):
        pg.execute(sql)
    assert issubclass(error, psycopg.IntegrityError)  # what the adapter reports


def test_the_rows_beside_the_refused_ones_are_accepted(pg: psycopg.Connection[Any]) -> None:
    """So a refusal above is the rule's, not a mistake in the row."""
    seed(pg)
    for sql in (
        "INSERT INTO boards (name, created_at) VALUES ('Audit Panel', '2023-12-11')",
        "UPDATE actions SET status = 'complete' WHERE id = 1",
        "INSERT INTO notes (meeting_id, agenda_item_id, kind, body, created_at)"
        " VALUES (2, 2, 'narrative', 'Noted', '2023-12-11')",
        "INSERT INTO status_updates (action_id, body, new_status, recorded_at)"
        " VALUES (1, 'Letter sent', 'complete', '2023-12-12')",
    ):
        pg.execute(sql)


def test_deleting_a_meeting_cascades_to_its_items(pg: psycopg.Connection[Any]) -> None:
    seed(pg)
    pg.execute("DELETE FROM meetings WHERE id = 2")
    assert pg.execute("SELECT meeting_id FROM agenda_items").fetchall() == [(1,)]
    assert pg.execute("SELECT count(*) FROM search_index WHERE meeting_id = 2").fetchone() == (0,)


# -- search -----------------------------------------------------------------------------------

# The store's own writes (storage.meetings, .agendas, .plans, .updates, .live, .voices).
MEETING = (
    "INSERT INTO meetings (board_id, title, scheduled_start, venue, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
ITEM = """INSERT INTO agenda_items (meeting_id, parent_id, position, number, title, presenter,
    fixed_start, duration_minutes, papers, exempt, chair_note, comments_lead_in,
    exempt_paragraph, created_at) VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
NOTE = (
    "INSERT INTO notes (meeting_id, agenda_item_id, kind, body, plan_item_id, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
PLAN = """INSERT INTO action_plans (board_id, title, introduction, dated, legend, created_at,
    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"""
PLAN_ITEM = """INSERT INTO plan_items (plan_id, ref, position, section, recommendation, lead,
    status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""
ACTION = """INSERT INTO actions (plan_item_id, meeting_id, agenda_item_id, position,
    description, owner, owner_person_id, time_frame, due_date, status, label, created_at,
    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
UPDATE = """INSERT INTO status_updates (action_id, plan_item_id, meeting_id, agenda_item_id,
    label, body, old_status, new_status, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""

Writes = tuple[tuple[str, tuple[object, ...]], ...]

# In phases: each changes the index, and after each the two engines' indexes must agree.
PHASES: dict[str, Writes] = {
    "inserted": (
        (
            "INSERT INTO boards (name, organisation, created_at) VALUES (?, ?, ?)",
            ("Audit Committee", "Borough Council", NOW),
        ),
        (MEETING, (1, "Audit", "2023-12-14T18:30:00", "Room 1", NOW, NOW)),
        (
            ITEM,
            (
                1,
                None,
                1,
                "Internal audit report",
                "Head of Audit",
                "18:40",
                20,
                "Report A",
                0,
                "Take as read",
                None,
                None,
                NOW,
            ),
        ),
        (ITEM, (1, 1, 1, "Fraud cases", None, None, None, None, 1, None, None, 3, NOW)),
        (NOTE, (1, 1, "narrative", "Members asked about the leaking reservoirs", None, NOW)),
        (NOTE, (1, 2, "decision", "Resolved to note the cases", None, NOW)),
        (PLAN, (1, "Audit plan", None, "2023-11-01", "[]", NOW, NOW)),
        (
            PLAN_ITEM,
            (
                1,
                "R1",
                1,
                "Governance",
                "Review the risk register",
                "Treasurer",
                "next_step",
                NOW,
                NOW,
            ),
        ),
        (
            ACTION,
            (
                1,
                1,
                1,
                1,
                "Circulate the register",
                "Clerk",
                None,
                None,
                None,
                "next_step",
                "new",
                NOW,
                NOW,
            ),
        ),
        (
            ACTION,
            (
                1,
                None,
                None,
                2,
                "Train the staff",
                None,
                None,
                None,
                None,
                "next_step",
                None,
                NOW,
                NOW,
            ),
        ),
        (UPDATE, (1, None, 1, 1, None, "Sent to members", "next_step", "on_track", NOW)),
        (UPDATE, (None, 1, None, None, "Q3", "Register reviewed", "next_step", "complete", NOW)),
        (UPDATE, (2, None, None, None, None, "  ", "next_step", "at_risk", NOW)),  # not indexed
    ),
    "edited": (
        (
            "UPDATE agenda_items SET title = ?, papers = ? WHERE id = ?",
            ("Internal audit annual report", None, 1),
        ),
        (
            "UPDATE notes SET body = ?, kind = ?, edited_at = ? WHERE id = ?",
            ("Members asked about the flooded culverts", "comment", NOW, 1),
        ),
        ("UPDATE notes SET voice = ?, voice_source = ? WHERE id = ?", (1, "Mrs Patel", 1)),
        (
            "UPDATE actions SET closed_reason = ?, owner = ? WHERE id = ?",
            ("Done at the meeting", "Deputy clerk", 1),
        ),
        ("UPDATE plan_items SET lead = ?, section = ? WHERE id = ?", ("Auditor", None, 1)),
    ),
    "moved": (
        (
            "UPDATE meetings SET scheduled_start = ?, title = ?, venue = ?, updated_at = ?"
            " WHERE id = ?",
            ("2023-12-21T18:30:00", "Audit", "Room 2", NOW, 1),
        ),
        ("UPDATE action_plans SET dated = ? WHERE id = ?", ("2024-02-01", 1)),
        ("UPDATE action_plans SET dated = ? WHERE id = ?", (None, 1)),  # the days stay
        ("UPDATE actions SET meeting_id = ?, agenda_item_id = ? WHERE id = ?", (None, None, 1)),
    ),
    "undone and deleted": (
        ("INSERT INTO status_update_undos (update_id, undone_at) VALUES (?, ?)", (2, NOW)),
        ("UPDATE notes SET deleted_at = ? WHERE id = ?", (NOW, 2)),
        ("UPDATE actions SET deleted_at = ? WHERE id = ?", (NOW, 2)),
        ("DELETE FROM plan_items WHERE id = ?", (1,)),
    ),
    "restored and removed": (
        ("UPDATE notes SET deleted_at = NULL WHERE id = ?", (2,)),
        ("DELETE FROM agenda_items WHERE id = ?", (2,)),
    ),
}

INDEXED = "rowid, kind, record_id, board_id, meeting_id, item_id, plan_id, plan_item_id, day"


def _indexed(conn: sqlite3.Connection | psycopg.Connection[Any]) -> list[tuple[Any, ...]]:
    sql = f"SELECT {INDEXED}, title, body FROM search_index ORDER BY rowid"
    return [tuple(row) for row in conn.execute(sql).fetchall()]


def test_the_search_triggers_index_as_sqlites_do(
    lite: sqlite3.Connection, pg: psycopg.Connection[Any]
) -> None:
    before: list[tuple[Any, ...]] = []
    for phase, writes in PHASES.items():
        for sql, values in writes:
            lite.execute(sql, values)
            pg.execute(sql.replace("?", "%s"), values)
        expected = _indexed(lite)
        assert expected != before, f"{phase}: the index did not change"
        assert _indexed(pg) == expected, phase
        before = expected


def _found(pg: psycopg.Connection[Any], query: str) -> list[int]:
    rows = pg.execute(
        "SELECT rowid FROM search_index WHERE document @@ to_tsquery('english', %s) ORDER BY 1",
        (query,),
    )
    return [int(row[0]) for row in rows]


def test_the_document_follows_title_and_body(pg: psycopg.Connection[Any]) -> None:
    for sql, values in PHASES["inserted"]:
        pg.execute(sql.replace("?", "%s"), values)
    item, note = 1 * 8 + 1, 1 * 8 + 2
    found = pg.execute(
        "SELECT rowid FROM search_index WHERE document @@ websearch_to_tsquery('english', %s)",
        ("reservoir",),
    ).fetchall()
    assert found == [(note,)]  # stemmed: the body said "reservoirs"
    assert _found(pg, "audit:A") == [item]  # the title weighs A
    assert _found(pg, "head:B") == [item]  # the presenter is in the body, B
    assert _found(pg, "reservoir:A") == []
    pg.execute("UPDATE notes SET body = 'Members asked about culverts' WHERE id = 1")
    assert _found(pg, "reservoir") == []
    assert _found(pg, "culvert") == [note]
