"""Keys typed at any speed land in the field they were typed for, in a real terminal.

Each multi-field dialog gets: the key that opens it, words, tab, words (…), ctrl+s, with
gaps of 0, 20, 50, 100, 200 and 500 ms between every key, while another process keeps a
core busy. Then the database must hold each field's words exactly: not one character in
the field before or after.

Each dialog's test runs twice, the 500 ms gap on its own: that run is as long as all the
others together, and apart the two can run side by side on the suite's workers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
from terminal import Terminal, busy_machine, counted, query, running

from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

pytestmark = pytest.mark.canary

GAPS = (0.0, 0.02, 0.05, 0.1, 0.2, 0.5)
TAGS = "abcdef"
"""One letter per gap, in each field's words, so every run's record is told apart."""
Gaps = tuple[tuple[float, str], ...]
GAP_RUNS: dict[str, Gaps] = {
    "0-200ms": tuple(zip(GAPS[:-1], TAGS[:-1], strict=True)),
    "500ms": ((GAPS[-1], TAGS[-1]),),
}


@pytest.fixture(params=list(GAP_RUNS))
def gaps(request: pytest.FixtureRequest) -> Gaps:
    return GAP_RUNS[request.param]


@pytest.fixture
def demo_db(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "board.sqlite3"
    with Store.open(db) as store:
        meeting_id = build_demo(store).next_meeting_id
    return db, meeting_id


@pytest.fixture
def live(demo_db: tuple[Path, int]) -> Iterator[tuple[Terminal, Path, int]]:
    """The demo's December meeting, started, in a pty, with a busy core beside it."""
    db, meeting_id = demo_db
    with busy_machine(), running(["live", "--meeting", str(meeting_id), "--db", str(db)]) as term:
        term.wait_for_text("Comment")
        term.press("s")
        term.wait_for_text("Record that the meeting has started")
        term.press("y")
        term.wait_for(
            lambda: (
                query(db, "SELECT status FROM meetings WHERE id = ?", (meeting_id,)) == [("live",)]
            ),
            "the meeting to start",
        )
        yield term, db, meeting_id


@pytest.fixture
def home(demo_db: tuple[Path, int]) -> Iterator[tuple[Terminal, Path]]:
    db, _meeting_id = demo_db
    with busy_machine(), running(["--db", str(db)]) as term:
        term.wait_for_text("Transformation Advisory Board")
        yield term, db


@pytest.fixture
def plan(demo_db: tuple[Path, int]) -> Iterator[tuple[Terminal, Path]]:
    """The demo's action plan, opened from the command palette, with a busy core."""
    db, _meeting_id = demo_db
    with busy_machine(), running(["--db", str(db)]) as term:
        term.wait_for_text("Transformation Advisory Board")
        term.press("ctrl+p")
        mark = term.press("Engagement Lead Group Action")
        term.wait_for_text("Open action plan", since=mark)
        mark = term.press("down", "enter")
        term.wait_for_text("Add step", since=mark)
        yield term, db


def _runs(
    gaps: Gaps,
    term: Terminal,
    db: Path,
    count_sql: str,
    keys: Callable[[str], list[str]],
    read: Callable[[], tuple[object, ...]],
    expected: Callable[[str], tuple[object, ...]],
) -> list[str]:
    """Every gap in turn: type the keys, wait for the record, compare it field by field."""
    wrong = []
    for gap, tag in gaps:
        before = query(db, count_sql)[0][0]
        term.press(*keys(tag), gap=gap)
        term.wait_for(
            counted(db, count_sql, before + 1), f"the record typed with {gap * 1000:.0f} ms gaps"
        )
        got, want = read(), expected(tag)
        if got != want:
            wrong.append(f"{gap * 1000:.0f} ms: {got!r}, not {want!r}")
    return wrong


