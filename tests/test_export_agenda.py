"""The agenda export read back with python-docx and with the agenda importer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from export_docs import all_text, fill, open_docx, texts

from board_tui.domain.exempt import EXEMPT_TITLE
from board_tui.domain.model import Contact
from board_tui.exporters.agenda import AGENDA_HEADER, write_agenda
from board_tui.storage.store import Store

CONTACT = Contact(
    "Matthew Mannion",
    "Head of Democratic Services",
    "matthew.mannion@towerhamlets.gov.uk",
    "020 7364 4651",
)


@pytest.fixture
def agenda_file(demo_store: Store, tmp_path: Path) -> Path:
    board = demo_store.board_by_name("Transformation Advisory Board")
    demo_store.set_board_contact(board.id, CONTACT)
    meeting = demo_store.meeting_on(board.id, dt.date(2023, 12, 11))
    path = tmp_path / "agenda.docx"
    write_agenda(demo_store, meeting.id, path)
    return path


def test_front_sheet(agenda_file: Path) -> None:
    document = open_docx(agenda_file)
    assert texts(document, "Title") == ["Transformation Advisory Board"]
    assert texts(document, "Heading 1") == ["Agenda"]
    text = all_text(document)
    assert "Monday, 11 December 2023 at 2.00 p.m.\nCouncil Chamber - Town Hall, Whitechapel" in text
    assert "Chair: Mayor Lutfur Rahman" in text
    members, officers, _agenda = document.tables
    assert len(members.rows) == 12 and len(officers.rows) == 5
    assert members.rows[0].cells[1].text == "(Independent non-executive member)"
    assert (
        "Matthew Mannion, Head of Democratic Services,\nmatthew.mannion@towerhamlets.gov.uk" in text
    )


def test_agenda_table(agenda_file: Path) -> None:
    table = open_docx(agenda_file).tables[2]
    assert tuple(c.text for c in table.rows[0].cells) == AGENDA_HEADER
    assert fill(table.rows[0].cells[0]) == "D9D9D9"
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert rows[3] == [
        "4. Community Engagement Strategy",
        "2:15pm",
        "Afazul Hoque, Head of Corporate Strategy and Communities",
        "(PAGES 9 - 44)",
    ]
    note = table.rows[5].cells[0].paragraphs[0]
    assert note.text.startswith("Please note the evaluation report")
    assert note.style.name == "Chair Note" and note.style.font.italic
    assert [r[1] for r in rows if r[1]] == [
        "2:00pm",
        "2:05pm",
        "2:10pm",
        "2:15pm",
        "3:15pm",
        "4:15pm \u2013 4:30pm",  # the last item's length, for the importer to read back
    ]


def test_sub_items_and_exempt_items(demo_store: Store, tmp_path: Path) -> None:
    board = demo_store.board_by_name("Transformation Advisory Board")
    meeting = demo_store.create_meeting(board.id, dt.datetime(2024, 2, 19, 14, 0))
    parent = demo_store.add_agenda_item(meeting.id, "Finance", duration_minutes=20)
    demo_store.add_agenda_item(meeting.id, "Budget Monitoring", parent_id=parent.id)
    disposal = demo_store.add_agenda_item(
        meeting.id, "Property Disposal", exempt=True, presenter="Director", chair_note="Bids in"
    )
    demo_store.add_agenda_item(meeting.id, "Valuation", parent_id=disposal.id, papers="Report")
    write_agenda(demo_store, meeting.id, tmp_path / "a.docx")
    table = open_docx(tmp_path / "a.docx").tables[-1]
    titles = [r.cells[0].text for r in table.rows[1:]]
    # The agenda is public: Part 2 shows as such, its sub-items too, and nothing else of it.
    assert titles == [
        "1. Finance",
        "1.1 Budget Monitoring",
        f"2. {EXEMPT_TITLE}",
        f"2.1 {EXEMPT_TITLE}",
    ]
    assert table.rows[2].cells[0].paragraphs[0].style.name == "Table Sub-item"
    assert table.rows[3].cells[1].text == "2:20pm"
    assert [c.text for c in table.rows[3].cells[2:]] == ["", ""]
    assert [c.text for c in table.rows[4].cells[2:]] == ["", ""]


def test_the_agenda_importer_reads_it_back(agenda_file: Path) -> None:
    reader = pytest.importorskip("board_tui.readers.agenda")
    agenda = reader.read_agenda(agenda_file)
    assert (agenda.board, agenda.date, agenda.start) == (
        "Transformation Advisory Board",
        dt.date(2023, 12, 11),
        dt.time(14, 0),
    )
    assert len(agenda.members) == 13 and len(agenda.officers) == 5
    assert [i.number for i in agenda.items] == ["1", "2", "3", "4", "5", "6"]
    assert agenda.items[3].note is not None and agenda.items[3].papers == "(PAGES 9 - 44)"
    assert agenda.contact is not None and agenda.contact.phone == "020 7364 4651"
