"""Quorum: the rule, the roll call and live screen as members come and go and withdraw, and
what the Word minutes say."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import FakeClock
from export_docs import all_text, open_docx
from pilot_keys import type_text, until
from rich.console import Console
from textual.screen import Screen
from textual.widgets import DataTable, Static

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import AttendanceKind, Capacity, MembershipRole
from board_tui.domain.quorum import InterestKind, QuorumRule, parse_rule
from board_tui.exporters.minutes import write_minutes
from board_tui.screens.meeting.screen import MeetingScreen
from board_tui.screens.rollcall import DeclarationDialog, RollCallScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.storage.store import Store

START = dt.datetime(2023, 12, 11, 14, 0)
NAMES = ("Cllr Ann Chair", "Cllr Ben Brown", "Cllr Cat Cole", "Cllr Dan Drew", "Cllr Eve Ede")
INDEPENDENT = "Mr Ian Indie"


# -- the rule --------------------------------------------------------------------------------


def test_a_rule_is_a_number_or_a_fraction_rounded_up_with_independents() -> None:
    assert parse_rule("") is None
    assert parse_rule("4") == QuorumRule(count=4)
    third = parse_rule("1/3 +1")
    assert third == QuorumRule(numerator=1, denominator=3, independents=1)
    assert third.needed(10) == 4  # 3.33 rounded up
    assert third.needed(12) == 4
    assert third.text == "1/3 +1"
    for wrong in ("four", "0", "4/3", "1/0"):
        with pytest.raises(BoardTuiError):
            parse_rule(wrong)


# -- a meeting on a board with a quorum of 4 -------------------------------------------------


def _board(store: Store, rule: str | None = "4") -> int:
    """A chair, four members and an independent member; a three-item meeting at 2 p.m."""
    board = store.create_board("Quorum Test Committee")
    if rule is not None:
        store.set_quorum(board.id, parse_rule(rule))
    for n, name in enumerate(NAMES):
        role = MembershipRole.CHAIR if n == 0 else MembershipRole.MEMBER
        store.add_member(board.id, store.add_person(name).id, role)
    store.add_member(board.id, store.add_person(INDEPENDENT).id, MembershipRole.INDEPENDENT)
    meeting = store.create_meeting(board.id, START)
    for title in ("Budget", "Housing Allocations", "Land Disposal"):
        store.add_agenda_item(meeting.id, title, duration_minutes=20)
    return meeting.id


def _words(screen: Screen[Any]) -> str:
    out = io.StringIO()
    console = Console(width=400, color_system=None, file=out)
    for static in screen.query(Static):
        console.print(static.content)
    return out.getvalue()


async def _roll_call(pilot: Any, app: BoardApp) -> RollCallScreen:
    await pilot.press("r")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, RollCallScreen)
    return screen


async def _to_row(pilot: Any, screen: RollCallScreen, name: str) -> None:
    table = screen.query_one("#roll", DataTable)
    row = next(n for n, (person, _c) in enumerate(screen._rows) if person.name == name)
    table.move_cursor(row=row)
    await pilot.pause()


async def test_the_quorum_follows_arrivals_departures_and_a_withdrawal(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    meeting_id = _board(store)
    budget, housing, land = store.agenda(meeting_id)
    clock.now = START
    app = BoardApp(store, open_meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("s", "y")  # start: the meeting is at item 1
        await pilot.pause()

        # Three in the room, one sends apologies, two not here yet.
        roll = await _roll_call(pilot, app)
        await pilot.press("i", "i", "i", "a", "x", "x")
        await pilot.pause()
        assert "NOT QUORATE (3 of 4 needed)" in _words(roll)
        assert roll.query_one("#quorum").has_class("-inquorate")
        await pilot.press("escape")
        await pilot.pause()
        meeting_screen = app.screen
        assert isinstance(meeting_screen, MeetingScreen)
        assert "NOT QUORATE FOR THIS ITEM" in _words(meeting_screen)

        # Item 2: Eve arrives, then the independent member: quorate, 5 of 4.
        clock.advance(minutes=20)
        await pilot.press("n")
        roll = await _roll_call(pilot, app)
        await _to_row(pilot, roll, "Cllr Eve Ede")
        await pilot.press("t")
        await pilot.pause()
        assert "Quorate (4 of 4 needed)" in _words(roll)
        await _to_row(pilot, roll, INDEPENDENT)
        await pilot.press("t")
        await pilot.pause()
        assert "Quorate (5 of 4 needed)" in _words(roll)

        # Ben declares a disclosable pecuniary interest in item 3: he withdraws for it.
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DeclarationDialog)
        await type_text(pilot, "Cllr Ben Brown")
        await pilot.press("tab")
        await pilot.pause()
        await type_text(pilot, "3")
        await pilot.press("tab")
        await pilot.pause()
        await type_text(pilot, "He owns land next to the site")
        await pilot.press("tab")
        await pilot.pause()
        await pilot.press("enter", "up", "up", "enter")  # the kind, last: pecuniary
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: store.declarations(meeting_id), "the declaration saved")
        declaration = store.declarations(meeting_id)[0]
        assert declaration.kind is InterestKind.PECUNIARY
        assert declaration.agenda_item_id == land.id
        await pilot.pause()
        assert "Quorate (5 of 4 needed)" in _words(roll)  # item 2 still: he is here for it
        await pilot.press("escape")
        await pilot.pause()
        assert "Quorate (5 of 4 needed)" in _words(app.screen)
        assert "NOT QUORATE" not in _words(app.screen)

        # Item 3: without Ben, 4 of 4; then Cat leaves: 3 of 4, and the item is flagged.
        clock.advance(minutes=20)
        await pilot.press("n")
        await pilot.pause()
        assert "Quorate (4 of 4 needed)" in _words(app.screen)
        assert "Withdrawn for this item: Cllr Ben Brown" in _words(app.screen)
        roll = await _roll_call(pilot, app)
        await _to_row(pilot, roll, "Cllr Cat Cole")
        await pilot.press("o")
        await pilot.pause()
        assert "NOT QUORATE (3 of 4 needed)" in _words(roll)
        await pilot.press("escape")
        await pilot.pause()
        assert "NOT QUORATE FOR THIS ITEM (3 of 4 needed)" in _words(app.screen)

    records = {a.person.name: a for a in store.attendance(meeting_id)}
    assert records["Cllr Eve Ede"].arrived_item_id == housing.id
    assert records["Cllr Cat Cole"].left_item_id == land.id
    quorum = store.meeting_quorum(meeting_id)
    assert quorum is not None
    assert [q.state.quorate for q in quorum.items.values()] == [False, True, False]
    assert budget.id in quorum.items

    clock.advance(minutes=20)
    store.end_meeting(meeting_id)
    path = tmp_path / "minutes.docx"
    write_minutes(store, meeting_id, path)
    text = all_text(open_docx(path))
    assert "The meeting was quorate." not in text
    assert (
        "Cllr Ben Brown declared a disclosable pecuniary interest in item 3 (Land Disposal)" in text
    )
    housing_part = text.split("2. HOUSING ALLOCATIONS")[1].split("3. LAND DISPOSAL")[0]
    assert "Cllr Eve Ede arrived at the meeting during this item." in housing_part
    assert f"{INDEPENDENT} arrived at the meeting during this item." in housing_part
    land_part = text.split("3. LAND DISPOSAL")[1]
    assert "Cllr Ben Brown left the meeting for this item." in land_part
    assert "Cllr Cat Cole left the meeting." in land_part
    assert "The meeting was not quorate for this item." in land_part
    budget_part = text.split("1. BUDGET")[1].split("2. HOUSING ALLOCATIONS")[0]
    assert "The meeting was not quorate for this item." in budget_part
    assert "not quorate" not in housing_part


def _run(store: Store, clock: FakeClock, meeting_id: int, present: int) -> None:
    """The first `present` members in the room, every item taken, the meeting ended."""
    meeting = store.meeting(meeting_id)
    clock.now = START
    store.start_meeting(meeting_id)
    for membership in store.members(meeting.board_id)[:present]:
        store.record_attendance(
            meeting_id, membership.person.id, AttendanceKind.IN_PERSON, Capacity.MEMBER
        )
    for item in store.agenda(meeting_id):
        store.move_to_item(meeting_id, item.id)
        clock.advance(minutes=20)
    store.end_meeting(meeting_id)


def test_minutes_say_the_meeting_was_quorate_when_it_held_throughout(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    meeting_id = _board(store)
    _run(store, clock, meeting_id, present=5)
    write_minutes(store, meeting_id, tmp_path / "m.docx")
    text = all_text(open_docx(tmp_path / "m.docx"))
    assert text.count("The meeting was quorate.") == 1
    assert "not quorate" not in text


def test_a_board_without_a_rule_gets_no_quorum_sentences(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    meeting_id = _board(store, rule=None)
    _run(store, clock, meeting_id, present=2)
    assert store.meeting_quorum(meeting_id) is None
    write_minutes(store, meeting_id, tmp_path / "m.docx")
    text = all_text(open_docx(tmp_path / "m.docx"))
    assert "quorate" not in text.casefold()


def test_an_independent_member_rule_and_remote_members_on_an_nhs_board(
    store: Store, clock: FakeClock
) -> None:
    from board_tui.domain.exclusion import ExclusionRule

    meeting_id = _board(store, rule="1/3 +1")  # six voting members: 2, one independent
    board_id = store.meeting(meeting_id).board_id
    _run(store, clock, meeting_id, present=5)  # the independent member is the sixth
    quorum = store.meeting_quorum(meeting_id)
    assert quorum is not None
    assert quorum.now.words == "NOT QUORATE (5 of 2 needed; 0 of 1 independent)"
    independent = store.person_named(INDEPENDENT)
    assert independent is not None
    store.record_attendance(meeting_id, independent.id, AttendanceKind.REMOTE, Capacity.MEMBER)
    quorum = store.meeting_quorum(meeting_id)
    assert quorum is not None and not quorum.now.quorate  # a council's remote member: not here
    store.set_exclusion_rule(board_id, ExclusionRule.NHS_1960)
    quorum = store.meeting_quorum(meeting_id)
    assert quorum is not None and quorum.now.quorate  # an NHS board counts them


def test_board_add_sets_the_quorum_and_refuses_a_rule_it_cannot_read(tmp_path: Path) -> None:
    db = tmp_path / "board.sqlite3"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "board_tui", "board", "add", *args, "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )

    made = run("Scrutiny Committee", "--quorum", "1/3 +1")
    assert made.returncode == 0, made.stderr
    wrong = run("Audit Committee", "--quorum", "a third")
    assert wrong.returncode == 1
    assert "cannot read the quorum" in wrong.stderr and len(wrong.stderr.splitlines()) == 1
    with Store.open(db) as store:
        assert [b.name for b in store.boards()] == ["Scrutiny Committee"]
        assert store.board_by_name("Scrutiny Committee").quorum == QuorumRule(
            numerator=1, denominator=3, independents=1
        )
