"""Reading a Word action plan into plain values, ready to be written to the store.

A clerk's action plan is a table with a header row (``# | Recommendation | Lead |
Next steps | Time frame | Status``, in any order and in many wordings), several
paragraphs per cell lined up by position, shaded cells for the status, rows that broke
across a page and were retyped without their number, and full-width rows that head a
section. :func:`read_action_plan` reads all of that and nothing else: it writes nothing.

Bad input never ends in a traceback: it raises :class:`PlanReadError`, whose message is
one line naming the file and the problem. python-docx is imported only when a file is read.

Clerks also keep plans in Excel and export them as CSV: :func:`read_action_plan_csv`
reads those with the same header words and the same row rules (a cell's lines stand for
its paragraphs; with no shading, the status comes from the words).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import ActionLabel, LegendEntry
from board_tui.domain.statuses import Status, status_from_fill, status_from_words
from board_tui.readers.word_package import (
    MAX_UNCOMPRESSED_BYTES,
    TC,
    TR,
    P,
    W,
    blocks,
    cell_entries,
    check_package,
    collapse,
    joined,
    paragraph_entries,
    read_limited,
    read_word,
    refuse_entities,
    style_name,
)
from board_tui.readers.word_tables import tables as word_tables

__all__ = [
    "MAX_CSV_BYTES",
    "MAX_UNCOMPRESSED_BYTES",
    "NextStepRead",
    "PlanItemRead",
    "PlanRead",
    "PlanReadError",
    "UpdateRead",
    "read_action_plan",
    "read_action_plan_csv",
]

MAX_CSV_BYTES = 20 * 1024 * 1024
"""A .csv larger than this is refused before it is read."""

_LEGEND_MAX_ROWS = 12


class PlanReadError(BoardTuiError):
    """The file is not an action plan that can be read; the message names file and problem."""


@dataclass(frozen=True)
class NextStepRead:
    """One next step of a plan item, with what the plan says of it at the same position."""

    description: str
    time_frame: str | None
    """Exactly as typed: "End of Nov 22", "Feb Board 23", "TBC"."""
    status: Status | None
    """What :attr:`status_line` says, when its words name a status."""
    status_line: str | None
    label: ActionLabel | None
    """A "NEW ACTION:" or "Revised Action:" lead-in, stripped from the description."""


@dataclass(frozen=True)
class UpdateRead:
    """An "Update:" paragraph in the status column: news on the item, not a step's status."""

    label: str
    body: str


@dataclass(frozen=True)
class PlanItemRead:
    """One numbered recommendation, with its continuation rows folded in."""

    ref: str
    recommendation: str
    lead: str | None
    status: Status | None
    fill: str | None
    """The hex shading (RRGGBB) of the item's numbered row that gave its status."""
    section: str | None
    next_steps: tuple[NextStepRead, ...]
    updates: tuple[UpdateRead, ...]
    rows: tuple[int, ...]
    """The 1-based rows of the table it came from (the header row is row 1)."""


@dataclass(frozen=True)
class PlanRead:
    title: str | None
    introduction: str | None
    """The paragraphs between the title and the plan table, separated by blank lines."""
    legend: tuple[LegendEntry, ...]
    items: tuple[PlanItemRead, ...]
    skipped: tuple[str, ...]
    """One line for each thing in the table that could not be placed."""


# -- Column roles ---------------------------------------------------------------------------

_REF, _RECOMMENDATION, _LEAD, _STEPS, _TIME_FRAME, _STATUS = (
    "ref",
    "recommendation",
    "lead",
    "steps",
    "time_frame",
    "status",
)

