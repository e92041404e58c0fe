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

import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import errors
from psycopg.pq import TransactionStatus

from board_tui.storage.errors import ServerUnreachableError, StoreRefusedError
from board_tui.storage.postgres_schema import CHANGES_CHANNEL
from board_tui.storage.postgres_sql import to_postgres

if TYPE_CHECKING:
    from psycopg.cursor import Cursor

_WRITES = ("INSERT", "UPDATE", "DELETE")
_SAFE_AGAIN = re.compile(r"\s*(?:SELECT|WITH|BEGIN|SET|LISTEN|PRAGMA)\b", re.I)
"""Statements that write nothing (or only start a transaction): safe to say twice."""


def _as_sqlite_error(error: psycopg.Error) -> sqlite3.Error:
    """The same class of failure as sqlite3 names it, with PostgreSQL's first line."""
    message = (str(error).strip().splitlines() or [type(error).__name__])[0]
    if isinstance(error, psycopg.IntegrityError):
        return sqlite3.IntegrityError(message)
    if isinstance(error, psycopg.DataError):
        return sqlite3.DataError(message)
    if isinstance(error, errors.QueryCanceled) and "user request" in message:
        # interrupt(): a newer search took over, as sqlite3's interrupt() says it.
        interrupted = sqlite3.OperationalError(f"interrupted ({message})")
        interrupted.sqlite_errorname = "SQLITE_INTERRUPT"
        return interrupted
    if isinstance(error, errors.LockNotAvailable | errors.DeadlockDetected):
        # Another clerk's transaction held the rows past lock_timeout: SQLite's busy file.
        return sqlite3.OperationalError(f"database is locked ({message})")
    if isinstance(error, errors.InsufficientPrivilege | errors.ReadOnlySqlTransaction):
        return sqlite3.OperationalError(f"attempt to write a readonly database: {message}")
    return sqlite3.OperationalError(message)


WATCH_SECONDS = 2.0
"""How often the server is asked whether it answers (ServerWatch)."""
RECONNECT_SECONDS = 3
"""How long one attempt to reach a server that went away may take: a form retries it."""


def _open(url: str, *, seconds: int = 10) -> psycopg.Connection[tuple[Any, ...]]:
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=seconds)
    except psycopg.Error as error:
        raise _unreachable(error) from None


UNREACHABLE = "the database server cannot be reached"


def _unreachable(error: psycopg.Error) -> ServerUnreachableError:
    """A broken or refused connection: a refusal (a notice, and the forms retry), on a read
    as on a write, never a crash report."""
    del error  # libpq's words name sockets and hosts; the clerk needs to know what to do
    return ServerUnreachableError(UNREACHABLE)


def _plain(value: object) -> object:
    # A flag is stored as 0/1 in an INTEGER column on both engines; psycopg would send a
    # bool as PostgreSQL's boolean, which an INTEGER column refuses.
    return int(value) if isinstance(value, bool) else value


