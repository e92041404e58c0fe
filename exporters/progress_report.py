"""The progress report in Word, laid out from the officer's text as a council report.

The text (domain.report_text) becomes blocks, so the app previews exactly what Word
gets: the cover (the board and meeting date, "Report of …", the classification, the
title in bold, then Lead Officer, Contact Officers and Executive Key Decision? side by
side), each section a Heading 1, each action a Heading 2 with its recommendation as a
Heading 3, its status shaded in its colour, and the three questions as Heading 3 above
their bullets (as seed 001 sets them). A confidential version carries "CONFIDENTIAL – Part
2" at the head of every page (first and even pages too, when the template gives them
headers of their own) and is written readable by its owner only.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from board_tui.domain.exempt import CONFIDENTIAL
from board_tui.domain.report_text import Line, LineKind, ReportText, read_report
from board_tui.exporters.blocks import Block, Kind, Progress, block, blocks_text, render
from board_tui.exporters.document import save
from board_tui.exporters.safe_write import check_distinct, check_target

__all__ = ["progress_report_blocks", "progress_report_text", "write_progress_report"]

COVER_WIDTHS_MM = (55.0, 115.0)
_KINDS = {
    LineKind.HEADING1: Kind.HEADING1,
    LineKind.HEADING2: Kind.HEADING2,
    LineKind.HEADING3: Kind.HEADING3,
    LineKind.QUESTION: Kind.HEADING3,
    LineKind.PARAGRAPH: Kind.PARAGRAPH,
    LineKind.BULLET: Kind.BULLET,
    LineKind.STATUS: Kind.PARAGRAPH,
}
_TABLED = ("Lead Officer", "Contact Officers", "Executive Key Decision?")


def _cover(report: ReportText) -> list[Block]:
    field = report.field
    blocks: list[Block] = []
    if field("Board") or field("Meeting"):
        blocks.append(Block(Kind.PARAGRAPH, field("Meeting"), lead=field("Board")))
    if field("Report of"):
        blocks.append(block(Kind.LABEL, f"Report of {field('Report of')}"))
    if field("Classification"):
        blocks.append(block(Kind.PARAGRAPH, field("Classification"), lead="Classification:"))
    if field("Title"):
        blocks.append(block(Kind.LABEL, field("Title")))
    rows = tuple((key, value) for key, value in report.cover if key in _TABLED)
    if rows:
        blocks.append(Block(Kind.PAIRS, rows=rows, widths_mm=COVER_WIDTHS_MM))
    return blocks


def _block(line: Line) -> Block:
    if line.kind is LineKind.STATUS and line.status is not None:
        return Block(Kind.PARAGRAPH, line.text, lead=line.lead, fill=line.status.fill)
    return Block(_KINDS[line.kind], line.text, lead=line.lead)


def progress_report_blocks(body: str) -> tuple[Block, ...]:
    """The cover, then each line; the paragraphs after the last heading (the contact
    officer's name and email) stay on one page."""
    report = read_report(body)
    lines = [_block(line) for line in report.lines]
    tail = len(lines)
    while tail and lines[tail - 1].kind is Kind.PARAGRAPH:
        tail -= 1
    lines[tail:-1] = [replace(b, keep_with_next=True) for b in lines[tail:-1]]
    return (*_cover(report), *lines)


def _bold_labels(document: Any, blocks: tuple[Block, ...]) -> None:
    """The cover's Lead Officer, Contact Officers and Executive Key Decision? in bold."""
    from board_tui.exporters.style import STRONG

    if not any(b.kind is Kind.PAIRS for b in blocks):
        return
    for row in document.tables[0].rows:
        for run in row.cells[0].paragraphs[0].runs:
            run.style = document.styles[STRONG]


def progress_report_text(body: str, header: str = "") -> str:
    """The report as plain text: what the app previews before writing."""
    return blocks_text(progress_report_blocks(body), header)


def _confidential_headers(section: Any) -> None:
    """A template's own first-page or even-page header says it too."""
    from board_tui.exporters.style import STRONG
    from board_tui.exporters.word import free_paragraph

    for header in (section.first_page_header, section.even_page_header):
        if not header.is_linked_to_previous:
            free_paragraph(header, "Header").add_run(CONFIDENTIAL, style=STRONG)


def write_progress_report(
    body: str,
    path: Path,
    *,
    header_left: str,
    header_right: str,
    confidential: bool = False,
    template: Path | None = None,
    database: Path | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Write the report to a .docx; a confidential one owner-only. Nothing changes on failure."""
    from board_tui.exporters.style import open_base
    from board_tui.exporters.word import page_number_footer, running_header, word_text

    path = Path(path).expanduser()
    check_distinct([path], [p for p in (template, database) if p is not None])
    check_target(path, force=force)
    blocks = progress_report_blocks(body)
    document = open_base(template)
    section = document.sections[0]
    right = CONFIDENTIAL if confidential else header_right
    running_header(section, header_left, right, draft=False)
    if confidential:
        _confidential_headers(section)
    page_number_footer(section)
    render(document, blocks, progress)
    _bold_labels(document, blocks)
    title = read_report(body).field("Title") or "Progress report"
    document.core_properties.title = word_text(
        f"{title} ({CONFIDENTIAL})" if confidential else title
    )
    written = save(document, path, force=force, private=confidential)
    if progress is not None:
        progress(len(blocks) + 1, len(blocks) + 1)
    return written