_REF_HEADER = re.compile(
    r"(#|no\.?|nos?\.?|num(ber)?|ref(erence)?\.?( ?(no\.?|#|number))?|item( ?(no\.?|#))?|id)",
    re.IGNORECASE,
)
_STATUS_HEADER = re.compile(
    r"\b(status|update[sd]?|progress|rag|rating|on track|on-track)\b", re.IGNORECASE
)
_RATING_HEADER = re.compile(r"\b(rag|rating)\b|^status$", re.IGNORECASE)
_STEPS_HEADER = re.compile(r"\bnext steps?\b", re.IGNORECASE)
_TIME_FRAME_HEADER = re.compile(
    r"\b(time ?frames?|time ?scales?|due|deadlines?|dates?|by when|target)\b", re.IGNORECASE
)
_LEAD_HEADER = re.compile(r"\b(lead|leads|owners?|responsible|responsibility|who)\b", re.IGNORECASE)
_RECOMMENDATION_HEADER = re.compile(
    r"\b(recommendations?|actions?|descriptions?|objectives?)\b", re.IGNORECASE
)

_LABELS = re.compile(r"^(new action|revised action)\s*:\s*", re.IGNORECASE)
_UPDATE = re.compile(r"^(update)\s*:\s*", re.IGNORECASE)


def _role(header: str) -> str | None:
    """Which column a header names; the status words are tried first ("Is the action on track")."""
    text = collapse(header)
    if not text:
        return None
    if _REF_HEADER.fullmatch(text):
        return _REF
    for pattern, role in (
        (_STATUS_HEADER, _STATUS),
        (_STEPS_HEADER, _STEPS),
        (_TIME_FRAME_HEADER, _TIME_FRAME),
        (_LEAD_HEADER, _LEAD),
        (_RECOMMENDATION_HEADER, _RECOMMENDATION),
    ):
        if pattern.search(text):
            return role
    return None


@dataclass(frozen=True)
class _Columns:
    """Grid column indexes of each role in the plan table."""

    ref: int
    recommendation: int
    lead: int | None
    steps: int | None
    time_frame: int | None
    lines: int | None
    """The status column read paragraph by paragraph, lined up with the next steps."""
    rating: int | None
    """An item-level RAG rating column, when the table has one beside a progress column."""
    header: tuple[str, ...]


def _columns(header: Sequence[str | None]) -> _Columns | None:
    found: dict[str, int] = {}
    statuses: list[int] = []
    for index, text in enumerate(header):
        role = _role(text or "")
        if role == _STATUS:
            statuses.append(index)
        elif role is not None and role not in found:
            found[role] = index
    if _REF not in found or _RECOMMENDATION not in found:
        return None
    rating: int | None = None
    lines: int | None = statuses[0] if statuses else None
    if len(statuses) > 1:
        ratings = [i for i in statuses if _RATING_HEADER.search(collapse(header[i] or ""))]
        if ratings:
            rating = ratings[0]
            lines = next(i for i in statuses if i != rating)
    return _Columns(
        ref=found[_REF],
        recommendation=found[_RECOMMENDATION],
        lead=found.get(_LEAD),
        steps=found.get(_STEPS),
        time_frame=found.get(_TIME_FRAME),
        lines=lines,
        rating=rating,
        header=tuple(collapse(text or "") for text in header),
    )


# -- Text -------------------------------------------------------------------------------------


def _cell_fill(tc: Any) -> str | None:
    tc_pr = tc.find(f"{W}tcPr")
    shd = None if tc_pr is None else tc_pr.find(f"{W}shd")
    fill = None if shd is None else shd.get(f"{W}fill")
    if not fill or fill.lower() in ("auto", "none"):
        return None
    return str(fill).upper()


# -- Items ------------------------------------------------------------------------------------


@dataclass
class _Step:
    description: str
    label: ActionLabel | None
    time_frame: str | None = None
    status_line: str | None = None


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


def _add_steps(item: _Item, entries: Sequence[str]) -> list[int | None]:
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
            item.steps.append(_Step(rest, label or pending))
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


