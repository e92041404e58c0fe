"""Plan tables in a Word document: the plan table, the tables that carry it on, the legend.

Every table whose header (in its first rows) names an action column is read; tables of the
same kind are joined in document order (minutes hold one "Action items" table per agenda
item), each taking as its section the agenda item named just above it. A small table of
shaded cells with words is the colour legend.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from board_tui.domain.model import LegendEntry
from board_tui.domain.statuses import status_from_fill
from board_tui.readers.calendar import fold
from board_tui.readers.plan.columns import Columns, columns
from board_tui.readers.plan.rows import RowCell, TableReader
from board_tui.readers.word_blocks import Para
from board_tui.readers.word_package import collapse
from board_tui.readers.word_tables import GridRow, Table

__all__ = ["PlanTable", "block_index", "find_plan_tables", "legend", "read_tables"]

_HEADER_SEARCH_ROWS = 3
_LEGEND_MAX_ROWS = 12
_ITEM_LABEL = re.compile(
    r"^(?:agenda\s+item|item|topic|subject|tema|punto|sujet|point|eitem|pwnc)\s*:?$"
)


@dataclass(frozen=True)
class PlanTable:
    table: Table
    header_index: int
    columns: Columns


def _header(table: Table) -> PlanTable | None:
    for index, row in enumerate(table.rows[:_HEADER_SEARCH_ROWS]):
        found = columns(row.texts())
        if found is not None:
            return PlanTable(table, index, found)
    return None


def _kind(found: Columns) -> tuple[bool, ...]:
    """Which roles a table has: tables of one kind are joined."""
    roles = (found.ref, found.lead, found.steps, found.time_frame, found.lines, found.rating)
    return tuple(index is not None for index in roles)


def find_plan_tables(tables: Sequence[Table]) -> list[PlanTable]:
    """The plan table (tables in the body before those nested in a layout table) and the
    tables of the same kind after it, in document order."""
    ordered = [t for t in tables if t.top_level] + [t for t in tables if not t.top_level]
    found = [plan for plan in (_header(t) for t in ordered) if plan is not None]
    if not found:
        return []
    first = found[0]
    same = [p for p in found if _kind(p.columns) == _kind(first.columns)]
    position = {id(t): i for i, t in enumerate(tables)}
    return sorted(same, key=lambda p: position[id(p.table)])


def _cells(row: GridRow) -> list[RowCell | None]:
    cells: list[RowCell | None] = []
    for cell in row.cells:
        if cell is None:
            cells.append(None)
            continue
        top = cell.top.entries if cell.top is not None else ()
        cells.append(RowCell(cell.paragraphs, cell.fill, cell.continued, tuple(top)))
    return cells


def _numbered(plans: Sequence[PlanTable]) -> bool:
    """Whether the number column holds numbers (an empty one is read as none at all)."""
    for plan in plans:
        ref = plan.columns.ref
        if ref is None:
            return False
        for row in plan.table.rows[plan.header_index + 1 :]:
            if row.text(ref).strip() and row.distinct > 1:
                return True
    return False


def _section_before(blocks: Sequence[Para | Table], table: Table, since: int) -> str | None:
    """The agenda item named above ``table`` (after block ``since``): "Agenda item: X" in a
    layout table's row or a paragraph, or a heading."""
    at = block_index(blocks, table)
    if at is None:
        return None
    between = list(reversed(blocks[since + 1 : at]))
    for block in between:
        lines = (
            [[c.text for c in row.cells if c is not None] for row in block.rows]
            if isinstance(block, Table)
            else [[line] for line in block.lines]
        )
        for texts in lines:
            for index, text in enumerate(texts):
                label, _, rest = text.partition(":")
                if _ITEM_LABEL.match(fold(collapse(label)) + ":"):
                    value = rest.strip() or (texts[index + 1] if index + 1 < len(texts) else "")
                    if value.strip():
                        return collapse(value)
    for block in between:
        if (
            isinstance(block, Para)
            and block.heading is not None
            and block.lines
            and not block.text.rstrip().endswith(":")
        ):
            return collapse(block.text)
    return None


def read_tables(plans: Sequence[PlanTable], blocks: Sequence[Para | Table]) -> TableReader:
    """The items of the plan tables, read in order into one reader."""
    reader = TableReader(plans[0].columns, numbered=_numbered(plans))
    since = -1
    for plan in plans:
        section = _section_before(blocks, plan.table, since) if len(plans) > 1 else None
        reader.new_table(plan.columns, section)
        for row in plan.table.rows[plan.header_index + 1 :]:
            reader.row(row.number, _cells(row), row.distinct)
        found = block_index(blocks, plan.table)
        since = found if found is not None else since
    return reader


def block_index(blocks: Sequence[Para | Table], table: Table) -> int | None:
    """The index of the body block that is, or holds, ``table``."""
    for index, block in enumerate(blocks):
        if isinstance(block, Table) and (
            block.element is table.element
            or any(inner is table.element for inner in block.element.iter(table.element.tag))
        ):
            return index
    return None


def legend(tables: Sequence[Table]) -> list[LegendEntry]:
    """The colour legend: shaded cells with a status colour and the words beside them."""
    entries: list[LegendEntry] = []
    for table in tables:
        if len(table.rows) > _LEGEND_MAX_ROWS:
            continue
        for row in table.rows:
            cells = [c for c in row.cells if c is not None]
            for index, cell in enumerate(cells):
                status = status_from_fill(cell.fill)
                if cell.fill is None or status is None:
                    continue
                label = cell.text
                if not label and index + 1 < len(cells):
                    label = cells[index + 1].text
                entry = LegendEntry(status, label, cell.fill)
                if label and entry not in entries:
                    entries.append(entry)
    return entries
