"""The floor for a Word export: the same document, rebuilt with nothing but python-docx.

The app's document is read back and its paragraphs (with their styles) and
tables (with their cells' text) are written again with python-docx's plainest
calls. That is the least any exporter of this content could do; the app's
extra work (reading the store, the house style, shading, page set-up, the
atomic write) is what the ratio shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph


@dataclass(frozen=True)
class Para:
    style: str | None
    text: str


@dataclass(frozen=True)
class Grid:
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Content:
    """A document's body, in order."""

    blocks: tuple[Para | Grid, ...]

    @property
    def paragraphs(self) -> int:
        return sum(isinstance(b, Para) for b in self.blocks)

    @property
    def table_rows(self) -> int:
        return sum(len(b.rows) for b in self.blocks if isinstance(b, Grid))


def read_content(path: Path) -> Content:
    document = docx.Document(str(path))
    blocks: list[Para | Grid] = []
    for element in document.iter_inner_content():
        if isinstance(element, Paragraph):
            blocks.append(Para(element.style.name if element.style else None, element.text))
        elif isinstance(element, Table):
            blocks.append(Grid(tuple(tuple(c.text for c in row.cells) for row in element.rows)))
    return Content(tuple(blocks))


def write_floor(content: Content, path: Path) -> None:
    document = docx.Document()
    known = {style.name for style in document.styles}
    for block in content.blocks:
        if isinstance(block, Para):
            document.add_paragraph(block.text, style=block.style if block.style in known else None)
        elif block.rows:
            table = document.add_table(rows=0, cols=max(len(r) for r in block.rows))
            for row in block.rows:
                for cell, text in zip(table.add_row().cells, row, strict=False):
                    cell.text = text
    document.save(str(path))
