"""Small python-docx helpers the exports share: paragraphs by style, tables, shading, fields.

Word's own XML is written where python-docx has no API (cell shading, repeated
header rows, page-number fields), exactly as Word itself writes it, so the
files read back in Word, LibreOffice and the action-plan importer alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from weakref import WeakKeyDictionary

from board_tui.exporters.style import STRONG, TABLE_HEADING, TABLE_TEXT, named_style

HEADER_FILL = "D9D9D9"
"""The grey of a table's header row."""

_NOT_IN_WORD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def word_text(text: str) -> str:
    """The text without the characters a Word file cannot hold, which are dropped.

    XML 1.0 has no place for the C0 control characters other than tab, line feed and
    carriage return, nor for U+FFFE, U+FFFF or lone surrogates; python-docx refuses
    them, so one pasted form feed would stop the whole export. Everything else is kept.
    """
    return _NOT_IN_WORD.sub("", text)


_STYLE_IDS: WeakKeyDictionary[Any, dict[str, str | None]] = WeakKeyDictionary()


def style_id(part: Any, name: str) -> str | None:
    """The id of a named style, looked up once per document.

    python-docx looks a style up by name by searching every style in the document
    each time it is set; a 1,000-item plan sets tens of thousands, which took most
    of its export's time (see benchmarks/PROFILES.md).
    """
    ids = _STYLE_IDS.setdefault(part, {})
    if name not in ids:
        styles = part.styles if hasattr(part, "styles") else part._document_part.styles
        style = named_style(styles, name)
        # As python-docx does: the default style is meant by naming none.
        ids[name] = None if style == styles.default(style.type) else style.style_id
    return ids[name]


def _styled(p: Any, style: str) -> Any:
    p._p.style = style_id(p.part, style)
    return p


def _runs(p: Any, lead: str, text: str) -> None:
    """The bold lead-in as a Strong run (a style, so templates restyle it), then the text."""
    lead, text = word_text(lead), word_text(text)
    if lead:
        p.add_run(lead)._r.style = style_id(p.part, STRONG)
        if text:
            p.add_run(" ")
    if text:
        p.add_run(text)


def paragraph(container: Any, text: str, style: str, *, lead: str = "") -> Any:
    """A paragraph in a named style, with an optional bold lead-in ("NEW ACTION:")."""
    p = _styled(container.add_paragraph(), style)
    _runs(p, lead, text)
    return p


def fill_cell(cell: Any, lines: Sequence[tuple[str, str]], style: str = TABLE_TEXT) -> None:
    """One paragraph per (lead, text) line, in order, so paragraphs line up across cells."""
    first = _styled(cell.paragraphs[0], style)
    for index, (lead, text) in enumerate(lines):
        _runs(first if index == 0 else _styled(cell.add_paragraph(), style), lead, text)


def shade(cell: Any, fill: str) -> None:
    """Cell shading as Word writes it: <w:shd w:val="clear" w:color="auto" w:fill="RRGGBB"/>."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill.upper())
    tc_pr.append(shd)


_AFTER_SHADING = (
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
"""What follows w:shd in a paragraph's properties: Word wants them in the schema's order."""


def shade_paragraph(p: Any, fill: str) -> None:
    """Paragraph shading as Word writes it, in the paragraph's properties."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p_pr = p._p.get_or_add_pPr()
    for old in p_pr.findall(qn("w:shd")):
        p_pr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill.upper())
    p_pr.insert_element_before(shd, *_AFTER_SHADING)


def repeat_header(row: Any) -> None:
    """Word repeats this row at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def keep_row_together(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    flag = OxmlElement("w:cantSplit")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def set_widths(table: Any, widths: Sequence[Any]) -> None:
    """Fixed column widths (Word reads the cells', LibreOffice the grid's): set both."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def grid_table(container: Any, header: Sequence[str], rows: int, widths: Sequence[Any]) -> Any:
    """A ruled table with a grey header row that repeats on each page; body rows left empty."""
    table = container.add_table(rows=1 + rows, cols=len(header))
    table.style = named_style(container.part.document.styles, "Table Grid")
    head = table.rows[0]
    repeat_header(head)
    for cell, text in zip(head.cells, header, strict=True):
        fill_cell(cell, [("", text)], TABLE_HEADING)
        shade(cell, HEADER_FILL)
    set_widths(table, widths)
    return table


def pairs_table(container: Any, rows: Sequence[tuple[str, str]], widths: Sequence[Any]) -> Any:
    """A borderless name | (role) list, as councils print who was present."""
    table = container.add_table(rows=len(rows), cols=2)
    for row, (name, role) in zip(table.rows, rows, strict=True):
        cells = row.cells
        fill_cell(cells[0], [("", name)])
        fill_cell(cells[1], [("", role)])
    set_widths(table, widths)
    return table


def add_field(p: Any, instruction: str, placeholder: str = "1") -> None:
    """A field (PAGE, NUMPAGES) as Word stores it; Word and LibreOffice fill it in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> Any:
        run = OxmlElement("w:r")
        mark = OxmlElement("w:fldChar")
        mark.set(qn("w:fldCharType"), kind)
        run.append(mark)
        return run

    p._p.append(char("begin"))
    run = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run.append(text)
    p._p.append(run)
    p._p.append(char("separate"))
    p.add_run(placeholder)
    p._p.append(char("end"))


def has_field(part: Any, instruction: str) -> bool:
    xml = part._element.xml
    return f" {instruction} " in xml or f'w:instr="{instruction}' in xml


def free_paragraph(part: Any, style: str) -> Any:
    """The header's or footer's empty first paragraph, else a new one after the template's."""
    paragraphs = part.paragraphs
    if paragraphs and not any(p.text.strip() for p in paragraphs) and len(paragraphs) == 1:
        found = paragraphs[0]
        if not found._p.xpath(".//w:drawing | .//w:pict"):
            found.style = style
            return found
    return part.add_paragraph(style=style)


def running_header(section: Any, left: str, right: str, *, draft: bool) -> None:
    """ "BOARD, 17/10/2023<tab>SECTION ONE (UNRESTRICTED)", with DRAFT in front until approved."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    p = free_paragraph(section.header, "Header")
    # The right-hand words go to the right margin whatever tabs the template's style sets.
    stops = p.paragraph_format.tab_stops
    for stop in p.style.paragraph_format.tab_stops:
        stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(usable_width(section), WD_TAB_ALIGNMENT.RIGHT)
    if draft:
        p.add_run("DRAFT", style=STRONG)
        p.add_run(" \u2013 ")
    p.add_run(word_text(f"{left}\t{right}"))


def page_number_footer(section: Any) -> None:
    """A page number, unless the template's footer already has one."""
    if has_field(section.footer, "PAGE"):
        return
    add_field(free_paragraph(section.footer, "Footer"), "PAGE")


def landscape_section(document: Any) -> Any:
    """Start a new page in landscape: wide tables get the page's long side."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    before = document.sections[-1]
    width, height = before.page_width, before.page_height
    top, left = before.top_margin, before.left_margin
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = max(width, height), min(width, height)
    section.left_margin = section.right_margin = top
    section.top_margin = section.bottom_margin = left
    return section


def end_with_paragraph(document: Any) -> None:
    """Word wants a paragraph after a final table, and LibreOffice otherwise drops the
    section break before it."""
    from docx.oxml.ns import qn

    body = document.element.body
    last = [child for child in body if child.tag != qn("w:sectPr")][-1:]
    if not last or last[0].tag == qn("w:tbl"):
        document.add_paragraph()


def usable_width(section: Any) -> int:
    return int(section.page_width - section.left_margin - section.right_margin)
