"""The store's backups and restores: the one place imports, closes and the CLI take them."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from board_tui.storage import schema
from board_tui.storage.base import StoreBase
from board_tui.storage.connection import connect
from board_tui.storage.errors import BackupError, DatabaseOpenError

if TYPE_CHECKING:
    from board_tui.storage.backups import Restored


class SafekeepingMixin(StoreBase):
    path: Path | None
    backup_warning: str | None = None
    """Why the last backup after a saved change (a meeting closed) could not be taken."""

    def backup(self, reason: str = "manual", *, prune: bool = True) -> Path | None:
        """Back up what is committed now; None when there is nothing to back up.

        A store without a file (in memory) has nothing to keep. Inside a caller's
        transaction (the demo builds in one) the caller's all-or-nothing is the
        protection, and a copy would catch its half-made state, so none is taken.
        """
        if self.path is None or self.conn.in_transaction:
            return None
        from board_tui.storage import backups

        taken = backups.take_backup(self.conn, self.path, reason, self.clock())
        if prune:
            backups.prune(self.path)
        return taken

    def backup_or_refuse(self, reason: str, refused: str) -> None:
        """Before a change a clerk could not undo by hand: no backup, no change."""
        try:
            self.backup(reason)
        except BackupError as error:
            raise BackupError(f"{error}; {refused}") from None

    def backup_after(self, reason: str) -> None:
        """After a change already saved: a failed backup is kept to tell the clerk, not raised."""
        try:
            self.backup(reason)
        except BackupError as error:
            self.backup_warning = f"{error}; the change itself is saved"

    def pop_backup_warning(self) -> str | None:
        warning, self.backup_warning = self.backup_warning, None
        return warning

    def restore_from(self, source: Path) -> Restored:
        """Replace the whole database with a backup, after backing up what it holds now.

        The copy goes through SQLite's backup API in one transaction on the live file,
        so a window that has it open reads either the old data or the restored data,
        never a mix; screens already drawn show the old data until reopened. A backup
        from an older version is brought up to this version's schema straight away.
        """
        if self.path is None:
            raise BackupError("an in-memory database cannot be restored into")
        from board_tui.storage import backups
        from board_tui.storage.backups import Restored

        source = source.expanduser()
        backups.check_restorable(source, self.path)
        saved_before = self.backup("restore", prune=False)
        if saved_before is None:
            raise BackupError("cannot restore in the middle of a change; finish it first")
        conn = connect(source, create=False, read_only=True)
        try:
            conn.backup(self.conn)
        except sqlite3.Error as error:
            raise DatabaseOpenError(
                f"{source}: could not be restored ({error}); the database is unchanged"
            ) from None
        finally:
            conn.close()
        applied = schema.migrate(self.conn, str(self.path))
        # Pruned only now: the backup being restored may have been the oldest of ten.
        backups.prune(self.path)
        return Restored(source, saved_before, applied)
