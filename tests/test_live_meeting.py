"""The live meeting, driven by the keyboard as a clerk drives it, checked in the database."""

from __future__ import annotations

import datetime as dt

from pilot_keys import type_text, until
from textual.widgets import OptionList

from board_tui.domain.drafts import DraftKind, DraftTarget
from board_tui.domain.model import AttendanceKind, Capacity, MeetingStatus, NoteKind, Status
from board_tui.screens.dialogs.capture import ActionDialog, NoteDialog, UpdateDialog
from board_tui.screens.dialogs.drafts import DraftsDialog
from board_tui.screens.dialogs.questions import LeaveDialog
from board_tui.screens.meeting.screen import MeetingScreen
from board_tui.screens.rollcall import RollCallScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

START = dt.datetime(2023, 12, 11, 14, 2)


def _demo(store: Store, clock) -> tuple[BoardApp, int]:
    meeting_id = build_demo(store).next_meeting_id
    clock.now = START
    return BoardApp(store, open_meeting_id=meeting_id), meeting_id


async def test_a_whole_meeting_by_keyboard(store: Store, clock) -> None:
    app, meeting_id = _demo(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("s", "y")
        await pilot.pause()

        # Roll call: the chair in person, the next member remote, the next sends apologies.
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RollCallScreen)
        await pilot.press("i", "m", "a")
        await pilot.press("n")  # no declarations
        await pilot.press("escape")
        await pilot.pause()

        # Item 1 → 2 → 3 → 4, a few minutes apart.
        for minutes in (5, 5, 5):
            clock.advance(minutes=minutes)
            await pilot.press("n")
        await pilot.pause()

        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await type_text(pilot, "Make sure residents hear back")
        await pilot.press("ctrl+s")
        await pilot.pause()

        await pilot.press("d")
        await pilot.pause()
        await type_text(pilot, "It was agreed that the strategy go to Cabinet")
        await pilot.press("ctrl+s")
        await pilot.pause()

        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ActionDialog)
        await type_text(pilot, "Publish a you said we did report")
        await pilot.press("tab")
        await type_text(pilot, "Afazul")
        await pilot.pause()
        await pilot.press("right", "tab")
        await type_text(pilot, "End of Feb 24")
        await pilot.press("tab")
        await type_text(pilot, "you said")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

        # Update the linked plan item 4 (first selectable row after the new action).
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        tracked = screen.query_one("#tracked", OptionList)
        tracked.focus()
        plan_row = next(
            n
            for n, row in enumerate(screen.tracked)
            if row.plan_item is not None and row.action is None and row.plan_item.ref == "4"
        )
        tracked.highlighted = plan_row
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, UpdateDialog)
        await pilot.press("o")  # "On track", by its letter; the words follow
        await type_text(pilot, "Report agreed in principle")
        await pilot.press("ctrl+s")
        await pilot.pause()

        clock.advance(minutes=30)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()

    meeting = store.meeting(meeting_id)
    assert meeting.status is MeetingStatus.CLOSED
    assert meeting.actual_start == START
    assert meeting.actual_end == START + dt.timedelta(minutes=45)
    assert meeting.no_declarations
    items = store.agenda(meeting_id)
    assert [(i.actual_start, i.actual_end) for i in items[:4]] == [
        (START, START + dt.timedelta(minutes=5)),
        (START + dt.timedelta(minutes=5), START + dt.timedelta(minutes=10)),
        (START + dt.timedelta(minutes=10), START + dt.timedelta(minutes=15)),
        (START + dt.timedelta(minutes=15), START + dt.timedelta(minutes=45)),
    ]
    attendance = {a.person.name: (a.kind, a.capacity) for a in store.attendance(meeting_id)}
    assert attendance == {
        "Mayor Lutfur Rahman": (AttendanceKind.IN_PERSON, Capacity.MEMBER),
        "Richard Penn": (AttendanceKind.REMOTE, Capacity.MEMBER),
        "Sir George Iacobescu CBE": (AttendanceKind.APOLOGIES, Capacity.MEMBER),
    }
    strategy = items[3]
    notes = store.notes(meeting_id)
    assert [(n.kind, n.body, n.agenda_item_id) for n in notes] == [
        (NoteKind.COMMENT, "Make sure residents hear back", strategy.id),
        (NoteKind.DECISION, "It was agreed that the strategy go to Cabinet", strategy.id),
    ]
    assert all(n.created_at == START + dt.timedelta(minutes=15) for n in notes)
    [action] = store.actions_arising(meeting_id)
    plan_item_4 = next(i for i in store.linked_plan_items(strategy.id) if i.ref == "4")
    assert (action.description, action.owner, action.time_frame, action.due_date) == (
        "Publish a you said we did report",
        "Afazul Hoque",
        "End of Feb 24",
        dt.date(2024, 2, 29),
    )
    assert (action.agenda_item_id, action.plan_item_id) == (strategy.id, plan_item_4.id)
    history = store.status_history(plan_item_id=plan_item_4.id)
    assert (history[-1].new_status, history[-1].body, history[-1].meeting_id) == (
        Status.ON_TRACK,
        "Report agreed in principle",
        meeting_id,
    )
    assert history[-1].old_status is Status.NEXT_STEP
    assert store.drafts() == []
    assert [e.kind for e in store.meeting_events(meeting_id)] == ["started", "ended"]


