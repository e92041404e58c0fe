"""Due dates from the time frames clerks write: "End of Nov 22", "Feb Board 23", "5/1/23", "TBC".

The words are always kept as written (the caller stores them); this only derives a date where
they allow one, so a plan can be sorted and flagged without asking clerks to change how they
write. ``parse_time_frame`` never raises, and reads only the first ``MAX_LENGTH`` characters.

The rules are ``_RULES`` below: ``describe_rule()`` returns them, and a test holds the
README's "Time frames" section to the same words.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

__all__ = ["MAX_LENGTH", "describe_rule", "parse_time_frame"]

MAX_LENGTH: Final = 200
"""Only the start of an entry is read: time frames are short, and a pasted essay stays fast."""

_RULES: Final = """\
- **Year window.** A phrase without a year ("Mid Nov", "2 Dec", "Q4") is placed in the twelve
  months that start three months before the plan's date. For a plan dated 3 November 2022
  that is August 2022 to July 2023: "Mid Nov" is 15 November 2022, "Mid February"
  15 February 2023 and "Sept" 30 September 2022. Two-digit years are 20yy.
- **Numbers are day-first**, as in the UK: "5/1/23" and "05/01/2023" are 5 January 2023, and
  "5/1" takes its year from the window. ISO "2023-01-05" works too. A day that does not
  exist ("31/2/23") gives no date.
- **Parts of a month:** "start of" or "beginning of" is the 1st, "early" the 7th, "mid" the
  15th, "late" the 25th, and "end of" or the month alone its last day ("January 2023" is
  31 January 2023). Of a year: start 1 January, early 31 March, mid 30 June, and late, end
  or the year alone 31 December.
- **Meetings:** a board, group or committee meeting named with a month ("Feb Board 23",
  "January ELG meeting", "May meeting") is the board's first meeting in that month when
  there is one, else the end of the month. "Next board" or "next meeting" is the first
  meeting after the plan's date.
- **Quarters are financial-year quarters**, as UK public bodies use them: Q1 April-June,
  Q2 July-September, Q3 October-December, Q4 January-March of the later year. "Q3 2017/18"
  is 31 December 2017 and "Q4 2022/23" 31 March 2023. A single year names the financial
  year it starts, so "Q1 2023" is 30 June 2023 and "Q4 2023" 31 March 2024; a quarter
  without a year ends in the year window. "2022/23" or "FY22/23" alone is 31 March 2023,
  and "year end" or "end of financial year" the next 31 March.
- **Ranges** ("Late Feb to Late March", "Nov 22 - Jan 23", "Nov/Dec") are due at their later
  end. Otherwise the first date named is the deadline: "End of March for April Board" is
  31 March.
