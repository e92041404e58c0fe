"""The chair's round-up: a paragraph per item with a decision, edits kept, Word and Markdown."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from export_docs import open_docx, texts
from textual.widgets import TextArea

from board_tui.domain.model import NoteKind
from board_tui.exporters.roundup import write_roundup
from board_tui.screens.roundup import RoundupScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.services.roundup import decision_sentence, draft_roundup, roundup_text
from board_tui.storage.store import Store

OCTOBER = dt.date(2023, 10, 17)


def _meeting(store: Store) -> int:
    return store.meeting_on(store.board_by_name("Transformation Advisory Board").id, OCTOBER).id


def test_one_paragraph_per_item_with_a_decision(store: Store) -> None:
    board = store.create_board("Health and Wellbeing Board").id
    meeting = store.create_meeting(board, dt.datetime(2024, 5, 2, 14))
    minutes = store.add_agenda_item(meeting.id, "Minutes of the previous meeting")
    store.add_note(minutes.id, NoteKind.DECISION, "The minutes were agreed as a correct record.")
    dashboard = store.add_agenda_item(meeting.id, "Performance dashboard", presenter="Ann Oakes")
    store.add_note(dashboard.id, NoteKind.COMMENT, "Add metrics for adult social care.")
    store.add_note(dashboard.id, NoteKind.DECISION, "It was agreed that the dashboard be shared.")
    vision = store.add_agenda_item(meeting.id, "Vision and priorities")
    store.add_note(vision.id, NoteKind.DECISION, "RESOLVED: to approve the vision.")
    store.add_agenda_item(meeting.id, "Item with nothing minuted")
    resources = store.add_agenda_item(meeting.id, "Resources")
    store.add_action("Map partners' resource", agenda_item_id=resources.id, owner="Ann Oakes")
    store.start_meeting(meeting.id)
    store.end_meeting(meeting.id)
    paragraphs = draft_roundup(store, meeting.id).strip().split("\n\n")
    assert paragraphs[0] == (
        "On Thursday 2 May we met as the Health and Wellbeing Board, with an agenda covering "
        "the Performance dashboard, Vision and priorities and Resources."
    )
    assert paragraphs[1] == (
        "First up, we looked at the Performance dashboard, presented by Ann Oakes. Members "
        "raised: add metrics for adult social care. The Board agreed that the dashboard be "
        "shared."
    )
    assert paragraphs[2] == (
        "Next, we considered Vision and priorities. The Board resolved to approve the vision."
    )
    assert (
        paragraphs[3] == "Finally, we looked at Resources. Ann Oakes will map partners' resource."
    )
    assert len(paragraphs) == 4
    assert not any("correct record" in p for p in paragraphs)


def test_decisions_read_as_the_board_agreeing() -> None:
    keep = {"Board"}
    assert decision_sentence("Agreed: that the plan be noted.", keep) == (
        "The Board agreed that the plan be noted."
    )
    assert decision_sentence("The Board noted the report.", keep) == "The Board noted the report."
    assert decision_sentence("Officers to report back in March", keep) == (
        "The Board agreed: Officers to report back in March."
    )
    assert decision_sentence("It was noted that Q1 was on budget", keep) == (
        "The Board noted that Q1 was on budget."
    )


def test_the_demo_round_up_and_its_edits_survive(demo_store: Store) -> None:
    meeting_id = _meeting(demo_store)
    draft = draft_roundup(demo_store, meeting_id)
    assert draft.startswith("On Tuesday 17 October we met as the Transformation Advisory Board")
    assert "The Board agreed that an updated TOM would be presented" in draft
    assert "Martin Rogers will come back on patterns" in draft
    assert draft.rstrip().endswith("Our next meeting is on Monday 11 December 2023.")
    assert roundup_text(demo_store, meeting_id) == draft
    demo_store.save_roundup(meeting_id, "My own words.\n\nSecond paragraph.")
    assert roundup_text(demo_store, meeting_id) == "My own words.\n\nSecond paragraph."
    kept = demo_store.roundup(meeting_id)
    assert kept is not None and kept.edited_at is not None


def test_word_and_markdown(demo_store: Store, tmp_path: Path) -> None:
    meeting_id = _meeting(demo_store)
    body = "First paragraph\nwraps here.\n\nSecond paragraph."
    word = write_roundup(demo_store, meeting_id, body, tmp_path / "r.docx")
    document = open_docx(word)
    assert texts(document, "Heading 1") == [
        "Chair's round-up: Transformation Advisory Board, 17 October 2023"
    ]
    assert texts(document, "Normal")[:2] == ["First paragraph wraps here.", "Second paragraph."]
    markdown = write_roundup(demo_store, meeting_id, body, tmp_path / "r.md")
    assert markdown.read_text(encoding="utf-8") == (
        "# Chair's round-up: Transformation Advisory Board, 17 October 2023\n\n"
        "First paragraph wraps here.\n\nSecond paragraph.\n"
    )


def test_the_roundup_command(demo_store: Store, db_path: Path, database: str) -> None:
    meeting_id = _meeting(demo_store)
    demo_store.save_roundup(meeting_id, "Kept words.")
    demo_store.close()
    base = [sys.executable, "-m", "board_tui", "roundup", "--db", database]
    kept = subprocess.run([*base, str(meeting_id)], capture_output=True, text=True, timeout=60)
    assert kept.stdout == "Kept words."
    fresh = subprocess.run(
        [*base, "--board", "Transformation Advisory Board", "--date", "2023-10-17", "--fresh"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert fresh.stdout.startswith("On Tuesday 17 October")
    out = db_path.parent / "roundup.md"
    written = subprocess.run(
        [*base, str(meeting_id), "-o", str(out)], capture_output=True, text=True, timeout=60
    )
    assert written.returncode == 0, written.stderr
    assert out.read_text(encoding="utf-8").endswith("Kept words.\n")


async def test_the_chair_edits_the_draft_in_the_app(demo_store: Store) -> None:
    meeting_id = _meeting(demo_store)
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(RoundupScreen(demo_store, meeting_id))
        await pilot.pause()
        area = app.screen.query_one("#roundup-text", TextArea)
        assert area.text.startswith("On Tuesday 17 October")
        area.move_cursor((0, 0))
        await pilot.press("A", "l", "l", "space")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RoundupScreen)
    kept = demo_store.roundup(meeting_id)
    assert kept is not None
    assert kept.body.startswith("All On Tuesday 17 October")
    assert kept.edited_at is not None


def test_the_october_round_up_reads_as_a_chair_would_sign_it(demo_store: Store) -> None:
    """Beside seed 003: names joined with "and", no mechanical counts, no double colon or
    repeated timing, residents' voice as what residents said."""
    meeting_id = _meeting(demo_store)
    notes = demo_store.notes(meeting_id)
    voice = next(n for n in notes if "Community engagement is more useful" in n.body)
    demo_store.set_voice(
        voice.id, source="Healthwatch event, 5 Sept", decision_ids=set(), action_ids=set()
    )
    draft = draft_roundup(demo_store, meeting_id)
    assert "presented by Robin Beattie and Stephen Bramah." in draft
    assert "presented by Stephen Bramah and Martin Rogers." in draft
    assert "more point" not in draft and "in the minutes)" not in draft
    assert "Members raised a number of points, including: there is a lot" in draft
    assert "We heard from residents (Healthwatch event, 5 Sept): community engagement" in draft
    assert "Members raised: community engagement" not in draft
    assert "Finally, under any other business, Members raised" in draft
    assert ": Members raised" not in draft and "..\n" not in draft and " ." not in draft
    assert "before it is published." in draft and "before publication" not in draft
    assert (
        "Matthew Mannion will circulate a forward plan for future agendas to Members, before "
        "the next meeting." in draft
    )
    assert (
        "with an agenda covering the LGA Corporate Peer Challenge, the Transformation "
        "Dashboard Proposal, the New Target Operating Model and the Annual Residents Survey."
        in draft
    )
    assert "Any Other Business." not in draft.split("\n")[0]
    assert "noted that further consultation" not in draft
    assert "including: it was important to embed the needs of residents" in draft


def test_a_meeting_not_yet_held_is_one_to_come(demo_store: Store) -> None:
    board = demo_store.board_by_name("Transformation Advisory Board")
    december = demo_store.meeting_on(board.id, dt.date(2023, 12, 11))
    draft = draft_roundup(demo_store, december.id)
    assert draft.startswith(
        "On Monday 11 December we will meet as the Transformation Advisory Board, with an agenda "
        "covering the Community Engagement Strategy and Partnership Working."
    )
    assert " we met " not in draft and "First up" not in draft


def test_presenters_and_titles() -> None:
    from board_tui.services.roundup import presenters, titled

    names = {"Robin Beattie"}
    assert presenters("Robin Beattie, Stephen Bramah", names) == "Robin Beattie and Stephen Bramah"
    assert presenters("A Lee, B Rao & C Dunn", set()) == "A Lee, B Rao and C Dunn"
    assert presenters("Kirsty Roberts, Strategy and Policy Lead", names) == (
        "Kirsty Roberts, Strategy and Policy Lead"
    )
    assert titled("Annual Residents Survey") == "the Annual Residents Survey"
    assert titled("Partnership Working") == "Partnership Working"
    assert titled("The Budget") == "The Budget"
