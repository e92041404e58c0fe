"""Reading an agenda into plain values, ready to be written to the store.

Two sources: a Word agenda pack (a front sheet, then a table such as
``ITEM TITLE | TIME | PRESENTER | PAGES``) and a plain-text or Markdown outline
typed in an editor. Both give an :class:`AgendaRead`; nothing here writes.

Bad input never ends in a traceback: it raises :class:`AgendaReadError`, whose
message is one line naming the file and the problem (and the row or line).

The rules both sources share: an item number is kept as written ("4", "3a", "6.1");
"3a", "3(a)" and "6.1" are sub-items of the item before when it has that main number,
and "(a)" or "(i)" with no number is a sub-item of whatever item is above. "Part 2",
"exempt", "confidential" or "restricted" in an item's title or note, or in a heading
above it, mark it exempt. Times are read the many ways clerks type them
(:func:`parse_time`). python-docx is imported only when a Word file is read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.times import duration, is_no_time, time_in, time_range
from board_tui.readers.word_package import (
    TBL,
    P,
    W,
    blocks,
    body_rows,
    body_tables,
    cell_entries,
    check_package,
    collapse,
    find_table,
    joined,
    paragraph_entries,
    read_limited,
    read_word,
    refuse_entities,
    style_name,
)

__all__ = [
    "MAX_OUTLINE_BYTES",
    "AgendaItemRead",
    "AgendaRead",
    "AgendaReadError",
    "ContactRead",
    "PersonRead",
    "parse_time",
    "read_agenda",
]

MAX_OUTLINE_BYTES = 2 * 1024 * 1024
"""A text outline larger than this is refused before it is read."""

_WORD_SUFFIXES = (".docx",)
_OUTLINE_SUFFIXES = (".txt", ".md", ".markdown", ".text")


class AgendaReadError(BoardTuiError):
    """The file is not an agenda that can be read; the message names file and problem."""


@dataclass(frozen=True)
class PersonRead:
    name: str
    role: str | None
    """The words after the name, brackets removed: "Chair", "Independent non-executive member"."""


@dataclass(frozen=True)
class ContactRead:
    name: str | None
    role: str | None
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class AgendaItemRead:
    number: str
    """As written: "4", "3a", "6.1" (empty when the document numbers nothing)."""
    title: str
    depth: int
    """0 for an item, 1 for a sub-item ("6.1" under "6", "3a" under "3")."""
    start: dt.time | None
    """The time written against the item (the start of a range)."""
    end: dt.time | None
    """The end of a range such as "14:00-14:10", when one was written."""
    duration_minutes: int | None
    """A duration written as such ("15m", "1h 30m"), in an outline."""
    presenter: str | None
    papers: str | None
    """As written: "(PAGES 9 - 44)", "Report", "pp 5-8"."""
    exempt: bool
    """Marked "Part 2", "exempt" or "confidential"."""
    note: str | None
    """Words in rows or paragraphs under the item (the agenda's note on it)."""
    row: int
    """Where it was read: the table row (header = 1) or the outline's line number."""


@dataclass(frozen=True)
class AgendaRead:
    board: str | None
    """The board the front sheet names (its Title), when it names one."""
    date: dt.date | None
    start: dt.time | None
    venue: str | None
    members: tuple[PersonRead, ...]
    """The chair first when the front sheet names one (role "Chair")."""
    officers: tuple[PersonRead, ...]
    contact: ContactRead | None
    items: tuple[AgendaItemRead, ...]
    next_meeting: dt.datetime | None
    """The date and time of the next meeting, when the document gives them."""


def read_agenda(path: Path) -> AgendaRead:
    """Read a .docx agenda pack, or a .txt / .md outline; raises AgendaReadError otherwise."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _WORD_SUFFIXES:
        check_package(path, AgendaReadError)
        refuse_entities(path, AgendaReadError)
        return read_word(path, AgendaReadError, _read_document)
    if suffix in _OUTLINE_SUFFIXES:
        return _read_outline(path)
    raise AgendaReadError(f"{path.name}: not a Word .docx or a text outline (.txt, .md)")


# -- Times ------------------------------------------------------------------------------------


def parse_time(text: str) -> tuple[dt.time, dt.time | None] | None:
    """The (start, end) a clerk typed: "2:00pm", "2.00 p.m.", "14:00", "1400", "noon",
    "14:00-14:10", "2:00 – 2:15pm" (end None for a single time).

    None for "no time" ("", "-", "TBC", "n/a"); AgendaReadError for anything else that
    cannot be read, so a typo is shown rather than dropped.
    """
    if is_no_time(text):
        return None
    found = time_range(text)
    if found is None:
        raise AgendaReadError(f'cannot read the time "{collapse(text)}"')
    return found


# -- Dates ------------------------------------------------------------------------------------

_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?<![0-9])(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?"
_DATES = (
    re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<y>[0-9]{4})\b", re.I),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+(?P<y>[0-9]{4})\b", re.I),
    re.compile(r"(?<![0-9])(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})(?![0-9])"),
    re.compile(r"(?<![0-9./])(?P<d>[0-9]{1,2})[/.](?P<m>[0-9]{1,2})[/.](?P<y>[0-9]{4}|[0-9]{2})\b"),
)
_HELD = re.compile(r"\bheld\s+(?:in|at)\s+(?P<venue>.+)$", re.I)
_VENUE_AFTER = re.compile(r"\s*(?:[,;–-]\s*|\s(?:in|at)\s+)(?P<venue>[A-Z].*)$")


class _When(NamedTuple):
    date: dt.date
    time: dt.time | None
    tail: str
    """The words after the date and its time, where a venue may follow."""


def _find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The earliest readable date in the text (UK day-first), with where it stands."""
    best: tuple[dt.date, int, int] | None = None
    for pattern in _DATES:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = _MONTHS[groups["mon"].casefold()[:3]] if groups.get("mon") else int(groups["m"])
            year = int(groups["y"]) + (2000 if len(groups["y"]) == 2 else 0)
            try:
                day = dt.date(year, month, int(groups["d"]))
            except ValueError:
                continue
            if best is None or match.start() < best[1]:
                best = (day, match.start(), match.end())
            break
    return best


def _when(text: str) -> _When | None:
    """The date in a line such as "Monday, 11 December 2023 at 2.00 p.m.", with its time."""
    found = _find_date(text)
    if found is None:
        return None
    day, start, end = found
    after = text[end:]
    time, time_end = time_in(after)
    if time is None:
        time, _ = time_in(text[:start])
    return _When(day, time, after[time_end:])


def _venue_in(tail: str) -> str | None:
    """A venue after a date and time: "… to be held in X", ", X", " in X"."""
    match = _HELD.search(tail) or _VENUE_AFTER.match(tail)
    if match is None:
        return None
    return collapse(match["venue"]).rstrip(" .") or None


def _pure_time(text: str) -> dt.time | None:
    """The time a line holds when it is only a time ("2.00 p.m."), else None."""
    found = time_range(text)
    return found[0] if found is not None else None


# -- Numbers, sections and exempt items -------------------------------------------------------

_ROMAN = r"(?:iii|ii|iv|ix|vi{0,3}|x|i)"
_NUMBER = re.compile(
    r"(?:item\s+)?"
    r"(?P<number>[0-9]{1,3}(?:\.[0-9]{1,3})*(?:\.?[a-z]|\([a-z]\))?(?![\w(])"
    rf"|\([a-z]\)|[a-z]\)|\({_ROMAN}\)|{_ROMAN}\))"
    r"[.:)]?(?:\s+|$)(?P<title>.*)",
    re.IGNORECASE,
)
_LETTER_LABEL = re.compile(rf"\(?(?:[a-z]|{_ROMAN})\)?", re.IGNORECASE)
_NUMBER_PARTS = re.compile(r"[0-9]+|[a-z]+", re.IGNORECASE)

_EXEMPT_WORDS = r"(?:part\s*(?:2|two|ii)|exempt|confidential|restricted)"
_EXEMPT_TAIL = r"(?:\s+(?:items?|reports?|information|business|appendix|appendices))?"
_EXEMPT = re.compile(rf"\b{_EXEMPT_WORDS}\b", re.I)
_EXEMPT_MARK = re.compile(rf"\s*[(\[]\s*{_EXEMPT_WORDS}{_EXEMPT_TAIL}\s*[)\]]", re.I)
"""A bracketed marker, "(Exempt)" or "[Part 2]", taken out of the title it marks."""
_EXEMPT_PART = re.compile(rf"[(\[]?\s*{_EXEMPT_WORDS}{_EXEMPT_TAIL}\s*[)\]]?", re.I)
"""An outline part that only marks the item: "Part 2", "(exempt)"."""
_SECTION_HEADING = re.compile(
    r"[(\[]?\s*(?:part|section)\s+(?:[0-9]+|one|two|three|four|iii|ii|iv|i)\b", re.I
)
_SECOND_SECTION = re.compile(r"[(\[]?\s*section\s+(?:2|two|ii)\b", re.I)
_EXEMPT_HEADING = re.compile(rf"[(\[]?\s*(?:{_EXEMPT_WORDS}|private)\b", re.I)
_UNRESTRICTED = re.compile(r"[(\[]?\s*unrestricted\b", re.I)


def _split_number(text: str) -> tuple[str, str] | None:
    """("4", "Community Engagement Strategy") from "4. Community Engagement Strategy"."""
    match = _NUMBER.match(text)
    if match is None:
        return None
    number = match["number"]
    if _LETTER_LABEL.fullmatch(number):
        number = number.strip("()")
    title = match["title"].strip().lstrip("-–—:").strip()
    return number, title


def _number_depth(number: str, items: Sequence[_Draft]) -> int:
    """0, or 1 for a sub-item; 2 and more for "6.1.2" (which only an outline refuses)."""
    if not number:
        return 0
    if _LETTER_LABEL.fullmatch(number):
        return 1 if items else 0
    parts = _NUMBER_PARTS.findall(number)
    if len(parts) < 2:
        return 0
    if len(parts) > 2:
        return len(parts) - 1
    parent = next((item for item in reversed(items) if item.depth == 0), None)
    main = _NUMBER_PARTS.findall(parent.number)[:1] if parent is not None else []
    return 1 if main == parts[:1] else 0


def _section(text: str) -> bool | None:
    """A heading row or line: True when the items after it are exempt, False when they are
    public again ("Part 1", "Unrestricted"), None when the text is not such a heading."""
    words = text.split()
    if not words or len(words) > 10:
        return None
    if _SECTION_HEADING.match(text):
        return bool(_EXEMPT.search(text) or _SECOND_SECTION.match(text))
    if _EXEMPT_HEADING.match(text) and len(words) <= 8 and not text.endswith("."):
        return True
    if _UNRESTRICTED.match(text) and len(words) <= 4:
        return False
    return None


@dataclass
class _Draft:
    """An item being read; notes and continuation rows are added until the next item."""

    number: str
    title: str
    depth: int
    row: int
    start: dt.time | None = None
    end: dt.time | None = None
    duration_minutes: int | None = None
    presenter: str | None = None
    papers: str | None = None
    exempt: bool = False
    """Marked by a section heading above or an exempt part ("| Part 2")."""
    notes: list[str] = field(default_factory=list)

    def finished(self) -> AgendaItemRead:
        words = [self.title, *self.notes]
        return AgendaItemRead(
            number=self.number,
            title=collapse(_EXEMPT_MARK.sub(" ", self.title)),
            depth=self.depth,
            start=self.start,
            end=self.end,
            duration_minutes=self.duration_minutes,
            presenter=self.presenter,
            papers=self.papers,
            exempt=self.exempt or any(_EXEMPT.search(text) for text in words),
            note="\n".join(self.notes) or None,
            row=self.row,
        )


class _Items:
    """The items read so far and the exempt section they are in."""

    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.exempt = False

    def add(self, number: str, title: str, depth: int, row: int) -> _Draft:
        draft = _Draft(number, title, depth, row, exempt=self.exempt)
        self.drafts.append(draft)
        return draft

    def note(self, text: str) -> None:
        """A note on the item above; none before the first item (a heading, a preamble)."""
        if self.drafts and text:
            self.drafts[-1].notes.append(text)

    def finished(self) -> tuple[AgendaItemRead, ...]:
        return tuple(draft.finished() for draft in self.drafts)


# -- People and contact -----------------------------------------------------------------------

_MEMBERS, _OFFICERS, _CONTACT = "members", "officers", "contact"
_LABEL = re.compile(
    r"(?P<label>(?:board\s+)?members(?:hip)?(?:\s+of\s+the\s+(?:board|committee))?"
    r"|members\s+present(?:\s+in\s+person)?"
    r"|officers(?:\s+(?:in\s+attendance|attending|present(?:\s+in\s+person)?))?"
    r"|(?:also\s+)?in\s+attendance"
    r"|contact(?:\s+(?:for\s+further\s+(?:enquiries|information)|officer|details))?"
    r"|(?:further\s+)?enquiries(?:\s+to)?)"
    r"\s*(?::\s*(?P<rest>.*)|$)",
    re.I,
)
_CHAIR = re.compile(
    r"(?P<role>(?:vice[\s-]?)?chair(?:man|person|woman)?)\s*[:\-–—]\s*(?P<name>\S.*)", re.I
)
_CHAIR_ROLE = re.compile(r"chair(?:man|person|woman)?", re.I)
_NOT_A_PERSON = re.compile(r"(?:name|member|officer)s?", re.I)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?:\+44\s?(?:\(0\)\s?)?|\(?0)[0-9]{2,4}\)?[\s-]?[0-9]{3,4}[\s-]?[0-9]{3,4}(?![0-9])"
)
_CONTACT_WORDS = re.compile(
    r"^(?:tel(?:ephone)?|phone|mobile|e-?mail|web(?:site)?)\.?\s*:?\s*", re.I
)


