"""Reading agendas: the shared Word pack, another council's layout, text outlines, bad files."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_docs import Cell, fill_cell, write_table, zip_bomb

from board_tui.readers.agenda import (
    AgendaItemRead,
    AgendaRead,
    AgendaReadError,
    ContactRead,
    PersonRead,
    parse_time,
    read_agenda,
)

SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
"""Lone surrogates cannot be written as UTF-8: no clerk can type one."""

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures"
TAB_EXPECTED = FIXTURES / "tab-2023-12-11-agenda.expected.json"

NO_AGENDA = (
    "no agenda found (looked for a table with columns like Item | Time | Presenter, or a "
    "column of times; a numbered or bulleted list of items; or paragraphs under an "
    '"Agenda" heading)'
)


def agenda_error(path: Path) -> str:
    """The one-line message reading path fails with (checked to name the file)."""
    with pytest.raises(AgendaReadError) as caught:
        read_agenda(path)
    assert str(caught.value).startswith(f"{path.name}: ") and "\n" not in str(caught.value)
    return str(caught.value)


def hhmm(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


# -- The Transformation Advisory Board pack (the shared fixture) ------------------------------


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    if not TAB_EXPECTED.exists():
        pytest.skip(f"shared fixtures not found beside the checkout: {FIXTURES}")
    found: dict[str, Any] = json.loads(TAB_EXPECTED.read_text(encoding="utf-8"))
    return found


@pytest.fixture(scope="module")
def agenda(expected: dict[str, Any]) -> AgendaRead:
    return read_agenda(FIXTURES / expected["file"])


def test_tab_front_sheet(agenda: AgendaRead, expected: dict[str, Any]) -> None:
    assert agenda.board == expected["board"]
    assert agenda.date == dt.date.fromisoformat(expected["date"])
    assert agenda.start == hhmm(expected["start"])
    assert agenda.venue == expected["venue"]


def test_tab_members_chair_first(agenda: AgendaRead, expected: dict[str, Any]) -> None:
    assert len(agenda.members) == expected["member_count"] == 13
    assert agenda.members == tuple(PersonRead(m["name"], m["role"]) for m in expected["members"])
    assert agenda.members[0] == PersonRead(expected["chair"], "Chair")


def test_tab_officers_and_contact(agenda: AgendaRead, expected: dict[str, Any]) -> None:
    assert len(agenda.officers) == expected["officer_count"] == 5
    assert agenda.officers == tuple(PersonRead(o["name"], o["role"]) for o in expected["officers"])
    assert agenda.contact == ContactRead(**expected["contact"])


def test_tab_items_field_by_field(agenda: AgendaRead, expected: dict[str, Any]) -> None:
    assert expected["agenda_body_rows"] == 7
    assert len(agenda.items) == expected["item_count"] == 6
    for got, want in zip(agenda.items, expected["items"], strict=True):
        assert got.number == str(want["number"])
        assert got.title == want["title"]
        assert got.depth == 0
        assert got.start == hhmm(want["start"])
        assert got.end is None
        assert got.duration_minutes is None
        assert got.presenter == (want["presenter"] or None)
        assert got.papers == (want["pages"] or None)
        assert got.note == want["note"]
        assert got.exempt is False
    # The header is row 1; the note row under item 4 is row 6 and is no item.
    assert [item.row for item in agenda.items] == [2, 3, 4, 5, 7, 8]


def test_tab_next_meeting(agenda: AgendaRead, expected: dict[str, Any]) -> None:
    when = expected["next_meeting"]
    assert agenda.next_meeting == dt.datetime.combine(
        dt.date.fromisoformat(when["date"]), hhmm(when["start"])
    )


def test_reader_imports_neither_textual_nor_docx() -> None:
    code = "import sys, board_tui.readers.agenda; print({'textual', 'docx'} & set(sys.modules))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "set()"


# -- Another council's layout -----------------------------------------------------------------

COUNCIL_HEADER = ("No.", "Subject", "Lead officer", "Time", "Report")
COUNCIL_ROWS: list[Sequence[Cell] | str] = [
    "Part 1 – public items",
    ("1", "Welcome, introductions and apologies", "Chair", "14:00-14:10", ""),
    ("2", "Declarations of interest", "", "14:10-14:15", ""),
    ("3", "Minutes and matters arising", "", "14:15", ""),
    ("3a", "Minutes of the meeting held on 12 September 2024", "Clerk", "", "Report A"),
    ("3b", "Action log", "Clerk", "", "Report B"),
    (
        "4",
        [
            "Housing Revenue Account budget",
            "Members are asked to note appendix 2.",
            "Deferred from the September meeting.",
        ],
        ["Karen Swift", "Director of Housing"],
        "2:15 – 2:45pm",
        "Report C",
    ),
    ("5", "Legal settlement (Confidential)", "Janet Fasan", "14:45-15:00", "Report D"),
    ("6", "Finance", "Julie Lorraine", "15:00", ""),
    ("6.1", "Budget monitoring, quarter 2", "", "15:00-15:10", "Report E"),
    ("6.2", "Treasury management", "", "TBC", "Report F"),
    "Part 2 – exempt",
    ("7", "Leisure centres contract award", "Simon Baxter", "15:15-15:30", "Report G"),
    ("", "Appendix 1 will be tabled at the meeting.", "", "", ""),
    ("8", "Any other business", "Chair", "3.30pm", ""),
]


def council_agenda(path: Path) -> Path:
    """Heading 1 board name, labelled date lines, a No. | Subject | … table, no members."""
    document = docx.Document()
    document.add_paragraph("Agenda", style="Heading 1")
    document.add_paragraph("Health and Wellbeing Board", style="Heading 1")
    for line in ("Date: Thursday 14 November 2024", "Time: 2pm", "Location: Committee Room 1"):
        document.add_paragraph(line)
    document.add_paragraph("Contact:")
    contact = document.add_paragraph("Jane Smith, Committee Officer")
    contact.add_run().add_break()
    contact.add_run("Tel: 020 7364 0000")
    contact.add_run().add_break()
    contact.add_run("Email: jane.smith@example.gov.uk")
    table = document.add_table(rows=1 + len(COUNCIL_ROWS), cols=len(COUNCIL_HEADER))
    rows = table.rows
    for cell, text in zip(rows[0].cells, COUNCIL_HEADER, strict=True):
        fill_cell(cell, text)
    for row, values in zip(rows[1:], COUNCIL_ROWS, strict=True):
        cells = row.cells
        if isinstance(values, str):
            fill_cell(cells[0].merge(cells[-1]), values)
            continue
        for cell, value in zip(cells, values, strict=True):
            fill_cell(cell, value)
    document.add_paragraph("Date of next meeting: 16 January 2025, 14:00")
    document.save(str(path))
    return path


BLANK_ITEM = AgendaItemRead("", "", 0, None, None, None, None, None, False, None, 0)


def item(
    number: str, title: str, row: int, *, start: str = "", end: str = "", **fields: Any
) -> AgendaItemRead:
    """An item as a reader should give it: "HH:MM" times, every other field by keyword."""
    times = {"start": hhmm(start) if start else None, "end": hhmm(end) if end else None}
    given: dict[str, Any] = {**times, **fields}
    return replace(BLANK_ITEM, number=number, title=title, row=row, **given)


def test_council_layout_items(tmp_path: Path) -> None:
    agenda = read_agenda(council_agenda(tmp_path / "hwb-agenda.docx"))
    assert agenda.items == (
        item("1", "Welcome, introductions and apologies", 3, start="14:00", end="14:10",
             presenter="Chair"),
        item("2", "Declarations of interest", 4, start="14:10", end="14:15"),
        item("3", "Minutes and matters arising", 5, start="14:15"),
        item("3a", "Minutes of the meeting held on 12 September 2024", 6, depth=1,
             presenter="Clerk", papers="Report A"),
        item("3b", "Action log", 7, depth=1, presenter="Clerk", papers="Report B"),
        item("4", "Housing Revenue Account budget", 8, start="14:15", end="14:45",
             presenter="Karen Swift, Director of Housing", papers="Report C",
             note="Members are asked to note appendix 2.\nDeferred from the September meeting."),
        item("5", "Legal settlement", 9, start="14:45", end="15:00", presenter="Janet Fasan",
             papers="Report D", exempt=True),
        item("6", "Finance", 10, start="15:00", presenter="Julie Lorraine"),
        item("6.1", "Budget monitoring, quarter 2", 11, depth=1, start="15:00", end="15:10",
             papers="Report E"),
        item("6.2", "Treasury management", 12, depth=1, papers="Report F"),
        item("7", "Leisure centres contract award", 14, start="15:15", end="15:30",
             presenter="Simon Baxter", papers="Report G", exempt=True,
             note="Appendix 1 will be tabled at the meeting."),
        item("8", "Any other business", 16, start="15:30", presenter="Chair", exempt=True),
    )  # fmt: skip


def test_council_layout_front_sheet(tmp_path: Path) -> None:
    agenda = read_agenda(council_agenda(tmp_path / "hwb-agenda.docx"))
    assert agenda.board == "Health and Wellbeing Board"
    assert (agenda.date, agenda.start) == (dt.date(2024, 11, 14), dt.time(14, 0))
    assert agenda.venue == "Committee Room 1"
    assert agenda.members == agenda.officers == ()
    assert agenda.contact == ContactRead(
        "Jane Smith", "Committee Officer", "jane.smith@example.gov.uk", "020 7364 0000"
    )
    assert agenda.next_meeting == dt.datetime(2025, 1, 16, 14, 0)


def test_numbers_typed_in_the_title_cell(tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "agenda.docx",
        ("Item", "Time", "Presenter"),
        [
            ("Part 1", "", ""),
            ("4 Community Engagement Strategy", "2pm", "Afazul Hoque"),
            ("(a) Consultation results", "", "Kirsty Roberts"),
            ("Item 5: Partnership Working", "2.30 p.m.", ""),
            ("5a) Voluntary sector compact", "", ""),
            ("6.1 Budget monitoring", "noon", ""),
            ("Section two (restricted)", "", ""),
            ("7. Senior appointments", "1400", ""),
        ],
        title="Cabinet",
    )
    agenda = read_agenda(path)
    assert agenda.board == "Cabinet"
    assert [(i.number, i.title, i.depth, i.exempt) for i in agenda.items] == [
        ("4", "Community Engagement Strategy", 0, False),
        ("a", "Consultation results", 1, False),
        ("5", "Partnership Working", 0, False),
        ("5a", "Voluntary sector compact", 1, False),
        ("6.1", "Budget monitoring", 0, False),  # no item 6 above it
        ("7", "Senior appointments", 0, True),
    ]
    assert [i.start for i in agenda.items] == [
        dt.time(14, 0), None, dt.time(14, 30), None, dt.time(12, 0), dt.time(14, 0)
    ]  # fmt: skip


def test_front_sheet_laid_out_in_a_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Licensing Sub-Committee", style="Title")
    layout = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(
        layout.rows,
        [("Date:", "Tuesday, 5 March 2024"), ("Time:", "6.30 p.m."), ("Contact:", "Ann Lee")],
        strict=True,
    ):
        fill_cell(row.cells[0], label)
        fill_cell(row.cells[1], value)
    document.add_paragraph("ann.lee@example.gov.uk")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Item", "Time", "Papers"), strict=True):
        fill_cell(cell, text)
    fill_cell(table.rows[1].cells[0], "1. Premises licence: 12 High Street")
    document.save(str(tmp_path / "licensing.docx"))
    agenda = read_agenda(tmp_path / "licensing.docx")
    assert agenda.board == "Licensing Sub-Committee"
    assert (agenda.date, agenda.start) == (dt.date(2024, 3, 5), dt.time(18, 30))
    assert agenda.contact == ContactRead("Ann Lee", None, "ann.lee@example.gov.uk", None)
    assert agenda.items == (item("1", "Premises licence: 12 High Street", 2),)


def test_a_member_table_is_never_the_agenda(tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "members.docx",
        ("Name", "Role"),
        [("Cllr Asma Begum", "(Lead Member for Resources and Time)"), ("Ann Lee", "Officer")],
    )
    assert agenda_error(path) == f"members.docx: {NO_AGENDA}"


# -- Text outlines ----------------------------------------------------------------------------

OUTLINE = """\
---
# Transformation Advisory Board

