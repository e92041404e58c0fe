"""The command line, run as a real subprocess the way a clerk or a script runs it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from board_tui.storage.store import Store


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None):
    return subprocess.run(
        [sys.executable, "-m", "board_tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def home_env(tmp_path: Path) -> dict[str, str]:
    """A private user data folder, so tests never touch a real one."""
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    env["HOME"] = str(tmp_path / "home")
    env.pop("BOARD_TUI_DB", None)
    return env


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "board-tui"
    result = subprocess.run([script, "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("board-tui, version ")


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("demo", "list"):
        assert command in result.stdout


def test_demo_build_only_twice_leaves_one_copy(tmp_path: Path, home_env) -> None:
    db = tmp_path / "demo.sqlite3"
    first = run("demo", "--build-only", "--db", str(db), env=home_env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"Demo built in {db}"
    second = run("--db", str(db), "demo", "--build-only", env=home_env)
    assert second.returncode == 0, second.stderr
    assert "already built" in second.stdout
    with Store.open(db) as store:
        counts = store.counts()
        board = store.board_by_name("Transformation Advisory Board")
        december = store.meeting_on(board.id, dt.date(2023, 12, 11))
        top_level = [i for i in store.agenda(december.id) if i.parent_id is None]
    assert counts["boards"] == 2
    assert counts["meetings"] == 2
    assert counts["plan_items"] == 15
    assert len(top_level) == 6


def test_demo_uses_its_own_database_not_the_users(tmp_path: Path, home_env) -> None:
    real = tmp_path / "real.sqlite3"
    home_env["BOARD_TUI_DB"] = str(real)
    result = run("demo", "--build-only", env=home_env)
    assert result.returncode == 0, result.stderr
    assert not real.exists()
    demo_db = Path(home_env["XDG_DATA_HOME"]) / "board-tui" / "demo.sqlite3"
    assert result.stdout.strip() == f"Demo built in {demo_db}"
    assert demo_db.exists()


def test_list_prints_ids_and_names_as_text_and_json(tmp_path: Path, home_env) -> None:
    db = tmp_path / "demo.sqlite3"
    assert run("demo", "--build-only", "--db", str(db), env=home_env).returncode == 0
    boards = run("list", "boards", "--db", str(db), env=home_env)
    assert boards.returncode == 0
    assert boards.stdout.splitlines()[0].split() == ["ID", "NAME", "ORGANISATION"]
    assert "Transformation Advisory Board" in boards.stdout
    meetings = json.loads(run("list", "meetings", "--json", "--db", str(db)).stdout)
    assert [(m["date"], m["time"], m["status"]) for m in meetings] == [
        ("2023-10-17", "14:00", "approved"),
        ("2023-12-11", "14:00", "draft"),
    ]
    plans = json.loads(run("--db", str(db), "list", "plans", "--json").stdout)
    assert len(plans) == 1
    assert plans[0]["items"] == 15
    assert plans[0]["board"] == "Tower Hamlets Together Engagement Leads Group"


def test_list_for_an_unknown_board_is_a_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "board.sqlite3"
    result = run("list", "meetings", "--board", "Nope Board", "--db", str(db))
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: no board called 'Nope Board'"


def test_the_environment_variable_chooses_the_database(tmp_path: Path, home_env) -> None:
    db = tmp_path / "from-env.sqlite3"
    home_env["BOARD_TUI_DB"] = str(db)
    result = run("list", "boards", env=home_env)
    assert result.returncode == 0
    assert result.stdout.strip() == "No boards."
    assert db.exists()


@pytest.mark.parametrize(
    "args",
    [["frobnicate"], ["list", "widgets"], ["--no-such-option"], ["demo", "--nope"]],
)
def test_unknown_commands_and_options_exit_2_with_usage(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Usage:" in result.stderr
    assert "Traceback" not in result.stderr


def _one_line_error(result: subprocess.CompletedProcess[str], path: Path, words: str) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0]
    assert words in lines[0]


def test_a_database_in_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "board.sqlite3"
    _one_line_error(run("list", "boards", "--db", str(path)), path, "does not exist")
    assert not path.parent.exists()


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "agenda.docx"
    path.write_text("not a database at all\n" * 50)
    before = _digest(path)
    _one_line_error(run("demo", "--build-only", "--db", str(path)), path, "not an SQLite file")
    assert _digest(path) == before


def test_a_database_from_a_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    with Store.open(path) as store:
        store.db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('board_tui', '9999_future', '2030-01-01')"
        )
    before = _digest(path)
    _one_line_error(run("list", "boards", "--db", str(path)), path, "newer version")
    assert _digest(path) == before
