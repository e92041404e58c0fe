"""Text from a document or a clerk never drives a terminal: no clipboard write, no new window
title, no cleared screen, from the command line or from the app (issue 16, item 9).

The papers here carry OSC 52 (write the clipboard), OSC 0 (set the window title), CSI 2J
(clear the screen) and the one-byte C1 CSI (U+009B), as a hostile CSV plan or outline could.
"""

from __future__ import annotations

import csv
import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from terminal import Pty

from board_tui.domain.safe_text import file_name_part, for_terminal, json_for_terminal
from board_tui.storage.store import Store

CLIPBOARD = "\x1b]52;c;U0VDUkVU\x07"
TITLE = "\x1b]0;PWNED\x07"
CLEAR = "\x1b[2J"
C1_CSI = "\x9b2J"
# What must never reach a terminal raw: ESC, BEL, and the C1 CSI as UTF-8 bytes.
FORBIDDEN = (b"\x1b]52", b"\x1b]0;", b"\x1b[2J", b"\x07", b"\xc2\x9b")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "board_tui", *args],
        capture_output=True,
        timeout=120,
        env=env,
        stdin=subprocess.DEVNULL,
    )


# The app writes its own escape sequences (and BEL ends some of them): there, the papers'
# own sequences are what must not appear.
PAINTED_FORBIDDEN = (
    b"\x1b]52;c;U0VDUkVU",
    b"\x1b]0;PWNED",
    b"Budget \x1b[2J",
    b"review\x1b[2J",
    b"\xc2\x9b",
)


def assert_safe(output: bytes, forbidden: tuple[bytes, ...] = FORBIDDEN) -> None:
    for sequence in forbidden:
        assert sequence not in output, (sequence, output[:400])


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    """An outline agenda and a CSV plan full of escape sequences, imported as a clerk would."""
    db = tmp_path / "board.sqlite3"
    outline = tmp_path / "agenda.md"
    outline.write_text(
        f"# Health and Wellbeing Board\nDate: 2026-12-01\nTime: 2pm\n\n"
        f"1. Welcome {CLIPBOARD}and apologies | Chair | 5m\n"
        f"2. Budget {CLEAR}report{TITLE} | 10m\n",
        encoding="utf-8",
    )
    plan = tmp_path / "plan.csv"
    with plan.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                ("No.", "Action", "Responsible", "Deadline", "RAG rating", "Progress"),
                (
                    "1",
                    f"Budget {CLIPBOARD}review{CLEAR}",
                    f"Lead {TITLE}Person",
                    "End of Nov 22",
                    "Green",
                    f"Going well {C1_CSI}{CLIPBOARD}",
                ),
            ]
        )
    board = f"Health and Wellbeing {TITLE}Board"  # as a script might pass a document's words
    for kind, paper in (("agenda", outline), ("actions", plan)):
        imported = run("import", kind, str(paper), "--board", board, "--db", str(db))
        assert imported.returncode == 0, imported.stderr
        (tmp_path / f"import-{kind}.out").write_bytes(imported.stdout + imported.stderr)
    return db


def test_an_import_prints_what_it_read_without_control_characters(
    hostile_db: Path, tmp_path: Path
) -> None:
    agenda = (tmp_path / "import-agenda.out").read_bytes()
    assert_safe(agenda)
    assert b"Budget [2Jreport" in agenda  # the words show, the controls do not
    assert_safe((tmp_path / "import-actions.out").read_bytes())


@pytest.mark.parametrize(
    "args",
    [
        ["search", "budget"],
        ["search", "going"],
        ["history", "1", "--plan", "1"],
        ["list", "boards"],
        ["list", "meetings"],
        ["list", "plans"],
        ["roundup", "1"],
    ],
    ids=lambda args: " ".join(args),
)
def test_the_command_line_prints_no_control_characters(hostile_db: Path, args: list[str]) -> None:
    done = run(*args, "--db", str(hostile_db))
    assert b"Traceback" not in done.stderr
    assert_safe(done.stdout + done.stderr)
    assert done.stdout or done.stderr


