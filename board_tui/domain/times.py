"""Times of day and durations as clerks type them: "2pm", "2.15 p.m.", "14:00-14:10", "1h 30m".

Shared by the agenda reader and the agenda editor's fields, so a time the
clerk can type is a time the importer can read, and the other way round.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

_NO_TIME = {"", "-", "--", "tbc", "tba", "tbd", "n/a", "na", "none"}
"""What a clerk types in the time column for "no time": not an error, just nothing."""
_AM_PM = re.compile(r"(?<![a-z])([ap])\s?\.?\s?m(?![a-z])\.?")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_CLOCK = re.compile(
    r"(?:(?P<hhmm>[0-9]{3,4})|(?P<h>[0-9]{1,2})(?:[:.](?P<m>[0-9]{2}))?)"
    r"\s*(?:(?P<ap>am|pm)|(?P<noon>noon|midday))?(?:\s*hrs?)?"
)
_RANGE = re.compile(r"(?P<a>.+?)\s*(?:-|\bto\b|\buntil\b|\btill\b)\s*(?P<b>.+)")
_TIME_IN_TEXT = re.compile(
    r"(?<![0-9:./])(?:(?:12\s*)?noon|midday"
    r"|[0-9]{1,2}(?:[:.][0-9]{2})?\s*[ap]\.?\s?m\b\.?"
    r"|[0-9]{1,2}[:.][0-9]{2}(?![0-9./]))",
    re.IGNORECASE,
)


class _Clock(NamedTuple):
    hour: int
    minute: int
    am_pm: str | None
    bare: bool
    """An hour alone ("2"): a time only when a range's end gives it am or pm."""


def _normalised(text: str) -> str:
    text = _DASHES.sub("-", text.lower())
    return " ".join(_AM_PM.sub(r"\1m", text).split()).strip(" .,;")


def _clock(text: str) -> _Clock | None:
    """One clock time, loosely checked: the hour fits its am/pm, minutes under 60."""
    if text in ("noon", "midday"):
        return _Clock(12, 0, "pm", bare=False)
    if text == "midnight":
        return _Clock(0, 0, None, bare=False)
    match = _CLOCK.fullmatch(text)
    if match is None:
        return None
    if match["hhmm"]:
        hour, minute = divmod(int(match["hhmm"]), 100)
        bare = False
    else:
        hour, minute = int(match["h"]), int(match["m"] or 0)
        bare = match["m"] is None
    am_pm = match["ap"]
    if match["noon"]:
        if hour != 12:
            return None
        am_pm = "pm"
    if minute > 59 or hour > (12 if am_pm else 23) or (am_pm and hour == 0):
        return None
    return _Clock(hour, minute, am_pm, bare)


def _as_time(clock: _Clock, am_pm: str | None = None) -> dt.time:
    am_pm = am_pm or clock.am_pm
    hour = clock.hour
    if am_pm == "am":
        hour = 0 if hour == 12 else hour
    elif am_pm == "pm":
        hour = 12 if hour == 12 else hour + 12
    return dt.time(hour, clock.minute)


def time_range(text: str) -> tuple[dt.time, dt.time | None] | None:
    """(start, end) of a time or a range as typed, or None when it cannot be read as one."""
    text = _normalised(text)
    single = _clock(text)
    if single is not None:
        return None if single.bare and not single.am_pm else (_as_time(single), None)
    match = _RANGE.fullmatch(text)
    if match is None:
        return None
    first, last = _clock(match["a"]), _clock(match["b"])
    if first is None or last is None or (last.bare and not last.am_pm):
        return None
    end = _as_time(last)
    if first.am_pm:
        start = _as_time(first)
    elif last.am_pm and 1 <= first.hour <= 12 and _as_time(first, last.am_pm) <= end:
        start = _as_time(first, last.am_pm)  # "2:00 - 2:15pm": the pm is shared
    elif first.bare and not last.am_pm:
        return None
    else:
        start = dt.time(first.hour, first.minute)
    return (start, end) if start <= end else None  # "14:15-14:00" is a typo, not a range


def time_in(text: str) -> tuple[dt.time | None, int]:
    """The first time written in running text, and where it ends (0 when none)."""
    for match in _TIME_IN_TEXT.finditer(text):
        found = time_range(match.group(0))
        if found is not None:
            return found[0], match.end()
    return None, 0


_DURATION = re.compile(
    r"(?:(?P<h>[0-9]{1,2}(?:\.[0-9]{1,2})?)\s*(?:hours?|hrs?|h)\.?)?\s*"
    r"(?:(?P<m>[0-9]{1,3})\s*(?P<unit>minutes?|mins?|m)?\.?)?",
    re.I,
)


def duration(text: str, *, bare_minutes: bool = False) -> int | None:
    """Minutes in "15m", "15 mins", "1h", "1h30", "1 hr 30 min", "90 minutes"; else None."""
    match = _DURATION.fullmatch(text.strip())
    if match is None or (match["h"] is None and match["m"] is None):
        return None
    if match["h"] is None and match["unit"] is None and not bare_minutes:
        return None
    minutes = int(match["m"] or 0)
    if match["h"] is not None and minutes >= 60:
        return None
    return round(float(match["h"] or 0) * 60) + minutes


def is_no_time(text: str) -> bool:
    """What a clerk types in a time column for "no time": "", "-", "TBC", "n/a"."""
    return _normalised(text) in _NO_TIME


def parse_clock(text: str) -> dt.time | None:
    """One time of day ("2pm", "14:00", "2.15 p.m."), or None when the words are not one."""
    found = time_range(text)
    return found[0] if found is not None and found[1] is None else None