def _label(line: str) -> tuple[str, str] | None:
    """("members" | "officers" | "contact", the words after the colon) for a list's label."""
    match = _LABEL.match(line)
    if match is None:
        return None
    label = match["label"].lower()
    if label.startswith(("member", "board")):
        kind = _MEMBERS
    elif label.startswith(("officer", "in ", "also")):
        kind = _OFFICERS
    else:
        kind = _CONTACT
    return kind, (match["rest"] or "").strip()


def _chair(line: str) -> PersonRead | None:
    """ "Chair: Mayor Lutfur Rahman" gives the chair (and "Vice-Chair: …" the vice-chair)."""
    match = _CHAIR.fullmatch(line)
    if match is None:
        return None
    vice = match["role"].lower().startswith("vice")
    return PersonRead(collapse(match["name"]).strip(" ,;"), "Vice-Chair" if vice else "Chair")


def _role(text: str) -> str | None:
    """A role without the brackets a front sheet puts round it."""
    text = collapse(text).strip(" ,;")
    while len(text) >= 2 and text[0] in "([" and text[-1] in ")]":
        text = text[1:-1].strip(" ,;")
    return text or None


def _person(line: str) -> PersonRead | None:
    """ "Name (Role)", "Name, Role", "Name – Role" or just a name."""
    line = collapse(line).strip(" ,;")
    if not line:
        return None
    match = re.fullmatch(r"(?P<name>[^(]+?)\s*\((?P<role>.+)\)", line)
    if match is None:
        match = re.fullmatch(r"(?P<name>[^,]+?)\s*,\s*(?P<role>.+)", line)
    if match is None:
        match = re.fullmatch(r"(?P<name>.+?)\s+[-–—]\s+(?P<role>.+)", line)
    if match is None:
        return PersonRead(line, None)
    return PersonRead(match["name"], _role(match["role"]))


