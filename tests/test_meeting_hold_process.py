"""A meeting another clerk holds, opened by a real board-tui in a terminal: the app starts on
the read-only view, says who holds it, follows the holder's saves, and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from terminal import query, running

from board_tui.domain.model import NoteKind
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store


@pytest.fixture
def demo_db(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "board.sqlite3"
    with Store.open(db) as store:
        meeting_id = build_demo(store).next_meeting_id
    return db, meeting_id


def test_a_second_clerk_opening_a_held_live_meeting_gets_the_read_only_view(
    demo_db: tuple[Path, int],
) -> None:
    db, meeting_id = demo_db
    # The colleague's app, on another computer, is running the meeting.
    with Store.open(db) as colleague:
        colleague.holder_name = "mmannion on DS-LAPTOP-4"
        assert colleague.take_hold(meeting_id).ours
        colleague.start_meeting(meeting_id)
        with running(["live", "--meeting", str(meeting_id), "--db", str(db)]) as term:
            term.wait_for_text("Held by mmannion on DS-LAPTOP-4 since")
            term.wait_for_text("PUBLIC")  # the chair's view, read-only
            assert "Comment" not in term.text()  # the meeting screen's keys never showed
            item = colleague.agenda(meeting_id)[0]
            colleague.add_note(item.id, NoteKind.DECISION, "Agreed while a colleague watched.")
            term.wait_for_text("AGREED  Agreed while a colleague")
            assert colleague.renew_hold(meeting_id)
            term.press("c", "d", "n")  # nothing here captures or moves
            term.type(b"\x11")  # ctrl+q
            term.wait_for(lambda: term.process.poll() is not None, "board-tui to quit")
        held = colleague.meeting_hold(meeting_id)
        assert held is not None and held.ours  # quitting let go of nothing of the colleague's
    notes = query(db, "SELECT body FROM notes WHERE meeting_id = ?", (meeting_id,))
    assert notes == [("Agreed while a colleague watched.",)]
