"""A plan item's or an action's whole life: where it was made, every step and status update.

Answers "what did we say about this last time?" across meetings: each update
carries the meeting it was said at, the words, and the old and new status. Each entry
says whether it is Part 2 (domain.exempt); a history for a public audience (public=True)
leaves out the steps set and the updates said in Part 2, and shows each old status as
the public last saw it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from board_tui.domain.errors import BoardTuiError, NotFoundError
from board_tui.domain.model import ActionLabel
from board_tui.storage import rows
from board_tui.storage.base import StoreBase

if TYPE_CHECKING:
    from board_tui.domain.exempt import Part2
    from board_tui.domain.plan_records import Action
    from board_tui.domain.search_records import HistoryEntry


def _meeting_label(with_item: bool) -> str:
    """SQL for "Board, 17 Oct 2023" (", item 4" with_item) from m, b (and ai) of a query,
    read from the stored ISO text (the same on both engines: no date functions)."""
    item = " || coalesce(', item ' || nullif(ai.number, ''), '')" if with_item else ""
    return f"""CASE WHEN m.id IS NULL THEN NULL
        ELSE b.name || ', ' || ltrim(substr(m.scheduled_start, 9, 2), '0') || ' '
             || substr('JanFebMarAprMayJunJulAugSepOctNovDec',
                       CAST(substr(m.scheduled_start, 6, 2) AS INTEGER) * 3 - 2, 3)
             || ' ' || substr(m.scheduled_start, 1, 4){item} END"""


def _made_by(created_at: str, plan_dated: str | None) -> dt.datetime:
    """When something in a plan was made: an imported plan dated 3 November 2022 had it by
    then, though the import ran later, so its history starts no later than that."""
    made = rows.when(created_at)
    assert made is not None
    dated = rows.day(plan_dated)
    return min(made, dt.datetime.combine(dated, dt.time())) if dated else made


class HistoryMixin(StoreBase):
    def history(
        self,
        *,
        plan_item_id: int | None = None,
        action_id: int | None = None,
        public: bool = False,
    ) -> list[HistoryEntry]:
        """Oldest first. For a plan item: its making, its next steps' making, and every
        status update on it or its steps; for an action: its own.

        public: for a public audience, with nothing of Part 2; a step set in Part 2 is then
        no step at all (NotFoundError when asked for), and steps are numbered without it.
        """
        if (plan_item_id is None) == (action_id is None):
            raise BoardTuiError("history is for one plan item or one action")
        if plan_item_id is not None:
            self._row("SELECT id FROM plan_items WHERE id = ?", (plan_item_id,), "plan item")
            steps = self._rows(
                "SELECT * FROM actions WHERE plan_item_id = ? ORDER BY position, id",
                (plan_item_id,),
            )
        else:
            steps = [self._row("SELECT * FROM actions WHERE id = ?", (action_id,), "action")]
        part2 = self.part2()
        actions = {int(s["id"]): rows.action(s) for s in steps}
        if public:
            steps = [s for s in steps if not part2.action(actions[s["id"]])]
            if action_id is not None and not steps:
                raise NotFoundError("no such action")
        numbers = {s["id"]: n for n, s in enumerate(steps, start=1)} if plan_item_id else {}
        step_ids = [s["id"] for s in steps]
        entries = self._made(plan_item_id, step_ids, numbers, part2)
        entries += self._updates(plan_item_id, step_ids, numbers, part2, actions, public)
        # The import writes an item, its steps and their updates at one moment: keep that order.
        order = {"created": 0, "step": 1, "update": 2}
        return sorted(entries, key=lambda e: (e.at, order[e.event]))

    def _made(
        self, plan_item_id: int | None, step_ids: list[int], numbers: dict[int, int], part2: Part2
    ) -> list[HistoryEntry]:
        from board_tui.domain.search_records import HistoryEntry

        entries: list[HistoryEntry] = []
        if plan_item_id is not None:
            item = self._row(
                """SELECT pi.*, ap.title AS plan_title, ap.dated FROM plan_items pi
                   JOIN action_plans ap ON ap.id = pi.plan_id WHERE pi.id = ?""",
                (plan_item_id,),
                "plan item",
            )
            made = _made_by(item["created_at"], item["dated"])
            entries.append(
                HistoryEntry(
                    event="created",
                    at=made,
                    subject=f"{item['ref']}. {item['recommendation']}",
                    meeting_id=None,
                    meeting_label=None,
                    where=item["plan_title"],
                    said="",
                    label=None,
                    old_status=None,
                    new_status=None,
                    step=None,
                )
            )
        marks = ", ".join("?" for _ in step_ids) or "NULL"
        for step in self._rows(
            f"""SELECT a.*, {_meeting_label(True)} AS meeting_label, ap.title AS plan_title,
                       ap.dated
                FROM actions a
                LEFT JOIN meetings m ON m.id = a.meeting_id
                LEFT JOIN boards b ON b.id = m.board_id
                LEFT JOIN agenda_items ai ON ai.id = a.agenda_item_id
                LEFT JOIN plan_items pi ON pi.id = a.plan_item_id
                LEFT JOIN action_plans ap ON ap.id = pi.plan_id
                WHERE a.id IN ({marks})""",
            step_ids,
        ):
            made = _made_by(step["created_at"], None if step["meeting_id"] else step["dated"])
            entries.append(
                HistoryEntry(
                    event="step" if plan_item_id is not None else "created",
                    at=made,
                    subject=step["description"],
                    meeting_id=step["meeting_id"],
                    meeting_label=step["meeting_label"],
                    where=None if step["meeting_id"] else step["plan_title"],
                    said=step["time_frame"] or "",
                    label=ActionLabel(step["label"]).text if step["label"] else None,
                    old_status=None,
                    new_status=None,
                    step=numbers.get(step["id"]),
                    part2=part2.action(rows.action(step)),
                )
            )
        return entries

    def _updates(
        self,
        plan_item_id: int | None,
        step_ids: list[int],
        numbers: dict[int, int],
        part2: Part2,
        actions: dict[int, Action],
        public: bool,
    ) -> list[HistoryEntry]:
        from board_tui.domain.search_records import HistoryEntry

        marks = ", ".join("?" for _ in step_ids) or "NULL"
        found = self._rows(
            f"""SELECT u.*, {_meeting_label(False)} AS meeting_label,
                       coalesce(a.description, pi.ref || '. ' || pi.recommendation) AS subject
                FROM status_updates u
                LEFT JOIN actions a ON a.id = u.action_id
                LEFT JOIN plan_items pi ON pi.id = u.plan_item_id
                LEFT JOIN meetings m ON m.id = u.meeting_id
                LEFT JOIN boards b ON b.id = m.board_id
                WHERE (u.plan_item_id IS ? AND u.plan_item_id IS NOT NULL
                       OR u.action_id IN ({marks}))
                  AND u.id NOT IN (SELECT update_id FROM status_update_undos)
                ORDER BY u.recorded_at, u.id""",
            (plan_item_id, *step_ids),
        )
        said = {int(r["id"]): r for r in found}
        updates = [rows.status_update(r) for r in found]
        if public:
            updates = part2.public_updates(updates)
        entries = []
        for update in updates:
            action = actions.get(update.action_id) if update.action_id else None
            entries.append(
                HistoryEntry(
                    event="update",
                    at=update.recorded_at,
                    subject=said[update.id]["subject"],
                    meeting_id=update.meeting_id,
                    meeting_label=said[update.id]["meeting_label"],
                    where=None,
                    said=update.body,
                    label=update.label,
                    old_status=update.old_status,
                    new_status=update.new_status,
                    step=numbers.get(update.action_id) if update.action_id else None,
                    part2=part2.update(update, action),
                )
            )
        return entries
