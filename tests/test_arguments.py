"""Every command-line value is checked before use: one line and exit 2 for a value no command
can use, never a traceback or a hang (issue 16, item 8). Each case runs the real command line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

HUGE = "99999999999999999999"  # more than SQLite's largest integer
SQUARED = "²"  # a digit to str.isdigit(), not to int()


def run(*args: str | bytes, env: dict[str, str] | None = None, timeout: float = 60):
    return subprocess.run(
        [sys.executable, "-m", "board_tui", *args],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=timeout,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def assert_usage_line(done: subprocess.CompletedProcess[str], *words: str) -> str:
    """Exit 2, no traceback, one line on stderr holding every one of `words`."""
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("Error: ")
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    with Store.open(db) as store:
        build_demo(store)
    return db


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A private user data folder: nothing may fall back to a real default database."""
    return {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "HOME": str(tmp_path / "home"),
        "BOARD_TUI_DB": "",
    }


def _id_commands(bad: str, out: Path) -> dict[str, list[str]]:
    return {
        "live": ["live", "--meeting", bad],
        "chair meeting": ["chair", "--meeting", bad],
        "chair plan": ["chair", "--plan", bad],
        "serve": ["serve", "--meeting", bad],
        "export minutes": ["export", "minutes", bad, "-o", str(out)],
        "export agenda": ["export", "agenda", bad, "-o", str(out)],
        "export actions": ["export", "actions", bad, "-o", str(out)],
        "history": ["history", "1", "--plan", bad],
        "roundup": ["roundup", bad],
    }


ID_COMMANDS = list(_id_commands("", Path()))


@pytest.mark.parametrize("bad", [HUGE, "0"])
@pytest.mark.parametrize("command", ID_COMMANDS)
def test_an_id_out_of_range_is_one_line(
    demo_db: Path, tmp_path: Path, env: dict[str, str], command: str, bad: str
) -> None:
    out = tmp_path / "out.docx"
    args = _id_commands(bad, out)[command]
    done = run(*args, "--db", str(demo_db), env=env)
    assert_usage_line(done, f"{bad} is not a", "id")
    assert not out.exists()


@pytest.mark.parametrize(
    "command", [c for c in ID_COMMANDS if c not in ("export actions", "history")]
)
def test_a_superscript_digit_is_not_an_id(
    demo_db: Path, tmp_path: Path, env: dict[str, str], command: str
) -> None:
    done = run(*_id_commands(SQUARED, tmp_path / "out.docx")[command], "--db", str(demo_db))
    assert_usage_line(done, f"'{SQUARED}' is not a")


@pytest.mark.parametrize("command", ["export actions", "history"])
def test_a_superscript_digit_is_read_as_a_plan_title(
    demo_db: Path, tmp_path: Path, command: str
) -> None:
    done = run(*_id_commands(SQUARED, tmp_path / "out.docx")[command], "--db", str(demo_db))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert SQUARED in done.stderr


