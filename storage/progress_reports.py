"""Progress reports: the draft kept as the lead officer edits it, and the paper it becomes.

One draft per plan, meeting it is for (or none) and version (public or confidential), as
the chair's round-up keeps one per meeting. Attaching a report to an agenda item as its
paper writes its name into the item's papers and its note to the chair, where the agenda
pack, the live meeting and the chair see it; attaching it elsewhere (or nowhere) takes
those words back out when they are still there as written.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import Meeting
from board_tui.storage import rows
from board_tui.storage.base import ItemFlag, StoreBase

if TYPE_CHECKING:
    from board_tui.domain.report_text import KeptReport, ReportChoice

PAPERS_SEPARATOR = "; "


def _kept(row: dict[str, Any]) -> KeptReport:
    from board_tui.domain.report_text import KeptReport, ReportChoice

    generated = rows.when(row["generated_at"])
    assert generated is not None
    choice = ReportChoice.from_kept(
        row["plan_id"], row["meeting_id"], bool(row["confidential"]), row["selection"]
    )
    return KeptReport(
        id=row["id"],
        choice=choice,
        body=row["body"],
        generated_at=generated,
        edited_at=rows.when(row["edited_at"]),
        agenda_item_id=row["agenda_item_id"],
        paper_words=row["paper_words"],
    )


def _without(text: str | None, words: str) -> str | None:
    """The field with the words attaching added taken back out (as a whole part only)."""
    if not text:
        return text
    parts = [p for p in text.split(PAPERS_SEPARATOR) if p.strip() != words]
    left = PAPERS_SEPARATOR.join(parts).strip()
    return left or None


def _with(text: str | None, words: str) -> str:
    parts = [p.strip() for p in (text or "").split(PAPERS_SEPARATOR) if p.strip()]
    if words not in parts:
        parts.append(words)
    return PAPERS_SEPARATOR.join(parts)


def chair_note_words(paper_words: str) -> str:
    """What the note to the chair says of the report attached."""
    return f"Paper: {paper_words}"


class ProgressReportsMixin(StoreBase):
    def progress_report(
        self, plan_id: int, meeting_id: int | None, *, confidential: bool = False
    ) -> KeptReport | None:
        found = self._rows(
            "SELECT * FROM progress_reports WHERE plan_id = ? AND meeting_id IS ?"
            " AND confidential = ?",
            (plan_id, meeting_id, int(confidential)),
        )
        return _kept(found[0]) if found else None

    def progress_reports(self, plan_id: int) -> list[KeptReport]:
        """The plan's kept reports, the latest drafted first."""
        return [
            _kept(r)
            for r in self._rows(
                "SELECT * FROM progress_reports WHERE plan_id = ?"
                " ORDER BY coalesce(edited_at, generated_at) DESC, id DESC",
                (plan_id,),
            )
        ]

    def save_progress_report(
        self, choice: ReportChoice, body: str, *, generated: bool = False
    ) -> KeptReport:
        """Keep the draft: a generated one replaces the old (and its choice of actions and
        window); an edit records when it was made."""
        now = rows.stamp(self.clock())
        with self.transaction():
            kept = self.progress_report(
                choice.plan_id, choice.meeting_id, confidential=choice.confidential
            )
            if kept is None:
                self.conn.execute(
                    """INSERT INTO progress_reports (plan_id, meeting_id, confidential,
                           selection, body, generated_at, edited_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    (
                        choice.plan_id,
                        choice.meeting_id,
                        int(choice.confidential),
                        choice.selection_json(),
                        body,
                        now,
                        None if generated else now,
                    ),
                )
            elif generated:
                self.conn.execute(
                    "UPDATE progress_reports SET selection = ?, body = ?, generated_at = ?,"
                    " edited_at = NULL WHERE id = ?",
                    (choice.selection_json(), body, now, kept.id),
                )
            else:
                self.conn.execute(
                    "UPDATE progress_reports SET body = ?, edited_at = ? WHERE id = ?",
                    (body, now, kept.id),
                )
        found = self.progress_report(
            choice.plan_id, choice.meeting_id, confidential=choice.confidential
        )
        assert found is not None
        return found

    def attach_progress_report(
        self, report_id: int, agenda_item_id: int | None, paper_words: str
    ) -> KeptReport:
        """Make the report the paper of an agenda item of the meeting it is for (None: of
        none). The item's papers and its note to the chair name it; the words written for
        an earlier attachment are taken back out first."""
        paper_words = " ".join(paper_words.split())
        with self.transaction():
            row = self._row("SELECT * FROM progress_reports WHERE id = ?", (report_id,), "report")
            report = _kept(row)
            if agenda_item_id is not None:
                item = self._row(
                    "SELECT id, meeting_id, parent_id, exempt, papers, chair_note"
                    " FROM agenda_items WHERE id = ?",
                    (agenda_item_id,),
                    "agenda item",
                )
                if report.choice.meeting_id != item["meeting_id"]:
                    raise BoardTuiError(
                        "the report can be the paper of an item of the meeting it is for only"
                    )
                if report.choice.confidential and not self._exempt_item(
                    int(item["meeting_id"]), agenda_item_id
                ):
                    raise BoardTuiError(
                        "a confidential report can be the paper of a Part 2 (exempt) item only"
                    )
            if report.agenda_item_id is not None and report.paper_words:
                old = self._rows(
                    "SELECT papers, chair_note FROM agenda_items WHERE id = ?",
                    (report.agenda_item_id,),
                )
                if old:
                    self.conn.execute(
                        "UPDATE agenda_items SET papers = ?, chair_note = ? WHERE id = ?",
                        (
                            _without(old[0]["papers"], report.paper_words),
                            _without(old[0]["chair_note"], chair_note_words(report.paper_words)),
                            report.agenda_item_id,
                        ),
                    )
            if agenda_item_id is not None:
                now = self._row(
                    "SELECT papers, chair_note FROM agenda_items WHERE id = ?",
                    (agenda_item_id,),
                    "agenda item",
                )
                self.conn.execute(
                    "UPDATE agenda_items SET papers = ?, chair_note = ? WHERE id = ?",
                    (
                        _with(now["papers"], paper_words),
                        _with(now["chair_note"], chair_note_words(paper_words)),
                        agenda_item_id,
                    ),
                )
            self.conn.execute(
                "UPDATE progress_reports SET agenda_item_id = ?, paper_words = ? WHERE id = ?",
                (agenda_item_id, paper_words if agenda_item_id is not None else None, report_id),
            )
        return _kept(self._row("SELECT * FROM progress_reports WHERE id = ?", (report_id,), "r"))

    def _exempt_item(self, meeting_id: int, item_id: int) -> bool:
        from board_tui.domain.exempt import Part2

        flags = self._rows(
            "SELECT id, parent_id, exempt FROM agenda_items WHERE meeting_id = ?", (meeting_id,)
        )
        rule = Part2.of(ItemFlag(int(r["id"]), r["parent_id"], bool(r["exempt"])) for r in flags)
        return rule.item(item_id)

    def meetings_for_plan(self, plan_id: int) -> list[Meeting]:
        """The meetings a plan goes to: those whose agenda links its items, and its own
        board's, in date order."""
        return [
            rows.meeting(r)
            for r in self._rows(
                """SELECT * FROM meetings WHERE id IN (
                       SELECT ai.meeting_id FROM agenda_items ai
                       JOIN agenda_item_links l ON l.agenda_item_id = ai.id
                       JOIN plan_items pi ON pi.id = l.plan_item_id
                       WHERE pi.plan_id = :plan)
                   OR board_id = (SELECT board_id FROM action_plans WHERE id = :plan)
                   ORDER BY scheduled_start, id""",
                {"plan": plan_id},
            )
        ]

    def steps_made(self, plan_item_id: int) -> dict[int, dt.datetime]:
        """When each of an item's next steps was made. A step of an imported plan dated
        3 November 2022 was there by that day, as the history says (storage.history)."""
        found: dict[int, dt.datetime] = {}
        for r in self._rows(
            """SELECT a.id, a.created_at, a.meeting_id, ap.dated FROM actions a
               JOIN plan_items pi ON pi.id = a.plan_item_id
               JOIN action_plans ap ON ap.id = pi.plan_id
               WHERE a.plan_item_id = ? AND a.deleted_at IS NULL""",
            (plan_item_id,),
        ):
            made = rows.when(r["created_at"])
            assert made is not None
            dated = rows.day(r["dated"]) if r["meeting_id"] is None else None
            found[int(r["id"])] = (
                min(made, dt.datetime.combine(dated, dt.time())) if dated else made
            )
        return found
