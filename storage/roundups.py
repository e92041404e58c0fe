"""The chair's round-up of a meeting, kept as a draft so the chair's edits survive."""

from __future__ import annotations

from typing import TYPE_CHECKING

from board_tui.storage import rows
from board_tui.storage.base import StoreBase

if TYPE_CHECKING:
    from board_tui.domain.meeting_records import Roundup


class RoundupsMixin(StoreBase):
    def roundup(self, meeting_id: int) -> Roundup | None:
        from board_tui.domain.meeting_records import Roundup

        found = self._rows("SELECT * FROM roundups WHERE meeting_id = ?", (meeting_id,))
        if not found:
            return None
        r = found[0]
        generated = rows.when(r["generated_at"])
        assert generated is not None
        return Roundup(r["meeting_id"], r["body"], generated, rows.when(r["edited_at"]))

    def save_roundup(self, meeting_id: int, body: str, *, generated: bool = False) -> Roundup:
        """Keep the draft: a generated one replaces the old; an edit records when it was made."""
        now = rows.stamp(self.clock())
        if generated:
            self._write(
                """INSERT INTO roundups (meeting_id, body, generated_at) VALUES (?, ?, ?)
                   ON CONFLICT (meeting_id) DO UPDATE SET body = excluded.body,
                       generated_at = excluded.generated_at, edited_at = NULL""",
                (meeting_id, body, now),
            )
        else:
            self._write(
                """INSERT INTO roundups (meeting_id, body, generated_at, edited_at)
                   VALUES (?, ?, ?, ?)
                   ON CONFLICT (meeting_id) DO UPDATE SET body = excluded.body,
                       edited_at = excluded.edited_at""",
                (meeting_id, body, now, now),
            )
        found = self.roundup(meeting_id)
        assert found is not None
        return found
