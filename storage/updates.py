"""Status updates: said at a meeting (or on the plan), kept in an append-only history, undone
by marking, and read back for the minutes, the plan export and the live screen."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import Status
from board_tui.storage import rows
from board_tui.storage.base import StoreBase

if TYPE_CHECKING:
    from board_tui.domain.plan_records import StatusUpdate, UpdateSaid

LIVE_UPDATE = "id NOT IN (SELECT update_id FROM status_update_undos)"
"""An update not taken back by an undo: the only kind history and exports show."""


class _Unset:
    """The default of record_status_update's agenda_item_id: "the item the meeting is on"."""


_CURRENT_ITEM = _Unset()


class UpdatesMixin(StoreBase):
    def record_status_update(
        self,
        new_status: Status,
        body: str = "",
        *,
        action_id: int | None = None,
        plan_item_id: int | None = None,
        meeting_id: int | None = None,
        agenda_item_id: int | _Unset | None = _CURRENT_ITEM,
        label: str | None = None,
        at: dt.datetime | None = None,
    ) -> StatusUpdate:
        """Set a new status and append what was said to the history; nothing is overwritten.

        An update said in a meeting keeps the agenda item it was said on, so the minutes
        put it there: by default the item the meeting is on, so one said during a Part 2
        item is Part 2 (domain.exempt).
        """
        if (action_id is None) == (plan_item_id is None):
            raise BoardTuiError("a status update is for one action or one plan item")
        table, target = (
            ("actions", action_id)
            if action_id is not None
            else (
                "plan_items",
                plan_item_id,
            )
        )
        stamp = rows.stamp(at or self.clock())
        with self.transaction():
            if isinstance(agenda_item_id, _Unset):
                agenda_item_id = (
                    self._scalar("SELECT current_item_id FROM meetings WHERE id = ?", (meeting_id,))
                    if meeting_id is not None
                    else None
                )
            old = self._row(f"SELECT status FROM {table} WHERE id = ?", (target,), "item")
            self.conn.execute(
                f"UPDATE {table} SET status = ?, updated_at = ? WHERE id = ?",
                (new_status.value, stamp, target),
            )
            if action_id is not None:
                # Closing or dropping a step keeps the reason given; reopening clears it.
                reason = body.strip() if not new_status.is_open else None
                self.conn.execute(
                    "UPDATE actions SET closed_reason = ? WHERE id = ?", (reason, action_id)
                )
            update_id = self._insert(
                """INSERT INTO status_updates (action_id, plan_item_id, meeting_id,
                       agenda_item_id, label, body, old_status, new_status, recorded_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    action_id,
                    plan_item_id,
                    meeting_id,
                    agenda_item_id,
                    label,
                    body.strip(),
                    old["status"],
                    new_status.value,
                    stamp,
                ),
            )
        return rows.status_update(
            self._row("SELECT * FROM status_updates WHERE id = ?", (update_id,), "status update")
        )

    def undo_status_update(self, update_id: int) -> StatusUpdate:
        """Take an update back: its item's status is what it was, and the update is marked
        undone, so history, search and every export leave it out (the row itself stays:
        the history is append-only). Returns it, so its words can be offered again."""
        with self.transaction():
            undone = rows.status_update(
                self._row("SELECT * FROM status_updates WHERE id = ?", (update_id,), "update")
            )
            restored = (undone.old_status or Status.NEXT_STEP).value
            stamp = rows.stamp(self.clock())
            if undone.action_id is not None:
                self.conn.execute(
                    "UPDATE actions SET status = ?, updated_at = ?,"
                    " closed_reason = CASE WHEN ? IN ('complete', 'dropped')"
                    " THEN closed_reason END WHERE id = ?",
                    (restored, stamp, restored, undone.action_id),
                )
            else:
                self.conn.execute(
                    "UPDATE plan_items SET status = ?, updated_at = ? WHERE id = ?",
                    (restored, stamp, undone.plan_item_id),
                )
            self.conn.execute(
                "INSERT OR IGNORE INTO status_update_undos (update_id, undone_at) VALUES (?, ?)",
                (update_id, stamp),
            )
        return undone

    def updates_said_at(self, meeting_id: int) -> list[StatusUpdate]:
        """Every update said at a meeting and not undone, in the order said."""
        return [said.update for said in self.said_updates(meeting_id)]

    def said_updates(self, meeting_id: int) -> list[UpdateSaid]:
        """Every update said at a meeting and not undone, with what it was about and whose."""
        from board_tui.domain.plan_records import UpdateSaid

        found = self._rows(
            f"""SELECT u.*, coalesce(a.description, pi.ref || '. ' || pi.recommendation)
                       AS subject, coalesce(a.owner, pi.lead) AS subject_owner
                FROM status_updates u
                LEFT JOIN actions a ON a.id = u.action_id
                LEFT JOIN plan_items pi ON pi.id = u.plan_item_id
                WHERE u.meeting_id = ? AND u.{LIVE_UPDATE}
                ORDER BY u.recorded_at, u.id""",
            (meeting_id,),
        )
        return [
            UpdateSaid(rows.status_update(r), r["subject"] or "", r["subject_owner"]) for r in found
        ]

    def status_history(
        self, *, action_id: int | None = None, plan_item_id: int | None = None
    ) -> list[StatusUpdate]:
        """One action's history, or a plan item's: its own updates and its next steps'."""
        params: tuple[int | None, ...]
        if action_id is not None:
            where, params = "action_id = ?", (action_id,)
        else:
            where = (
                "plan_item_id = ? OR action_id IN (SELECT id FROM actions WHERE plan_item_id = ?)"
            )
            params = (plan_item_id, plan_item_id)
        return [
            rows.status_update(r)
            for r in self._rows(
                f"SELECT * FROM status_updates WHERE ({where}) AND {LIVE_UPDATE}"
                " ORDER BY recorded_at, id",
                params,
            )
        ]
