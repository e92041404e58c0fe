"""Folding a plan table's rows into items: numbered rows, continuation rows, merged cells.

A row with a number (or, in a table without a number column, with words in its action
cell) starts an item; a row without one carries the item above on (a row that broke
across a page). A row merged all across heads a section. Next steps, time frames and
status lines are separate paragraphs lined up by position; "NEW ACTION:" and "Revised
Action:" label a step, "Update:" is news on the item. A cell merged down over several
rows (an owner for three actions) is read into each of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from board_tui.domain.model import ActionLabel
from board_tui.domain.statuses import Status, status_from_fill
from board_tui.readers.plan.columns import Columns
from board_tui.readers.plan.model import NextStepRead, PlanItemRead, PlanReadError, UpdateRead
from board_tui.readers.plan.status import step_status, words_status
from board_tui.readers.word_package import joined

__all__ = ["RowCell", "TableReader", "finished_items"]

_LABELS = re.compile(r"^(new action|revised action)\s*:\s*", re.IGNORECASE)
_UPDATE = re.compile(r"^(update)\s*:\s*", re.IGNORECASE)


@dataclass(frozen=True)
class RowCell:
    """One cell of a row, as the reader needs it."""

    paragraphs: tuple[tuple[str, ...], ...]
    """Each paragraph's lines (a line break splits a paragraph), empty ones kept."""
    fill: str | None = None
    continued: bool = False
    """It continues a vertical merge from the row above."""
    top: tuple[str, ...] = ()
    """For a continued cell, the lines of the cell the merge starts in."""

    @property
    def entries(self) -> list[str]:
        """The cell's lines by position, empty ones kept (they line paragraphs up)."""
        return [] if self.continued else [line for para in self.paragraphs for line in para]

    @property
    def shown(self) -> list[str]:
        """What a reader sees: a continued cell shows the merge's words."""
        return list(self.top) if self.continued else self.entries


@dataclass
class _Step:
    description: str
    label: ActionLabel | None
    time_frame: str | None = None
    status_line: str | None = None
    rating: str = ""
    fill: str | None = None


@dataclass
class _Item:
    ref: str
    section: str | None
    fill: str | None
    status: Status | None
    recommendation: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    steps: list[_Step] = field(default_factory=list)
    updates: list[UpdateRead] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    rating: list[str] = field(default_factory=list)
    time_frames: list[str] = field(default_factory=list)
    """Without a next-steps column: the item's own time frames."""
    lines: list[str] = field(default_factory=list)
    """Without a next-steps column: the item's own status lines."""


def _label(text: str) -> tuple[ActionLabel | None, str]:
    match = _LABELS.match(text)
    if match is None:
        return None, text
    label = ActionLabel.NEW if match.group(1).lower().startswith("new") else ActionLabel.REVISED
    return label, text[match.end() :]


def _add_steps(
    item: _Item, entries: Sequence[str], rating: str, fill: str | None
) -> list[int | None]:
    """Add the step paragraphs of one row; return, by position, the step each belongs to."""
    owners: list[int | None] = []
    pending: ActionLabel | None = None  # a label standing alone labels the next paragraph
    for text in entries:
        label, rest = _label(text)
        if not rest:
            pending = label or pending
            owners.append(owners[-1] if owners else None)
            continue
        if label is None and pending is None and item.steps and text[0].islower():
            item.steps[-1].description = f"{item.steps[-1].description} {text}"
        else:
            item.steps.append(_Step(rest, label or pending, rating=rating, fill=fill))
            pending = None
        owners.append(len(item.steps) - 1)
    return owners


def _free_step(item: _Item, start: int, attribute: str) -> _Step | None:
    """The first step from ``start`` on that has nothing in ``attribute`` yet."""
    for step in item.steps[start:]:
        if getattr(step, attribute) is None:
            return step
    return None


def _owner(owners: Sequence[int | None], position: int, fallback: int) -> int:
    """The step a paragraph at ``position`` of another column lines up with."""
    owner = owners[position] if position < len(owners) else None
    return fallback if owner is None else owner


