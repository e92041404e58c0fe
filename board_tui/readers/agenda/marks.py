"""Item numbers, Part 2 (exempt) marks and section headings, as agendas write them.

An item number is kept as written ("4", "3a", "6.1"); "3a", "3(a)" and "6.1" are
sub-items of the item before when it has that main number, and "(a)" or "(i)" with no
number is a sub-item of whatever item is above. "Part 2", "exempt", "confidential" or
"restricted" (and their Spanish, French and Welsh words) in an item's title or note, or
in a heading above it, mark it exempt.
"""

from __future__ import annotations

import re

from board_tui.readers.calendar import WEEKDAY, find_date, fold, year_less_date
from board_tui.readers.word_package import collapse

__all__ = [
    "EXEMPT",
    "EXEMPT_MARK",
    "EXEMPT_PART",
    "day_heading",
    "exempt_paragraph",
    "is_letter_label",
    "number_depth",
    "section",
    "split_number",
    "strict_section",
    "strip_exempt_mark",
]

_ROMAN = r"(?:viii|vii|iii|ii|iv|ix|vi|x|v|i)"
_NUMBER = re.compile(
    r"(?:(?:agenda\s+)?item|punto|point|eitem|n[º°o]\.?)?\s*"
    r"(?P<number>[0-9]{1,3}(?:\.[0-9]{1,3})*(?:\.?[a-z]|\([a-z]\)|\(" + _ROMAN + r"\))?(?![\w(])"
    rf"|\([a-z]\)|[a-z]\)|\({_ROMAN}\)|{_ROMAN}\))"
    r"[.:)]?(?:\s+|$)(?P<title>.*)",
    re.IGNORECASE,
)
_GLUED = re.compile(r"(?P<number>[0-9]{1,3})\.(?P<title>[A-Z].*)")
"""A number typed against its title: "10.Wire up relay"."""
_LETTER_LABEL = re.compile(rf"\(?(?:[a-z]|{_ROMAN})\)?", re.IGNORECASE)
_NUMBER_PARTS = re.compile(r"[0-9]+|[a-z]+", re.IGNORECASE)

_EXEMPT_WORDS = (
    r"(?:part\s*(?:2|two|ii)|parte\s*(?:2|ii|dos)|partie\s*(?:2|ii)|rhan\s*(?:2|ii|dau)"
    r"|exempt|confidential|restricted|confidencial|reservad[oa]|confidentiel(?:le)?"
    r"|huis\s+clos|cyfrinachol|eithriedig)"
)
_PARAGRAPHS = (
    r"(?:under\s+|by\s+virtue\s+of\s+)?para(?:graph)?s?\.?\s*[1-7]"
    r"(?:\s*(?:,|and|&)\s*[1-7])*(?:\s+of\s+(?:part\s+1\s+of\s+)?schedule\s+12a)?"
)
"""The Schedule 12A paragraph an exempt mark cites: "para 3", "paragraphs 1 and 3"."""
_EXEMPT_TAIL = (
    r"(?:\s+(?:items?|reports?|information|business|appendix|appendices))?"
    rf"(?:\s*[-–—:,]?\s*{_PARAGRAPHS})?"
)
_PARAGRAPH = re.compile(r"\bpara(?:graph)?s?\.?\s*([1-7])(?![.\d])", re.I)
_SCHEDULE_12A = re.compile(r"\bschedule\s+12\s*a\b", re.I)
EXEMPT = re.compile(rf"\b{_EXEMPT_WORDS}\b", re.I)
EXEMPT_MARK = re.compile(
    rf"\s*[(\[]\s*{_EXEMPT_WORDS}{_EXEMPT_TAIL}"
    rf"(?:\s*[-–—:,/]?\s*{_EXEMPT_WORDS}{_EXEMPT_TAIL})*\s*[)\]]",
    re.I,
)
"""A bracketed marker, "(Exempt)", "[Part 2]" or "(Part 2 – exempt)", taken out of the
title it marks."""
EXEMPT_PART = re.compile(rf"[(\[]?\s*{_EXEMPT_WORDS}{_EXEMPT_TAIL}\s*[)\]]?", re.I)
"""An outline part that only marks the item: "Part 2", "(exempt)"."""
_SECTION_HEADING = re.compile(
    r"[(\[]?\s*(?:part|section|parte|secci[oó]n|partie|rhan|adran)\s+"
    r"(?:[0-9]+|[a-d]|one|two|three|four|iii|ii|iv|i|un|dau|tri)\b",
    re.I,
)
_SECOND_SECTION = re.compile(r"[(\[]?\s*(?:section|secci[oó]n|adran)\s+(?:2|two|ii|b|dau)\b", re.I)
_EXEMPT_HEADING = re.compile(rf"[(\[]?\s*(?:{_EXEMPT_WORDS}|private)\b", re.I)
_UNRESTRICTED = re.compile(r"[(\[]?\s*unrestricted\b", re.I)


