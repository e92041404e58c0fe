"""Read-only helpers for a window that follows the clerk: has anything changed, what is exempt.

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
        return version, self.db.conn.total_changes

    def exempt_agenda_item_ids(self) -> set[int]:
        """Every exempt (Part 2) item, so a public share can leave out its actions too."""
        return {int(r["id"]) for r in self._rows("SELECT id FROM agenda_items WHERE exempt = 1")}
