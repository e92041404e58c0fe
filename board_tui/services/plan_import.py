"""Importing an action plan: reading the file, showing what was read, writing it to the store.

The one service behind `board-tui import actions` and the home screen's `I`: read the file
(:func:`read_plan`, which refuses unreadable rows unless asked to skip them), preview it
(:func:`preview_lines`: items, owners, dates and statuses), and write it in one transaction
(:func:`import_plan`, which makes the board when it is new). The demo writes its plan through
:func:`write_plan`, so both record the same history: each next step's status line and each
"Update:" paragraph becomes a status update said on the plan's date, never a bare
overwrite. Importing the same plan again matches items by ref and steps by their words, and
records a change of status, or words not said before, as an update — never the same words
twice (an exported plan's "On track: …" status lines included).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from board_tui.domain.errors import BoardTuiError, NotFoundError
from board_tui.domain.formatting import short_date
from board_tui.domain.model import ActionPlan, Board
from board_tui.domain.statuses import Status
from board_tui.readers.plan import NextStepRead, PlanItemRead, PlanRead, read_action_plan
from board_tui.storage.store import Store

__all__ = [
    "ImportSummary",
    "PlanImport",
    "PlanMatch",
    "SamePlanQuestion",
    "import_plan",
    "matching_plan",
    "plan_title",
    "preview_lines",
    "read_plan",
    "target_plan",
    "write_plan",
]


@dataclass
class ImportSummary:
    plan_id: int
    title: str
    created: bool
    items_added: int = 0
    items_updated: int = 0
    steps_added: int = 0
    status_changes: int = 0
    sections: set[str] = field(default_factory=set)
    not_in_file: list[str] = field(default_factory=list)
    """Refs the plan has that the file no longer lists (left as they are)."""


@dataclass(frozen=True)
class PlanImport:
    """What an import did: the board (made if it was new), the plan, what was read."""

    board: Board
    board_created: bool
    summary: ImportSummary
    plan: PlanRead

    def lines(self) -> list[str]:
        """What the command line prints and the app notifies."""
        summary, plan = self.summary, self.plan
        steps = sum(len(item.next_steps) for item in plan.items)
        verb = "Imported" if summary.created else "Updated"
        lines = [f"New board: {self.board.name}"] if self.board_created else []
        lines.append(
            f"{verb} '{summary.title}' for {self.board.name} (plan {summary.plan_id}): "
            f"{len(plan.items)} items, {steps} next steps, {len(summary.sections)} sections"
        )
        if not summary.created:
            lines.append(
                f"  {summary.items_added} new items, {summary.steps_added} new next steps, "
                f"{summary.status_changes} status changes recorded as updates"
            )
        lines += [f"  skipped: {line}" for line in plan.skipped]
        lines += [
            f"  item {ref} is in the plan but not in this file: left as it was"
            for ref in summary.not_in_file
        ]
        return lines


@dataclass(frozen=True)
class PlanMatch:
    """The board's plan a file with another title looks like: next month's update of it."""

    plan: ActionPlan
    matching: int
    """The file's items whose ref the plan has, with the same recommendation."""
    of: int

    def describe(self) -> str:
        return (
            f"it looks like an update of '{self.plan.title}' (plan {self.plan.id}): "
            f"{self.matching} of its {self.of} items match by number and words"
        )


class SamePlanQuestion(BoardTuiError):
    """The file's title is new, but its items are a plan the board has: which is it?"""

    def __init__(self, title: str, match: PlanMatch) -> None:
        super().__init__(
            f"'{title}': {match.describe()}; nothing imported "
            f"(--into {match.plan.id} updates that plan, --new-plan keeps this one apart)"
        )
        self.match = match


def _same_words(a: str, b: str) -> bool:
    """The same recommendation, allowing a word or two changed between two months' plans."""
    left, right = set(_words(a).split()), set(_words(b).split())
    if not left or not right:
        return left == right
    return len(left & right) / len(left | right) >= 0.6


