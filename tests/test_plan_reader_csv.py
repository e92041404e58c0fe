"""Reading action plans kept in Excel and saved as CSV: the same header words and row rules."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_docs import read_error

from board_tui.domain.model import ActionLabel
from board_tui.domain.statuses import Status
from board_tui.readers.plan import (
    MAX_CSV_BYTES,
    PlanRead,
    PlanReadError,
    UpdateRead,
    read_action_plan,
    read_action_plan_csv,
)
from board_tui.storage.store import Store

ELG_HEADER = (
    "# ",
    " Recommendation",
    " Lead",
    " Next steps",
    " Time frame",
    " Is the action on track/update",
)
COUNCIL_HEADER = ("No.", "Action", "Responsible", "Deadline", "RAG rating", "Progress")


def write_csv(
    path: Path,
    rows: Sequence[Sequence[str]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def elg_rows() -> list[tuple[str, ...]]:
    return [
        ELG_HEADER,
        (
            "1",
            "Improve engagement with residents",
            "Dr Aisha Rahman",
            "NEW ACTION: Hold two listening events\nPublish a summary\nof the findings",
            "End of Nov 22\nFeb Board 23",
            "Done\nOn track",
        ),
        (  # the row broke across a page and was retyped without its number
            "",
            "and with the carers' forum",
            "",
            "Revised Action:\nWrite to the carers' forum",
            "TBC",
            "Update: the forum next meets in January",
        ),
        (
            "2.",
            "Refresh the website",
            "Comms team",
            "Move the pages",
            "Mar 23",
            "Deadlines adjusted",
        ),
        (
            "3",
            "Recruit young people's champions",
            "Youth Council",
            "Advertise the roles\nInterview",
            "Jan 23\nFeb 23",
            "On track\nOn track\nUpdate: six applications so far",
        ),
    ]


@pytest.fixture
def elg(tmp_path: Path) -> PlanRead:
    return read_action_plan(write_csv(tmp_path / "tht_elg-action_plan.csv", elg_rows()))


# -- The Engagement Leads Group layout --------------------------------------------------------


def test_elg_items_leads_and_continuation_rows(elg: PlanRead) -> None:
    assert [item.ref for item in elg.items] == ["1", "2", "3"]
    first = elg.items[0]
    assert first.recommendation == "Improve engagement with residents and with the carers' forum"
    assert first.lead == "Dr Aisha Rahman"
    assert first.rows == (2, 3)  # the header is row 1
    assert [item.rows for item in elg.items[1:]] == [(4,), (5,)]
    assert elg.title == "tht elg action plan"
    assert elg.introduction is None
    assert elg.legend == ()
    assert elg.skipped == ()
    assert all(item.fill is None and item.section is None for item in elg.items)


def test_elg_lines_of_a_cell_line_up_like_paragraphs(elg: PlanRead) -> None:
    steps = elg.items[0].next_steps
    assert [(s.description, s.time_frame, s.status_line, s.status, s.label) for s in steps] == [
        ("Hold two listening events", "End of Nov 22", "Done", Status.COMPLETE, ActionLabel.NEW),
        (
            "Publish a summary of the findings",
            "Feb Board 23",
            "On track",
            Status.ON_TRACK,
            None,
        ),
        ("Write to the carers' forum", "TBC", None, None, ActionLabel.REVISED),
    ]
    assert elg.items[0].updates == (UpdateRead("Update:", "the forum next meets in January"),)


def test_elg_status_from_words(elg: PlanRead) -> None:
    # Item 1: its lines disagree (done, on track), so its update decides.
    # Item 2: its one status line. Item 3: its lines agree, so the update does not decide.
    assert [item.status for item in elg.items] == [
        Status.UPDATE_DUE,
        Status.UPDATE_DUE,
        Status.ON_TRACK,
    ]
    assert elg.items[1].next_steps[0].status_line == "Deadlines adjusted"
    assert elg.items[2].updates == (UpdateRead("Update:", "six applications so far"),)


# -- Another council: semicolons, sections, RAG words ----------------------------------------


def council_rows(lead: str, other_lead: str) -> list[tuple[str, ...]]:
    return [
        ("Resources Committee action plan", "", "", "", "", ""),
        ("", "", "", "", "", ""),
        COUNCIL_HEADER,
        ("Finance", "", "", "", "", ""),
        ("1", "Agree the £2.5m savings plan", lead, "March 2024", "Amber", "Draft shared"),
        ("2", "Close the 2023 accounts", "Finance team", "June 2024", "", "Complete"),
        ("Workforce", "", "", "", "", ""),
        ("3", "Cut agency spend", other_lead, "Q2\nQ3", "Green", "Tender out"),
        ("4", "Review the pay policy", "HR", "TBC", "", "Update: waiting for the unions"),
        ("5", "Restart exit interviews", "HR", "", "R", ""),
    ]


def test_council_plan_with_semicolons_sections_and_rag_words(tmp_path: Path) -> None:
    rows = council_rows("Zoë Łukasiewicz", "Nguyễn Văn An")
    path = write_csv(tmp_path / "resources.csv", rows, delimiter=";")
    plan = read_action_plan(path)
    assert plan.title == "Resources Committee action plan"
    assert [(i.ref, i.section) for i in plan.items] == [
        ("1", "Finance"),
        ("2", "Finance"),
        ("3", "Workforce"),
        ("4", "Workforce"),
        ("5", "Workforce"),
    ]
    assert [i.lead for i in plan.items] == [
        "Zoë Łukasiewicz",
        "Finance team",
        "Nguyễn Văn An",
        "HR",
        "HR",
    ]
    assert [i.status for i in plan.items] == [
        Status.AT_RISK,  # the RAG words first
        Status.COMPLETE,  # no rating: the progress line
        Status.ON_TRACK,
        Status.UPDATE_DUE,  # nothing but an update
        Status.OFF_TRACK,
    ]
    assert plan.items[0].recommendation == "Agree the £2.5m savings plan"
    # No next-steps column: each item is its own one step.
    step = plan.items[2].next_steps[0]
    assert (step.description, step.time_frame, step.status_line) == (
        "Cut agency spend",
        "Q2; Q3",
        "Tender out",
    )
    assert plan.items[3].updates == (UpdateRead("Update:", "waiting for the unions"),)
    assert plan.items[0].rows == (3,)  # table rows: the header is row 1, sections count
    assert plan.skipped == ()


def test_council_plan_saved_by_excel_on_windows(tmp_path: Path) -> None:
    rows = council_rows("Zoë Brontë", "José Muñoz")
    path = write_csv(tmp_path / "resources.csv", rows, delimiter=";", encoding="cp1252")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    plan = read_action_plan_csv(path)
    assert plan.items[0].recommendation == "Agree the £2.5m savings plan"
    assert [plan.items[0].lead, plan.items[2].lead] == ["Zoë Brontë", "José Muñoz"]
    assert len(plan.items) == 5


def test_utf8_with_bom(tmp_path: Path) -> None:
    rows = [("#", "Recommendation", "Lead"), ("1", "Publish the minutes", "Clerk")]
    path = write_csv(tmp_path / "Board-Plan_2024.csv", rows, encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf#")
    plan = read_action_plan(path)
    assert [(i.ref, i.recommendation, i.lead) for i in plan.items] == [
        ("1", "Publish the minutes", "Clerk")
    ]
    assert plan.title == "Board Plan 2024"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    rows = [
        ("Ref", "Action", "Owner", "Next steps", "Due", "Status"),
        ("1", "Fix the roof, then the gutters", "Estates; Finance", "Get quotes", "May", "Done"),
    ]
    path = write_csv(tmp_path / "PLAN.CSV", rows, delimiter=delimiter)
    item = read_action_plan(path).items[0]
    assert (item.recommendation, item.lead) == (
        "Fix the roof, then the gutters",
        "Estates; Finance",
    )
    assert item.next_steps[0].time_frame == "May"
    assert item.status is Status.COMPLETE


def test_excel_sep_hint_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("sep=;\r\nNo.;Action\r\n1;Hire a clerk\r\n", encoding="utf-8")
    plan = read_action_plan(path)
    assert [(i.ref, i.recommendation) for i in plan.items] == [("1", "Hire a clerk")]
    assert plan.title == "plan"


def test_a_row_with_only_a_number_in_its_first_cell_is_an_item(tmp_path: Path) -> None:
    rows = [COUNCIL_HEADER, ("7", "", "", "", "", ""), ("", "Carried on below", "", "", "", "")]
    plan = read_action_plan(write_csv(tmp_path / "plan.csv", rows))
    assert [(i.ref, i.recommendation, i.section) for i in plan.items] == [
        ("7", "Carried on below", None)
    ]


def test_a_continuation_row_before_any_item_is_skipped(tmp_path: Path) -> None:
    rows = [("#", "Recommendation"), ("", "A stray note"), ("1", "The first item")]
    plan = read_action_plan(write_csv(tmp_path / "plan.csv", rows))
    assert [i.recommendation for i in plan.items] == ["The first item"]
    assert plan.skipped == ("row 2: no item number and no item above it",)


def test_reading_a_csv_imports_no_docx(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "plan.csv", [("#", "Recommendation"), ("1", "Do it")])
    code = (
        "import sys; from pathlib import Path;"
        " from board_tui.readers.plan import read_action_plan;"
        f" read_action_plan(Path({str(path)!r})); print('docx' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split() == ["False"]


# -- Bad input --------------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert read_error(path) == "empty.csv: empty file"
    path.write_text("\r\n \r\n", encoding="utf-8")
    assert read_error(path) == "empty.csv: empty file"


def test_no_plan_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "members.csv", [("Name", "Role"), ("Dr Aisha Rahman", "Chair")])
    assert "no action-plan header row found" in read_error(path)


def test_header_only(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "plan.csv", [COUNCIL_HEADER, ("", "", "", "", "", "")])
    assert read_error(path) == "plan.csv: the action-plan table has only its header row"


def test_binary_file_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00No.,Action\n1,Something\n")
    assert "not a CSV text file" in read_error(path)


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:  # sparse, and all NUL: reading it would say "binary"
        handle.truncate(MAX_CSV_BYTES + 1)
    assert "too large" in read_error(path)


def test_missing_file(tmp_path: Path) -> None:
    assert read_error(tmp_path / "gone.csv") == "gone.csv: no such file"


def test_neither_utf8_nor_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(b"No.,Action\n1,\x81\xff\n")
    assert "not UTF-8 or Windows-1252" in read_error(path)


_TEXT = st.builds(
    str.__add__,
    st.sampled_from(["", "", "NEW ACTION: ", "Update: ", "Revised Action:", "a", "1"]),
    st.text(
        st.one_of(
            st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn", "Co")),
            st.sampled_from(["\n", "\r", "\t", " ", ":", ",", ";", '"']),
        ),
        max_size=25,
    ),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    header=st.permutations(list(ELG_HEADER)),
    rows=st.lists(st.lists(_TEXT, min_size=0, max_size=7), max_size=5),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_any_cell_text_reads_or_fails_cleanly(
    tmp_path: Path, header: list[str], rows: list[list[Any]], delimiter: str
) -> None:
    path = write_csv(tmp_path / "random.csv", [header, *rows], delimiter=delimiter)
    try:
        plan = read_action_plan(path)
    except PlanReadError as exc:
        assert str(exc).startswith("random.csv: ")
        return
    for item in plan.items:
        assert item.ref
        assert "  " not in item.recommendation
        assert all(step.description for step in item.next_steps)


# -- End to end -------------------------------------------------------------------------------


def test_import_actions_takes_a_csv(tmp_path: Path) -> None:
    db = tmp_path / "board.sqlite3"
    with Store.open(db) as store:
        store.create_board("Engagement Leads Group")
    path = write_csv(tmp_path / "elg_plan.csv", elg_rows())
    result = subprocess.run(
        [
            *(sys.executable, "-m", "board_tui", "import", "actions", str(path)),
            *("--board", "Engagement Leads Group", "--db", str(db)),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert "3 items, 6 next steps" in result.stdout
    with Store.open(db) as store:
        board = store.board_by_name("Engagement Leads Group")
        (plan,) = store.plans(board.id)
        assert plan.title == "elg plan"
        items = store.plan_items(plan.id)
        assert [(i.ref, i.lead) for i in items] == [
            ("1", "Dr Aisha Rahman"),
            ("2", "Comms team"),
            ("3", "Youth Council"),
        ]
        steps = [(s.description, s.time_frame, s.label) for s in store.next_steps(items[0].id)]
        assert steps == [
            ("Hold two listening events", "End of Nov 22", ActionLabel.NEW),
            ("Publish a summary of the findings", "Feb Board 23", None),
            ("Write to the carers' forum", "TBC", ActionLabel.REVISED),
        ]
        assert [s.description for s in store.next_steps(items[2].id)] == [
            "Advertise the roles",
            "Interview",
        ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '#,Recommendation,Lead\n1,"Publish the plan,Ann\n2,Second,Bob\n3,Third,Cy\n',
            'quote.csv: line 2: a quote (") opens a cell that never closes; nothing imported',
        ),
        (
            '#,Recommendation,Lead\n1,Hold the forum,Ann\n2,"Publish the plan,Bob\n3,"Third",Cy\n',
            'quote.csv: line 3: a quote (") opens a cell that does not close where the cell'
            " ends (the record runs on to line 4); nothing imported",
        ),
    ],
)
def test_an_unbalanced_quote_is_refused_with_its_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "quote.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanReadError) as caught:
        read_action_plan_csv(path)
    assert str(caught.value) == message


def test_quoted_cells_over_several_lines_still_read(tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    path.write_text(
        '#,Recommendation,Lead\n1,"Publish ""the"" plan",Ann\n2,"Two\nlines",Bob\n',
        encoding="utf-8",
    )
    plan = read_action_plan_csv(path)
    assert [i.recommendation for i in plan.items] == ['Publish "the" plan', "Two lines"]
