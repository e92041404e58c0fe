"""Every table round-trips through the store against a real SQLite file."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from board_tui.domain.errors import BoardTuiError, NotFoundError
from board_tui.domain.model import (
    ActionLabel,
    AttendanceKind,
    Capacity,
    LegendEntry,
    MeetingStatus,
    MembershipRole,
    NoteKind,
    Status,
)
from board_tui.storage.store import Store


def test_boards_round_trip(store: Store, clock) -> None:
    board = store.create_board("Health and Wellbeing Board", "LB Tower Hamlets")
    assert store.board(board.id) == board
    assert board.created_at == clock.now
    assert store.board_by_name("health and wellbeing board") == board
    renamed = store.rename_board(board.id, "Health & Wellbeing Board")
    assert renamed.name == "Health & Wellbeing Board"
    archived = store.archive_board(board.id)
    assert archived.archived_at == clock.now
    assert store.boards() == []
    assert store.boards(include_archived=True) == [archived]


def test_board_names_are_unique_and_not_blank(store: Store) -> None:
    store.create_board("Transformation Advisory Board")
    with pytest.raises(BoardTuiError, match="already a board"):
        store.create_board("transformation advisory board")
    with pytest.raises(BoardTuiError):
        store.create_board("   ")
    with pytest.raises(NotFoundError):
        store.board_by_name("No Such Board")


def test_people_and_memberships_round_trip(store: Store) -> None:
    board = store.create_board("Transformation Advisory Board")
    mayor = store.add_person("Mayor  Lutfur Rahman", title="Mayor")
    assert mayor.name == "Mayor Lutfur Rahman"
    penn = store.add_person("Richard Penn", title="Independent non-executive member")
    officer = store.add_person(
        "Julie Lorraine",
        title="Corporate Director Resources",
        organisation="London Borough of Tower Hamlets",
        email="julie@example.org",
    )
    assert store.person(officer.id) == officer
    assert store.person_named("julie lorraine") == officer
    store.add_member(board.id, officer.id, MembershipRole.OFFICER, "Corporate Director Resources")
    store.add_member(board.id, penn.id, MembershipRole.INDEPENDENT)
    store.add_member(board.id, mayor.id, MembershipRole.CHAIR)
    members = store.members(board.id)
    assert [m.person.name for m in members] == [
        "Mayor Lutfur Rahman",
        "Richard Penn",
        "Julie Lorraine",
    ]
    assert members[2].position == "Corporate Director Resources"
    assert members[2].role is MembershipRole.OFFICER
    with pytest.raises(BoardTuiError, match="already on this board"):
        store.add_member(board.id, penn.id, MembershipRole.MEMBER)
    # A rename shows everywhere the person appears.
    store.update_person(penn.id, name="Sir Richard Penn", title=None, organisation=None, email=None)
    assert store.members(board.id)[1].person.name == "Sir Richard Penn"


def _meeting(store: Store):
    board = store.create_board("Transformation Advisory Board")
    return store.create_meeting(
        board.id,
        dt.datetime(2023, 12, 11, 14, 0),
        venue="Council Chamber - Town Hall, Whitechapel",
    )


def test_meeting_lifecycle_round_trip(store: Store, clock) -> None:
    meeting = _meeting(store)
    assert meeting.title == "Transformation Advisory Board"
    assert meeting.status is MeetingStatus.DRAFT
    assert store.meeting_on(meeting.board_id, dt.date(2023, 12, 11)) == meeting
    started = store.start_meeting(meeting.id, at=dt.datetime(2023, 12, 11, 14, 18))
    assert started.status is MeetingStatus.LIVE
    assert started.actual_start == dt.datetime(2023, 12, 11, 14, 18)
    with pytest.raises(BoardTuiError):
        store.start_meeting(meeting.id)
    ended = store.end_meeting(meeting.id, at=dt.datetime(2023, 12, 11, 16, 19))
    assert (ended.status, ended.actual_end) == (
        MeetingStatus.CLOSED,
        dt.datetime(2023, 12, 11, 16, 19),
    )
    reopened = store.reopen_meeting(meeting.id, "typo in item 4")
    assert reopened.status is MeetingStatus.LIVE
    assert reopened.is_correcting
    corrected = store.end_meeting(meeting.id, at=dt.datetime(2023, 12, 11, 16, 25))
    assert corrected.actual_end == dt.datetime(2023, 12, 11, 16, 19)  # the real end is kept
    later = store.create_meeting(meeting.board_id, dt.datetime(2024, 2, 19, 14, 0))
    approved = store.approve_minutes(meeting.id, by_meeting_id=later.id)
    assert approved.status is MeetingStatus.APPROVED
    assert approved.approved_by_meeting_id == later.id
    assert approved.approved_at == clock.now
    events = store.meeting_events(meeting.id)
    assert [(e.kind, e.detail) for e in events] == [
        ("started", None),
        ("ended", None),
        ("reopened", "typo in item 4"),
        ("ended", "corrections finished"),
        ("approved", None),
    ]


def test_agenda_items_round_trip(store: Store) -> None:
    meeting = _meeting(store)
    first = store.add_agenda_item(meeting.id, "Welcome and Apologies", duration_minutes=5)
    aob = store.add_agenda_item(
        meeting.id,
        "Any Other Business",
        presenter="Afazul Hoque, Head of Corporate Strategy and Communities",
        fixed_start=dt.time(16, 15),
        papers="(PAGES 9 - 44)",
        exempt=True,
        chair_note="Please note the evaluation report is an appendix.",
        comments_lead_in="A few issues were discussed, including:",
    )
    sub = store.add_agenda_item(meeting.id, "Budget Monitoring 23/24 Q1", parent_id=aob.id)
    assert (first.number, aob.number, sub.number) == ("1", "2", "2.1")
    assert store.agenda_item(aob.id) == aob
    assert aob.fixed_start == dt.time(16, 15)
    assert aob.exempt is True
    assert [i.id for i in store.agenda(meeting.id)] == [first.id, aob.id, sub.id]
    explicit = store.add_agenda_item(meeting.id, "Minutes", number="3a")
    assert explicit.number == "3a"


def test_attendance_and_declarations_round_trip(store: Store) -> None:
    meeting = _meeting(store)
    penn = store.add_person("Richard Penn")
    guest = store.add_person("A Resident")
    store.record_attendance(meeting.id, penn.id, AttendanceKind.REMOTE, Capacity.MEMBER)
    record = store.record_attendance(
        meeting.id,
        penn.id,
        AttendanceKind.IN_PERSON,
        Capacity.MEMBER,
        arrived_at=dt.time(14, 25),
        left_at=dt.time(15, 50),
    )
    store.record_attendance(meeting.id, guest.id, AttendanceKind.IN_PERSON, Capacity.GUEST)
    assert record.kind is AttendanceKind.IN_PERSON
    assert (record.arrived_at, record.left_at) == (dt.time(14, 25), dt.time(15, 50))
    assert [(a.person.name, a.capacity) for a in store.attendance(meeting.id)] == [
        ("Richard Penn", Capacity.MEMBER),
        ("A Resident", Capacity.GUEST),
    ]
    store.set_no_declarations(meeting.id)
    assert store.meeting(meeting.id).no_declarations is True
    item = store.add_agenda_item(meeting.id, "Community Engagement Strategy")
    declaration = store.add_declaration(
        meeting.id, penn.id, "Trustee of a local charity", agenda_item_id=item.id
    )
    assert store.declarations(meeting.id) == [declaration]
    assert declaration.agenda_item_id == item.id
    assert store.meeting(meeting.id).no_declarations is False


def test_notes_round_trip(store: Store, clock) -> None:
    meeting = _meeting(store)
    item = store.add_agenda_item(meeting.id, "New Target Operating Model")
    comment = store.add_note(item.id, NoteKind.COMMENT, "Important to embed residents' needs.")
    decision = store.add_note(
        item.id, NoteKind.DECISION, "It was agreed that an updated TOM would be presented."
    )
    assert store.note(comment.id) == comment
    assert comment.meeting_id == meeting.id
    assert comment.created_at == clock.now
    assert [n.kind for n in store.notes(meeting.id)] == [NoteKind.COMMENT, NoteKind.DECISION]
    assert decision.body.startswith("It was agreed")
    with pytest.raises(BoardTuiError):
        store.add_note(item.id, NoteKind.COMMENT, "  \n ")


def test_a_note_cannot_point_at_another_meetings_item(store: Store) -> None:
    meeting = _meeting(store)
    other = store.create_meeting(meeting.board_id, dt.datetime(2024, 2, 19, 14, 0))
    item = store.add_agenda_item(other.id, "Welcome")
    with pytest.raises(sqlite3.IntegrityError, match="another meeting"):
        store.conn.execute(
            "INSERT INTO notes (meeting_id, agenda_item_id, kind, body, created_at)"
            " VALUES (?, ?, 'comment', 'x', '2023-01-01T00:00:00')",
            (meeting.id, item.id),
        )


def _plan(store: Store):
    board = store.create_board("Engagement Leads Group")
    return store.create_plan(
        board.id,
        "THT Engagement Lead Group Action Plan",
        introduction="This report updates on implementation…",
        dated=dt.date(2022, 11, 3),
        legend=(LegendEntry(Status.COMPLETE, "Actions complete", "D9EAD3"),),
    )


def test_plans_items_and_links_round_trip(store: Store) -> None:
    plan = _plan(store)
    assert store.plan(plan.id) == plan
    assert plan.legend[0].fill == "D9EAD3"
    assert store.plan_titled("tht engagement lead group action plan") == plan
    item = store.add_plan_item(
        plan.id, "4", "Include a formal 'you said / we did' report", lead="Engagement Manager"
    )
    assert store.plan_items(plan.id) == [item]
    with pytest.raises(BoardTuiError, match="already has an item 4"):
        store.add_plan_item(plan.id, "4", "duplicate")
    meeting = store.create_meeting(plan.board_id, dt.datetime(2022, 12, 6, 10, 0))
    agenda_item = store.add_agenda_item(meeting.id, "Action plan review")
    store.link_plan_item(agenda_item.id, item.id)
    store.link_plan_item(agenda_item.id, item.id)
    assert store.linked_plan_items(agenda_item.id) == [item]


def test_actions_keep_the_time_frame_and_derive_a_due_date(store: Store) -> None:
    plan = _plan(store)
    item = store.add_plan_item(plan.id, "1", "Consider options for critical friends")
    first = store.add_action(
        "Draft public comms",
        plan_item_id=item.id,
        time_frame="End of Nov 22",
        label=ActionLabel.NEW,
    )
    second = store.add_action("Develop options paper", plan_item_id=item.id, time_frame="TBC")
    assert store.action(first.id) == first
    assert (first.time_frame, first.due_date) == ("End of Nov 22", dt.date(2022, 11, 30))
    assert (second.time_frame, second.due_date) == ("TBC", None)
    assert first.label is ActionLabel.NEW
    assert [a.position for a in store.next_steps(item.id)] == [1, 2]
    assert first.is_overdue(dt.date(2022, 12, 1))
    assert not first.is_overdue(dt.date(2022, 11, 30))
    summary = store.plan_summary(plan.id)[0]
    assert (summary.open_steps, summary.next_time_frame) == (2, "End of Nov 22")


def test_actions_arising_from_a_meeting(store: Store) -> None:
    meeting = _meeting(store)
    item = store.add_agenda_item(meeting.id, "Annual Residents Survey")
    action = store.add_action(
        "Come back on patterns in 'don't know' responses",
        agenda_item_id=item.id,
        owner="Martin Rogers",
        time_frame="Feb Board 24",
    )
    assert action.meeting_id == meeting.id
    assert action.plan_item_id is None
    assert store.actions_arising(meeting.id) == [action]
    with pytest.raises(BoardTuiError):
        store.add_action("Floating action")


def test_an_action_set_in_a_meeting_is_dated_from_the_meeting(store: Store) -> None:
    plan = _plan(store)  # dated 3 November 2022
    item = store.add_plan_item(plan.id, "1", "Critical friends")
    meeting = store.create_meeting(plan.board_id, dt.datetime(2023, 12, 11, 14, 0))
    agenda_item = store.add_agenda_item(meeting.id, "Action plan review")
    action = store.add_action(
        "Options paper",
        plan_item_id=item.id,
        agenda_item_id=agenda_item.id,
        time_frame="End of March",
    )
    assert action.due_date == dt.date(2024, 3, 31)
    step = store.add_action("Plan's own step", plan_item_id=item.id, time_frame="End of March")
    assert step.due_date == dt.date(2023, 3, 31)


def test_status_updates_append_history_and_never_overwrite(store: Store, clock) -> None:
    plan = _plan(store)
    item = store.add_plan_item(plan.id, "3", "Align engagement with core board business")
    step = store.add_action("Agree process", plan_item_id=item.id)
    meeting = store.create_meeting(plan.board_id, dt.datetime(2022, 12, 6, 10, 0))
    first = store.record_status_update(
        Status.ON_TRACK, "On track", action_id=step.id, meeting_id=meeting.id
    )
    clock.advance(days=30)
    store.record_status_update(Status.COMPLETE, "Done", action_id=step.id)
    store.record_status_update(
        Status.UPDATE_DUE, "Deadlines adjusted", plan_item_id=item.id, label="Update:"
    )
    assert store.action(step.id).status is Status.COMPLETE
    assert store.plan_item(item.id).status is Status.UPDATE_DUE
    history = store.status_history(action_id=step.id)
    assert [(u.old_status, u.new_status, u.body) for u in history] == [
        (Status.NEXT_STEP, Status.ON_TRACK, "On track"),
        (Status.ON_TRACK, Status.COMPLETE, "Done"),
    ]
    assert history[0].meeting_id == meeting.id
    assert len(store.status_history(plan_item_id=item.id)) == 3
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("UPDATE status_updates SET body = 'rewritten' WHERE id = ?", (first.id,))
    with pytest.raises(BoardTuiError):
        store.record_status_update(Status.COMPLETE)  # for neither an action nor an item


def test_settings_round_trip(store: Store) -> None:
    assert store.setting("theme") is None
    store.set_setting("theme", "high-contrast")
    store.set_setting("theme", "textual-dark")
    assert store.setting("theme") == "textual-dark"


def test_every_status_is_accepted_by_the_schema(store: Store) -> None:
    plan = _plan(store)
    for n, status in enumerate(Status):
        assert store.add_plan_item(plan.id, str(n), "x", status=status).status is status
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("UPDATE plan_items SET status = 'purple' WHERE plan_id = ?", (plan.id,))
