"""Due dates from the time frames clerks write: "End of Nov 22", "Feb Board 23", "5/1/23", "TBC".

The words are always kept as written; this only derives a date where they allow one.

Rules (also in the README):

- Day-first numeric dates, as in the UK: "5/1/23" is 5 January 2023. ISO "2023-01-05" too.
- A month alone means its end ("January 2023" → 31 January); "early" → the 7th,
  "mid" → the 15th, "late" → the 25th, "end of" → the last day, "start"/"beginning" → the 1st.
- A board or group meeting in a month ("Feb Board 23", "January ELG meeting", "May meeting")
  is that board's meeting in that month when there is one, else the end of the month.
- Financial-year quarters as UK public bodies use them: Q1 April–June, Q2 July–September,
  Q3 October–December, Q4 January–March. "Q3 2017/18" → 31 December 2017; a bare
  "Q3 2023" means financial year 2023/24 as well.
- A range ("Late Feb to Late March", "mid-March to end of March") is due at its later end.
- A phrase without a year takes it from the plan's context: the month is placed in the
  twelve months that start three months before the plan's date. For a plan dated
  3 November 2022, "Mid Nov" is 15 November 2022 and "Mid February" 15 February 2023.
- Anything else ("TBC", "On-going", "New time frame to be developed") has no date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence

MAX_LENGTH = 200
"""Only the start of a long entry is read: time frames are short, pasted essays are not."""

MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    _name = calendar.month_name[_number].lower()
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
MONTHS["sept"] = 9

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d|'?\d\d)"
_PART = r"(?P<part>early|beginning of|beginning|start of|start|mid|middle of|late|end of|end)"

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(?![\d/.])")
_QUARTER = re.compile(
    r"\bq(?P<q>[1-4])\s*(?:fy\s*)?(?P<y1>(?:20)?\d\d)(?:\s*/\s*(?P<y2>(?:20)?\d\d))?\b"
)
_DAY_MONTH = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:\s+" + _YEAR + r")?\b"
)
_MONTH_PHRASE = re.compile(
    r"(?:\b" + _PART + r"[\s-]*(?:of\s+)?)?\b" + _MONTH + r"\b"
    r"(?P<meeting>\s+(?:[a-z]+\s+){0,4}?(?:board|meeting|group|committee|elg))?"
    r"(?:[\s,]+" + _YEAR + r"\b)?"
    r"(?P<meeting_after>\s+(?:[a-z]+\s+){0,3}?(?:board|meeting|group|committee|elg)\b)?"
)
_MEETING_BEFORE = re.compile(r"\b(?:board|meeting|group|committee|elg)\s+$")
_RANGE = re.compile(r"\s(?:to|until|till|through|-|–|—)\s")


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'")
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


def _contextual_year(month: int, reference: dt.date) -> int:
    """Place a year-less month in the twelve months from three months before the reference."""
    start = reference.year * 12 + (reference.month - 1) - 3
    for offset in range(12):
        index = start + offset
        if index % 12 + 1 == month:
            return index // 12
    raise AssertionError("unreachable")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _in_month(year: int, month: int, part: str | None) -> dt.date:
    if part in ("early",):
        return dt.date(year, month, 7)
    if part in ("beginning", "beginning of", "start", "start of"):
        return dt.date(year, month, 1)
    if part in ("mid", "middle of"):
        return dt.date(year, month, 15)
    if part == "late":
        return dt.date(year, month, 25)
    return _month_end(year, month)


def _meeting_in(year: int, month: int, meetings: Sequence[dt.date]) -> dt.date | None:
    found = sorted(m for m in meetings if (m.year, m.month) == (year, month))
    return found[0] if found else None


def _single(text: str, reference: dt.date, meetings: Sequence[dt.date]) -> list[dt.date]:
    """Every date one side of a range names, in the order they appear."""
    found: list[tuple[int, dt.date]] = []
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= a or span[0] >= b for a, b in taken)

    for match in _ISO.finditer(text):
        day = _safe_date(int(match[1]), int(match[2]), int(match[3]))
        taken.append(match.span())
        if day:
            found.append((match.start(), day))
    for match in _NUMERIC.finditer(text):
        if not free(match.span()):
            continue
        taken.append(match.span())
        year = _year(match[3])
        day = _safe_date(year, int(match[2]), int(match[1])) if year else None
        if day:
            found.append((match.start(), day))
    for match in _QUARTER.finditer(text):
        if not free(match.span()):
            continue
        taken.append(match.span())
        first = _year(match["y1"])
        assert first is not None
        quarter = int(match["q"])
        # Q1–Q3 end in the financial year's first calendar year, Q4 in the next.
        year = first if quarter < 4 else first + 1
        month = {1: 6, 2: 9, 3: 12, 4: 3}[quarter]
        found.append((match.start(), _month_end(year, month)))
    for match in _DAY_MONTH.finditer(text):
        if not free(match.span()):
            continue
        taken.append(match.span())
        month = MONTHS[match["month"]]
        year = _year(match["year"]) or _contextual_year(month, reference)
        day = _safe_date(year, month, int(match["day"]))
        if day:
            found.append((match.start(), day))
    for match in _MONTH_PHRASE.finditer(text):
        if not free(match.span()):
            continue
        taken.append(match.span())
        month = MONTHS[match["month"]]
        year = _year(match["year"]) or _contextual_year(month, reference)
        is_meeting = bool(
            match["meeting"]
            or match["meeting_after"]
            or _MEETING_BEFORE.search(text[: match.start()])
        )
        if is_meeting and match["part"] is None:
            day = _meeting_in(year, month, meetings) or _month_end(year, month)
        else:
            day = _in_month(year, month, match["part"])
        found.append((match.start(), day))
    return [day for _position, day in sorted(found, key=lambda pair: pair[0])]


def parse_time_frame(
    text: str, *, reference: dt.date, meetings: Sequence[dt.date] = ()
) -> dt.date | None:
    """The due date the words give, or None when they give none. Never raises."""
    cleaned = " ".join(text[:MAX_LENGTH].replace("\u2013", " – ").replace("\u2014", " — ").split())
    cleaned = cleaned.lower()
    if not cleaned:
        return None
    try:
        parts = _RANGE.split(cleaned) if _RANGE.search(cleaned) else [cleaned]
        dates = [_single(part, reference, meetings) for part in parts]
    except (ValueError, OverflowError):
        return None
    first_dates = [found[0] for found in dates if found]
    if not first_dates:
        return None
    if len(parts) > 1:
        # A range is due at its later end ("Late Feb to Late March").
        return max(first_dates)
    # "End of March for April Board": the first date named is the deadline.
    return first_dates[0]
