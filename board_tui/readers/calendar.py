"""Dates as agendas write them, in English, Spanish, French and Welsh.

"Monday, 11 December 2023", "April 15-19, 2024", "Martes 14 de julio 2026", "mardi 14
juillet 2026", "Dydd Mawrth 14 Gorffennaf 2026", "2023-12-11", "11/12/2023". Numbers are
read day first, as in the UK, unless they cannot be ("4/15/2024"); a range of two numeric
dates is read the way that makes it shorter ("8/1/15 – 8/2/15" is two days of August, not
a month from 8 January). A date without a year ("April 16", a day heading) takes the year
it is given.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["WEEKDAY", "FoundDate", "find_date", "fold", "year_less_date"]

_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "enero", "ene", "janvier", "janv", "ionawr", "ion"),
    2: ("february", "feb", "febrero", "fevrier", "fevr", "fev", "chwefror", "chwef"),
    3: ("march", "mar", "marzo", "mars", "mawrth"),
    4: ("april", "apr", "abril", "abr", "avril", "avr", "ebrill"),
    5: ("may", "mayo", "mai"),
    6: ("june", "jun", "junio", "juin", "mehefin"),
    7: ("july", "jul", "julio", "juillet", "juil", "gorffennaf"),
    8: ("august", "aug", "agosto", "ago", "aout", "awst"),
    9: ("september", "sept", "sep", "septiembre", "setiembre", "sept", "septembre", "medi"),
    10: ("october", "oct", "octubre", "octobre", "hydref"),
    11: ("november", "nov", "noviembre", "novembre", "tachwedd"),
    12: ("december", "dec", "diciembre", "dic", "decembre", "rhagfyr"),
}
_MONTHS = {word: number for number, words in _MONTH_WORDS.items() for word in words}
_MONTH = "(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_WEEKDAY_WORDS = (
    "monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri"
    "|saturday|sat|sunday|sun"
    "|lunes|martes|miercoles|jueves|viernes|sabado|domingo"
    "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    "|dydd\\s+(?:llun|mawrth|mercher|iau|gwener|sadwrn|sul)"
)
WEEKDAY = rf"(?:{_WEEKDAY_WORDS})\b\.?"
_WEEKDAY = rf"(?:{WEEKDAY},?\s+(?:(?:the|le|el)\s+)?)?"
_ORDINAL = r"(?:st|nd|rd|th|er|re|eme|o|a|af|il|ydd|ed|fed|eg|ain|fed)?"
_DAY = rf"(?<![0-9])(?P<d>[0-9]{{1,2}}){_ORDINAL}"
_TO_DAY = rf"(?:\s*(?:-|–|—|to|al|au|i|a)\s*[0-9]{{1,2}}{_ORDINAL})?"
_OF = r"(?:\s+(?:of|de|del))?"
_YEAR = r"(?P<y>[0-9]{4})\b"
_NUMERIC = r"(?P<a>[0-9]{1,2})[/.\-](?P<b>[0-9]{1,2})[/.\-](?P<y>[0-9]{4}|[0-9]{2})(?![0-9])"

_PATTERNS = (
    re.compile(_WEEKDAY + _DAY + _TO_DAY + _OF + r",?\s*" + _MONTH + _OF + r",?\s+" + _YEAR),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + _TO_DAY + r",?\s+" + _YEAR),
    re.compile(r"(?<![0-9])(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})(?![0-9])"),
)
_NUMERIC_DATE = re.compile(
    rf"(?<![0-9./\-])(?:(?P<first>[0-9]{{1,2}})\s*[-–]\s*(?=[0-9]{{1,2}}[/.\-]))?{_NUMERIC}"
    rf"(?:\s*(?:-|–|—|to)\s*(?P<a2>[0-9]{{1,2}})[/.\-](?P<b2>[0-9]{{1,2}})"
    rf"[/.\-](?P<y2>[0-9]{{4}}|[0-9]{{2}})(?![0-9]))?"
)
_YEAR_LESS = (
    re.compile(_WEEKDAY + _DAY + _OF + r"\s*" + _MONTH + r"(?!\s*,?\s*[0-9])"),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r"(?![0-9])(?!\s*,?\s*[0-9]{4})"),
)


_UNDECOMPOSED = str.maketrans("đĐøØłŁ", "dDoOlL")
"""Letters that carry their mark in their shape, which Unicode does not decompose."""


def fold(text: str) -> str:
    """Lower case without accents, for matching words ("Février" → "fevrier")."""
    return _folded(text)[0]


def _folded(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters where it stands in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text.translate(_UNDECOMPOSED)):
        for part in unicodedata.normalize("NFKD", char.casefold()):
            if not unicodedata.combining(part):
                out.append(part)
                where.append(index)
    return "".join(out), where


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    start: int
    end: int
    """Where the words of the date (its whole range, if one) stand in the text."""


def _year(text: str) -> int:
    return int(text) + (2000 if len(text) == 2 else 0)


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _numeric(match: re.Match[str]) -> dt.date | None:
    """The date of a numeric match: day first unless that cannot be, or is longer."""
    year = _year(match["y"])
    a, b = int(match["a"]), int(match["b"])
    uk, us = _day(year, b, a), _day(year, a, b)
    if match["a2"] is not None:
        year2 = _year(match["y2"])
        a2, b2 = int(match["a2"]), int(match["b2"])
        uk_end, us_end = _day(year2, b2, a2), _day(year2, a2, b2)
        uk_span = (uk_end - uk).days if uk and uk_end and uk_end >= uk else None
        us_span = (us_end - us).days if us and us_end and us_end >= us else None
        if us_span is not None and (uk_span is None or us_span < uk_span):
            return us
        if uk_span is not None:
            return uk
    if match["first"] is not None and uk is not None:
        return _day(year, b, int(match["first"])) or uk  # "15-17/1-2017": from the 15th
    return uk or us


def _span(where: list[int], length: int, match: re.Match[str]) -> tuple[int, int]:
    """Where a match in the folded text stands in the original text."""
    start = where[match.start()] if match.start() < len(where) else length
    end = where[match.end() - 1] + 1 if match.end() > 0 and where else length
    return start, end


def find_date(text: str) -> FoundDate | None:
    """The earliest date written in the text, or None."""
    folded, where = _folded(text)
    best: FoundDate | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            groups = match.groupdict()
            month = _MONTHS[groups["mon"]] if groups.get("mon") else int(groups["m"])
            day = _day(int(groups["y"]), month, int(groups["d"]))
            if day is not None:
                start, end = _span(where, len(text), match)
                if best is None or start < best.start:
                    best = FoundDate(day, start, end)
                break
    for match in _NUMERIC_DATE.finditer(folded):
        day = _numeric(match)
        if day is not None:
            start, end = _span(where, len(text), match)
            if best is None or start < best.start:
                best = FoundDate(day, start, end)
            break
    return best


def year_less_date(text: str, year: int) -> FoundDate | None:
    """A day and month without a year ("April 16", "16 avril"), placed in ``year``."""
    folded, where = _folded(text)
    for pattern in _YEAR_LESS:
        match = pattern.search(folded)
        if match is not None:
            day = _day(year, _MONTHS[match["mon"]], int(match["d"]))
            if day is not None:
                return FoundDate(day, *_span(where, len(text), match))
    return None
