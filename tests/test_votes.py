"""Recorded votes on decisions: carried or lost derived from the counts, kept in the store
beside the decision, printed in the council's words in the Word minutes, and typed from
the decision dialog (ctrl+r) with bad votes told in the dialog and never saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from export_docs import all_text, open_docx, texts
from pilot_keys import type_text, until
from textual.widgets import Label, Select

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import NoteKind
from board_tui.domain.votes import Side, Vote, vote_from_json, vote_problem, vote_words
from board_tui.exporters.minutes import minutes_text, write_minutes
from board_tui.screens.dialogs.capture import NoteDialog
from board_tui.screens.dialogs.drafts import DraftsDialog
from board_tui.screens.dialogs.vote import VoteDialog
from board_tui.screens.meeting.screen import MeetingScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

START = dt.datetime(2023, 12, 11, 14, 2)

# -- the words ----------------------------------------------------------------------------


def test_the_councils_words_singular_and_plural() -> None:
    assert vote_words(Vote(7, 2, 1)) == [
        "On being put to the vote, the recommendation was carried: 7 for, 2 against, 1 abstention."
    ]
    assert vote_words(Vote(3, 5, 2)) == [
        "On being put to the vote, the recommendation was lost: 3 for, 5 against, 2 abstentions."
    ]
    assert vote_words(Vote(4, 1, 0))[0].endswith("4 for, 1 against, 0 abstentions.")


def test_a_tie_falls_unless_the_chair_casts_a_vote() -> None:
    assert not Vote(4, 4, 0).carried
    assert "was lost: 4 for" in vote_words(Vote(4, 4, 0))[0]
    assert vote_words(Vote(4, 4, 1, casting=Side.FOR)) == [
        "On being put to the vote, the recommendation was carried on the Chair's casting"
        " vote: 4 for, 4 against, 1 abstention."
    ]
    assert (
        "was lost on the Chair's casting vote"
        in (vote_words(Vote(4, 4, 0, casting=Side.AGAINST))[0])
    )


def test_a_recorded_vote_names_each_side() -> None:
    vote = Vote(2, 1, 1, names_for=("Cllr Ahmed", "Cllr Blake"), names_against=("Cllr Chen",),
                names_abstaining=("Cllr Dunn",))  # fmt: skip
    assert vote_words(vote) == [
        "On being put to a recorded vote, the recommendation was carried: 2 for, 1 against,"
        " 1 abstention.",
        "For: Cllr Ahmed, Cllr Blake.",
        "Against: Cllr Chen.",
        "Abstained: Cllr Dunn.",
    ]


@pytest.mark.parametrize(
    ("vote", "says"),
    [
        (Vote(-1, 2, 0), "cannot be negative"),
        (Vote(5, 3, 0, casting=Side.FOR), "only breaks a tie"),
        (Vote(1, 0, 0, names_for=("A", "B")), "2 names for, but only 1 voted for"),
        (Vote(0, 0, 0), "No votes given"),
    ],
)
def test_a_wrong_vote_is_one_line_saying_what(vote: Vote, says: str) -> None:
    problem = vote_problem(vote)
    assert problem is not None and says in problem and "\n" not in problem


# -- the store ----------------------------------------------------------------------------


def _decision(store: Store) -> tuple[int, int]:
    board = store.create_board("Planning Committee", "Example Council")
    meeting = store.create_meeting(board.id, dt.datetime(2024, 2, 5, 19, 0))
    item = store.add_agenda_item(meeting.id, "Land at Mill Lane", duration_minutes=20)
    note = store.add_note(item.id, NoteKind.DECISION, "Planning permission be granted.")
    return meeting.id, note.id


def test_a_vote_is_kept_beside_its_decision(store: Store, db_path: Path, database: str) -> None:
    meeting_id, note_id = _decision(store)
    vote = Vote(5, 5, 1, casting=Side.FOR, names_for=("Cllr Ahmed",))
    store.set_vote(note_id, vote)
    store.close()
    with Store.open(database) as reopened:
        assert reopened.vote(note_id) == vote
        assert reopened.votes(meeting_id) == {note_id: vote}
        reopened.set_vote(note_id, None)
        assert reopened.vote(note_id) is None


@pytest.mark.parametrize(
    "vote",
    [Vote(-1, 2, 0), Vote(5, 3, 0, casting=Side.FOR), Vote(1, 0, 0, names_for=("A", "B"))],
)
def test_the_store_refuses_a_wrong_vote_and_keeps_the_right_one(store: Store, vote: Vote) -> None:
    _meeting_id, note_id = _decision(store)
    store.set_vote(note_id, Vote(7, 2, 1))
    with pytest.raises(BoardTuiError):
        store.set_vote(note_id, vote)
    assert store.vote(note_id) == Vote(7, 2, 1)


def test_only_a_decision_carries_a_vote(store: Store) -> None:
    meeting_id, note_id = _decision(store)
    comment = store.add_note(store.note(note_id).agenda_item_id or 0, NoteKind.COMMENT, "Noted.")
    with pytest.raises(BoardTuiError, match="only a decision"):
        store.set_vote(comment.id, Vote(1, 0, 0))
    assert store.votes(meeting_id) == {}


# -- the Word minutes ---------------------------------------------------------------------


def test_the_minutes_print_the_vote_under_its_decision(store: Store, tmp_path: Path) -> None:
    meeting_id, note_id = _decision(store)
    store.set_vote(note_id, Vote(7, 2, 1))
    path = tmp_path / "minutes.docx"
    write_minutes(store, meeting_id, path)
    document = open_docx(path)
    assert texts(document, "Decision") == ["Planning permission be granted."]
    paragraphs = [p.text for p in document.paragraphs]
    at = paragraphs.index("Planning permission be granted.")
    assert paragraphs[at + 1] == (
        "On being put to the vote, the recommendation was carried: 7 for, 2 against, 1 abstention."
    )
    assert "2 against, 1 abstention." in " ".join(minutes_text(store, meeting_id).split())


def test_a_removed_decision_takes_its_vote_out_of_the_minutes(store: Store, tmp_path: Path) -> None:
    meeting_id, note_id = _decision(store)
    store.set_vote(note_id, Vote(7, 2, 1))
    store.remove_note(note_id)
    write_minutes(store, meeting_id, tmp_path / "m.docx")
    assert "put to the vote" not in all_text(open_docx(tmp_path / "m.docx"))


# -- the dialog, by keyboard ----------------------------------------------------------------


async def _to_decision(pilot, app: BoardApp) -> None:
    await pilot.press("s", "y")
    await pilot.pause()
    assert isinstance(app.screen, MeetingScreen)
    await pilot.press("d")
    await pilot.pause()
    assert isinstance(app.screen, NoteDialog)
    await type_text(pilot, "Agreed the budget")
    await pilot.press("ctrl+r")
    await pilot.pause()
    assert isinstance(app.screen, VoteDialog)


async def test_a_vote_typed_from_the_decision_dialog_is_saved_with_it(store: Store, clock) -> None:
    meeting_id = build_demo(store).next_meeting_id
    clock.now = START
    app = BoardApp(store, open_meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_decision(pilot, app)
        await type_text(pilot, "7")
        await pilot.press("tab", "tab")  # past the names for
        await type_text(pilot, "2")
        await pilot.press("tab")
        await type_text(pilot, "Cllr Ahmed, Cllr Blake")
        await pilot.press("tab")
        await type_text(pilot, "1")
        await pilot.pause()
        outcome = str(app.screen.query_one("#outcome", Label).render())
        assert "carried: 7 for, 2 against, 1 abstention" in outcome
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        assert "carried: 7 for" in str(app.screen.query_one("#vote", Label).render())
        assert store.votes(meeting_id) == {}  # nothing is saved until the decision is
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
    decision = next(n for n in store.notes(meeting_id) if n.kind is NoteKind.DECISION)
    assert decision.body == "Agreed the budget"
    assert store.vote(decision.id) == Vote(7, 2, 1, names_against=("Cllr Ahmed", "Cllr Blake"))


async def test_a_casting_vote_without_a_tie_is_told_and_nothing_saved(store: Store, clock) -> None:
    meeting_id = build_demo(store).next_meeting_id
    clock.now = START
    app = BoardApp(store, open_meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_decision(pilot, app)
        await type_text(pilot, "5")
        await pilot.press("tab", "tab")
        await type_text(pilot, "3")
        dialog = app.screen
        dialog.query_one("#casting", Select).value = "for"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # still open: nothing goes to the decision
        problem = str(dialog.query_one("#problem", Label).render())
        assert problem.startswith("A casting vote only breaks a tie")
        assert "\n" not in problem
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")  # the leave question: discard the vote typed
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        assert app.screen.vote is None
        await pilot.press("ctrl+s")
        await pilot.pause()
    decision = next(n for n in store.notes(meeting_id) if n.kind is NoteKind.DECISION)
    assert store.vote(decision.id) is None


async def test_names_more_than_the_count_are_told_in_the_dialog(store: Store, clock) -> None:
    meeting_id = build_demo(store).next_meeting_id
    clock.now = START
    app = BoardApp(store, open_meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_decision(pilot, app)
        await type_text(pilot, "1")
        await pilot.press("tab")
        await type_text(pilot, "Cllr Ahmed, Cllr Blake")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, VoteDialog)
        problem = str(app.screen.query_one("#problem", Label).render())
        assert problem == "2 names for, but only 1 voted for: check the count."
    assert store.votes(meeting_id) == {}


async def test_a_vote_typed_survives_a_crash_with_its_decision(store: Store, clock) -> None:
    meeting_id = build_demo(store).next_meeting_id
    clock.now = START
    app = BoardApp(store, open_meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_decision(pilot, app)
        await type_text(pilot, "7")
        await pilot.press("tab", "tab")
        await type_text(pilot, "2")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await until(
            pilot,
            lambda: (
                [vote_from_json(d.fields.get("vote")) for d in store.drafts()] == [Vote(7, 2, 0)]
            ),
            "the draft keeping the vote",
        )
        # The app dies here: nothing else runs.
    [draft] = store.drafts()
    assert draft.words == "Agreed the budget"  # the vote is kept, not shown as words typed

    restarted = BoardApp(store)
    async with restarted.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(restarted.screen, DraftsDialog)
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        restored = restarted.screen
        assert isinstance(restored, NoteDialog) and restored.vote == Vote(7, 2, 0)
        await pilot.press("ctrl+s")
        await pilot.pause()
    decision = next(n for n in store.notes(meeting_id) if n.kind is NoteKind.DECISION)
    assert store.vote(decision.id) == Vote(7, 2, 0)


async def test_enter_on_a_decision_changes_its_vote_and_ctrl_z_puts_it_back(
    store: Store, clock
) -> None:
    meeting_id = build_demo(store).next_meeting_id
    clock.now = START
    app = BoardApp(store, open_meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await _to_decision(pilot, app)
        await pilot.press("tab")
        await type_text(pilot, "Cllr Ahmed, Cllr Blake")  # names alone give the count
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        decision = next(n for n in store.notes(meeting_id) if n.kind is NoteKind.DECISION)
        assert store.vote(decision.id) == Vote(2, 0, 0, names_for=("Cllr Ahmed", "Cllr Blake"))
        await pilot.press("enter")  # the decision is the chosen line of Minuted
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog) and app.screen.vote is not None
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("tab", "tab")
        await type_text(pilot, "3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.vote(decision.id) == Vote(2, 3, 0, names_for=("Cllr Ahmed", "Cllr Blake"))
        await pilot.press("ctrl+z")
        await pilot.pause()
    assert store.vote(decision.id) == Vote(2, 0, 0, names_for=("Cllr Ahmed", "Cllr Blake"))
