"""Residents' voice: comments marked as what residents, patients or the community said, and
the decisions and actions that answered them, for the "You said, we did" report.

A comment is marked with a flag and where it was heard. An answer links it to
one decision or one action; a decision can record that the board cannot do
what was asked, and then the reason is required, so the report can say why.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import NoteKind
from board_tui.storage import rows
from board_tui.storage.meetings import MeetingsMixin
from board_tui.storage.plans import PlansMixin

if TYPE_CHECKING:
    from board_tui.domain.meeting_records import ResidentVoice, VoiceAnswer

VOICE_KINDS = (NoteKind.COMMENT, NoteKind.NARRATIVE)
"""A decision is the board's own voice, so only comments and narrative can be marked."""


class VoicesMixin(MeetingsMixin, PlansMixin):
    """Builds on the notes and actions it links."""

    def mark_voice(self, note_id: int, source: str | None, *, voice: bool = True) -> None:
        """Mark (or unmark) a note as residents' voice; its answers are kept either way."""
        note = rows.note(self._row("SELECT * FROM notes WHERE id = ?", (note_id,), "note"))
        if voice and note.kind not in VOICE_KINDS:
            raise BoardTuiError("only a comment can be marked as residents' voice")
        source = " ".join((source or "").split()) or None
        self._write(
            "UPDATE notes SET voice = ?, voice_source = ? WHERE id = ?",
            (int(voice), source if voice else None, note_id),
        )

    def answer_voice(
        self,
        voice_note_id: int,
        *,
        decision_note_id: int | None = None,
        action_id: int | None = None,
        cannot_do: bool = False,
        reason: str | None = None,
    ) -> VoiceAnswer:
        """Link a voice comment to the decision or action that answered it."""
        if (decision_note_id is None) == (action_id is None):
            raise BoardTuiError("an answer is one decision or one action")
        reason = " ".join((reason or "").split()) or None
        if cannot_do and (decision_note_id is None or reason is None):
            raise BoardTuiError("say why the board cannot do it: the report gives the reason")
        voice = self._row("SELECT voice FROM notes WHERE id = ?", (voice_note_id,), "note")
        if not voice["voice"]:
            raise BoardTuiError("mark the comment as residents' voice first")
        if decision_note_id is not None:
            kind = self._row(
                "SELECT kind FROM notes WHERE id = ?", (decision_note_id,), "decision"
            )["kind"]
            if kind != NoteKind.DECISION.value:
                raise BoardTuiError("an answer links to a decision, not a comment")
        try:
            answer_id = self._insert(
                """INSERT INTO voice_answers (voice_note_id, decision_note_id, action_id,
                       cannot_do, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)""",
                (
                    voice_note_id,
                    decision_note_id,
                    action_id,
                    int(cannot_do),
                    reason,
                    rows.stamp(self.clock()),
                ),
            )
        except sqlite3.IntegrityError:
            raise BoardTuiError("that answer is already linked") from None
        return next(a for a in self.voice_answers(voice_note_id) if a.id == answer_id)

    def remove_voice_answer(self, answer_id: int) -> None:
        self._write("DELETE FROM voice_answers WHERE id = ?", (answer_id,))

    def voice_answers(self, voice_note_id: int) -> list[VoiceAnswer]:
        """Its answers in the order linked; removed decisions and actions are left out."""
        from board_tui.domain.meeting_records import VoiceAnswer

        found = self._rows(
            """SELECT va.* FROM voice_answers va
               LEFT JOIN notes d ON d.id = va.decision_note_id
               LEFT JOIN actions a ON a.id = va.action_id
               WHERE va.voice_note_id = ? AND d.deleted_at IS NULL AND a.deleted_at IS NULL
               ORDER BY va.id""",
            (voice_note_id,),
        )
        answers = []
        for r in found:
            decision = self.note(r["decision_note_id"]) if r["decision_note_id"] else None
            action = self.action(r["action_id"]) if r["action_id"] else None
            answers.append(
                VoiceAnswer(
                    r["id"], voice_note_id, decision, action, bool(r["cannot_do"]), r["reason"]
                )
            )
        return answers

    def resident_voices(
        self,
        board_id: int,
        since: dt.date | None = None,
        until: dt.date | None = None,
        *,
        public: bool = False,
    ) -> list[ResidentVoice]:
        """The board's voice comments from meetings in [since, until], oldest first, with
        their answers; removed comments are left out.

        public: as "You said, we did" may print them, by the one exempt rule
        (domain.exempt): comments made in Part 2 left out, answers decided or set in Part 2
        left out, and each action in the status last said in public.
        """
        from board_tui.domain.meeting_records import ResidentVoice

        found = self._rows(
            """SELECT n.*, substr(m.scheduled_start, 1, 10) AS meeting_day,
                      ai.number AS item_number, ai.title AS item_title
               FROM notes n JOIN meetings m ON m.id = n.meeting_id
               LEFT JOIN agenda_items ai ON ai.id = n.agenda_item_id
               WHERE n.voice = 1 AND n.deleted_at IS NULL AND m.board_id = ?
                 AND (? IS NULL OR substr(m.scheduled_start, 1, 10) >= ?)
                 AND (? IS NULL OR substr(m.scheduled_start, 1, 10) <= ?)
               ORDER BY m.scheduled_start, ai.position, n.id""",
            (
                board_id,
                *(since.isoformat() if since else None,) * 2,
                *(until.isoformat() if until else None,) * 2,
            ),
        )
        voices = []
        for r in found:
            day = rows.day(r["meeting_day"])
            assert day is not None
            item = f"{r['item_number']}. {r['item_title']}" if r["item_title"] else None
            voices.append(
                ResidentVoice(rows.note(r), day, item, tuple(self.voice_answers(r["id"])))
            )
        return self._public_voices(voices) if public else voices

    def _public_voices(self, voices: list[ResidentVoice]) -> list[ResidentVoice]:
        part2 = self.part2()
        if not part2:
            return voices
        shown = []
        for voice in voices:
            public = part2.voice(voice)
            if public is None:
                continue
            answers = tuple(
                replace(
                    answer,
                    action=part2.public_action(
                        answer.action, self.status_history(action_id=answer.action.id)
                    ),
                )
                if answer.action is not None
                else answer
                for answer in public.answers
            )
            shown.append(replace(public, answers=answers))
        return shown

    def set_voice(
        self,
        note_id: int,
        *,
        source: str | None,
        decision_ids: set[int],
        action_ids: set[int],
        cannot_do_reason: str | None = None,
    ) -> list[VoiceAnswer]:
        """Mark a comment as residents' voice and make its answers exactly these, in one go.

        With a reason, the decisions chosen record that the board cannot do what was asked.
        """
        reason = " ".join((cannot_do_reason or "").split()) or None
        with self.transaction():
            self.mark_voice(note_id, source)
            kept = {
                (r["decision_note_id"], r["action_id"]): r
                for r in self._rows(
                    "SELECT * FROM voice_answers WHERE voice_note_id = ?", (note_id,)
                )
            }
            wanted = {(d, None) for d in decision_ids} | {(None, a) for a in action_ids}
            for key, row in kept.items():
                if key not in wanted:
                    self.remove_voice_answer(row["id"])
                elif key[0] is not None:
                    self.conn.execute(
                        "UPDATE voice_answers SET cannot_do = ?, reason = ? WHERE id = ?",
                        (int(reason is not None), reason, row["id"]),
                    )
            for decision_id, action_id in wanted - set(kept):
                self.answer_voice(
                    note_id,
                    decision_note_id=decision_id,
                    action_id=action_id,
                    cannot_do=reason is not None and decision_id is not None,
                    reason=reason if decision_id is not None else None,
                )
        return self.voice_answers(note_id)
