"""The people on a front sheet: the chair, members, officers in attendance and the contact.

Lists come under their labels ("Members:", "Officers in Attendance:", "Contact for further
enquiries:") as lines, "Name (Role)" / "Name, Role" / "Name – Role", or as a borderless
name | role table; "Chair: …" names the chair wherever it stands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from board_tui.readers.agenda.model import ContactRead, PersonRead
from board_tui.readers.word_package import collapse

__all__ = [
    "CONTACT",
    "MEMBERS",
    "OFFICERS",
    "chair",
    "contact",
    "label",
    "person",
    "table_people",
    "with_chairs",
]

MEMBERS, OFFICERS, CONTACT = "members", "officers", "contact"
_LABEL = re.compile(
    r"(?P<label>(?:board\s+)?members(?:hip)?(?:\s+of\s+the\s+(?:board|committee))?"
    r"|members\s+present(?:\s+in\s+person)?|miembros|membres|aelodau"
    r"|officers(?:\s+(?:in\s+attendance|attending|present(?:\s+in\s+person)?))?"
    r"|(?:also\s+)?in\s+attendance|swyddogion"
    r"|contact(?:\s+(?:for\s+further\s+(?:enquiries|information)|officer|details))?"
    r"|(?:further\s+)?enquiries(?:\s+to)?|contacto|cyswllt)"
    r"\s*(?::\s*(?P<rest>.*)|$)",
    re.I,
)
_CHAIR = re.compile(
    r"(?P<role>(?:vice[\s-]?)?chair(?:man|person|woman)?|presidente|pr[ée]sident(?:e)?"
    r"|cadeirydd|is-gadeirydd)\s*[:\-–—]\s*(?P<name>\S.*)",
    re.I,
)
_CHAIR_ROLE = re.compile(
    r"chair(?:man|person|woman)?|presidente|pr[ée]sident(?:e)?|cadeirydd", re.I
)
_NOT_A_PERSON = re.compile(r"(?:name|member|officer)s?", re.I)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?:\+44\s?(?:\(0\)\s?)?|\(?0)[0-9]{2,4}\)?[\s-]?[0-9]{3,4}[\s-]?[0-9]{3,4}(?![0-9])"
)
_CONTACT_WORDS = re.compile(
    r"^(?:tel(?:ephone)?|phone|mobile|e-?mail|web(?:site)?)\.?\s*:?\s*", re.I
)


def label(line: str) -> tuple[str, str] | None:
    """("members" | "officers" | "contact", the words after the colon) for a list's label."""
    match = _LABEL.match(line)
    if match is None:
        return None
    found = match["label"].lower()
    if found.startswith(("member", "board", "miembro", "membre", "aelod")):
        kind = MEMBERS
    elif found.startswith(("officer", "in ", "also", "swyddog")):
        kind = OFFICERS
    else:
        kind = CONTACT
    return kind, (match["rest"] or "").strip()


def chair(line: str) -> PersonRead | None:
    """ "Chair: Mayor Lutfur Rahman" gives the chair (and "Vice-Chair: …" the vice-chair)."""
    match = _CHAIR.fullmatch(line)
    if match is None:
        return None
    vice = match["role"].lower().startswith(("vice", "is-"))
    return PersonRead(collapse(match["name"]).strip(" ,;"), "Vice-Chair" if vice else "Chair")


def _role(text: str) -> str | None:
    """A role without the brackets a front sheet puts round it."""
    text = collapse(text).strip(" ,;")
    while len(text) >= 2 and text[0] in "([" and text[-1] in ")]":
        text = text[1:-1].strip(" ,;")
    return text or None


def person(line: str) -> PersonRead | None:
    """ "Name (Role)", "Name, Role", "Name – Role" or just a name."""
    line = collapse(line).strip(" ,;")
    if not line:
        return None
    match = re.fullmatch(r"(?P<name>[^(]+?)\s*\((?P<role>.+)\)", line)
    if match is None:
        match = re.fullmatch(r"(?P<name>[^,]+?)\s*,\s*(?P<role>.+)", line)
    if match is None:
        match = re.fullmatch(r"(?P<name>.+?)\s+[-–—]\s+(?P<role>.+)", line)
    if match is None:
        return PersonRead(line, None)
    return PersonRead(match["name"], _role(match["role"]))


def table_people(rows: Sequence[Sequence[str]]) -> list[PersonRead]:
    """A borderless name | (role) table, or one column of "Name (Role)" lines."""
    people: list[PersonRead] = []
    for cells in rows:
        texts = [text for text in cells if text]
        if not texts or (len(texts) <= 2 and _NOT_A_PERSON.fullmatch(texts[0])):
            continue  # an empty row, or a "Name | Role" header
        if len(cells) >= 2 and cells[0]:
            people.append(PersonRead(cells[0], _role(" ".join(cells[1:]))))
        elif (found := person(" ".join(texts))) is not None:
            people.append(found)
    return people


def _key(name: str) -> str:
    return collapse(name).casefold()


def with_chairs(chairs: Sequence[PersonRead], people: Sequence[PersonRead]) -> list[PersonRead]:
    """The chair (then any vice-chair) first, each once; a member listed as "Chair" leads too."""
    named = {_key(p.name) for p in chairs}
    rest = [p for p in people if _key(p.name) not in named]
    leading = [p for p in rest if p.role and _CHAIR_ROLE.fullmatch(p.role)] if not chairs else []
    return [*chairs, *leading, *(p for p in rest if p not in leading)]


def contact(lines: Sequence[str], mailtos: Sequence[str]) -> ContactRead | None:
    """Name and role ("Matthew Mannion, Head of Democratic Services,"), email and phone."""
    text = "\n".join(lines)
    email_match = _EMAIL.search(text)
    email = mailtos[0] if mailtos else email_match.group(0) if email_match else None
    phone_match = _PHONE.search(text)
    phone = collapse(phone_match.group(0)) if phone_match else None
    words: list[str] = []
    for line in lines:
        rest = _PHONE.sub(" ", _EMAIL.sub(" ", line))
        rest = _CONTACT_WORDS.sub("", collapse(rest)).strip(" ,;:")
        if rest and not rest.lower().startswith(("http", "www.")):
            words.append(rest)
    name = role = None
    if words:
        first, _, after = words[0].partition(",")
        name = first.strip() or None
        role = after.strip(" ,") or (words[1] if len(words) > 1 else None)
    if name is None and role is None and email is None and phone is None:
        return None
    return ContactRead(name, role, email, phone)