def _table_people(rows: Sequence[Sequence[str]]) -> list[PersonRead]:
    """A borderless name | (role) table, or one column of "Name (Role)" lines."""
    people: list[PersonRead] = []
    for cells in rows:
        texts = [text for text in cells if text]
        if not texts or (len(texts) <= 2 and _NOT_A_PERSON.fullmatch(texts[0])):
            continue  # an empty row, or a "Name | Role" header
        if len(cells) >= 2 and cells[0]:
            people.append(PersonRead(cells[0], _role(" ".join(cells[1:]))))
        elif (person := _person(" ".join(texts))) is not None:
            people.append(person)
    return people


def _key(name: str) -> str:
    return collapse(name).casefold()


def _with_chairs(chairs: Sequence[PersonRead], people: Sequence[PersonRead]) -> list[PersonRead]:
    """The chair (then any vice-chair) first, each once; a member listed as "Chair" leads too."""
    named = {_key(person.name) for person in chairs}
    rest = [person for person in people if _key(person.name) not in named]
    leading = [p for p in rest if p.role and _CHAIR_ROLE.fullmatch(p.role)] if not chairs else []
    return [*chairs, *leading, *(p for p in rest if p not in leading)]


def _contact(lines: Sequence[str], mailtos: Sequence[str]) -> ContactRead | None:
    """Name and role ("Matthew Mannion, Head of Democratic Services,"), email and phone."""
    text = "\n".join(lines)
    email_match = _EMAIL.search(text)
    email = mailtos[0] if mailtos else email_match.group(0) if email_match else None
    phone_match = _PHONE.search(text)
    phone = collapse(phone_match.group(0)) if phone_match else None
    words: list[str] = []
    for line in lines:
        rest = _PHONE.sub(" ", _EMAIL.sub(" ", line))
        rest = _CONTACT_WORDS.sub("", collapse(rest)).strip(" ,;:")
        if rest and not rest.lower().startswith(("http", "www.")):
            words.append(rest)
    name = role = None
    if words:
        first, _, after = words[0].partition(",")
        name = first.strip() or None
        role = after.strip(" ,") or (words[1] if len(words) > 1 else None)
    if name is None and role is None and email is None and phone is None:
        return None
    return ContactRead(name, role, email, phone)


