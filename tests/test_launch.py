"""The plain launch (`board-tui`, `board-tui --db FILE`) opens the app without click, and
says what it refuses in the full command line's words."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from terminal import Pty

from board_tui.cli.launch import plain_launch
from board_tui.storage.instance import InstanceLock
from board_tui.storage.store import Store

_FULL = (
    "import sys; sys.argv = ['board-tui', *sys.argv[1:]]; "
    "from board_tui.cli.main import main; main()"
)
# The app's run replaced by a look at the process as it would have started it.
_LOOK = (
    "import gc, sys; sys.argv = ['board-tui', *sys.argv[1:]]; "
    "from board_tui.screens.shell.app import BoardApp; "
    "BoardApp.run = lambda self: print('click' in sys.modules, gc.isenabled(), "
    "gc.get_freeze_count() > 10_000); "
    "from board_tui.cli.launch import main; main()"
)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], (True, None)),
        (["--db", "board.sqlite3"], (True, "board.sqlite3")),
        (["--db=board.sqlite3"], (True, "board.sqlite3")),
        (["--db", "postgresql://clerk@server/board"], (True, "postgresql://clerk@server/board")),
        (["--db", "--help"], (False, "--help")),
        (["--db="], (False, "")),
        (["--db", "x" * 300], (False, "x" * 300)),
        (["--db"], (False, None)),
        (["--db", "$BOARDS/board.sqlite3"], (False, "$BOARDS/board.sqlite3")),
        (["--db", "%USERPROFILE%\\board.sqlite3"], (False, "%USERPROFILE%\\board.sqlite3")),
        (["--db", "board*.sqlite3"], (False, "board*.sqlite3")),
        (["demo"], (False, None)),
        (["--db", "board.sqlite3", "list", "boards"], (False, None)),
        (["--help"], (False, None)),
        (["--version"], (False, None)),
        (["--demo"], (False, None)),
    ],
)
def test_a_plain_launch_is_told_from_any_other_command_line(
    args: list[str], expected: tuple[bool, str | None]
) -> None:
    assert plain_launch(args) == expected


def _python(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_the_plain_launch_opens_the_app_without_click_and_with_the_collector_on(
    tmp_path: Path,
) -> None:
    db = tmp_path / "board.sqlite3"
    Store.open(db).close()  # made (and migrated, with sqlite-utils and its click) before
    done = _python("-c", _LOOK, "--db", str(db), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    click_loaded, collector_on, modules_frozen = done.stdout.split()
    assert click_loaded == "False"
    assert collector_on == "True"  # paused only while the modules load
    assert modules_frozen == "True"


def test_any_other_command_line_still_goes_through_click(tmp_path: Path) -> None:
    done = _python("-m", "board_tui", "--version", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith("board-tui, version ")


@pytest.mark.parametrize(
    "make",
    [
        lambda folder: (folder / "notes.sqlite3", "not a database\n"),
        lambda folder: (folder / "missing" / "board.sqlite3", None),
    ],
    ids=["not-a-database", "no-such-folder"],
)
def test_a_refusal_reads_as_the_full_command_lines(tmp_path: Path, make: object) -> None:
    path, words = make(tmp_path)  # type: ignore[operator]
    if words is not None:
        path.write_text(words, encoding="utf-8")
    plain = _python("-m", "board_tui", "--db", str(path), cwd=tmp_path)
    full = _python("-c", _FULL, "--db", str(path), cwd=tmp_path)
    assert plain.returncode == full.returncode == 1
    assert plain.stderr == full.stderr
    assert plain.stderr.startswith("Error: ") and len(plain.stderr.splitlines()) == 1
    assert "Traceback" not in plain.stderr
    if words is not None:
        assert path.read_text(encoding="utf-8") == words


# A second app on a file another holds, whose read-only open is then refused (as a
# schema too new for this version would be): the app's own code, with Store.open told so.
_REFUSED_READ_ONLY = """
import sys
from board_tui.domain.errors import BoardTuiError
from board_tui.storage.store import Store
real = Store.open.__func__

def refusing(cls, path, **kwargs):
    if kwargs.get("read_only"):
        raise BoardTuiError(f"{path}: cannot be read by this version")
    return real(cls, path, **kwargs)

Store.open = classmethod(refusing)
which = sys.argv[1]
sys.argv = ["board-tui", *sys.argv[2:]]
if which == "plain":
    from board_tui.cli.launch import main
else:
    from board_tui.cli.main import main
main()
"""


@pytest.fixture
def held_db(tmp_path: Path) -> Iterator[Path]:
    """A database that another clerk's app holds (its instance lock taken here)."""
    db = tmp_path / "board.sqlite3"
    Store.open(db).close()
    lock = InstanceLock(db)
    assert lock.claim() is None
    try:
        yield db
    finally:
        lock.release()


def _in_a_terminal(*args: str) -> Pty:
    main_fd, child_fd = pty.openpty()
    term = Pty(main_fd)
    term.process = subprocess.Popen(
        [sys.executable, *args],
        stdin=child_fd,
        stdout=child_fd,
        stderr=child_fd,
        env={**os.environ, "TERM": "xterm-256color"},
        start_new_session=True,
    )
    os.close(child_fd)
    return term


def _ended(term: Pty) -> tuple[int, str]:
    assert term.process is not None
    try:
        code = term.process.wait(timeout=30)
    finally:
        term.drain()
        os.close(term.fd)
    return code, term.text()


# The plain launch, and the same question reached through click (--demo with --db is the
# same file, read by the full command line).
LAUNCHES = pytest.mark.parametrize(
    "words", [[], ["--demo"]], ids=["plain-launch", "full-command-line"]
)


@LAUNCHES
def test_ctrl_d_at_the_read_only_question_is_aborted_in_one_line(
    held_db: Path, words: list[str]
) -> None:
    term = _in_a_terminal("-m", "board_tui", "--db", str(held_db), *words)
    term.wait_for_text("Open it read-only instead")
    term.type(b"\x04")
    code, screen = _ended(term)
    assert code == 1
    assert "Aborted!" in screen
    assert "Traceback" not in screen


@LAUNCHES
def test_a_refused_read_only_view_is_one_line(held_db: Path, words: list[str]) -> None:
    which = "full" if words else "plain"
    term = _in_a_terminal("-c", _REFUSED_READ_ONLY, which, "--db", str(held_db), *words)
    term.wait_for_text("Open it read-only instead")
    term.press("y", "enter")
    code, screen = _ended(term)
    assert code == 1
    assert f"Error: {held_db}: cannot be read by this version" in screen
    assert "Traceback" not in screen
