"""Exports never leave half a document or clobber a file: refusals, full disks, real CLI runs."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from faults import assert_one_line_error, db_state, run_cli

from board_tui.exporters import safe_write
from board_tui.exporters.safe_write import ExportError, write_atomically
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write(data: bytes):
    return lambda handle: handle.write(data)


def test_writes_the_whole_file_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    assert write_atomically(target, _write(b"new"), force=False) == target
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["out.docx"]


def test_an_existing_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    with pytest.raises(ExportError, match="already exists; use --force"):
        write_atomically(target, _write(b"new"), force=False)
    assert target.read_bytes() == b"old"
    write_atomically(target, _write(b"new"), force=True)
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["out.docx"]


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"the folder .*nowhere does not exist"):
        write_atomically(tmp_path / "nowhere" / "out.docx", _write(b"x"), force=False)


def test_a_full_disk_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")

    def full(handle) -> None:
        handle.write(b"half a docu")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError, match=r"out\.docx: the disk is full; nothing was changed"):
        write_atomically(target, full, force=True)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.docx"]


def test_a_refused_temporary_file_reads_as_an_unwritable_folder(tmp_path, monkeypatch) -> None:
    def refused(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(safe_write, "open_temporary", refused)
    with pytest.raises(ExportError, match="is not writable"):
        write_atomically(tmp_path / "out.docx", _write(b"x"), force=False)
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="is not writable"):
            write_atomically(folder / "out.docx", _write(b"x"), force=False)
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o700)


def test_the_exporters_import_neither_textual_nor_docx() -> None:
    code = (
        "import sys, board_tui.exporters.minutes, board_tui.exporters.action_plan, "
        "board_tui.exporters.agenda, board_tui.cli.main;"
        " print('textual' in sys.modules, 'docx' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split() == ["False", "False"]


# -- the command line, as a clerk runs it -------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "board_tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    with Store.open(path) as store:
        build_demo(store)
    return path


def test_cli_refuses_to_overwrite_without_force(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"the clerk's edited copy")
    before = _digest(demo_db)
    result = run("export", "minutes", "1", "-o", str(target), "--db", str(demo_db))
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: {target} already exists; use --force to replace it"
    assert target.read_bytes() == b"the clerk's edited copy"
    assert _digest(demo_db) == before
    forced = run("export", "minutes", "1", "-o", str(target), "--force", "--db", str(demo_db))
    assert forced.returncode == 0, forced.stderr
    assert target.read_bytes().startswith(b"PK")


def test_cli_names_a_missing_folder(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "plan.docx"
    result = run("export", "actions", "1", "-o", str(target), "--db", str(demo_db))
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr
    assert not target.parent.exists()


def test_cli_exports_each_document(demo_db: Path, tmp_path: Path) -> None:
    minutes = run(
        "export",
        "minutes",
        "--board",
        "Transformation Advisory Board",
        "--date",
        "2023-10-17",
        "-o",
        str(tmp_path / "m.docx"),
        "--exempt-annex",
        str(tmp_path / "annex.docx"),
        "--db",
        str(demo_db),
    )
    assert minutes.returncode == 0, minutes.stderr
    assert "No exempt (Part 2) items: no annex written" in minutes.stdout
    assert not (tmp_path / "annex.docx").exists()
    plan = run(
        "export", "actions", "1", "--status", "Done", "-o", str(tmp_path / "p.docx"),
        "--db", str(demo_db),
    )  # fmt: skip
    assert plan.returncode == 0, plan.stderr
    agenda = run("export", "agenda", "2", "-o", str(tmp_path / "a.docx"), "--db", str(demo_db))
    assert agenda.returncode == 0, agenda.stderr
    assert sorted(os.listdir(tmp_path)) == ["a.docx", "demo.sqlite3", "m.docx", "p.docx"]


def test_cli_bad_meeting_and_status(demo_db: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "x.docx")
    assert (
        "not a meeting id" in run("export", "agenda", "x", "-o", out, "--db", str(demo_db)).stderr
    )
    unnamed = run("export", "minutes", "-o", out, "--db", str(demo_db))
    assert unnamed.returncode == 1 and "--board NAME --date" in unnamed.stderr
    bad = run("export", "actions", "1", "--status", "purple", "-o", out, "--db", str(demo_db))
    assert bad.returncode == 1 and "'purple' is not a status" in bad.stderr


# -- faults through the command line: the old file and the database are left exactly ---------

EXPORTS = {
    "minutes": ["export", "minutes", "1"],
    "actions": ["export", "actions", "1"],
    "agenda": ["export", "agenda", "2"],
}
OLD = b"the clerk's edited copy, which must survive"

_FULL_DISK = """
import os, sys
from board_tui.exporters import safe_write

