"""A whole store copied into a new, empty one: a team's file moved to PostgreSQL, or back.

Every table of the schema is copied, rows with their ids unchanged, in one transaction
on the target: search_index is not copied (the target's own triggers make it from the
rows, as they do for the app's writes), nor the migrations' bookkeeping (each store keeps
its own), nor the holds clerks' apps have on meetings (NOT_RECORDS). Then each table's
count on the target must equal the source's, search_index's too; only then are
PostgreSQL's id sequences moved past the highest id copied, and the transaction
committed. Anything that differs, or fails, leaves the target as it was.

The order of the tables is derived from the schema's foreign keys (copy_plan), so a
table added by a migration is copied without a list to keep up to date. Two references
cannot be satisfied by any order of tables: a meeting's current and matters-arising
items (agenda_items refers to meetings, and meetings to agenda_items), and a row
referring to another row of its own table (a sub-item's parent, the meeting that
approved a meeting's minutes), which may come later in id order. Those columns are
copied empty and filled in once every row is in. No trigger stands in the way: the
rules kept by triggers (a note's item is in the note's meeting, status updates are
never changed) hold for every row copied, as the items are in before the notes and no
status update is ever filled in afterwards (copy_plan refuses a plan that would).

The source is read in one snapshot (a live clerk's writes meanwhile are not half in
it) and opened read-only, so a clerk's file is not written; one whose schema is behind
this board-tui's is brought up to date first, as opening it in board-tui would.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from board_tui.domain.errors import BoardTuiError
from board_tui.storage import schema
from board_tui.storage.dialect import POSTGRES, SQLITE, server_label
from board_tui.storage.errors import SchemaOutOfDateError
from board_tui.storage.store import Store

if TYPE_CHECKING:
    from board_tui.storage.postgres import PostgresConnection

BATCH = 2000
"""Rows read from the source, and written to the target, at a time."""

SEARCH_INDEX = "search_index"
NOT_RECORDS = frozenset({"meeting_holds"})
"""Tables of the running apps' state, not of the store's records: a hold on a meeting
belongs to a clerk's app open on the source, never to the copy."""
"""Not copied: the target's triggers fill it from the rows copied (its count is checked)."""


class CopyError(BoardTuiError):
    """The copy was refused or failed; the target is as it was."""


@dataclass(frozen=True)
class TablePlan:
    """How one table is copied."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    """The primary key: the order rows are read in, and how a row is found to fill in."""
    deferred: tuple[str, ...] = ()
    """References to this table or one copied after it: copied empty, filled in at the end."""


@dataclass(frozen=True)
class CopyResult:
    counts: dict[str, int]
    """Rows copied, table by table, in the order they were copied."""
    searchable: int
    """search_index's rows on the target, made by its triggers (as many as the source's)."""
    source_migrated: bool
    """The source's schema was behind, and was brought up to date before copying."""
    seconds: float

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def label(target: Path | str) -> str:
    """A database as messages name it: the file, or the server's URL with no password."""
    return str(target) if isinstance(target, Path) else server_label(target)


# -- the plan, from the schema ---------------------------------------------------------------


@lru_cache(maxsize=1)
def copy_plan() -> tuple[TablePlan, ...]:
    """Every table to copy, in an order that satisfies its foreign keys: read from the
    schema this board-tui makes (migrated into memory), which both engines share."""
    conn = sqlite3.connect(":memory:")
    try:
        schema.migrate(conn, "the schema")
        return plan_from(conn)
    finally:
        conn.close()


