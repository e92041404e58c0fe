"""Backups of a team's store on a server, as a file's are: whole board-tui files, kept in
the user data folder of the computer that took them, the newest ten per server database.

A server's own backups (pg_dump, its archive) are its administrators' business; these are
the clerk's, taken and restored with the same commands as a file's, readable by board-tui
on any laptop (they are a copy of the store: services.store_copy).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from board_tui.services.store_copy import copy_store
from board_tui.storage import backups
from board_tui.storage.dialect import server_label


def server_backup_base(url: str) -> Path:
    """The name a server database's backups are kept under (no file by this name is made:
    its folder holds the backups, as a database file's does)."""
    from board_tui.config import data_dir

    name = re.sub(r"[^A-Za-z0-9._-]+", "-", server_label(url).split("://", 1)[-1]).strip("-.")
    folder = data_dir() / "servers"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder / f"{name[:120] or 'server'}.sqlite3"


def take_server_backup(url: str, reason: str = "manual", now: dt.datetime | None = None) -> Path:
    """Copy the server's store into a new backup file; a file that exists is whole."""
    base = server_backup_base(url)
    folder = backups.backup_folder(base)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    backups.prune_partials(base)
    stamp = (now or dt.datetime.now()).strftime(backups.STAMP_FORMAT)
    final = backups.free_name(base, stamp, reason)
    partial = folder / f".{base.stem}-{os.urandom(4).hex()}.partial.sqlite3"
    try:
        copy_store(url, partial)
        os.replace(partial, final)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
    backups.prune(base)
    return final


def restore_server(url: str, source: Path) -> Path:
    """Replace what the server's store holds with a backup file's: what it held is backed up
    first (returned), and the replacing is one transaction."""
    backups.check_restorable(source, server_backup_base(url))
    saved_before = take_server_backup(url, "restore")
    copy_store(source, url, replacing=True)
    return saved_before
