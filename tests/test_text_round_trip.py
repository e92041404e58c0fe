"""Anything a clerk can type survives save → Word export → import: control characters,
right-to-left Arabic and Hebrew, Bengali, and a 100 KB paste.

The rule, exactly: a Word file cannot hold the C0 control characters other than tab,
line feed and carriage return (nor U+FFFE, U+FFFF), so the exporters drop them
(``board_tui.exporters.word.word_text``); the importer then reads Word's spacing as layout and
collapses every run of whitespace, line breaks and paragraph ends included, to one space.
So what comes back is ``collapse(word_text(text))``: no other character is changed.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Literal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from board_tui.domain.model import NoteKind
from board_tui.domain.statuses import Status
from board_tui.exporters.action_plan import write_action_plan
from board_tui.exporters.minutes import write_minutes
from board_tui.exporters.word import word_text
from board_tui.readers.plan import read_action_plan
from board_tui.readers.word_package import collapse
from board_tui.storage.store import Store

SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
"""Lone surrogates cannot be written as UTF-8: no clerk can type one."""

ARABIC = "أوصى المجلس بنشر التقرير\u200f قبل نهاية الربع"
HEBREW = "הוועדה המליצה לפרסם את הדוח"
BENGALI = "বোর্ড প্রতিবেদনটি প্রকাশের সুপারিশ করেছে"
PASTE_100_KB = ("Residents asked about the \x0cnew library hours;\tপরবর্তী পদক্ষেপ\r\n" * 1700)[
    : 100 * 1024
]

_TYPED = st.text(st.characters(exclude_categories=SURROGATES), min_size=1, max_size=200)
"""Every code point a terminal can deliver: controls, format marks, any script."""
_TEXT = st.one_of(
    _TYPED,
    st.sampled_from([ARABIC, HEBREW, BENGALI, f"{ARABIC}\n{HEBREW}\x00{BENGALI}"]),
    st.builds(lambda a, b: f"{a} {b}", st.sampled_from([ARABIC, HEBREW, BENGALI]), _TYPED),
)
_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def expected(text: str) -> str:
    return collapse(word_text(text))


def expected_paragraphs(text: str) -> str:
    """An update keeps its paragraphs (its lines), each read as one line of words."""
    return "\n".join(line for line in (expected(part) for part in text.split("\n")) if line)


def test_the_rule_drops_only_what_xml_cannot_hold() -> None:
    kept = "\t\n\r \x7f\x85\u200f\u202e\ufffd" + ARABIC + BENGALI + "\U0001f600"
    assert word_text(kept) == kept
    assert word_text("a\x00b\x01c\x08d\x0be\x0cf\x1fg\ufffeh\uffffi") == "abcdefghi"


def _plan_round_trip(recommendation: str, step: str, update: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "board.sqlite3"
        with Store.open(db) as store:
            board = store.create_board("Round Trip Board")
            plan = store.create_plan(board.id, "Plan")
            item = store.add_plan_item(plan.id, "1", recommendation, lead="Zoë")
            store.add_action(step, plan_item_id=item.id)
            store.record_status_update(Status.UPDATE_DUE, update, plan_item_id=item.id)
            # Saved as typed; a next step and an update are trimmed at the ends.
            [saved] = store.plan_items(plan.id)
            [saved_step] = store.next_steps(item.id)
            [saved_update] = store.status_history(plan_item_id=item.id)
            assert saved.recommendation == recommendation
            assert saved_step.description == step.strip()
            assert saved_update.body == update.strip()
            path = Path(folder) / "plan.docx"
            write_action_plan(store, plan.id, path)
        [read] = read_action_plan(path).items
    assert read.recommendation == expected(recommendation)
    assert [s.description for s in read.next_steps] == [expected(step)]
    assert [(u.label, u.body) for u in read.updates] == [("Update:", expected_paragraphs(update))]


def _plannable(*texts: str) -> bool:
    """What the importer can tell apart: words in every field, no label words leading."""
    return all(
        expected(t) and not expected(t).lower().startswith(("new action", "revised action"))
        for t in texts
    ) and not expected(texts[2]).lower().startswith("imported")


@_SETTINGS
@given(recommendation=_TEXT, step=_TEXT, update=_TEXT)
@example(recommendation=ARABIC, step=HEBREW, update=BENGALI)
@example(recommendation="a\x00b\x0cc\x1fd", step="\x1c step \x1d", update="one\r\ntwo\x0bthree")
def test_plan_text_survives_export_and_import(recommendation: str, step: str, update: str) -> None:
    if not _plannable(recommendation, step, update):
        return  # nothing the importer could read as that field: not a round trip to test
    _plan_round_trip(recommendation, step, update)


def test_a_100_kb_paste_survives_export_and_import() -> None:
    assert len(PASTE_100_KB) == 100 * 1024
    _plan_round_trip(PASTE_100_KB, f"Step: {PASTE_100_KB}", PASTE_100_KB)


@_SETTINGS
@given(comment=_TEXT, decision=_TEXT)
@example(comment=PASTE_100_KB, decision=f"{ARABIC}\x00{HEBREW}\x1b{BENGALI}")
def test_minutes_export_never_fails_on_what_was_typed(comment: str, decision: str) -> None:
    if not (comment.strip() and decision.strip()):
        return  # a blank note is refused before it is saved
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "board.sqlite3"
        with Store.open(db) as store:
            board = store.create_board("Round Trip Board")
            meeting = store.create_meeting(board.id, dt.datetime(2024, 1, 15, 14, 0))
            item = store.add_agenda_item(meeting.id, "Welcome", number="1")
            store.start_meeting(meeting.id)
            store.add_note(item.id, NoteKind.COMMENT, comment)
            store.add_note(item.id, NoteKind.DECISION, decision)
            assert [n.body for n in store.notes(meeting.id)] == [comment, decision]
            path = Path(folder) / "minutes.docx"
            write_minutes(store, meeting.id, path)
        import docx

        words = collapse(" ".join(p.text for p in docx.Document(str(path)).paragraphs))
    assert expected(comment) in words
    assert expected(decision) in words


async def test_the_capture_dialog_saves_what_was_pasted(tmp_path: Path) -> None:
    """Controls and scripts are saved as pasted; the text area (Textual's) reads line
    separators (form feed, vertical tab, U+2028 and the like) as new lines, and the
    dialog trims the ends, as for every capture."""
    text = f" {ARABIC}\x00\x07{HEBREW}\x0c{BENGALI}\x1b[31m\u2028end "
    from textual import events
    from textual.widgets import TextArea

    from board_tui.screens.shell.app import BoardApp
    from board_tui.services.demo import build_demo

    db = tmp_path / "board.sqlite3"
    with Store.open(db) as store:
        meeting_id = build_demo(store).next_meeting_id
        store.start_meeting(meeting_id)
    store = Store.open(db)
    app = BoardApp(store, open_meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.focused, TextArea)
        app.post_message(events.Paste(text))  # as the terminal delivers a paste
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    store.close()
    with Store.open(db) as store:
        [note] = store.notes(meeting_id)
    assert note.body == "\n".join(text.splitlines()).strip()
    assert "\x00\x07" in note.body and "\x1b[31m" in note.body
