"""What every part of the store shares: the connection, the clock, transactions, row helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from board_tui.domain.errors import NotFoundError

Clock = Callable[[], dt.datetime]
Params = Sequence[Any] | dict[str, Any]


def local_now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class StoreBase:
    """Owns the connection; the area mixins (boards, meetings, plans) build on it."""

    def __init__(self, db: Database, *, clock: Clock = local_now) -> None:
        self.db = db
        self.clock = clock

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes so they land together or not at all (nested: a savepoint)."""
        with self.db.atomic():
            yield

    def _rows(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        return list(self.db.query(sql, params))

    def _row(self, sql: str, params: Params, what: str) -> dict[str, Any]:
        rows = self._rows(sql, params)
        if not rows:
            raise NotFoundError(f"no such {what}")
        return rows[0]

    def _insert(self, sql: str, params: Params) -> int:
        with self.transaction():
            cursor = self.db.execute(sql, params)
        rowid = cursor.lastrowid
        assert rowid is not None
        return rowid

    def _write(self, sql: str, params: Params) -> int:
        """Run one write statement in its own transaction; returns the rows it changed."""
        with self.transaction():
            return self.db.execute(sql, params).rowcount

    def _scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.db.execute(sql, params).fetchone()
        return row[0] if row else None
