"""Files the app writes: who may read them, where they land, and what they never overwrite
(issue 16, items 10 and 12). Exports honour the umask and the Part 2 annex is owner-only;
two outputs that are one file, or an output over the database or the template, are refused
before anything is written; backups never write through a planted link and leave no stale
partial files; a board's name never makes a default export name point into another folder.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import BinaryIO

import pytest

from board_tui.domain.model import NoteKind
from board_tui.exporters.action_plan import action_plan_file_name
from board_tui.exporters.agenda import agenda_file_name
from board_tui.exporters.minutes import minutes_file_name
from board_tui.exporters.safe_write import ExportError, write_atomically
from board_tui.exporters.you_said_we_did import you_said_file_name
from board_tui.services.demo import build_demo
from board_tui.storage import backups
from board_tui.storage.store import Store

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _write_x(handle: BinaryIO) -> None:
    handle.write(b"x")


def _write_new(handle: BinaryIO) -> None:
    handle.write(b"new")


def run(*args: str, umask: int = 0o022) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "board_tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        umask=umask,
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def part2_db(tmp_path: Path) -> Path:
    """The demo, with a Part 2 item (and its decision) on the meeting of 17 October 2023."""
    db = tmp_path / "board.sqlite3"
    with Store.open(db) as store:
        build_demo(store)
        secret = store.add_agenda_item(1, "Property Disposal", exempt=True)
        store.add_note(secret.id, NoteKind.DECISION, "It was agreed to sell the depot.")
    return db


def _minutes(db: Path, *extra: str, umask: int = 0o022) -> subprocess.CompletedProcess[str]:
    return run("export", "minutes", "1", *extra, "--db", str(db), umask=umask)


# -- who may read an export ------------------------------------------------------------------


@posix_only
def test_exports_honour_the_umask(part2_db: Path, tmp_path: Path) -> None:
    private, shared = tmp_path / "private.docx", tmp_path / "shared.docx"
    assert _minutes(part2_db, "-o", str(private), umask=0o077).returncode == 0
    assert mode(private) == 0o600
    assert _minutes(part2_db, "-o", str(shared), umask=0o022).returncode == 0
    assert mode(shared) == 0o644
    agenda = tmp_path / "agenda.docx"
    done = run("export", "agenda", "2", "-o", str(agenda), "--db", str(part2_db), umask=0o077)
    assert done.returncode == 0, done.stderr
    assert mode(agenda) == 0o600


@posix_only
def test_the_confidential_annex_is_owner_only_whatever_the_umask(
    part2_db: Path, tmp_path: Path
) -> None:
    minutes, annex = tmp_path / "minutes.docx", tmp_path / "annex.docx"
    done = _minutes(part2_db, "-o", str(minutes), "--exempt-annex", str(annex), umask=0o002)
    assert done.returncode == 0, done.stderr
    assert "Wrote the confidential annex" in done.stdout
    assert mode(annex) == 0o600
    assert mode(minutes) == 0o664
    # Replacing an annex someone made readable to all leaves it owner-only.
    annex.chmod(0o644)
    minutes.chmod(0o640)
    done = _minutes(
        part2_db, "-o", str(minutes), "--exempt-annex", str(annex), "--force", umask=0o002
    )
    assert done.returncode == 0, done.stderr
    assert mode(annex) == 0o600
    assert mode(minutes) == 0o640  # a replaced public document keeps its mode


# -- outputs checked against each other before anything is written ---------------------------


@pytest.mark.parametrize(
    "annex_name",
    ["out.docx", "./sub/../out.docx", "OUT.docx"],
    ids=["same name", "same file by another path", "same name in another case"],
)
def test_minutes_and_annex_as_one_file_is_refused_before_writing(
    part2_db: Path, tmp_path: Path, annex_name: str
) -> None:
    (tmp_path / "sub").mkdir()
    out = tmp_path / "out.docx"
    done = _minutes(part2_db, "-o", str(out), "--exempt-annex", str(tmp_path / annex_name))
    assert done.returncode == 2, done.stderr
    assert "name the same file" in done.stderr and len(done.stderr.splitlines()) == 1
    assert not out.exists() and not (tmp_path / annex_name).exists()


def test_with_force_the_minutes_file_never_ends_up_holding_the_annex(
    part2_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(b"last month's minutes")
    done = _minutes(part2_db, "-o", str(out), "--exempt-annex", str(out), "--force")
    assert done.returncode == 2
    assert out.read_bytes() == b"last month's minutes"


def test_an_export_over_the_database_or_its_template_is_refused(
    part2_db: Path, tmp_path: Path
) -> None:
    before = part2_db.read_bytes()
    for args in (
        ["export", "minutes", "1", "-o", str(part2_db), "--force"],
        ["export", "agenda", "2", "-o", str(part2_db), "--force"],
        ["export", "actions", "1", "-o", str(part2_db), "--force"],
        ["roundup", "1", "-o", str(part2_db), "--force"],
        ["export", "minutes", "1", "-o", str(tmp_path / "m.docx"), "--exempt-annex", str(part2_db)],
    ):
        done = run(*args, "--db", str(part2_db))
        assert done.returncode == 2, (args, done.stderr)
        assert "which this export reads" in done.stderr
    assert part2_db.read_bytes() == before
    template = tmp_path / "house.docx"
    template.write_bytes(b"PK not really a template")
    done = _minutes(part2_db, "-o", str(template), "--template", str(template), "--force")
    assert done.returncode == 2 and "which this export reads" in done.stderr
    assert template.read_bytes() == b"PK not really a template"


def test_the_exporter_itself_refuses_minutes_and_annex_as_one_file(tmp_path: Path) -> None:
    """The same rule below the command line, for any other caller (the app's dialogs)."""
    from board_tui.exporters.minutes import write_minutes

    with Store.open(tmp_path / "board.sqlite3") as store:
        build_demo(store)
        out = tmp_path / "out.docx"
        with pytest.raises(ExportError, match="name the same file"):
            write_minutes(store, 1, out, exempt_annex=out, force=True)
        assert not out.exists()


def test_a_name_too_long_typed_in_the_app_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="too long"):
        write_atomically(tmp_path / ("a" * 300), lambda handle: None, force=False)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_an_export_never_replaces_a_pipe_or_device(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.docx"
    os.mkfifo(pipe)
    with pytest.raises(ExportError, match="not a regular file"):
        write_atomically(pipe, _write_x, force=True)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


# -- backups ---------------------------------------------------------------------------------


def _victim(tmp_path: Path) -> Path:
    victim = tmp_path / "victim.txt"
    victim.write_text("the clerk's own notes\n")
    return victim


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_backup_never_writes_through_a_link_at_the_old_predictable_name(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    store.create_board("Transformation Advisory Board")
    victim = _victim(tmp_path)
    folder = backups.backup_folder(db_path)
    folder.mkdir()
    stamp = store.clock().strftime(backups.STAMP_FORMAT)
    (folder / f".board-{stamp}-manual.sqlite3.partial").symlink_to(victim)
    taken = store.backup()
    assert taken is not None
    assert victim.read_text() == "the clerk's own notes\n"
    assert not taken.is_symlink() and taken.read_bytes().startswith(b"SQLite format 3\x00")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_backup_makes_its_partial_file_new_never_opening_one_there(
    store: Store, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even a link planted at the random name itself (guessed) is never followed."""
    store.create_board("Transformation Advisory Board")
    victim = _victim(tmp_path)
    folder = backups.backup_folder(db_path)
    folder.mkdir()
    guesses = iter(["guessed", "fresh"])
    monkeypatch.setattr("board_tui.storage.new_files.random_part", lambda _n: next(guesses))
    (folder / ".board-guessed.partial").symlink_to(victim)
    taken = store.backup()
    assert taken is not None and taken.read_bytes().startswith(b"SQLite format 3\x00")
    assert victim.read_text() == "the clerk's own notes\n"
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == [
        ".board-guessed.partial"  # the planted link is left alone (it is not an hour old)
    ]


def test_stale_partial_backups_are_pruned_and_fresh_ones_kept(store: Store, db_path: Path) -> None:
    store.create_board("Transformation Advisory Board")
    folder = backups.backup_folder(db_path)
    folder.mkdir()
    two_hours_ago = time.time() - 2 * 3600
    stale = [
        ".board-0123456789abcdef.partial",
        ".board-0123456789abcdef.partial-journal",
        ".board-20231211-120000-manual.sqlite3.partial",  # an earlier version's fixed name
    ]
    kept = [".board-fedcba9876543210.partial", ".other-0123456789abcdef.partial"]
    for name in stale + kept:
        (folder / name).write_bytes(b"half a backup")
    for name in [*stale, kept[1]]:
        os.utime(folder / name, (two_hours_ago, two_hours_ago))
    assert store.backup() is not None
    left = sorted(p.name for p in folder.iterdir() if p.name.startswith("."))
    assert left == sorted(kept)  # this database's fresh one (in progress?), another's own


# -- default export names ---------------------------------------------------------------------


def test_a_board_name_never_points_a_default_export_outside_its_folder(
    store: Store, tmp_path: Path
) -> None:
    board = store.create_board("../../x")
    meeting = store.create_meeting(board.id, dt.datetime(2026, 12, 1, 14, 0))
    plan = store.create_plan(board.id, "../../../etc/cron.d/plan")
    folder = tmp_path / "Documents"
    folder.mkdir()
    names = [
        minutes_file_name(store, meeting.id),
        agenda_file_name(store, meeting.id),
        you_said_file_name(store, board.id, dt.date(2026, 12, 1)),
        action_plan_file_name(store, plan.id, dt.date(2026, 12, 1)),
    ]
    for name in names:
        assert "/" not in name and "\\" not in name and not name.startswith("."), name
        assert (folder / name).resolve().parent == folder.resolve()
    assert names[0] == "x minutes 2026-12-01.docx"


def test_the_temporary_file_is_random_and_made_new(tmp_path: Path, monkeypatch) -> None:
    """An export's temporary file is O_EXCL|O_NOFOLLOW too: a planted link is skipped."""
    if not hasattr(os, "symlink"):
        pytest.skip("no symbolic links")
    victim = _victim(tmp_path)
    guesses = iter(["000000000000", "111111111111"])
    monkeypatch.setattr("board_tui.storage.new_files.random_part", lambda _n: next(guesses))
    (tmp_path / ".out.docx.000000000000.part").symlink_to(victim)
    write_atomically(tmp_path / "out.docx", _write_new, force=False)
    assert (tmp_path / "out.docx").read_bytes() == b"new"
    assert victim.read_text() == "the clerk's own notes\n"
