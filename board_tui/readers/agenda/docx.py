"""A Word agenda: where its items are, and the front matter around them.

The items are looked for, in turn: in a table with agenda header words (in English,
Spanish, French or Welsh), in the document's numbered or bulleted list (or the paragraphs
under its "Agenda" heading), and in a table with a column of times. What stands before
them is the front sheet (board, date, start, venue, people); what follows may name the
next meeting. A template (placeholders instead of words) and a programme grid (parallel
sessions) are refused with a line saying so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from board_tui.readers.agenda.front_sheet import front_sheet
from board_tui.readers.agenda.items import Items
from board_tui.readers.agenda.lists import read_list_agenda
from board_tui.readers.agenda.marks import day_heading
from board_tui.readers.agenda.model import AgendaRead, AgendaReadError
from board_tui.readers.agenda.tables import AgendaTable, find_agenda_table, read_rows, refusal
from board_tui.readers.calendar import find_date
from board_tui.readers.templates import template_placeholders
from board_tui.readers.word_blocks import Para, Styles, body
from board_tui.readers.word_tables import Table, tables

__all__ = ["NOT_FOUND", "read_document"]

NOT_FOUND = (
    "no agenda found (looked for a table with columns like Item | Time | Presenter, or a "
    "column of times; a numbered or bulleted list of items; or paragraphs under an "
    '"Agenda" heading)'
)


def _year(blocks: Sequence[Para | Table]) -> int | None:
    """The year of the first date the document writes, for day headings without one."""
    for block in blocks:
        texts = [block.text] if isinstance(block, Para) else [
            cell.text for row in block.rows for cell in row.cells if cell is not None
        ]  # fmt: skip
        for text in texts:
            found = find_date(text)
            if found is not None:
                return found.date.year
    return None


def _containing(blocks: Sequence[Para | Table], tbl: Any) -> int:
    """The index of the body block that is or holds the table ``tbl``."""
    for index, block in enumerate(blocks):
        if isinstance(block, Table) and (
            block.element is tbl or any(inner is tbl for inner in block.element.iter(tbl.tag))
        ):
            return index
    return len(blocks)


def _all_text(blocks: Sequence[Para | Table]) -> list[str]:
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            texts.extend(block.lines)
        else:
            texts.extend(c.text for row in block.rows for c in row.cells if c is not None)
    return texts


def _template(name: str, blocks: Sequence[Para | Table]) -> AgendaReadError | None:
    placeholders = template_placeholders(_all_text(blocks))
    if not placeholders:
        return None
    shown = ", ".join(list(dict.fromkeys(placeholders))[:4])
    return AgendaReadError(
        f"{name}: a template, not an agenda: it holds placeholders ({shown}, …) "
        "where an agenda has items"
    )


def _joined(found: AgendaTable, blocks: Sequence[Para | Table], year: int | None) -> AgendaTable:
    """The agenda table with the tables after it that carry it on: only empty paragraphs
    or a day's heading may stand between them."""
    at = _containing(blocks, found.table.element)
    more: list[tuple[str | None, Table]] = []
    day: str | None = None
    for block in blocks[at + 1 :]:
        if isinstance(block, Para):
            if not block.lines:
                continue
            if day is None and day_heading(block.text, year):
                day = block.text
                continue
            break
        if not found.continues_in(block):
            break
        more.append((day, block))
        day = None
    return replace(found, more=tuple(more))


def _table_agenda(name: str, found: AgendaTable, styles: Styles, year: int | None) -> Items:
    problem = refusal(name, found)
    if problem is not None:
        raise AgendaReadError(problem)
    items = read_rows(name, found, styles, year)
    if not items.drafts:
        raise AgendaReadError(f"{name}: the agenda table has no items")
    return items


def read_document(document: Any, name: str) -> AgendaRead:
    """The agenda in an opened Word document; raises AgendaReadError when there is none."""
    candidates = tables(document.element.body)
    blocks = body(document, candidates)
    styles = Styles(document)
    year = _year(blocks)
    found = find_agenda_table(candidates)
    listed = None
    if found is None or found.columns.by_content:
        listed = read_list_agenda(blocks, year)
    if listed is not None and listed.items.drafts:
        problem = _template(name, blocks[listed.first : listed.last + 1])
        if problem is not None:
            raise problem
        before, after = blocks[: listed.first], blocks[listed.last + 1 :]
        items, layout = listed.items, listed.layout
    elif found is not None:
        found = _joined(found, blocks, year)
        items = _table_agenda(name, found, styles, year)
        at = _containing(blocks, found.table.element)
        end = _containing(blocks, found.more[-1][1].element) if found.more else at
        before, after, layout = blocks[:at], blocks[end + 1 :], "table"
    else:
        raise _template(name, blocks) or AgendaReadError(f"{name}: {NOT_FOUND}")
    sheet = front_sheet(before, after)
    return sheet.agenda(items.finished(), layout)