def test_search_still_shows_the_words_and_bolds_the_match(hostile_db: Path) -> None:
    done = run("search", "budget", "--db", str(hostile_db), env={**os.environ, "FORCE_COLOR": "1"})
    text = done.stdout.decode()
    assert "review" in text and "Budget" in text


def test_json_escapes_every_control_character_and_reads_back(hostile_db: Path) -> None:
    done = run("search", "going", "--json", "--db", str(hostile_db))
    assert done.returncode == 0, done.stderr
    assert_safe(done.stdout)
    hits = json.loads(done.stdout)
    assert any(C1_CSI in hit["snippet"] and CLIPBOARD in hit["snippet"] for hit in hits)


def test_a_board_named_with_escapes_is_printed_without_them(tmp_path: Path) -> None:
    db = tmp_path / "board.sqlite3"
    done = run("list", "meetings", "--board", f"No such{CLEAR} board", "--db", str(db))
    assert done.returncode == 1
    assert_safe(done.stderr)


def test_for_terminal_keeps_letters_and_layout() -> None:
    assert for_terminal(f"a{CLIPBOARD}b\tc\nd\re") == "a]52;c;U0VDUkVUb\tc\nde"
    assert for_terminal(f"a{C1_CSI}b\x7f", one_line=True) == "a 2Jb"
    assert for_terminal("a\tb\nc", keep_breaks=False) == "abc"
    bengali = "স্বাস্থ্য ও সুস্থতা বোর্ড، مجلس الصحة"
    assert for_terminal(bengali) is bengali
    assert json.loads(json_for_terminal(json.dumps("a\x85b\x9b", ensure_ascii=False))) == (
        "a\x85b\x9b"
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../x", "x"),
        ("..", "Board"),
        ("a/b\\c:d*e?f", "a b c d e f"),
        ("CON", "Board"),
        ("nul.txt", "Board"),
        (f"Evil{CLEAR}Board", "Evil [2JBoard"),
        ("  Health and Wellbeing Board. ", "Health and Wellbeing Board"),
    ],
)
def test_a_file_name_part_is_one_name_never_a_path(name: str, expected: str) -> None:
    assert file_name_part(name, "Board") == expected


def test_a_file_name_part_is_cut_on_a_character_boundary() -> None:
    cut = file_name_part("স্বাস্থ্য" * 40, "Board", max_bytes=100)
    assert len(cut.encode("utf-8")) <= 100
    assert cut and "\ufffd" not in cut


# -- the app, in a real pseudo-terminal -----------------------------------------------------

START_SECONDS = 30


def _paint(db: Path, args: list[str], until: bytes, tmp_path: Path) -> bytes:
    """Run the app in a 120×40 pseudo-terminal until `until` is painted; all it wrote."""
    main_fd, child_fd = pty.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "board_tui", *args, "--db", str(db)],
        stdin=child_fd,
        stdout=child_fd,
        stderr=child_fd,
        env=env,
        start_new_session=True,
    )
    os.close(child_fd)
    terminal = Pty(main_fd)
    try:
        deadline = time.monotonic() + START_SECONDS
        while until not in terminal.screen:
            assert process.poll() is None, terminal.screen[-2000:]
            assert time.monotonic() < deadline, f"{until!r} was not painted"
            terminal.drain()
            time.sleep(0.05)
        time.sleep(0.5)  # the rest of the first paint
        terminal.drain()
        return terminal.screen
    finally:
        process.kill()
        process.wait(timeout=10)
        os.close(main_fd)


@pytest.mark.parametrize(
    ("args", "until"),
    [
        (["live", "--meeting", "1"], b"apologies"),
        (["chair", "--plan", "1", "--meeting", "1"], b"apologies"),
    ],
    ids=["live meeting", "chair's window"],
)
def test_the_app_paints_the_words_without_their_control_characters(
    hostile_db: Path, tmp_path: Path, args: list[str], until: bytes
) -> None:
    with Store.open(hostile_db) as store:
        store.start_meeting(1)  # the chair's view shows the current item, large
    painted = _paint(hostile_db, args, until, tmp_path)
    assert_safe(painted, PAINTED_FORBIDDEN)
    assert b"]52;c;U0VDUkVU" in painted  # the rest of the words were painted, harmless