class _TableReader:
    """Folds the rows of the plan table into items."""

    def __init__(self, columns: _Columns) -> None:
        self.columns = columns
        self.items: list[_Item] = []
        self.skipped: list[str] = []
        self.section: str | None = None
        self.body_rows = 0

    def row(self, number: int, cells: Sequence[Any | None], distinct: int) -> None:
        """Read one body row: a ``w:tc`` per grid column, None where read already."""
        entries = [[] if tc is None else cell_entries(tc) for tc in cells]
        fills = [None if tc is None else _cell_fill(tc) for tc in cells]
        self.entries_row(number, entries, fills, distinct)

    def entries_row(
        self,
        number: int,
        entries: Sequence[Sequence[str]],
        fills: Sequence[str | None],
        distinct: int,
    ) -> None:
        """Read one body row given as each column's paragraphs and shading.

        ``distinct`` is how many distinct cells the row has; one, in a table of several
        columns, makes the row a section heading.
        """
        texts = [joined(e) for e in entries]
        if not any(texts):
            return
        if tuple(texts) == self.columns.header[: len(texts)]:
            return  # the header row typed again on a later page
        self.body_rows += 1
        if distinct == 1 and len(self.columns.header) > 1:
            self.section = joined(texts)
            return
        cols = self.columns

        def column(index: int | None) -> Sequence[str]:
            return entries[index] if index is not None and index < len(entries) else []

        ref = joined(column(cols.ref)).rstrip(".").strip()
        if ref:
            item = _Item(ref, self.section, *self._row_status(fills))
            self.items.append(item)
        elif self.items:
            item = self.items[-1]
        else:
            self.skipped.append(f"row {number}: no item number and no item above it")
            return
        item.rows.append(number)
        item.recommendation.append(joined(column(cols.recommendation)))
        item.lead.append(joined(column(cols.lead)))
        item.rating.append(joined(column(cols.rating)))
        time_frames = column(cols.time_frame)
        lines = column(cols.lines)
        if cols.steps is None:
            item.time_frames.extend(t for t in time_frames if t)
            for text in (t for t in lines if t):
                self._status_paragraph(item, text, 0, number, implicit=True)
            return
        first_new = len(item.steps)
        owners = _add_steps(item, column(cols.steps))
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

    def _row_status(self, fills: Sequence[str | None]) -> tuple[str | None, Status | None]:
        """The fill of the numbered row that names a status, status cells first."""
        cols = self.columns
        order = [i for i in (cols.rating, cols.lines, cols.ref) if i is not None]
        order += [i for i in range(len(fills)) if i not in order]
        for index in order:
            fill = fills[index] if index < len(fills) else None
            status = status_from_fill(fill)
            if status is not None:
                return fill, status
        return None, None


