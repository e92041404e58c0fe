"""The fixed sections of a board's report template: its headings, in order, and their words.

A council's Word report template holds the sections every report carries — "1. REASONS
FOR THE DECISIONS", "2. ALTERNATIVE OPTIONS", the implications, "Appendices",
"Background Documents" — each with its guidance or placeholder text. The progress report
takes them from there, in the template's order and words, so it reads as the board's own
papers do. A heading is a paragraph in a heading style (or with an outline level), or a
short paragraph all in bold capitals, as many templates set them; what stands before the
first heading (the cover) and the template's tables are not sections. Word's own list
numbers and bullets are kept ("1.1 …", "- …").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from board_tui.domain.errors import BoardTuiError
from board_tui.readers.word_blocks import Para, body
from board_tui.readers.word_package import check_package, read_word, refuse_entities

__all__ = ["ReportTemplateError", "TemplatePara", "TemplateSection", "read_report_template"]

SHORT_HEADING = 90
"""A bold capitals paragraph longer than this is emphasis, not a heading."""


class ReportTemplateError(BoardTuiError):
    """A template that cannot be read: one line naming the file."""


@dataclass(frozen=True)
class TemplatePara:
    text: str
    bullet: bool = False


@dataclass(frozen=True)
class TemplateSection:
    heading: str
    level: int
    """1: a section of the report; 2: a part of one ("Appendices" under "Appendices and
    Background Documents")."""
    paragraphs: tuple[TemplatePara, ...]


def _level(para: Para) -> int | None:
    if para.heading is not None:
        return None if para.heading == 0 else min(para.heading, 2)
    text = para.text
    letters = [c for c in text if c.isalpha()]
    if (
        para.bold
        and letters
        and all(c.isupper() for c in letters)
        and len(text) <= SHORT_HEADING
        and not (para.label is not None and not para.label.numbered)
    ):
        return 1
    return None


def _words(para: Para) -> str:
    label = para.label
    if label is not None and label.numbered and label.label:
        return f"{label.label} {para.text}"
    return para.text


def _read(document: Any, _name: str) -> tuple[TemplateSection, ...]:
    sections: list[tuple[str, int, list[TemplatePara]]] = []
    for block in body(document):
        if not isinstance(block, Para) or not block.text.strip():
            continue
        level = _level(block)
        if level is not None:
            sections.append((_words(block), level, []))
        elif sections:
            bullet = block.label is not None and not block.label.numbered
            sections[-1][2].append(TemplatePara(_words(block), bullet))
    return tuple(TemplateSection(h, level, tuple(p)) for h, level, p in sections)


def read_report_template(path: Path) -> tuple[TemplateSection, ...]:
    """The template's sections in order; () when it has none (a template of styles only)."""
    path = Path(path).expanduser()
    check_package(path, ReportTemplateError)
    refuse_entities(path, ReportTemplateError)
    return read_word(path, ReportTemplateError, _read)