class TableReader:
    """Folds the rows of one plan table (or several of the same shape) into items."""

    def __init__(self, columns: Columns, *, numbered: bool = True) -> None:
        self.columns = columns
        self.numbered = numbered and columns.ref is not None
        """Whether rows carry numbers; without, each row with an action is the next item."""
        self.items: list[_Item] = []
        self.skipped: list[str] = []
        self.section: str | None = None
        self.body_rows = 0

    def new_table(self, columns: Columns, section: str | None) -> None:
        """The rows that follow come from another table of the same kind."""
        self.columns = columns
        self.section = section

    def row(self, number: int, cells: Sequence[RowCell | None], distinct: int) -> None:
        """Read one body row: a cell per grid column (None where another cell spans it).

        ``distinct`` is how many distinct cells the row has; one, in a table of several
        columns, makes the row a section heading.
        """
        texts = [joined(c.entries) if c is not None else "" for c in cells]
        if not any(texts):
            return
        if tuple(texts) == self.columns.header[: len(texts)]:
            return  # the header row typed again on a later page
        self.body_rows += 1
        if distinct == 1 and len(self.columns.header) > 1:
            self.section = joined(texts)
            return
        cols = self.columns

        def cell(index: int | None) -> RowCell | None:
            return _cell(cells, index)

        def column(index: int | None) -> list[str]:
            found = cell(index)
            return found.entries if found is not None else []

        item = self._item(number, cells)
        if item is None:
            return
        item.rows.append(number)
        item.recommendation.append(joined(column(cols.recommendation)))
        lead_cell = cell(cols.lead)
        if lead_cell is not None and lead_cell.continued and not any(item.lead):
            item.lead.append(joined(lead_cell.shown))  # an owner merged down over its actions
        else:
            item.lead.append(joined(column(cols.lead)))
        rating = joined(column(cols.rating))
        item.rating.append(rating)
        row_fill = self._row_fill([c.fill if c is not None else None for c in cells])[0]
        time_frames = column(cols.time_frame)
        time_cell = cell(cols.time_frame)
        if not any(time_frames) and time_cell is not None and time_cell.continued:
            time_frames = list(time_cell.shown)  # a deadline merged down over its actions
        status_cell = cell(cols.lines)
        lines = _status_lines(status_cell) if status_cell is not None else []
        if cols.steps is None:
            item.time_frames.extend(t for t in time_frames if t)
            for text in (t for t in lines if t):
                self._status_paragraph(item, text, 0, number, implicit=True)
            return
        first_new = len(item.steps)
        owners = _add_steps(item, column(cols.steps), rating, row_fill)
        first_new = max(min(first_new, len(item.steps) - 1), 0)
        for position, text in enumerate(time_frames):
            if not text:
                continue
            step = _free_step(item, _owner(owners, position, first_new), "time_frame")
            if step is None:
                self.skipped.append(
                    f"row {number} (item {item.ref}): time frame {text!r} has no next step"
                )
            else:
                step.time_frame = text
        for position, text in enumerate(lines):
            if text:
                owner = _owner(owners, position, first_new)
                self._status_paragraph(item, text, owner, number, implicit=False)

    def _item(self, number: int, cells: Sequence[RowCell | None]) -> _Item | None:
        """The item this row starts or carries on; None (and a note) when there is none."""
        cols = self.columns
        if self.numbered:
            ref_cell = _cell(cells, cols.ref)
            ref = joined(ref_cell.entries).rstrip(".").strip() if ref_cell is not None else ""
            start = bool(ref)
        else:
            action = _cell(cells, cols.recommendation)
            start = action is not None and not action.continued and bool(joined(action.entries))
            ref = str(len(self.items) + 1)
        if start:
            fill, status = self._row_fill([c.fill if c is not None else None for c in cells])
            item = _Item(ref, self.section, fill, status)
            self.items.append(item)
            return item
        if self.items:
            return self.items[-1]
        what = "no item number" if self.numbered else "no action"
        self.skipped.append(f"row {number}: {what} and no item above it")
        return None

    def _status_paragraph(
        self, item: _Item, text: str, owner: int, number: int, *, implicit: bool
    ) -> None:
        match = _UPDATE.match(text)
        if match is not None:
            label = match.group(1)[:1].upper() + match.group(1)[1:].lower() + ":"
            item.updates.append(UpdateRead(label, text[match.end() :]))
            return
        if implicit:
            item.lines.append(text)
            return
        step = _free_step(item, owner, "status_line")
        if step is None:
            if not item.steps:
                item.lines.append(text)  # still tells the item's status
            self.skipped.append(f"row {number} (item {item.ref}): status {text!r} has no next step")
        else:
            step.status_line = text

    def _row_fill(self, fills: Sequence[str | None]) -> tuple[str | None, Status | None]:
        """The fill of the row that names a status, status cells first."""
        cols = self.columns
        order = [i for i in (cols.rating, cols.lines, cols.ref) if i is not None]
        order += [i for i in range(len(fills)) if i not in order]
        for index in order:
            fill = fills[index] if index < len(fills) else None
            status = status_from_fill(fill)
            if status is not None:
                return fill, status
        return None, None


