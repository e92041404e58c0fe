"""Agendas typed as a text or Markdown outline: a header, then one item per line.

    # Health and Wellbeing Board
    Date: 2026-12-01
    Time: 2pm

    1. Welcome and apologies | Chair | 5m
       1.1 Sub-item | 10m
       > A note on the item above

The parts after "|" are a length ("15m", "1h 30m"), a time or a range, pages, "Part 2",
and the presenter. A time or length that cannot be read is refused with its line number.
"""

from __future__ import annotations

import re
from pathlib import Path

from board_tui.domain.times import duration, is_no_time
from board_tui.readers.agenda.front_sheet import (
    AGENDA_WORD,
    FIELD,
    NEXT_MEETING,
    Sheet,
    field_line,
    when,
)
from board_tui.readers.agenda.items import Draft, Items
from board_tui.readers.agenda.marks import (
    EXEMPT_PART,
    exempt_paragraph,
    number_depth,
    section,
    split_number,
)
from board_tui.readers.agenda.model import AgendaRead, AgendaReadError
from board_tui.readers.agenda.people import chair, label
from board_tui.readers.clock import read_clock
from board_tui.readers.word_package import collapse, read_limited

__all__ = ["MAX_OUTLINE_BYTES", "read_outline"]

MAX_OUTLINE_BYTES = 2 * 1024 * 1024
"""A text outline larger than this is refused before it is read."""


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


def read_outline(path: Path) -> AgendaRead:
    """Read a text or Markdown outline; raises AgendaReadError when it cannot be read."""
    reader = _OutlineReader(path.name)
    for number, line in enumerate(_outline_text(path).split("\n"), start=1):
        reader.line(number, line.rstrip("\r"))
    if not reader.items.drafts:
        raise AgendaReadError(f"{path.name}: no agenda items found")
    return reader.sheet.agenda(reader.items.finished(), "outline")


class _OutlineReader:
    """Reads an outline line by line: header lines, then one item per line."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.sheet = Sheet()
        self.items = Items()
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
        next_meeting = NEXT_MEETING.match(content)
        if next_meeting is not None and (found := when(next_meeting["rest"])) is not None:
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
        if (split := split_number(text)) is not None and split[0][:1].isdigit():
            self.item(number, 0, text, bulleted=False)
        elif (labelled := label(text)) is not None:
            self.kind = labelled[0]
        elif (found_section := section(text)) is not None:
            self.items.exempt = found_section
        elif not (self.items.drafts or self.sheet.board or AGENDA_WORD.fullmatch(text)):
            self.sheet.board = text

    def header(self, number: int, body: str) -> bool:
        """A header line before the first item ("Date: …", "Members:", "Chair: …")."""
        if (match := FIELD.fullmatch(body)) is not None:
            key, value = match["key"].lower(), match["value"].strip()
            if key in ("date", "when"):
                found = when(value)
                if found is None:
                    raise self.error(number, f'cannot read the date "{value}"')
                self.sheet.when(found)
            elif key.startswith(("time", "start")):
                clock = read_clock(value)
                if clock is None and value and not is_no_time(value):
                    raise self.error(number, f'cannot read the time "{collapse(value)}"')
                self.sheet.start = clock.start if clock else self.sheet.start
            else:
                field_line(self.sheet, key, value)
            return True
        if (labelled := label(body)) is not None:
            self.kind, rest = labelled
            for part in filter(None, (p.strip() for p in rest.split(";"))):
                self.sheet.listed(self.kind, part)
            return True
        if (chaired := chair(body)) is not None:
            self.sheet.chairs.append(chaired)
            return True
        return AGENDA_WORD.fullmatch(body) is not None

    def item(self, number: int, indent: int, body: str, *, bulleted: bool) -> None:
        split = split_number(body)
        item_number, text = split if split is not None else ("", body)
        title, *parts = _PARTS.split(text)
        parts = [part for part in parts if part]
        if not item_number and not bulleted and not parts and not indent:
            found = section(title)
            if found is not None:
                self.items.exempt = found
                return
        depth = max(
            number_depth(
                item_number, self.items.last_main_number, has_items=bool(self.items.drafts)
            ),
            self.indent_depth(indent),
        )
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

    def part(self, number: int, draft: Draft, part: str) -> None:
        """One " | " part: a duration, a time, pages, an exempt mark, a presenter or a note."""
        minutes = duration(part)
        clock = read_clock(part) if minutes is None else None
        if minutes is not None and draft.duration_minutes is None:
            draft.duration_minutes = minutes
        elif clock is not None and draft.clock is None:
            draft.clock = clock
        elif minutes is not None or clock is not None:
            draft.notes.append(part)
        elif _PAGES_PART.fullmatch(part) and draft.papers is None:
            draft.papers = part
        elif EXEMPT_PART.fullmatch(part):
            draft.exempt = True
            draft.paragraph = exempt_paragraph([part]) or draft.paragraph
        elif _TIMELIKE.fullmatch(part):
            raise self.error(number, f'cannot read the time/duration "{part}"')
        elif draft.presenter is None:
            draft.presenter = part
        else:
            draft.notes.append(part)
