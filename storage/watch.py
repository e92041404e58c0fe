"""Read-only helpers for a window that follows the clerk: has anything changed.

The chair's window polls these several times a second, so they must stay cheap
and must never write: the same calls work on a connection opened read-only.
"""

from __future__ import annotations

from board_tui.storage.base import StoreBase


class WatchMixin(StoreBase):
    def data_version(self) -> tuple[int, int]:
        """Changes since the last call: commits by other connections, then by this one.

        PRAGMA data_version moves when another process commits (the clerk's app);
        total_changes counts this connection's own writes (the chair's view inside
        the clerk's app shares its connection).
        """
        version = int(self._scalar("PRAGMA data_version"))
        return version, self.conn.total_changes
