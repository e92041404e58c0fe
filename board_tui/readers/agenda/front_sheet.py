"""The front matter of an agenda: the board, the date, start and venue, and its people.

A council front sheet labels everything ("Date:", "Members:", "Contact:"); a college or a
committee writes one notice sentence ("The 48th Master and Tutors meeting will be held on
Saturday, 10 April 2021, at 9:00 a.m. in Senior Common Room."); a working group puts the
dates and the venue under its title. The notice sentence wins over a letter's own date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from board_tui.readers.agenda.model import AgendaItemRead, AgendaRead, PersonRead
from board_tui.readers.agenda.people import (
    CONTACT,
    MEMBERS,
    OFFICERS,
    chair,
    contact,
    label,
    person,
    table_people,
    with_chairs,
)
from board_tui.readers.calendar import find_date
from board_tui.readers.clock import read_clock, time_in_text
from board_tui.readers.word_blocks import Para
from board_tui.readers.word_package import collapse, joined
from board_tui.readers.word_tables import Table

__all__ = [
    "AGENDA_WORD",
    "FIELD",
    "NEXT_MEETING",
    "Sheet",
    "When",
    "field_line",
    "front_sheet",
    "is_agenda_heading",
    "pure_time",
    "when",
]

FIELD = re.compile(
    r"(?P<key>dates?|time|start(?:\s+time)?|venue|location|place|where|when|board|committee"
    r"|title|fecha|hora|lugar|lieu|heure|dyddiad|amser|lleoliad|lle)"
    r"\s*:\s*(?P<value>.*)",
    re.I,
)
NEXT_MEETING = re.compile(
    r"(?:date\s+of\s+(?:the\s+)?)?(?:next\s+meeting|pr[oó]xima\s+reuni[oó]n"
    r"|prochaine\s+r[ée]union|cyfarfod\s+nesaf)\b(?P<rest>.*)",
    re.I,
)
AGENDA_WORD = re.compile(
    r"(?:the\s+)?(?:(?:draft|tentative|provisional|revised|final)\s+)?"
    r"(?:agenda|minutes|orden\s+del\s+d[ií]a|ordre\s+du\s+jour|temas\s+a\s+tratar"
    r"|puntos\s+a\s+tratar|rhaglen|order\s+of\s+business)\s*:?",
    re.I,
)
_AGENDA_FOR = re.compile(
    r"(?:(?:draft|tentative|provisional|revised|final)\s+)?"
    r"(?:agenda|orden\s+del\s+d[ií]a|ordre\s+du\s+jour|temas\s+a\s+tratar|rhaglen)\b.{0,60}$",
    re.I,
)
_NOTICE = re.compile(
    r"\b(?:will\s+be\s+held|to\s+be\s+held|is\s+to\s+be\s+held|held\s+on|will\s+take\s+place"
    r"|takes\s+place|will\s+meet|se\s+celebrar[aá]|se\s+realizar[aá]|tendr[aá]\s+lugar"
    r"|aura\s+lieu|se\s+tiendra|cynhelir|bydd\s+.{0,40}\s+yn\s+cyfarfod)\b",
    re.I,
)
_BOARD_IN_NOTICE = re.compile(
    r"\b[Tt]he\s+(?:[0-9]+(?:st|nd|rd|th)\s+)?(?P<board>[A-Z][\w&'’ -]{2,60}?)\s+"
    r"(?:meeting|committee\s+meeting)\s+(?:will|is|to)\b"
)
_HELD = re.compile(r"\bheld\s+(?:in|at)\s+(?P<venue>.+)$", re.I)
_VENUE_AFTER = re.compile(
    r"\s*(?:[,;–-]\s*|\s(?:in|at|en|à|au|yn|ym|yng)\s+)(?P<venue>\w.*)$", re.I
)
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])")
_GREETING = re.compile(
    r"^(?:to|dear|hi|hello|estimad[oa]s?|querid[oa]s?|cher|ch[eè]re|annwyl|at)\b", re.I
)


def is_agenda_heading(text: str) -> bool:
    """ "Agenda", "Draft agenda", "Agenda for 3rd Sep Meeting", "Orden del día", "Rhaglen"."""
    text = collapse(text).strip(" :")
    return bool(text) and (
        AGENDA_WORD.fullmatch(text) is not None or _AGENDA_FOR.fullmatch(text) is not None
    )


class When(NamedTuple):
    date: dt.date
    time: dt.time | None
    tail: str
    """The words after the date and its time, where a venue may follow."""


def when(text: str) -> When | None:
    """The date in a line such as "Monday, 11 December 2023 at 2.00 p.m.", with its time."""
    found = find_date(text)
    if found is None:
        return None
    time, tail = time_in_text(text[found.end :])
    if time is None:
        time, _ = time_in_text(text[: found.start])
        tail = text[found.end :]
    return When(found.date, time, tail)


def venue_in(tail: str) -> str | None:
    """A venue after a date and time: "… to be held in X", ", X", " in X"."""
    match = _HELD.search(tail) or _VENUE_AFTER.match(tail)
    if match is None:
        return None
    venue = _SENTENCE_END.split(collapse(match["venue"]))[0]
    return venue.rstrip(" .") or None


def pure_time(text: str) -> dt.time | None:
    """The time a line holds when it is only a time ("2.00 p.m."), else None."""
    clock = read_clock(text)
    return clock.start if clock is not None else None


@dataclass
class Sheet:
    """What a front sheet (or an outline's header) says about the meeting."""

    board: str | None = None
    date: dt.date | None = None
    start: dt.time | None = None
    venue: str | None = None
    chairs: list[PersonRead] = field(default_factory=list)
    members: list[PersonRead] = field(default_factory=list)
    officers: list[PersonRead] = field(default_factory=list)
    contact_lines: list[str] = field(default_factory=list)
    mailtos: list[str] = field(default_factory=list)
    next_meeting: When | None = None
    organisation: str | None = None

    def people(self, kind: str) -> list[PersonRead]:
        return self.members if kind == MEMBERS else self.officers

    def listed(self, kind: str, line: str) -> None:
        """A line of the members', officers' or contact list the sheet is in."""
        if kind == CONTACT:
            self.contact_lines.append(line)
        elif (found := person(line)) is not None:
            self.people(kind).append(found)

    def when(self, found: When) -> None:
        self.date = self.date or found.date
        self.start = self.start or found.time
        self.venue = self.venue or venue_in(found.tail)

    def agenda(self, items: tuple[AgendaItemRead, ...], layout: str) -> AgendaRead:
        next_meeting = None
        if self.next_meeting is not None:
            time = self.next_meeting.time or self.start or dt.time(0, 0)
            next_meeting = dt.datetime.combine(self.next_meeting.date, time)
        return AgendaRead(
            board=self.board,
            date=self.date,
            start=self.start,
            venue=self.venue,
            members=tuple(with_chairs(self.chairs, self.members)),
            officers=tuple(self.officers),
            contact=contact(self.contact_lines, self.mailtos),
            items=items,
            next_meeting=next_meeting,
            layout=layout,
            organisation=self.organisation,
        )


def _not_a_person(line: str, sheet: Sheet) -> bool:
    """A date, a time or the board's own name: the masthead below an empty list."""
    return (
        find_date(line) is not None
        or pure_time(line) is not None
        or (sheet.board is not None and collapse(line).casefold() == sheet.board.casefold())
    )


class _FrontReader:
    """Reads the front sheet block by block: the members', officers' and contact lists under
    their labels, the chair, and the other lines (kept for the date and venue)."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.general: list[tuple[str, ...]] = []
        """The lines of each paragraph that belong to no list."""
        self.kind: str | None = None  # the list being read: members, officers or contact
        self.listed = False
        """Whether the list has a line yet: an empty paragraph before one is only spacing."""

    def block(self, block: Para | Table) -> None:
        if isinstance(block, Para):
            self.paragraph(block)
            return
        rows = [tuple(cell.text for cell in row.cells if cell is not None) for row in block.rows]
        if self.kind in (MEMBERS, OFFICERS):
            self.sheet.people(self.kind).extend(table_people(rows))
            self.kind = None
        else:  # a layout table: each row read as a line ("Contact:" | "Jane Smith")
            for row in rows:
                if line := joined(row):
                    self.paragraph(Para((line,), "", None, None, False, False, False, (), 0))

    def paragraph(self, para: Para) -> None:
        if not para.lines:
            self.kind = None if self.listed or para.page_break else self.kind
            return
        if para.heading is not None:
            self.kind = None
        kept: list[str] = []
        for line in para.lines:
            found = label(line)
            if found is not None:
                (self.kind, line), self.listed = found, False
                if not line:
                    continue
            if (chaired := chair(line)) is not None:
                self.sheet.chairs.append(chaired)
            elif self.kind is not None and not (
                self.kind != CONTACT and _not_a_person(line, self.sheet)
            ):
                self.sheet.listed(self.kind, line)
                self.listed = True
            else:
                if self.kind != CONTACT:
                    self.kind = None
                kept.append(line)
        if self.kind == CONTACT:
            self.sheet.mailtos.extend(para.mailtos)
        if kept:
            self.general.append(tuple(kept))
        if para.page_break:
            self.kind = None


def board_name(before: Sequence[Para | Table]) -> str | None:
    """The first Title paragraph, else the first Heading 1 that is not "Agenda" or "Minutes",
    else the body named in a notice ("The 48th Master and Tutors meeting will be held")."""
    paras = [b for b in before if isinstance(b, Para) and b.lines]
    title = next((p for p in paras if p.heading == 0 and not is_agenda_heading(p.text)), None)
    if title is None:
        title = next((p for p in paras if p.heading == 1 and not is_agenda_heading(p.text)), None)
    if title is not None:
        return title.text
    for para in paras:
        match = _BOARD_IN_NOTICE.search(para.text)
        if match is not None and _NOTICE.search(para.text):
            return collapse(match["board"])
    return None


def front_sheet(before: Sequence[Para | Table], after: Sequence[Para | Table]) -> Sheet:
    """The board, date, venue, people, contact and next meeting around the agenda."""
    reader = _FrontReader(Sheet(board=board_name(before)))
    for block in before:
        reader.block(block)
    sheet, general = reader.sheet, reader.general
    later = [block.lines for block in after if isinstance(block, Para) and block.lines]
    sheet.organisation = _organisation(before, sheet.board)
    sheet.next_meeting, used = next_meeting([*general, *later])
    meeting(sheet, [p for i, p in enumerate(general) if i not in used])
    if sheet.date is None:
        meeting(sheet, [p for i, p in enumerate(later, len(general)) if i not in used])
    return sheet


def _organisation(before: Sequence[Para | Table], board: str | None) -> str | None:
    """The line above the board's name in the masthead just before the agenda ("London
    Borough of Tower Hamlets" over "Transformation Advisory Board")."""
    if board is None:
        return None
    lines: list[str] = []
    for block in reversed(before):
        if not isinstance(block, Para) or block.page_break:
            break
        lines[:0] = block.lines
    key = collapse(board).casefold()
    for index, line in enumerate(lines):
        if collapse(line).casefold() == key and index > 0:
            above = lines[index - 1]
            if find_date(above) is None and pure_time(above) is None and label(above) is None:
                return collapse(above)
    return None


def next_meeting(paras: Sequence[Sequence[str]]) -> tuple[When | None, set[int]]:
    """The date after a "Next meeting …" line (on it or just below), and the paragraphs used."""
    flat = [(index, line) for index, para in enumerate(paras) for line in para]
    for position, (index, line) in enumerate(flat):
        match = NEXT_MEETING.match(line)
        if match is None:
            continue
        used = {index}
        for where, text in [(index, match["rest"]), *flat[position + 1 : position + 4]]:
            used.add(where)
            if (found := when(text)) is not None:
                return found, used
        return None, used
    return None, set()


def field_line(sheet: Sheet, key: str, value: str) -> None:
    """A labelled front-sheet line, read leniently (a front sheet varies too much to refuse)."""
    key = key.lower()
    if key in ("date", "dates", "when", "fecha", "dyddiad"):
        if (found := when(value)) is not None:
            sheet.when(found)
    elif key.startswith(("time", "start", "hora", "heure", "amser")):
        sheet.start = sheet.start or pure_time(value) or time_in_text(value)[0]
    elif key in ("venue", "location", "place", "where", "lugar", "lieu", "lleoliad", "lle"):
        sheet.venue = sheet.venue or value.rstrip(" .") or None
    else:
        sheet.board = sheet.board or value or None


def meeting(sheet: Sheet, paras: Sequence[Sequence[str]]) -> None:
    """Date, start and venue: labelled lines first ("Date: …"), then a notice sentence
    ("… will be held on …"), then the first dated line."""
    flat = [line for para in paras for line in para]
    for index, line in enumerate(flat):
        match = FIELD.fullmatch(line)
        if match is None:
            continue
        value = match["value"].strip()
        if not value and index + 1 < len(flat) and FIELD.fullmatch(flat[index + 1]) is None:
            value = flat[index + 1]  # "Date:" with the date on the line below
        field_line(sheet, match["key"], value)
    if sheet.date is not None:
        return
    notices = [
        (i, p) for i, para in enumerate(paras) for p, line in enumerate(para)
        if _NOTICE.search(line) and when(line) is not None
    ]  # fmt: skip
    dated = [
        (i, p) for i, para in enumerate(paras) for p, line in enumerate(para)
        if when(line) is not None
    ]  # fmt: skip
    for index, position in notices[:1] or dated[:1]:
        _dated_line(sheet, paras, index, position)


def _dated_line(sheet: Sheet, paras: Sequence[Sequence[str]], index: int, position: int) -> None:
    """The date in ``paras[index][position]``, and the time and venue on it or just below."""
    para = paras[index]
    found = when(para[position])
    assert found is not None
    sheet.when(found)
    for later in para[position + 1 :]:  # "…at 2.00 p.m." / "Council Chamber"
        if sheet.start is None and (time := pure_time(later)) is not None:
            sheet.start = time
            continue
        if sheet.venue is None and when(later) is None:
            sheet.venue = later.rstrip(" .") or None
        break
    following = paras[index + 1] if index + 1 < len(paras) else ()
    if sheet.start is None and following:
        sheet.start = pure_time(following[0])
    alone = len(para) == 1 and len(para[0].split()) <= 6
    if sheet.venue is None and alone and following and _venue_like(following[0]):
        sheet.venue = following[0].rstrip(" .")


def _venue_like(line: str) -> bool:
    """A short line that may name where a meeting is held (the line under its dates)."""
    words = line.split()
    return (
        0 < len(words) <= 10
        and not line.rstrip().endswith(":")
        and FIELD.fullmatch(line) is None
        and label(line) is None
        and _GREETING.match(line) is None
        and find_date(line) is None
        and pure_time(line) is None
        and not is_agenda_heading(line)
        and not re.search(r"https?://|www\.|@", line)
    )