def test_a_good_id_still_works(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "agenda.docx"
    done = run("export", "agenda", " 2 ", "-o", str(out), "--db", str(demo_db))
    assert done.returncode == 0, done.stderr
    assert out.exists()


LONG_NAME = "a" * 300 + ".docx"


@pytest.mark.parametrize(
    "args",
    [
        ["export", "minutes", "1", "-o", "{long}"],
        ["export", "minutes", "1", "-o", "{tmp}/m.docx", "--exempt-annex", "{long}"],
        ["export", "minutes", "1", "-o", "{tmp}/m.docx", "--template", "{long}"],
        ["export", "actions", "1", "-o", "{long}"],
        ["export", "agenda", "2", "-o", "{long}"],
        ["export", "you-said-we-did", "--board", "Transformation Advisory Board", "-o", "{long}"],
        ["roundup", "1", "-o", "{long}"],
        ["import", "agenda", "{long}", "--board", "B"],
        ["import", "actions", "{long}", "--board", "B"],
        ["restore", "{long}"],
        ["list", "boards", "--db", "{long}"],
    ],
    ids=lambda args: " ".join(a for a in args if "{" not in a),
)
def test_a_file_name_over_255_bytes_is_one_line(
    demo_db: Path, tmp_path: Path, env: dict[str, str], args: list[str]
) -> None:
    long = str(tmp_path / LONG_NAME)
    filled = [a.format(long=long, tmp=tmp_path) for a in args]
    if "--db" not in filled:
        filled += ["--db", str(demo_db)]
    done = run(*filled, env=env)
    assert_usage_line(done, "too long", "255")
    assert sorted(os.listdir(tmp_path)) == []


def test_a_date_at_the_end_of_time_is_refused_before_any_sum(
    tmp_path: Path, env: dict[str, str]
) -> None:
    outline = tmp_path / "agenda.md"
    outline.write_text("1. Welcome | 5m\n2. Budget | 10m\n", encoding="utf-8")
    db = tmp_path / "board.sqlite3"
    args = ["import", "agenda", str(outline), "--board", "B", "--db", str(db)]
    done = run(*args, "--date", "9999-12-31", "--time", "23:59", env=env)
    assert_usage_line(done, "--date", "9999-12-31", "2999-12-31")
    assert not db.exists()
    fine = run(*args, "--date", "2026-12-01", "--time", "23:59", env=env)
    assert fine.returncode == 0, fine.stderr


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--date", "2026-02-30", "is not a date"),
        ("--date", "01/12/2026", "is not a date"),
        ("--date", "２０２６-12-01", "is not a date"),  # full-width digits
        ("--time", "24:00", "is not a time"),
        ("--time", "9pm", "is not a time"),
    ],
)
def test_dates_and_times_that_cannot_be_read(
    tmp_path: Path, env: dict[str, str], option: str, value: str, words: str
) -> None:
    outline = tmp_path / "agenda.md"
    outline.write_text("1. Welcome | 5m\n", encoding="utf-8")
    db = tmp_path / "board.sqlite3"
    done = run(
        "import", "agenda", str(outline), "--board", "B", option, value, "--db", str(db), env=env
    )
    assert_usage_line(done, option, words)


def test_an_empty_db_is_refused_not_the_default_database(
    tmp_path: Path, env: dict[str, str]
) -> None:
    for args in (["list", "boards", "--db", ""], ["--db", " ", "list", "boards"]):
        done = run(*args, env=env)
        assert_usage_line(done, "--db", "empty")
    assert not (tmp_path / "xdg-data").exists()  # the default database was never made


def test_text_that_is_not_utf8_is_one_line(demo_db: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "board_tui", "list", "meetings", "--board", b"\xffBoard"],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=60,
        env={**os.environ, "BOARD_TUI_DB": str(demo_db)},
        stdin=subprocess.DEVNULL,
    )
    assert_usage_line(done, "--board", "UTF-8")


# -- files that are not regular files: refused at once, never waited on -----------------------


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("this system has no named pipes")
    path = tmp_path / "pipe.sqlite3"
    os.mkfifo(path)
    return path


def test_a_fifo_as_the_database_is_refused_not_waited_on(fifo: Path, env: dict[str, str]) -> None:
    for args in (["list", "boards"], ["backup"], ["chair"]):
        done = run(*args, "--db", str(fifo), env=env, timeout=20)
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.strip().splitlines() == [
            f"Error: {fifo}: is not a database file (a pipe, device or socket, not a regular file)"
        ]


def test_a_fifo_as_the_restore_file_is_refused_not_waited_on(
    fifo: Path, demo_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "board.sqlite3"
    db.write_bytes(demo_db.read_bytes())
    before = db.read_bytes()
    done = run("restore", str(fifo), "--db", str(db), timeout=20)
    assert done.returncode == 1, done.stderr
    assert "is not a database file (a pipe, device or socket" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == before
    assert not (tmp_path / "backups").exists()


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_a_device_as_the_database_is_refused(env: dict[str, str]) -> None:
    done = run("list", "boards", "--db", "/dev/null", env=env)
    assert done.returncode == 1
    assert "is not a database file" in done.stderr
