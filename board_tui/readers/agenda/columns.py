"""Which column of an agenda table holds what: by its header words, or by what it holds.

Header words are read in English, Spanish, French and Welsh ("Tema | Expone o dirige |
duración prevista", "Sujet | Intervenant | Horaire", "Eitem | Pwnc | Amser |
Cyflwynydd"), accents and case aside. A table without a header is an agenda when one of
its columns is mostly times or time ranges ("0800-1000", "9:00–9:30", "14.00"): the
column of longest texts beside it holds the titles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from board_tui.domain.times import duration
from board_tui.readers.calendar import fold
from board_tui.readers.clock import read_clock
from board_tui.readers.word_package import collapse
from board_tui.readers.word_tables import GridRow, Table

__all__ = [
    "DURATION",
    "END",
    "GROUP",
    "NUMBER",
    "PAGES",
    "PRESENTER",
    "TIME",
    "TITLE",
    "Columns",
    "content_columns",
    "header_columns",
]

NUMBER, TITLE, TIME, END, DURATION, PRESENTER, PAGES, GROUP, _ITEM = (
    "number",
    "title",
    "time",
    "end",
    "duration",
    "presenter",
    "pages",
    "group",
    "item",
)

_NUMBER_HEADER = re.compile(
    r"#|no\.?|nos?\.?|n[º°o]\.?|num(?:ber)?\.?|num\.?|numero|rhif"
    r"|(?:agenda\s+)?item\s*(?:no\.?|number|#)",
)
_ITEM_HEADER = re.compile(r"(?:agenda\s+)?items?|eitem(?:au)?|punto|point")
"""Alone beside a title column it is the number; otherwise it is the title ("Item 4. …")."""
_HEADERS = (
    (
        r"titles?|subjects?|business|topics?|descriptions?|tema|temas|asuntos?|titulo|puntos?"
        r"|descripcion|sujet|titre|objet|theme|intitule|pwnc|teitl|busnes|disgrifiad|testun",
        TITLE,
    ),
    (r"duration|length|minutes|mins|duracion|minutos|tiempo|duree|hyd|munudau", DURATION),
    (r"end|finish|until|fin|termino|diwedd|gorffen", END),
    (r"times?|start|timings?|hora|horario|inicio|heure|horaire|debut|amser|dechrau", TIME),
    (
        r"presenters?|presented\s+by|leads?|led\s+by|speakers?|officers?|who|expone|ponente"
        r"|presenta|dirige|responsable|quien|presentateur|intervenant|rapporteur|animateur"
        r"|orateur|qui|cyflwynydd|arweinydd|swyddog|siaradwr|pwy",
        PRESENTER,
    ),
    (
        r"pages?|papers?|reports?|refs?|references?|documents?|docs|paginas|documentos|anexos"
        r"|documentation|pieces|annexes|tudalennau|papurau|dogfennau|adroddiad",
        PAGES,
    ),
    (r"sessions?|tracks?|blocks?|sesion|seance|sesiwn", GROUP),
)
_HEADER_PATTERNS = tuple((re.compile(rf"\b(?:{words})\b"), role) for words, role in _HEADERS)
_NOT_AGENDA_HEADER = re.compile(
    r"(?:names?|roles?|members?|membership|positions?|organi[sz]ations?|job\s+titles?"
    r"|attendees?|apologies|e-?mail|telephone|phone|nombres?|nom|enw)"
)


@dataclass(frozen=True)
class Columns:
    """Grid column indexes of the agenda table's roles, and its header as read."""

    roles: dict[str, int]
    header: tuple[str, ...]
    header_row: int | None
    """Which row is the header (an index into the table's rows); None for none."""
    by_content: bool = False
    """Found by a column of times rather than by header words."""

    def text(self, role: str, row: GridRow) -> str:
        return row.text(self.roles.get(role))

    def entries(self, role: str, row: GridRow) -> list[str]:
        cell = row.cell(self.roles.get(role))
        if cell is None or cell.continued:
            return []
        return [entry for entry in cell.entries if entry]


def _header_role(text: str) -> str | None:
    if _NUMBER_HEADER.fullmatch(text):
        return NUMBER
    if _ITEM_HEADER.fullmatch(text):
        return _ITEM
    return next((role for pattern, role in _HEADER_PATTERNS if pattern.search(text)), None)


def header_columns(header: Sequence[str], header_row: int) -> Columns | None:
    """The columns, when the row is an agenda header: a title and a time, presenter or pages
    (or, for a timetable, a start and an end)."""
    roles: dict[str, int] = {}
    items: list[int] = []
    for index, raw in enumerate(header):
        text = fold(collapse(raw))
        if not text or len(text.split()) > 5:
            continue
        if _NOT_AGENDA_HEADER.fullmatch(text):
            return None  # a members' table: never the agenda
        role = _header_role(text)
        if role == _ITEM:
            items.append(index)
        elif role is not None:
            roles.setdefault(role, index)
    for role in (TITLE, NUMBER):
        if items and role not in roles:
            roles[role] = items.pop(0)
    if TITLE not in roles and TIME in roles and END in roles:
        return Columns(roles, tuple(collapse(t) for t in header), header_row)  # Start | End
    if TITLE not in roles or not {TIME, PRESENTER, PAGES, DURATION} & roles.keys():
        return None
    return Columns(roles, tuple(collapse(t) for t in header), header_row)


def _is_time(text: str) -> bool:
    return read_clock(text) is not None


def _body_rows(table: Table) -> list[GridRow]:
    """The rows that are not merged all across (a heading)."""
    width = table.width
    return [row for row in table.rows if not (width > 1 and row.distinct == 1)]


def content_columns(table: Table) -> Columns | None:
    """The columns of an agenda table known by its content: a column of times, and the
    column of longest texts beside it as the titles. None when no column is mostly times."""
    rows = _body_rows(table)
    width = table.width
    if width < 2 or len(rows) < 2:
        return None
    best: tuple[int, int] | None = None  # (times, column)
    for column in range(width):
        texts = [row.text(column) for row in rows]
        filled = [t for t in texts if t]
        times = sum(1 for t in filled if _is_time(t))
        if times >= 2 and times * 2 >= len(filled) and (best is None or times > best[0]):
            best = (times, column)
    if best is None:
        return None
    time_column = best[1]
    lengths = {
        column: sum(len(row.text(column)) for row in rows if not _is_time(row.text(column)))
        for column in range(width)
        if column != time_column
    }
    title_column = max(lengths, key=lambda c: (lengths[c], -c))
    if lengths[title_column] == 0:
        return None
    roles = {TIME: time_column, TITLE: title_column}
    first = table.rows[0]
    header_row = None
    first_time = first.text(time_column)
    if first.distinct > 1 and first_time and not _is_time(first_time):
        header_row = 0  # a header in words we do not know: "Zeit | Thema"
    for column in range(width):
        if column in roles.values():
            continue
        texts = [row.text(column) for row in rows if row.text(column)]
        if texts and all(duration(t, bare_minutes=False) is not None for t in texts):
            roles.setdefault(DURATION, column)
        elif texts and sum(len(t) for t in texts) / len(texts) < 40:
            roles.setdefault(PRESENTER, column)
    header = tuple(first.texts()) if header_row is not None else ()
    return Columns(roles, header, header_row, by_content=True)