# -- What the front sheet says ----------------------------------------------------------------

_FIELD = re.compile(
    r"(?P<key>date|time|start(?:\s+time)?|venue|location|place|where|when|board|committee|title)"
    r"\s*:\s*(?P<value>.*)",
    re.I,
)
_NEXT_MEETING = re.compile(r"(?:date\s+of\s+(?:the\s+)?)?next\s+meeting\b(?P<rest>.*)", re.I)
_AGENDA_WORD = re.compile(r"(?:the\s+)?(?:agenda|minutes)\s*:?", re.I)


@dataclass
class _Sheet:
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
    next_meeting: _When | None = None

    def people(self, kind: str) -> list[PersonRead]:
        return self.members if kind == _MEMBERS else self.officers

    def listed(self, kind: str, line: str) -> None:
        """A line of the members', officers' or contact list the sheet is in."""
        if kind == _CONTACT:
            self.contact_lines.append(line)
        elif (person := _person(line)) is not None:
            self.people(kind).append(person)

    def when(self, found: _When) -> None:
        self.date = self.date or found.date
        self.start = self.start or found.time
        self.venue = self.venue or _venue_in(found.tail)

    def agenda(self, items: tuple[AgendaItemRead, ...]) -> AgendaRead:
        next_meeting = None
        if self.next_meeting is not None:
            time = self.next_meeting.time or self.start or dt.time(0, 0)
            next_meeting = dt.datetime.combine(self.next_meeting.date, time)
        return AgendaRead(
            board=self.board,
            date=self.date,
            start=self.start,
            venue=self.venue,
            members=tuple(_with_chairs(self.chairs, self.members)),
            officers=tuple(self.officers),
            contact=_contact(self.contact_lines, self.mailtos),
            items=items,
            next_meeting=next_meeting,
        )


# -- Word agenda packs ------------------------------------------------------------------------

