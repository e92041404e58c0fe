"""A PDF beside a Word export, made by LibreOffice: councils publish their minutes as PDFs.

LibreOffice runs headless with a profile of its own in a new temporary folder, so it
neither waits on nor disturbs a LibreOffice the clerk has open (one profile admits one
process), and it converts into that folder; the PDF is then written beside the Word file
in the usual way (a temporary file renamed into place, never over a file without force).
A LibreOffice that hangs is stopped after a timeout, with everything it started. The PDF
is as private as its Word file: the PDF of an owner-only annex is owner-only too.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from board_tui.exporters.safe_write import ExportError, check_target, write_atomically

__all__ = ["CONVERT_TIMEOUT", "LibreOfficeMissing", "find_soffice", "pdf_path", "write_pdf"]

CONVERT_TIMEOUT = 180.0
"""Seconds: a first start of LibreOffice with a new profile takes ~10 s on a slow laptop;
a long plan a little more. Past this it is taken to hang."""
KNOWN_PLACES = (
    Path("C:/Program Files/LibreOffice/program/soffice.exe"),
    Path("C:/Program Files (x86)/LibreOffice/program/soffice.exe"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)
"""Where the installers put it when it is not on PATH (Windows and macOS never add it)."""


class LibreOfficeMissing(ExportError):
    """No LibreOffice to convert with; the Word file was written all the same."""


def find_soffice() -> str | None:
    """LibreOffice's command: on PATH (soffice, libreoffice), else where installers put it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((str(p) for p in KNOWN_PLACES if p.is_file()), None)


def pdf_path(docx: Path) -> Path:
    """The PDF beside the Word file: "minutes.docx" gives "minutes.pdf"."""
    return Path(docx).with_suffix(".pdf")


def _run(command: Sequence[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run LibreOffice in a session of its own, so a timeout stops all it started."""
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(OSError):
            if hasattr(os, "killpg"):
                os.killpg(process.pid, signal.SIGKILL)
            else:  # Windows: no process groups to signal
                process.kill()
        process.communicate()
        raise
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def write_pdf(docx: Path, *, force: bool = False, timeout: float = CONVERT_TIMEOUT) -> Path:
    """Convert a written Word file to the PDF beside it; returns the PDF's path.

    Raises LibreOfficeMissing when there is no LibreOffice, ExportError when it fails, hangs
    or the PDF cannot be written; the Word file is left as it is either way.
    """
    docx = Path(docx).expanduser()
    target = pdf_path(docx)
    check_target(target, force=force)
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeMissing(
            f"cannot write {target}: LibreOffice (soffice) is not installed;"
            f" the Word file {docx} was written"
        )
    with tempfile.TemporaryDirectory(prefix="board-tui-pdf-") as work:
        profile = Path(work) / "profile"
        out = Path(work) / "out"
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(docx.resolve()),  # absolute: a name starting "-" is never read as an option
        ]
        try:
            done = _run(command, timeout)
        except subprocess.TimeoutExpired:
            raise ExportError(
                f"cannot write {target}: LibreOffice took over {timeout:.0f} s and was stopped;"
                f" the Word file {docx} was written"
            ) from None
        except OSError as error:
            raise ExportError(
                f"cannot write {target}: LibreOffice would not start ({error.strerror or error});"
                f" the Word file {docx} was written"
            ) from None
        made = out / f"{docx.resolve().stem}.pdf"
        if not made.is_file():
            said = (done.stderr or done.stdout or "").strip().splitlines()
            why = said[-1] if said else f"exit code {done.returncode}"
            raise ExportError(
                f"cannot write {target}: LibreOffice could not convert it ({why});"
                f" the Word file {docx} was written"
            )

        def write(handle: BinaryIO) -> None:
            with made.open("rb") as source:
                shutil.copyfileobj(source, handle)

        private = os.name == "posix" and docx.stat().st_mode & 0o077 == 0
        return write_atomically(target, write, force=force, private=private)
