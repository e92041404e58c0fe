"""A ruled Word table written in one pass: each row's XML built once, the table parsed once.

python-docx reaches a table's cells through a grid it works out again on each access,
so filling a 1,000-row table cell by cell took most of the action plan's export (see
benchmarks/PROFILES.md). The XML written here is what python-docx's table API writes
for the same content (grid_table, fill_cell, shade, merge, repeat_header,
keep_row_together in exporters/word.py), element for element, so Word, LibreOffice and
the action-plan importer read the file exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from board_tui.exporters.style import STRONG, TABLE_HEADING, TABLE_TEXT
from board_tui.exporters.word import HEADER_FILL, style_id, word_text

__all__ = ["Line", "OnePassTable"]

Line = tuple[str, str]
"""A paragraph as (bold lead-in, text)."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_LOOK = (
    '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0"'
    ' w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
)
_BREAKS = re.compile(r"([\t\r\n])")


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(text: str) -> str:
    return _escaped(text).replace('"', "&quot;")


def _t(text: str) -> str:
    """A w:t as python-docx writes it: spaces at either end kept by xml:space."""
    if len(text.strip()) < len(text):
        return f'<w:t xml:space="preserve">{_escaped(text)}</w:t>'
    return f"<w:t>{_escaped(text)}</w:t>"


def _run_content(text: str) -> str:
    """Tabs as w:tab, line feeds and carriage returns as w:br, as python-docx's add_run."""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return _t(text)
    parts = []
    for part in _BREAKS.split(text):
        if part == "\t":
            parts.append("<w:tab/>")
        elif part in ("\n", "\r"):
            parts.append("<w:br/>")
        elif part:
            parts.append(_t(part))
    return "".join(parts)


def _properties(element: str, style: str, found: str | None) -> str:
    """A paragraph's or run's properties naming its style (empty for the default style,
    as python-docx leaves them)."""
    if found is None:
        return f"<w:{element}Pr/>"
    return f'<w:{element}Pr><w:{style} w:val="{_attribute(found)}"/></w:{element}Pr>'


class OnePassTable:
    """A "Table Grid" table with a grey header row that repeats on each page.

    Rows are added as XML text; `insert` parses the whole table once and puts it at the
    end of the document's body, where python-docx's add_table would.
    """

    def __init__(self, document: Any, header: Sequence[str], widths: Sequence[Any]) -> None:
        self.document = document
        part = document.part
        self.twips = [int(width.twips) for width in widths]
        self.table_style = style_id(part, "Table Grid")
        self._strong = _properties("r", "rStyle", style_id(part, STRONG))
        self._paragraph_styles: dict[str, str] = {}
        self.rows: list[str] = []
        heading = [[("", text)] for text in header]
        self.add_row(heading, style=TABLE_HEADING, fill=HEADER_FILL, flag="tblHeader")

    def _p_pr(self, style: str) -> str:
        found = self._paragraph_styles.get(style)
        if found is None:
            found = _properties("p", "pStyle", style_id(self.document.part, style))
            self._paragraph_styles[style] = found
        return found

    def _paragraphs(self, lines: Sequence[Line], style: str) -> str:
        """One paragraph per line, the first even when there are none (a cell holds one)."""
        p_pr = self._p_pr(style)
        out = []
        for lead, text in lines or [("", "")]:
            lead, text = word_text(lead), word_text(text)
            runs = ""
            if lead:
                runs = f"<w:r>{self._strong}{_run_content(lead)}</w:r>"
                if text:
                    runs += '<w:r><w:t xml:space="preserve"> </w:t></w:r>'
            if text:
                runs += f"<w:r>{_run_content(text)}</w:r>"
            out.append(f"<w:p>{p_pr}{runs}</w:p>")
        return "".join(out)

    def add_row(
        self,
        cells: Sequence[Sequence[Line]],
        *,
        style: str = TABLE_TEXT,
        fill: str | None = None,
        flag: str | None = None,
    ) -> None:
        """A row of one cell a column, each shaded in `fill`; flag is a w:trPr switch
        ("cantSplit": never split across pages; "tblHeader": repeated on each page)."""
        shd = (
            f'<w:shd w:val="clear" w:color="auto" w:fill="{_attribute(fill.upper())}"/>'
            if fill
            else ""
        )
        tcs = "".join(
            f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{shd}</w:tcPr>'
            f"{self._paragraphs(lines, style)}</w:tc>"
            for width, lines in zip(self.twips, cells, strict=True)
        )
        tr_pr = f'<w:trPr><w:{flag} w:val="true"/></w:trPr>' if flag else ""
        self.rows.append(f"<w:tr>{tr_pr}{tcs}</w:tr>")

    def add_band(self, text: str, style: str) -> None:
        """A row of one cell across every column, unshaded: a section's heading."""
        self.rows.append(
            f'<w:tr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{sum(self.twips)}"/>'
            f'<w:gridSpan w:val="{len(self.twips)}"/></w:tcPr>'
            f"{self._paragraphs([('', text)], style)}</w:tc></w:tr>"
        )

    def xml(self) -> str:
        table_style = (
            ""
            if self.table_style is None
            else f'<w:tblStyle w:val="{_attribute(self.table_style)}"/>'
        )
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in self.twips)
        return (
            f'<w:tbl xmlns:w="{_W}"><w:tblPr>{table_style}<w:tblW w:type="auto" w:w="0"/>'
            f'<w:tblLayout w:type="fixed"/>{_LOOK}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            f"{''.join(self.rows)}</w:tbl>"
        )

    def insert(self) -> None:
        """Parse the table once and add it to the end of the document's body."""
        from docx.oxml.ns import qn
        from docx.oxml.parser import parse_xml

        table = parse_xml(self.xml())
        body = self.document.element.body
        end = body.find(qn("w:sectPr"))
        if end is None:
            body.append(table)
        else:
            end.addprevious(table)