def _finish(item: _Item, has_steps_column: bool, *, lines_first: bool = False) -> PlanItemRead:
    recommendation = joined(item.recommendation)
    steps = [
        NextStepRead(
            description=s.description,
            time_frame=s.time_frame,
            status=status_from_words(s.status_line) if s.status_line else None,
            status_line=s.status_line,
            label=s.label,
        )
        for s in item.steps
    ]
    status = item.status or _status_from_words(item, steps, lines_first=lines_first)
    if not has_steps_column:
        line = joined(item.lines) or None
        steps = [
            NextStepRead(
                description=recommendation,
                time_frame="; ".join(item.time_frames) or None,
                status=(status_from_words(line) if line else None) or status,
                status_line=line,
                label=None,
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
    if rating and (found := status_from_words(rating)) is not None:
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
        return status_from_words(line)
    statuses = {s.status for s in steps}
    if len(statuses) == 1 and steps:
        return statuses.pop()
    return None


def _finished_items(
    name: str, reader: _TableReader, *, lines_first: bool = False
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


# -- The document -----------------------------------------------------------------------------


def _legend(tables: Sequence[Any]) -> list[LegendEntry]:
    entries: list[LegendEntry] = []
    for table in tables:
        rows = table.findall(TR)
        if len(rows) > _LEGEND_MAX_ROWS:
            continue
        for tr in rows:
            tcs = tr.findall(TC)
            for index, tc in enumerate(tcs):
                fill = _cell_fill(tc)
                status = status_from_fill(fill)
                if fill is None or status is None:
                    continue
                label = joined(cell_entries(tc))
                if not label and index + 1 < len(tcs):
                    label = joined(cell_entries(tcs[index + 1]))
                entry = LegendEntry(status, label, fill)
                if label and entry not in entries:
                    entries.append(entry)
    return entries


def _title_and_introduction(document: Any, plan_tbl: Any) -> tuple[str | None, str | None]:
    from docx.text.paragraph import Paragraph

    paragraphs: list[tuple[str, str]] = []
    for block in blocks(document.element.body):
        if block is plan_tbl:
            break
        if block.tag == P:
            text = joined(paragraph_entries(block))
            if text:
                paragraphs.append((style_name(Paragraph(block, document._body)), text))
    title_at = next((i for i, (s, _) in enumerate(paragraphs) if s == "Title"), None)
    if title_at is None:
        title_at = next((i for i, (s, _) in enumerate(paragraphs) if s.startswith("Heading")), None)
    title = None if title_at is None else paragraphs[title_at][1]
    start = 0 if title_at is None else title_at + 1
    intro = [
        text
        for style, text in paragraphs[start:]
        if style != "Title" and not style.startswith("Heading")
    ]
    return title, "\n\n".join(intro) or None


def read_action_plan(path: Path) -> PlanRead:
    """Read the action plan in a .docx (or a .csv); raises PlanReadError for anything else."""
    path = Path(path)
    if path.name.lower().endswith(".csv"):
        return read_action_plan_csv(path)
    check_package(path, PlanReadError)
    refuse_entities(path, PlanReadError)  # else lxml drops an entity's text without a word
    return read_word(path, PlanReadError, _read)


def _read(document: Any, name: str) -> PlanRead:
    grids = word_tables(document.element.body)
    found = None
    for grid in [g for g in grids if g.top_level] + [g for g in grids if not g.top_level]:
        for index, grid_row in enumerate(grid.rows[:3]):
            columns_found = _columns(grid_row.texts())
            if columns_found is not None:
                found = (grid, index, columns_found)
                break
        if found is not None:
            break
    if found is None:
        raise PlanReadError(
            f"{name}: no action-plan table found "
            "(looked for columns like # | Recommendation | Lead | Next steps | Time frame | Status)"
        )
    plan, header_index, columns = found
    reader = _TableReader(columns)
    for grid_row in plan.rows[header_index + 1 :]:
        cells = [None if c is None or c.continued else c.element for c in grid_row.cells]
        reader.row(grid_row.number, cells, grid_row.distinct)
    items = _finished_items(name, reader)
    title, introduction = _title_and_introduction(document, plan.element)
    legend = _legend([t.element for t in grids if t is not plan])
    return PlanRead(
        title=title,
        introduction=introduction,
        legend=tuple(legend),
        items=items,
        skipped=tuple(reader.skipped),
    )


# -- CSV --------------------------------------------------------------------------------------

_CSV_DELIMITERS = (",", ";", "\t")
_CSV_HEADER_SEARCH_ROWS = 6
"""Non-blank rows searched for the header: a title, a subtitle or a note may come first."""
_EXCEL_SEP = re.compile(r"sep=(.)")
_ITEM_NUMBER = re.compile(r"[A-Za-z]?\d+(\.\d+)*[A-Za-z]?[.)]?")


def read_action_plan_csv(path: Path) -> PlanRead:
    """Read an action plan saved as CSV; raises PlanReadError for anything that is not one.

    The columns are found by their header words as in a Word plan; a cell's lines are
    read as its paragraphs. A row whose only text is in its first cell, and is not an item
    number, heads a section. The title is a lone cell above the header, else the file name.
    """
    path = Path(path)
    name = path.name
    text = _csv_text(path)
    rows = _csv_rows(text, name)
    found = _find_csv_header(rows)
    if found is None:
        raise PlanReadError(
            f"{name}: no action-plan header row found "
            "(looked for columns like # | Recommendation | Lead | Next steps | Time frame | Status)"
        )
    header_index, columns = found
    reader = _TableReader(columns)
    for index in range(header_index + 1, len(rows)):
        cells = rows[index]
        entries = [[collapse(line) for line in cell.splitlines()] for cell in cells]
        filled = [i for i, cell in enumerate(entries) if joined(cell)]
        section = filled == [0] and not _ITEM_NUMBER.fullmatch(joined(entries[0]))
        distinct = 1 if section else max(len(cells), 2)
        reader.entries_row(index - header_index + 1, entries, [None] * len(cells), distinct)
    items = _finished_items(name, reader, lines_first=True)
    title, introduction = _csv_title(rows[:header_index])
    return PlanRead(
        title=title or collapse(re.sub(r"[_-]+", " ", path.stem)) or None,
        introduction=introduction,
        legend=(),
        items=items,
        skipped=tuple(reader.skipped),
    )


def _csv_text(path: Path) -> str:
    """The file's text: refused by size before it is read, and if it holds NUL bytes."""
    name = path.name
    data = read_limited(path, PlanReadError, MAX_CSV_BYTES, "CSV text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")  # what Excel on Windows writes for "CSV"
        except UnicodeDecodeError:
            raise PlanReadError(f"{name}: not UTF-8 or Windows-1252 text") from None
    if not text.strip():
        raise PlanReadError(f"{name}: empty file")
    return text


def _csv_rows(text: str, name: str) -> list[list[str]]:
    """The records of the file, split at the delimiter whose split shows a plan header."""
    first_line, _, rest = text.partition("\n")
    excel_sep = _EXCEL_SEP.fullmatch(first_line.strip())
    if excel_sep is not None:  # Excel's own hint, "sep=;", on a line of its own
        delimiters: tuple[str, ...] = (excel_sep.group(1),)
        text = rest
    else:
        delimiters = _CSV_DELIMITERS
    best: tuple[int, str] | None = None
    for delimiter in delimiters:
        found = _find_csv_header(_parse_csv(text, delimiter, name, _CSV_HEADER_SEARCH_ROWS))
        if found is not None:
            width = sum(1 for role in found[1].header if _role(role) is not None)
            if best is None or width > best[0]:
                best = (width, delimiter)
    delimiter = delimiters[0] if best is None else best[1]
    return _parse_csv(text, delimiter, name, None)


def _parse_csv(text: str, delimiter: str, name: str, non_blank: int | None) -> list[list[str]]:
    """All records, or the first up to ``non_blank`` non-blank ones (blank ones kept too)."""
    rows: list[list[str]] = []
    seen = 0
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(record)
            if any(cell.strip() for cell in record):
                seen += 1
                if non_blank is not None and seen >= non_blank:
                    break
    except csv.Error as exc:
        raise PlanReadError(f"{name}: damaged CSV ({collapse(str(exc))[:80]})") from None
    return rows


def _find_csv_header(rows: Sequence[Sequence[str]]) -> tuple[int, _Columns] | None:
    """(index, columns) of the header row among the first non-blank rows."""
    seen = 0
    for index, row in enumerate(rows):
        if not any(cell.strip() for cell in row):
            continue
        columns = _columns([collapse(cell) for cell in row])
        if columns is not None:
            return index, columns
        seen += 1
        if seen >= _CSV_HEADER_SEARCH_ROWS:
            break
    return None


def _csv_title(rows: Sequence[Sequence[str]]) -> tuple[str | None, str | None]:
    """The first lone cell above the header is the title; any others, the introduction."""
    lone: list[str] = []
    for row in rows:
        texts = [collapse(cell) for cell in row if cell.strip()]
        if len(texts) == 1:
            lone.append(texts[0])
    if not lone:
        return None, None
    return lone[0], "\n\n".join(lone[1:]) or None
