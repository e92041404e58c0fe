"""The updated action plan as the board reads it: a landscape table, each row in its status colour.

Laid out like the Engagement Leads Group's own plan, so the same file goes back
through the action-plan importer unchanged: next steps, their time frames and their
status lines are separate paragraphs lined up by position; "NEW ACTION:",
"Revised Action:" and "Update:" are bold runs at the start of a paragraph; each
item's row is shaded in its status fill. Status lines come from each step's latest
update, and "Update:" lines are the item's updates said since the last issue
(the plan's date, or --changed-since), as the importer records them.

The plan goes to the public: by the one exempt rule (domain.exempt), next steps set in
Part 2 and updates said in Part 2 are left out, and items and steps show the status
they had when last updated in public.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from board_tui.domain.exempt import Part2
from board_tui.domain.formatting import long_date
from board_tui.domain.model import ActionLabel, ActionPlan, LegendEntry
from board_tui.domain.plan_records import Action, PlanItem, StatusUpdate
from board_tui.domain.safe_text import file_name_part
from board_tui.domain.statuses import Status, status_from_words
from board_tui.exporters.blocks import Progress
from board_tui.exporters.document import board_template, save
from board_tui.exporters.minute_refs import meeting_action_refs
from board_tui.exporters.safe_write import check_target
from board_tui.exporters.style import named_style
from board_tui.exporters.word import word_text
from board_tui.storage.store import Store

__all__ = [
    "DEFAULT_LEGEND",
    "HEADER",
    "PlanRow",
    "action_plan_file_name",
    "plan_rows",
    "write_action_plan",
]

HEADER = ("#", "Recommendation", "Lead", "Next steps", "Time frame", "Status / update")
WIDTHS_MM = (10.0, 70.0, 35.0, 72.0, 35.0, 45.0)
UPDATE_LABEL = "Update:"
DEFAULT_LEGEND = tuple(
    LegendEntry(status, status.label, status.fill)
    for status in (Status.COMPLETE, Status.UPDATE_DUE, Status.NEXT_STEP)
)
_UPDATE_AT_START = re.compile(r"^\s*update\s*:", re.IGNORECASE)

Line = tuple[str, str]
"""A paragraph as (bold lead-in, text)."""


@dataclass(frozen=True)
class PlanRow:
    """One plan item as its table row: every cell a list of paragraphs, lined up by position."""

    ref: str
    section: str | None
    status: Status
    fill: str
    recommendation: tuple[str, ...]
    lead: str
    steps: tuple[Line, ...]
    time_frames: tuple[str, ...]
    status_lines: tuple[Line, ...]


def _flat(text: str) -> str:
    """One line: what Word cannot hold dropped first, so its controls never become spaces."""
    return " ".join(word_text(text).split())


def _paragraphs(text: str) -> str:
    """An update's paragraphs, each on one line: written as line breaks in one paragraph
    after its "Update:", which the importer reads back as the same paragraphs."""
    return "\n".join(line for line in (_flat(part) for part in text.split("\n")) if line)


def _meaningful(update: StatusUpdate) -> bool:
    """What a person said, not the importer's "Imported from …" (undone updates are never
    in the history the store gives)."""
    body = update.body.strip()
    return bool(body) and not re.match(r"Imported\b", body)


def _step_line(step: Action, history: Sequence[StatusUpdate], item_status: Status) -> str:
    """The step's status line: its latest words, made to name its status for the importer."""
    said = [u for u in history if _meaningful(u)]
    if not said:
        implied = step.status is Status.NEXT_STEP or (
            step.status is Status.COMPLETE and item_status is Status.COMPLETE
        )
        return "" if implied else step.status.label
    body = _flat(said[-1].body)
    if _UPDATE_AT_START.match(body) or status_from_words(body) is not step.status:
        return f"{step.status.label}: {body}"
    return body


def _step_words(step: Action, item: PlanItem, ref: str | None = None) -> Line:
    """A step's label and words. One set in a meeting is a NEW ACTION, as the board's plan
    labels them, with its owner when that is not the item's lead, and the minute it was set
    at when the board numbers its minutes ("action TAB 23/45(b)")."""
    label = step.label or (ActionLabel.NEW if step.meeting_id is not None else None)
    words = _flat(step.description)
    owner = (step.owner or "").strip()
    if step.meeting_id is not None and owner and owner != (item.lead or "").strip():
        words = f"{words} ({owner})"
    if ref:
        words = f"{words} (action {ref})"
    return (label.text if label else "", words)


