"""A whole meeting run in a real terminal, as a clerk runs it, ends in minutes that hold every
sentence typed exactly once, word for word, under the item it was typed for.

The demo's 11 December 2023 meeting: roll call, an officer and a declaration, a narrative,
the previous minutes agreed, matters arising updated, comments (typed in bursts and at
typing speed, one pasted), a decision, an action with owner and time frame, a plan item
update, an edit, a removal undone, a capture undone and thrown away, a changed lead-in,
any other business, the close. Then `board-tui export minutes`, read back with python-docx
and, where LibreOffice is installed, as LibreOffice renders it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docx
import docx.document
import docx.table
import docx.text.paragraph
import pytest
from terminal import Terminal, busy_machine, query, running

from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

WELCOME = "The Mayor welcomed everyone to the meeting and thanked officers for the papers."
DECLARATION = "Dr Mahera Ruby declared a non-pecuniary interest as a trustee of a partner charity"
AGREED = "The minutes of the meeting held on 17 October 2023 were agreed as a correct record."
ARISING_DONE = "The action plan came to the Board in November and was published online."
ARISING_LATE = "Officers will report back on the survey patterns in February."
INTRO = "Afazul Hoque, Head of Corporate Strategy and Communities, introduced the strategy."
LEAD_IN = "The Board welcomed the strategy and made a number of comments, including:"
COMMENTS = [
    "Residents want to hear back after they have been consulted.",
    "The strategy should reach young people through schools and youth clubs.",
    "Community languages matter: Bengali and Somali translations were asked for.",
]
EDITED_FROM = "Faith groups could host sessions."
EDITED_TO = "Faith groups and tenants' associations could host consultation sessions."
REMOVED_THEN_BACK = "The voluntary sector should co-design the engagement calendar."
THROWN_AWAY = "This sentence was typed in error and must not be minuted."
DECISION = "It was agreed that the strategy go to Cabinet in January 2024."
ACTION = "Publish a you said we did report on the consultation"
OWNER = "Afazul Hoque"
TIME_FRAME = "Q1 2024/25"
PLAN_UPDATE = "The report is agreed in principle and drafting has started."
PARTNERSHIP_TYPED = "Partners asked for one shared calendar of meetings across the borough."
PASTED = " ".join(
    f"Paragraph {n} of the pasted statement from the partnership board sets out how the "
    f"partners will share data, fund posts and report to residents every quarter."
    for n in range(1, 16)
)
AOB = "A suggestion that the agenda front sheet say what feedback officers want on each item."


def _live(db: Path | str, meeting_id: int, term: Terminal) -> None:
    term.wait_for_text("Comment")
    term.press("s")
    term.wait_for_text("Record that the meeting has started")
    term.press("y")
    term.wait_for(
        lambda: query(db, "SELECT status FROM meetings WHERE id = ?", (meeting_id,)) == [("live",)],
        "the meeting to start",
    )


def _notes(db: Path | str, meeting_id: int) -> int:
    return int(query(db, f"SELECT count(*) FROM notes WHERE meeting_id = {meeting_id}")[0][0])


def _saved(term: Terminal, db: Path | str, sql: str, count: int, what: str) -> None:
    term.wait_for(lambda: query(db, sql)[0][0] == count, what)


def _run_the_meeting(term: Terminal, db: Path | str, meeting_id: int) -> None:
    notes_sql = f"SELECT count(*) FROM notes WHERE meeting_id = {meeting_id}"
    _live(db, meeting_id, term)

    # Roll call: the chair and one member present, one remote, one sends apologies; an
    # officer not on the board's list; a declaration found by part of the name.
    mark = term.press("r")
    term.wait_for_text("Roll call", since=mark)
    term.press("i", "i", "m", "a", gap=0.05)
    term.press("g", "Sharon Godman", "tab", "Director of Strategy", "ctrl+s")
    term.press("d", "Mahera", "right", "tab", "5", "tab", DECLARATION, "ctrl+s")
    _saved(term, db, f"SELECT count(*) FROM declarations WHERE meeting_id = {meeting_id}", 1,
           "the declaration")  # fmt: skip
    term.press("escape")

    # 1. Welcome: a narrative paragraph, at typing speed.
    term.press("t")
    term.press(WELCOME, gap=0.01)
    term.press("ctrl+s")
    _saved(term, db, notes_sql, 1, "the welcome")

    # 3. The previous minutes: the decision comes worded; matters arising updated.
    term.press("n", "n", "d", "ctrl+s")
    _saved(term, db, notes_sql, 2, "the minutes agreed")
    term.press("tab", "u", "c", ARISING_DONE, "ctrl+s")
    term.press("down", "u", "a", ARISING_LATE, "ctrl+s")
    updates_sql = f"SELECT count(*) FROM status_updates WHERE meeting_id = {meeting_id}"
    _saved(term, db, updates_sql, 2, "the matters arising")
    term.press("shift+tab")  # back to the Minuted pane

    # 4. The strategy: everything at once, in bursts.
    term.press("n", "t", INTRO, "ctrl+s", "i", LEAD_IN, "ctrl+s")
    for comment in COMMENTS:
        term.press("c", comment, "ctrl+s")
    term.press("c", EDITED_FROM, "ctrl+s")
    term.press("c", REMOVED_THEN_BACK, "ctrl+s")
    _saved(term, db, notes_sql, 8, "the comments")
    term.press("delete")  # the last comment goes …
    _saved(term, db, f"{notes_sql} AND deleted_at IS NULL", 7, "the removal")
    term.press("ctrl+z")  # … and comes back
    _saved(term, db, f"{notes_sql} AND deleted_at IS NULL", 8, "the removal undone")
    term.press("end", "up", "enter", *["backspace"] * len(EDITED_FROM), EDITED_TO, "ctrl+s")
    term.press("c", THROWN_AWAY, "ctrl+s")
    _saved(term, db, f"{notes_sql} AND deleted_at IS NULL", 9, "the capture to undo")
    term.press("ctrl+z")  # it comes back in its dialog …
    term.press("escape", "d")  # … and is thrown away
    _saved(term, db, f"{notes_sql} AND deleted_at IS NULL", 8, "the capture undone")
    term.press("d", DECISION, "ctrl+s")
    term.press("a", ACTION, "tab", "Afaz", "right", "tab", TIME_FRAME, "ctrl+s")
    _saved(term, db, f"SELECT count(*) FROM actions WHERE meeting_id = {meeting_id}", 1,
           "the action")  # fmt: skip
    mark = term.press("tab")
    term.wait_for_text("Linked plan items", since=mark)
    term.press("down", "u", "o", PLAN_UPDATE, "ctrl+s", "shift+tab")
    _saved(term, db, updates_sql, 3, "the plan item update")

    # 5. Partnership working: a comment at typing speed, and a long paste.
    term.press("n", "c")
    term.press(PARTNERSHIP_TYPED, gap=0.02)
    term.press("ctrl+s", "c")
    term.type(b"\x1b[200~" + PASTED.encode() + b"\x1b[201~")
    term.press("ctrl+s")
    _saved(term, db, f"{notes_sql} AND deleted_at IS NULL", 11, "item 5's comments")

    # 6. Any other business, then the close.
    term.press("n", "c", AOB, "ctrl+s", "e")
    term.wait_for_text("Record that the meeting has ended")
    term.press("y")
    term.wait_for(
        lambda: query(db, f"SELECT status FROM meetings WHERE id = {meeting_id}") == [("closed",)],
        "the meeting to end",
    )


def _sections(paragraphs: list[str]) -> dict[str, list[str]]:
    """The minutes' paragraphs under each numbered item heading ("4. COMMUNITY …")."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for text in paragraphs:
        head = text.split(".", 1)[0]
        if head.isdigit() and text.isupper():
            current = head
            sections[current] = []
        else:
            sections[current].append(text)
    return sections


