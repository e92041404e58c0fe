"""The action plan's table, written in one pass as XML, is the table python-docx's own
table API writes, and reads back (sections, shading, repeated header, rows kept whole)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docx.shared import Mm
from export_docs import fill, open_docx

from board_tui.domain.statuses import Status
from board_tui.exporters.action_plan import HEADER, write_action_plan
from board_tui.exporters.style import LABEL, open_base
from board_tui.exporters.word import fill_cell, grid_table, keep_row_together, shade
from board_tui.exporters.word_table import OnePassTable
from board_tui.readers.plan import read_action_plan
from board_tui.storage.store import Store

WIDTHS = [Mm(w) for w in (10, 70, 35)]
ROWS = [
    # (lead, text) paragraphs per cell, and the row's fill: bold lead-ins, a tab, line breaks,
    # spaces at the ends, characters XML escapes, an empty cell, a paragraph with nothing in
    # it, a fill in small letters and an unshaded row.
    (([("1", "")], [("", 'Tea & <biscuits> "now"'), ("", "")], []), "CFE2F3"),
    (
        ([("2", "")], [("NEW ACTION:", "Ask\tthe chair"), ("Update:", "One\nTwo\r\nThree")], []),
        "d9ead3",
    ),
    (([("", " padded ")], [("Bold only:", "")], [("", "Lead\u00a0name ")]), ""),
]


def _xml(element: Any) -> str:
    return str(element.xml)


def test_the_one_pass_table_is_what_the_table_api_writes() -> None:
    header = ("#", "What", "Who")
    by_api = open_base(None)
    table = grid_table(by_api, header, 1 + len(ROWS), WIDTHS)
    band = table.rows[1].cells
    fill_cell(band[0].merge(band[-1]), [("", "Priority 1: Access")], LABEL)
    for row, (cells, colour) in zip(table.rows[2:], ROWS, strict=True):
        if colour:
            keep_row_together(row)
        for cell, lines in zip(row.cells, cells, strict=True):
            fill_cell(cell, lines)
            if colour:
                shade(cell, colour)

    in_one_pass = open_base(None)
    one_pass = OnePassTable(in_one_pass, header, WIDTHS)
    one_pass.add_band("Priority 1: Access", LABEL)
    for cells, colour in ROWS:
        one_pass.add_row(cells, fill=colour or None, flag="cantSplit" if colour else None)
    one_pass.insert()

    (expected,) = by_api.element.body.findall(qn("w:tbl"))
    (written,) = in_one_pass.element.body.findall(qn("w:tbl"))
    assert _xml(written) == _xml(expected)
    assert _xml(in_one_pass.element.body) == _xml(by_api.element.body)


def test_a_paragraph_in_the_default_style_is_written_as_python_docx_writes_it() -> None:
    """ "Normal" is the default style: python-docx names no style but leaves an empty w:pPr."""
    by_api = open_base(None)
    table = grid_table(by_api, ("A",), 1, WIDTHS[:1])
    fill_cell(table.rows[1].cells[0], [("", "plain")], "Normal")
    in_one_pass = open_base(None)
    one_pass = OnePassTable(in_one_pass, ("A",), WIDTHS[:1])
    one_pass.add_row([[("", "plain")]], style="Normal")
    one_pass.insert()
    assert _xml(in_one_pass.element.body) == _xml(by_api.element.body)
    assert "<w:pPr/>" in _xml(in_one_pass.element.body)


def _plan_with_sections(store: Store) -> int:
    board = store.create_board("Sections board")
    plan = store.create_plan(board.id, "Sectioned plan", dated=dt.date(2022, 11, 3))
    long_words = "A long recommendation. " * 40
    for ref, section, status, words in (
        ("1", "Priority 1: Access", Status.COMPLETE, "Open the surgery on Saturdays"),
        ("2", "Priority 1: Access", Status.UPDATE_DUE, long_words.strip()),
        ("3", "Priority 2: Housing", Status.NEXT_STEP, "Survey the damp flats"),
    ):
        item = store.add_plan_item(
            plan.id, ref, words, lead="Chair", status=status, section=section
        )
        store.add_action(f"First step of {ref}", plan_item_id=item.id, time_frame="March 23")
    return plan.id


def test_sections_head_their_rows_across_the_table_and_read_back(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "sections.docx"
    write_action_plan(store, _plan_with_sections(store), path, dated=dt.date(2022, 12, 8))
    table = open_docx(path).tables[1]
    rows = list(table.rows)
    assert [c.text for c in rows[0].cells] == list(HEADER)
    assert rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    bands = [r for r in rows if len(r._tr.findall(qn("w:tc"))) == 1]
    assert [r.cells[0].text for r in bands] == ["Priority 1: Access", "Priority 2: Housing"]
    for band in bands:
        (tc,) = band._tr.findall(qn("w:tc"))
        assert tc.grid_span == len(HEADER)
        assert band.cells[0].paragraphs[0].style.name == LABEL
        assert fill(band.cells[0]) is None
    items = [r for r in rows[1:] if r not in bands]
    assert [{fill(c) for c in r.cells} for r in items] == [
        {Status.COMPLETE.fill},
        {Status.UPDATE_DUE.fill},
        {Status.NEXT_STEP.fill},
    ]
    kept_whole = [r._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in items]
    assert kept_whole == [True, False, True]  # the long recommendation may split

    read = read_action_plan(path)
    assert read.skipped == ()
    assert [(i.ref, i.section, i.status) for i in read.items] == [
        ("1", "Priority 1: Access", Status.COMPLETE),
        ("2", "Priority 1: Access", Status.UPDATE_DUE),
        ("3", "Priority 2: Housing", Status.NEXT_STEP),
    ]
    assert [s.time_frame for i in read.items for s in i.next_steps] == ["March 23"] * 3