class _MeetingRefs:
    """The minute refs of steps set at meetings, each meeting's read once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.known: dict[int, dict[int, str]] = {}

    def __call__(self, step: Action) -> str | None:
        if step.meeting_id is None:
            return None
        if step.meeting_id not in self.known:
            self.known[step.meeting_id] = meeting_action_refs(self.store, step.meeting_id)
        return self.known[step.meeting_id].get(step.id)


def _trimmed(values: list[Any], empty: Any) -> list[Any]:
    while values and values[-1] == empty:
        values.pop()
    return values


def _row(
    store: Store,
    item: PlanItem,
    fills: dict[Status, str],
    since: dt.date | None,
    part2: Part2,
    refs: _MeetingRefs,
) -> PlanRow:
    """The row of a plan item already in its public status (see plan_rows)."""
    said = store.status_history(plan_item_id=item.id)
    every_step = store.next_steps(item.id)
    steps = [part2.public_action(s, said) for s in every_step if not part2.action(s)]
    history = part2.public_updates(said, every_step)
    by_step: dict[int, list[StatusUpdate]] = {}
    for update in history:
        if update.action_id is not None:
            by_step.setdefault(update.action_id, []).append(update)
    own = [u for u in history if u.action_id is None]
    updates = [
        _paragraphs(u.body)
        for u in own
        if _meaningful(u) and (since is None or u.recorded_at.date() >= since)
    ]
    lines: list[Line] = _trimmed(
        [("", _step_line(s, by_step.get(s.id, []), item.status)) for s in steps], ("", "")
    )
    return PlanRow(
        ref=item.ref,
        section=item.section,
        status=item.status,
        fill=fills.get(item.status, item.status.fill),
        recommendation=tuple(p for p in item.recommendation.split("\n") if p.strip()) or ("",),
        lead=item.lead or "",
        # A step is one paragraph, lined up with its time frame: the importer reads each
        # paragraph or line break in these cells as a step of its own.
        steps=tuple(_step_words(s, item, refs(s)) for s in steps),
        time_frames=tuple(_trimmed([_flat(s.time_frame or "") for s in steps], "")),
        status_lines=(*lines, *((UPDATE_LABEL, text) for text in updates)),
    )


def plan_rows(
    store: Store,
    plan_id: int,
    *,
    status: Status | None = None,
    lead: str | None = None,
    changed_since: dt.date | None = None,
) -> list[PlanRow]:
    """The plan's rows in plan order, as the public may see them (see the module's doc);
    lead matches words anywhere in the lead, any case."""
    plan = store.plan(plan_id)
    fills = {entry.status: entry.fill for entry in plan.legend}
    since = changed_since or plan.dated
    wanted = (lead or "").casefold().strip()
    part2 = store.part2()
    refs = _MeetingRefs(store)
    return [
        _row(store, item, fills, since, part2, refs)
        for item in store.plan_items(plan_id, part2=part2)
        if (status is None or item.status is status)
        and (not wanted or wanted in (item.lead or "").casefold())
    ]


def legend_entries(plan: ActionPlan, rows: Sequence[PlanRow]) -> list[LegendEntry]:
    """The plan's own legend (else the three usual fills), plus any other colour the rows use."""
    entries = list(plan.legend or DEFAULT_LEGEND)
    shown = {e.status for e in entries}
    for row in rows:
        if row.status not in shown:
            entries.append(LegendEntry(row.status, row.status.label, row.fill))
            shown.add(row.status)
    return entries


def plan_text(store: Store, plan_id: int, day: dt.date) -> str:
    """The plan as plain text, for the preview before it is written."""
    plan = store.plan(plan_id)
    lines = [plan.title, f"{UPDATE_LABEL} {long_date(day)}", ""]
    for row in plan_rows(store, plan_id):
        lines.append(f"{row.ref}. {' '.join(row.recommendation)}")
        lines.append(f"   Lead: {row.lead or '-'}   Status: {row.status.label}")
        for n, (label, text) in enumerate(row.steps):
            when = row.time_frames[n] if n < len(row.time_frames) else ""
            lines.append(f"   - {f'{label} ' if label else ''}{text}{f' ({when})' if when else ''}")
        lines += [f"   {label} {text}".rstrip() for label, text in row.status_lines if text]
        lines.append("")
    return "\n".join(lines)


