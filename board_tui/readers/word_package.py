"""Reading Word .docx packages safely: the checks and text helpers every Word reader shares.

A clerk's file is checked before python-docx unpacks anything (an old .doc, a renamed text
file, a damaged zip, a zip bomb), and python-docx's many kinds of failure end in the
caller's own one-line error. The text helpers read the XML directly, so line breaks,
hyperlinks and content controls come through as the clerk sees them in Word.

Every check takes the caller's error class, so a plan reports a PlanReadError and an
agenda an AgendaReadError with the same words; :func:`read_limited` gives the text readers
(CSV plans, agenda outlines) the same care. python-docx is imported only when a file is
opened.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from board_tui.domain.errors import BoardTuiError

__all__ = [
    "MAX_UNCOMPRESSED_BYTES",
    "P",
    "W",
    "blocks",
    "cell_entries",
    "check_exists",
    "check_package",
    "collapse",
    "joined",
    "paragraph_entries",
    "read_limited",
    "read_word",
    "refuse_entities",
    "style_name",
]

MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
"""A .docx whose parts add up to more than this is refused before it is unpacked."""

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, TBL, TR, TC, R = f"{W}p", f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}r"
T, TAB, BR, CR = f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"
TEXT_TAGS = (T, TAB, BR, CR)
TRANSPARENT = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"}
"""Wrappers whose children are read as if they stood in the parent (content controls etc.)."""
_UNSEEN = {
    f"{W}drawing",
    f"{W}pict",
    f"{W}object",
    f"{MC}AlternateContent",
    f"{W}txbxContent",
    f"{W}rPr",
    f"{W}pPr",
    f"{W}sdtPr",
    f"{W}sdtEndPr",
}
"""What a paragraph holds that is not its running text: pictures and their text boxes,
properties. A text box's words are drawn beside the text, not read as part of it."""

ErrorClass = type[BoardTuiError]
_Result = TypeVar("_Result")


# -- Text -------------------------------------------------------------------------------------


def collapse(text: str) -> str:
    """Runs of whitespace as one space: Word's spacing is layout, not content."""
    return " ".join(text.split())


def joined(entries: Sequence[str]) -> str:
    """The non-empty entries as one line, as the clerk reads a cell."""
    return " ".join(e for e in entries if e)


def _text_elements(parent: Any) -> Iterator[Any]:
    """The text, tab and break elements of a paragraph in order, leaving out pictures,
    text boxes and hidden runs."""
    for child in parent.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _UNSEEN:
            continue  # comments and processing instructions have no string tag
        if tag in TEXT_TAGS:
            yield child
        elif tag == R and _hidden(child):
            continue
        else:
            yield from _text_elements(child)


def _hidden(run: Any) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(f"{W}val") not in ("0", "false", "off")


def paragraph_entries(p: Any) -> list[str]:
    """A paragraph's text, hyperlinks included, split at line breaks and whitespace-collapsed."""
    entries: list[str] = []
    current: list[str] = []
    for el in _text_elements(p):
        if el.tag == T:
            current.append(el.text or "")
        elif el.tag == TAB:
            current.append(" ")
        elif el.tag == BR and el.get(f"{W}type") in (None, "textWrapping"):
            entries.append(collapse("".join(current)))
            current = []
        else:
            current.append(" ")
    entries.append(collapse("".join(current)))
    return entries


def blocks(parent: Any) -> Iterator[Any]:
    """The paragraphs and tables directly in ``parent``, looking through content controls."""
    for child in parent.iterchildren():
        if child.tag in (P, TBL):
            yield child
        elif child.tag in TRANSPARENT:
            yield from blocks(child)


def cell_entries(tc: Any) -> list[str]:
    """The cell's entries by position, empty ones kept (they line paragraphs up)."""
    entries: list[str] = []
    for block in blocks(tc):
        if block.tag == P:
            entries.extend(paragraph_entries(block))
    return entries


def style_name(paragraph: Any) -> str:
    """The paragraph's style name, or "" when the document's styles part is broken."""
    try:
        return str(paragraph.style.name or "")
    except (KeyError, ValueError, AttributeError):
        return ""


# -- The package ------------------------------------------------------------------------------


def check_exists(path: Path, error: ErrorClass) -> None:
    """Refuse a missing path or a folder with the caller's error, naming the file."""
    if not path.exists():
        raise error(f"{path.name}: no such file")
    if not path.is_file():
        raise error(f"{path.name}: not a file")


def read_limited(path: Path, error: ErrorClass, limit: int, kind: str) -> bytes:
    """The bytes of a text file a clerk chose (a CSV plan, an agenda outline): refused by
    size before it is read, and when it holds NUL bytes, which no text file does."""
    name = path.name
    check_exists(path, error)
    try:
        size = path.stat().st_size
        if size > limit:
            raise error(
                f"{name}: too large ({size // (1024 * 1024)} MB; "
                f"the limit is {limit // (1024 * 1024)} MB)"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise error(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if b"\0" in data:
        raise error(f"{name}: not a {kind} (it holds binary data)")
    return data


def check_package(path: Path, error: ErrorClass) -> None:
    """Refuse what is not a reasonable .docx before python-docx unpacks anything."""
    name = path.name
    check_exists(path, error)
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise error(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if magic == b"\xd0\xcf\x11\xe0":
        raise error(
            f"{name}: an old Word .doc file or a password-protected document;"
            " save it as an unprotected .docx and try again"
        )
    if magic != b"PK\x03\x04":
        raise error(f"{name}: not a Word .docx file")
    try:
        with zipfile.ZipFile(path) as package:
            total = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise error(f"{name}: damaged .docx (the zip package cannot be read)") from None
    if total > MAX_UNCOMPRESSED_BYTES:
        raise error(
            f"{name}: too large ({total // (1024 * 1024)} MB unpacked; "
            f"the limit is {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB)"
        )


_DOCTYPE_MARKS = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


def refuse_entities(path: Path, error: ErrorClass) -> None:
    """Refuse a package whose XML declares a DOCTYPE (entities), which Word never writes.

    lxml leaves such entities unexpanded, so their text would vanish without a word;
    call after :func:`check_package`, which has bounded what is read here.
    """
    name = path.name
    try:
        with zipfile.ZipFile(path) as package:
            for info in package.infolist():
                if not info.filename.lower().endswith((".xml", ".rels")):
                    continue
                data = package.read(info)
                if any(mark in data for mark in _DOCTYPE_MARKS):
                    raise error(
                        f"{name}: refused: {info.filename} declares XML entities (a DOCTYPE),"
                        " which Word never writes"
                    )
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, RuntimeError):
        raise error(f"{name}: damaged .docx (the zip package cannot be read)") from None


def read_word(path: Path, error: ErrorClass, read: Callable[[Any, str], _Result]) -> _Result:
    """Open the checked package with python-docx and ``read(document, name)`` it.

    Anything python-docx, zipfile or lxml raises on a bad file becomes one line of the
    caller's ``error``; the caller's own errors pass through unchanged.
    """
    import docx
    from docx.exceptions import PythonDocxError

    name = path.name
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx, zipfile and lxml raise many kinds on bad files
        reason = collapse(str(exc))[:80] or type(exc).__name__
        raise error(f"{name}: not a readable Word document ({reason})") from None
    try:
        return read(document, name)
    except (PythonDocxError, ValueError, KeyError, IndexError) as exc:
        reason = collapse(str(exc))[:80] or type(exc).__name__
        raise error(f"{name}: damaged Word document ({reason})") from None