_NUMBER_COLUMN, _TITLE, _TIME, _PRESENTER, _PAGES, _ITEM = (
    "number",
    "title",
    "time",
    "presenter",
    "pages",
    "item",
)
_NUMBER_HEADER = re.compile(
    r"#|no\.?|nos?\.?|num(?:ber)?\.?|(?:agenda\s+)?item\s*(?:no\.?|number|#)", re.I
)
_ITEM_HEADER = re.compile(r"(?:agenda\s+)?items?", re.I)
"""Alone beside a title column it is the number; otherwise it is the title ("Item 4. …")."""
_HEADERS = (
    (re.compile(r"\b(?:titles?|subjects?|business|topics?|descriptions?)\b", re.I), _TITLE),
    (re.compile(r"\b(?:times?|start|timings?)\b", re.I), _TIME),
    (
        re.compile(
            r"\b(?:presenters?|presented\s+by|leads?|led\s+by|speakers?|officers?|who)\b", re.I
        ),
        _PRESENTER,
    ),
    (
        re.compile(r"\b(?:pages?|papers?|reports?|refs?|references?|documents?|docs)\b", re.I),
        _PAGES,
    ),
)
_NOT_AGENDA_HEADER = re.compile(
    r"(?:names?|roles?|members?|membership|positions?|organi[sz]ations?|job\s+titles?"
    r"|attendees?|apologies|e-?mail|telephone|phone)",
    re.I,
)


@dataclass(frozen=True)
class _Columns:
    """Grid column indexes of the agenda table's roles, and its header as read."""

    roles: dict[str, int]
    header: tuple[str, ...]

    def entries(self, role: str, row: Sequence[Sequence[str]]) -> Sequence[str]:
        index = self.roles.get(role)
        return row[index] if index is not None and index < len(row) else ()


def _header_role(text: str) -> str | None:
    if _NUMBER_HEADER.fullmatch(text):
        return _NUMBER_COLUMN
    if _ITEM_HEADER.fullmatch(text):
        return _ITEM
    return next((role for pattern, role in _HEADERS if pattern.search(text)), None)


def _agenda_columns(header: Sequence[str | None]) -> _Columns | None:
    """The columns, when the row is an agenda header: a title and a time, presenter or pages."""
    roles: dict[str, int] = {}
    items: list[int] = []
    for index, raw in enumerate(header):
        text = collapse(raw or "")
        if not text or len(text.split()) > 5:
            continue
        if _NOT_AGENDA_HEADER.fullmatch(text):
            return None  # a members' table: never the agenda
        role = _header_role(text)
        if role == _ITEM:
            items.append(index)
        elif role is not None:
            roles.setdefault(role, index)
    for role in (_TITLE, _NUMBER_COLUMN):
        if items and role not in roles:
            roles[role] = items.pop(0)
    if _TITLE not in roles or not {_TIME, _PRESENTER, _PAGES} & roles.keys():
        return None
    return _Columns(roles, tuple(collapse(text or "") for text in header))


def _read_document(document: Any, name: str) -> AgendaRead:
    found = find_table(document, body_tables(document), _agenda_columns)
    if found is None:
        raise AgendaReadError(
            f"{name}: no agenda table found "
            "(looked for columns like Item | Time | Presenter | Pages)"
        )
    table, header_index, columns = found
    items = _Items()
    for number, cells, distinct in body_rows(table, header_index):
        entries = [[] if tc is None else [e for e in cell_entries(tc) if e] for tc in cells]
        _table_row(name, number, entries, distinct, columns, items)
    if not items.drafts:
        raise AgendaReadError(f"{name}: the agenda table has no items")
    before, after = _body_blocks(document, table._tbl)
    return _front_sheet(before, after).agenda(items.finished())


def _table_row(
    name: str,
    number: int,
    entries: Sequence[Sequence[str]],
    distinct: int,
    columns: _Columns,
    items: _Items,
) -> None:
    """Read one body row into an item, a note on the item above, or a section heading."""
    texts = [joined(cell) for cell in entries]
    if not any(texts) or tuple(texts) == columns.header[: len(texts)]:
        return  # an empty row, or the header typed again on a later page
    if distinct == 1 and len(columns.header) > 1:
        title_lines: Sequence[str] = [e for cell in entries for e in cell]  # merged all across
        number_text = time_text = pages = presenter = ""
    else:
        title_lines = columns.entries(_TITLE, entries)
        number_text = joined(columns.entries(_NUMBER_COLUMN, entries))
        time_text = joined(columns.entries(_TIME, entries))
        presenter = ", ".join(columns.entries(_PRESENTER, entries))
        pages = joined(columns.entries(_PAGES, entries))
    item_number, title, notes = _numbered(number_text, title_lines)
    if not item_number and not (time_text or presenter or pages):
        section = _section(joined(title_lines))
        if section is not None:
            items.exempt = section
        else:
            items.note("\n".join(title_lines))
        return
    if not item_number and not title:
        if items.drafts:  # a row that broke across a page
            _continue_row(items.drafts[-1], presenter, pages)
        return
    draft = items.add(item_number, title, min(_number_depth(item_number, items.drafts), 1), number)
    draft.notes.extend(notes)
    try:
        times = parse_time(time_text)
    except AgendaReadError as exc:
        raise AgendaReadError(f"{name}: row {number}: {exc}") from None
    draft.start, draft.end = times or (None, None)
    draft.presenter = presenter or None
    draft.papers = pages or None


