"""Word tables as a grid of cells, read from the XML as Word lays them out.

python-docx's own table model misses what real documents hold: cells wrapped in content
controls (a common Word template puts every header cell in one), rows wrapped the same
way, and it cannot say which cell of a vertical merge a row is reading. Here each row is
a cell per grid column: a cell spanning columns stands in its first column (None in the
others), a cell continuing a vertical merge says so and points at the merge's top cell.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from board_tui.readers.word_package import (
    TBL,
    TC,
    TR,
    TRANSPARENT,
    P,
    W,
    blocks,
    joined,
    paragraph_entries,
)

__all__ = ["GridCell", "GridRow", "Table", "cell_fill", "is_top_level", "read_table", "tables"]

_MAX_SPAN = 64
"""A gridSpan beyond this is damage, not layout: it is read as 1."""
_UNREAD: Any = object()


@dataclass(frozen=True, eq=False)
class GridCell:
    """One cell of the grid: its paragraphs, shading and place in a vertical merge."""

    entries: tuple[str, ...]
    """Its paragraphs (and lines split at line breaks) in order, empty ones kept."""
    paragraphs: tuple[tuple[str, ...], ...]
    """The same lines, grouped by the paragraph they stand in."""
    fill: str | None
    """The shading as RRGGBB, upper case; None when there is none."""
    span: int
    """How many grid columns it covers."""
    continued: bool
    """It continues a vertical merge: Word shows the merge's top cell across it."""
    top: GridCell | None
    """For a continued cell, the cell the merge starts in."""
    element: Any
    text: str
    """The cell's words on one line."""

    @property
    def shown(self) -> str:
        """What a reader sees in the cell: the merge's text for a continued cell."""
        return self.top.text if self.continued and self.top is not None else self.text


@dataclass(frozen=True)
class GridRow:
    number: int
    """1-based, as a clerk counts the rows of the table (a header row is row 1)."""
    cells: tuple[GridCell | None, ...]
    """A cell per grid column; None for a column covered by the cell before it, or a gap."""

    @property
    def distinct(self) -> int:
        """How many cells the row has: one in a table of several columns is a row merged
        all across (a section or day heading)."""
        return sum(1 for cell in self.cells if cell is not None)

    def text(self, column: int | None) -> str:
        """The words of the cell standing in that column ("" for none or a continued cell)."""
        cell = self.cell(column)
        return "" if cell is None or cell.continued else cell.text

    def cell(self, column: int | None) -> GridCell | None:
        if column is None or not 0 <= column < len(self.cells):
            return None
        return self.cells[column]

    def texts(self) -> list[str]:
        """Each grid column's words, continued merges empty."""
        return [self.text(index) for index in range(len(self.cells))]


@dataclass(frozen=True)
class Table:
    element: Any
    rows: tuple[GridRow, ...]
    top_level: bool
    """Standing in the body, not nested in another table's cell."""
    width: int
    """The number of grid columns of its widest row."""


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """The children of ``parent`` with ``tag``, looking through content controls."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in TRANSPARENT:
            yield from _children(child, tag)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def cell_fill(tc: Any, tc_pr: Any = _UNREAD) -> str | None:
    """The cell's shading as RRGGBB, or None for none, "auto" and "nil"."""
    tc_pr = tc.find(f"{W}tcPr") if tc_pr is _UNREAD else tc_pr
    shd = None if tc_pr is None else tc_pr.find(f"{W}shd")
    fill = None if shd is None else shd.get(f"{W}fill")
    if not fill or fill.lower() in ("auto", "none", "nil"):
        return None
    return str(fill).upper()


def _vmerge(tc_pr: Any) -> str | None:
    """ "restart", "continue" or None for a cell outside any vertical merge."""
    merge = None if tc_pr is None else tc_pr.find(f"{W}vMerge")
    if merge is None:
        return None
    return "restart" if merge.get(f"{W}val") == "restart" else "continue"


def read_table(tbl: Any, *, top_level: bool = True) -> Table:
    """The table's rows as a grid of cells."""
    rows: list[GridRow] = []
    tops: dict[int, GridCell] = {}  # grid column -> the cell a vertical merge there starts in
    for number, tr in enumerate(_children(tbl, TR), start=1):
        before = tr.find(f"{W}trPr/{W}gridBefore")
        column = min(max(_int(None if before is None else before.get(f"{W}val"), 0), 0), _MAX_SPAN)
        cells: list[GridCell | None] = [None] * column
        for tc in _children(tr, TC):
            tc_pr = tc.find(f"{W}tcPr")
            span_el = None if tc_pr is None else tc_pr.find(f"{W}gridSpan")
            span = _int(None if span_el is None else span_el.get(f"{W}val"), 1)
            span = span if 1 <= span <= _MAX_SPAN else 1
            merge = _vmerge(tc_pr)
            top = tops.get(column) if merge == "continue" else None
            paragraphs = tuple(
                tuple(paragraph_entries(block)) for block in blocks(tc) if block.tag == P
            )
            entries = tuple(line for para in paragraphs for line in para)
            cell = GridCell(
                entries=entries,
                paragraphs=paragraphs,
                fill=cell_fill(tc, tc_pr),
                span=span,
                continued=top is not None,
                top=top,
                element=tc,
                text=joined(entries),
            )
            if merge == "restart" or (merge == "continue" and top is None):
                tops[column] = cell
            elif merge is None:
                tops.pop(column, None)
            cells.append(cell)
            cells.extend([None] * (span - 1))
            column += span
        rows.append(GridRow(number, tuple(cells)))
    width = max((len(row.cells) for row in rows), default=0)
    return Table(tbl, tuple(rows), top_level, width)


def is_top_level(tbl: Any, body: Any) -> bool:
    """Whether the table stands in the body (not nested in another table's cell)."""
    parent = tbl.getparent()
    while parent is not None and parent.tag in TRANSPARENT:
        parent = parent.getparent()
    return parent is body


def tables(body: Any) -> list[Table]:
    """Every table in the body, in document order, nested ones included."""
    return [read_table(tbl, top_level=is_top_level(tbl, body)) for tbl in body.iter(TBL)]


def header_rows(table: Table, limit: int = 3) -> Sequence[GridRow]:
    """The rows a header is looked for in: a title row may stand above it."""
    return table.rows[:limit]
