"""The store: the one interface screens, exporters and the command line use to reach the data."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, cast

from board_tui.domain.errors import BoardTuiError
from board_tui.storage import schema
from board_tui.storage.base import Clock, StoreBase, local_now
from board_tui.storage.boards import BoardsMixin
from board_tui.storage.connection import connect, open_failure
from board_tui.storage.dialect import POSTGRES, SERVER_URL_PREFIXES, server_label
from board_tui.storage.errors import BackupError, DatabaseOpenError, SchemaOutOfDateError
from board_tui.storage.history import HistoryMixin
from board_tui.storage.holds import HoldsMixin
from board_tui.storage.live import LiveMixin
from board_tui.storage.network_drive import network_warning
from board_tui.storage.plans import PlansMixin
from board_tui.storage.progress_reports import ProgressReportsMixin
from board_tui.storage.quorum import QuorumMixin
from board_tui.storage.roundups import RoundupsMixin
from board_tui.storage.search import SearchMixin
from board_tui.storage.voices import VoicesMixin
from board_tui.storage.votes import VotesMixin
from board_tui.storage.watch import WatchMixin

COUNTED_TABLES = (
    "boards",
    "people",
    "memberships",
    "meetings",
    "meeting_events",
    "attendance",
    "agenda_items",
    "declarations",
    "notes",
    "action_plans",
    "plan_items",
    "agenda_item_links",
    "actions",
    "status_updates",
)


def _back_up_before_migrating(conn: sqlite3.Connection, path: Path, clock: Clock) -> None:
    """Only a database that already holds data, and only when a migration will run."""
    if not schema.migrations.pending(conn) or not schema.applied_migrations(conn):
        return
    from board_tui.storage import backups

    try:
        backups.take_backup(conn, path, "migration", clock())
    except BackupError as error:
        raise BackupError(f"{path}: {error}; its schema was not updated") from None
    backups.prune(path)


class Store(
    QuorumMixin,
    BoardsMixin,
    LiveMixin,
    VoicesMixin,
    VotesMixin,
    PlansMixin,
    WatchMixin,
    SearchMixin,
    HistoryMixin,
    RoundupsMixin,
    ProgressReportsMixin,
    HoldsMixin,
    StoreBase,
):
    """Boards, meetings and plans in one SQLite file; every write is committed on return."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None = None, *, clock: Clock = local_now
    ) -> None:
        super().__init__(conn, clock=clock)
        self.path = path
        self.url: str | None = None
        """The server's URL when the store is on PostgreSQL (path is then None)."""
        self.network_warning: str | None = None
        """Why this file's place is unsafe (a network drive), said once when it is opened."""

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = True,
        read_only: bool = False,
        clock: Clock = local_now,
    ) -> Store:
        """Open (or create) a database and bring its schema up to date.

        read_only opens an existing file for a window that only watches (the chair's):
        SQLite refuses every write on it, and no migration runs, so a schema that is
        behind or ahead is refused instead. Raises DatabaseOpenError (or
        SchemaTooNewError) with a message naming the file; a schema update that
        cannot be backed up first is refused (BackupError) and the file left as it was.
        A postgresql:// URL opens the team's shared store on a server instead (open_server).
        """
        if isinstance(path, str) and path.startswith(SERVER_URL_PREFIXES):
            return cls.open_server(path, read_only=read_only, clock=clock)
        path = Path(path).expanduser()
        conn = connect(path, create=create and not read_only, read_only=read_only)
        try:
            schema.check_not_newer(conn, str(path))
            if not read_only:
                _back_up_before_migrating(conn, path, clock)
                if schema.migrations.pending(conn):
                    schema.migrate(conn, str(path))
            else:
                if schema.migrations.pending(conn):
                    raise SchemaOutOfDateError(
                        f"{path}: its schema is out of date; open it once in board-tui"
                        " (not read-only) to update it"
                    )
        except sqlite3.Error as error:
            # A disk that fills, or turns read-only, while the schema is made or updated.
            conn.close()
            raise open_failure(path, error) from None
        except BaseException:
            conn.close()
            raise
        store = cls(conn, path, clock=clock)
        if not read_only:  # a chair's window only reads: the clerk's app has said so
            store.network_warning = network_warning(path)
        return store

    @classmethod
    def open_server(cls, url: str, *, read_only: bool = False, clock: Clock = local_now) -> Store:
        """The store on PostgreSQL: the same methods, the same SQL (translated), one schema
        list. Credentials come from the URL's libpq settings or ~/.pgpass, never from here."""
        from board_tui.storage import postgres_schema
        from board_tui.storage.postgres import PostgresConnection

        label = server_label(url)
        try:
            server = PostgresConnection.connect(url, read_only=read_only)
        except sqlite3.Error as error:
            raise DatabaseOpenError(f"{label}: cannot connect: {error}") from None
        try:
            if read_only:
                if postgres_schema.pending(server.raw):
                    raise SchemaOutOfDateError(
                        f"{label}: its schema is out of date; open it once in board-tui"
                        " (not read-only) to update it"
                    )
            else:
                postgres_schema.apply(server.raw, label)
            server.listen()
        except BaseException:
            server.close()
            raise
        store = cls(cast(sqlite3.Connection, server), None, clock=clock)
        store.dialect = POSTGRES
        store.url = url
        if not read_only:
            from board_tui.storage.local_drafts import open_local_drafts

            try:
                store.draft_keeper = open_local_drafts(label, clock)
            except BoardTuiError:
                server.close()
                raise
        return store

    @property
    def target(self) -> Path | str | None:
        """What to open again for another connection to the same store (a thread's, an
        export's): the file, or the server's URL; None for a store only in memory."""
        return self.path if self.path is not None else self.url

    @staticmethod
    def peek_setting(path: Path, key: str) -> str | None:
        """A setting read without opening the store: nothing migrated, checked or written.

        For a file whose schema may be behind this version's (the demo's, asked to reset
        after an upgrade), which Store.open(read_only=True) rightly refuses. None when the
        file holds no such setting, or no settings at all (not a board-tui database).
        """
        conn = connect(Path(path).expanduser(), create=False, read_only=True)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        finally:
            conn.close()
        return str(row[0]) if row is not None and row[0] is not None else None

    def close(self) -> None:
        if self.draft_keeper is not self:
            self.draft_keeper.conn.close()
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def setting(self, key: str) -> str | None:
        value = self._scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return str(value) if value is not None else None

    def set_setting(self, key: str, value: str) -> None:
        self._write(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def counts(self) -> dict[str, int]:
        """How many rows each table holds: for the demo's checks and for support questions."""
        return {
            table: int(self._scalar(f"SELECT count(*) FROM {table}")) for table in COUNTED_TABLES
        }

    def integrity_ok(self) -> bool:
        """SQLite's own check of the file. A server keeps its files' integrity itself (its
        write-ahead log and checksums); there the question is whether it answers."""
        if self.url is not None:
            return bool(self._scalar("SELECT 1") == 1)
        rows: list[Any] = self.conn.execute("PRAGMA integrity_check").fetchall()
        return [tuple(r) for r in rows] == [("ok",)]
