"""Drafts on the clerk's own computer when the store is a team's server.

A draft is what a clerk has typed and not yet saved; it must survive the thing that
stopped the save. With the store on a server, that thing is often the network, so the
drafts of a server's store never go to the server: they live in a small SQLite file of
their own in the user data folder, one per server database, written with the same
durability as a board-tui file (WAL, synchronous=FULL, private to the user).
"""

from __future__ import annotations

import re
from pathlib import Path

from board_tui.storage.base import Clock, StoreBase
from board_tui.storage.connection import connect

_TABLE = """CREATE TABLE IF NOT EXISTS drafts (
    key TEXT PRIMARY KEY,
    meeting_id INTEGER,
    payload TEXT NOT NULL,
    updated_at TEXT NOT NULL
)"""


def drafts_file(label: str) -> Path:
    """The drafts file for a server database (its URL without password as `label`)."""
    from board_tui.config import data_dir

    name = re.sub(r"[^A-Za-z0-9._-]+", "-", label.split("://", 1)[-1]).strip("-.")
    folder = data_dir() / "drafts"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder / f"{name[:120] or 'server'}.sqlite3"


def open_local_drafts(label: str, clock: Clock) -> StoreBase:
    """The store's draft keeper: the drafts table alone, in the local file."""
    conn = connect(drafts_file(label))
    conn.execute(_TABLE)
    return StoreBase(conn, clock=clock)
