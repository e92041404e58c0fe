"""Dates typed in a search as clerks write them: "17 October", "October 2023", "2023-10-17".

A year later an officer remembers the meeting by its date, not by the words said at it.
`split_dates` takes the dates out of what was typed and leaves the words to search for:
a day with a year is that day; a day without a year is that day in any year ("17
October"); a month with a year is that month ("October 2023"); a month alone ("October")
is that month in any year when nothing else is typed, and a word otherwise ("the October
meeting" finds the word). Numbers are day first, as in the UK ("17/10/2023"); "Nov 22"
is not read as a date (a time frame's November 2022, or 22 November?).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20|21|22|23|24|25|26|27|28|29)\d\d)"
_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\b"),
    re.compile(rf"\b{_DAY}\s+(?P<month>{_MONTH})\.?(?:,?\s+{_YEAR})?\b", re.I),
    re.compile(rf"\b(?P<month>{_MONTH})\.?,?\s+{_YEAR}\b", re.I),
)
_LONE_MONTH = re.compile(rf"^\s*(?P<month>{_MONTH})\.?\s*$", re.I)


@dataclass(frozen=True)
class DateFilter:
    """Records dated on this day, in this month, or (without a year) on it in any year."""

    month: int
    day: int | None = None
    year: int | None = None
    words: str = ""
    """As typed, for saying what was looked for."""

    def range(self) -> tuple[dt.date, dt.date] | None:
        """First and last day, when a year was given."""
        if self.year is None:
            return None
        if self.day is not None:
            day = dt.date(self.year, self.month, self.day)
            return day, day
        first = dt.date(self.year, self.month, 1)
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)

    def pattern(self) -> str:
        """For SQLite's strftime('%m-%d') or ('%m') on a date, when no year was given."""
        return f"{self.month:02d}-{self.day:02d}" if self.day is not None else f"{self.month:02d}"


def _month(text: str) -> int | None:
    if text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    return MONTHS.get(text.lower().rstrip("."))


def _filter(match: re.Match[str]) -> DateFilter | None:
    month = _month(match.group("month"))
    parts = match.groupdict()
    day = int(parts["day"]) if parts.get("day") else None
    year = int(parts["year"]) if parts.get("year") else None
    if month is None:
        return None
    try:
        dt.date(year or 2000, month, day or 1)  # 2000: a leap year, so 29 February stands
    except ValueError:
        return None
    return DateFilter(month=month, day=day, year=year, words=match.group(0).strip())


def split_dates(text: str) -> tuple[str, DateFilter | None]:
    """(the words left to search for, the date typed), outside any "quoted phrase"."""
    pieces = re.split(r'("[^"]*"?)', text)
    for index, piece in enumerate(pieces):
        if piece.startswith('"'):
            continue
        for pattern in _PATTERNS:
            match = pattern.search(piece)
            found = _filter(match) if match else None
            if match and found:
                pieces[index] = piece[: match.start()] + " " + piece[match.end() :]
                return " ".join("".join(pieces).split()), found
    lone = _LONE_MONTH.match(text)
    if lone:
        month = _month(lone.group("month"))
        if month is not None:
            return "", DateFilter(month=month, words=lone.group(0).strip())
    return text, None
