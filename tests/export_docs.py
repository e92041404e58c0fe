"""Reading exported Word files back: paragraphs by style, cell shading, bold lead-ins."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn


def open_docx(path: Path) -> Any:
    return docx.Document(str(path))


def texts(document: Any, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def all_text(document: Any) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def fill(cell: Any) -> str | None:
    shd = cell._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    return None if shd is None else shd.get(qn("w:fill"))


def strong_leads(document: Any) -> list[str]:
    """The bold lead-ins (Strong runs) at the start of paragraphs, body and tables alike."""
    found = []
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    for p in paragraphs:
        runs = p.runs
        if runs and runs[0].style is not None and runs[0].style.name == "Strong":
            found.append(runs[0].text)
    return found


def header_text(document: Any) -> str:
    return "\n".join(p.text for p in document.sections[0].header.paragraphs)
