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


def test_the_progress_report_converts_to_pdf_in_order(
    demo_store: Store, clock, tmp_path: Path
) -> None:
    """The demo plan's report to the December 2023 meeting, after its updates were recorded:
    LibreOffice lays it out with the council report's parts in their order."""
    from progress_docs import SINCE, record_december

    from board_tui.domain.report_text import ReportChoice
    from board_tui.services.progress_draft import draft_report
    from board_tui.services.progress_report import export_progress_report

    recorded = record_december(demo_store, clock)
    choice = ReportChoice(recorded.plan_id, recorded.meeting_id, since=SINCE)
    path = tmp_path / "report.docx"
    export_progress_report(demo_store, choice, draft_report(demo_store, choice), path)
    text = pdf_text(path)
    order = [
        "Transformation Advisory Board Monday 11 December 2023",
        "Report of Tower Hamlets Together",
        "Classification: Unrestricted",
        "Lead Officer Jon Williams",
        "Executive Summary",
        "Recommendations",
        "1. REASONS FOR THE DECISIONS",
        "2. ALTERNATIVE OPTIONS",
        "3. DETAILS OF REPORT",
        "Action 1",
        "Status: Next step",
        "3.1 What will we have achieved by the end of March 2024?",
        "3.2 What progress has been made?",
        "11 December 2023, Transformation Advisory Board: Review of other models",
        "3.3 What will have been achieved in the next six months?",
        "10. CRIME AND DISORDER REDUCTION IMPLICATIONS",
        "Contact officer",
        "jon.williams7@nhs.net",
    ]
    at = 0
    for words in order:  # each after the one before
        found = text.find(words, at)
        assert found != -1, words
        at = found + len(words)


def test_pdf_beside_the_minutes_reads_back_with_their_text(demo_store: Store, tmp_path) -> None:
    """`export minutes --pdf` (a real process): the Word file and, beside it, a PDF that
    pdftotext reads back with the minutes' words, made with a LibreOffice profile of its own."""
    import os
    import sys

    board = demo_store.board_by_name("Transformation Advisory Board")
    october = demo_store.meeting_on(board.id, dt.date(2023, 10, 17))
    out = tmp_path / "out"
    out.mkdir()
    target = out / "minutes.docx"
    home = tmp_path / "home"  # LibreOffice must not touch the user's own profile
    home.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "board_tui", "export", "minutes", str(october.id), "-o",
         str(target), "--pdf", "--db", str(demo_store.path)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(home)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    pdf = out / "minutes.pdf"
    assert f"Wrote the PDF to {pdf}" in done.stdout
    assert target.read_bytes().startswith(b"PK") and pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    words = " ".join(text.split())
    for expected in (
        "MINUTES OF THE TRANSFORMATION ADVISORY BOARD",
        "HELD AT 2.18 P.M. ON TUESDAY, 17 OCTOBER 2023",
        "It was agreed that the action plan would be brought to the Board",
        "The meeting ended at 4.19 p.m.",
    ):
        assert expected in words
    assert sorted(p.name for p in out.iterdir()) == ["minutes.docx", "minutes.pdf"]
    assert not (home / ".config" / "libreoffice").exists()