async def test_escape_on_words_asks_and_discard_saves_nothing(store: Store, clock) -> None:
    app, meeting_id = _demo(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y", "c")
        await pilot.pause()
        await type_text(pilot, "Never mind")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveDialog)
        await pilot.press("d")  # discard
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Nor this")
        await pilot.press("escape", "d")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("c", "escape")  # nothing typed: no question
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
    assert store.notes(meeting_id) == []
    assert store.actions_arising(meeting_id) == []
    assert store.drafts() == []


async def test_escape_then_keep_leaves_a_draft_and_back_returns_to_the_words(
    store: Store, clock
) -> None:
    app, meeting_id = _demo(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y", "c")
        await pilot.pause()
        await type_text(pilot, "Half a thought")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")  # back to the words
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await type_text(pilot, " made whole")
        await pilot.press("escape", "k")  # keep as a draft
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("c")
        await pilot.pause()
        await type_text(pilot, "Another comment")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [draft] = store.drafts()
    assert draft.fields == {"body": "Half a thought made whole"}
    assert draft.target.kind is DraftKind.COMMENT
    assert [n.body for n in store.notes(meeting_id)] == ["Another comment"]


async def test_nothing_is_captured_before_the_meeting_starts(store: Store, clock) -> None:
    app, meeting_id = _demo(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("n")  # browsing before the start records no times
    assert store.meeting(meeting_id).status is MeetingStatus.DRAFT
    assert all(i.actual_start is None for i in store.agenda(meeting_id))


async def test_edit_remove_and_undo(store: Store, clock) -> None:
    app, meeting_id = _demo(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y", "c")
        await pilot.pause()
        await type_text(pilot, "First")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await type_text(pilot, "Second")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # The new note is selected: enter edits it.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await type_text(pilot, " point")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [n.body for n in store.notes(meeting_id)] == ["First", "Second point"]
        assert store.notes(meeting_id)[1].edited_at is not None

        await pilot.press("delete")
        await pilot.pause()
        assert [n.body for n in store.notes(meeting_id)] == ["First"]
        await pilot.press("ctrl+z")  # undo the removal
        await pilot.pause()
        assert [n.body for n in store.notes(meeting_id)] == ["First", "Second point"]
        await pilot.press("ctrl+z")  # undo the edit
        await pilot.pause()
        assert [n.body for n in store.notes(meeting_id)] == ["First", "Second"]
        await pilot.press("ctrl+z")  # undo the second capture
        await pilot.pause()
        assert [n.body for n in store.notes(meeting_id)] == ["First"]


async def test_undo_of_an_update_restores_and_gives_the_words_back(store: Store, clock) -> None:
    app, meeting_id = _demo(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y", "n", "n", "n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        screen.query_one("#tracked", OptionList).focus()
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("c")  # Complete
        await type_text(pilot, "Done at last")
        await pilot.press("ctrl+s")
        await pilot.pause()
        target = screen.tracked[screen.query_one("#tracked", OptionList).highlighted or 0]
        assert target.plan_item is not None
        assert store.plan_item(target.plan_item.id).status is Status.COMPLETE
        await pilot.press("ctrl+z")
        await pilot.pause()
        # The status is as it was, the update gone from the history, its words offered back.
        assert store.plan_item(target.plan_item.id).status is Status.NEXT_STEP
        history = store.status_history(plan_item_id=target.plan_item.id)
        assert all(u.body != "Done at last" for u in history)
        dialog = app.screen
        assert isinstance(dialog, UpdateDialog)
        assert dialog.fields() == {"status": "complete", "said": "Done at last"}
        await pilot.press("ctrl+s")  # said again, the same words
        await pilot.pause()
    item = store.plan_item(target.plan_item.id)
    assert item.status is Status.COMPLETE
    history = store.status_history(plan_item_id=item.id)
    assert [(u.new_status, u.body) for u in history].count((Status.COMPLETE, "Done at last")) == 1
    assert [u.body for u in store.updates_said_at(meeting_id)] == ["Done at last"]


async def test_a_draft_survives_a_crash_and_is_offered_back(store: Store, clock) -> None:
    app, meeting_id = _demo(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y", "n", "n", "n", "d")
        await pilot.pause()
        await type_text(pilot, "It was agreed that the")
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)
        await until(
            pilot,
            lambda: [d.fields.get("body") for d in store.drafts()] == ["It was agreed that the"],
            "the draft a pause in typing writes",
        )
        # The app dies here: nothing else runs.
    [draft] = store.drafts()
    assert draft.target.kind is DraftKind.DECISION
    assert draft.fields["body"] == "It was agreed that the"

    restarted = BoardApp(store)
    async with restarted.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(restarted.screen, DraftsDialog)
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        restored = restarted.screen
        assert isinstance(restored, NoteDialog)
        assert restored.kind is NoteKind.DECISION
        await type_text(pilot, " strategy go to Cabinet")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = restarted.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.current_item is not None and screen.current_item.number == "4"
    [note] = store.notes(meeting_id)
    assert note.body == "It was agreed that the strategy go to Cabinet"
    assert note.kind is NoteKind.DECISION
    assert store.drafts() == []


async def test_declining_a_draft_discards_it(store: Store, clock) -> None:
    _app, meeting_id = _demo(store, clock)
    target = DraftTarget(DraftKind.COMMENT)
    store.save_draft(store.new_draft_key(target, meeting_id), target, {"body": "x"}, meeting_id)
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
    assert store.drafts() == []


async def test_a_live_meeting_resumes_where_it_was(store: Store, clock) -> None:
    _app, meeting_id = _demo(store, clock)
    store.start_meeting(meeting_id)
    fourth = store.agenda(meeting_id)[3]
    store.move_to_item(meeting_id, fourth.id)
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.meeting_id == meeting_id
        assert screen.current_item == store.agenda_item(fourth.id)


async def test_reopen_a_closed_meeting_for_corrections(store: Store, clock) -> None:
    _app, meeting_id = _demo(store, clock)
    october = store.meeting_on(store.meeting(meeting_id).board_id, dt.date(2023, 10, 17))
    before = [(i.actual_start, i.actual_end) for i in store.agenda(october.id)]
    app = BoardApp(store, open_meeting_id=october.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")  # refused: the meeting is closed
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("n", "c")
        await pilot.pause()
        await type_text(pilot, "Correction")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("e", "y")
        await pilot.pause()
    reopened = store.meeting(october.id)
    # Corrections keep the meeting's own times and its approval.
    assert reopened.status is MeetingStatus.APPROVED
    assert (reopened.actual_start, reopened.actual_end) == (
        october.actual_start,
        october.actual_end,
    )
    assert [(i.actual_start, i.actual_end) for i in store.agenda(october.id)] == before
    assert [e.kind for e in store.meeting_events(october.id)][-2:] == ["reopened", "ended"]
    assert store.notes(october.id)[-1].body == "Correction"


async def test_matters_arising_lists_earlier_open_actions(store: Store, clock) -> None:
    app, meeting_id = _demo(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y", "n", "n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.current_item is not None
        assert screen.current_item.title == "Minutes of the Previous Meeting"
        arising = [row.action.description for row in screen.tracked if row.action]
        assert arising == [a.description for a in store.matters_arising(meeting_id)]
        assert len(arising) == 3


async def test_link_plan_items_by_typing(store: Store, clock) -> None:
    app, meeting_id = _demo(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y", "n")  # item 2 has no links
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await type_text(pilot, "iStatements")
        await pilot.pause()
        await pilot.press("enter", "escape")
        await pilot.pause()
    second = store.agenda(meeting_id)[1]
    assert [p.ref for p in store.linked_plan_items(second.id)] == ["13"]


async def test_typing_without_a_pause_is_still_drafted(store: Store, clock) -> None:
    app, _meeting_id = _demo(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y", "c")
        await pilot.pause()
        for word in ["The", "board", "asked", "for", "more", "detail"]:
            await type_text(pilot, word + " ")
            await pilot.pause(0.5)  # never a full second's pause
        [draft] = store.drafts()
        assert draft.fields["body"].startswith("The board asked")


async def test_the_status_is_one_letter_whatever_it_is_now(store: Store, clock) -> None:
    app, _meeting_id = _demo(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y", "n", "n", "n")
        await pilot.pause()
        app.screen.query_one("#tracked", OptionList).focus()
        for letter, status in (("a", Status.AT_RISK), ("r", Status.OFF_TRACK)):
            await pilot.press("u")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, UpdateDialog)
            await pilot.press(letter)
            await type_text(pilot, "Good progress")
            assert dialog.fields() == {"status": status.value, "said": "Good progress"}
            await pilot.press("ctrl+s")
            await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, UpdateDialog)  # refused: choose a status first


async def test_a_stray_move_can_be_undone_with_its_times(store: Store, clock) -> None:
    app, meeting_id = _demo(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y")
        await pilot.pause()
        before = [(i.actual_start, i.actual_end) for i in store.agenda(meeting_id)]
        clock.advance(minutes=1)
        await pilot.press("n")
        await pilot.pause()
        assert store.meeting(meeting_id).current_item_id == store.agenda(meeting_id)[1].id
        await pilot.press("ctrl+z")
        await pilot.pause()
    assert [(i.actual_start, i.actual_end) for i in store.agenda(meeting_id)] == before
    assert store.meeting(meeting_id).current_item_id == store.agenda(meeting_id)[0].id


async def test_undo_does_not_touch_a_closed_meeting(store: Store, clock) -> None:
    app, meeting_id = _demo(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y", "c")
        await pilot.pause()
        await type_text(pilot, "Kept")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("e", "y")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
    assert [n.body for n in store.notes(meeting_id)] == ["Kept"]


async def test_roll_call_guests_declarations_and_times(store: Store, clock) -> None:
    app, meeting_id = _demo(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y", "r")
        await pilot.pause()
        clock.advance(minutes=20)
        await pilot.press("t")  # the chair arrived late
        await pilot.press("g")
        await pilot.pause()
        await type_text(pilot, "Nguyễn Văn An")
        await pilot.press("tab")
        await type_text(pilot, "Healthwatch")
        await pilot.press("tab", "enter", "down", "enter")  # a guest, not an officer
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await type_text(pilot, "Richard Penn")
        await pilot.press("tab")
        await type_text(pilot, "4")
        await pilot.press("tab")
        await type_text(pilot, "Trustee of a charity bidding for the grant")
        await pilot.press("ctrl+s")
        await pilot.pause()
    records = {a.person.name: a for a in store.attendance(meeting_id)}
    assert records["Mayor Lutfur Rahman"].arrived_at == dt.time(14, 22)
    assert records["Nguyễn Văn An"].capacity is Capacity.GUEST
    guest = store.person_named("Nguyễn Văn An")
    assert guest is not None and guest.title == "Healthwatch"
    [declaration] = store.declarations(meeting_id)
    assert (declaration.person.name, declaration.interest) == (
        "Richard Penn",
        "Trustee of a charity bidding for the grant",
    )
    assert declaration.agenda_item_id == store.agenda(meeting_id)[3].id


async def test_a_declaration_being_typed_survives_a_crash(store: Store, clock) -> None:
    app, meeting_id = _demo(store, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y", "r", "d")
        await pilot.pause()
        await type_text(pilot, "Richard Penn")
        await pilot.press("tab", "4", "tab")
        await type_text(pilot, "Trustee of a charity")
        await until(
            pilot,
            lambda: [d.fields.get("interest") for d in store.drafts()] == ["Trustee of a charity"],
            "the declaration's draft",
        )
    [draft] = store.drafts()
    assert draft.target.kind is DraftKind.DECLARATION

    restarted = BoardApp(store)
    async with restarted.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        await type_text(pilot, " bidding for the grant")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(restarted.screen, RollCallScreen)
    [declaration] = store.declarations(meeting_id)
    assert declaration.person.name == "Richard Penn"
    assert declaration.interest == "Trustee of a charity bidding for the grant"
    assert declaration.agenda_item_id == store.agenda(meeting_id)[3].id
    assert store.drafts() == []


async def test_captures_typed_ahead_in_one_burst_are_all_saved(store: Store, clock) -> None:
    """c, words, ctrl+s, d, words, ctrl+s … typed faster than the screens open and close.

    Every key goes to the app at once, as from a fast typist or a paste: none may
    reach a closing dialog (lost) or the meeting screen (the "n" and "p" in the
    words would move the item, the "s", "e" and "a" start, end or add).
    """
    from textual.events import Key

    app, meeting_id = _demo(store, clock)
    captures = [
        ("c", "Residents in Poplar asked for a named contact."),
        ("d", "It was agreed to publish the plan in spring."),
        ("c", "Members noted the presentation."),
    ]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y")  # start the meeting
        await pilot.pause()
        item = app.screen.current_item  # type: ignore[attr-defined]
        for opener, words in captures:
            for key in [opener, *words, "ctrl+s"]:
                name = {" ": "space", ".": "full_stop"}.get(key, key)
                app.post_message(Key(name, key if len(key) == 1 else None))
        for _ in range(100):
            await pilot.pause(0.05)
            if len(store.notes(meeting_id)) == len(captures) and isinstance(
                app.screen, MeetingScreen
            ):
                break
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.current_item == item  # no letter moved the meeting on
    notes = store.notes(meeting_id)
    assert [(n.kind, n.body) for n in notes] == [
        (NoteKind.COMMENT, captures[0][1]),
        (NoteKind.DECISION, captures[1][1]),
        (NoteKind.COMMENT, captures[2][1]),
    ]
    assert store.meeting(meeting_id).status is MeetingStatus.LIVE