def _cell(cells: Sequence[RowCell | None], index: int | None) -> RowCell | None:
    return cells[index] if index is not None and index < len(cells) else None


def _status_lines(cell: RowCell) -> list[str]:
    """The status column's paragraphs by position; an "Update:" paragraph keeps its line
    breaks as the lines of one update."""
    if cell.continued:
        return []
    lines: list[str] = []
    for para in cell.paragraphs:
        texts = [t for t in para if t]
        if len(para) > 1 and texts and _UPDATE.match(texts[0]):
            lines.append("\n".join(texts))
            lines.extend([""] * (len(para) - 1))  # keep the positions lined up
        else:
            lines.extend(para)
    return lines


def _finish(item: _Item, has_steps_column: bool, *, lines_first: bool = False) -> PlanItemRead:
    recommendation = joined(item.recommendation)
    rating = joined(item.rating)
    steps = []
    for s in item.steps:
        status, said = step_status(s.status_line, s.rating, s.fill, implicit=False)
        steps.append(
            NextStepRead(
                description=s.description,
                time_frame=s.time_frame,
                status=status,
                status_line=s.status_line,
                label=s.label,
                said=said,
            )
        )
    status = item.status or _status_from_words(item, steps, lines_first=lines_first)
    if not has_steps_column:
        line = joined(item.lines) or None
        step, said = step_status(line, rating, item.fill, implicit=True)
        steps = [
            NextStepRead(
                description=recommendation,
                time_frame="; ".join(item.time_frames) or None,
                status=step or status,
                status_line=line,
                label=None,
                said=said,
            )
        ]
    return PlanItemRead(
        ref=item.ref,
        recommendation=recommendation,
        lead=joined(item.lead) or None,
        status=status,
        fill=item.fill,
        section=item.section,
        next_steps=tuple(steps),
        updates=tuple(item.updates),
        rows=tuple(item.rows),
    )


def _status_from_words(
    item: _Item, steps: Sequence[NextStepRead], *, lines_first: bool = False
) -> Status | None:
    """Without a recognised fill: the rating words, an update, or the steps' one shared status.

    ``lines_first`` (plans with no shading at all, such as CSV) tries the status lines
    before an update, so an update only decides when the lines name no status.
    """
    rating = joined(item.rating)
    if rating and (found := words_status(rating)) is not None:
        return found
    if lines_first:
        found = _lines_status(item, steps)
        if found is None and item.updates:
            return Status.UPDATE_DUE
        return found
    if item.updates:
        return Status.UPDATE_DUE
    return _lines_status(item, steps)


def _lines_status(item: _Item, steps: Sequence[NextStepRead]) -> Status | None:
    """What the item's own status lines say, else the steps' one shared status."""
    line = joined(item.lines)
    if line:
        return words_status(line)
    statuses = {s.status for s in steps}
    if len(statuses) == 1 and steps:
        return statuses.pop()
    return None


def finished_items(
    name: str, reader: TableReader, *, lines_first: bool = False
) -> tuple[PlanItemRead, ...]:
    """The reader's items, finished; raises PlanReadError when the table gave none."""
    if not reader.items:
        problem = (
            "has no numbered items (the # column is empty)"
            if reader.body_rows
            else "has only its header row"
        )
        raise PlanReadError(f"{name}: the action-plan table {problem}")
    has_steps = reader.columns.steps is not None
    return tuple(_finish(item, has_steps, lines_first=lines_first) for item in reader.items)