class PostgresCursor:
    """The rows of one statement, read as a sqlite3 cursor's are."""

    def __init__(
        self, cursor: Cursor[tuple[Any, ...]], *, returns_id: bool, empty: bool = False
    ) -> None:
        self._cursor = cursor
        self.lastrowid: int | None = None
        self._rows: list[tuple[Any, ...]] | None = [] if empty else None
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
    """One psycopg connection in autocommit: a transaction is an explicit BEGIN, as in SQLite.

    A connection the network or a restarted server has broken is opened again at the next
    statement, with the session's settings said again; until the server answers, every
    statement is refused (StoreRefusedError: a notice, and the forms keep the words and
    retry), as a busy SQLite file is. A COMMIT whose answer was lost is asked after
    (txid_status) when the server answers again at once, so a save it kept is not written
    a second time by the retry.
    """

    def __init__(self, raw: psycopg.Connection[tuple[Any, ...]], url: str) -> None:
        self.raw = raw
        self.url = url
        self.total_changes = 0
        """Rows this connection has written (sqlite3's total_changes, for the chair's view)."""
        self._heard = 0
        self._session: list[str] = []
        """Settings said on this session (LISTEN, timeouts), said again after a reconnect."""
        self._xid: int | None = None

    @classmethod
    def connect(cls, url: str, *, read_only: bool = False) -> PostgresConnection:
        """The first connection: a refusal here is libpq's own words (a wrong host or
        database name), for Store.open_server to say in one line."""
        try:
            raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as error:
            raise _as_sqlite_error(error) from None
        connection = cls(raw, url)
        if read_only:
            connection.set_for_session("SET default_transaction_read_only = on")
        return connection

    def set_for_session(self, statement: str) -> None:
        """A session setting, kept for any later connection too."""
        self._session.append(statement)
        self.execute(statement)

    @property
    def in_transaction(self) -> bool:
        status = self.raw.info.transaction_status
        return status not in (TransactionStatus.IDLE, TransactionStatus.UNKNOWN)

    def _reconnect(self) -> None:
        """A fresh connection in place of a broken one (raises while the server is away)."""
        try:
            raw = _open(self.url, seconds=RECONNECT_SECONDS)
            for statement in self._session:
                raw.execute(statement)
        except psycopg.Error as error:
            raise _unreachable(error) from None
        with suppress(psycopg.Error):
            self.raw.close()
        self.raw = raw
        self._heard += 1  # what changed while away is unknown: a follower reads afresh

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> PostgresCursor:
        if self.raw.broken or self.raw.closed:
            self._xid = None
            self._reconnect()
        try:
            return self._execute(sql, params)
        except StoreRefusedError:
            # A server restarted since the last statement: the connection is found broken
            # only now. Outside a transaction, a statement that writes nothing is said
            # again on a fresh connection; a write is refused, and its form retries it.
            if not _SAFE_AGAIN.match(sql) or self._xid is not None:
                raise
            self._reconnect()
            return self._execute(sql, params)

    def _execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any]) -> PostgresCursor:
        translated = to_postgres(sql)
        if translated.sql == "COMMIT" and self._xid is not None:
            return self._commit()
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
            if translated.sql == "BEGIN":
                # Its number, asked after if the COMMIT's answer is lost (txid_status).
                cursor.execute("SELECT txid_current()")
                self._xid = int(cursor.fetchone()[0])  # type: ignore[index]
                return PostgresCursor(cursor, returns_id=False, empty=True)
            if guarded:
                result = PostgresCursor(cursor, returns_id=translated.returns_id)
                self.raw.execute("RELEASE SAVEPOINT board_tui_statement")
                self.total_changes += max(result.rowcount, 0)
                return result
        except psycopg.Error as error:
            if self.raw.broken or self.raw.closed:
                raise _unreachable(error) from None
            if guarded and self.raw.info.transaction_status == TransactionStatus.INERROR:
                self.raw.execute("ROLLBACK TO SAVEPOINT board_tui_statement")
                self.raw.execute("RELEASE SAVEPOINT board_tui_statement")
            raise _as_sqlite_error(error) from None
        if translated.sql == "ROLLBACK":
            self._xid = None
        result = PostgresCursor(cursor, returns_id=translated.returns_id)
        if sql.lstrip()[:6].upper() in _WRITES:
            self.total_changes += max(result.rowcount, 0)
        return result

    def _commit(self) -> PostgresCursor:
        xid, self._xid = self._xid, None
        try:
            cursor = self.raw.cursor()
            cursor.execute("COMMIT")
            return PostgresCursor(cursor, returns_id=False, empty=True)
        except psycopg.Error as error:
            if not (self.raw.broken or self.raw.closed):
                raise _as_sqlite_error(error) from None
        # The answer was lost with the connection. If the server answers again at once (a
        # network blip), it says whether it kept the transaction; kept, the save stands and
        # is not written twice. Away longer, the save is refused and the form retries it.
        self._reconnect()
        status = self.raw.execute("SELECT txid_status(%s)", (xid,)).fetchone()
        if status is not None and status[0] == "committed":
            return PostgresCursor(self.raw.cursor(), returns_id=False, empty=True)
        raise ServerUnreachableError(UNREACHABLE)

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

    def interrupt(self) -> None:
        """Stop the statement running on this connection (from another thread), as
        sqlite3's interrupt() does: the search screen's newer search takes over."""
        with suppress(psycopg.Error):
            self.raw.cancel_safe(timeout=1.0)

    def listen(self) -> None:
        """Hear every commit that changes the store (the schema's triggers NOTIFY it)."""
        self.set_for_session(f"LISTEN {CHANGES_CHANNEL}")

    def changes_heard(self) -> int:
        """Commits by any connection heard so far: read from what the server has already
        sent, without a query, so a window that follows the clerk can ask often."""
        with suppress(StoreRefusedError):  # away: nothing new can be heard; asked again soon
            if self.raw.broken or self.raw.closed:
                self._reconnect()
            try:
                for _notice in self.raw.notifies(timeout=0):
                    self._heard += 1
            except psycopg.Error:
                self._reconnect()  # found broken only now: a server restarted (or refused)
        return self._heard

    def close(self) -> None:
        self.raw.close()


class ServerWatch:
    """Whether the server answers, asked on a thread of its own every few seconds, so the
    clerk is told at once when the network or the server goes (and when it is back)
    without the screen ever waiting on a connection that hangs."""

    def __init__(self, url: str, every: float = WATCH_SECONDS) -> None:
        import threading

        self.url = url
        self.every = every
        self.reachable = True
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="server-watch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        conn: psycopg.Connection[tuple[Any, ...]] | None = None
        while not self._stop.is_set():
            try:
                if conn is None or conn.broken or conn.closed:
                    conn = psycopg.connect(self.url, autocommit=True, connect_timeout=3)
                conn.execute("SELECT 1")
                self.reachable = True
            except psycopg.Error:
                self.reachable = False
                if conn is not None:
                    with suppress(psycopg.Error):
                        conn.close()
                conn = None
            self._stop.wait(self.every)
        if conn is not None:
            with suppress(psycopg.Error):
                conn.close()

    def stop(self) -> None:
        self._stop.set()