def action_plan_file_name(store: Store, plan_id: int, day: dt.date) -> str:
    plan = store.plan(plan_id)
    short = file_name_part(plan.title.split(" - ")[0], "Action plan", max_bytes=60)
    return f"{short} {day:%Y-%m-%d}.docx"


# -- Word -------------------------------------------------------------------------------------


def _front_page(document: Any, plan: ActionPlan, rows: Sequence[PlanRow], day: dt.date) -> None:
    from docx.shared import Mm

    from board_tui.exporters.word import fill_cell, paragraph, set_widths, shade

    paragraph(document, plan.title, "Title")
    paragraph(document, f"{UPDATE_LABEL} {long_date(day)}", "Heading 1")
    intro = [_flat(p) for p in re.split(r"\n\s*\n", plan.introduction or "") if p.strip()]
    # The legend goes where the introduction introduces it ("This is the colour coding").
    at = next(
        (i + 1 for i, p in reversed(list(enumerate(intro))) if re.search(r"colou?r", p, re.I)),
        len(intro),
    )
    for text in intro[:at]:
        paragraph(document, text, "Normal")
    entries = legend_entries(plan, rows)
    legend = document.add_table(rows=len(entries), cols=1)
    legend.style = named_style(document.styles, "Table Grid")
    for row, entry in zip(legend.rows, entries, strict=True):
        fill_cell(row.cells[0], [(entry.label, "")])
        shade(row.cells[0], entry.fill)
    set_widths(legend, [Mm(95)])
    paragraph(document, "", "Normal")
    for text in intro[at:]:
        paragraph(document, text, "Normal")


def _plan_table(document: Any, rows: Sequence[PlanRow], progress: Progress | None) -> None:
    """The plan's table, each row's XML built once (see exporters/word_table.py): a section
    starts with its name across the row, and each item's row is shaded in its status fill."""
    from docx.shared import Mm

    from board_tui.exporters.style import LABEL
    from board_tui.exporters.word_table import OnePassTable

    table = OnePassTable(document, HEADER, [Mm(w) for w in WIDTHS_MM])
    section: str | None = None
    for index, row in enumerate(rows, start=1):
        if row.section and (index == 1 or row.section != section):
            table.add_band(row.section, LABEL)
        section = row.section
        cells = (
            [(row.ref, "")],
            [("", p) for p in row.recommendation],
            [("", row.lead)],
            row.steps,
            [("", t) for t in row.time_frames],
            row.status_lines,
        )
        table.add_row(cells, fill=row.fill, flag="cantSplit" if _short(row) else None)
        if progress is not None:
            progress(index, len(rows) + 1)
    table.insert()


def _short(row: PlanRow) -> bool:
    """Short rows never split across pages; a long one must, or it would leave a gap."""
    return len(row.steps) <= 4 and sum(len(p) for p in row.recommendation) < 600


def write_action_plan(
    store: Store,
    plan_id: int,
    path: Path,
    *,
    template: Path | None = None,
    force: bool = False,
    status: Status | None = None,
    lead: str | None = None,
    changed_since: dt.date | None = None,
    dated: dt.date | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the plan as of `dated` (default: today) to a .docx; nothing changes on failure."""
    from board_tui.exporters.style import open_base
    from board_tui.exporters.word import (
        landscape_section,
        page_number_footer,
        paragraph,
        running_header,
    )

    path = Path(path).expanduser()
    check_target(path, force=force)
    plan = store.plan(plan_id)
    board = store.board(plan.board_id)
    day = dated or store.clock().date()
    rows = plan_rows(store, plan_id, status=status, lead=lead, changed_since=changed_since)
    document = open_base(template or board_template(store, board.id))
    first = document.sections[0]
    running_header(first, board.name, f"{UPDATE_LABEL} {day.day} {day:%B %Y}", draft=False)
    page_number_footer(first)
    _front_page(document, plan, rows, day)
    landscape_section(document)
    if rows:
        _plan_table(document, rows, progress)
    else:
        paragraph(document, "No plan items match these filters.", "Normal")
    if board.contact is not None:
        paragraph(document, "", "Normal")
        for line in (board.contact.name, board.contact.role, board.contact.email):
            if line:
                paragraph(document, line, "Normal")
    document.core_properties.title = word_text(plan.title)
    written = save(document, path, force=force)
    if progress is not None:
        progress(len(rows) + 1, len(rows) + 1)
    return written
