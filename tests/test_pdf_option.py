"""`--pdf` on every export, with a stand-in LibreOffice: how it is run, what a missing or
hanging one says, and that the PDF lands like every export (test_export_pdf.py runs the real
one when it is installed)."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from board_tui.cli.main import cli
from board_tui.exporters import pdf as pdf_module
from board_tui.exporters.pdf import write_pdf
from board_tui.exporters.safe_write import ExportError
from board_tui.storage.store import Store

FAKE = """#!{python}
import pathlib, sys, time
args = sys.argv[1:]
pathlib.Path({log!r}).write_text("\\n".join(args))
if {hang}:
    time.sleep(60)
out = pathlib.Path(args[args.index("--outdir") + 1])
out.mkdir(parents=True, exist_ok=True)
source = pathlib.Path(args[-1])
(out / (source.stem + ".pdf")).write_bytes(b"%PDF-1.7 of " + source.name.encode())
"""


def _fake_soffice(folder: Path, *, hang: bool = False) -> Path:
    """A `soffice` on PATH that logs its arguments and writes a PDF into --outdir."""
    folder.mkdir(exist_ok=True)
    script = folder / "soffice"
    log = folder / "args.txt"
    script.write_text(FAKE.format(python=sys.executable, log=str(log), hang=hang))
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return log


@pytest.fixture
def board(store: Store) -> int:
    made = store.create_board("Scrutiny Panel", "Example Council")
    meeting = store.create_meeting(made.id, dt.datetime(2024, 2, 1, 18, 0))
    store.add_agenda_item(meeting.id, "Housing repairs", duration_minutes=30)
    return meeting.id


def _export(db_path: Path, *args: str):
    return CliRunner().invoke(cli, ["export", *args, "--db", str(db_path)])


@pytest.mark.skipif(os.name != "posix", reason="a shell-script stand-in for soffice")
def test_pdf_is_made_with_its_own_profile_and_renamed_into_place(
    board: int, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = _fake_soffice(tmp_path / "bin")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    out = tmp_path / "out"
    out.mkdir()
    result = _export(db_path, "agenda", str(board), "-o", str(out / "agenda.docx"), "--pdf")
    assert result.exit_code == 0, result.output
    assert f"Wrote the PDF to {out / 'agenda.pdf'}" in result.output
    assert (out / "agenda.pdf").read_bytes() == b"%PDF-1.7 of agenda.docx"
    assert sorted(p.name for p in out.iterdir()) == ["agenda.docx", "agenda.pdf"]
    args = log.read_text().splitlines()
    profile = next(a for a in args if a.startswith("-env:UserInstallation=file://"))
    assert "board-tui-pdf-" in profile  # a new temporary profile, not the clerk's own
    assert not Path(profile.removeprefix("-env:UserInstallation=file://")).exists()  # cleaned
    assert args[args.index("--convert-to") + 1] == "pdf" and "--headless" in args

    # A PDF already there is refused before the Word file is written, unless --force.
    (out / "agenda.docx").unlink()
    result = _export(db_path, "agenda", str(board), "-o", str(out / "agenda.docx"), "--pdf")
    assert result.exit_code == 1 and "agenda.pdf already exists" in result.output
    assert not (out / "agenda.docx").exists()
    more = ("-o", str(out / "agenda.docx"), "--pdf", "--force")
    assert _export(db_path, "agenda", str(board), *more).exit_code == 0


def test_no_libreoffice_is_one_line_and_the_word_file_stays(
    board: int, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(pdf_module, "KNOWN_PLACES", ())
    target = tmp_path / "agenda.docx"
    result = _export(db_path, "agenda", str(board), "-o", str(target), "--pdf")
    assert result.exit_code == 1
    last = result.output.strip().splitlines()[-1]
    assert last == (
        f"Error: cannot write {tmp_path / 'agenda.pdf'}: LibreOffice (soffice) is not"
        f" installed; the Word file {target} was written"
    )
    assert target.read_bytes().startswith(b"PK") and not (tmp_path / "agenda.pdf").exists()


@pytest.mark.skipif(os.name != "posix", reason="a shell-script stand-in for soffice")
def test_a_hanging_libreoffice_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_soffice(tmp_path / "bin", hang=True)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    word = tmp_path / "minutes.docx"
    word.write_bytes(b"PK")
    started = time.monotonic()
    with pytest.raises(ExportError, match=r"LibreOffice took over 1 s and was stopped"):
        write_pdf(word, timeout=1)
    assert time.monotonic() - started < 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "minutes.docx"]


def test_a_pdf_named_output_with_pdf_is_a_usage_error(
    board: int, db_path: Path, tmp_path: Path
) -> None:
    result = _export(db_path, "agenda", str(board), "-o", str(tmp_path / "a.pdf"), "--pdf")
    assert result.exit_code == 2 and "name it .docx" in result.output
    assert not (tmp_path / "a.pdf").exists()


def test_every_export_takes_pdf() -> None:
    from board_tui.cli.export import export_group

    for name, command in export_group.commands.items():
        assert "--pdf" in [o for p in command.params for o in p.opts], name
