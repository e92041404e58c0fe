"""The command line on both engines: a clerk's day of commands, run as real subprocesses
against a file and against a team's PostgreSQL server, with the same answers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from board_tui.storage.store import Store

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "board_tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def ok(*args: str) -> str:
    result = run(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_clerks_commands_from_an_empty_store_to_the_minutes(
    store: Store, database: str, tmp_path: Path
) -> None:
    db = ["--db", database]
    ok("board", "add", "Transformation Advisory Board", *db)
    boards = json.loads(ok("list", "boards", "--json", *db))
    assert [b["name"] for b in boards] == ["Transformation Advisory Board"]

    agenda = FIXTURES / "tab-2023-12-11-agenda.docx"
    ok("import", "agenda", str(agenda), "--board", "Transformation Advisory Board", *db)
    plan = FIXTURES / "tht-elg-action-plan-2022-11.docx"
    ok("import", "actions", str(plan), "--board", "Engagement Leads Group", *db)
    meetings = json.loads(ok("list", "meetings", "--json", *db))
    assert len(meetings) == 1
    meeting_id = str(meetings[0]["id"])
    plans = json.loads(ok("list", "plans", "--json", *db))
    assert len(plans) == 1

    minutes = tmp_path / "minutes.docx"
    ok("export", "minutes", meeting_id, "-o", str(minutes), *db)
    agenda_out = tmp_path / "agenda.docx"
    ok("export", "agenda", meeting_id, "-o", str(agenda_out), *db)
    actions = tmp_path / "actions.docx"
    ok("export", "actions", str(plans[0]["id"]), "-o", str(actions), *db)
    text = "\n".join(p.text for p in Document(str(agenda_out)).paragraphs)
    assert "Transformation Advisory Board" in text
    rows = sum(len(t.rows) for t in Document(str(actions)).tables)
    assert rows > 10

    found = ok("search", "engagement", *db)
    assert "engagement" in found.lower()
    assert ok("history", "1", "--plan", str(plans[0]["id"]), *db).strip()


def test_bad_input_is_one_line_on_both(store: Store, database: str) -> None:
    for args in (
        ["export", "minutes", "999", "-o", "x.docx"],
        ["history", "1", "--plan", "nope"],
        ["board", "add", " "],
    ):
        result = run(*args, "--db", database)
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_backup_is_taken_listed_and_restored_on_both(store: Store, database: str) -> None:
    """On a server too: the backup is a board-tui file on this computer, and restoring it
    puts the store back as it was, after backing up what it held."""
    db = ["--db", database]
    ok("board", "add", "Kept Board", *db)
    taken = ok("backup", *db).strip().rsplit(" to ", 1)[1]
    assert Path(taken).is_file()
    assert taken in ok("backup", "--list", *db)
    ok("board", "add", "Added After", *db)
    restored = ok("restore", taken, *db)
    assert "what it held before is backed up in" in restored
    names = [b["name"] for b in json.loads(ok("list", "boards", "--json", *db))]
    assert names == ["Kept Board"]
    said = next(line for line in restored.splitlines() if "backed up in" in line)
    before = said.rsplit(" in ", 1)[1].strip()
    with Store.open(Path(before), read_only=True) as saved:
        assert sorted(b.name for b in saved.boards()) == ["Added After", "Kept Board"]


@pytest.mark.parametrize("secret", ["postgresql://clerk:hunter2@db/boards"])
def test_a_password_in_the_url_is_refused_and_never_shown(secret: str) -> None:
    result = run("list", "boards", "--db", secret)
    assert result.returncode != 0
    assert "pgpass" in result.stderr
    assert "hunter2" not in result.stderr + result.stdout
