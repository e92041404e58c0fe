"""Each export opens in LibreOffice and reads right as PDF (skipped without soffice)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from board_tui.exporters.action_plan import write_action_plan
from board_tui.exporters.agenda import write_agenda
from board_tui.exporters.minutes import write_minutes
from board_tui.storage.store import Store

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and pdftotext are not installed",
)


def pdf_text(docx_path: Path) -> str:
    folder = docx_path.parent
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{folder}/lo-profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(docx_path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = docx_path.with_suffix(".pdf")
    result = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    )
    return " ".join(result.stdout.split())


def test_exports_convert_to_pdf_and_read_right(demo_store: Store, tmp_path: Path) -> None:
    board = demo_store.board_by_name("Transformation Advisory Board")
    october = demo_store.meeting_on(board.id, dt.date(2023, 10, 17))
    december = demo_store.meeting_on(board.id, dt.date(2023, 12, 11))
    write_minutes(demo_store, october.id, tmp_path / "minutes.docx")
    write_action_plan(
        demo_store, demo_store.plans()[0].id, tmp_path / "plan.docx", dated=dt.date(2022, 12, 8)
    )
    write_agenda(demo_store, december.id, tmp_path / "agenda.docx")

    minutes = pdf_text(tmp_path / "minutes.docx")
    for words in (
        "MINUTES OF THE TRANSFORMATION ADVISORY BOARD",
        "HELD AT 2.18 P.M. ON TUESDAY, 17 OCTOBER 2023",
        "2. LGA CORPORATE PEER CHALLENGE",
        "It was agreed that the action plan would be brought to the Board",
        "The meeting ended at 4.19 p.m.",
        "Chair, Mayor Lutfur Rahman",
    ):
        assert words in minutes
    plan = pdf_text(tmp_path / "plan.docx")
    assert "NEW ACTION: Discuss with THCVS" in plan
    assert "Update: Currently" in plan and "Revised Action:" in plan
    agenda = pdf_text(tmp_path / "agenda.docx")
    assert "ITEM TITLE TIME PRESENTER PAGES" in agenda
    assert "4. Community Engagement Strategy 2:15pm" in agenda
