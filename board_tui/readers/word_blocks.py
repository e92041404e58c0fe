"""A Word document's body as a reader sees it: paragraphs with their look, and tables.

Each paragraph comes with what tells a reader its part on the page: its style and heading
level, the list number or bullet Word draws before it (:mod:`word_lists`), whether it is
all bold or all italic, whether a page break comes with it, and the addresses of its
mailto: links. Tables come as grids (:mod:`word_tables`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from board_tui.readers.word_lists import ListLabel, Numbering
from board_tui.readers.word_package import BR, TBL, P, R, W, blocks, paragraph_entries
from board_tui.readers.word_tables import Table, read_table

__all__ = ["Para", "Styles", "body", "cell_paragraphs", "paragraph"]

_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_HEADING_NAME = re.compile(r"heading\s*([1-9])", re.I)
_TRUE = (None, "1", "true", "on")


def _on(element: Any, path: str) -> bool | None:
    """A toggle property (w:b, w:i): True, False, or None when not set here."""
    found = element.find(path)
    if found is None:
        return None
    return found.get(f"{W}val") in _TRUE


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    outline: int | None
    bold: bool | None
    italic: bool | None


class Styles:
    """The paragraph styles of a document: names, heading levels, bold and italic."""

    def __init__(self, document: Any) -> None:
        self._styles: dict[str, _Style] = {}
        self.default: str | None = None
        try:
            root = document.styles.element
        except Exception:  # no styles part, or a broken one: every paragraph is plain
            return
        for style in root.iterchildren(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if not style_id:
                continue
            name_el = style.find(f"{W}name")
            name = (name_el.get(f"{W}val") if name_el is not None else None) or style_id
            based = style.find(f"{W}basedOn")
            outline = style.find(f"{W}pPr/{W}outlineLvl")
            self._styles[style_id] = _Style(
                name=name[:1].upper() + name[1:],
                based_on=based.get(f"{W}val") if based is not None else None,
                outline=_int(outline.get(f"{W}val")) if outline is not None else None,
                bold=_on(style, f"{W}rPr/{W}b"),
                italic=_on(style, f"{W}rPr/{W}i"),
            )
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in _TRUE[1:]:
                self.default = style_id

    def _chain(self, style_id: str | None) -> list[_Style]:
        chain: list[_Style] = []
        seen: set[str] = set()
        style_id = style_id or self.default
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            chain.append(self._styles[style_id])
            style_id = chain[-1].based_on
        return chain

    def name(self, style_id: str | None) -> str:
        chain = self._chain(style_id)
        return chain[0].name if chain else ""

    def heading(self, style_id: str | None) -> int | None:
        """0 for Title, 1-9 for Heading 1-9 (or a style with that outline level)."""
        chain = self._chain(style_id)
        if not chain:
            return None
        if chain[0].name.casefold() in ("title", "subtitle"):
            return 0
        match = _HEADING_NAME.fullmatch(chain[0].name)
        if match:
            return int(match.group(1))
        outline = next((s.outline for s in chain if s.outline is not None), None)
        return outline + 1 if outline is not None and 0 <= outline < 9 else None

    def toggle(self, style_id: str | None, attribute: str) -> bool:
        for style in self._chain(style_id):
            value = getattr(style, attribute)
            if value is not None:
                return bool(value)
        return False


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Para:
    """A paragraph as a reader sees it."""

    lines: tuple[str, ...]
    """Its non-empty lines (a line break splits a paragraph into lines)."""
    style: str
    heading: int | None
    """0 for a Title, 1-9 for a heading level; None for body text."""
    label: ListLabel | None
    """The number or bullet Word draws before it, when it is in a list."""
    bold: bool
    """Every word of it is bold."""
    italic: bool
    """Every word of it is italic."""
    page_break: bool
    """A page break stands in it or before it."""
    mailtos: tuple[str, ...]
    indent: int
    """Its left indentation in twentieths of a point (0 when not set on the paragraph)."""

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def _runs_all(p: Any, styles: Styles, style_id: str | None, prop: str, attribute: str) -> bool:
    """Whether every run with text has the toggle set (directly or by the style)."""
    default = styles.toggle(style_id, attribute)
    seen = False
    for run in p.iter(R):
        if not any((t.text or "").strip() for t in run.iter(f"{W}t")):
            continue
        seen = True
        value = _on(run, f"{W}rPr/{W}{prop}")
        if not (default if value is None else value):
            return False
    return seen


def _mailtos(p: Any, part: Any) -> tuple[str, ...]:
    found: list[str] = []
    for link in p.iter(f"{W}hyperlink"):
        try:
            rel = part.rels.get(link.get(_R_ID) or "")
        except Exception:  # a broken relationships part: the text still counts
            rel = None
        target = str(getattr(rel, "target_ref", "") or "") if rel is not None else ""
        if target.lower().startswith("mailto:"):
            found.append(target[len("mailto:") :].split("?")[0].strip())
    return tuple(a for a in found if a)


def paragraph(p: Any, styles: Styles, numbering: Numbering | None, part: Any = None) -> Para:
    """The paragraph element ``p`` as a :class:`Para` (counting it in its list, if any)."""
    p_pr = p.find(f"{W}pPr")
    style_el = None if p_pr is None else p_pr.find(f"{W}pStyle")
    style_id = None if style_el is None else style_el.get(f"{W}val")
    outline = None if p_pr is None else p_pr.find(f"{W}outlineLvl")
    heading = styles.heading(style_id)
    if outline is not None and (level := _int(outline.get(f"{W}val"))) is not None:
        heading = level + 1 if 0 <= level < 9 else heading
    indent_el = None if p_pr is None else p_pr.find(f"{W}ind")
    indent = 0
    if indent_el is not None:
        indent = _int(indent_el.get(f"{W}left") or indent_el.get(f"{W}start")) or 0
    breaks = any(br.get(f"{W}type") == "page" for br in p.iter(BR))
    before = None if p_pr is None else _on(p_pr, f"{W}pageBreakBefore")
    return Para(
        lines=tuple(line for line in paragraph_entries(p) if line),
        style=styles.name(style_id),
        heading=heading,
        label=numbering.label(p) if numbering is not None else None,
        bold=_runs_all(p, styles, style_id, "b", "bold"),
        italic=_runs_all(p, styles, style_id, "i", "italic"),
        page_break=breaks or bool(before),
        mailtos=_mailtos(p, part) if part is not None else (),
        indent=indent,
    )


def body(document: Any, tables: Sequence[Table] = ()) -> list[Para | Table]:
    """The body's paragraphs and tables in order (tables nested in cells stay in theirs);
    ``tables`` already read are used as they are."""
    styles = Styles(document)
    numbering = Numbering(document)
    part = document.part
    known = {id(table.element): table for table in tables}
    found: list[Para | Table] = []
    for block in blocks(document.element.body):
        if block.tag == P:
            found.append(paragraph(block, styles, numbering, part))
        elif block.tag == TBL:
            found.append(known.get(id(block)) or read_table(block))
    return found


def cell_paragraphs(tc: Any, styles: Styles) -> list[Para]:
    """The paragraphs of a table cell (no list counting: a cell's numbers are typed)."""
    return [paragraph(block, styles, None) for block in blocks(tc) if block.tag == P]