real = safe_write.open_temporary

def on_a_full_disk(*args, **kwargs):
    # The real temporary file, with its writes sent to /dev/full: the kernel's own ENOSPC.
    fd, name = real(*args, **kwargs)
    full = os.open("/dev/full", os.O_WRONLY)
    os.dup2(full, fd)
    os.close(full)
    return fd, name

safe_write.open_temporary = on_a_full_disk
from board_tui.cli.main import main
sys.argv = ["board-tui", *sys.argv[1:]]
main()
"""


def _export(kind: str, target: Path, db: Path, *extra: str) -> list[str]:
    return [*EXPORTS[kind], "-o", str(target), *extra, "--db", str(db)]


def _old_file(tmp_path: Path, kind: str) -> tuple[Path, Path]:
    """A folder holding only an earlier export, which a failed export must leave as it is."""
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"{kind}.docx"
    target.write_bytes(OLD)
    return folder, target


def _unchanged(folder: Path, target: Path, db: Path, before: tuple[str, str]) -> None:
    assert target.read_bytes() == OLD
    assert sorted(os.listdir(folder)) == [target.name]  # no temporary file left behind
    assert db_state(db) == before


@pytest.mark.parametrize("kind", list(EXPORTS))
def test_cli_an_existing_file_without_force_is_kept(
    demo_db: Path, tmp_path: Path, kind: str
) -> None:
    folder, target = _old_file(tmp_path, kind)
    before = db_state(demo_db)
    done = run_cli(*_export(kind, target, demo_db))
    assert_one_line_error(done, f"{target} already exists; use --force to replace it")
    _unchanged(folder, target, demo_db, before)


@pytest.mark.parametrize("kind", list(EXPORTS))
def test_cli_a_full_disk_keeps_the_old_file(demo_db: Path, tmp_path: Path, kind: str) -> None:
    folder, target = _old_file(tmp_path, kind)
    before = db_state(demo_db)
    done = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, *_export(kind, target, demo_db, "--force")],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert_one_line_error(done, f"cannot write {target}: the disk is full; nothing was changed")
    _unchanged(folder, target, demo_db, before)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
@pytest.mark.parametrize("kind", list(EXPORTS))
def test_cli_a_read_only_folder_keeps_the_old_file(
    demo_db: Path, tmp_path: Path, kind: str
) -> None:
    folder, target = _old_file(tmp_path, kind)
    before = db_state(demo_db)
    folder.chmod(0o500)
    try:
        done = run_cli(*_export(kind, target, demo_db, "--force"))
    finally:
        folder.chmod(0o700)
    assert_one_line_error(done, f"cannot write {target}: the folder {folder} is not writable")
    _unchanged(folder, target, demo_db, before)


@pytest.mark.parametrize("kind", list(EXPORTS))
def test_cli_the_same_export_with_force_does_replace(
    demo_db: Path, tmp_path: Path, kind: str
) -> None:
    """What the faults above are refused: whole, it replaces the old file."""
    folder, target = _old_file(tmp_path, kind)
    done = run_cli(*_export(kind, target, demo_db, "--force"))
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"PK")
    assert sorted(os.listdir(folder)) == [target.name]
