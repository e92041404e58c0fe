"""Residents' voice and the "You said, we did" report: marking, linking, Word read back."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from export_docs import all_text, open_docx, strong_leads
from pilot_keys import type_text
from textual.widgets import OptionList, SelectionList

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import NoteKind, Status
from board_tui.exporters.you_said_we_did import (
    CANNOT_HEADING,
    HEADER,
    NO_ANSWER,
    build_you_said,
    write_you_said,
)
from board_tui.screens.meeting.screen import MeetingScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.screens.voice import VoiceDialog
from board_tui.storage.store import Store


@pytest.fixture
def voices(demo_store: Store) -> dict[str, int]:
    """On the demo's 17 October minutes: three comments marked as residents' voice."""
    notes = demo_store.notes(demo_store.meeting_on(1, dt.date(2023, 10, 17)).id)

    def find(words: str) -> int:
        return next(n.id for n in notes if words in n.body)

    ids = {
        "youth": find("Youth Council"),
        "surveys": find("more frequent surveys"),
        "engagement": find("Community engagement is more useful"),
        "tom": find("updated TOM would be presented"),
        "scrutiny": find("role of Scrutiny"),
    }
    action = next(a for a in demo_store.actions_arising(1) if a.description.startswith("Come back"))
    ids["dont_know"] = action.id
    demo_store.set_voice(
        ids["youth"],
        source="Young Mayor hustings, 3 Oct",
        decision_ids={ids["tom"]},
        action_ids=set(),
    )
    demo_store.set_voice(
        ids["surveys"], source="Residents' Survey", decision_ids=set(), action_ids={action.id}
    )
    demo_store.record_status_update(Status.ON_TRACK, "Analysis under way", action_id=action.id)
    demo_store.set_voice(
        ids["engagement"],
        source="Healthwatch event, 5 Sept",
        decision_ids={ids["tom"]},
        action_ids=set(),
        cannot_do_reason="The consultation is set by statute and cannot be widened this year",
    )
    return ids


def test_marking_and_answers_are_kept(demo_store: Store, voices: dict[str, int]) -> None:
    note = demo_store.note(voices["youth"])
    assert (note.voice, note.voice_source) == (True, "Young Mayor hustings, 3 Oct")
    (answer,) = demo_store.voice_answers(voices["youth"])
    assert answer.decision is not None and answer.decision.id == voices["tom"]
    assert not answer.cannot_do
    (cannot,) = demo_store.voice_answers(voices["engagement"])
    assert cannot.cannot_do and cannot.reason is not None
    # Setting the answers again replaces them.
    demo_store.set_voice(voices["youth"], source=None, decision_ids=set(), action_ids=set())
    assert demo_store.voice_answers(voices["youth"]) == []
    assert demo_store.note(voices["youth"]).voice_source is None


def test_an_answer_must_be_honest(demo_store: Store, voices: dict[str, int]) -> None:
    with pytest.raises(BoardTuiError, match="say why"):
        demo_store.answer_voice(voices["youth"], decision_note_id=voices["tom"], cannot_do=True)
    with pytest.raises(BoardTuiError, match="decision, not a comment"):
        demo_store.answer_voice(voices["youth"], decision_note_id=voices["scrutiny"])
    with pytest.raises(BoardTuiError, match="mark the comment"):
        demo_store.answer_voice(voices["scrutiny"], decision_note_id=voices["tom"])
    with pytest.raises(BoardTuiError, match="only a comment"):
        demo_store.mark_voice(voices["tom"], "Anywhere")


def test_a_removed_comment_leaves_the_report(demo_store: Store, voices: dict[str, int]) -> None:
    demo_store.remove_note(voices["youth"])
    said = [v.note.id for v in demo_store.resident_voices(1)]
    assert voices["youth"] not in said
    assert len(said) == 2


def test_the_word_report_reads_back_with_its_pairs(
    demo_store: Store, voices: dict[str, int], tmp_path: Path
) -> None:
    path = write_you_said(demo_store, 1, tmp_path / "ysww.docx", since=dt.date(2023, 9, 1))
    document = open_docx(path)
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert tuple(rows[0]) == HEADER
    pairs = {said.split("\n")[0]: did for said, did in rows[1:]}
    assert len(pairs) == 3
    youth = pairs[
        "How to bring in the views of young people including the Young Mayor and Youth Council."
    ]
    assert youth.startswith("We agreed: It was agreed that an updated TOM")
    surveys = next(did for said, did in pairs.items() if said.startswith("It could be worth"))
    assert "Come back on patterns" in surveys
    assert "Status: On track" in surveys
    engagement = next(did for said, did in pairs.items() if said.startswith("Community"))
    assert "Why: The consultation is set by statute" in engagement
    assert "Young Mayor hustings, 3 Oct \u2013 Board meeting of 17 Oct 2023" in rows[1][0]
    assert {"We agreed:", "Action:", "Status:", "Why:"} <= set(strong_leads(document))
    text = all_text(document)
    assert CANNOT_HEADING in text
    assert "cannot be widened this year" in text


def test_nothing_before_since_and_an_unanswered_voice_says_so(
    demo_store: Store, voices: dict[str, int]
) -> None:
    assert build_you_said(demo_store, 1, since=dt.date(2023, 11, 1)).rows == ()
    demo_store.mark_voice(voices["scrutiny"], "Scrutiny committee")
    report = build_you_said(demo_store, 1)
    assert [did for _said, did in report.rows].count((("", NO_ANSWER),)) == 1


def test_the_export_command(
    demo_store: Store, voices: dict[str, int], db_path: Path, database: str
) -> None:
    demo_store.close()
    out = db_path.parent / "report.docx"
    args = ["export", "you-said-we-did", "--board", "Transformation Advisory Board"]
    since = ["--since", "2023-09-01", "--db", database]
    done = subprocess.run(
        [sys.executable, "-m", "board_tui", *args, *since, "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f'Wrote "You said, we did" to {out}'
    assert len(open_docx(out).tables[0].rows) == 4
    again = subprocess.run(
        [sys.executable, "-m", "board_tui", *args, "-o", str(out), "--db", database],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 1
    assert "already exists; use --force" in again.stderr


async def test_y_marks_the_chosen_comment_and_links_its_answer(demo_store: Store) -> None:
    meeting_id = demo_store.meeting_on(1, dt.date(2023, 10, 17)).id
    note = next(n for n in demo_store.notes(meeting_id) if "Youth Council" in n.body)
    tom = next(
        n for n in demo_store.notes(meeting_id) if n.kind is NoteKind.DECISION and "TOM" in n.body
    )
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = MeetingScreen(demo_store, meeting_id)
        await app.push_screen(screen)
        screen.show_note(note.agenda_item_id or 0, note.id)
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, VoiceDialog)
        await type_text(pilot, "Young Mayor hustings")
        await pilot.press("tab")
        answers = app.screen.query_one("#answers", SelectionList)
        assert answers.has_focus
        await pilot.press("down", "space")  # the second decision: the TOM
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        shown = screen.query_one("#notes", OptionList)
        assert "YOU SAID: Young Mayor hustings" in str(shown.get_option(f"note:{note.id}").prompt)
    kept = demo_store.note(note.id)
    assert (kept.voice, kept.voice_source) == (True, "Young Mayor hustings")
    assert [a.decision.id for a in demo_store.voice_answers(note.id) if a.decision] == [tom.id]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_preview_never_splits_a_word(
    demo_store: Store, voices: dict[str, int], clock, size: tuple[int, int]
) -> None:
    """`y` on home: the report laid out for the window, each word whole on its line."""
    from textual.containers import VerticalScroll
    from textual.widgets import Static

    from board_tui.exporters.you_said_we_did import you_said_text
    from board_tui.screens.export_dialog import ExportDialog

    clock.now = dt.datetime(2023, 10, 20, 9, 0)
    app = BoardApp(demo_store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        pane = dialog.query_one("#export-preview", VerticalScroll)
        width = pane.content_size.width - pane.styles.scrollbar_size_vertical
        shown = str(dialog.query_one("#export-preview-text", Static).content)
        assert "Community engagement is more useful" in " ".join(shown.split())
        assert max(len(line) for line in shown.splitlines()) <= width
        report = build_you_said(demo_store, 1, since=dt.date(2023, 7, 17))
        assert shown == you_said_text(report, width)
        words = set(you_said_text(report).split())
        pieces = {w for w in shown.split() if w.strip("-")}  # the header's rule aside
        assert pieces <= words  # no word cut in two: every piece is a whole word
