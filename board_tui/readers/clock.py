"""Times of day as documents write them, and which of them could be morning or afternoon.

The clerk's forms ("2:00pm", "14:00", "2.15 p.m.", "14:00-14:10") are read by
:mod:`board_tui.domain.times`; here come the forms of other documents: French and
Spanish "14h30" / "14 h", Welsh "2:00yh" (yr hwyr, p.m.) and "9:00yb" (y bore, a.m.),
24-hour blocks "0800-1000" and open ranges "1400--". A time such as "1:00" written
without a.m. or p.m. and without a leading zero is *ambiguous*: :func:`afternoon` reads it
as p.m. when the times before it say the meeting has passed noon.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from board_tui.domain.times import is_no_time, time_in, time_range

__all__ = ["Clock", "afternoon", "leading_time", "read_clock", "time_in_text"]

_HOURS_H = re.compile(r"(?<![0-9])([0-9]{1,2})\s*h\s*([0-5][0-9])(?![0-9])", re.I)
_HOUR_H = re.compile(r"(?<![0-9])([0-9]{1,2})\s*h(?:rs?|ours?)?(?![a-z0-9])", re.I)
_WELSH_PM = re.compile(r"(?<=[0-9])\s*y\.?\s?h\b\.?", re.I)
_WELSH_AM = re.compile(r"(?<=[0-9])\s*y\.?\s?b\b\.?", re.I)
_NOON = re.compile(r"\b(?:mediod[ií]a|midi|canol\s+dydd)\b", re.I)
_OPEN_RANGE = re.compile(r"\s*(?:-|–|—)+\s*$")
_AM_PM = re.compile(r"(?<![a-z])[ap]\.?\s?m\b\.?|noon|midday|midnight", re.I)
_AMBIGUOUS = re.compile(r"(?<![0-9])(?:[1-9]|1[01])(?:[:.][0-5][0-9])?(?![0-9])")
_ONE = r"(?:[0-9]{3,4}|[0-9]{1,2}(?:[:.h][0-9]{2})?\s*(?:[ap]\.?\s?m\b\.?|h\b)?)"
_LEADING = re.compile(
    rf"^\s*(?P<time>{_ONE}(?:\s*(?P<dash>-|–|—|to)+\s*(?:{_ONE})?)?)"
    r"\s*(?P<sep>[:|–—-]+\s*|\s+)(?P<rest>\S.*)$",
    re.I,
)


@dataclass(frozen=True)
class Clock:
    """A time or a range as written, with what it leaves open."""

    start: dt.time
    end: dt.time | None
    start_ambiguous: bool
    """Written without a.m./p.m. as a morning hour ("1:00"): it may mean 13:00."""
    end_ambiguous: bool


def _normalised(text: str) -> str:
    text = _HOURS_H.sub(r"\1:\2", text)
    text = _HOUR_H.sub(r"\1:00", text)
    text = _NOON.sub("noon", text)
    text = _WELSH_PM.sub(" pm", text)
    text = _WELSH_AM.sub(" am", text)
    return text.strip()


def _ambiguous(part: str, marked: bool) -> bool:
    return not marked and _AMBIGUOUS.fullmatch(part.strip()) is not None


@lru_cache(maxsize=4096)
def read_clock(text: str) -> Clock | None:
    """The time or range in ``text`` (the whole text), or None when it is not one."""
    if is_no_time(text):
        return None
    normal = _normalised(text)
    open_ended = _OPEN_RANGE.search(normal)
    if open_ended is not None:
        normal = normal[: open_ended.start()]  # "1400--", "0800-": a start, no end
    found = time_range(normal)
    marked = _AM_PM.search(normal) is not None
    parts = re.split(r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b)\s*", normal, maxsplit=1)
    if found is None and len(parts) == 2 and not marked:
        # "11:30 - 1:00": an afternoon end written as a morning hour.
        first, second = time_range(parts[0]), time_range(parts[1])
        if first and second and first[1] is None and second[1] is None:
            begin, finish = first[0], second[0]
            if _ambiguous(parts[1], marked) and finish.hour + 12 < 24:
                late = finish.replace(hour=finish.hour + 12)
                if late >= begin:
                    return Clock(begin, late, _ambiguous(parts[0], marked), False)
        return None
    if found is None:
        return None
    if found[1] is None:
        return Clock(found[0], None, _ambiguous(normal, marked), False)
    return Clock(found[0], found[1], _ambiguous(parts[0], marked), _ambiguous(parts[-1], marked))


def leading_time(text: str) -> tuple[Clock, str] | None:
    """A time written at the start of a line ("0900-1000: Getting started", "9.30 Welcome")
    and the words after it."""
    match = _LEADING.match(text)
    if match is None:
        return None
    clock = read_clock(match["time"])
    if clock is None:
        return None
    time_text = match["time"].strip()
    if not re.search(r"[:.h]|[ap]\.?\s?m|^[0-9]{3,4}", time_text, re.I):
        return None  # a bare number ("3 reports") is not a time
    if re.fullmatch(r"[0-9]{3,4}", time_text) and not match["sep"].strip():
        return None  # "2023 budget": a year, not 20:23 (a block reads "0900-1000" or "0900:")
    return clock, match["rest"].strip()


def _later(time: dt.time) -> dt.time | None:
    return time.replace(hour=time.hour + 12) if time.hour < 12 else None


def afternoon(clocks: Sequence[Clock | None]) -> list[Clock | None]:
    """The times in agenda order, an ambiguous one read as p.m. when it would otherwise
    go back before the time above it ("11:55", then "1:00" is 13:00).

    With no time above, an ambiguous hour from 1 to 6 is p.m.: no meeting starts at 1 a.m.
    """
    result: list[Clock | None] = []
    previous: dt.time | None = None
    for clock in clocks:
        if clock is None:
            result.append(None)
            continue
        start, end = clock.start, clock.end
        late = _later(start) if clock.start_ambiguous else None
        if late is not None and (
            (previous is not None and start < previous <= late)
            or (previous is None and 1 <= start.hour <= 6)
        ):
            start = late
            if end is not None and clock.end_ambiguous and (later_end := _later(end)):
                end = later_end
        if end is not None and end < start and clock.end_ambiguous:
            end = _later(end) or end
        result.append(replace(clock, start=start, end=end))
        previous = start
    return result


def time_in_text(text: str) -> tuple[dt.time | None, str]:
    """The first time written in running text ("… at 9:00 a.m. in …", "à 14h30") and the
    words after it."""
    normal = _normalised(text)
    found, end = time_in(normal)
    return found, normal[end:] if found is not None else text
