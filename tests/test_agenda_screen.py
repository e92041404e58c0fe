"""A clerk builds a board, a meeting and its agenda from the home screen, keyboard only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from notices import Notices
from pilot_keys import type_text
from textual.widgets import DataTable, Static

from board_tui.domain import agenda_order
from board_tui.domain.exclusion import PARAGRAPH_PLACEHOLDER
from board_tui.domain.model import MembershipRole
from board_tui.screens.agenda import AgendaScreen
from board_tui.screens.dialogs.exclusion import ParagraphDialog
from board_tui.screens.dialogs.questions import ConfirmDialog
from board_tui.screens.meeting.screen import MeetingScreen
from board_tui.screens.people import PeopleScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.storage.store import Store


async def _save(pilot, text: str = "") -> None:
    if text:
        await type_text(pilot, text)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_board_meeting_and_agenda_from_scratch(store: Store) -> None:
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        # A new board, with its contact for the agenda's front sheet.
        await pilot.press("b")
        await type_text(pilot, "Health and Wellbeing Board")
        await pilot.press("tab")
        await type_text(pilot, "London Borough of Tower Hamlets")
        await pilot.press("tab")
        await _save(pilot, "Jo Clerk, Democratic Services Officer")
        board = store.board_by_name("Health and Wellbeing Board")
        assert board.organisation == "London Borough of Tower Hamlets"
        assert board.contact is not None and board.contact.role == "Democratic Services Officer"

        # A new meeting: date, start, venue; the standing items come with it.
        await pilot.press("m")
        await type_text(pilot, "2026-12-01")
        await pilot.press("tab")  # the whole value is selected: typing replaces it
        await type_text(pilot, "2pm")
        await pilot.press("tab")
        await _save(pilot, "Council Chamber")
        assert isinstance(app.screen, AgendaScreen)
        meeting = store.meetings(board.id)[0]
        assert meeting.scheduled_start == dt.datetime(2026, 12, 1, 14, 0)
        assert meeting.venue == "Council Chamber"
        assert [i.title for i in store.agenda(meeting.id)] == [
            "Welcome and Apologies",
            "Declarations of Interest",
            "Minutes of the Previous Meeting",
            "Any Other Business",
        ]

        # Add "Budget" after the minutes, 30 minutes, and a sub-item under it.
        await pilot.press("down", "down")
        await pilot.press("a")
        await type_text(pilot, "Budget monitoring")
        await pilot.press("tab")
        await type_text(pilot, "Julie Lorraine")
        await pilot.press("tab")
        await _save(pilot, "30")
        await pilot.press("a")
        await _save(pilot, "Q1 position")
        await pilot.press("tab")  # indent: 5 becomes 4.1
        await pilot.press("plus", "plus")  # 10 minutes for the sub-item
        await pilot.pause()

        items = store.agenda(meeting.id)
        assert [(i.number, i.title) for i in items] == [
            ("1", "Welcome and Apologies"),
            ("2", "Declarations of Interest"),
            ("3", "Minutes of the Previous Meeting"),
            ("4", "Budget monitoring"),
            ("4.1", "Q1 position"),
            ("5", "Any Other Business"),
        ]
        starts = agenda_order.planned_starts(items, meeting.scheduled_start)
        assert [f"{starts[i.id]:%H:%M}" for i in items] == [
            "14:00",
            "14:05",
            "14:10",
            "14:15",
            "14:15",
            "14:45",
        ]
        table = app.screen.query_one("#agenda-items", DataTable)
        assert [str(table.get_row_at(r)[1]) for r in range(table.row_count)] == [
            "2.00 p.m.",
            "2.05 p.m.",
            "2.10 p.m.",
            "2.15 p.m.",
            "2.15 p.m.",
            "2.45 p.m.",
        ]

        # Move AOB up above Budget, mark Budget Part 2, outdent the sub-item: lifted out of
        # a Part 2 item, it stays Part 2 (flagged itself) until x says otherwise.
        await pilot.press("down")  # AOB
        await pilot.press("shift+up")
        await pilot.press("down")  # Budget again (now 5)
        await pilot.press("x", "3")  # paragraph 3 of Schedule 12A: financial affairs
        await pilot.press("down")  # 5.1
        await pilot.press("shift+tab")
        await pilot.pause()
        items = store.agenda(meeting.id)
        assert [(i.number, i.title, i.exempt, i.exempt_paragraph) for i in items][3:] == [
            ("4", "Any Other Business", False, None),
            ("5", "Budget monitoring", True, 3),
            ("6", "Q1 position", True, 3),  # lifted out: on the grounds its item had
        ]

        # Edit an item: enter opens it with its fields; the note to the chair is kept.
        await pilot.press("up")
        await pilot.press("enter")
        await pilot.press("tab", "tab", "tab", "tab", "tab", "tab", "tab")  # to the note
        await _save(pilot, "The Board is asked to agree the savings.")
        assert store.agenda(meeting.id)[4].chair_note == "The Board is asked to agree the savings."

        # Delete asks first; then l runs the meeting live.
        await pilot.press("down", "delete")
        await pilot.press("y")
        await pilot.pause()
        assert [i.title for i in store.agenda(meeting.id)][-1] == "Budget monitoring"
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_people_join_the_board_and_a_rename_shows_everywhere(store: Store) -> None:
    board = store.create_board("Transformation Advisory Board")
    other = store.create_board("Health and Wellbeing Board")
    denise = store.add_person("Denise Radley", title="Corporate Director")
    store.add_member(other.id, denise.id, MembershipRole.MEMBER)
    app = BoardApp(store, open_meeting_id=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("shift+tab", "down")  # to the boards: Transformation… is second
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        assert app.screen.board_id == board.id
        await pilot.press("a")
        await type_text(pilot, "Stephen Halsey")
        await pilot.press("tab")
        await _save(pilot, "Chief Executive")
        await pilot.press("b")  # the new person, chosen in the directory, joins the board
        await pilot.pause()
        await _save(pilot)
        assert [(m.person.name, m.role) for m in store.members(board.id)] == [
            ("Stephen Halsey", MembershipRole.MEMBER)
        ]
        # Rename Denise in the directory: her other board shows the new name.
        await pilot.press("up")
        await pilot.press("enter")
        await pilot.press("end")
        await _save(pilot, " CBE")
        assert [m.person.name for m in store.members(other.id)] == ["Denise Radley CBE"]
        # r makes the member the chair.
        await pilot.press("shift+tab")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter", "up", "enter")  # open the list, Chair is first
        await _save(pilot)
        assert store.members(board.id)[0].role is MembershipRole.CHAIR


FIXTURE = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "tab-2023-12-11-agenda.docx"


async def test_import_the_december_pack_from_the_home_screen(store: Store) -> None:
    if not FIXTURE.exists():
        pytest.skip(f"shared fixtures not found beside the checkout: {FIXTURE}")
    # A new clerk's empty database: the board comes from the pack's front sheet.
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await type_text(pilot, str(FIXTURE))
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # What was read is shown before anything is written.
        assert isinstance(app.screen, ConfirmDialog)
        shown = str(app.screen.question)
        assert "Monday, 11 December 2023 at 2.00 p.m." in shown
        assert "13 members, 5 officers" in shown
        assert "3:15pm  Partnership Working" in shown
        assert store.meetings() == []
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        meeting = store.meetings()[0]
        assert [i.title for i in store.agenda(meeting.id)][-1] == "Any Other Business and Close"
        assert [b.name for b in store.boards()] == ["Transformation Advisory Board"]


async def test_a_bad_file_from_the_home_screen_is_a_notice(store: Store, tmp_path: Path) -> None:
    store.create_board("Transformation Advisory Board")
    bad = tmp_path / "agenda.docx"
    bad.write_text("not really Word", encoding="utf-8")
    app = BoardApp(store)
    told = Notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await type_text(pilot, str(bad))
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert told.messages == ["agenda.docx: not a Word .docx file"]
        assert store.meetings() == []


def _rows(screen: AgendaScreen) -> list[str]:
    table = screen.query_one("#agenda-items", DataTable)
    return [str(table.get_row_at(n)[3]).strip() for n in range(table.row_count)]


async def test_x_marks_an_item_and_its_sub_items_part2(store: Store) -> None:
    """Flagging an item flags its sub-items, visibly; x on such a sub-item says why it is."""
    meeting = store.create_meeting(store.create_board("Board").id, dt.datetime(2026, 12, 1, 14))
    store.add_agenda_item(meeting.id, "Welcome")
    sale = store.add_agenda_item(meeting.id, "Land sale")
    store.add_agenda_item(meeting.id, "Valuation", parent_id=sale.id)
    store.add_agenda_item(meeting.id, "Bids", parent_id=sale.id)
    app = BoardApp(store)
    told = Notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(AgendaScreen(store, meeting.id))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        await pilot.press("down", "x")
        await pilot.pause()
        assert isinstance(app.screen, ParagraphDialog)
        await pilot.press("0")  # not chosen yet: the clerk sees it is missing
        await pilot.pause()
        assert _rows(screen) == [
            "Welcome",
            "Land sale [Part 2 · para ?]",
            "Valuation [Part 2]",
            "Bids [Part 2]",
        ]
        assert PARAGRAPH_PLACEHOLDER in str(screen.query_one("#agenda-detail", Static).content)
        assert "Item 2 and its 2 sub-items: Part 2" in str(told)
        await pilot.press("down", "x")  # on "Valuation": Part 2 because of its parent
        await pilot.pause()
        assert not store.agenda(meeting.id)[2].exempt
        assert "Item 2.1 is Part 2 under item 2, which is exempt" in str(told)
        assert "Part 2: under item 2" in str(screen.query_one("#agenda-detail", Static).content)
        await pilot.press("up", "x")  # the parent again: all three public
        await pilot.pause()
        assert _rows(screen) == ["Welcome", "Land sale", "Valuation", "Bids"]