def matching_plan(store: Store, board_id: int, plan: PlanRead) -> PlanMatch | None:
    """The board's plan with most of the file's items (the same ref and recommendation):
    at least half of them, so two plans that share an item or two stay apart."""
    best: PlanMatch | None = None
    for candidate in store.plans(board_id):
        known = {item.ref: item for item in store.plan_items(candidate.id)}
        matching = sum(
            1
            for read in plan.items
            if read.ref in known
            and _same_words(known[read.ref].recommendation, read.recommendation)
        )
        if matching * 2 >= len(plan.items) > 0 and (best is None or matching > best.matching):
            best = PlanMatch(candidate, matching, len(plan.items))
    return best


def read_plan(path: Path, *, skip_bad_rows: bool = False) -> PlanRead:
    """Read the plan; rows that cannot be placed refuse it (one line) unless skipped."""
    plan = read_action_plan(path)
    if plan.skipped and not skip_bad_rows:
        more = f" (and {len(plan.skipped) - 1} more)" if len(plan.skipped) > 1 else ""
        raise BoardTuiError(
            f"{path.name}: {plan.skipped[0]}{more}; nothing imported"
            " (--skip-bad-rows imports the rest)"
        )
    return plan


def plan_title(plan: PlanRead, path: Path, title: str | None = None) -> str:
    """The plan's name: as typed, else the document's, else the file's."""
    return (title or "").strip() or plan.title or path.stem


def preview_lines(plan: PlanRead, dated: dt.date) -> list[str]:
    """The items as they will stand: ref, words, owner, each step with its time frame, the
    date it is due by and its status — what was read, before anything is written."""
    lines: list[str] = []
    section: str | None = None
    for item in plan.items:
        if item.section and item.section != section:
            section = item.section
            lines.append(f"— {section} —")
        status = item.status.label if item.status else "Next step"
        owner = f" · {item.lead}" if item.lead else ""
        lines.append(f"{item.ref:>4}  {item.recommendation}{owner} [{status}]")
        for step in item.next_steps:
            if step.description == item.recommendation and len(item.next_steps) == 1:
                words = ""
            else:
                words = step.description
            when = _when(step, dated)
            said = f" [{step.status.label}]" if step.status else ""
            if words or when or (said and len(item.next_steps) > 1):
                shown = " ".join(part.strip() for part in (words, when, said) if part.strip())
                lines.append(f"        - {shown}")
        for update in item.updates:
            lines.append(f"        {update.label} {update.body}".replace("\n", " / "))
    return lines


def _when(step: NextStepRead, dated: dt.date) -> str:
    if not step.time_frame:
        return ""
    from board_tui.domain.timeframes import parse_time_frame  # compiles its patterns on use

    due = parse_time_frame(step.time_frame, reference=dated)
    return f" ({step.time_frame}" + (f", due {short_date(due)})" if due else ")")


