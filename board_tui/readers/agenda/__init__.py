"""Reading an agenda: a Word agenda (table, list or paragraphs) or a text outline.

Both give an :class:`AgendaRead`; nothing here writes. Bad input never ends in a
traceback: it raises :class:`AgendaReadError`, whose message is one line naming the file
and the problem (and the row or line). python-docx is imported only when a Word file is
read.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from board_tui.readers.agenda.model import (
    AgendaItemRead,
    AgendaRead,
    AgendaReadError,
    ContactRead,
    PersonRead,
)
from board_tui.readers.agenda.outline_text import MAX_OUTLINE_BYTES, read_outline
from board_tui.readers.clock import read_clock
from board_tui.readers.word_package import check_package, collapse, read_word, refuse_entities

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

_WORD_SUFFIXES = (".docx",)
_OUTLINE_SUFFIXES = (".txt", ".md", ".markdown", ".text")


def read_agenda(path: Path) -> AgendaRead:
    """Read a .docx agenda, or a .txt / .md outline; raises AgendaReadError otherwise."""
    from board_tui.readers.agenda.docx import read_document

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _WORD_SUFFIXES:
        check_package(path, AgendaReadError)
        refuse_entities(path, AgendaReadError)
        return read_word(path, AgendaReadError, read_document)
    if suffix in _OUTLINE_SUFFIXES:
        return read_outline(path)
    raise AgendaReadError(f"{path.name}: not a Word .docx or a text outline (.txt, .md)")


def parse_time(text: str) -> tuple[dt.time, dt.time | None] | None:
    """The (start, end) a clerk typed: "2:00pm", "2.00 p.m.", "14:00", "1400", "noon",
    "14:00-14:10", "2:00 – 2:15pm", "14h30" (end None for a single time).

    None for "no time" ("", "-", "TBC", "n/a"); AgendaReadError for anything else that
    cannot be read, so a typo is shown rather than dropped.
    """
    from board_tui.domain.times import is_no_time

    if is_no_time(text):
        return None
    clock = read_clock(text)
    if clock is None:
        raise AgendaReadError(f'cannot read the time "{collapse(text)}"')
    return clock.start, clock.end
