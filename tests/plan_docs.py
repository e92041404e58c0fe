"""Word action plans built with python-docx for the plan reader's tests.

The shared fixture is one board's plan; these are the other shapes clerks send: another
council's column names and order, RAG ratings in saturated fills, a section row merged
across the table, an empty owner, names that are not English, and deliberately broken files.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

Cell = str | Sequence[str]
"""A cell's text: one paragraph, or one paragraph per string."""

COUNCIL_HEADER = ("No.", "Action", "Responsible", "Deadline", "RAG rating", "Progress")


def shade(cell: Any, fill: str) -> None:
    """Cell shading as Word writes it: <w:shd w:val="clear" w:color="auto" w:fill="RRGGBB"/>."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def add_hyperlink(paragraph: Any, text: str, url: str) -> None:
    """A w:hyperlink run at the end of the paragraph, as Word writes one."""
    part = paragraph.part
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), part.relate_to(url, RT.HYPERLINK, is_external=True))
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def fill_cell(cell: Any, value: Cell, *, bold_prefix: str | None = None) -> None:
    """Write one paragraph per string; ``bold_prefix`` becomes a bold run before the first."""
    texts = [value] if isinstance(value, str) else list(value)
    paragraphs = cell.paragraphs
    for index, text in enumerate(texts):
        paragraph = paragraphs[0] if index == 0 else cell.add_paragraph()
        if index == 0 and bold_prefix:
            paragraph.add_run(bold_prefix).bold = True
        if text:
            paragraph.add_run(text)


def write_table(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    fills: Sequence[str | None] = (),
    title: str | None = None,
    before: Sequence[str] = (),
) -> Path:
    """A document with one plan-like table; ``fills[i]`` shades every cell of body row i."""
    document = docx.Document()
    if title:
        document.add_paragraph(title, style="Title")
    for text in before:
        document.add_paragraph(text)
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    all_rows = table.rows
    for cell, text in zip(all_rows[0].cells, header, strict=True):
        fill_cell(cell, text)
    for index, values in enumerate(rows):
        fill = fills[index] if index < len(fills) else None
        for cell, value in zip(all_rows[index + 1].cells, values, strict=False):
            fill_cell(cell, value)
            if fill:
                shade(cell, fill)
    document.save(str(path))
    return path


def council_plan(path: Path) -> Path:
    """Another council's style: No. | Action | Responsible | Deadline | RAG rating | Progress."""
    document = docx.Document()
    document.add_paragraph("Resident Engagement Improvement Plan 2024/25", style="Heading 1")
    document.add_paragraph("Progress against the actions agreed by the Scrutiny Committee.")
    document.add_paragraph("Ratings are shown in the RAG column.")

    legend = document.add_table(rows=3, cols=2)
    for row, (fill, label) in zip(
        legend.rows,
        (("00B050", "On track"), ("FFC000", "Some risk"), ("FF0000", "Off track")),
        strict=True,
    ):
        shade(row.cells[0], fill)
        fill_cell(row.cells[1], label)
    document.add_paragraph("")

    body: list[tuple[Sequence[Cell] | str, str | None]] = [
        ("Theme 1: Resident voice", None),
        (
            (
                "1",
                "Publish the residents' panel terms of reference",
                "Dr Aisha Rahman",
                "31/03/2024",
                "Green",
                "Draft agreed at the March panel",
            ),
            "00B050",
        ),
        (
            (
                "2.",
                ["Translate the consultation summary", "into Polish and Vietnamese"],
                "Zoë Łukasiewicz and Nguyễn Văn An",
                "Q2 2024/25",
                "Amber",
                "Update: printing delayed by the supplier",
            ),
            "FFC000",
        ),
        ("Theme 2: Accessible meetings", None),
        (
            (
                "3",
                "Move committee papers to accessible PDF",
                "",
                "Sept 2024",
                "Red",
                "Not started: no budget identified",
            ),
            "FF0000",
        ),
        (
            ("4", "Review the hybrid meeting equipment", "Nguyễn Văn An", "2024-06-30", "G", ""),
            None,
        ),
        (("", "in the Council Chamber and committee rooms", "", "", "", "In progress"), None),
    ]
    table = document.add_table(rows=1 + len(body), cols=len(COUNCIL_HEADER))
    rows = table.rows
    for cell, text in zip(rows[0].cells, COUNCIL_HEADER, strict=True):
        fill_cell(cell, text)
    for row, (values, rag_fill) in zip(rows[1:], body, strict=True):
        cells = row.cells
        if isinstance(values, str):
            merged = cells[0].merge(cells[-1])
            fill_cell(merged, values)
            continue
        for column, (cell, value) in enumerate(zip(cells, values, strict=True)):
            fill_cell(cell, value or "")
            if rag_fill and column == COUNCIL_HEADER.index("RAG rating"):
                shade(cell, rag_fill)
    document.add_paragraph("Contact: ")
    add_hyperlink(document.paragraphs[-1], "engagement team", "mailto:engage@example.org")
    document.save(str(path))
    return path


def zip_bomb(path: Path, unpacked_bytes: int) -> Path:
    """A small zip that says it unpacks to ``unpacked_bytes`` of zeros."""
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as handle:
            left = unpacked_bytes
            while left > 0:
                handle.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
    return path


def read_error(path: Path) -> str:
    """The one-line message reading path fails with (checked to be one line naming the file)."""
    import pytest

    from board_tui.domain.errors import BoardTuiError
    from board_tui.readers.plan import PlanReadError, read_action_plan

    with pytest.raises(PlanReadError) as caught:
        read_action_plan(path)
    message = str(caught.value)
    assert isinstance(caught.value, BoardTuiError)
    assert message.startswith(f"{path.name}: ")
    assert "\n" not in message
    return message
