"""The updated action plan read back: landscape table, status fills, bold labels, filters,
and the round trip through the action-plan importer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from export_docs import fill, open_docx, strong_leads, texts

from board_tui.domain.statuses import Status
from board_tui.exporters.action_plan import HEADER, plan_text, write_action_plan
from board_tui.readers.plan import read_action_plan
from board_tui.services.plan_import import write_plan
from board_tui.storage.store import Store

ISSUED = dt.date(2022, 12, 8)


def demo_plan(store: Store) -> int:
    return store.plans()[0].id


@pytest.fixture
def plan_file(demo_store: Store, tmp_path: Path) -> Path:
    path = tmp_path / "plan.docx"
    write_action_plan(demo_store, demo_plan(demo_store), path, dated=ISSUED)
    return path


def test_title_date_introduction_and_legend(plan_file: Path) -> None:
    document = open_docx(plan_file)
    assert texts(document, "Title")[0].startswith("THT Engagement Lead Group Action Plan")
    assert texts(document, "Heading 1") == ["Update: Thursday, 8 December 2022"]
    body = [p.text for p in document.paragraphs]
    assert body[2].endswith("This is the colour coding")
    legend = document.tables[0]
    assert [(r.cells[0].text, fill(r.cells[0])) for r in legend.rows] == [
        ("Actions complete", "D9EAD3"),
        ("Actions update for ELG December 22", "FFE599"),
        ("Next step Actions", "CFE2F3"),
    ]


def test_the_table_is_landscape_with_a_repeated_grey_header(plan_file: Path) -> None:
    document = open_docx(plan_file)
    assert document.sections[0].orientation == WD_ORIENT.PORTRAIT
    assert document.sections[-1].orientation == WD_ORIENT.LANDSCAPE
    assert document.sections[-1].page_width > document.sections[-1].page_height
    table = document.tables[1]
    head = table.rows[0]
    assert tuple(c.text for c in head.cells) == HEADER
    assert {fill(c) for c in head.cells} == {"D9D9D9"}
    assert head._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert len(table.rows) == 16


def test_rows_are_shaded_in_their_status_colour(demo_store: Store, plan_file: Path) -> None:
    table = open_docx(plan_file).tables[1]
    items = demo_store.plan_items(demo_plan(demo_store))
    for row, item in zip(table.rows[1:], items, strict=True):
        assert row.cells[0].text == item.ref
        assert {fill(c) for c in row.cells} == {item.status.fill}
    assert fill(table.rows[2].cells[3]) == "D9EAD3"  # item 2 is complete


def test_steps_time_frames_and_statuses_line_up_by_paragraph(plan_file: Path) -> None:
    row = open_docx(plan_file).tables[1].rows[1]
    steps, times, lines = ([p.text for p in row.cells[i].paragraphs] for i in (3, 4, 5))
    assert steps[3] == "Develop options paper for THT Board"
    assert times == ["End of Nov 22", "End of Dec 22", "End of Dec 22", "Feb Board 23"]
    assert lines == ["Completed", "On track", "On track"]


def test_changes_are_marked_in_bold(plan_file: Path) -> None:
    leads = strong_leads(open_docx(plan_file))
    assert leads.count("NEW ACTION:") == 2
    assert leads.count("Revised Action:") == 2
    assert leads.count("Update:") == 7
    row3 = open_docx(plan_file).tables[1].rows[3]
    assert row3.cells[5].paragraphs[0].text.startswith("Update: Currently running existing process")


def test_updates_since_a_date_and_live_status_lines(demo_store: Store, clock, tmp_path) -> None:
    plan_id = demo_plan(demo_store)
    item = demo_store.plan_items(plan_id)[3]  # item 4, a next step
    step = demo_store.next_steps(item.id)[0]
    clock.now = dt.datetime(2022, 12, 8, 14, 30)
    demo_store.record_status_update(Status.ON_TRACK, "Agreed at the ELG", action_id=step.id)
    demo_store.record_status_update(Status.UPDATE_DUE, "Chair to report back", plan_item_id=item.id)
    path = tmp_path / "since.docx"
    write_action_plan(demo_store, plan_id, path, changed_since=dt.date(2022, 12, 1), dated=ISSUED)
    table = open_docx(path).tables[1]
    assert [p.text for p in table.rows[4].cells[5].paragraphs] == [
        "On track: Agreed at the ELG",
        "Update: Chair to report back",
    ]
    assert "Currently running existing process" not in table.rows[3].cells[5].text


def test_filters_by_status_and_lead(demo_store: Store, tmp_path: Path) -> None:
    plan_id = demo_plan(demo_store)
    path = tmp_path / "complete.docx"
    write_action_plan(demo_store, plan_id, path, status=Status.COMPLETE, dated=ISSUED)
    assert [r.cells[0].text for r in open_docx(path).tables[1].rows[1:]] == ["2"]
    path = tmp_path / "lead.docx"
    write_action_plan(demo_store, plan_id, path, lead="programme MANAGER", dated=ISSUED)
    refs = [r.cells[0].text for r in open_docx(path).tables[1].rows[1:]]
    assert refs == ["3", "5", "8", "9", "14", "15"]


def test_preview_text(demo_store: Store) -> None:
    text = plan_text(demo_store, demo_plan(demo_store), ISSUED)
    assert "Update: Thursday, 8 December 2022" in text
    assert "   - NEW ACTION: Discuss with Healthwatch offer to support in 2023" in text


def _snapshot(store: Store, plan_id: int) -> list[tuple[object, ...]]:
    return [
        (
            item.ref,
            item.lead,
            item.status,
            [(a.description, a.time_frame, a.status, a.label) for a in store.next_steps(item.id)],
        )
        for item in store.plan_items(plan_id)
    ]


def test_round_trip_through_the_importer(demo_store: Store, plan_file: Path) -> None:
    plan_id = demo_plan(demo_store)
    read = read_action_plan(plan_file)
    assert read.skipped == ()
    assert [e.fill for e in read.legend] == ["D9EAD3", "FFE599", "CFE2F3"]
    board = demo_store.create_board("Round trip board")
    copy = write_plan(
        demo_store, board.id, read, title="Copy", dated=demo_store.plan(plan_id).dated
    )
    assert _snapshot(demo_store, copy.plan_id) == _snapshot(demo_store, plan_id)
    assert len(_snapshot(demo_store, plan_id)) == 15
