"""Minute numbers in the board's scheme: in the minutes' headings, and every action keyed to
its minute in the minutes, the action plan and each owner's letter ("TAB 23/45(b)")."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
from click.testing import CliRunner
from pilot_keys import type_text
from security.part2 import docx_text
from textual.widgets import OptionList

from board_tui.cli.main import cli
from board_tui.domain.minute_numbers import (
    MinuteNumbering,
    MinuteScheme,
    action_letter,
    municipal_year,
)
from board_tui.domain.model import MeetingStatus, NoteKind
from board_tui.exporters.action_plan import write_action_plan
from board_tui.exporters.minutes import write_minutes
from board_tui.exporters.owner_letters import build_owner_letters
from board_tui.screens.meeting.screen import MeetingScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.storage.store import Store

RUNNING = MinuteNumbering(MinuteScheme.RUNNING, "TAB", 45, 2023)


def test_running_numbers_go_on_across_the_municipal_year() -> None:
    assert municipal_year(dt.date(2024, 4, 30)) == 2023
    assert municipal_year(dt.date(2024, 5, 1)) == 2024
    day = dt.date(2023, 12, 11)
    numbers = RUNNING.numbers(
        day, [10, 11], [(12, 11), (13, 11)], earlier_minutes=6, earlier_meetings=2
    )
    assert numbers == {10: "TAB 23/51", 11: "TAB 23/52", 12: "TAB 23/52.1", 13: "TAB 23/52.2"}
    # Next municipal year starts again from 1; the clerk's start was for 2023/24.
    assert RUNNING.numbers(dt.date(2024, 6, 3), [1], [], earlier_minutes=0, earlier_meetings=0) == {
        1: "TAB 24/1"
    }
    per_meeting = MinuteNumbering(MinuteScheme.MEETING)
    assert per_meeting.numbers(day, [1, 2], [], earlier_minutes=9, earlier_meetings=2) == {
        1: "3.1",
        2: "3.2",
    }
    assert MinuteNumbering().numbers(day, [1], [], earlier_minutes=0, earlier_meetings=0) == {}
    assert [action_letter(n) for n in (0, 1, 25, 26, 27)] == ["a", "b", "z", "aa", "ab"]


def _board(store: Store) -> tuple[int, int, int]:
    """October (held: 3 minutes), a draft meeting between (never held), then December with a
    sub-item and three actions, one of them a next step on the plan."""
    board = store.create_board("Transformation Advisory Board", "Example Council")
    store.set_minute_numbering(board.id, RUNNING)
    october = store.create_meeting(board.id, dt.datetime(2023, 10, 17, 14))
    for title in ("Welcome", "Minutes", "Budget"):
        store.add_agenda_item(october.id, title, duration_minutes=10)
    store.start_meeting(october.id)
    store.end_meeting(october.id)
    november = store.create_meeting(board.id, dt.datetime(2023, 11, 20, 14))
    store.add_agenda_item(november.id, "Never held", duration_minutes=10)
    december = store.create_meeting(board.id, dt.datetime(2023, 12, 11, 14))
    store.add_agenda_item(december.id, "Welcome", duration_minutes=5)
    strategy = store.add_agenda_item(december.id, "Engagement Strategy", duration_minutes=30)
    sub = store.add_agenda_item(
        december.id, "Consultation", parent_id=strategy.id, duration_minutes=10
    )
    plan = store.create_plan(board.id, "Engagement Plan", dated=dt.date(2023, 11, 1))
    item = store.add_plan_item(plan.id, "1", "Widen engagement", lead="Jon Williams")
    store.start_meeting(december.id)
    store.move_to_item(december.id, strategy.id)
    store.add_action(
        "Publish the calendar",
        agenda_item_id=strategy.id,
        owner="Jon Williams",
        time_frame="January",
    )
    store.add_action(
        "Map the engagement groups",
        plan_item_id=item.id,
        meeting_id=december.id,
        agenda_item_id=strategy.id,
        owner="Kirsty Roberts",
        time_frame="March Board 24",
    )
    store.move_to_item(december.id, sub.id)
    store.add_action("Brief the residents", agenda_item_id=sub.id, owner="Jon Williams")
    store.end_meeting(december.id)
    assert store.meeting(november.id).status is MeetingStatus.DRAFT
    return board.id, december.id, plan.id


def test_the_minutes_the_plan_and_the_letters_quote_the_minute(
    store: Store, tmp_path: Path
) -> None:
    _board_id, december, plan = _board(store)
    minutes = write_minutes(store, december, tmp_path / "minutes.docx")[0]
    text = [p.text for p in docx.Document(str(minutes)).paragraphs]
    # 45-47 went to October; the draft November meeting takes none.
    assert "TAB 23/48 \u2013 1. WELCOME" in text
    assert "TAB 23/49 \u2013 2. ENGAGEMENT STRATEGY" in text
    assert "TAB 23/49.1 \u2013 2.1 Consultation" in text
    assert "Action TAB 23/49(a): Publish the calendar (Jon Williams, January)" in text
    assert any(t.startswith("Action TAB 23/49(b): Map the engagement groups") for t in text)
    assert "Action TAB 23/49.1(a): Brief the residents (Jon Williams)" in text
    table = docx.Document(str(minutes)).tables[-1]
    assert [row.cells[0].text for row in table.rows] == [
        "Ref",
        "TAB 23/49(a)",
        "TAB 23/49(b)",
        "TAB 23/49.1(a)",
    ]

    plan_file = write_action_plan(store, plan, tmp_path / "plan.docx")
    assert "Map the engagement groups (Kirsty Roberts) (action TAB 23/49(b))" in docx_text(
        plan_file
    )

    letters = build_owner_letters(store, december)
    jon = next(letter for letter in letters.letters if letter.owner == "Jon Williams")
    assert [entry.ref for entry in jon.new] == ["TAB 23/49(a)", "TAB 23/49.1(a)"]


def test_a_board_without_a_scheme_keeps_the_agenda_numbers(store: Store, tmp_path: Path) -> None:
    board_id, december, _plan = _board(store)
    store.set_minute_numbering(board_id, MinuteNumbering())
    text = docx_text(write_minutes(store, december, tmp_path / "minutes.docx")[0])
    assert "2. ENGAGEMENT STRATEGY" in text and "TAB 23/" not in text
    assert "Action A1: Publish the calendar" in text


def test_the_clerk_sets_the_scheme_from_the_command_line(
    store: Store, db_path: Path, tmp_path: Path, database: str
) -> None:
    _board_id, december, _plan = _board(store)
    run = CliRunner().invoke
    args = ["board", "numbering", "Transformation Advisory Board", "--db", database]
    result = run(cli, [*args, "--scheme", "meeting", "--prefix", "TAB"])
    assert result.exit_code == 0, result.output
    assert "numbered like TAB 1.1" in result.output
    text = docx_text(write_minutes(store, december, tmp_path / "minutes.docx")[0])
    assert "TAB 2.2 \u2013 2. ENGAGEMENT STRATEGY" in text  # October was the first meeting
    result = run(cli, [*args, "--scheme", "running", "--prefix", "TAB", "--start", "7"])
    assert result.exit_code == 0 and "numbered like TAB " in result.output
    assert run(cli, [*args, "--scheme", "running", "--start", "0"]).exit_code == 2
    result = run(cli, ["board", "numbering", "Nope", "--scheme", "none", "--db", database])
    assert result.exit_code == 1 and "no board called 'Nope'" in result.output


def test_search_quotes_the_minute_an_action_and_a_comment_are_under(
    store: Store, db_path: Path, database: str
) -> None:
    """A clerk finds an action a year on by its words and reads back the ref the minutes
    printed, in the terminal and in the app's search alike."""
    _board_id, december, _plan = _board(store)
    strategy = next(i for i in store.agenda(december) if i.title == "Engagement Strategy")
    store.add_note(strategy.id, NoteKind.COMMENT, "Members asked about the calendar's reach.")
    run = CliRunner().invoke
    result = run(cli, ["search", "calendar", "--db", database])
    assert result.exit_code == 0, result.output
    assert "TAB 23/49 \u2013 2. Engagement Strategy · comment" in result.output
    assert "2. Engagement Strategy · action TAB 23/49(a)" in result.output
    found = json.loads(run(cli, ["search", "calendar", "--json", "--db", database]).output)
    assert {r["what"] for r in found} >= {"action TAB 23/49(a)", "comment"}
    assert {r["minute"] for r in found} == {"TAB 23/49(a)", "TAB 23/49"}
    # A board that numbers no minutes keeps the plain words.
    store.set_minute_numbering(_board_id, MinuteNumbering())
    plain = run(cli, ["search", "calendar", "--db", database]).output
    assert "TAB 23/" not in plain and "action arising" in plain


async def test_the_apps_search_quotes_the_minute_too(store: Store) -> None:
    _board_id, _december, _plan = _board(store)
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+f")
        await pilot.pause()
        await type_text(pilot, "calendar")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        results = app.screen.query_one("#search-results", OptionList)
        shown = [str(results.get_option_at_index(n).prompt) for n in range(results.option_count)]
        assert any("action TAB 23/49(a)" in line for line in shown), shown


def _painted(app: BoardApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_the_live_screen_heads_the_item_with_its_minute_number(store: Store) -> None:
    _board_id, december, _plan = _board(store)
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(MeetingScreen(store, december))
        await pilot.pause()
        # A closed meeting opens where it ended: the sub-item, numbered under its minute.
        assert "TAB 23/49.1 \u2013 2.1. Consultation" in _painted(app)
        await pilot.press("p")
        await pilot.pause()
        assert "TAB 23/49 \u2013 2. Engagement Strategy" in _painted(app)