def _table_after(document: docx.document.Document, label: str) -> list[str]:
    """The first column of the table that follows a label paragraph, in document order."""
    seen = False
    for child in document.element.body.iterchildren():
        if (
            child.tag.endswith("}p")
            and docx.text.paragraph.Paragraph(child, document).text == label
        ):
            seen = True
        elif seen and child.tag.endswith("}tbl"):
            table = docx.table.Table(child, document)
            return [row.cells[0].text for row in table.rows]
    return []


def _count(text: str, sentence: str) -> int:
    return " ".join(text.split()).count(" ".join(sentence.split()))


@pytest.mark.canary
def test_a_whole_meeting_at_speed_is_minuted_word_for_word(
    tmp_path: Path, engine: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a file, and once on a team's PostgreSQL server."""
    db: Path | str = tmp_path / "board.sqlite3"
    if engine == "postgres":
        db = str(request.getfixturevalue("postgres_url"))
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # its local drafts
    with Store.open(db) as store:
        meeting_id = build_demo(store).next_meeting_id
    with busy_machine(), running(["live", "--meeting", str(meeting_id), "--db", str(db)]) as term:
        _run_the_meeting(term, db, meeting_id)

    out = tmp_path / "minutes.docx"
    subprocess.run(
        [sys.executable, "-m", "board_tui", "export", "minutes", str(meeting_id), "-o", str(out),
         "--db", str(db)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    whole = "\n".join(paragraphs)
    sections = _sections(paragraphs)
    under = {k: "\n".join(v) for k, v in sections.items()}

    expected = {
        "1": [WELCOME],
        "2": [DECLARATION],
        "3": [AGREED, ARISING_DONE, ARISING_LATE],
        "4": [
            INTRO,
            LEAD_IN,
            *COMMENTS,
            EDITED_TO,
            REMOVED_THEN_BACK,
            DECISION,
            ACTION,
            PLAN_UPDATE,
        ],
        "5": [PARTNERSHIP_TYPED, PASTED],
        "6": [AOB],
    }
    for item, sentences in expected.items():
        for sentence in sentences:
            assert _count(whole, sentence) == 1, (sentence, whole)
            assert _count(under[item], sentence) == 1, (item, sentence, under[item])
    for gone in (EDITED_FROM, THROWN_AWAY):
        assert _count(whole, gone) == 0
    # Each comment is a bullet of its own words, nothing before or after them (a count of
    # the words inside a line would pass "Faith groups coul" + the edit's words).
    bullets = [p.strip() for p in paragraphs]
    for comment in (*COMMENTS, EDITED_TO, REMOVED_THEN_BACK, PARTNERSHIP_TYPED, PASTED):
        assert comment in bullets, comment
    # Standing items keep the council's sentences, and no business lead-in.
    assert "made a number of comments" not in under["1"] + under["2"] + under["3"] + under["6"]
    assert "A few issues were discussed during any other business including:" in under["6"]
    assert _table_after(document, "Officers Present in Person:")[0] == "Sharon Godman"
    [actions_table] = [t for t in document.tables if t.rows[0].cells[0].text == "Ref"]
    assert [c.text for c in actions_table.rows[1].cells] == ["A1", ACTION, OWNER, TIME_FRAME]

    if shutil.which("soffice") and shutil.which("pdftotext"):
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
             "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        rendered = subprocess.run(
            ["pdftotext", str(out.with_suffix(".pdf")), "-"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        for sentences in expected.values():
            for sentence in sentences:
                # An action stands under its item and again in the Actions Arising table.
                assert _count(rendered, sentence) == (2 if sentence == ACTION else 1), sentence
        for gone in (EDITED_FROM, THROWN_AWAY):
            assert _count(rendered, gone) == 0