def _numbered(number_text: str, title_lines: Sequence[str]) -> tuple[str, str, list[str]]:
    """(number, title, note paragraphs) from the number cell and the title cell's paragraphs."""
    lines = list(title_lines)
    number = ""
    if number_text:
        split = _split_number(number_text)
        number = split[0] if split and not split[1] else number_text.rstrip(".):").strip()
    elif lines and (split := _split_number(lines[0])) is not None:
        number, lines[0] = split
        if not lines[0]:
            lines.pop(0)  # the number in a paragraph of its own
    title = lines[0] if lines else ""
    return number, title, lines[1:]


def _continue_row(draft: _Draft, presenter: str, pages: str) -> None:
    if presenter:
        draft.presenter = ", ".join(p for p in (draft.presenter, presenter) if p)
    if pages:
        draft.papers = " ".join(p for p in (draft.papers, pages) if p)


# -- The front sheet of a Word pack -----------------------------------------------------------

_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass(frozen=True)
class _Para:
    style: str
    lines: tuple[str, ...]
    """The paragraph's non-empty lines (split at line breaks)."""
    mailtos: tuple[str, ...]


@dataclass(frozen=True)
class _Grid:
    rows: tuple[tuple[str, ...], ...]
    """Each row's distinct cells, as text."""


def _body_blocks(document: Any, agenda_tbl: Any) -> tuple[list[_Para | _Grid], list[_Para | _Grid]]:
    """The paragraphs and other tables before the agenda table, and those after it."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    before: list[_Para | _Grid] = []
    after: list[_Para | _Grid] = []
    target = before
    for block in blocks(document.element.body):
        if block.tag == P:
            style = style_name(Paragraph(block, document._body))
            lines = tuple(e for e in paragraph_entries(block) if e)
            target.append(_Para(style, lines, _mailtos(block, document.part)))
        elif any(tbl is agenda_tbl for tbl in block.iter(TBL)):
            target = after
        else:
            rows = body_rows(Table(block, document._body), -1)
            cells = (
                tuple(joined(cell_entries(tc)) for tc in row if tc is not None)
                for _, row, _ in rows
            )
            target.append(_Grid(tuple(cells)))
    return before, after


def _mailtos(p: Any, part: Any) -> tuple[str, ...]:
    """The addresses of the paragraph's mailto: links (the text may not show the address)."""
    found: list[str] = []
    for link in p.iter(f"{W}hyperlink"):
        rel = part.rels.get(link.get(_R_ID) or "")
        target = str(getattr(rel, "target_ref", "") or "") if rel is not None else ""
        if target.lower().startswith("mailto:"):
            found.append(target[len("mailto:") :].split("?")[0].strip())
    return tuple(a for a in found if a)


def _front_sheet(before: Sequence[_Para | _Grid], after: Sequence[_Para | _Grid]) -> _Sheet:
    """The board, date, venue, people, contact and next meeting around the agenda table."""
    reader = _FrontReader(_Sheet(board=_board(before)))
    for block in before:
        reader.block(block)
    sheet, general = reader.sheet, reader.general
    later = [block.lines for block in after if isinstance(block, _Para) and block.lines]
    sheet.next_meeting, used = _next_meeting([*general, *later])
    _meeting(sheet, [p for i, p in enumerate(general) if i not in used])
    if sheet.date is None:
        _meeting(sheet, [p for i, p in enumerate(later, len(general)) if i not in used])
    return sheet


class _FrontReader:
    """Reads the front sheet block by block: the members', officers' and contact lists under
    their labels, the chair, and the other lines (kept for the date and venue)."""

    def __init__(self, sheet: _Sheet) -> None:
        self.sheet = sheet
        self.general: list[tuple[str, ...]] = []
        """The lines of each paragraph that belong to no list."""
        self.kind: str | None = None  # the list being read: members, officers or contact
        self.listed = False
        """Whether the list has a line yet: an empty paragraph before one is only spacing."""

    def block(self, block: _Para | _Grid) -> None:
        if isinstance(block, _Para):
            self.paragraph(block)
        elif self.kind in (_MEMBERS, _OFFICERS):
            self.sheet.people(self.kind).extend(_table_people(block.rows))
            self.kind = None
        else:  # a layout table: each row read as a line ("Contact:" | "Jane Smith")
            for row in block.rows:
                if line := joined(row):
                    self.paragraph(_Para("", (line,), ()))

    def paragraph(self, para: _Para) -> None:
        if not para.lines:
            self.kind = None if self.listed else self.kind
            return
        if para.style == "Title" or para.style.startswith("Heading"):
            self.kind = None
        kept: list[str] = []
        for line in para.lines:
            label = _label(line)
            if label is not None:
                (self.kind, line), self.listed = label, False
                if not line:
                    continue
            if (chair := _chair(line)) is not None:
                self.sheet.chairs.append(chair)
            elif self.kind is not None:
                self.sheet.listed(self.kind, line)
                self.listed = True
            else:
                kept.append(line)
        if self.kind == _CONTACT:
            self.sheet.mailtos.extend(para.mailtos)
        if kept:
            self.general.append(tuple(kept))