def _item_status(item: PlanItemRead) -> Status:
    return item.status or (Status.UPDATE_DUE if item.updates else Status.NEXT_STEP)


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def _write(
    store: Store,
    board_id: int,
    plan: PlanRead,
    *,
    title: str,
    dated: dt.date | None,
    source: str,
    existing: ActionPlan | None = None,
) -> ImportSummary:
    """The plan's items, steps and history, inside the caller's transaction: into the plan
    given, else the board's plan of that title, else a new one."""
    said_at = dt.datetime.combine(dated, dt.time(9, 0)) if dated else None
    imported = f"Imported from {source}" if source else "Imported"
    if existing is None:
        existing = next((p for p in store.plans(board_id) if p.title == title), None)
    if existing is None:
        created = store.create_plan(
            board_id, title, introduction=plan.introduction, dated=dated, legend=plan.legend
        )
        summary = ImportSummary(created.id, created.title, created=True)
    else:
        summary = ImportSummary(existing.id, existing.title, created=False)
    known = {item.ref: item for item in store.plan_items(summary.plan_id)}
    for read in plan.items:
        if read.section:
            summary.sections.add(read.section)
        status = _item_status(read)
        item = known.get(read.ref)
        if item is None:
            # A new item starts as a next step; its updates then move it on, with history.
            item = store.add_plan_item(
                summary.plan_id,
                read.ref,
                read.recommendation,
                lead=read.lead,
                status=Status.NEXT_STEP if read.updates else status,
                section=read.section,
            )
            summary.items_added += 1
        else:
            if (item.recommendation, item.lead, item.section) != (
                read.recommendation,
                read.lead,
                read.section,
            ):
                store.update_plan_item(
                    item.id,
                    recommendation=read.recommendation,
                    lead=read.lead,
                    section=read.section,
                )
            summary.items_updated += 1
        steps = {_words(a.description): a for a in store.next_steps(item.id)}
        for step in read.next_steps:
            action = steps.get(_words(step.description))
            if action is None:
                action = store.add_action(
                    step.description,
                    plan_item_id=item.id,
                    time_frame=step.time_frame,
                    status=Status.NEXT_STEP,
                    label=step.label,
                )
                summary.steps_added += 1
            # A step without a status of its own follows a completed item.
            target = step.status or (
                Status.COMPLETE if status is Status.COMPLETE else action.status
            )
            # What was said: the line without a status leading it ("On track: …"), and
            # the line itself when it is only a status word ("Done").
            said = step.said if step.said is not None else step.status_line
            said_before = {u.body for u in store.status_history(action_id=action.id)}
            new_words = bool(said) and said not in said_before
            if target is not action.status or new_words:
                store.record_status_update(
                    target, said or imported, action_id=action.id, at=said_at
                )
                summary.status_changes += existing is not None and target is not action.status
        history = {u.body for u in store.status_history(plan_item_id=item.id)}
        for update in read.updates:
            if update.body not in history:
                store.record_status_update(
                    status, update.body, plan_item_id=item.id, label=update.label, at=said_at
                )
        current = store.plan_item(item.id).status
        if current is not status:
            store.record_status_update(status, imported, plan_item_id=item.id, at=said_at)
            summary.status_changes += existing is not None
    read_refs = {read.ref for read in plan.items}
    summary.not_in_file = [ref for ref in known if ref not in read_refs]
    return summary


def write_plan(
    store: Store,
    board_id: int,
    plan: PlanRead,
    *,
    title: str,
    dated: dt.date | None,
    source: str = "",
) -> ImportSummary:
    """Write the plan for a board in one transaction: all of it lands, or none of it.

    The database is backed up first; if it cannot be, nothing is imported.
    """
    store.backup_or_refuse("import", "nothing imported")
    with store.transaction():
        return _write(store, board_id, plan, title=title, dated=dated, source=source)


def target_plan(
    store: Store,
    plan: PlanRead,
    *,
    board_name: str,
    title: str,
    into: int | None = None,
    new_plan: bool = False,
) -> ActionPlan | None:
    """The board's plan the file updates: the one asked for (`into`), else the one of the
    same title; None for a new plan. A new title whose items are a plan the board has
    (next month's "… – 3 November update") is a question, asked before anything is written
    or backed up (:class:`SamePlanQuestion`), unless `new_plan` answers it."""
    try:
        board = store.board_by_name(board_name)
    except NotFoundError:
        return None
    if into is not None:
        chosen = store.plan(into)
        if chosen.board_id != board.id:
            raise BoardTuiError(f"plan {into} ('{chosen.title}') is not {board.name}'s")
        return chosen
    same_title = next((p for p in store.plans(board.id) if p.title == title), None)
    if same_title is not None or new_plan:
        return same_title
    match = matching_plan(store, board.id, plan)
    if match is not None:
        raise SamePlanQuestion(title, match)
    return None


def import_plan(
    store: Store,
    plan: PlanRead,
    *,
    board_name: str,
    title: str,
    dated: dt.date | None,
    source: str,
    into: int | None = None,
    new_plan: bool = False,
) -> PlanImport:
    """Write the plan for the board of that name, made if it is new, in one transaction.

    Everything that can refuse the import is asked first: a refused import takes no
    backup (the ten kept are for imports that happened).
    """
    if not board_name.strip():
        raise BoardTuiError("a board needs a name")
    existing = target_plan(
        store, plan, board_name=board_name, title=title, into=into, new_plan=new_plan
    )
    store.backup_or_refuse("import", "nothing imported")
    with store.transaction():
        created = False
        try:
            board = store.board_by_name(board_name)
        except NotFoundError:
            board = store.create_board(board_name)
            created = True
        summary = _write(
            store, board.id, plan, title=title, dated=dated, source=source, existing=existing
        )
    return PlanImport(store.board(board.id), created, summary, plan)
