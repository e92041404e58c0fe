"""Action plans, their items and next steps, actions arising, and the status history."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from board_tui.domain.errors import BoardTuiError, NotFoundError
from board_tui.domain.model import ActionLabel, ActionPlan, LegendEntry, Status
from board_tui.storage import rows
from board_tui.storage.dialect import POSTGRES, SQLITE, Dialect
from board_tui.storage.updates import UpdatesMixin

if TYPE_CHECKING:
    from board_tui.domain.exempt import Part2
    from board_tui.domain.plan_records import Action, PlanItem, PlanItemSummary


# How the plan table can be sorted: numbers as numbers ("2" before "10"), then the rest.
def _plan_sorts(dialect: Dialect) -> dict[str, str]:
    number = dialect.leading_number("ref")
    by_ref = f"{number} IS NULL AND ref IS NOT NULL, {number}, ref, position"
    if dialect is SQLITE:  # as it always was: a reference with no number gives 0
        by_ref = (
            "CAST(ref AS INTEGER) = 0 AND ref NOT GLOB '0*', CAST(ref AS INTEGER), ref, position"
        )
    return {
        "ref": by_ref,
        # next_due named once (no date left last): the nearest-due subquery is run once a row.
        "due": f"coalesce(next_due, '9999-12-31'), {by_ref}",
        "status": "CASE status "
        + " ".join(f"WHEN '{status.value}' THEN {n}" for n, status in enumerate(Status))
        + f" END, {by_ref}",
        "lead": f"lead IS NULL, {dialect.ignoring_case('lead')}, {by_ref}",
    }


PLAN_SORTS: dict[str, str] = _plan_sorts(SQLITE)
_SORTS_BY_DIALECT = {SQLITE.name: PLAN_SORTS, POSTGRES.name: _plan_sorts(POSTGRES)}


# The plan table is read in two steps: the matching items' ids in order (only the
# columns the order needs), then the summary of just the rows on screen.
_OPEN_STEP = """a.plan_item_id = pi.id AND a.deleted_at IS NULL
    AND a.status NOT IN ('complete', 'dropped')"""
_NEAREST = f"FROM actions a WHERE {_OPEN_STEP} ORDER BY a.due_date IS NULL, a.due_date, a.position"
_SUMMARY_COLUMNS = f"""pi.*,
    (SELECT count(*) FROM actions a WHERE {_OPEN_STEP}) AS open_steps,
    (SELECT a.time_frame {_NEAREST} LIMIT 1) AS next_time_frame,
    (SELECT a.due_date {_NEAREST} LIMIT 1) AS next_due"""


@dataclass(frozen=True)
class PlanQuery:
    """Which of a plan's items the table shows, and in what order (one of PLAN_SORTS).

    overdue_on keeps the items with an open step due before that day; text keeps those
    with every word in the ref, recommendation, lead or a step's description.
    """

    status: Status | None = None
    lead: str | None = None
    overdue_on: dt.date | None = None
    text: str = ""
    sort: str = "ref"

    def where(self, plan_id: int) -> tuple[str, list[object]]:
        """The WHERE clause over plan_items (as pi) and its parameters."""
        where = ["pi.plan_id = ?"]
        params: list[object] = [plan_id]
        if self.status is not None:
            where.append("pi.status = ?")
            params.append(self.status.value)
        if self.lead is not None:
            where.append("coalesce(pi.lead, '') = ?")
            params.append(self.lead)
        if self.overdue_on is not None:
            where.append(f"EXISTS (SELECT 1 FROM actions a WHERE {_OPEN_STEP} AND a.due_date < ?)")
            params.append(self.overdue_on.isoformat())
        for word in self.text.split():
            pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append(
                """(pi.ref LIKE ? ESCAPE '\\' OR pi.recommendation LIKE ? ESCAPE '\\'
                    OR coalesce(pi.lead, '') LIKE ? ESCAPE '\\'
                    OR EXISTS (SELECT 1 FROM actions a WHERE a.plan_item_id = pi.id
                               AND a.deleted_at IS NULL AND a.description LIKE ? ESCAPE '\\'))"""
            )
            params += [pattern] * 4
        return " AND ".join(where), params

    def ordered(self, plan_id: int) -> tuple[str, list[object]]:
        """The matching items' ids in order, as a SELECT with the columns the order needs."""
        where, params = self.where(plan_id)
        # The nearest due date is worked out only when the order needs it.
        due = (
            f", (SELECT min(a.due_date) FROM actions a WHERE {_OPEN_STEP}) AS next_due"
            if self.sort == "due"
            else ""
        )
        return (
            f"SELECT pi.id, pi.ref, pi.position, pi.status, pi.lead{due}"
            f" FROM plan_items pi WHERE {where}",
            params,
        )


