"""A document as plain blocks, so one structure gives both the text preview and the Word file.

The minutes are built once as a list of blocks (headings, paragraphs, bullets,
decisions, tables); the TUI shows them as text before anything is written, and
the same list is rendered to Word with named styles only.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from board_tui.exporters.style import ACTION, DECISION, LABEL, MASTHEAD, PRESENTER

Progress = Callable[[int, int], None]
"""Called with (done, total) as a long export goes, for a progress bar."""


class Kind(StrEnum):
    MASTHEAD = "masthead"
    HEADING1 = "heading1"
    HEADING2 = "heading2"
    HEADING3 = "heading3"
    LABEL = "label"
    PARAGRAPH = "paragraph"
    PRESENTER = "presenter"
    BULLET = "bullet"
    DECISION = "decision"
    ACTION = "action"
    PAIRS = "pairs"
    TABLE = "table"
    SPACER = "spacer"


_STYLES = {
    Kind.MASTHEAD: MASTHEAD,
    Kind.HEADING1: "Heading 1",
    Kind.HEADING2: "Heading 2",
    Kind.HEADING3: "Heading 3",
    Kind.LABEL: LABEL,
    Kind.PARAGRAPH: "Normal",
    Kind.PRESENTER: PRESENTER,
    Kind.BULLET: "List Bullet",
    Kind.DECISION: DECISION,
    Kind.ACTION: ACTION,
    Kind.SPACER: "Normal",
}


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str = ""
    lead: str = ""
    """Bold words in front of the text ("Action A1:")."""
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    widths_mm: tuple[float, ...] = ()
    centred: bool = False
    """Centred where the house layout wants it whatever the style says (the minutes' title)."""
    keep_with_next: bool = False
    """On the same page as the block after it (the close and the chair's signature lines)."""
    fill: str = ""
    """A paragraph shaded in this colour (RRGGBB): a status in its colour."""


def block(kind: Kind, text: str = "", lead: str = "") -> Block:
    return Block(kind, text, lead)


# -- text --------------------------------------------------------------------------------------

TEXT_WIDTH = 88


def _wrapped(
    text: str, indent: str = "", first: str | None = None, width: int = TEXT_WIDTH
) -> list[str]:
    return textwrap.wrap(
        text,
        width,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_long_words=False,
    ) or [first or indent]


MIN_COLUMN = 12
"""A text table's column is never narrower than this: words are wrapped whole, never split."""


def _text_table(b: Block, width: int = TEXT_WIDTH) -> list[str]:
    """Columns padded to their widest cell; the widest columns wrap, a column at a time, until
    a row fits the width (each keeps whole words)."""
    rows = [b.header, *b.rows] if b.header else list(b.rows)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    gaps = 2 * (len(widths) - 1)
    while sum(widths) + gaps > width and max(widths) > MIN_COLUMN:
        widths[widths.index(max(widths))] -= 1
    lines = []
    for index, row in enumerate(rows):
        cells = [
            textwrap.wrap(cell, w, break_long_words=False) or [""]
            for cell, w in zip(row, widths, strict=True)
        ]
        for depth in range(max(len(c) for c in cells)):
            parts = [
                (c[depth] if depth < len(c) else "").ljust(w)
                for c, w in zip(cells, widths, strict=True)
            ]
            lines.append("  ".join(parts).rstrip())
        if index == 0 and b.header:
            lines.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
    return lines


def block_lines(b: Block, width: int = TEXT_WIDTH) -> list[str]:
    """How one block reads as plain text, in lines of at most `width` (words kept whole)."""
    text = f"{b.lead} {b.text}".strip() if b.lead else b.text
    match b.kind:
        case Kind.MASTHEAD | Kind.HEADING1:
            return [line.center(width).rstrip() for line in _wrapped(text, width=width)]
        case Kind.HEADING2 | Kind.HEADING3 | Kind.LABEL:
            return ["", *_wrapped(text, width=width)]
        case Kind.BULLET:
            return _wrapped(text, "    ", "  \u2022 ", width)
        case Kind.DECISION:
            return ["", *_wrapped(text, "    ", "  \u00bb ", width)]
        case Kind.ACTION | Kind.PRESENTER:
            return _wrapped(text, "    ", "  ", width)
        case Kind.PAIRS | Kind.TABLE:
            return _text_table(b, width) if b.rows else []
        case Kind.SPACER:
            return [""]
        case _:
            return ["", *_wrapped(text, width=width)]


def blocks_text(blocks: Sequence[Block], header: str = "", width: int = TEXT_WIDTH) -> str:
    """The blocks as plain text `width` columns wide: a preview laid out for its window."""
    lines = [header.replace("\t", "    "), ""] if header else []
    for b in blocks:
        lines.extend(block_lines(b, width))
    return "\n".join(lines).rstrip() + "\n"


# -- Word --------------------------------------------------------------------------------------


def render(document: Any, blocks: Sequence[Block], progress: Progress | None = None) -> None:
    """Add the blocks to the document's body, in order, by named style."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    from board_tui.exporters.word import grid_table, pairs_table, paragraph, shade_paragraph

    total = len(blocks)
    for done, b in enumerate(blocks, start=1):
        if b.kind is Kind.PAIRS:
            pairs_table(document, [(r[0], r[1]) for r in b.rows], [Mm(w) for w in b.widths_mm])
        elif b.kind is Kind.TABLE:
            table = grid_table(document, b.header, len(b.rows), [Mm(w) for w in b.widths_mm])
            _fill_rows(table, b.rows)
        else:
            p = paragraph(document, b.text, _STYLES[b.kind], lead=b.lead)
            if b.centred:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if b.keep_with_next:
                p.paragraph_format.keep_with_next = True
            if b.fill:
                shade_paragraph(p, b.fill)
        if progress is not None:
            progress(done, total)


def _fill_rows(table: Any, rows: Sequence[Sequence[str]]) -> None:
    from board_tui.exporters.word import fill_cell

    for row, values in zip(table.rows[1:], rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            fill_cell(cell, [("", value)])
