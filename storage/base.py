"""What every part of the store shares: the connection, the clock, transactions, row helpers."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cached_property
from itertools import count
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, cast

from board_tui.domain.errors import NotFoundError
from board_tui.storage.dialect import SQLITE, Dialect
from board_tui.storage.errors import StaleEditError, StoreRefusedError

if TYPE_CHECKING:
    from sqlite_utils import Database

    from board_tui.domain.exempt import Part2
    from board_tui.storage.postgres import PostgresConnection

Clock = Callable[[], dt.datetime]
Params = Sequence[Any] | dict[str, Any]
T = TypeVar("T")


def local_now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class ItemFlag(NamedTuple):
    """An agenda item as the exempt rule reads it (domain.exempt.Flagged), and no more."""

    id: int
    parent_id: int | None
    exempt: bool


_SAVEPOINTS = count(1)


class StoreBase:
    """Owns the connection; the area mixins (boards, meetings, plans) build on it.

    The store reads and writes through the sqlite3 connection itself; sqlite-utils (its
    import is a sixth of the app's cold start) is loaded only for what it is for:
    migrating a schema, and `db` for a test or tool that wants its API.
    """

    dialect: Dialect = SQLITE
    """How the SQL that differs between the engines is said (PostgreSQL: Store.open_server)."""

    def __init__(self, conn: sqlite3.Connection, *, clock: Clock = local_now) -> None:
        self.conn = conn
        self.clock = clock
        self.draft_keeper: StoreBase = self
        """Where drafts are kept: this store, or the computer's own file for a server's
        (storage.local_drafts), so words typed while the network is down are safe."""

    @cached_property
    def db(self) -> Database:
        """The connection wrapped by sqlite-utils (imported on first use)."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes so they land together or not at all (nested: a savepoint).

        The outermost one starts with BEGIN IMMEDIATE: it takes the write lock first (waiting
        up to the busy timeout), so it never reads, then fails to write because another
        program wrote meanwhile. A lock held too long, a full disk or a read-only file
        becomes a StoreRefusedError: one line, and nothing half-written.
        """
        if self._in_transaction():
            with self._savepoint():
                yield
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise refusal(error) from None
        try:
            yield
        except BaseException as error:
            self._roll_back()
            if isinstance(error, sqlite3.OperationalError):
                raise refusal(error) from None
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            self._roll_back()
            raise refusal(error) from None

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        """A nested transaction: undone alone if it fails, kept with the outer one."""
        name = f"board_tui_{next(_SAVEPOINTS)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            # A failure such as RAISE(ROLLBACK) in a trigger can end the whole transaction.
            if self._in_transaction():
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {name}")

    def _in_transaction(self) -> bool:
        return self.conn.in_transaction

    def _roll_back(self) -> None:
        """Undo what the transaction wrote (SQLite may have ended it already)."""
        if self._in_transaction():
            self.conn.execute("ROLLBACK")

    def set_busy_timeout(self, milliseconds: int) -> None:
        """How long a write waits for another program's lock before it is refused."""
        if self.dialect is SQLITE:
            self.conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
        else:  # kept for the session: said again if the connection is made afresh
            server = cast("PostgresConnection", self.conn)
            server.set_for_session(f"SET lock_timeout = {int(milliseconds)}")

    def set_page_cache(self, kib: int) -> None:
        """How much of the file this connection keeps in its own memory (SQLite's default is
        2 MiB). A reader that asks little again can keep less: the system's file cache
        still holds the file, so a page read again costs a system call, not the disk."""
        if self.dialect is SQLITE:  # a server keeps its own cache, shared by every client
            self.conn.execute(f"PRAGMA cache_size = {-abs(int(kib))}")

    def _rows(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def _row(self, sql: str, params: Params, what: str) -> dict[str, Any]:
        rows = self._rows(sql, params)
        if not rows:
            # Looked up by id: the id is said back, so a typo shows at once.
            said = f": {params[0]}" if not isinstance(params, dict) and len(params) == 1 else ""
            raise NotFoundError(f"no such {what}{said}")
        return rows[0]

    def _insert(self, sql: str, params: Params) -> int:
        with self.transaction():
            cursor = self.conn.execute(sql, params)
        rowid = cursor.lastrowid
        assert rowid is not None
        return rowid

    def _write(self, sql: str, params: Params) -> int:
        """Run one write statement in its own transaction; returns the rows it changed."""
        with self.transaction():
            return self.conn.execute(sql, params).rowcount

    def _update_unless_changed(
        self,
        table: str,
        row_id: int,
        new: Mapping[str, object],
        old: Mapping[str, object] | None,
        *,
        what: str,
        current: Callable[[], T],
    ) -> None:
        """Write `new` over the row only if it still holds `old` (compare-and-set): one
        UPDATE with the old values in its WHERE, so two clerks saving over the same values
        at once cannot both win, on either engine. `IS` matches NULL to NULL (PostgreSQL's
        IS NOT DISTINCT FROM). Otherwise StaleEditError with the record as it now stands
        (NotFoundError if it is gone). `old` None: written whatever the row holds (imports,
        the command line), as before.
        """
        sets = ", ".join(f"{column} = ?" for column in new)
        checks = "".join(f" AND {column} IS ?" for column in old or {})
        with self.transaction():
            changed = self.conn.execute(
                f"UPDATE {table} SET {sets} WHERE id = ?{checks}",
                (*new.values(), row_id, *(old or {}).values()),
            ).rowcount
            if old is not None and not changed:
                raise StaleEditError(what, current())

    def _scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def part2(self, meeting_id: int | None = None) -> Part2:
        """The exempt rule over every agenda item (or one meeting's): which are Part 2.

        Only flagged items and sub-items are read: an unflagged item with no parent can
        neither be exempt nor make another so.
        """
        from board_tui.domain.exempt import Part2

        sql = (
            "SELECT id, parent_id, exempt FROM agenda_items"
            " WHERE (exempt = 1 OR parent_id IS NOT NULL)"
        )
        params: tuple[int, ...] = ()
        if meeting_id is not None:
            sql += " AND meeting_id = ?"
            params = (meeting_id,)
        rows = self.conn.execute(sql, params)
        return Part2.of(ItemFlag(int(r[0]), r[1], bool(r[2])) for r in rows)


def refusal(error: sqlite3.OperationalError) -> Exception:
    """SQLite's refusals a clerk can act on, in words; anything else stays as it was."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return StoreRefusedError(
            "the database is busy: another program is writing to it (it will be retried)"
        )
    if "full" in text:
        return StoreRefusedError("the disk is full")

    if "readonly" in text or "read-only" in text:
        return StoreRefusedError("the database file is read-only")
    if "disk i/o" in text:
        return StoreRefusedError("the disk could not be written")
    return error
