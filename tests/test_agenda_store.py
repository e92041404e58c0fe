"""The store's agenda editing: order, numbers, sub-items, standing items, people."""

from __future__ import annotations

import datetime as dt

import pytest

from board_tui.domain import agenda_order
from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import MembershipRole, NoteKind
from board_tui.storage.store import Store

START = dt.datetime(2026, 12, 1, 14, 0)


def _outline(store: Store, meeting_id: int) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in store.agenda(meeting_id)]


def _meeting(store: Store, *titles: str) -> int:
    board = store.create_board("Health and Wellbeing Board")
    meeting = store.create_meeting(board.id, START)
    for title in titles:
        store.add_agenda_item(meeting.id, title, duration_minutes=10)
    return meeting.id


def test_numbers_follow_the_order_through_moves_indents_and_deletes(store: Store) -> None:
    meeting_id = _meeting(store, "Welcome", "Budget", "Q1 monitoring", "Q2 forecast", "AOB")
    items = {i.title: i.id for i in store.agenda(meeting_id)}

    assert store.indent_agenda_item(items["Q1 monitoring"])
    assert store.indent_agenda_item(items["Q2 forecast"])
    assert _outline(store, meeting_id) == [
        ("1", "Welcome"),
        ("2", "Budget"),
        ("2.1", "Q1 monitoring"),
        ("2.2", "Q2 forecast"),
        ("3", "AOB"),
    ]
    # Moving an item takes its sub-items with it.
    assert store.move_agenda_item(items["Budget"], -1)
    assert _outline(store, meeting_id)[:3] == [
        ("1", "Budget"),
        ("1.1", "Q1 monitoring"),
        ("1.2", "Q2 forecast"),
    ]
    assert not store.move_agenda_item(items["Budget"], -1)  # already first
    # Outdenting keeps the page order: the sub-item below follows it.
    assert store.indent_agenda_item(items["AOB"]) is True  # AOB under Welcome
    store.delete_agenda_item(items["AOB"])
    assert store.outdent_agenda_item(items["Q1 monitoring"])
    assert _outline(store, meeting_id) == [
        ("1", "Budget"),
        ("2", "Q1 monitoring"),
        ("2.1", "Q2 forecast"),
        ("3", "Welcome"),
    ]


def test_sub_items_go_one_level_deep(store: Store) -> None:
    meeting_id = _meeting(store, "Budget", "Q1", "Q2")
    items = {i.title: i.id for i in store.agenda(meeting_id)}
    store.indent_agenda_item(items["Q2"])
    with pytest.raises(BoardTuiError, match="one level deep"):
        store.indent_agenda_item(items["Q1"])
    assert not store.indent_agenda_item(items["Budget"])  # nothing above it


def test_an_item_added_after_another_lands_beside_it(store: Store) -> None:
    meeting_id = _meeting(store, "Welcome", "AOB")
    welcome = store.agenda(meeting_id)[0]
    store.add_agenda_item(meeting_id, "  Budget   report ", after_id=welcome.id)
    assert _outline(store, meeting_id) == [("1", "Welcome"), ("2", "Budget report"), ("3", "AOB")]


def test_durations_give_the_planned_times(store: Store) -> None:
    meeting_id = _meeting(store, "Welcome", "Budget", "AOB")
    items = store.agenda(meeting_id)
    store.update_agenda_item(items[1].id, duration_minutes=60)
    store.update_agenda_item(items[2].id, fixed_start=dt.time(15, 30))
    starts = agenda_order.planned_starts(store.agenda(meeting_id), START)
    assert [starts[i.id].strftime("%H:%M") for i in items] == ["14:00", "14:10", "15:30"]


def test_editing_keeps_what_was_not_given(store: Store) -> None:
    meeting_id = _meeting(store, "Budget")
    item = store.agenda(meeting_id)[0]
    store.update_agenda_item(item.id, presenter="Julie Lorraine", exempt=True, chair_note="Views")
    changed = store.update_agenda_item(item.id, title="Budget 2027/28")
    assert (changed.title, changed.presenter, changed.exempt, changed.chair_note) == (
        "Budget 2027/28",
        "Julie Lorraine",
        True,
        "Views",
    )
    with pytest.raises(BoardTuiError):
        store.update_agenda_item(item.id, title="   ")
    with pytest.raises(BoardTuiError):
        store.update_agenda_item(item.id, duration_minutes=-5)