def plan_from(conn: sqlite3.Connection) -> tuple[TablePlan, ...]:
    """The plan for an SQLite database's schema (see copy_plan)."""
    found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
    made = [(str(name), str(sql or "")) for name, sql in found]
    virtual = [name for name, sql in made if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    tables = [
        name
        for name, _sql in made
        if name != schema.MIGRATIONS_TABLE
        and name not in NOT_RECORDS
        and not name.startswith("sqlite_")
        and name not in virtual
        # A virtual table's own storage (FTS5's search_index_data, …) is named after it.
        and not any(name.startswith(f"{v}_") for v in virtual)
    ]
    columns: dict[str, tuple[str, ...]] = {}
    keys: dict[str, tuple[str, ...]] = {}
    required: dict[str, set[str]] = {}
    references: dict[str, list[tuple[str, str]]] = {}
    for table in tables:
        info = conn.execute(f"PRAGMA table_info({table})").fetchall()
        columns[table] = tuple(str(row[1]) for row in info)
        pk = sorted((int(row[5]), str(row[1])) for row in info if int(row[5]) > 0)
        keys[table] = tuple(name for _n, name in pk) or columns[table]
        # A primary key can never be left empty, though SQLite does not call it NOT NULL.
        required[table] = {str(row[1]) for row in info if row[3] or row[5]}
        references[table] = [
            (str(row[3]), str(row[2]))
            for row in conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()
        ]
    # Tables whose rows a trigger refuses to change (status_updates): never filled in later.
    unchangeable = {
        str(row[0])
        for row in conn.execute(
            "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger'"
            " AND sql LIKE '%BEFORE UPDATE%RAISE%'"
        )
    }
    order = _ordered(tables, required, references, unchangeable)
    plans = []
    for table in order:
        before = set(order[: order.index(table)])
        deferred = tuple(
            column for column, to in references[table] if to == table or to not in before
        )
        if deferred and (table in unchangeable or set(deferred) & required[table]):
            raise RuntimeError(f"{table}: {', '.join(deferred)} cannot be filled in later")
        plans.append(TablePlan(table, columns[table], keys[table], deferred))
    return tuple(plans)


def _ordered(
    tables: Sequence[str],
    required: dict[str, set[str]],
    references: dict[str, list[tuple[str, str]]],
    unchangeable: set[str],
) -> list[str]:
    """Each table after the tables it refers to. Where references go round in a circle,
    a table whose optional (nullable) references close it comes first, and those are
    filled in later: one whose rows can be changed, if there is one. A circle of required
    references cannot be copied. Of the tables that can come next, the one made first."""

    def reaches(start: str, goal: str) -> bool:
        seen, stack = set(), [start]
        while stack:
            table = stack.pop()
            if table == goal:
                return True
            if table not in seen:
                seen.add(table)
                stack += [to for _column, to in references.get(table, [])]
        return False

    placed: list[str] = []
    waiting = list(tables)
    while waiting:

        def unplaced(table: str, *, needed: bool) -> set[str]:
            return {
                to
                for column, to in references[table]
                if to != table and to not in placed and (column in required[table]) == needed
            }

        ready = [table for table in waiting if not unplaced(table, needed=True)]
        chosen = next((table for table in ready if not unplaced(table, needed=False)), None)
        if chosen is None:  # in a circle: one whose later references all lead back to it
            closing = [
                table
                for table in ready
                if all(reaches(to, table) for to in unplaced(table, needed=False))
            ]
            closing.sort(key=lambda table: table in unchangeable)
            chosen = closing[0] if closing else None
        if chosen is None:
            raise RuntimeError(f"the required references of {', '.join(waiting)} form a circle")
        placed.append(chosen)
        waiting.remove(chosen)
    return placed


# -- opening both ends -----------------------------------------------------------------------


def _refuse_same(source: Path | str, target: Path | str) -> None:
    if isinstance(source, Path) and isinstance(target, Path):
        same = os.path.abspath(source) == os.path.abspath(target) or (
            target.exists() and source.exists() and os.path.samefile(source, target)
        )
    else:
        same = source == target
    if same:
        raise CopyError(f"{label(source)}: the source and the target are the same database")


def _server_identity(store: Store) -> tuple[Any, ...] | None:
    """Which database on which running server: two URLs may name the same one."""
    if store.dialect is not POSTGRES:
        return None
    row = store.conn.execute(
        "SELECT current_database(), inet_server_addr()::text, inet_server_port(),"
        " pg_postmaster_start_time()::text"
    ).fetchone()
    return tuple(row) if row is not None else None


def _open_source(source: Path | str) -> tuple[Store, bool]:
    """Read-only, so a clerk's file is not written; a schema behind is brought up to date
    (after a backup, as opening it in board-tui does), as both ends must be at one version."""
    try:
        return Store.open(source, read_only=True), False
    except SchemaOutOfDateError:
        return Store.open(source, create=False), True


def _remove_new_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_store(source: Path | str, target: Path | str, *, replacing: bool = False) -> CopyResult:
    """Copy the whole store at `source` into the empty store at `target` (a file is made if
    there is none); see the module's docstring. Raises BoardTuiError, in one line, with the
    target as it was. replacing: what the target holds is deleted first, in the same
    transaction (a server's store restored from a backup file, which was backed up first)."""
    started = time.perf_counter()
    _refuse_same(source, target)
    reader, migrated = _open_source(source)
    with reader:
        new_file = isinstance(target, Path) and not os.path.lexists(target)
        try:
            with Store.open(target) as writer:
                identity = _server_identity(reader)
                if identity is not None and identity == _server_identity(writer):
                    raise CopyError(
                        f"{label(source)}: the source and the target are the same database"
                    )
                counts, searchable = _copy(
                    reader, writer, label(source), label(target), replacing=replacing
                )
        except BaseException:
            if new_file:
                assert isinstance(target, Path)
                _remove_new_file(target)
            raise
    return CopyResult(counts, searchable, migrated, time.perf_counter() - started)


# -- the copy --------------------------------------------------------------------------------


@contextmanager
def _snapshot(store: Store) -> Iterator[None]:
    """Every read in one view of the source, whatever is written to it meanwhile."""
    if store.dialect is SQLITE:
        store.conn.execute("BEGIN")
    else:
        store.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    try:
        yield
    finally:
        if store.conn.in_transaction:
            store.conn.execute("ROLLBACK")


def _columns(store: Store, table: str) -> tuple[str, ...]:
    cursor = store.conn.execute(f"SELECT * FROM {table} LIMIT 0")
    cursor.fetchall()
    return tuple(str(column[0]) for column in cursor.description or ())


def _counts(store: Store, tables: Sequence[str]) -> dict[str, int]:
    return {
        table: int(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        for table in tables
    }


def _copy(
    reader: Store, writer: Store, source: str, target: str, *, replacing: bool = False
) -> tuple[dict[str, int], int]:
    plan = copy_plan()
    names = [table.name for table in plan]
    with _snapshot(reader):
        for table in plan:
            for store, named in ((reader, source), (writer, target)):
                if _columns(store, table.name) != table.columns:
                    raise CopyError(f"{named}: its table {table.name} is not this board-tui's")
        expected = _counts(reader, [*names, SEARCH_INDEX])
        doing = "starting"
        try:
            with writer.transaction():
                if replacing:
                    doing = "emptying the target"
                    for name in ("meeting_holds", *reversed(names)):
                        writer.conn.execute(f"DELETE FROM {name}")
                _refuse_not_empty(writer, names, target)
                filled_in: list[tuple[TablePlan, list[tuple[Any, ...]]]] = []
                for table in plan:
                    doing = f"copying {table.name}"
                    filled_in.append((table, _copy_table(reader, writer, table)))
                for table, later in filled_in:
                    if later:
                        doing = f"filling in {table.name}'s {', '.join(table.deferred)}"
                        _fill_in(writer, table, later)
                doing = "checking the counts"
                _verify(writer, expected, target)
                if writer.dialect is POSTGRES:
                    doing = "setting the id sequences"
                    _move_sequences(writer, names)
        except sqlite3.Error as error:
            reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
            raise CopyError(
                f"{target}: the copy failed {doing} ({reason}); nothing was copied"
            ) from None
    counts = {name: expected[name] for name in names}
    return counts, expected[SEARCH_INDEX]


def _refuse_not_empty(writer: Store, names: Sequence[str], target: str) -> None:
    held = [f"{table} {n:,}" for table, n in _counts(writer, names).items() if n]
    if held:
        listed = ", ".join(held[:4]) + (f" and {len(held) - 4} more tables" if held[4:] else "")
        raise CopyError(
            f"{target}: is not empty ({listed}); board-tui copies only into a new, empty"
            " database, so that no one's work is overwritten"
        )


def _copy_table(reader: Store, writer: Store, table: TablePlan) -> list[tuple[Any, ...]]:
    """Copy one table's rows; returns what is to be filled in later: (deferred…, key…)."""
    cursor = reader.conn.execute(
        f"SELECT {', '.join(table.columns)} FROM {table.name} ORDER BY {', '.join(table.key)}"
    )
    rows = iter(cursor)
    deferred = [table.columns.index(column) for column in table.deferred]
    keys = [table.columns.index(column) for column in table.key]
    later: list[tuple[Any, ...]] = []
    while batch := [tuple(row) for row in islice(rows, BATCH)]:
        if deferred:
            for row in batch:
                if any(row[i] is not None for i in deferred):
                    later.append(tuple(row[i] for i in [*deferred, *keys]))
            blank = set(deferred)
            batch = [
                tuple(None if i in blank else value for i, value in enumerate(row)) for row in batch
            ]
        insert_rows(writer, table, batch)
    return later


def insert_rows(writer: Store, table: TablePlan, rows: list[tuple[Any, ...]]) -> None:
    """Rows in, through the target store's connection: PostgreSQL's COPY (a statement
    and a savepoint a row, as the adapter runs an INSERT, would be many times slower)."""
    if writer.dialect is POSTGRES:
        cast("PostgresConnection", writer.conn).copy_rows(table.name, table.columns, rows)
        return
    marks = ", ".join("?" for _ in table.columns)
    writer.conn.executemany(
        f"INSERT INTO {table.name} ({', '.join(table.columns)}) VALUES ({marks})", rows
    )


def _fill_in(writer: Store, table: TablePlan, later: list[tuple[Any, ...]]) -> None:
    assigned = ", ".join(f"{column} = ?" for column in table.deferred)
    found = " AND ".join(f"{column} = ?" for column in table.key)
    writer.conn.executemany(f"UPDATE {table.name} SET {assigned} WHERE {found}", later)


def _verify(writer: Store, expected: dict[str, int], target: str) -> None:
    found = _counts(writer, list(expected))
    differ = [
        f"{table} {found[table]} not {n}" for table, n in expected.items() if found[table] != n
    ]
    if differ:
        raise CopyError(
            f"{target}: the counts differ from the source's after copying ({'; '.join(differ)});"
            " nothing was copied"
        )


def _move_sequences(writer: Store, names: Sequence[str]) -> None:
    """Each identity column's sequence past the highest id copied, so the next row made
    on the server gets a new id (a sequence is not moved by rows given their ids)."""
    identities = writer.conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND is_identity = 'YES'"
    ).fetchall()
    for table, column in identities:
        if table in names:
            writer.conn.execute(
                f"SELECT setval(pg_get_serial_sequence(?, ?), (SELECT max({column}) FROM {table}))",
                (table, column),
            )
