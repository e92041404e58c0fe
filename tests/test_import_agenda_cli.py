"""`board-tui import agenda` as a real process: the December pack, an outline, bad files."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from board_tui.domain import agenda_order
from board_tui.readers.agenda import read_agenda
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT.parent / "shared" / "fixtures" / "tab-2023-12-11-agenda.docx"
BOARD = "Transformation Advisory Board"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "board_tui", "import", "agenda", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def fixture() -> Path:
    if not FIXTURE.exists():
        pytest.skip(f"shared fixtures not found beside the checkout: {FIXTURE}")
    return FIXTURE


def test_the_december_pack_becomes_a_ready_to_run_meeting(fixture: Path, db_path: Path) -> None:
    done = run(str(fixture), "--board", BOARD, "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert "6 items" in done.stdout
    assert "4      2:15pm  Community Engagement Strategy" in done.stdout
    with Store.open(db_path) as store:
        meeting = store.meetings()[0]
        assert meeting.scheduled_start == dt.datetime(2023, 12, 11, 14, 0)
        assert meeting.venue == "Council Chamber - Town Hall, Whitechapel"
        items = store.agenda(meeting.id)
        starts = agenda_order.planned_starts(items, meeting.scheduled_start)
        assert [(i.number, f"{starts[i.id]:%H:%M}") for i in items] == [
            ("1", "14:00"),
            ("2", "14:05"),
            ("3", "14:10"),
            ("4", "14:15"),
            ("5", "15:15"),
            ("6", "16:15"),
        ]
        assert items[3].chair_note is not None and "evaluation report" in items[3].chair_note
        members = store.members(meeting.board_id)
        assert len(members) == 18
        assert members[0].person.name == "Mayor Lutfur Rahman"
        contact = store.board(meeting.board_id).contact
        assert contact is not None and contact.name == "Matthew Mannion"


def test_into_the_demo_the_known_people_are_reused(fixture: Path, db_path: Path) -> None:
    with Store.open(db_path) as store:
        build_demo(store)
        people = len(store.people())
    done = run(str(fixture), "--board", BOARD, "--date", "2024-02-19", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    with Store.open(db_path) as store:
        # Kirsty Roberts is named only as a presenter; everyone on the front sheet was known.
        assert len(store.people()) == people
        february = store.meeting_on(store.board_by_name(BOARD).id, dt.date(2024, 2, 19))
        assert len(store.agenda(february.id)) == 6


def test_the_same_pack_twice_is_refused_and_changes_nothing(fixture: Path, db_path: Path) -> None:
    assert run(str(fixture), "--board", BOARD, "--db", str(db_path)).returncode == 0
    before = _digest(db_path)
    again = run(str(fixture), "--board", BOARD, "--db", str(db_path))
    assert again.returncode == 1
    assert again.stderr.strip() == (
        "Error: tab-2023-12-11-agenda.docx: the Transformation Advisory Board meeting on "
        "11 Dec 2023 already has an agenda of 6 items (--replace replaces it)"
    )
    assert _digest(db_path) == before
    assert run(str(fixture), "--board", BOARD, "--replace", "--db", str(db_path)).returncode == 0


def test_an_outline_with_a_date_given(tmp_path: Path, db_path: Path) -> None:
    outline = tmp_path / "agenda.md"
    outline.write_text(
        "1. Welcome and apologies | 5m\n"
        "2. Better Care Fund | Denise Radley | 14:05-14:35\n"
        "   2.1 Q2 performance | 10m\n"
        "3. Any other business\n",
        encoding="utf-8",
    )
    done = run(str(outline), "--board", "Health and Wellbeing Board", "--date", "2026-12-01",
               "--time", "14:00", "--db", str(db_path))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "New board: Health and Wellbeing Board" in done.stdout
    with Store.open(db_path) as store:
        meeting = store.meetings()[0]
        items = store.agenda(meeting.id)
        assert [(i.number, i.title, i.duration_minutes) for i in items] == [
            ("1", "Welcome and apologies", 5),
            ("2", "Better Care Fund", 30),
            ("2.1", "Q2 performance", 10),
            ("3", "Any other business", None),
        ]
        assert items[1].presenter == "Denise Radley"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("minutes.pdf", b"%PDF-1.4", r"minutes\.pdf: not a Word \.docx or a text outline"),
        ("renamed.docx", b"just some text", r"renamed\.docx: not a Word \.docx file"),
        ("damaged.docx", b"PK\x03\x04 broken zip", r"damaged\.docx: damaged \.docx"),
        ("empty.md", b"\n\n", r"empty\.md: no agenda items found"),
        ("late.txt", b"Date: 2026-12-01\n1. Welcome | 2:75pm\n", r"late\.txt: line 2: .*2:75pm"),
    ],
)
def test_bad_files_get_one_line_exit_1_and_no_change(
    tmp_path: Path, db_path: Path, name: str, content: bytes, message: str
) -> None:
    with Store.open(db_path) as store:
        build_demo(store)
    before = _digest(db_path)
    path = tmp_path / name
    path.write_bytes(content)
    done = run(str(path), "--board", BOARD, "--db", str(db_path))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and re.search(message, lines[0]), done.stderr
    assert _digest(db_path) == before


def test_the_readme_outline_reads_as_documented(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"  ```\n(  # Health and Wellbeing Board\n.*?)  ```", readme, re.S)
    assert example, "the README's outline example is missing"
    path = tmp_path / "outline.md"
    path.write_text(
        "\n".join(line.removeprefix("  ") for line in example.group(1).splitlines()),
        encoding="utf-8",
    )
    read = read_agenda(path)
    assert (read.board, read.date, read.start, read.venue) == (
        "Health and Wellbeing Board",
        dt.date(2026, 12, 1),
        dt.time(14, 0),
        "Council Chamber",
    )
    assert [(i.number, i.title, i.depth, i.duration_minutes) for i in read.items] == [
        ("1", "Welcome and apologies", 0, 5),
        ("2", "Minutes of the previous meeting", 0, 5),
        ("3", "Better Care Fund", 0, 30),
        ("3.1", "Q2 performance", 1, 10),
        ("4", "Contract award", 0, 15),
        ("5", "Any other business", 0, None),
    ]
    assert read.items[0].presenter == "Chair"
    assert read.items[1].papers == "pages 1-6"
    assert read.items[3].note == "The Board is asked to note the position."
    assert read.items[4].exempt