def _board(before: Sequence[_Para | _Grid]) -> str | None:
    """The first Title paragraph, else the first Heading 1 that is not "Agenda" or "Minutes"."""
    paras = [b for b in before if isinstance(b, _Para) and b.lines]
    title = next((p for p in paras if p.style == "Title"), None)
    if title is None:
        title = next(
            (
                p
                for p in paras
                if p.style == "Heading 1" and not _AGENDA_WORD.fullmatch(" ".join(p.lines))
            ),
            None,
        )
    return " ".join(title.lines) if title is not None else None


def _next_meeting(paras: Sequence[Sequence[str]]) -> tuple[_When | None, set[int]]:
    """The date after a "Next meeting …" line (on it or just below), and the paragraphs used."""
    flat = [(index, line) for index, para in enumerate(paras) for line in para]
    for position, (index, line) in enumerate(flat):
        match = _NEXT_MEETING.match(line)
        if match is None:
            continue
        used = {index}
        for where, text in [(index, match["rest"]), *flat[position + 1 : position + 4]]:
            used.add(where)
            if (found := _when(text)) is not None:
                return found, used
        return None, used
    return None, set()


def _meeting(sheet: _Sheet, paras: Sequence[Sequence[str]]) -> None:
    """Date, start and venue: labelled lines first ("Date: …"), then the first dated line."""
    for para in paras:
        for line in para:
            match = _FIELD.fullmatch(line)
            if match is not None:
                _field(sheet, match["key"].lower(), match["value"].strip())
    if sheet.date is not None:
        return
    for index, para in enumerate(paras):
        for position, line in enumerate(para):
            found = _when(line)
            if found is None:
                continue
            sheet.when(found)
            for later in para[position + 1 :]:  # "…at 2.00 p.m." / "Council Chamber"
                if sheet.start is None and (time := _pure_time(later)) is not None:
                    sheet.start = time
                    continue
                if sheet.venue is None and _when(later) is None:
                    sheet.venue = later.rstrip(" .") or None
                break
            if sheet.start is None and index + 1 < len(paras) and paras[index + 1]:
                sheet.start = _pure_time(paras[index + 1][0])
            return


def _field(sheet: _Sheet, key: str, value: str) -> None:
    """A labelled front-sheet line, read leniently (a front sheet varies too much to refuse)."""
    if key in ("date", "when"):
        if (found := _when(value)) is not None:
            sheet.when(found)
    elif key.startswith(("time", "start")):
        sheet.start = sheet.start or _pure_time(value) or time_in(value)[0]
    elif key in ("venue", "location", "place", "where"):
        sheet.venue = sheet.venue or value.rstrip(" .") or None
    else:
        sheet.board = sheet.board or value or None


# -- Text outlines ----------------------------------------------------------------------------

_RULE = re.compile(r"(?:-{3,}|\*{3,}|_{3,})")
_HEADING = re.compile(r"(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*")
_NOTE = re.compile(r"(?:>+|note\s*:)\s*(?P<text>.*)", re.I)
_BULLET = re.compile(r"[-*+•]\s+")
_BOLD = re.compile(r"\*\*|__")
_PARTS = re.compile(r"\s*\|\s*")
_PAGES_PART = re.compile(r"\(?\s*(?:pages?|pp?|papers?)\.?\s*[0-9](?:[0-9\s,&-]|–|—|and)*\)?", re.I)
_TIMELIKE = re.compile(
    r"\(?[0-9][0-9\s:.\-–—]*(?:[a-z]{1,4}(?![a-z])\.?[0-9\s:.\-–—]*){0,3}\)?", re.I
)
"""A part that looks like a time or a duration ("25:99", "15q"): refused, not taken as a name."""
_INDENT_STEP = 2


def _outline_text(path: Path) -> str:
    """The outline's text: refused by size before it is read, and unless it is UTF-8."""
    data = read_limited(path, AgendaReadError, MAX_OUTLINE_BYTES, "text outline")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AgendaReadError(
            f"{path.name}: not UTF-8 text (byte {exc.start + 1} cannot be read); save it as UTF-8"
        ) from None


def _read_outline(path: Path) -> AgendaRead:
    reader = _OutlineReader(path.name)
    for number, line in enumerate(_outline_text(path).split("\n"), start=1):
        reader.line(number, line.rstrip("\r"))
    if not reader.items.drafts:
        raise AgendaReadError(f"{path.name}: no agenda items found")
    return reader.sheet.agenda(reader.items.finished())


