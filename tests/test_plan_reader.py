"""Reading Word action plans: the shared fixture, another council's style, and bad files."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_docs import COUNCIL_HEADER, council_plan, read_error, shade, write_table, zip_bomb

from board_tui.domain.model import ActionLabel, LegendEntry
from board_tui.domain.statuses import Status
from board_tui.readers.plan import PlanRead, PlanReadError, read_action_plan

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures"
ELG_PLAN = FIXTURES / "tht-elg-action-plan-2022-11.docx"
ELG_EXPECTED = FIXTURES / "tht-elg-action-plan-2022-11.expected.json"
EXPECTED_STATUS = {
    "complete": Status.COMPLETE,
    "update": Status.UPDATE_DUE,
    "next_step": Status.NEXT_STEP,
}
LABEL_PREFIXES = ("NEW ACTION: ", "Revised Action: ")


@pytest.fixture(scope="module")
def elg() -> tuple[PlanRead, dict[str, Any]]:
    if not ELG_PLAN.exists():
        pytest.skip(f"shared fixtures not found beside the checkout: {FIXTURES}")
    return read_action_plan(ELG_PLAN), json.loads(ELG_EXPECTED.read_text(encoding="utf-8"))


# -- The Engagement Leads Group plan ----------------------------------------------------------


def test_elg_plan_items_refs_and_leads(elg: tuple[PlanRead, dict[str, Any]]) -> None:
    plan, expected = elg
    assert len(plan.items) == expected["item_count"] == 15
    assert [item.ref for item in plan.items] == [str(n) for n in range(1, 16)]
    assert [item.lead for item in plan.items] == [e["lead"] for e in expected["items"]]
    assert [item.recommendation for item in plan.items] == [
        e["recommendation"] for e in expected["items"]
    ]
    assert [len(item.rows) for item in plan.items] == [e["table_rows"] for e in expected["items"]]
    assert sum(len(item.rows) for item in plan.items) == expected["body_rows"]
    assert plan.items[0].rows == (2,)  # the header is row 1
    assert plan.skipped == ()


def test_elg_plan_statuses_by_colour(elg: tuple[PlanRead, dict[str, Any]]) -> None:
    plan, expected = elg
    for item, want in zip(plan.items, expected["items"], strict=True):
        assert item.fill == want["status_colour"], item.ref
        assert item.status is EXPECTED_STATUS[want["status"]], item.ref
    by_status = {
        name: [int(i.ref) for i in plan.items if i.status is status]
        for name, status in EXPECTED_STATUS.items()
    }
    assert by_status == expected["items_by_status"]


def test_elg_plan_next_steps_and_time_frames(elg: tuple[PlanRead, dict[str, Any]]) -> None:
    plan, expected = elg
    counts = [len(item.next_steps) for item in plan.items]
    assert counts == [4, 4, 3, 1, 3, 1, 3, 2, 4, 1, 2, 4, 2, 2, 1]
    assert counts == [e["next_step_count"] for e in expected["items"]]
    for item, want in zip(plan.items, expected["items"], strict=True):
        stripped = [_strip_label(text) for text in want["next_steps"]]
        assert [s.description for s in item.next_steps] == stripped, item.ref
        time_frames = [s.time_frame for s in item.next_steps if s.time_frame]
        assert time_frames == want["time_frames"], item.ref


def test_elg_plan_time_frames_line_up_with_their_steps(
    elg: tuple[PlanRead, dict[str, Any]],
) -> None:
    plan, _ = elg
    item3, item9 = plan.items[2], plan.items[8]
    assert [s.time_frame for s in item3.next_steps] == ["End of Nov", None, None]
    # Item 9's first step broke across rows; the padding paragraph kept the dates level.
    assert item9.next_steps[0].description.endswith(
        "discuss a public engagement plan for 23-24 THT priorities for review at Board"
    )
    assert [s.time_frame for s in item9.next_steps] == [
        "January ELG meeting",
        "Mid-March",
        "Through mid-March to end of March",
        "End of March for April Board",
    ]


def test_elg_plan_labels_updates_and_status_lines(elg: tuple[PlanRead, dict[str, Any]]) -> None:
    plan, expected = elg
    total = 0
    for item, want in zip(plan.items, expected["items"], strict=True):
        labels = [s.label.text for s in item.next_steps if s.label is not None]
        labels += [u.label for u in item.updates]
        assert Counter(labels) == Counter(want["bold_labels"]), item.ref
        total += len(labels)
        lines = [s.status_line for s in item.next_steps if s.status_line]
        lines += [f"{u.label} {u.body}" for u in item.updates]
        assert lines == want["status_lines"], item.ref
    assert total == 11
    first = plan.items[0].next_steps
    assert [s.status for s in first] == [Status.COMPLETE, Status.ON_TRACK, Status.ON_TRACK, None]
    assert plan.items[2].next_steps[1].label is ActionLabel.NEW
    assert plan.items[8].next_steps[0].label is ActionLabel.REVISED


def test_elg_plan_keeps_hyperlink_text(elg: tuple[PlanRead, dict[str, Any]]) -> None:
    plan, expected = elg
    links = [link["text"] for e in expected["items"] for link in e["hyperlinks"]]
    assert links == ["SHAHID Report (ActEarly)"]
    assert plan.items[11].recommendation.endswith(
        "the ladder of participation. (see SHAHID Report (ActEarly) )"
    )


def test_elg_plan_title_introduction_and_legend(elg: tuple[PlanRead, dict[str, Any]]) -> None:
    plan, expected = elg
    assert plan.title == expected["title"]
    assert plan.introduction is not None
    assert plan.introduction.startswith("This report updates on implementation")
    assert plan.introduction.endswith("to monitor the implementation of the Plan.")
    assert "Actions complete" not in plan.introduction
    assert plan.legend == tuple(
        LegendEntry(EXPECTED_STATUS[e["status"]], e["label"], e["fill"]) for e in expected["legend"]
    )
    assert all(item.section is None for item in plan.items)


def _strip_label(text: str) -> str:
    for prefix in LABEL_PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text


# -- Another council's plan -------------------------------------------------------------------


def test_council_plan_reads_in_its_own_words(tmp_path: Path) -> None:
    plan = read_action_plan(council_plan(tmp_path / "council.docx"))
    assert plan.title == "Resident Engagement Improvement Plan 2024/25"
    assert plan.introduction == (
        "Progress against the actions agreed by the Scrutiny Committee.\n\n"
        "Ratings are shown in the RAG column."
    )
    assert plan.legend == (
        LegendEntry(Status.ON_TRACK, "On track", "00B050"),
        LegendEntry(Status.AT_RISK, "Some risk", "FFC000"),
        LegendEntry(Status.OFF_TRACK, "Off track", "FF0000"),
    )
    assert [i.ref for i in plan.items] == ["1", "2", "3", "4"]
    assert [i.section for i in plan.items] == [
        "Theme 1: Resident voice",
        "Theme 1: Resident voice",
        "Theme 2: Accessible meetings",
        "Theme 2: Accessible meetings",
    ]
    assert [i.lead for i in plan.items] == [
        "Dr Aisha Rahman",
        "Zoë Łukasiewicz and Nguyễn Văn An",
        None,
        "Nguyễn Văn An",
    ]
    assert [(i.status, i.fill) for i in plan.items] == [
        (Status.ON_TRACK, "00B050"),
        (Status.AT_RISK, "FFC000"),
        (Status.OFF_TRACK, "FF0000"),
        (Status.ON_TRACK, None),  # no fill: the rating "G"
    ]
    assert [i.rows for i in plan.items] == [(3,), (4,), (6,), (7, 8)]
    assert plan.items[1].recommendation == (
        "Translate the consultation summary into Polish and Vietnamese"
    )
    assert plan.items[3].recommendation == (
        "Review the hybrid meeting equipment in the Council Chamber and committee rooms"
    )
    assert plan.skipped == ()


def test_council_plan_actions_are_their_own_single_step(tmp_path: Path) -> None:
    plan = read_action_plan(council_plan(tmp_path / "council.docx"))
    steps = [item.next_steps for item in plan.items]
    assert all(len(s) == 1 for s in steps)
    assert [s[0].description for s in steps] == [i.recommendation for i in plan.items]
    assert [s[0].time_frame for s in steps] == [
        "31/03/2024",
        "Q2 2024/25",
        "Sept 2024",
        "2024-06-30",
    ]
    assert [s[0].status_line for s in steps] == [
        "Draft agreed at the March panel",
        None,
        "Not started: no budget identified",
        "In progress",
    ]
    # The row's RAG rating decides, before the words of its progress line ("Not started").
    assert steps[2][0].status is Status.OFF_TRACK
    assert steps[2][0].said == "no budget identified"
    assert plan.items[1].updates[0].label == "Update:"
    assert plan.items[1].updates[0].body == "printing delayed by the supplier"


@pytest.mark.parametrize(
    "header",
    [
        ("Status", "Owner", "Ref", "Description", "Due date", "Next steps"),
        ("Next steps", "Deadline", "Progress", "Responsible", "Action", "#"),
    ],
)
def test_columns_are_found_in_any_order(tmp_path: Path, header: tuple[str, ...]) -> None:
    values = {
        "ref": "A1",
        "recommendation": "Set up the residents' forum",
        "lead": "Nguyễn Văn An",
        "steps": ["Book the hall", "Send the invitations", "out to every ward"],
        "time_frame": ["Mid Jan", "End of Jan"],
        "status": ["Done", "Update: two wards still to reply"],
    }
    roles = {
        "Status": "status",
        "Progress": "status",
        "Owner": "lead",
        "Responsible": "lead",
        "Ref": "ref",
        "#": "ref",
        "Description": "recommendation",
        "Action": "recommendation",
        "Due date": "time_frame",
        "Deadline": "time_frame",
        "Next steps": "steps",
    }
    row = [values[roles[name]] for name in header]
    plan = read_action_plan(write_table(tmp_path / "plan.docx", header, [row]))
    (item,) = plan.items
    assert (item.ref, item.lead) == ("A1", "Nguyễn Văn An")
    assert [(s.description, s.time_frame, s.status_line) for s in item.next_steps] == [
        ("Book the hall", "Mid Jan", "Done"),
        ("Send the invitations out to every ward", "End of Jan", None),
    ]
    assert item.updates[0].body == "two wards still to reply"
    assert item.status is Status.UPDATE_DUE


def test_vertically_merged_number_makes_a_continuation(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Ref", "Recommendation", "Lead"), strict=True):
        cell.text = text
    merged = table.rows[1].cells[0].merge(table.rows[2].cells[0])
    merged.text = "7"
    table.rows[1].cells[1].text = "Hold the forum"
    table.rows[2].cells[1].text = "twice a year"
    table.rows[1].cells[2].text = "Dr Aisha Rahman"
    shade(table.rows[1].cells[1], "D9EAD3")
    document.save(str(tmp_path / "merged.docx"))
    (item,) = read_action_plan(tmp_path / "merged.docx").items
    assert (item.ref, item.recommendation, item.rows) == (
        "7",
        "Hold the forum twice a year",
        (2, 3),
    )
    assert (item.status, item.fill) == (Status.COMPLETE, "D9EAD3")


def test_a_label_on_its_own_paragraph_labels_the_next_step(tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "plan.docx",
        ("#", "Recommendation", "Next steps"),
        [("1", "Hold the forum", ["NEW ACTION:", "book the hall", "Revised Action:"])],
    )
    (item,) = read_action_plan(path).items
    assert [(s.description, s.label) for s in item.next_steps] == [
        ("book the hall", ActionLabel.NEW)
    ]


def test_rows_before_any_number_are_reported_not_lost(tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "plan.docx",
        ("#", "Recommendation"),
        [("", "A stray note"), ("1", "The first item")],
    )
    plan = read_action_plan(path)
    assert [i.recommendation for i in plan.items] == ["The first item"]
    assert plan.skipped == ("row 2: no item number and no item above it",)


def test_plan_reader_imports_neither_textual_nor_docx() -> None:
    code = (
        "import sys, board_tui.readers.plan; print('textual' in sys.modules, 'docx' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split() == ["False", "False"]


# -- Bad input --------------------------------------------------------------------------------


def test_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    path.write_text("Minutes of the meeting\n", encoding="utf-8")
    assert "not a Word .docx file" in read_error(path)


def test_old_word_doc_or_password_protected(tmp_path: Path) -> None:
    # Word keeps a password-protected .docx in the same compound-file wrapper as a .doc.
    path = tmp_path / "plan.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    assert "old Word .doc file or a password-protected document" in read_error(path)


def test_damaged_zip(tmp_path: Path) -> None:
    good = council_plan(tmp_path / "good.docx").read_bytes()
    path = tmp_path / "damaged.docx"
    path.write_bytes(good[: len(good) // 2])
    assert "damaged" in read_error(path)


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("readme.txt", "hello")
    assert "not a readable Word document" in read_error(path)


def test_xml_that_declares_entities_is_refused(tmp_path: Path) -> None:
    """lxml leaves an entity unexpanded, so the words it stands for would vanish unsaid."""
    good = council_plan(tmp_path / "good.docx")
    path = tmp_path / "entities.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                doctype = b'<!DOCTYPE w:document [<!ENTITY a "Publish the residents">]>'
                data = data.replace(b"?>", b"?>" + doctype, 1)
                data = data.replace(b"Publish the residents", b"&a;")
            target.writestr(info, data)
    assert read_error(path) == (
        "entities.docx: refused: word/document.xml declares XML entities (a DOCTYPE),"
        " which Word never writes"
    )


def test_zip_bomb_is_refused_by_size_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = zip_bomb(tmp_path / "bomb.docx", 51 * 1024 * 1024)
    assert path.stat().st_size < 1024 * 1024

    def must_not_open(*args: object) -> None:
        raise AssertionError("python-docx opened a zip bomb")

    monkeypatch.setattr(docx, "Document", must_not_open)
    assert "too large (51 MB unpacked; the limit is 50 MB)" in read_error(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "no such file" in read_error(tmp_path / "absent.docx")
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    assert "not a file" in read_error(folder)


def test_no_tables(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Just a letter.")
    document.save(str(tmp_path / "letter.docx"))
    message = read_error(tmp_path / "letter.docx")
    assert message == (
        "letter.docx: no action plan found (looked for a table with columns like Action | "
        "Owner | Due | Status or # | Recommendation | Lead | Next steps | Time frame | Status, "
        'a list of actions under a label such as "Action items:" or "Next steps:", or '
        '"Action 1: …" headings with their tasks)'
    )


def test_table_without_plan_columns(tmp_path: Path) -> None:
    path = write_table(tmp_path / "members.docx", ("Name", "Role"), [("Dr Aisha Rahman", "Chair")])
    assert "no action plan found" in read_error(path)


def test_table_of_only_headers(tmp_path: Path) -> None:
    path = write_table(tmp_path / "empty.docx", COUNCIL_HEADER, [])
    assert read_error(path) == "empty.docx: the action-plan table has only its header row"


def test_an_empty_number_column_numbers_the_actions_in_order(tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "plan.docx",
        COUNCIL_HEADER,
        [("", "Something", "", "", "", ""), ("", "Something else", "Ann", "", "", "")],
    )
    plan = read_action_plan(path)
    assert [(i.ref, i.recommendation, i.lead) for i in plan.items] == [
        ("1", "Something", None),
        ("2", "Something else", "Ann"),
    ]


# -- Anything a clerk might type --------------------------------------------------------------

_TEXT = st.builds(
    str.__add__,
    st.sampled_from(["", "", "NEW ACTION: ", "Update: ", "Revised Action:", "a", "1"]),
    st.text(
        st.one_of(
            st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn", "Co")),
            st.sampled_from(["\n", "\t", " ", ":"]),
        ),
        max_size=25,
    ),
)
_CELL = st.one_of(_TEXT, st.lists(_TEXT, max_size=3))
_HEADERS = st.permutations(
    ["#", "Recommendation", "Lead", "Next steps", "Time frame", "Is the action on track/update"]
)
_FILLS = st.sampled_from([None, "D9EAD3", "FFE599", "CFE2F3", "FF0000", "auto", "FFFFFF", "zz"])


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    header=_HEADERS,
    rows=st.lists(st.lists(_CELL, min_size=6, max_size=6), max_size=4),
    fills=st.lists(_FILLS, max_size=4),
)
def test_any_cell_text_reads_or_fails_cleanly(
    tmp_path: Path, header: list[str], rows: list[list[Any]], fills: list[str | None]
) -> None:
    path = write_table(tmp_path / "random.docx", header, rows, fills=fills)
    try:
        plan = read_action_plan(path)
    except PlanReadError as exc:
        assert str(exc).startswith("random.docx: ")
        return
    for item in plan.items:
        assert item.ref
        assert "  " not in item.recommendation
        assert all(step.description for step in item.next_steps)
