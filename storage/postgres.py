"""A PostgreSQL connection that the store uses as it uses sqlite3's (psycopg 3 underneath).

The store is written against the part of sqlite3's DB-API it needs: execute, a cursor's
rows, description, rowcount and lastrowid, in_transaction, close, and sqlite3's error
classes. This presents PostgreSQL through that same surface, so the store has one body
of code for both engines. Its SQL is translated (storage.postgres_sql); errors come back
as sqlite3's classes (a refused constraint is an IntegrityError on both), with
PostgreSQL's own message; and inside a transaction each write runs in a savepoint, as a
failed statement in SQLite leaves the rest of its transaction standing where PostgreSQL
would end it.

psycopg is imported here only, and this module only when a PostgreSQL URL is opened.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import errors
from psycopg.pq import TransactionStatus

from board_tui.storage.postgres_sql import to_postgres

if TYPE_CHECKING:
    from psycopg.cursor import Cursor

CHANGES_CHANNEL = "board_tui_changes"
"""What every committed write is told on (LISTEN/NOTIFY), so the chair's view follows."""
_WRITES = ("INSERT", "UPDATE", "DELETE")


def _as_sqlite_error(error: psycopg.Error) -> sqlite3.Error:
    """The same class of failure as sqlite3 names it, with PostgreSQL's first line."""
    message = (str(error).strip().splitlines() or [type(error).__name__])[0]
    if isinstance(error, psycopg.IntegrityError):
        return sqlite3.IntegrityError(message)
    if isinstance(error, psycopg.DataError):
        return sqlite3.DataError(message)
    if isinstance(error, errors.InsufficientPrivilege | errors.ReadOnlySqlTransaction):
        return sqlite3.OperationalError(f"attempt to write a readonly database: {message}")
    return sqlite3.OperationalError(message)


def _plain(value: object) -> object:
    # A flag is stored as 0/1 in an INTEGER column on both engines; psycopg would send a
    # bool as PostgreSQL's boolean, which an INTEGER column refuses.
    return int(value) if isinstance(value, bool) else value


class PostgresCursor:
    """The rows of one statement, read as a sqlite3 cursor's are."""

    def __init__(self, cursor: Cursor[tuple[Any, ...]], *, returns_id: bool) -> None:
        self._cursor = cursor
        self.lastrowid: int | None = None
        self._rows: list[tuple[Any, ...]] | None = None
        if returns_id:
            self._rows = []
            found = cursor.fetchall()
            if found:
                self.lastrowid = int(found[-1][0])
        self.rowcount = cursor.rowcount

    @property
    def description(self) -> Sequence[tuple[str, ...]] | None:
        columns = self._cursor.description
        if columns is None or self._rows is not None:
            return None
        return [(column.name,) for column in columns]

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._rows is not None:
            return None
        return self._cursor.fetchone()

    def fetchall(self) -> list[tuple[Any, ...]]:
        if self._rows is not None:
            return []
        return self._cursor.fetchall()

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        if self._rows is not None:
            return iter(())
        return iter(self._cursor)


class PostgresConnection:
    """One psycopg connection in autocommit: a transaction is an explicit BEGIN, as in SQLite."""

    def __init__(self, raw: psycopg.Connection[tuple[Any, ...]]) -> None:
        self.raw = raw
        self.total_changes = 0
        """Rows this connection has written (sqlite3's total_changes, for the chair's view)."""
        self._heard = 0

    @classmethod
    def connect(cls, url: str, *, read_only: bool = False) -> PostgresConnection:
        try:
            raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as error:
            raise _as_sqlite_error(error) from None
        if read_only:
            raw.execute("SET default_transaction_read_only = on")
        return cls(raw)

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> PostgresCursor:
        translated = to_postgres(sql)
        values: Sequence[Any] | Mapping[str, Any]
        if isinstance(params, Mapping):
            values = {name: _plain(value) for name, value in params.items()}
        else:
            values = [_plain(value) for value in params]
        guarded = self.in_transaction and sql.lstrip()[:6].upper() in _WRITES
        cursor = self.raw.cursor()
        try:
            if guarded:
                cursor.execute("SAVEPOINT board_tui_statement")
            cursor.execute(translated.sql, values)
            if guarded:
                result = PostgresCursor(cursor, returns_id=translated.returns_id)
                self.raw.execute("RELEASE SAVEPOINT board_tui_statement")
                self.total_changes += max(result.rowcount, 0)
                return result
        except psycopg.Error as error:
            if guarded and self.raw.info.transaction_status == TransactionStatus.INERROR:
                self.raw.execute("ROLLBACK TO SAVEPOINT board_tui_statement")
                self.raw.execute("RELEASE SAVEPOINT board_tui_statement")
            raise _as_sqlite_error(error) from None
        result = PostgresCursor(cursor, returns_id=translated.returns_id)
        if sql.lstrip()[:6].upper() in _WRITES:
            self.total_changes += max(result.rowcount, 0)
        return result

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        for row in rows:
            self.execute(sql, row)

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Load rows into a table with COPY, in the transaction under way: one command and
        one stream rather than a statement (and a savepoint) a row, for a whole store
        copied in (services.store_copy). Row triggers fire as they do for INSERT; a row
        refused fails the transaction. Returns how many rows were loaded."""
        from psycopg import sql

        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
        )
        loaded = 0
        try:
            with self.raw.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row([_plain(value) for value in row])
                    loaded += 1
        except psycopg.Error as error:
            raise _as_sqlite_error(error) from None
        self.total_changes += loaded
        return loaded

    def listen(self) -> None:
        """Hear every commit that changes the store (the schema's triggers NOTIFY it)."""
        self.raw.execute(f"LISTEN {CHANGES_CHANNEL}")

    def changes_heard(self) -> int:
        """Commits by any connection heard so far: read from what the server has already
        sent, without a query, so a window that follows the clerk can ask often."""
        try:
            for _notice in self.raw.notifies(timeout=0):
                self._heard += 1
        except psycopg.Error as error:
            raise _as_sqlite_error(error) from None
        return self._heard

    def close(self) -> None:
        self.raw.close()
