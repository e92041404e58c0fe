"""Action plans kept in Excel and saved as CSV: the same header words and row rules.

A cell's lines stand for its paragraphs; with no shading, a status comes from the words.
A quote that opens a cell and never closes is refused with the line it opens on, rather
than read as one item swallowing the rest of the file.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

from board_tui.readers.plan.columns import Columns, columns, role
from board_tui.readers.plan.model import PlanRead, PlanReadError
from board_tui.readers.plan.rows import RowCell, TableReader, finished_items
from board_tui.readers.word_package import collapse, joined, read_limited

__all__ = ["MAX_CSV_BYTES", "read_action_plan_csv"]

MAX_CSV_BYTES = 20 * 1024 * 1024
"""A .csv larger than this is refused before it is read."""


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
    header_index, found_columns = found
    body = rows[header_index + 1 :]
    numbered = found_columns.ref is not None and any(
        len(r) > found_columns.ref and r[found_columns.ref].strip() for r in body
    )
    reader = TableReader(found_columns, numbered=numbered)
    for index in range(header_index + 1, len(rows)):
        cells = rows[index]
        entries = [[collapse(line) for line in cell.splitlines()] for cell in cells]
        filled = [i for i, cell in enumerate(entries) if joined(cell)]
        section = filled == [0] and not _ITEM_NUMBER.fullmatch(joined(entries[0]))
        if numbered is False and section and found_columns.recommendation == 0:
            section = False  # without numbers, a lone first cell is an action, not a heading
        distinct = 1 if section else max(len(cells), 2)
        row_cells: list[RowCell | None] = [RowCell((tuple(e),)) for e in entries]
        reader.row(index - header_index + 1, row_cells, distinct)
    items = finished_items(name, reader, lines_first=True)
    title, introduction = _csv_title(rows[:header_index])
    return PlanRead(
        title=title or collapse(re.sub(r"[_-]+", " ", path.stem)) or None,
        introduction=introduction,
        legend=(),
        items=items,
        skipped=tuple(reader.skipped),
        layout="csv",
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
            width = sum(1 for text in found[1].header if role(text) is not None)
            if best is None or width > best[0]:
                best = (width, delimiter)
    delimiter = delimiters[0] if best is None else best[1]
    return _parse_csv(text, delimiter, name, None)


def _parse_csv(text: str, delimiter: str, name: str, non_blank: int | None) -> list[list[str]]:
    """All records, or the first up to ``non_blank`` non-blank ones (blank ones kept too).

    Read strictly: a quote that opens a cell and never closes, or a cell that goes on after
    its closing quote, is refused naming the line the record starts on.
    """
    rows: list[list[str]] = []
    seen = 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    started = 1
    try:
        for record in reader:
            rows.append(record)
            started = reader.line_num + 1
            if any(cell.strip() for cell in record):
                seen += 1
                if non_blank is not None and seen >= non_blank:
                    break
    except csv.Error as exc:
        if non_blank is not None:
            return rows  # only looking for the header: the full read says what is wrong
        if "end of data" in str(exc) or "newline inside string" in str(exc):
            raise PlanReadError(
                f'{name}: line {started}: a quote (") opens a cell that never closes;'
                " nothing imported"
            ) from None
        if '"' in str(exc) and reader.line_num > started:
            raise PlanReadError(
                f'{name}: line {started}: a quote (") opens a cell that does not close where'
                f" the cell ends (the record runs on to line {reader.line_num}); nothing imported"
            ) from None
        raise PlanReadError(
            f"{name}: line {reader.line_num}: damaged CSV ({collapse(str(exc))[:60]})"
        ) from None
    return rows


def _find_csv_header(rows: Sequence[Sequence[str]]) -> tuple[int, Columns] | None:
    """(index, columns) of the header row among the first non-blank rows."""
    seen = 0
    for index, row in enumerate(rows):
        if not any(cell.strip() for cell in row):
            continue
        found = columns([collapse(cell) for cell in row])
        if found is not None:
            return index, found
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