- **No date** for words that give none: "TBC", "On-going", "New time frame to be developed".
"""


def describe_rule() -> str:
    """The rules as a Markdown list, so the README and the code say the same thing."""
    return _RULES


# Month names are spelt out rather than taken from `calendar`, whose names follow the locale.
_MONTH_NAMES: Final = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS: Final[dict[str, int]] = {
    **{name: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
    "febuary": 2,
}
_QUARTER_END_MONTH: Final = {1: 6, 2: 9, 3: 12, 4: 3}
_DAY_IN_MONTH: Final = {"start": 1, "beginning": 1, "early": 7, "mid": 15, "middle": 15, "late": 25}
_DAY_IN_YEAR: Final = {"start": (1, 1), "beginning": (1, 1), "early": (3, 31), "mid": (6, 30)}

# Words that make "May" a verb ("May slip"), and the only words a lower-case "may" can
# follow and still be the month ("by may", but not "this may").
_MAY_VERBS: Final = frozenset(
    {"be", "not", "need", "have", "slip", "change", "require", "move", "take", "also", "mean"}
)
_MAY_AFTER: Final = frozenset(
    {"by", "in", "until", "till", "before", "from", "to", "during", "for", "of", "and", "or"}
)

# ---------------------------------------------------------------------------------------------
# Patterns. All are ASCII and case-insensitive: the text is NFKC-normalised first, so only
# ASCII digits count as digits and month lookups never meet an unexpected case fold.

_FLAGS: Final = re.IGNORECASE | re.ASCII
_MONTH_ALT: Final = "|".join(sorted(_MONTHS, key=len, reverse=True))
_A_MONTH: Final = rf"(?:{_MONTH_ALT})(?![a-z])"
_MONTH: Final = rf"\b(?P<month>{_MONTH_ALT})\.?(?![a-z])"
_PART: Final = (
    r"(?:\b(?P<part>early|beginning|start|middle|mid|late|end)[\s-]*(?:of[\s-]+)?(?:the\s+)?)?"
)
_MEETING_WORD: Final = (
    r"(?:board|meeting|mtg|group|committee|cttee|elg|forum|panel|council|cabinet)s?(?![a-z])"
)
# A word between a month and its meeting ("Jan Engagement Leads Group"), never another
# month or a range word, so "Late Feb to March Board" stays two phrases.
_WORD: Final = rf"(?!{_A_MONTH}|(?:to|until|till|through|thru|or|and|next)(?![a-z]))[a-z'&]+"
# A two-digit number straight after a month is its year ("Nov 22") unless a month follows,
# when it is the next phrase's day ("5 Jan-10 Feb").
_NOT_A_DAY: Final = rf"(?!(?:st|nd|rd|th)\b|[-./]?{_A_MONTH}|\s+(?:of\s+)?{_A_MONTH})"


def _year_after(name: str) -> str:
    return rf"(?:(?:[\s,]*'|[\s,]+|-)?(?P<{name}>(?:19|20)\d\d|\d\d)(?!\d){_NOT_A_DAY})"


_ISO: Final = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)", _FLAGS)
_NUMERIC: Final = re.compile(
    r"(?<![\d/.])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?!\d)(?![/.]\d)",
    _FLAGS,
)
_DAY_MONTH: Final = re.compile(
    r"(?<![\d/.])(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?:the\s+)?|[-./]|(?=[a-z]))"
    + _MONTH
    + f"{_year_after('year')}?",
    _FLAGS,
)
_MONTH_DAY: Final = re.compile(
    _MONTH + r"(?:\s+|[-.])?(?:the\s+)?(?:"
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)\b{_year_after('y1')}?"
    r"|(?P<d2>\d{1,2}),?\s+(?P<y2>(?:19|20)\d\d)(?!\d)"
    r"|(?P<d3>\d)(?![\d'/:-]))",
    _FLAGS,
)
_QUARTER: Final = re.compile(
    r"\b(?:q|quarter\s*)(?P<q>[1-4])(?!\d)(?:[\s,]*(?:of\s+)?(?:fy\s*)?"
    r"(?P<y1>(?:19|20)\d\d|\d\d)(?:\s*[/-]\s*(?P<y2>(?:19|20)\d\d|\d\d))?(?!\d))?",
    _FLAGS,
)
_FY_YEARS: Final = r"(?:fy\s*)?(?P<y1>(?:19|20)\d\d|\d\d)\s*[/-]\s*(?P<y2>(?:19|20)\d\d|\d\d)(?!\d)"
_FINANCIAL_YEAR_END: Final = re.compile(
    r"\b(?:end\s+of\s+(?:the\s+)?(?:financial|fin\.?)\s+year|(?:financial\s+)?year[\s-]*end)\b"
    rf"(?:[\s,]+{_FY_YEARS})?",
    _FLAGS,
)
_FY_PLAIN: Final = (
    r"(?:\b(?P<fy>fy|f/y)\s*)?(?<![\d/.])(?P<y1>(?:19|20)\d\d|\d\d)\s*[/-]\s*"
    r"(?P<y2>(?:19|20)\d\d|\d\d)(?![\d/])"
)
_FINANCIAL_YEAR: Final = re.compile(_FY_PLAIN + r"(?P<q>)", _FLAGS)
# "2023/24 Q3" is read before a lone "Q3" can take the quarter from its year.
_FINANCIAL_YEAR_QUARTER: Final = re.compile(
    _FY_PLAIN + r"\s*(?:q|quarter\s*)(?P<q>[1-4])(?!\d)", _FLAGS
)
_DAY_SLASH_MONTH: Final = re.compile(r"(?<![\d/.])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])", _FLAGS)
_MONTH_PHRASE: Final = re.compile(
    _PART
    + _MONTH
    + rf"(?P<meeting>\s+(?:{_WORD}\s+){{0,4}}?{_MEETING_WORD})?"
    + f"{_year_after('year')}?"
    + rf"(?P<meeting_after>\s+(?:{_WORD}\s+){{0,3}}?{_MEETING_WORD})?",
    _FLAGS,
)
_YEAR: Final = re.compile(_PART + r"(?<![\d/.])\b(?P<year>(?:19|20)\d\d)(?![\d/])", _FLAGS)
_NEXT_MEETING: Final = re.compile(rf"\bnext\s+(?:{_WORD}\s+){{0,3}}?{_MEETING_WORD}", _FLAGS)
_MEETING_BEFORE: Final = re.compile(
    rf"\b{_MEETING_WORD}(?:\s+(?:in|on|of|for|held\s+in))?\s*\Z", _FLAGS
)
# What may sit between the two ends of a range: a joining word or mark, punctuation, and
# filler such as "the" ("Late Feb to the end of March").
_JOIN: Final = re.compile(
    r"[\s,;:()\[\]\"'.]*(?:to|until|till|through|thru|or|and|&|-|/)[\s,;:()\[\]\"'.]*"
    r"(?:(?:the|by|around|about|approx(?:imately)?|circa)\s+)*",
    _FLAGS,
)

# Dashes become a spaced hyphen ("Mid–Dec", "Nov 22–Jan 23"), curly quotes a plain one.
_TRANSLATION: Final = str.maketrans(
    {
        **dict.fromkeys(map(ord, "\u2012\u2013\u2014\u2015\u2212\ufe58"), " - "),
        **dict.fromkeys(map(ord, "\u2010\u2011"), "-"),
        **dict.fromkeys(map(ord, "\u2018\u2019\u201b\u2032"), "'"),
    }
)
_MASK: Final = "\x00"  # control characters are gone by the time this is used


# ---------------------------------------------------------------------------------------------
# Dates.


@dataclass(frozen=True)
class _Context:
    reference: dt.date
    meetings: tuple[dt.date, ...]


@dataclass(frozen=True)
class _Due:
    """A date the words name, or None for a date that does not exist ("31/2/23").

    ``later`` gives the same words a year on when the year came from the window, so a range
    such as "Jun to Sept" can run forward across the window's edge.
    """

    date: dt.date | None
    later: Callable[[], dt.date | None] | None = None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _month_end(year: int, month: int) -> dt.date | None:
    return _safe_date(year, month, calendar.monthrange(year, month)[1])


def _in_month(year: int, month: int, part: str) -> dt.date | None:
    day = _DAY_IN_MONTH.get(part)
    return _safe_date(year, month, day) if day else _month_end(year, month)


def _full_year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def _window_year(month: int, reference: dt.date) -> int:
    """The year that puts ``month`` in the twelve months from three months before ``reference``."""
    first = reference.year * 12 + reference.month - 1 - 3  # months since January of year 0
    return (first + (month - 1 - first) % 12) // 12


def _placed(month: int, context: _Context, at: Callable[[int], dt.date | None]) -> _Due:
    year = _window_year(month, context.reference)
    return _Due(at(year), lambda: at(year + 1))


def _dated(
    year: str | None, month: int, context: _Context, at: Callable[[int], dt.date | None]
) -> _Due:
    return _Due(at(_full_year(year))) if year else _placed(month, context, at)


def _quarter_end(first_year: int, quarter: int) -> dt.date | None:
    """The last day of a quarter of the financial year that starts in April of ``first_year``."""
    return _month_end(first_year + (quarter == 4), _QUARTER_END_MONTH[quarter])


def _plain(char: str) -> str:
    category = unicodedata.category(char)
    if category == "Cf":  # zero-width spaces, soft hyphens: invisible, so dropped
        return ""
    return " " if category.startswith("C") else char


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text[:MAX_LENGTH])[:MAX_LENGTH].translate(_TRANSLATION)
    return " ".join("".join(map(_plain, text)).split())


def _as_day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


# ---------------------------------------------------------------------------------------------
# Readers: each turns one pattern's match into a due date, or None when the match turns out
# not to be a date after all (the words then stay free for the patterns that follow).

_Reader = Callable[[re.Match[str], _Context], _Due | None]


def _read_iso(match: re.Match[str], context: _Context) -> _Due | None:
    return _Due(_safe_date(int(match["y"]), int(match["m"]), int(match["d"])))


def _read_numeric(match: re.Match[str], context: _Context) -> _Due | None:
    return _Due(_safe_date(_full_year(match["y"]), int(match["m"]), int(match["d"])))


def _read_day_month(match: re.Match[str], context: _Context) -> _Due | None:
    month, day = _MONTHS[match["month"].lower()], int(match["day"])
    return _dated(match["year"], month, context, lambda year: _safe_date(year, month, day))


def _read_month_day(match: re.Match[str], context: _Context) -> _Due | None:
    month = _MONTHS[match["month"].lower()]
    day = int(match["d1"] or match["d2"] or match["d3"])
    return _dated(
        match["y1"] or match["y2"], month, context, lambda year: _safe_date(year, month, day)
    )


def _read_quarter(match: re.Match[str], context: _Context) -> _Due | None:
    quarter = int(match["q"])
    if match["y1"]:
        return _Due(_quarter_end(_full_year(match["y1"]), quarter))
    month = _QUARTER_END_MONTH[quarter]
    return _placed(month, context, lambda year: _month_end(year, month))


def _read_financial_year_end(match: re.Match[str], context: _Context) -> _Due | None:
    if match["y1"]:
        return _Due(_quarter_end(_full_year(match["y1"]), 4))
    reference = context.reference
    return _Due(_safe_date(reference.year + (reference.month > 3), 3, 31))


def _read_financial_year(match: re.Match[str], context: _Context) -> _Due | None:
    first, second = _full_year(match["y1"]), _full_year(match["y2"])
    # "10/11" is a day and month; "22/23", "2022/23" and "FY10/11" are financial years.
    plainly_years = match["fy"] or match["q"] or len(match["y1"]) == 4 or second % 100 > 12
    if second != first + 1 or not plainly_years:
        return None
    return _Due(_quarter_end(first, int(match["q"] or 4)))


def _read_day_slash_month(match: re.Match[str], context: _Context) -> _Due | None:
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return _placed(month, context, lambda year: _safe_date(year, month, day))


def _is_the_verb_may(match: re.Match[str]) -> bool:
    before = match.string[: match.start("month")].split()
    after = match.string[match.end("month") :].split()
    if after and after[0].lower() in _MAY_VERBS:
        return True
    word = before[-1].lower() if before else ""
    return match["month"] == "may" and word.isalpha() and word not in _MAY_AFTER


def _read_month_phrase(match: re.Match[str], context: _Context) -> _Due | None:
    month = _MONTHS[match["month"].lower()]
    part = (match["part"] or "").lower()
    meeting = not part and bool(
        match["meeting"]
        or match["meeting_after"]
        or _MEETING_BEFORE.search(match.string, 0, match.start())
    )
    if month == 5 and not (part or meeting or match["year"]) and _is_the_verb_may(match):
        return None

    def at(year: int) -> dt.date | None:
        if meeting:
            held = [day for day in context.meetings if (day.year, day.month) == (year, month)]
            if held:
                return min(held)
        return _in_month(year, month, part)

    return _dated(match["year"], month, context, at)


def _read_year(match: re.Match[str], context: _Context) -> _Due | None:
    month, day = _DAY_IN_YEAR.get((match["part"] or "").lower(), (12, 31))
    return _Due(_safe_date(int(match["year"]), month, day))


def _read_next_meeting(match: re.Match[str], context: _Context) -> _Due | None:
    after = [day for day in context.meetings if day > context.reference]
    return _Due(min(after, default=None))


# Most specific first: a pattern's words are masked before the next pattern looks, so
# "Q3 2017/18" is never also read as the financial year 2017/18.
_READERS: Final[tuple[tuple[re.Pattern[str], _Reader], ...]] = (
    (_ISO, _read_iso),
    (_NUMERIC, _read_numeric),
    (_DAY_MONTH, _read_day_month),
    (_MONTH_DAY, _read_month_day),
    (_FINANCIAL_YEAR_QUARTER, _read_financial_year),
    (_QUARTER, _read_quarter),
    (_FINANCIAL_YEAR_END, _read_financial_year_end),
    (_FINANCIAL_YEAR, _read_financial_year),
    (_DAY_SLASH_MONTH, _read_day_slash_month),
    (_MONTH_PHRASE, _read_month_phrase),
    (_YEAR, _read_year),
    (_NEXT_MEETING, _read_next_meeting),
)


def _scan(text: str, context: _Context) -> list[tuple[int, int, _Due]]:
    """Every date the words name, as (start, end, due), in the order they are written."""
    found: list[tuple[int, int, _Due]] = []
    for pattern, read in _READERS:
        spans: list[tuple[int, int]] = []
        for match in pattern.finditer(text):
            due = read(match, context)
            if due is not None:
                found.append((match.start(), match.end(), due))
                spans.append(match.span())
        for start, end in spans:
            text = text[:start] + _MASK * (end - start) + text[end:]
    return sorted(found, key=lambda item: item[0])


def parse_time_frame(
    text: str, *, reference: dt.date, meetings: Sequence[dt.date] = ()
) -> dt.date | None:
    """The due date the words give, or None when they give none. Never raises.

    ``reference`` is the plan's date (it places year-less phrases, see the module docstring);
    ``meetings`` are the board's meeting days, for "Feb Board 23" and "next board".
    """
    words = _normalise(text)
    context = _Context(_as_day(reference), tuple(_as_day(day) for day in meetings))
    latest: dt.date | None = None
    previous_end: int | None = None
    # The first date named, extended along a range: "Late Feb to Late March" is due at its
    # later end, but "End of March for April Board" stops at March.
    for start, end, due in _scan(words, context):
        if previous_end is not None and not _JOIN.fullmatch(words, previous_end, start):
            break
        previous_end = end
        day = due.date
        if day and latest and due.later and (day.year, day.month) < (latest.year, latest.month):
            day = due.later()
        if day and (latest is None or day > latest):
            latest = day
    return latest