**Date:** Monday 11 December 2023
Time: 2pm
Venue: Council Chamber, Town Hall, Whitechapel
Chair: Mayor Lutfur Rahman
Members:
- Richard Penn (Independent non-executive member)
- Stephen Halsey, Chief Executive
Officers:
  Julie Lorraine (Corporate Director Resources)
Contact: Matthew Mannion, Head of Democratic Services, mm@example.gov.uk, 020 7364 4651
---

## Agenda

1. Welcome and apologies | 2:00pm | 5m | Mayor Lutfur Rahman
2. Declarations of interest | 5 mins
3. Minutes of the previous meeting | pages 5-8
   3a. Matters arising | 10m
4. Community Engagement Strategy | 14:15-15:15 | Afazul Hoque | (PAGES 9 - 44) | Discussion
   > The evaluation report is an appendix for information.
5. Finance
\t- Budget monitoring Q2 | 20 min | Julie Lorraine
\t- Medium term financial strategy | 1h30
6. Any other business | 1 hr

## Part 2 (exempt)

7. Property disposal | Part 2 | 30m
8. Staffing matter (Confidential) | 10m
Note: Appendix to follow.

Next meeting: Monday 19 February 2024 at 2pm
"""


def write_outline(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_outline_header(tmp_path: Path) -> None:
    agenda = read_agenda(write_outline(tmp_path / "agenda.md", OUTLINE))
    assert agenda.board == "Transformation Advisory Board"
    assert (agenda.date, agenda.start) == (dt.date(2023, 12, 11), dt.time(14, 0))
    assert agenda.venue == "Council Chamber, Town Hall, Whitechapel"
    assert agenda.members == (
        PersonRead("Mayor Lutfur Rahman", "Chair"),
        PersonRead("Richard Penn", "Independent non-executive member"),
        PersonRead("Stephen Halsey", "Chief Executive"),
    )
    assert agenda.officers == (PersonRead("Julie Lorraine", "Corporate Director Resources"),)
    assert agenda.contact == ContactRead(
        "Matthew Mannion", "Head of Democratic Services", "mm@example.gov.uk", "020 7364 4651"
    )
    assert agenda.next_meeting == dt.datetime(2024, 2, 19, 14, 0)


def test_outline_items(tmp_path: Path) -> None:
    agenda = read_agenda(write_outline(tmp_path / "agenda.md", OUTLINE))
    assert agenda.items == (
        item("1", "Welcome and apologies", 18, start="14:00", duration_minutes=5,
             presenter="Mayor Lutfur Rahman"),
        item("2", "Declarations of interest", 19, duration_minutes=5),
        item("3", "Minutes of the previous meeting", 20, papers="pages 5-8"),
        item("3a", "Matters arising", 21, depth=1, duration_minutes=10),
        item("4", "Community Engagement Strategy", 22, start="14:15", end="15:15",
             presenter="Afazul Hoque", papers="(PAGES 9 - 44)",
             note="Discussion\nThe evaluation report is an appendix for information."),
        item("5", "Finance", 24),
        item("", "Budget monitoring Q2", 25, depth=1, duration_minutes=20,
             presenter="Julie Lorraine"),
        item("", "Medium term financial strategy", 26, depth=1, duration_minutes=90),
        item("6", "Any other business", 27, duration_minutes=60),
        item("7", "Property disposal", 31, duration_minutes=30, exempt=True),
        item("8", "Staffing matter", 32, duration_minutes=10, exempt=True,
             note="Appendix to follow."),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("part", "minutes"),
    [("15m", 15), ("15 min", 15), ("15 mins", 15), ("1h", 60), ("1h30", 90),
     ("1 hr 30 min", 90), ("90 minutes", 90), ("1.5 hours", 90)],
)  # fmt: skip
def test_outline_durations(tmp_path: Path, part: str, minutes: int) -> None:
    agenda = read_agenda(write_outline(tmp_path / "agenda.txt", f"1. Budget | {part}\n"))
    assert agenda.items[0].duration_minutes == minutes


@pytest.mark.parametrize("part", ["pages 5-8", "pp 5-8", "p. 5", "(PAGES 5 - 8)"])
def test_outline_pages_kept_as_written(tmp_path: Path, part: str) -> None:
    agenda = read_agenda(write_outline(tmp_path / "agenda.txt", f"1. Budget | Kim | {part}\n"))
    assert (agenda.items[0].papers, agenda.items[0].presenter) == (part, "Kim")


def test_plain_text_outline_with_bom_and_crlf(tmp_path: Path) -> None:
    text = "Welcome\r\n  (a) Introductions | 5 minutes\r\n6 Budget | 2:00 – 2:15pm | Lead\r\n"
    path = tmp_path / "agenda.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    agenda = read_agenda(path)
    assert agenda.board is None and agenda.date is None and agenda.contact is None
    assert agenda.items == (
        item("", "Welcome", 1),
        item("a", "Introductions", 2, depth=1, duration_minutes=5),
        item("6", "Budget", 3, start="14:00", end="14:15", presenter="Lead"),
    )


# -- Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["agenda.pdf", "agenda.xlsx", "agenda"])
def test_not_a_docx_or_an_outline(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.7\n")
    assert agenda_error(path) == f"{name}: not a Word .docx or a text outline (.txt, .md)"


def renamed_text(folder: Path) -> Path:
    return write_outline(folder / "agenda.docx", "1. Welcome\n")


def truncated(folder: Path) -> Path:
    good = council_agenda(folder / "good.docx").read_bytes()
    (folder / "truncated.docx").write_bytes(good[: len(good) // 2])
    return folder / "truncated.docx"


def zip_of_text(folder: Path) -> Path:
    with zipfile.ZipFile(folder / "archive.docx", "w") as package:
        package.writestr("readme.txt", "hello")
    return folder / "archive.docx"


def old_word(folder: Path) -> Path:
    """Word keeps a password-protected .docx in the same compound-file wrapper as a .doc."""
    (folder / "agenda.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    return folder / "agenda.docx"


def with_entities(folder: Path) -> Path:
    """The council agenda with a DOCTYPE declaring an entity that stands for an item title."""
    path = folder / "entities.docx"
    good = council_agenda(folder / "good.docx")
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                doctype = b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">]>'
                data = data.replace(b"?>", b"?>" + doctype, 1).replace(b"Action log", b"&a;")
            target.writestr(info, data)
    return path


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (renamed_text, "not a Word .docx file"),
        (truncated, "damaged .docx (the zip package cannot be read)"),
        (zip_of_text, "not a readable Word document"),
        (old_word, "old Word .doc file or a password-protected document"),
        (with_entities, "declares XML entities"),
    ],
)
def test_bad_packages(tmp_path: Path, make: Callable[[Path], Path], problem: str) -> None:
    assert problem in agenda_error(make(tmp_path))


def test_zip_bomb_is_refused_by_size_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = zip_bomb(tmp_path / "bomb.docx", 51 * 1024 * 1024)

    def must_not_open(*args: object) -> None:
        raise AssertionError("python-docx opened a zip bomb")

    monkeypatch.setattr(docx, "Document", must_not_open)
    assert "too large (51 MB unpacked; the limit is 50 MB)" in agenda_error(path)


def test_missing_file(tmp_path: Path) -> None:
    assert agenda_error(tmp_path / "absent.docx") == "absent.docx: no such file"
    assert agenda_error(tmp_path / "absent.md") == "absent.md: no such file"


def test_no_agenda_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Transformation Advisory Board", style="Title")
    document.add_paragraph("Monday, 11 December 2023 at 2.00 p.m.")
    path = tmp_path / "letter.docx"
    document.save(str(path))
    assert agenda_error(path) == f"letter.docx: {NO_AGENDA}"


def test_table_of_only_headers(tmp_path: Path) -> None:
    path = write_table(tmp_path / "empty.docx", ("ITEM TITLE", "TIME", "PRESENTER", "PAGES"), [])
    assert agenda_error(path) == "empty.docx: the agenda table has no items"


def test_unreadable_time_in_a_docx_names_the_row(tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "agenda.docx",
        ("Item", "Time", "Presenter"),
        [("1. Welcome", "2:00pm", "Chair"), ("2. Budget", "2:75pm", "Julie Lorraine")],
    )
    assert agenda_error(path) == 'agenda.docx: row 3: cannot read the time "2:75pm"'


@pytest.mark.parametrize("text", ["", "\n\n  \n", "# Board\nDate: 11/12/2023\n---\n"])
def test_empty_outline(tmp_path: Path, text: str) -> None:
    path = write_outline(tmp_path / "agenda.md", text)
    assert agenda_error(path) == "agenda.md: no agenda items found"


@pytest.mark.parametrize("part", ["25:99", "15q", "2:75pm"])
def test_unreadable_time_in_an_outline_names_the_line(tmp_path: Path, part: str) -> None:
    path = write_outline(tmp_path / "agenda.md", f"# Board\n\n1. Welcome\n2. Budget | {part}\n")
    assert agenda_error(path) == f'agenda.md: line 4: cannot read the time/duration "{part}"'


def test_unreadable_header_lines_name_the_line(tmp_path: Path) -> None:
    path = write_outline(tmp_path / "agenda.txt", "Date: 31/02/2024\n1. Welcome\n")
    assert agenda_error(path) == 'agenda.txt: line 1: cannot read the date "31/02/2024"'
    path = write_outline(tmp_path / "agenda.txt", "Time: 2:75pm\n1. Welcome\n")
    assert agenda_error(path) == 'agenda.txt: line 1: cannot read the time "2:75pm"'


def test_sub_items_go_one_level_deep(tmp_path: Path) -> None:
    message = "sub-items go one level deep (6.1), not deeper"
    path = write_outline(tmp_path / "agenda.md", "6. Finance\n6.1.2 Budget\n")
    assert agenda_error(path) == f"agenda.md: line 2: {message}"
    path = write_outline(tmp_path / "agenda.md", "- Finance\n  - Budget\n    - Revenue\n")
    assert agenda_error(path) == f"agenda.md: line 3: {message}"


def test_outline_refused_when_not_utf8_binary_or_too_large(tmp_path: Path) -> None:
    path = tmp_path / "agenda.txt"
    path.write_bytes("1. Caf\xe9 opening\n".encode("latin-1"))
    assert "not UTF-8 text" in agenda_error(path)
    path.write_bytes(b"1. Welcome\0\n")
    assert "binary data" in agenda_error(path)
    path.write_bytes(b"1. Welcome\n" * (2 * 1024 * 1024 // 11 + 1))
    assert "too large" in agenda_error(path)


# -- Anything a clerk might type --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("2:00pm", "14:00", None), ("2.00 p.m.", "14:00", None), ("2pm", "14:00", None),
     ("14:00", "14:00", None), ("14.00", "14:00", None), ("1400", "14:00", None),
     ("noon", "12:00", None), ("12 noon", "12:00", None), ("12:30am", "00:30", None),
     ("14:00-14:10", "14:00", "14:10"), ("2:00 – 2:15pm", "14:00", "14:15"),
     ("14:00 to 14:10", "14:00", "14:10"), ("11:30 - 12:15pm", "11:30", "12:15")],
)  # fmt: skip
def test_times_as_clerks_type_them(text: str, start: str, end: str | None) -> None:
    assert parse_time(text) == (hhmm(start), hhmm(end) if end else None)


@pytest.mark.parametrize("text", ["", " ", "-", "–", "TBC", "tbc", "n/a"])
def test_no_time(text: str) -> None:
    assert parse_time(text) is None


@pytest.mark.parametrize("text", ["2:75pm", "25:00", "13pm", "14", "14:15-14:00", "after lunch"])
def test_times_that_cannot_be_read(text: str) -> None:
    with pytest.raises(AgendaReadError, match="cannot read the time"):
        parse_time(text)


_AM_PM = st.sampled_from(["am", "pm", "a.m.", "p.m.", " am", " PM", " p.m."])


@given(hour=st.integers(1, 12), minute=st.integers(0, 59), am_pm=_AM_PM)
def test_twelve_hour_times_round_trip(hour: int, minute: int, am_pm: str) -> None:
    afternoon = "p" in am_pm.lower()
    expected = dt.time(hour % 12 + (12 if afternoon else 0), minute)
    assert parse_time(f"{hour}:{minute:02d}{am_pm}") == (expected, None)
    assert parse_time(f"{hour}.{minute:02d}{am_pm}") == (expected, None)


@given(clock=st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_twenty_four_hour_times_round_trip(clock: dt.time) -> None:
    assert parse_time(clock.strftime("%H:%M")) == (clock, None)
    assert parse_time(clock.strftime("%H%M")) == (clock, None)


@given(first=st.times(), second=st.times())
def test_ranges_give_start_and_end(first: dt.time, second: dt.time) -> None:
    start, end = sorted(t.replace(second=0, microsecond=0) for t in (first, second))
    text = f"{start:%H:%M} – {end:%H:%M}"
    assert parse_time(text) == (start, end)


_TIME_TEXT = st.text(
    st.one_of(st.characters(codec="utf-8"), st.sampled_from(list("0123456789:.-apm ")))
)


@given(text=_TIME_TEXT)
def test_any_time_text_reads_or_says_why(text: str) -> None:
    try:
        found = parse_time(text)
    except AgendaReadError as exc:
        assert "cannot read the time" in str(exc)
        return
    assert found is None or isinstance(found[0], dt.time)


_OUTLINE_TEXT = st.lists(
    st.builds(
        str.__add__,
        st.sampled_from(["", "  ", "\t", "- ", "  - ", "# ", "> ", "Note: ", "Date: ", "Time: "]),
        st.builds(
            str.__add__,
            st.sampled_from(["", "1. ", "6.1 ", "3a) ", "(i) ", "1.2.3 ", "Members:", "Part 2"]),
            st.lists(
                st.one_of(
                    st.text(
                        st.characters(codec="utf-8", exclude_categories=SURROGATES), max_size=6
                    ),
                    st.sampled_from([" | ", "15m", "14:00", "pm", "pp 5", "(Exempt)", " "]),
                ),
                max_size=6,
            ).map("".join),
        ),
    ),
    max_size=12,
).map("\n".join)


@settings(
    max_examples=150,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=_OUTLINE_TEXT)
def test_any_outline_reads_or_says_why(tmp_path: Path, text: str) -> None:
    path = tmp_path / "agenda.md"
    path.write_text(text, encoding="utf-8")
    try:
        agenda = read_agenda(path)
    except AgendaReadError as exc:
        assert str(exc).startswith("agenda.md: ")
        assert "\n" not in str(exc)
        return
    assert agenda.items
    assert all(i.depth in (0, 1) and i.row >= 1 for i in agenda.items)