def test_the_action_dialog(live: tuple[Terminal, Path, int], gaps: Gaps) -> None:
    term, db, meeting_id = live
    wrong = _runs(
        gaps,
        term,
        db,
        f"SELECT count(*) FROM actions WHERE meeting_id = {meeting_id}",
        lambda t: ["a", f"d{t}", "tab", f"o{t}", "tab", f"t{t}", "ctrl+s"],
        lambda: query(
            db,
            "SELECT description, owner, time_frame FROM actions ORDER BY id DESC LIMIT 1",
        )[0],
        lambda t: (f"d{t}", f"o{t}", f"t{t}"),
    )
    assert wrong == []


def _last_is(db: Path, sql: str, words: str) -> bool:
    return query(db, sql) == [(words,)]


def _last_is_not(db: Path, sql: str, words: str) -> bool:
    return not _last_is(db, sql, words)


def test_an_edit_opened_from_the_minuted_list(live: tuple[Terminal, Path, int], gaps: Gaps) -> None:
    """enter on a minuted line opens it to edit: the backspaces and words typed straight
    after it are the dialog's, however fast (they once went to the list behind it)."""
    term, db, meeting_id = live
    last = f"SELECT body FROM notes WHERE meeting_id = {meeting_id} ORDER BY id DESC LIMIT 1"
    wrong = []
    for gap, tag in gaps:
        before = f"Said first {tag}, to be put right."
        term.press("c", before, "ctrl+s")
        term.wait_for(partial(_last_is, db, last, before), "the capture")
        after = f"Said at last {tag}."
        term.press("end", "enter", *["backspace"] * len(before), after, "ctrl+s", gap=gap)
        term.wait_for(partial(_last_is_not, db, last, before), "the edit")
        if query(db, last) != [(after,)]:
            wrong.append(f"{gap * 1000:.0f} ms: {query(db, last)[0][0]!r}, not {after!r}")
    assert wrong == []


def test_the_status_update_dialog(live: tuple[Terminal, Path, int], gaps: Gaps) -> None:
    term, db, meeting_id = live
    term.press("n", "n", "n", gap=0.2)  # item 4, which has linked plan items
    term.press("tab")  # to the plan items and actions
    term.wait_for_text("Linked plan items")
    wrong = _runs(
        gaps,
        term,
        db,
        f"SELECT count(*) FROM status_updates WHERE meeting_id = {meeting_id}",
        # On track, words; back to the status, At risk; more words.
        lambda t: ["u", "o", f"s{t}", "shift+tab", "a", f"m{t}", "ctrl+s"],
        lambda: query(db, "SELECT new_status, body FROM status_updates ORDER BY id DESC LIMIT 1")[
            0
        ],
        lambda t: ("at_risk", f"s{t}m{t}"),
    )
    assert wrong == []


def test_the_guest_and_declaration_dialogs(live: tuple[Terminal, Path, int], gaps: Gaps) -> None:
    term, db, meeting_id = live
    term.press("r")
    term.wait_for_text("Roll call")
    wrong = _runs(
        gaps,
        term,
        db,
        f"SELECT count(*) FROM attendance WHERE meeting_id = {meeting_id}",
        lambda t: ["g", f"Guest {t}", "tab", f"Role {t}", "ctrl+s"],
        lambda: query(
            db,
            "SELECT p.name, p.title, a.capacity FROM attendance a"
            " JOIN people p ON p.id = a.person_id ORDER BY a.id DESC LIMIT 1",
        )[0],
        lambda t: (f"Guest {t}", f"Role {t}", "officer"),
    )
    wrong += _runs(
        gaps,
        term,
        db,
        f"SELECT count(*) FROM declarations WHERE meeting_id = {meeting_id}",
        lambda t: ["d", f"Member {t}", "tab", "4", "tab", f"Interest {t}", "ctrl+s"],
        lambda: query(
            db,
            "SELECT p.name, i.number, d.interest FROM declarations d"
            " JOIN people p ON p.id = d.person_id JOIN agenda_items i ON i.id = d.agenda_item_id"
            " ORDER BY d.id DESC LIMIT 1",
        )[0],
        lambda t: (f"Member {t}", "4", f"Interest {t}"),
    )
    assert wrong == []


