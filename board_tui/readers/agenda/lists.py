"""Agendas written as Word lists, or as plain paragraphs under an "Agenda" heading.

The items are the outer entries of the document's numbered list (Word's own numbering,
read from the paragraph's list properties, or numbers typed at the start: "1.", "4)",
"3a", "6.1"); numbered entries one level in are sub-items (3.1, or a. b. under 1);
bullets and deeper entries are notes on the item above. When nothing is numbered, the
outer bullets are the items. A paragraph between items that names a day ("April 16",
"Day 2") starts that day; a "Part 2" heading starts the exempt items. Without any list,
the paragraphs under an "Agenda" heading are the items, up to the signature.

An entry may start with its time ("0900-1000: Getting started", "9.30 Welcome") and end
with its presenter after a colon ("Revisión de la agenda: Carlos").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from board_tui.readers.agenda.front_sheet import is_agenda_heading
from board_tui.readers.agenda.items import Items
from board_tui.readers.agenda.marks import day_heading, is_letter_label, section, split_number
from board_tui.readers.calendar import find_date
from board_tui.readers.clock import leading_time
from board_tui.readers.word_blocks import Para
from board_tui.readers.word_package import collapse
from board_tui.readers.word_tables import Table

__all__ = ["ListAgenda", "read_list_agenda"]

_LIST_STYLE_DEPTH = re.compile(r"list(?:\s+(?:number|bullet|paragraph|continue))?\s+([2-9])", re.I)
_TYPED_BULLET = re.compile(r"^(?:[•·▪◦●○■□➢➤►o*-]|–)\s+(?=\S)")
_PRESENTER_AFTER = re.compile(r"^(?P<title>\S.*?\S)\s*:\s*(?P<who>[^:]+)$")
_CONNECTORS = {"de", "del", "la", "las", "los", "van", "von", "der", "y", "and", "&", "et", "ac"}
_CLOSING = re.compile(
    r"^(?:yours\s+(?:sincerely|faithfully|truly)|kind\s+regards|best\s+regards|best\s+wishes"
    r"|warm\s+regards|regards|many\s+thanks|thank\s+you|sincerely|atentamente|saludos"
    r"|cordialement|bien\s+[àa]\s+vous|yn\s+gywir|cofion)\b",
    re.I,
)
_GREETING = re.compile(
    r"^(?:dear|hi|hello|to\s*:|estimad[oa]s?|querid[oa]s?|cher|ch[eè]re|annwyl|at\s*:)", re.I
)


@dataclass(frozen=True)
class ListAgenda:
    items: Items
    first: int
    """The block index of the first item: the blocks before it are the front sheet."""
    last: int
    """The block index of the last block read into the items."""
    layout: str
    """ "list" or "paragraphs"."""


@dataclass(frozen=True)
class _Entry:
    index: int
    para: Para
    level: int
    number: str
    numbered: bool
    text: str


def _entry(index: int, para: Para) -> _Entry | None:
    """The paragraph as a list entry, when it is one (Word's list, or a typed number)."""
    text = para.text
    if para.label is not None:
        level = para.label.level
        style_depth = _LIST_STYLE_DEPTH.fullmatch(para.style)
        if level == 0 and style_depth is not None:
            level = int(style_depth.group(1)) - 1
        number = para.label.label.strip().strip("().").strip() if para.label.numbered else ""
        return _Entry(index, para, level, number, para.label.numbered, text)
    bullet = _TYPED_BULLET.match(text)
    if bullet is not None:
        return _Entry(index, para, 1 if para.indent >= 360 else 0, "", False, text[bullet.end() :])
    split = split_number(text)
    if split is None or not split[1] or find_date(text) is not None:
        return None
    number, title = split
    if leading_time(text) is not None:
        return None  # "9.30 Welcome": a time, not item 9.30
    level = 1 if is_letter_label(number) or re.search(r"[.][0-9]|[0-9][a-z]", number) else 0
    return _Entry(index, para, level, number, True, title)


def _name_like(words: Sequence[str]) -> bool:
    """1 to 4 capitalised words of letters (with "de", "van", "and" between): a name."""
    if not 1 <= len(words) <= 4 or words[0].casefold() in _CONNECTORS:
        return False
    for word in words:
        if word.casefold() in _CONNECTORS:
            continue
        if not word[0].isupper() or not all(c.isalpha() or c in "'’.-" for c in word):
            return False
    return True


def _presenter(text: str) -> tuple[str, str | None]:
    """ "Revisión de la agenda: Carlos" → ("Revisión de la agenda", "Carlos")."""
    match = _PRESENTER_AFTER.match(text)
    if match is None or len(match["title"].split()) < 2:
        return text, None
    who = match["who"].strip().rstrip(".")
    if not _name_like(who.split()):
        return text, None
    return match["title"].strip(), who


class _Reader:
    def __init__(self, year: int | None) -> None:
        self.items = Items()
        self.year = year

    def item(self, entry: _Entry, depth: int) -> None:
        text = collapse(entry.text)
        clock = None
        timed = leading_time(text)
        if timed is not None:
            clock, text = timed
        title, presenter = _presenter(text)
        draft = self.items.add(entry.number, title, depth, entry.index + 1)
        draft.clock = clock
        draft.presenter = presenter

    def between(self, para: Para) -> None:
        """A paragraph that is not an entry, between items: a day, a section, or a note."""
        text = collapse(para.text)
        if not text:
            return
        if day_heading(text, self.year):
            self.items.new_day(text)
            return
        found = section(text)
        if found is not None and (para.heading is not None or para.bold or len(text) < 40):
            self.items.exempt = found
            return
        self.items.note(text)


def _region_start(blocks: Sequence[Para | Table]) -> int | None:
    """The block after the "Agenda" heading, when the document has one."""
    for index, block in enumerate(blocks):
        if isinstance(block, Para) and block.lines and is_agenda_heading(block.text):
            return index + 1
    return None


def read_list_agenda(blocks: Sequence[Para | Table], year: int | None) -> ListAgenda | None:
    """The agenda in the document's list (or in the paragraphs under its "Agenda" heading)."""
    start = _region_start(blocks)
    region = range(start or 0, len(blocks))
    entries = [
        found
        for index in region
        if isinstance(block := blocks[index], Para)
        and block.lines
        and (found := _entry(index, block)) is not None
    ]
    words = [e for e in entries if e.para.label is not None]
    entries = words or entries
    if len(entries) >= 2:
        return _from_entries(blocks, entries, year)
    if start is not None:
        return _from_paragraphs(blocks, start, year)
    return None


def _from_entries(
    blocks: Sequence[Para | Table], entries: Sequence[_Entry], year: int | None
) -> ListAgenda | None:
    top = min(e.level for e in entries)
    numbered_top = any(e.numbered and e.level == top for e in entries)
    by_index = {e.index: e for e in entries}
    items = [e for e in entries if e.level == top and (e.numbered or not numbered_top)]
    if not items:
        return None
    first, last = items[0].index, items[-1].index
    reader = _Reader(year)
    heading = _day_before(blocks, first, year)
    if heading is not None:
        reader.items.new_day(heading)
    index = first
    while index < len(blocks):
        block = blocks[index]
        entry = by_index.get(index)
        if entry is not None:
            if entry.level == top and (entry.numbered or not numbered_top):
                reader.item(entry, 0)
            elif entry.level == top + 1 and entry.numbered and numbered_top:
                reader.item(entry, 1)
            else:
                reader.items.note(collapse(entry.text))
        elif index > last:
            break  # past the last item and its own entries: the closing paragraphs
        elif isinstance(block, Para):
            reader.between(block)
        index += 1
    _single_day(reader.items)
    return ListAgenda(reader.items, first, index - 1, "list")


def _day_before(blocks: Sequence[Para | Table], first: int, year: int | None) -> str | None:
    """The day heading standing just above the first item, if any."""
    for index in range(first - 1, -1, -1):
        block = blocks[index]
        if not isinstance(block, Para):
            return None
        if not block.lines:
            continue
        return block.text if day_heading(block.text, year) else None
    return None


def _single_day(items: Items) -> None:
    """One day heading is no multi-day agenda: it is the meeting's date, not a day of it."""
    days = [d for d in items.drafts if d.day is not None]
    if len(days) == 1:
        days[0].day = None


def _from_paragraphs(
    blocks: Sequence[Para | Table], start: int, year: int | None
) -> ListAgenda | None:
    reader = _Reader(year)
    last = start - 1
    for index in range(start, len(blocks)):
        block = blocks[index]
        if not isinstance(block, Para):
            break
        if not block.lines:
            continue
        text = collapse(block.text)
        if _CLOSING.match(text):
            break
        if _GREETING.match(text):
            continue
        if block.heading is not None or day_heading(text, year) or block.italic:
            reader.between(block)
        else:
            split = split_number(text)
            number, title = split if split is not None and split[1] else ("", text)
            depth = 1 if number and (is_letter_label(number) or "." in number[1:]) else 0
            reader.item(_Entry(index, block, depth, number, bool(number), title), depth)
        last = index
    if not reader.items.drafts:
        return None
    _single_day(reader.items)
    first = next(d.row for d in reader.items.drafts) - 1
    return ListAgenda(reader.items, first, last, "paragraphs")
