"""A meeting being run is held by one clerk: a lease row per meeting, taken, renewed, let go.

A row, not a lock file, so it works the same for two windows on one SQLite file and for
clerks sharing a PostgreSQL server: the SQL here is what both engines accept. A lease, so a
laptop that crashes or is shut mid-meeting does not hold its meeting for ever: a hold not
renewed for LAPSE_SECONDS may be taken by the next clerk who opens the meeting. Each take
and renewal is one statement; the app renews well inside the lapse (screens/meeting/hold.py).
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cached_property
from typing import TYPE_CHECKING, Any

from board_tui.storage import rows
from board_tui.storage.base import StoreBase

if TYPE_CHECKING:
    from board_tui.domain.holds import Hold

LAPSE_SECONDS = 60
"""A hold not renewed for this long has lapsed: its app is gone or asleep."""


def this_clerk() -> str:
    """Who this app runs as, in words a colleague can act on: the login and the computer."""
    import getpass
    import socket

    try:
        login = getpass.getuser()
    except (OSError, KeyError):  # no login name anywhere in the environment
        login = "a clerk"
    return f"{login} on {socket.gethostname() or 'a computer with no name'}"


class HoldsMixin(StoreBase):
    """Takes, renews and lets go of meeting holds for the app this store belongs to."""

    sole_app_of_this_clerk = False
    """Set by the app that holds the database's instance lock (storage/instance.py): no other
    app of this login on this computer can be running on it, so a hold in this clerk's own
    name is one a crashed app left, and is taken back at once rather than after the lapse."""

    @cached_property
    def hold_token(self) -> str:
        """This app's own mark on its holds: two apps run by one clerk are still two.
        os.urandom, as in new_draft_key: secrets would load hashlib."""
        return os.urandom(16).hex()

    @cached_property
    def holder_name(self) -> str:
        return this_clerk()

    def take_hold(self, meeting_id: int) -> Hold:
        """Hold the meeting if it is free, already ours, or its holder's lease has lapsed
        (or, for the sole app of this clerk, was left by this clerk's crashed app).

        Returns the hold as it stands after: ours, or the other clerk's (ours is False).
        One statement decides, so two apps racing for a free meeting cannot both win; the
        read after it is in the same transaction, so it reads what that statement left.
        """
        now = self.clock()
        lapsed_before = rows.stamp(now - dt.timedelta(seconds=LAPSE_SECONDS))
        with self.transaction():
            self.conn.execute(
                """INSERT INTO meeting_holds (meeting_id, holder, token, since, renewed_at)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (meeting_id) DO UPDATE SET
                       holder = excluded.holder,
                       token = excluded.token,
                       since = CASE WHEN meeting_holds.token = excluded.token
                                    THEN meeting_holds.since ELSE excluded.since END,
                       renewed_at = excluded.renewed_at
                   WHERE meeting_holds.token = excluded.token
                      OR meeting_holds.renewed_at < ?
                      OR (meeting_holds.holder = excluded.holder AND ? = 1)""",
                (
                    meeting_id,
                    self.holder_name,
                    self.hold_token,
                    rows.stamp(now),
                    rows.stamp(now),
                    lapsed_before,
                    int(self.sole_app_of_this_clerk),
                ),
            )
            hold = self.meeting_hold(meeting_id)
        assert hold is not None  # the row was there, or has just been written
        return hold

    def renew_hold(self, meeting_id: int) -> bool:
        """Keep our hold from lapsing; False when it is no longer ours.

        Never takes a hold back: one that lapsed and was taken by another clerk, who may
        have captured since, is theirs (or free, if they have let go) until it is opened again.
        """
        changed = self._write(
            "UPDATE meeting_holds SET renewed_at = ? WHERE meeting_id = ? AND token = ?",
            (rows.stamp(self.clock()), meeting_id, self.hold_token),
        )
        return changed == 1

    def release_hold(self, meeting_id: int) -> None:
        """Let the meeting go (ours only: a hold another clerk took stays theirs)."""
        self._write(
            "DELETE FROM meeting_holds WHERE meeting_id = ? AND token = ?",
            (meeting_id, self.hold_token),
        )

    def release_holds(self) -> None:
        """Let every meeting this app holds go: it is quitting."""
        self._write("DELETE FROM meeting_holds WHERE token = ?", (self.hold_token,))

    def meeting_hold(self, meeting_id: int) -> Hold | None:
        """Who holds the meeting, since when, and whether that has lapsed (None: nobody)."""
        found = self._rows("SELECT * FROM meeting_holds WHERE meeting_id = ?", (meeting_id,))
        return self._hold_record(found[0]) if found else None

    def _hold_record(self, row: dict[str, Any]) -> Hold:
        from board_tui.domain.holds import Hold  # made only where a meeting is opened

        renewed = dt.datetime.fromisoformat(str(row["renewed_at"]))
        return Hold(
            meeting_id=int(row["meeting_id"]),
            holder=str(row["holder"]),
            since=dt.datetime.fromisoformat(str(row["since"])),
            renewed_at=renewed,
            ours=row["token"] == self.hold_token,
            lapsed=(self.clock() - renewed).total_seconds() > LAPSE_SECONDS,
        )