class _OutlineReader:
    """Reads an outline line by line: header lines, then one item per line."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.sheet = _Sheet()
        self.items = _Items()
        self.kind: str | None = None  # the header list being read: members, officers, contact
        self.indents: list[int] = []
        """The indentation of the last item, then of the last sub-item under it."""

    def error(self, number: int, problem: str) -> AgendaReadError:
        return AgendaReadError(f"{self.name}: line {number}: {problem}")

    def line(self, number: int, raw: str) -> None:
        expanded = raw.expandtabs(4)
        content = collapse(_BOLD.sub("", expanded))
        indent = len(expanded) - len(expanded.lstrip())
        if not content:
            self.kind = None  # a blank line ends a header list
            return
        if _RULE.fullmatch(content):
            return
        if (heading := _HEADING.fullmatch(content)) is not None:
            self.heading(number, heading["text"])
            return
        next_meeting = _NEXT_MEETING.match(content)
        if next_meeting is not None and (found := _when(next_meeting["rest"])) is not None:
            self.sheet.next_meeting = found
            return
        if (note := _NOTE.match(content)) is not None:
            self.items.note(note["text"].strip())
            return
        bullet = _BULLET.match(content)
        body = content[bullet.end() :] if bullet else content
        if not any(c.isalnum() for c in body):
            return  # a lone bullet or a line of punctuation
        if not self.items.drafts:
            if self.kind is not None and (bullet or indent):
                self.sheet.listed(self.kind, body)
                return
            self.kind = None
            if self.header(number, body):
                return
        self.item(number, indent, body, bulleted=bullet is not None)

    def heading(self, number: int, text: str) -> None:
        """A Markdown heading: a numbered item, a list's label, a section, or the board."""
        self.kind = None
        if (split := _split_number(text)) is not None and split[0][:1].isdigit():
            self.item(number, 0, text, bulleted=False)
        elif (label := _label(text)) is not None:
            self.kind = label[0]
        elif (section := _section(text)) is not None:
            self.items.exempt = section
        elif not (self.items.drafts or self.sheet.board or _AGENDA_WORD.fullmatch(text)):
            self.sheet.board = text

    def header(self, number: int, body: str) -> bool:
        """A header line before the first item ("Date: …", "Members:", "Chair: …")."""
        if (match := _FIELD.fullmatch(body)) is not None:
            key, value = match["key"].lower(), match["value"].strip()
            if key in ("date", "when"):
                found = _when(value)
                if found is None:
                    raise self.error(number, f'cannot read the date "{value}"')
                self.sheet.when(found)
            elif key.startswith(("time", "start")):
                try:
                    times = parse_time(value)
                except AgendaReadError as exc:
                    raise self.error(number, str(exc)) from None
                self.sheet.start = times[0] if times else self.sheet.start
            else:
                _field(self.sheet, key, value)
            return True
        if (label := _label(body)) is not None:
            self.kind, rest = label
            for part in filter(None, (p.strip() for p in rest.split(";"))):
                self.sheet.listed(self.kind, part)
            return True
        if (chair := _chair(body)) is not None:
            self.sheet.chairs.append(chair)
            return True
        return _AGENDA_WORD.fullmatch(body) is not None

    def item(self, number: int, indent: int, body: str, *, bulleted: bool) -> None:
        split = _split_number(body)
        item_number, text = split if split is not None else ("", body)
        title, *parts = _PARTS.split(text)
        parts = [part for part in parts if part]
        if not item_number and not bulleted and not parts and not indent:
            section = _section(title)
            if section is not None:
                self.items.exempt = section
                return
        depth = max(_number_depth(item_number, self.items.drafts), self.indent_depth(indent))
        if depth > 1:
            raise self.error(number, "sub-items go one level deep (6.1), not deeper")
        self.indents = [indent] if depth == 0 or not self.indents else [self.indents[0], indent]
        draft = self.items.add(item_number, title.strip(), depth, number)
        for part in parts:
            self.part(number, draft, part)

    def indent_depth(self, indent: int) -> int:
        """0, 1 or 2 from how far the line is indented past the items above it."""
        if not self.indents or indent < self.indents[0] + _INDENT_STEP:
            return 0
        if len(self.indents) < 2 or indent < self.indents[1] + _INDENT_STEP:
            return 1
        return 2

    def part(self, number: int, draft: _Draft, part: str) -> None:
        """One " | " part: a duration, a time, pages, an exempt mark, a presenter or a note."""
        minutes = duration(part)
        times = time_range(part) if minutes is None else None
        if minutes is not None and draft.duration_minutes is None:
            draft.duration_minutes = minutes
        elif times is not None and draft.start is None:
            draft.start, draft.end = times
        elif minutes is not None or times is not None:
            draft.notes.append(part)
        elif _PAGES_PART.fullmatch(part) and draft.papers is None:
            draft.papers = part
        elif _EXEMPT_PART.fullmatch(part):
            draft.exempt = True
        elif _TIMELIKE.fullmatch(part):
            raise self.error(number, f'cannot read the time/duration "{part}"')
        elif draft.presenter is None:
            draft.presenter = part
        else:
            draft.notes.append(part)