def split_number(text: str) -> tuple[str, str] | None:
    """("4", "Community Engagement Strategy") from "4. Community Engagement Strategy"."""
    match = _NUMBER.match(text) or _GLUED.match(text)
    if match is None:
        return None
    number = match["number"]
    if _LETTER_LABEL.fullmatch(number):
        number = number.strip("()")
    title = match["title"].strip().lstrip("-–—:").strip()
    return number, title


def is_letter_label(number: str) -> bool:
    """ "a", "(b)", "iv": a sub-item label with no number of its own."""
    return bool(number) and _LETTER_LABEL.fullmatch(number) is not None


def number_depth(number: str, parent_number: str | None, *, has_items: bool) -> int:
    """0, or 1 for a sub-item; 2 and more for "6.1.2" (which only an outline refuses).

    ``parent_number`` is the number of the last item (depth 0) above, if any.
    """
    if not number:
        return 0
    if is_letter_label(number):
        return 1 if has_items else 0
    parts = _NUMBER_PARTS.findall(number)
    if len(parts) < 2:
        return 0
    if len(parts) > 2:
        return len(parts) - 1
    main = _NUMBER_PARTS.findall(parent_number)[:1] if parent_number is not None else []
    return 1 if main == parts[:1] else 0


def section(text: str) -> bool | None:
    """A heading row or line: True when the items after it are exempt, False when they are
    public again ("Part 1", "Unrestricted"), None when the text is not such a heading."""
    text = collapse(text)
    words = text.split()
    if not words or len(words) > 10:
        return None
    if _SECTION_HEADING.match(text):
        return bool(EXEMPT.search(text) or _SECOND_SECTION.match(text))
    if _EXEMPT_HEADING.match(text) and len(words) <= 8 and not text.endswith("."):
        return True
    if _UNRESTRICTED.match(text) and len(words) <= 4:
        return False
    return None


def strict_section(text: str) -> bool:
    """ "Part 2", "Section B – exempt items": a section heading by its words alone."""
    text = collapse(text)
    return len(text.split()) <= 8 and _SECTION_HEADING.match(text) is not None


def strip_exempt_mark(title: str) -> str:
    return collapse(EXEMPT_MARK.sub(" ", title))


def exempt_paragraph(texts: list[str]) -> int | None:
    """The Schedule 12A paragraph an exempt item's words cite ("Exempt – paragraph 3", "not
    for publication by virtue of para 3"): the first one, or None when none is given."""
    for text in texts:
        # Only where the words are about exemption: "paragraph 2.3 of the report" is not.
        if not (EXEMPT.search(text) or _SCHEDULE_12A.search(text)):
            continue
        found = _PARAGRAPH.search(text)
        if found:
            return int(found[1])
    return None


_DAY_WORD = re.compile(r"(?:day|d[ií]a|jour|journ[ée]e|diwrnod)\s*[0-9]+\b", re.I)
_WEEKDAY_ALONE = re.compile(rf"{WEEKDAY}(?:\s*[,:–-]?\s*.*)?$", re.I)


def day_heading(text: str, year: int | None = None) -> bool:
    """A day's heading in an agenda over several days: "DAY 1", "Day 2 – Tuesday",
    "April 16", "Tuesday 3 May 2022", "Lunes"."""
    text = collapse(text).strip(" :")
    words = text.split()
    if not words or len(words) > 6:
        return False
    if _DAY_WORD.match(text):
        return True
    if find_date(text) is not None:
        return True
    if year_less_date(text, year or 2000) is not None:
        return True
    return _WEEKDAY_ALONE.match(fold(text)) is not None and len(words) <= 3