def test_an_item_with_minuted_words_is_never_deleted(store: Store) -> None:
    meeting_id = _meeting(store, "Budget", "AOB")
    budget = store.agenda(meeting_id)[0]
    store.add_note(budget.id, NoteKind.COMMENT, "Members asked about reserves.")
    with pytest.raises(BoardTuiError, match="minuted"):
        store.delete_agenda_item(budget.id)
    with pytest.raises(BoardTuiError, match="minuted"):
        store.clear_agenda(meeting_id)
    assert len(store.agenda(meeting_id)) == 2


def test_a_new_meeting_takes_the_last_meetings_standing_items(store: Store) -> None:
    board = store.create_board("Transformation Advisory Board")
    last = store.create_meeting(board.id, START)
    for title, minutes in (
        ("Welcome and Apologies", 5),
        ("Declarations of Interest", 5),
        ("Minutes of the Previous Meeting", 10),
        ("Community Engagement Strategy", 60),
        ("Any Other Business and Close", 5),
    ):
        store.add_agenda_item(last.id, title, duration_minutes=minutes)
    new = store.create_meeting(board.id, START + dt.timedelta(days=70))
    store.add_agenda_item(new.id, "Budget", duration_minutes=30)

    assert store.copy_standing_items(new.id) == 4
    assert _outline(store, new.id) == [
        ("1", "Welcome and Apologies"),
        ("2", "Declarations of Interest"),
        ("3", "Minutes of the Previous Meeting"),
        ("4", "Budget"),
        ("5", "Any Other Business and Close"),
    ]
    assert store.agenda(new.id)[2].duration_minutes == 10
    assert store.copy_standing_items(new.id) == 0  # already there: nothing doubled


def test_a_first_meeting_gets_the_usual_standing_items(store: Store) -> None:
    meeting_id = _meeting(store)
    store.copy_standing_items(meeting_id)
    assert [t for _, t in _outline(store, meeting_id)] == [
        "Welcome and Apologies",
        "Declarations of Interest",
        "Minutes of the Previous Meeting",
        "Any Other Business",
    ]


def test_meeting_details_change_and_the_previous_meeting_is_found(store: Store) -> None:
    board = store.create_board("Board")
    first = store.create_meeting(board.id, START)
    second = store.create_meeting(board.id, START + dt.timedelta(days=30))
    moved = store.update_meeting(
        second.id,
        scheduled_start=START + dt.timedelta(days=31, hours=-4),
        title="Extraordinary meeting",
        venue="Committee Room 1",
    )
    assert (moved.title, moved.venue) == ("Extraordinary meeting", "Committee Room 1")
    assert moved.scheduled_start == dt.datetime(2027, 1, 1, 10, 0)
    previous = store.previous_meeting(second.id)
    assert previous is not None and previous.id == first.id
    assert store.previous_meeting(first.id) is None


def test_people_are_shared_and_memberships_change(store: Store) -> None:
    tab = store.create_board("Transformation Advisory Board")
    hwb = store.create_board("Health and Wellbeing Board")
    person = store.add_person("Denise  Radley", title="Corporate Director")
    on_tab = store.add_member(tab.id, person.id, MembershipRole.MEMBER, "Deputy SRO")
    store.add_member(hwb.id, person.id, MembershipRole.OFFICER)
    store.update_person(
        person.id, name="Denise Radley CBE", title=None, organisation=None, email=None
    )
    assert [m.person.name for m in store.members(hwb.id)] == ["Denise Radley CBE"]
    changed = store.update_member(on_tab.id, MembershipRole.CHAIR, None)
    assert (changed.role, changed.position) == (MembershipRole.CHAIR, None)
    store.remove_member(on_tab.id)
    assert store.members(tab.id) == []
    assert [m.person.name for m in store.members(hwb.id)] == ["Denise Radley CBE"]


def test_agreeing_the_previous_minutes_approves_them(store: Store) -> None:
    board = store.create_board("Transformation Advisory Board")
    october = store.create_meeting(board.id, START)
    store.add_agenda_item(october.id, "Welcome")
    store.start_meeting(october.id)
    store.end_meeting(october.id)
    december = store.create_meeting(board.id, START + dt.timedelta(days=55))
    minutes_item = store.add_agenda_item(december.id, "Minutes of the Previous Meeting")
    store.start_meeting(december.id)
    # A comment is not an agreement; the decision is.
    store.add_note(minutes_item.id, NoteKind.COMMENT, "Page 3 should say Whitechapel.")
    assert store.meeting(october.id).status.value == "closed"
    store.add_note(
        minutes_item.id, NoteKind.DECISION, "The minutes of 17 October 2023 were agreed."
    )
    approved = store.meeting(october.id)
    assert approved.status.value == "approved"
    assert approved.approved_by_meeting_id == december.id
