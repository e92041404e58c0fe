"""Errors from opening, migrating, backing up and restoring a database file, and from
writing to it: refused for now, or refused because the record changed meanwhile."""

from typing import Generic, TypeVar

from board_tui.domain.errors import BoardTuiError

T = TypeVar("T")


class DatabaseOpenError(BoardTuiError):
    """The database file cannot be used: missing folder, unreadable, not SQLite, damaged."""


class SchemaTooNewError(DatabaseOpenError):
    """Written by a newer board-tui: opening it could damage what that version wrote."""


class SchemaOutOfDateError(DatabaseOpenError):
    """Opened read-only, but its schema is behind this board-tui's: it must be opened for
    writing once, which brings it up to date (after a backup)."""


class BackupError(BoardTuiError):
    """A backup could not be written, or a file cannot be restored."""


class StoreRefusedError(BoardTuiError):
    """A write was refused for now: another program holds the lock, the disk is full, the
    file is read-only. What was being saved is still on screen; it can be tried again."""


class ServerUnreachableError(StoreRefusedError):
    """The team's server does not answer (the network, or the server stopped): the app says
    so once, in its own notice; each save is refused and retried until it answers."""


class StaleEditError(BoardTuiError, Generic[T]):
    """An edit typed over values someone else has changed since they were read: refused,
    nothing written, so no one's change is lost unseen. `current` is the record as it now
    stands, for the clerk to see before saving again over it."""

    def __init__(self, what: str, current: T) -> None:
        super().__init__(f"someone else changed this {what} meanwhile")
        self.current = current