class PlansMixin(UpdatesMixin):
    # -- plans and their items -----------------------------------------------------------

    def create_plan(
        self,
        board_id: int,
        title: str,
        *,
        introduction: str | None = None,
        dated: dt.date | None = None,
        legend: tuple[LegendEntry, ...] = (),
    ) -> ActionPlan:
        title = " ".join(title.split())
        if not title:
            raise BoardTuiError("an action plan needs a title")
        now = rows.stamp(self.clock())
        try:
            plan_id = self._insert(
                "INSERT INTO action_plans (board_id, title, introduction, dated, legend,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    board_id,
                    title,
                    introduction,
                    dated.isoformat() if dated else None,
                    rows.legend_text(legend),
                    now,
                    now,
                ),
            )
        except sqlite3.IntegrityError:
            raise BoardTuiError(f"the board already has a plan called {title!r}") from None
        return self.plan(plan_id)

    def plan(self, plan_id: int) -> ActionPlan:
        return rows.plan(
            self._row("SELECT * FROM action_plans WHERE id = ?", (plan_id,), "action plan")
        )

    def plans(self, board_id: int | None = None) -> list[ActionPlan]:
        if board_id is None:
            found = self._rows("SELECT * FROM action_plans ORDER BY title, id")
        else:
            found = self._rows(
                "SELECT * FROM action_plans WHERE board_id = ? ORDER BY title, id", (board_id,)
            )
        return [rows.plan(r) for r in found]

    def plan_titled(self, title: str) -> ActionPlan:
        found = self._rows(
            f"SELECT * FROM action_plans WHERE {self.dialect.same_text('title')} ORDER BY id",
            (" ".join(title.split()),),
        )
        if not found:
            raise NotFoundError(f"no action plan called {title!r}")
        return rows.plan(found[0])

    def add_plan_item(
        self,
        plan_id: int,
        ref: str,
        recommendation: str,
        *,
        lead: str | None = None,
        status: Status = Status.NEXT_STEP,
        section: str | None = None,
    ) -> PlanItem:
        ref = ref.strip()
        if not ref:
            raise BoardTuiError("a plan item needs a reference")
        now = rows.stamp(self.clock())
        with self.transaction():
            position = self._scalar(
                "SELECT coalesce(max(position), 0) + 1 FROM plan_items WHERE plan_id = ?",
                (plan_id,),
            )
            try:
                item_id = self._insert(
                    """INSERT INTO plan_items (plan_id, ref, position, section, recommendation,
                           lead, status, created_at, updated_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (plan_id, ref, position, section, recommendation, lead, status.value, now, now),
                )
            except sqlite3.IntegrityError:
                raise BoardTuiError(f"the plan already has an item {ref}") from None
        return self.plan_item(item_id)

    def update_plan_item(
        self,
        item_id: int,
        *,
        recommendation: str,
        lead: str | None,
        section: str | None,
        expected: PlanItem | None = None,
    ) -> PlanItem:
        """Change an item's words; its status only ever changes through a status update.

        expected: the item as the clerk's dialog read it; refused (StaleEditError) if
        another clerk has changed its words since. Its status is not compared: status
        updates are appended to the history, never typed over.
        """
        self._update_unless_changed(
            "plan_items",
            item_id,
            {
                "recommendation": recommendation,
                "lead": lead,
                "section": section,
                "updated_at": rows.stamp(self.clock()),
            },
            None
            if expected is None
            else {
                "recommendation": expected.recommendation,
                "lead": expected.lead,
                "section": expected.section,
            },
            what="plan item",
            current=lambda: self.plan_item(item_id),
        )
        return self.plan_item(item_id)

    def plan_item(self, item_id: int) -> PlanItem:
        return rows.plan_item(
            self._row("SELECT * FROM plan_items WHERE id = ?", (item_id,), "plan item")
        )

    def plan_items(self, plan_id: int, *, part2: Part2 | None = None) -> list[PlanItem]:
        """The plan's items in order; with part2, each in the status last said in public."""
        items = [
            rows.plan_item(r)
            for r in self._rows(
                "SELECT * FROM plan_items WHERE plan_id = ? ORDER BY position, id", (plan_id,)
            )
        ]
        touched = self._touched_in_part2(plan_id, part2) if part2 else set()
        return [
            part2.public_plan_item(item, self.status_history(plan_item_id=item.id))
            if part2 is not None and item.id in touched
            else item
            for item in items
        ]

    def count_plan_items(self, plan_id: int) -> int:
        return int(self._scalar("SELECT count(*) FROM plan_items WHERE plan_id = ?", (plan_id,)))

    def plan_size(self, plan_id: int) -> tuple[int, int]:
        """How many items the plan has, and its longest ref (the width of the ref column)."""
        row = self._row(
            "SELECT count(*) AS items, coalesce(max(length(ref)), 0) AS widest"
            " FROM plan_items WHERE plan_id = ?",
            (plan_id,),
            "action plan",
        )
        return int(row["items"]), int(row["widest"])

    def plan_summary(
        self,
        plan_id: int,
        *,
        status: Status | None = None,
        lead: str | None = None,
        overdue_on: dt.date | None = None,
        text: str | None = None,
        sort: str = "ref",
        limit: int = 500,
        part2: Part2 | None = None,
    ) -> list[PlanItemSummary]:
        """The plan table: every item (filtered in SQLite, at most `limit` rows) with its open
        next steps and nearest time frame.

        The filters and sort are PlanQuery's. With part2, the table as a public audience may
        see it: next steps set in Part 2 left out, and statuses as last said in public
        (domain.exempt).
        """
        if part2:
            touched = self._touched_in_part2(plan_id, part2)
            if touched:
                return self._public_summary(
                    plan_id,
                    part2,
                    touched,
                    status=status,
                    lead=lead,
                    overdue_on=overdue_on,
                    text=text,
                    sort=sort,
                    limit=limit,
                )
        query = PlanQuery(status, lead, overdue_on, text or "", sort)
        return self.plan_rows(self.plan_order(plan_id, query)[:limit])

    def plan_order(
        self, plan_id: int, query: PlanQuery, *, within: array[int] | None = None
    ) -> array[int]:
        """The ids of the items that match, in the table's order: all a table needs to say
        how many match, find where one is and know which to read for the rows on screen
        (eight bytes an item, not the items). The order is found from the few columns it
        needs; the summaries are read by plan_rows for just the rows shown.

        within: the order of a wider query with the same sort (a word typed one letter
        shorter): only those items are tested, and their order kept, not sorted again.
        """
        ordered, params = query.ordered(plan_id)
        if within is None:
            sorts = _SORTS_BY_DIALECT[self.dialect.name]
            found = self.conn.execute(
                f"SELECT id FROM ({ordered}) AS items ORDER BY {sorts[query.sort]}", params
            )
            return array("q", (row[0] for row in found))
        matching = {
            row[0]
            for row in self.conn.execute(
                f"SELECT id FROM ({ordered}) AS items WHERE id IN {self.dialect.ids_in('?')}",
                (*params, json.dumps(within.tolist())),
            )
        }
        return array("q", (i for i in within if i in matching))

    def plan_rows(self, ids: Sequence[int]) -> list[PlanItemSummary]:
        """These items as the plan table shows them (open steps, nearest time frame), in
        the order given."""
        from board_tui.domain.plan_records import PlanItemSummary

        if not ids:
            return []
        found = {
            int(r["id"]): r
            for r in self._rows(
                f"""SELECT {_SUMMARY_COLUMNS} FROM plan_items pi
                    WHERE pi.id IN {self.dialect.ids_in("?")}""",
                (json.dumps(list(ids)),),
            )
        }
        return [
            PlanItemSummary(
                rows.plan_item(r), r["open_steps"], r["next_time_frame"], rows.day(r["next_due"])
            )
            for r in (found[i] for i in ids if i in found)
        ]

    def _touched_in_part2(self, plan_id: int, part2: Part2) -> set[int]:
        """The plan's items with a next step set, or an update said, on a Part 2 item."""
        exempt = self.dialect.ids_in(":items")
        found = self._rows(
            f"""SELECT pi.id FROM plan_items pi WHERE pi.plan_id = :plan AND (
                  EXISTS (SELECT 1 FROM actions a WHERE a.plan_item_id = pi.id
                          AND a.agenda_item_id IN {exempt})
                  OR EXISTS (SELECT 1 FROM status_updates u WHERE u.plan_item_id = pi.id
                             AND u.agenda_item_id IN {exempt})
                  OR EXISTS (SELECT 1 FROM status_updates u JOIN actions a ON a.id = u.action_id
                             WHERE a.plan_item_id = pi.id AND u.agenda_item_id IN {exempt}))""",
            {"plan": plan_id, "items": json.dumps(sorted(part2.item_ids))},
        )
        return {int(r["id"]) for r in found}

    def public_plan_row(self, item: PlanItem, part2: Part2) -> tuple[PlanItem, list[Action]]:
        """A plan item and its next steps as a public audience may see them (domain.exempt)."""
        history = self.status_history(plan_item_id=item.id)
        steps = [
            part2.public_action(step, history)
            for step in self.next_steps(item.id)
            if not part2.action(step)
        ]
        return part2.public_plan_item(item, history), steps

    def _public_summary(
        self,
        plan_id: int,
        part2: Part2,
        touched: set[int],
        *,
        status: Status | None,
        lead: str | None,
        overdue_on: dt.date | None,
        text: str | None,
        sort: str,
        limit: int,
    ) -> list[PlanItemSummary]:
        """plan_summary for a public audience when Part 2 touched some of the plan's items:
        those are worked out again from what was said in public, then filtered and sorted."""
        from board_tui.domain.plan_records import PlanItemSummary

        everything = self.plan_summary(plan_id, text=text, limit=self.count_plan_items(plan_id) + 1)
        words = [w.casefold() for w in (text or "").split()]
        found: list[PlanItemSummary] = []
        for summary in everything:
            if summary.item.id in touched:
                item, steps = self.public_plan_row(summary.item, part2)
                shown = " ".join(
                    [item.ref, item.recommendation, item.lead or ""]
                    + [s.description for s in steps]
                ).casefold()
                if any(w not in shown for w in words):
                    continue  # it matched only words said in Part 2
                open_steps = [s for s in steps if s.status.is_open]
                nearest = min(
                    open_steps,
                    key=lambda s: (s.due_date is None, s.due_date or dt.date.min, s.position),
                    default=None,
                )
                summary = PlanItemSummary(
                    item,
                    len(open_steps),
                    nearest.time_frame if nearest else None,
                    nearest.due_date if nearest else None,
                )
            if status is not None and summary.item.status is not status:
                continue
            if lead is not None and (summary.item.lead or "") != lead:
                continue
            if overdue_on is not None and not (
                summary.next_due is not None and summary.next_due < overdue_on
            ):
                continue
            found.append(summary)
        order = list(Status)
        # Stable sorts: ties stay in ref order, as the SQL sorts them.
        if sort == "due":
            found.sort(key=lambda s: (s.next_due is None, s.next_due or dt.date.min))
        elif sort == "status":
            found.sort(key=lambda s: order.index(s.item.status))
        elif sort == "lead":
            found.sort(key=lambda s: (s.item.lead is None, (s.item.lead or "").casefold()))
        return found[:limit]

    # -- actions: next steps and actions arising ----------------------------------------

    def _due_date(
        self, time_frame: str | None, plan_item_id: int | None, meeting_id: int | None
    ) -> dt.date | None:
        """Read a due date from the clerk's words, in the context of the plan or meeting."""
        if not time_frame or not time_frame.strip():
            return None
        # An action set in a meeting is dated from that meeting, even when it is also a
        # next step on a plan: "End of March" said in December 2023 means March 2024.
        if meeting_id is not None:
            context = self._row(
                "SELECT board_id, substr(scheduled_start, 1, 10) AS reference FROM meetings"
                " WHERE id = ?",
                (meeting_id,),
                "meeting",
            )
        else:
            context = self._row(
                """SELECT ap.board_id,
                          coalesce(ap.dated, substr(ap.created_at, 1, 10)) AS reference
                   FROM plan_items pi JOIN action_plans ap ON ap.id = pi.plan_id
                   WHERE pi.id = ?""",
                (plan_item_id,),
                "plan item",
            )
        meeting_days = [
            dt.date.fromisoformat(r["day"])
            for r in self._rows(
                "SELECT DISTINCT substr(scheduled_start, 1, 10) AS day FROM meetings"
                " WHERE board_id = ?",
                (context["board_id"],),
            )
        ]
        from board_tui.domain.timeframes import (
            parse_time_frame,  # its patterns compile on first use
        )

        due: dt.date | None = parse_time_frame(
            time_frame,
            reference=dt.date.fromisoformat(context["reference"]),
            meetings=meeting_days,
        )
        return due

    def add_action(
        self,
        description: str,
        *,
        plan_item_id: int | None = None,
        meeting_id: int | None = None,
        agenda_item_id: int | None = None,
        owner: str | None = None,
        owner_person_id: int | None = None,
        time_frame: str | None = None,
        status: Status = Status.NEXT_STEP,
        label: ActionLabel | None = None,
    ) -> Action:
        """Add a next step to a plan item, or an action arising from a meeting (or both)."""
        description = description.strip()
        if not description:
            raise BoardTuiError("an action needs a description")
        if agenda_item_id is not None and meeting_id is None:
            meeting_id = self._row(
                "SELECT meeting_id FROM agenda_items WHERE id = ?", (agenda_item_id,), "agenda item"
            )["meeting_id"]
        if plan_item_id is None and meeting_id is None:
            raise BoardTuiError("an action belongs to a plan item or a meeting")
        now = rows.stamp(self.clock())
        with self.transaction():
            position = self._scalar(
                "SELECT coalesce(max(position), 0) + 1 FROM actions"
                " WHERE plan_item_id IS ? AND meeting_id IS ?",
                (plan_item_id, None if plan_item_id is not None else meeting_id),
            )
            due = self._due_date(time_frame, plan_item_id, meeting_id)
            action_id = self._insert(
                """INSERT INTO actions (plan_item_id, meeting_id, agenda_item_id, position,
                       description, owner, owner_person_id, time_frame, due_date, status, label,
                       created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    plan_item_id,
                    meeting_id,
                    agenda_item_id,
                    position,
                    description,
                    owner,
                    owner_person_id,
                    time_frame,
                    due.isoformat() if due else None,
                    status.value,
                    label.value if label else None,
                    now,
                    now,
                ),
            )
        return self.action(action_id)

    def update_action(
        self,
        action_id: int,
        *,
        description: str,
        time_frame: str | None,
        label: ActionLabel | None,
        expected: Action | None = None,
    ) -> Action:
        """Change a step's words or time frame (its due date follows); status goes by updates.

        expected: the step as the dialog read it (StaleEditError if changed since).
        """
        description = description.strip()
        if not description:
            raise BoardTuiError("an action needs a description")
        with self.transaction():
            current = self.action(action_id)
            due = self._due_date(time_frame, current.plan_item_id, current.meeting_id)
            self._update_unless_changed(
                "actions",
                action_id,
                {
                    "description": description,
                    "time_frame": time_frame,
                    "due_date": due.isoformat() if due else None,
                    "label": label.value if label else None,
                    "updated_at": rows.stamp(self.clock()),
                },
                None
                if expected is None
                else {
                    "description": expected.description,
                    "time_frame": expected.time_frame,
                    "label": expected.label.value if expected.label else None,
                },
                what="next step",
                current=lambda: self.action(action_id),
            )
        return self.action(action_id)

    def action(self, action_id: int) -> Action:
        return rows.action(self._row("SELECT * FROM actions WHERE id = ?", (action_id,), "action"))

    def next_steps(self, plan_item_id: int) -> list[Action]:
        return [
            rows.action(r)
            for r in self._rows(
                "SELECT * FROM actions WHERE plan_item_id = ? AND deleted_at IS NULL"
                " ORDER BY position, id",
                (plan_item_id,),
            )
        ]

    def actions_arising(self, meeting_id: int) -> list[Action]:
        """Actions set at this meeting, in the order they were taken."""
        return [
            rows.action(r)
            for r in self._rows(
                "SELECT * FROM actions WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY id",
                (meeting_id,),
            )
        ]

    # -- the status history --------------------------------------------------------------
