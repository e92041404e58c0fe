"""The document every export starts from: the organisation's own template, or a clean house style.

Exports only ever name styles (Title, Heading 1-3, List Bullet, Decision …), never
fonts, so a template changes the whole look without a code change. A template's
body is cleared but its styles, page set-up, headers, footers and logo are kept;
any style an export needs and the template lacks is added, based on its Normal.
python-docx is imported inside functions: importing the exporters stays cheap.
"""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from board_tui.exporters.safe_write import ExportError

__all__ = [
    "DECISION",
    "LABEL",
    "MASTHEAD",
    "NOTE",
    "PRESENTER",
    "SUB_ITEM",
    "TABLE_HEADING",
    "TABLE_TEXT",
    "open_base",
]

FONT = "Arial"
MASTHEAD = "Masthead"
"""Bold, centred lines of the minutes' title block."""
LABEL = "Label"
"""A bold lead line such as "Members Present in Person:", kept with what follows."""
DECISION = "Decision"
"""A decision, set off from the discussion so a reader finds it at a glance."""
PRESENTER = "Presenter"
ACTION = "Action Arising"
NOTE = "Chair Note"
TABLE_TEXT = "Table Text"
TABLE_HEADING = "Table Heading"
SUB_ITEM = "Table Sub-item"
"""A sub-item ("6.1 …") in the agenda table, indented under its item."""
STRONG = "Strong"


@dataclass(frozen=True)
class _Look:
    name: str
    base: str = "Normal"
    bold: bool | None = None
    italic: bool | None = None
    centred: bool = False
    indent_mm: float = 0
    before_pt: float | None = None
    after_pt: float | None = None
    keep_with_next: bool = False
    size_pt: float | None = None


_PARAGRAPH_STYLES = (
    _Look(MASTHEAD, bold=True, centred=True, after_pt=4, keep_with_next=True),
    _Look(LABEL, bold=True, before_pt=8, after_pt=4, keep_with_next=True),
    _Look(DECISION, bold=True, indent_mm=8, before_pt=4, after_pt=8),
    _Look(PRESENTER, italic=True, keep_with_next=True),
    _Look(ACTION, indent_mm=8),
    _Look(TABLE_TEXT, after_pt=2, size_pt=10),
    _Look(TABLE_HEADING, TABLE_TEXT, bold=True, keep_with_next=True),
    _Look(SUB_ITEM, TABLE_TEXT, indent_mm=6),
    _Look(NOTE, TABLE_TEXT, italic=True),
)


def named_style(styles: Any, name: str) -> Any:
    """A style by its name, else by its id, quietly.

    A template may name Word's styles in its own language and keep Word's ids ("Normal"):
    python-docx then finds the style by id but prints a deprecation warning on the
    clerk's terminal. Finding it is what is wanted.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="style lookup by style_id is deprecated")
        return styles[name]


def _check_template(path: Path) -> None:
    name = path.name
    if not path.is_file():
        raise ExportError(f"template {name}: no such file")
    if not name.lower().endswith(".docx"):
        raise ExportError(f"template {name}: not a Word .docx file")
    try:
        with zipfile.ZipFile(path) as package:
            # The main part is found through the package's relationships: Word itself
            # sometimes names it word/document2.xml.
            if "[Content_Types].xml" not in package.namelist():
                raise ExportError(f"template {name}: not a Word .docx file")
    except (zipfile.BadZipFile, OSError):
        raise ExportError(f"template {name}: damaged or not a Word .docx file") from None


def open_base(template: Path | None) -> Any:
    """A python-docx Document to build on: the template's (body cleared) or the built-in one."""
    import docx

    if template is None:
        document = docx.Document()
        _house_style(document)
    else:
        path = Path(template).expanduser()
        _check_template(path)
        try:
            document = docx.Document(str(path))
        except Exception as exc:  # python-docx, zipfile and lxml raise many kinds on bad files
            raise ExportError(f"template {path.name}: not a readable Word document") from exc
        _clear_body(document)
        _fill_page_set_up(document)
    _ensure_styles(document)
    return document


def _fill_page_set_up(document: Any) -> None:
    """A template that leaves the page size or margins to Word's own defaults (as some
    generated documents do) gets A4 with 2.54 cm margins, written down: every export
    measures the page to place its tab stops, and turns it for a landscape plan."""
    from docx.shared import Cm, Mm

    for section in document.sections:
        if section.page_width is None or section.page_height is None:
            section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            if getattr(section, side) is None:
                setattr(section, side, Cm(2.54))


