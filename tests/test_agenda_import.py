"""Writing a read agenda: one transaction, times kept, people reused, nothing doubled."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from board_tui.domain import agenda_order
from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import MeetingStatus, MembershipRole, NoteKind
from board_tui.readers.agenda import AgendaItemRead, AgendaRead, ContactRead, PersonRead
from board_tui.services.agenda_import import preview_lines, timings, write_agenda
from board_tui.storage.store import Store


def _item(
    number: str,
    title: str,
    start: str | None = None,
    *,
    depth: int = 0,
    end: str | None = None,
    minutes: int | None = None,
    **extra: object,
) -> AgendaItemRead:
    return AgendaItemRead(
        number=number,
        title=title,
        depth=depth,
        start=dt.time.fromisoformat(start) if start else None,
        end=dt.time.fromisoformat(end) if end else None,
        duration_minutes=minutes,
        presenter=extra.get("presenter"),  # type: ignore[arg-type]
        papers=extra.get("papers"),  # type: ignore[arg-type]
        exempt=bool(extra.get("exempt", False)),
        note=extra.get("note"),  # type: ignore[arg-type]
        row=0,
    )


DECEMBER = AgendaRead(
    board="Transformation Advisory Board",
    date=dt.date(2023, 12, 11),
    start=dt.time(14, 0),
    venue="Council Chamber - Town Hall, Whitechapel",
    members=(
        PersonRead("Mayor Lutfur Rahman", "Chair"),
        PersonRead("Richard Penn", "Independent non-executive member"),
        PersonRead("Stephen Halsey", "Chief Executive - Senior Responsible Officer SRO"),
    ),
    officers=(PersonRead("Julie Lorraine", "Corporate Director Resources"),),
    contact=ContactRead(
        "Matthew Mannion", "Head of Democratic Services", "mm@example.org", "020 7364 4651"
    ),
    items=(
        _item("1", "Welcome and Apologies", "14:00"),
        _item("2", "Declarations of Interest", "14:05"),
        _item("3", "Minutes of the Previous Meeting", "14:10", papers="(PAGES 5 - 8)"),
        _item(
            "4",
            "Community Engagement Strategy",
            "14:15",
            presenter="Afazul Hoque, Head of Corporate Strategy and Communities",
            note="Please note the evaluation report is an appendix.",
        ),
        _item("5", "Partnership Working", "15:15"),
        _item("6", "Any Other Business and Close", "16:15"),
    ),
    next_meeting=None,
)


def _starts(store: Store, meeting_id: int) -> list[str]:
    items = store.agenda(meeting_id)
    starts = agenda_order.planned_starts(items, store.meeting(meeting_id).scheduled_start)
    return [f"{starts[i.id]:%H:%M}" for i in items]


def test_the_december_agenda_lands_whole(store: Store) -> None:
    summary = write_agenda(store, DECEMBER, board_name="Transformation Advisory Board", source="a")
    assert summary.board_created and summary.meeting_created
    meeting = store.meeting(summary.meeting_id)
    assert meeting.scheduled_start == dt.datetime(2023, 12, 11, 14, 0)
    assert meeting.venue == "Council Chamber - Town Hall, Whitechapel"
    items = store.agenda(meeting.id)
    assert [(i.number, i.title) for i in items][3] == ("4", "Community Engagement Strategy")
    assert _starts(store, meeting.id) == ["14:00", "14:05", "14:10", "14:15", "15:15", "16:15"]
    # The times are durations, so a longer item 4 moves everything after it.
    assert [i.duration_minutes for i in items] == [5, 5, 5, 60, 60, None]
    assert all(i.fixed_start is None for i in items)
    assert items[3].chair_note == "Please note the evaluation report is an appendix."
    assert items[2].papers == "(PAGES 5 - 8)"
    members = store.members(summary.board.id)
    assert [(m.person.name, m.role) for m in members] == [
        ("Mayor Lutfur Rahman", MembershipRole.CHAIR),
        ("Richard Penn", MembershipRole.INDEPENDENT),
        ("Stephen Halsey", MembershipRole.MEMBER),
        ("Julie Lorraine", MembershipRole.OFFICER),
    ]
    assert members[2].position == "Chief Executive - Senior Responsible Officer SRO"
    contact = store.board(summary.board.id).contact
    assert contact is not None and contact.phone == "020 7364 4651"


def test_people_already_known_are_reused(store: Store) -> None:
    board = store.create_board("Transformation Advisory Board")
    penn = store.add_person("Richard Penn")
    store.add_member(board.id, penn.id, MembershipRole.MEMBER, "Vice-chair")
    summary = write_agenda(store, DECEMBER, board_name="transformation advisory board", source="a")
    assert not summary.board_created
    assert summary.members_added == 3 and summary.people_added == 3
    assert sum(p.name == "Richard Penn" for p in store.people()) == 1
    penn_member = next(m for m in store.members(board.id) if m.person.id == penn.id)
    assert penn_member.position == "Vice-chair"  # what the clerk set is kept


def test_a_fixed_time_is_kept_where_durations_cannot_reach_it(store: Store) -> None:
    read = replace(
        DECEMBER,
        start=dt.time(10, 0),
        items=(
            _item("1", "Welcome", "10:00"),
            _item("2", "Budget", "10:05", end="10:35"),
            _item("3", "Performance", None, minutes=20),
            _item("4", "Lunch", "12:30", end="13:15"),
            _item("5", "Afternoon session", "13:15"),
            _item("5.1", "Workforce", "13:15", depth=1),
            _item("5.2", "Estates", "13:45", depth=1),
            _item("6", "Close", "14:30"),
        ),
    )
    summary = write_agenda(store, read, board_name="Board", source="a")
    assert _starts(store, summary.meeting_id) == [
        "10:00",
        "10:05",
        "10:35",
        "12:30",
        "13:15",
        "13:15",
        "13:45",
        "14:30",
    ]
    items = store.agenda(summary.meeting_id)
    assert [i.number for i in items] == ["1", "2", "3", "4", "5", "5.1", "5.2", "6"]
    assert items[3].fixed_start == dt.time(12, 30)  # after a 20-minute item at 10:35
    assert [i.fixed_start for i in items if i.fixed_start] == [dt.time(12, 30)]


def test_timings_with_no_times_at_all_use_the_durations() -> None:
    items = (_item("1", "A", minutes=10), _item("2", "B", minutes=15), _item("3", "C"))
    assert timings(items, dt.datetime(2026, 1, 5, 9, 30)) == [(10, None), (15, None), (None, None)]


def test_no_date_or_time_is_refused_with_the_files_name(store: Store) -> None:
    with pytest.raises(BoardTuiError, match=r"^outline\.md: no meeting date found; give it"):
        write_agenda(store, replace(DECEMBER, date=None), board_name="B", source="outline.md")
    undated = replace(DECEMBER, start=None, items=(_item("1", "Welcome"),))
    with pytest.raises(BoardTuiError, match="no start time"):
        write_agenda(store, undated, board_name="B", source="x.md")
    assert store.counts()["boards"] == 0


def test_a_meeting_with_an_agenda_is_only_replaced_when_asked(store: Store) -> None:
    first = write_agenda(store, DECEMBER, board_name="TAB", source="pack.docx")
    shorter = replace(DECEMBER, items=DECEMBER.items[:2])
    with pytest.raises(BoardTuiError, match=r"pack\.docx: .* already has an agenda of 6 items"):
        write_agenda(store, shorter, board_name="TAB", source="pack.docx")
    assert len(store.agenda(first.meeting_id)) == 6
    again = write_agenda(store, shorter, board_name="TAB", source="pack.docx", replace=True)
    assert again.meeting_id == first.meeting_id and not again.meeting_created
    assert len(store.agenda(first.meeting_id)) == 2
    assert len(store.members(first.board.id)) == 4  # nobody added twice


def test_a_failure_part_way_leaves_nothing_behind(store: Store) -> None:
    broken = replace(DECEMBER, items=(*DECEMBER.items, _item("7", "   ")))
    before = store.counts()
    with pytest.raises(BoardTuiError, match="needs a title"):
        write_agenda(store, broken, board_name="New Board", source="a")
    assert store.counts() == before


def test_a_held_meetings_agenda_is_never_replaced(store: Store) -> None:
    summary = write_agenda(store, DECEMBER, board_name="TAB", source="pack.docx")
    store.start_meeting(summary.meeting_id)
    first = store.agenda(summary.meeting_id)[0]
    store.add_note(first.id, NoteKind.COMMENT, "Apologies from Hira Islam.")
    with pytest.raises(BoardTuiError):
        write_agenda(store, DECEMBER, board_name="TAB", source="pack.docx", replace=True)
    assert store.meeting(summary.meeting_id).status is MeetingStatus.LIVE
    assert len(store.agenda(summary.meeting_id)) == 6


def test_a_part2_item_brings_its_sub_items_into_part2(store: Store) -> None:
    """The reader marks the item; its sub-items are Part 2 with it, in the preview and once
    written (by the one rule, so lifting one out later keeps it Part 2 until x says not)."""
    read = replace(
        DECEMBER,
        items=(
            _item("1", "Welcome and Apologies", "14:00"),
            _item("2", "Contract award", "14:05", exempt=True),
            _item("2.1", "Bids received", "14:10", depth=1),
            _item("3", "Any other business", "14:20"),
        ),
    )
    lines = preview_lines(read, dt.datetime(2023, 12, 11, 14))
    assert [line.endswith("[Part 2]") for line in lines] == [False, True, True, False]
    summary = write_agenda(store, read, board_name="Board", source="outline.md")
    items = store.agenda(summary.meeting_id)
    assert [i.id for i in items if store.part2().item(i.id)] == [items[1].id, items[2].id]
