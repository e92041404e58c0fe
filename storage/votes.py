"""The vote on a decision: kept beside the decision's note, read back for the minutes."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import NoteKind
from board_tui.storage import rows
from board_tui.storage.base import StoreBase

if TYPE_CHECKING:
    from board_tui.domain.votes import Vote


def _vote(row: rows.Row) -> Vote:
    from board_tui.domain.votes import Side, Vote

    return Vote(
        votes_for=int(row["votes_for"]),
        against=int(row["votes_against"]),
        abstentions=int(row["abstentions"]),
        casting=Side(row["casting"]) if row["casting"] else None,
        names_for=tuple(json.loads(row["names_for"])),
        names_against=tuple(json.loads(row["names_against"])),
        names_abstaining=tuple(json.loads(row["names_abstaining"])),
    )


class VotesMixin(StoreBase):
    def set_vote(self, note_id: int, vote: Vote | None) -> None:
        """Record the vote on a decision (None takes it off). A vote the domain finds wrong
        is refused with its one-line reason, so nothing half-right is kept."""
        from board_tui.domain.votes import vote_problem

        if vote is None:
            self._write("DELETE FROM decision_votes WHERE note_id = ?", (note_id,))
            return
        problem = vote_problem(vote)
        if problem is not None:
            raise BoardTuiError(problem)
        with self.transaction():
            kind = self._scalar("SELECT kind FROM notes WHERE id = ?", (note_id,))
            if kind != NoteKind.DECISION.value:
                raise BoardTuiError("only a decision can carry a vote")
            self.conn.execute(
                """INSERT INTO decision_votes (note_id, votes_for, votes_against, abstentions,
                       casting, names_for, names_against, names_abstaining, recorded_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (note_id) DO UPDATE SET votes_for = excluded.votes_for,
                       votes_against = excluded.votes_against,
                       abstentions = excluded.abstentions, casting = excluded.casting,
                       names_for = excluded.names_for, names_against = excluded.names_against,
                       names_abstaining = excluded.names_abstaining,
                       recorded_at = excluded.recorded_at""",
                (
                    note_id,
                    vote.votes_for,
                    vote.against,
                    vote.abstentions,
                    vote.casting.value if vote.casting else None,
                    json.dumps(list(vote.names_for)),
                    json.dumps(list(vote.names_against)),
                    json.dumps(list(vote.names_abstaining)),
                    rows.stamp(self.clock()),
                ),
            )

    def vote(self, note_id: int) -> Vote | None:
        found = self._rows("SELECT * FROM decision_votes WHERE note_id = ?", (note_id,))
        return _vote(found[0]) if found else None

    def votes(self, meeting_id: int) -> dict[int, Vote]:
        """The votes on a meeting's decisions, by note id (removed decisions' too: a removal
        can be undone, and the minutes only ask for the notes they print)."""
        return {
            int(r["note_id"]): _vote(r)
            for r in self._rows(
                """SELECT v.* FROM decision_votes v JOIN notes n ON n.id = v.note_id
                   WHERE n.meeting_id = ?""",
                (meeting_id,),
            )
        }