def test_the_board_meeting_and_agenda_item_dialogs(home: tuple[Terminal, Path], gaps: Gaps) -> None:
    term, db = home
    wrong = _runs(
        gaps,
        term,
        db,
        "SELECT count(*) FROM boards",
        lambda t: ["b", f"Board {t}", "tab", f"Org {t}", "ctrl+s"],
        lambda: query(db, "SELECT name, organisation FROM boards ORDER BY id DESC LIMIT 1")[0],
        lambda t: (f"Board {t}", f"Org {t}"),
    )
    days = {tag: dt.date(2024, 3, 4) + dt.timedelta(days=7 * n) for n, tag in enumerate(TAGS)}

    def meeting_keys(t: str) -> list[str]:
        # A new meeting opens its agenda: escape comes back to the home screen for the next.
        return ["m", days[t].isoformat(), "tab", "3pm", "tab", f"Venue {t}", "ctrl+s"]

    for gap, tag in gaps:
        count = query(db, "SELECT count(*) FROM meetings")[0][0]
        mark = term.press(*meeting_keys(tag), gap=gap)
        term.wait_for(counted(db, "SELECT count(*) FROM meetings", count + 1), "the new meeting")
        got = query(db, "SELECT scheduled_start, venue FROM meetings ORDER BY id DESC LIMIT 1")[0]
        want = (f"{days[tag].isoformat()}T15:00:00", f"Venue {tag}")
        if got != want:
            wrong.append(f"meeting, {gap * 1000:.0f} ms: {got!r}, not {want!r}")
        term.wait_for_text("planned to end", since=mark)  # the new meeting's agenda
        meeting = query(db, "SELECT max(id) FROM meetings")[0][0]
        items = query(db, f"SELECT count(*) FROM agenda_items WHERE meeting_id = {meeting}")[0][0]
        term.press("a", f"Item {tag}", "tab", f"Lead {tag}", "tab", "15", "ctrl+s", gap=gap)
        term.wait_for(
            counted(
                db, f"SELECT count(*) FROM agenda_items WHERE meeting_id = {meeting}", items + 1
            ),
            "the new agenda item",
        )
        got = query(
            db,
            "SELECT title, presenter, duration_minutes FROM agenda_items ORDER BY id DESC LIMIT 1",
        )[0]
        if got != (f"Item {tag}", f"Lead {tag}", 15):
            wrong.append(f"agenda item, {gap * 1000:.0f} ms: {got!r}")
        mark = term.press("escape")
        term.wait_for_text("Action plans", since=mark)
    assert wrong == []


def test_the_plan_item_and_next_step_dialogs(plan: tuple[Terminal, Path], gaps: Gaps) -> None:
    term, db = plan
    wrong = _runs(
        gaps,
        term,
        db,
        "SELECT count(*) FROM plan_items",
        lambda t: [
            "i",
            f"9{TAGS.index(t)}",
            "tab",
            f"Rec {t}",
            "tab",
            f"Lead {t}",
            "tab",
            f"Section {t}",
            "ctrl+s",
        ],
        lambda: query(
            db,
            "SELECT ref, recommendation, lead, section FROM plan_items ORDER BY id DESC LIMIT 1",
        )[0],
        lambda t: (f"9{TAGS.index(t)}", f"Rec {t}", f"Lead {t}", f"Section {t}"),
    )
    wrong += _runs(
        gaps,
        term,
        db,
        "SELECT count(*) FROM actions WHERE plan_item_id IS NOT NULL",
        lambda t: ["a", f"Step {t}", "tab", f"Week {t}", "ctrl+s"],
        lambda: query(
            db,
            "SELECT description, time_frame FROM actions WHERE plan_item_id IS NOT NULL"
            " ORDER BY id DESC LIMIT 1",
        )[0],
        lambda t: (f"Step {t}", f"Week {t}"),
    )
    assert wrong == []
