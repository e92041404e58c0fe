"""Read-only helpers for a window that follows the clerk: has anything changed.

The chair's window polls these several times a second, so they must stay cheap
and must never write: the same calls work on a connection opened read-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from board_tui.storage.base import StoreBase
from board_tui.storage.dialect import SQLITE

if TYPE_CHECKING:
    from board_tui.storage.postgres import PostgresConnection


class WatchMixin(StoreBase):
    def data_version(self) -> tuple[int, int]:
        """Changes since the last call: commits by other connections, then by this one.

        PRAGMA data_version moves when another process commits (the clerk's app);
        total_changes counts this connection's own writes (the chair's view inside
        the clerk's app shares its connection). On PostgreSQL the first is the count of
        the server's change notices this connection has heard: no file to poll.
        """
        if self.dialect is not SQLITE:  # the server's notices of commits (LISTEN/NOTIFY)
            heard = cast("PostgresConnection", self.conn).changes_heard()
            return heard, self.conn.total_changes
        version = int(self._scalar("PRAGMA data_version"))
        return version, self.conn.total_changes
