"""An agenda exported to Word and imported into a fresh database is the agenda it was.

Export → import → export → import: the two imported stores are byte for byte the same
(a canonical dump of board, people, meeting and items), as are the two documents, and the
first import already holds what the original held: numbers as written (2a, 2b), times and
lengths (the last item's too), exempt items (no section read into them, no second
"(Part 2 – exempt)"), and a board with no members (no masthead read as people).

The agenda is a public paper: a Part 2 item travels as "Exempt item (Part 2)" with its
number and time only (domain.exempt), so what comes back is the agenda as the public saw it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from store_dump import agenda_dump, word_text

from board_tui.domain.model import Contact
from board_tui.exporters.agenda import write_agenda as export_agenda
from board_tui.readers.agenda import read_agenda
from board_tui.services.agenda_import import write_agenda as import_agenda
from board_tui.storage.store import Store

NOW = dt.datetime(2024, 1, 10, 9, 0)


def _clock() -> dt.datetime:
    return NOW


def _round_trip(store: Store, meeting_id: int, folder: Path) -> tuple[list[str], list[str]]:
    """Dumps of the original, the first and the second import; texts of the two documents."""
    board = store.board(store.meeting(meeting_id).board_id).name
    dumps = [agenda_dump(store, meeting_id)]
    texts: list[list[str]] = []
    for step in ("one", "two"):
        exported = folder / f"{step}.docx"
        export_agenda(store, meeting_id, exported)
        texts.append(word_text(exported))
        store = Store.open(folder / f"{step}.sqlite3", clock=_clock)
        summary = import_agenda(store, read_agenda(exported), board_name=board, source=step)
        meeting_id = summary.meeting_id
        dumps.append(agenda_dump(store, meeting_id))
    assert texts[0] == texts[1]
    return dumps, texts[0]


def _committee(store: Store, *, as_public: bool = False) -> int:
    """A board with no members; lettered sub-items; an exempt item with a note and a
    sub-item; a public item after it with its own note; a last item with a length.

    as_public: the exempt items as the public agenda shows them (no title, presenter or note).
    """
    board = store.create_board("Audit Committee")
    store.set_board_contact(
        board.id, Contact("Jane Smith", "Clerk", "jane.smith@example.org", "020 7000 0000")
    )
    meeting = store.create_meeting(board.id, dt.datetime(2024, 2, 1, 14, 0), venue="Room 1")

    def add(title: str, **fields: object) -> int:
        return store.add_agenda_item(meeting.id, title, **fields).id  # type: ignore[arg-type]

    add("Welcome and apologies", duration_minutes=5)
    minutes = add("Minutes and matters arising", duration_minutes=10)
    add("Minutes of the last meeting", parent_id=minutes, number="2a", duration_minutes=5)
    add("Action log", parent_id=minutes, number="2b", duration_minutes=5)
    award = add(
        "Exempt item" if as_public else "Contract award",
        duration_minutes=20,
        exempt=True,
        presenter=None if as_public else "Head of Procurement",
        chair_note=None if as_public else "Exempt under paragraph 3: commercial information",
    )
    add(
        "Exempt item" if as_public else "Evaluation panel's report",
        parent_id=award,
        duration_minutes=10,
        exempt=True,
    )
    add(
        "Budget monitoring",
        duration_minutes=15,
        papers="Report C",
        presenter="Julie Lorraine, Corporate Director",
        chair_note="The board is asked to note the position.",
    )
    add("Any other business", duration_minutes=20)
    return meeting.id


def test_an_agenda_with_part_2_items_and_no_members_comes_back_unchanged(
    tmp_path: Path,
) -> None:
    with Store.open(tmp_path / "original.sqlite3", clock=_clock) as store:
        meeting_id = _committee(store)
        dumps, text = _round_trip(store, meeting_id, tmp_path)
    with Store.open(tmp_path / "as-public.sqlite3", clock=_clock) as store:
        as_public = agenda_dump(store, _committee(store, as_public=True))
    _original, first, second = dumps
    assert first == second
    assert first == as_public
    # The item and its sub-item, once each, with nothing of what they are.
    assert "\n".join(text).count("Exempt item (Part 2)") == 2
    assert "Contract award" not in "\n".join(text)
    assert '"members": []' in first


def test_the_demo_agenda_comes_back_unchanged(demo_store: Store, tmp_path: Path) -> None:
    meeting = next(m for m in demo_store.meetings(1) if m.scheduled_start.month == 12)
    dumps, _text = _round_trip(demo_store, meeting.id, tmp_path)
    original, first, second = dumps
    assert first == second
    # The items come back whole; the people come back as the pack prints them.
    assert first.split('"items"')[1] == original.split('"items"')[1]
