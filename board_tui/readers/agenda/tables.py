"""Agenda tables: finding the table, and reading its rows into items.

A row is an item, a note on the item above (an unnumbered row in a numbered table, an
italic row, a row that broke across a page), a Part 2 section heading, or a day's heading
(a row merged all across: "DAY 2"). A session column ("Session | Time | Speaker | Title")
makes each session an item and its talks sub-items; a row with a time and a speaker but
no title is a talk of its own, not a note. A table of parallel sessions (a programme grid:
several sessions in one time slot) is refused, as is a template whose cells are field names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from board_tui.domain.times import duration, is_no_time
from board_tui.readers.agenda.columns import (
    DURATION,
    END,
    GROUP,
    NUMBER,
    PAGES,
    PRESENTER,
    TIME,
    TITLE,
    Columns,
    content_columns,
    header_columns,
)
from board_tui.readers.agenda.items import Draft, Items
from board_tui.readers.agenda.marks import (
    day_heading,
    is_letter_label,
    number_depth,
    section,
    split_number,
    strict_section,
)
from board_tui.readers.agenda.model import AgendaReadError
from board_tui.readers.clock import Clock, read_clock
from board_tui.readers.templates import template_placeholders
from board_tui.readers.word_blocks import Styles, cell_paragraphs
from board_tui.readers.word_package import collapse, joined
from board_tui.readers.word_tables import GridCell, GridRow, Table

__all__ = ["AgendaTable", "find_agenda_table", "read_rows"]

_HEADER_SEARCH_ROWS = 3
_PLACEHOLDER_TITLES = {"tbd", "tbc", "tba", "-", "--", "n/a", "?"}
_NOTE_START = ("note", "please note", "nb", "n.b.", "nota", "remarque")


@dataclass(frozen=True)
class AgendaTable:
    table: Table
    columns: Columns
    more: tuple[tuple[str | None, Table], ...] = ()
    """Tables that carry the agenda on (the next day's, the next page's), each with the
    day heading standing above it."""

    def continues_in(self, table: Table) -> bool:
        """Whether ``table`` carries this agenda on: the same columns, and the same header
        or the same column of times."""
        if table.width != self.table.width:
            return False
        if not self.columns.by_content:
            header_row = self.columns.header_row or 0
            rows = table.rows[header_row : header_row + 1]
            return bool(rows) and tuple(rows[0].texts()) == self.columns.header
        other = content_columns(table)
        return other is not None and (
            other.roles.get(TIME),
            other.roles.get(TITLE),
        ) == (self.columns.roles.get(TIME), self.columns.roles.get(TITLE))


def find_agenda_table(candidates: Sequence[Table]) -> AgendaTable | None:
    """The agenda table: the first with an agenda header (tables in the body before those
    nested in a layout table's cell), else the first with a column of times."""
    ordered = [t for t in candidates if t.top_level] + [t for t in candidates if not t.top_level]
    for table in ordered:
        for index, row in enumerate(table.rows[:_HEADER_SEARCH_ROWS]):
            columns = header_columns(row.texts(), index)
            if columns is not None:
                return AgendaTable(table, columns)
    for table in ordered:
        columns = content_columns(table)
        if columns is not None:
            return AgendaTable(table, columns)
    return None


def refusal(name: str, found: AgendaTable) -> str | None:
    """Why the table is not an agenda to import (a template, a programme grid), or None."""
    rows = found.table.rows[(found.columns.header_row or -1) + 1 :]
    cells = [cell.text for row in rows for cell in row.cells if cell is not None]
    placeholders = template_placeholders(cells)
    if placeholders:
        shown = ", ".join(dict.fromkeys(placeholders[:4]))
        return (
            f"{name}: a template, not an agenda: its cells hold placeholders ({shown}, …) "
            "where an agenda has items"
        )
    parallel = _parallel_rows(found)
    if parallel:
        return (
            f"{name}: a programme grid, not an agenda: rows {', '.join(map(str, parallel[:3]))}"
            " hold several sessions at the same time (looked for one item after another)"
        )
    return None


def _parallel_rows(found: AgendaTable) -> list[int]:
    """Rows where several cells outside the table's known columns hold titles at once."""
    used = set(found.columns.roles.values()) - {found.columns.roles.get(TITLE)}
    rows: list[int] = []
    width = found.table.width
    for row in found.table.rows[(found.columns.header_row or -1) + 1 :]:
        if width > 1 and row.distinct == 1:
            continue
        texts = [
            cell.text
            for index, cell in enumerate(row.cells)
            if cell is not None
            and index not in used
            and cell.text
            and read_clock(cell.text) is None
        ]
        if len(texts) >= 3:
            rows.append(row.number)
    return rows if len(rows) >= 2 else []


def _italic(cell: GridCell | None, styles: Styles) -> bool:
    if cell is None:
        return False
    paras = [p for p in cell_paragraphs(cell.element, styles) if p.lines]
    return bool(paras) and all(p.italic for p in paras)


def _bold(cell: GridCell | None, styles: Styles) -> bool:
    if cell is None:
        return False
    paras = [p for p in cell_paragraphs(cell.element, styles) if p.lines]
    return bool(paras) and all(p.bold for p in paras)


class _RowReader:
    """Reads the body rows of the agenda table into :class:`Items`."""

    def __init__(self, name: str, found: AgendaTable, styles: Styles, year: int | None) -> None:
        self.name = name
        self.columns = found.columns
        self.table = found.table
        self.styles = styles
        self.year = year
        self.items = Items()
        self.group: Draft | None = None
        self.numbered = self._numbered()
        self.timed = self._timed()

    def _titles(self, row: GridRow) -> list[str]:
        if TITLE in self.columns.roles:
            return self.columns.entries(TITLE, row)
        known = set(self.columns.roles.values())
        for index, cell in enumerate(row.cells):
            if cell is not None and index not in known and not cell.continued and cell.text:
                return [e for e in cell.entries if e]
        return []

    def _numbered(self) -> bool:
        """Whether the items of this table carry numbers (so an unnumbered row is a note)."""
        if NUMBER in self.columns.roles:
            return True
        titled = numbered = 0
        for row in self._body():
            titles = self._titles(row)
            if titles:
                titled += 1
                split = split_number(titles[0])
                numbered += split is not None and not is_letter_label(split[0])
        return titled > 0 and numbered * 2 >= titled

    def _timed(self) -> bool:
        """Whether most titled rows have a time (so an untimed row is a note on the one above)."""
        column = self.columns.roles.get(TIME)
        if column is None:
            return False
        if self.columns.by_content:
            return True  # the column of times is what makes it an agenda
        rows = [row for row in self._body() if self._titles(row)]
        timed = sum(1 for row in rows if read_clock(row.text(column)) is not None)
        return bool(rows) and timed * 2 >= len(rows)

    def _body(self) -> list[GridRow]:
        return list(self.table.rows[(self.columns.header_row or -1) + 1 :])

    def read(self, more: Sequence[tuple[str | None, Table]]) -> Items:
        self._rows(self._body())
        for day, table in more:
            if day is not None:
                self.items.new_day(day)
                self.group = None
            self._rows(table.rows)
        return self.items

    def _rows(self, rows: Sequence[GridRow]) -> None:
        header = self.columns.header
        for row in rows:
            texts = row.texts()
            if not any(texts) or (header and tuple(texts) == header[: len(texts)]):
                continue  # an empty row, or the header typed again on a later page
            if self.table.width > 1 and row.distinct == 1:
                self._merged(row)
            else:
                self._row(row)

    def _merged(self, row: GridRow) -> None:
        """A row merged all across: a day's heading, a section heading, or a note."""
        cell = next(c for c in row.cells if c is not None)
        text = collapse(cell.text)
        if day_heading(text, self.year):
            self.items.new_day(text)
            self.group = None
            return
        found = section(text)
        if found is not None and not _italic(cell, self.styles):
            self.items.exempt = found
        else:
            self.items.note("\n".join(e for e in cell.entries if e))

    def _clock(self, row: GridRow, role: str) -> Clock | None:
        text = self.columns.text(role, row)
        if is_no_time(text):
            return None
        clock = read_clock(text)
        if clock is None and duration(text) is None and not self.columns.by_content:
            raise AgendaReadError(f'{self.name}: row {row.number}: cannot read the time "{text}"')
        return clock

    def _group(self, row: GridRow) -> None:
        """A session column: a new session, the session's time, or the same session."""
        cell = row.cell(self.columns.roles.get(GROUP))
        if cell is None or cell.continued or not cell.text:
            return
        clock = read_clock(cell.text)
        if clock is not None:
            if self.group is not None and self.group.clock is None:
                self.group.clock = clock
            return
        if self.group is not None and collapse(cell.text) == self.group.title:
            return
        split = split_number(cell.text)
        number, title = split if split is not None and split[1] else ("", collapse(cell.text))
        self.group = self.items.add(number, title, 0, row.number)

    def _row(self, row: GridRow) -> None:
        cols = self.columns
        if GROUP in cols.roles:
            self._group(row)
        titles = self._titles(row)
        number_text = cols.text(NUMBER, row)
        clock = self._clock(row, TIME)
        end = self._clock(row, END)
        if clock is not None and end is not None and clock.end is None:
            clock = Clock(clock.start, end.start, clock.start_ambiguous, end.start_ambiguous)
        minutes_text = cols.text(DURATION, row)
        minutes = duration(minutes_text, bare_minutes=True) if minutes_text else None
        presenter = ", ".join(cols.entries(PRESENTER, row))
        pages = cols.text(PAGES, row)
        number, title, notes = _numbered(number_text, titles)
        title_cell = row.cell(cols.roles.get(TITLE))
        if title and title.casefold() in _PLACEHOLDER_TITLES:
            title = ""
        if not number and not (clock or presenter or pages or minutes):
            self._title_only(row, titles, title_cell)
            return
        if not title:
            if clock is None and not number:
                if self.items.drafts:  # a row that broke across a page
                    _continue_row(self.items.drafts[-1], presenter, pages)
                return
            if not presenter:
                return
            # A talk with a time and a speaker, its title still to come: the speaker names it.
            title, presenter = presenter, ""
        depth = 1 if self.group is not None else self._depth(number)
        draft = self.items.add(number, title, depth, row.number)
        draft.notes.extend(notes)
        draft.clock = clock
        draft.duration_minutes = minutes
        draft.presenter = presenter or None
        draft.papers = pages or None

    def _depth(self, number: str) -> int:
        depth = number_depth(number, self.items.last_main_number, has_items=bool(self.items.drafts))
        return min(depth, 1)

    def _title_only(self, row: GridRow, titles: Sequence[str], cell: GridCell | None) -> None:
        """A row with words only in the title column: an item, a note or a heading."""
        text = joined(titles)
        if not text:
            return
        italic = _italic(cell, self.styles)
        found = section(text) if not italic else None
        if found is not None and (strict_section(text) or _bold(cell, self.styles)):
            self.items.exempt = found
            return
        if italic or self.numbered or self.timed or text.casefold().startswith(_NOTE_START):
            self.items.note("\n".join(titles))
            return
        if day_heading(text, self.year) and _bold(cell, self.styles):
            self.items.new_day(text)
            return
        draft = self.items.add("", titles[0], 0, row.number)
        draft.notes.extend(titles[1:])


def _numbered(number_text: str, title_lines: Sequence[str]) -> tuple[str, str, list[str]]:
    """(number, title, note paragraphs) from the number cell and the title cell's paragraphs."""
    lines = list(title_lines)
    number = ""
    if number_text:
        split = split_number(number_text)
        number = split[0] if split and not split[1] else number_text.rstrip(".):").strip()
    elif lines and (split := split_number(lines[0])) is not None:
        number, lines[0] = split
        if not lines[0]:
            lines.pop(0)  # the number in a paragraph of its own
    title = lines[0] if lines else ""
    return number, title, lines[1:]


def _continue_row(draft: Draft, presenter: str, pages: str) -> None:
    if presenter:
        draft.presenter = ", ".join(p for p in (draft.presenter, presenter) if p)
    if pages:
        draft.papers = " ".join(p for p in (draft.papers, pages) if p)


def read_rows(name: str, found: AgendaTable, styles: Styles, year: int | None) -> Items:
    """The table's items; raises AgendaReadError for a time that cannot be read."""
    return _RowReader(name, found, styles, year).read(found.more)
