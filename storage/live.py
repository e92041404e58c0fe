"""What the clerk does during a live meeting: walk the agenda, correct and undo, keep drafts."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import Meeting, MeetingStatus, NoteKind
from board_tui.storage import rows
from board_tui.storage.meetings import MeetingsMixin

if TYPE_CHECKING:
    from board_tui.domain.drafts import Draft, DraftTarget
    from board_tui.domain.meeting_records import Note
    from board_tui.domain.plan_records import Action, PlanItem


class LiveMixin(MeetingsMixin):
    """Builds on the meetings it walks."""

    # -- walking the agenda --------------------------------------------------------------

    def move_to_item(self, meeting_id: int, item_id: int, at: dt.datetime | None = None) -> Meeting:
        """Make item_id current. In a live meeting this ends the item being left and starts
        the new one (its first start is kept if the board comes back to it)."""
        at = at or self.clock()
        with self.transaction():
            meeting = self.meeting(meeting_id)
            self._row(
                "SELECT id FROM agenda_items WHERE id = ? AND meeting_id = ?",
                (item_id, meeting_id),
                "agenda item in this meeting",
            )
            recording = meeting.status is MeetingStatus.LIVE and not meeting.is_correcting
            if recording and meeting.current_item_id != item_id:
                stamp = rows.stamp(at)
                if meeting.current_item_id is not None:
                    self.conn.execute(
                        "UPDATE agenda_items SET actual_end = ? WHERE id = ?",
                        (stamp, meeting.current_item_id),
                    )
                self.conn.execute(
                    "UPDATE agenda_items SET actual_start = coalesce(actual_start, ?),"
                    " actual_end = NULL WHERE id = ?",
                    (stamp, item_id),
                )
            self.conn.execute(
                "UPDATE meetings SET current_item_id = ? WHERE id = ?", (item_id, meeting_id)
            )
        return self.meeting(meeting_id)

    def restore_position(
        self,
        meeting_id: int,
        current_item_id: int | None,
        times: dict[int, tuple[dt.datetime | None, dt.datetime | None]],
    ) -> None:
        """Put the meeting back where it was before a move, times and all (for undo)."""
        with self.transaction():
            for item_id, (start, end) in times.items():
                self.conn.execute(
                    "UPDATE agenda_items SET actual_start = ?, actual_end = ? WHERE id = ?",
                    (
                        rows.stamp(start) if start else None,
                        rows.stamp(end) if end else None,
                        item_id,
                    ),
                )
            self.conn.execute(
                "UPDATE meetings SET current_item_id = ? WHERE id = ?",
                (current_item_id, meeting_id),
            )

    def matters_arising_item_id(self, meeting_id: int) -> int | None:
        """The item the clerk chose for matters arising, else a "Matters arising" item, else
        the previous minutes' item (domain/standing_items.py says which is which)."""
        chosen = self._scalar(
            "SELECT matters_arising_item_id FROM meetings WHERE id = ?", (meeting_id,)
        )
        if chosen is not None:
            return int(chosen)
        titled = [
            (int(row["id"]), str(row["title"]))
            for row in self._rows(
                "SELECT id, title FROM agenda_items WHERE meeting_id = ?"
                " ORDER BY parent_id IS NOT NULL, position",
                (meeting_id,),
            )
        ]
        from board_tui.domain.standing_items import matters_arising_home

        return matters_arising_home(titled)

    def set_matters_arising_item(self, meeting_id: int, item_id: int) -> None:
        self._write(
            "UPDATE meetings SET matters_arising_item_id = ? WHERE id = ?", (item_id, meeting_id)
        )

    def matters_arising(self, meeting_id: int) -> list[Action]:
        """Actions set at the board's earlier meetings that are open, or were updated at
        this one (a step completed in the meeting stays on its list), oldest first."""
        return [
            rows.action(r)
            for r in self._rows(
                """SELECT a.* FROM actions a JOIN meetings earlier ON earlier.id = a.meeting_id
                   JOIN meetings this ON this.id = ?
                   WHERE earlier.board_id = this.board_id
                     AND earlier.scheduled_start < this.scheduled_start
                     AND a.deleted_at IS NULL
                     AND (a.status NOT IN ('complete', 'dropped') OR a.id IN (
                          SELECT u.action_id FROM status_updates u
                          WHERE u.meeting_id = this.id AND u.action_id IS NOT NULL
                            AND u.id NOT IN (SELECT update_id FROM status_update_undos)))
                   ORDER BY earlier.scheduled_start, a.id""",
                (meeting_id,),
            )
        ]

    # -- correcting and undoing captures ------------------------------------------------

    def edit_note(self, note_id: int, body: str, kind: NoteKind | None = None) -> Note:
        if not body.strip():
            raise BoardTuiError("a note needs some text")
        with self.transaction():
            old = self._row("SELECT kind FROM notes WHERE id = ?", (note_id,), "note")
            self.conn.execute(
                "UPDATE notes SET body = ?, kind = ?, edited_at = ? WHERE id = ?",
                (body, (kind.value if kind else old["kind"]), rows.stamp(self.clock()), note_id),
            )
        return rows.note(self._row("SELECT * FROM notes WHERE id = ?", (note_id,), "note"))

    def remove_note(self, note_id: int) -> None:
        """Take a note out of the minutes; the row stays, so the removal can be undone."""
        self._write(
            "UPDATE notes SET deleted_at = ? WHERE id = ?", (rows.stamp(self.clock()), note_id)
        )

    def restore_note(self, note_id: int) -> None:
        self._write("UPDATE notes SET deleted_at = NULL WHERE id = ?", (note_id,))

    def remove_action(self, action_id: int) -> None:
        self._write(
            "UPDATE actions SET deleted_at = ? WHERE id = ?",
            (rows.stamp(self.clock()), action_id),
        )

    def restore_action(self, action_id: int) -> None:
        self._write("UPDATE actions SET deleted_at = NULL WHERE id = ?", (action_id,))

    # -- linking agenda items to plan items ---------------------------------------------

    def unlink_plan_item(self, agenda_item_id: int, plan_item_id: int) -> None:
        self._write(
            "DELETE FROM agenda_item_links WHERE agenda_item_id = ? AND plan_item_id = ?",
            (agenda_item_id, plan_item_id),
        )

    def find_plan_items(self, text: str, limit: int = 20) -> list[PlanItem]:
        """Plan items whose ref starts with, or whose words contain, what was typed."""
        words = text.split()
        if not words:
            found = self._rows(
                "SELECT * FROM plan_items ORDER BY plan_id, position LIMIT ?", (limit,)
            )
        else:
            where = " AND ".join(
                "(ref LIKE ? ESCAPE '\\' OR recommendation LIKE ? ESCAPE '\\'"
                " OR coalesce(lead, '') LIKE ? ESCAPE '\\')"
                for _ in words
            )
            params: list[Any] = []
            for word in words:
                escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                params += [f"{escaped}%", f"%{escaped}%", f"%{escaped}%"]
            found = self._rows(
                f"SELECT * FROM plan_items WHERE {where}"
                " ORDER BY ref = ? DESC, plan_id, position LIMIT ?",
                (*params, text.strip(), limit),
            )
        return [rows.plan_item(r) for r in found]

    # -- drafts --------------------------------------------------------------------------

    def save_draft(
        self, key: str, target: DraftTarget, fields: dict[str, str], meeting_id: int | None = None
    ) -> None:
        """Keep one dialog's words under its own key (see new_draft_key)."""
        self.draft_keeper._write(
            """INSERT INTO drafts (key, meeting_id, payload, updated_at) VALUES (?, ?, ?, ?)
               ON CONFLICT (key) DO UPDATE SET payload = excluded.payload,
                   meeting_id = excluded.meeting_id, updated_at = excluded.updated_at""",
            (key, meeting_id, rows.draft_payload(target, fields), rows.stamp(self.clock())),
        )

    def new_draft_key(self, target: DraftTarget, meeting_id: int | None) -> str:
        """A key no other dialog has: what it is for, and a random part (two opened at once).

        os.urandom, as secrets.token_hex: importing secrets loads hashlib (0.6 MiB).
        """
        return f"{meeting_id}:{target.kind.value}:{self.clock():%Y%m%d%H%M%S}:{os.urandom(4).hex()}"

    def drafts(self, meeting_id: int | None = None) -> list[Draft]:
        """Every draft kept (or one meeting's), oldest first."""
        keeper = self.draft_keeper
        if meeting_id is None:
            found = keeper._rows("SELECT * FROM drafts ORDER BY updated_at, key")
        else:
            found = keeper._rows(
                "SELECT * FROM drafts WHERE meeting_id = ? ORDER BY updated_at, key", (meeting_id,)
            )
        return [rows.draft(r) for r in found]

    def discard_draft(self, key: str) -> None:
        self.draft_keeper._write("DELETE FROM drafts WHERE key = ?", (key,))

    def live_meeting(self) -> Meeting | None:
        """The meeting left live (by a crash or a closed laptop), to resume at its item."""
        found = self._rows(
            "SELECT * FROM meetings WHERE status = 'live' ORDER BY updated_at DESC LIMIT 1"
        )
        return rows.meeting(found[0]) if found else None