def _clear_body(document: Any) -> None:
    """Drop the template's text and tables; keep the final section (page set-up, headers)."""
    from docx.oxml.ns import qn

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _ensure_styles(document: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    styles = document.styles
    names = {s.name for s in styles}
    for look in _PARAGRAPH_STYLES:
        if look.name in names:
            continue
        style = styles.add_style(look.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[look.base] if look.base in names else None
        style.quick_style = True
        style.font.bold = look.bold
        style.font.italic = look.italic
        if look.size_pt is not None:
            style.font.size = Pt(look.size_pt)
        fmt = style.paragraph_format
        if look.centred:
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if look.indent_mm:
            fmt.left_indent = Mm(look.indent_mm)
        if look.before_pt is not None:
            fmt.space_before = Pt(look.before_pt)
        if look.after_pt is not None:
            fmt.space_after = Pt(look.after_pt)
        fmt.keep_with_next = look.keep_with_next or None
        names.add(look.name)
    if STRONG not in names:
        styles.add_style(STRONG, WD_STYLE_TYPE.CHARACTER).font.bold = True
    if "Table Grid" not in names:
        _add_table_grid(document)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Header", "Footer"):
        if name not in names:
            heading = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            heading.base_style = named_style(styles, "Normal")
            heading.font.bold = name not in ("Header", "Footer")
            heading.paragraph_format.keep_with_next = name not in ("Header", "Footer")
    if "List Bullet" not in names:
        _add_list_bullet(document)


def _add_table_grid(document: Any) -> None:
    """A template without Word's "Table Grid": add it, single black lines all round."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    style = document.styles.add_style("Table Grid", WD_STYLE_TYPE.TABLE)
    edges = "".join(
        f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    style.element.append(
        parse_xml(f"<w:tblPr {nsdecls('w')}><w:tblBorders>{edges}</w:tblBorders></w:tblPr>")
    )


def _add_list_bullet(document: Any) -> None:
    """A template without "List Bullet" (Word keeps it latent until used): add it, with bullets."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    numbering = _numbering(document)
    ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
    nums = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id, num_id = max(ids, default=0) + 1, max(nums, default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)  # the schema wants every abstractNum before the nums
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )
    style = document.styles.add_style("List Bullet", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = named_style(document.styles, "Normal")
    style.element.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def _numbering(document: Any) -> Any:
    """The document's list definitions, made when a template has none (python-docx cannot
    make the part itself: a clerk's own minutes, typed with no lists, have none)."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.parts.numbering import NumberingPart

    try:
        return document.part.numbering_part.element
    except NotImplementedError:
        pass
    part = NumberingPart(
        PackURI("/word/numbering.xml"),
        CONTENT_TYPE.WML_NUMBERING,
        parse_xml(f"<w:numbering {nsdecls('w')}/>"),
        document.part.package,
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.NUMBERING)
    return part.element


# -- the built-in house style -------------------------------------------------------------------

_SIZES = {
    "Normal": 11,
    "Title": 20,
    "Subtitle": 13,
    "Heading 1": 14,
    "Heading 2": 12,
    "Heading 3": 11,
    "Header": 9,
    "Footer": 9,
}


def _house_style(document: Any) -> None:
    """A4, one plain council font in black on every style, headers with a right-hand tab."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Mm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    styles = document.styles
    _set_default_font(document)
    normal = styles["Normal"].paragraph_format
    normal.space_after = Pt(6)
    normal.line_spacing = 1.0
    for name, size in _SIZES.items():
        style = styles[name]
        _plain_font(style)
        style.font.size = Pt(size)
        if name.startswith(("Title", "Heading")):
            style.font.bold = True
            style.font.italic = False
    title = styles["Title"]
    border = title.element.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr"
    )
    if border is not None:
        title.element.pPr.remove(border)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        styles[name].paragraph_format.space_before = Pt(12 if name == "Heading 1" else 10)
        styles[name].paragraph_format.space_after = Pt(4)
    usable = section.page_width - section.left_margin - section.right_margin
    header = styles["Header"].paragraph_format
    for stop in list(header.tab_stops):
        header.tab_stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
    header.tab_stops.add_tab_stop(usable, WD_TAB_ALIGNMENT.RIGHT)
    styles["Footer"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _set_default_font(document: Any) -> None:
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    if fonts is not None:
        _explicit_fonts(fonts)


def _plain_font(style: Any) -> None:
    """Name the font outright: theme fonts would win over it in Word."""
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        style.font.name = FONT
        fonts = rpr.find(qn("w:rFonts"))
    _explicit_fonts(fonts)
    colour = rpr.find(qn("w:color"))
    if colour is not None:
        rpr.remove(colour)


def _explicit_fonts(fonts: Any) -> None:
    from docx.oxml.ns import qn

    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme"):
            del fonts.attrib[attribute]
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
