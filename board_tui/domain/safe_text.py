"""Text from documents and clerks made safe where it can do harm: terminals and file names.

A terminal obeys control characters in what it prints: an agenda or CSV plan carrying
`ESC ] 52 ; c ; …` writes the clipboard, `ESC ] 0 ; …` retitles the window and
`ESC [ 2 J` clears the screen. Everything printed (the command line) or painted (the
app) that came from a document or a person passes through `for_terminal` first. The
database and the Word exports keep the words as they were (Word drops what it cannot
hold by its own rule).

A board's name becomes part of a default export file name; `file_name_part` keeps it
from naming another folder ("../../x") or a name Windows refuses.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["CONTROL_CHARACTERS", "file_name_part", "for_terminal", "json_for_terminal"]

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 controls but tab and line feed, DEL, and the C1 controls (U+0080-U+009F), which
some terminals read as ESC sequences too (U+009B is a CSI)."""

_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_JSON_UNESCAPED = re.compile(r"[\x7f-\x9f]")


def for_terminal(text: str, *, one_line: bool = False, keep_breaks: bool = True) -> str:
    """The text with every control character a terminal would obey left out.

    Tabs and line feeds stay (they move the cursor, nothing more) unless `one_line`,
    which makes every run of white space and control characters one space, or not
    `keep_breaks` (text already laid out in cells, where they would take no cell
    either). A carriage return is always left out: it would let the rest of a line
    overwrite what came before it.
    """
    if one_line:
        return " ".join(_ANY_CONTROL.sub(" ", text).split())
    pattern = CONTROL_CHARACTERS if keep_breaks else _ANY_CONTROL
    return pattern.sub("", text) if pattern.search(text) else text


def json_for_terminal(dumped: str) -> str:
    """JSON (as json.dumps writes it with ensure_ascii=False) with DEL and C1 escaped too.

    json.dumps escapes U+0000-U+001F but writes U+007F-U+009F as they are; escaped, the
    JSON reads back the same and prints safely.
    """
    return _JSON_UNESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f]')
_WINDOWS_RESERVED = re.compile(r"(?i)^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$")
FILE_NAME_PART_BYTES = 120
"""Room for the rest of the name ("minutes 2023-10-17.docx") within 255 bytes."""


def file_name_part(text: str, fallback: str, *, max_bytes: int = FILE_NAME_PART_BYTES) -> str:
    """A piece of a file name made from a title or a board's name: one name, never a path.

    Separators, characters Windows refuses, control characters and leading dots go;
    runs of spaces become one; the result is cut to `max_bytes` of UTF-8 (on a
    character boundary). A name left empty, or one Windows reserves (CON, NUL, COM1…),
    gives `fallback`.
    """
    name = unicodedata.normalize("NFC", text)
    name = _NOT_IN_FILE_NAMES.sub(" ", name)
    name = " ".join(name.split()).strip(" .")
    encoded = name.encode("utf-8")
    if len(encoded) > max_bytes:
        name = encoded[:max_bytes].decode("utf-8", errors="ignore").rstrip(" .")
    if not name or _WINDOWS_RESERVED.match(name):
        return fallback
    return name
