"""Minute numbers: each minute of a board numbered in the board's own scheme.

Councils key everything to the minute number ("TAB 23/45"), not to the agenda's item
number, which starts again at 1 each meeting: an officer's action is "action TAB
23/45(b)", and next year's papers still find it. Two schemes, a board setting:

- RUNNING: a prefix, the municipal year (May to April, as councils' annual meetings
  make it) by its first year's last two digits, and a number that runs on across the
  year's meetings: "TAB 23/45", "TAB 23/46", … The clerk sets the number the year
  starts from (a board already at minute 44 when it starts using board-tui starts at
  45); every other year starts at 1.
- MEETING: the meeting's number in the municipal year, then the item's: "3.1", "3.2"
  for the third meeting's items (with the prefix, when there is one: "HWB 3.1").

A sub-item's minute is its item's with its own place after a dot ("TAB 23/45.1"); the
actions under a minute are lettered in the order taken: "TAB 23/45(a)", "(b)", …
A board with no scheme keeps the agenda's numbers and the actions' "A1", "A2".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "MUNICIPAL_YEAR_MONTH",
    "MinuteNumbering",
    "MinuteScheme",
    "action_letter",
    "municipal_year",
]

MUNICIPAL_YEAR_MONTH = 5
"""The municipal year begins in May, with the council's annual meeting."""


class MinuteScheme(StrEnum):
    NONE = "none"
    RUNNING = "running"
    MEETING = "meeting"


def municipal_year(day: dt.date) -> int:
    """The calendar year the municipal year holding this day began in (2023 for March 2024)."""
    return day.year if day.month >= MUNICIPAL_YEAR_MONTH else day.year - 1


def action_letter(index: int) -> str:
    """(a), (b), … (z), (aa), (ab): the n-th action under one minute, from 0."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


@dataclass(frozen=True)
class MinuteNumbering:
    """A board's scheme: what the clerk set."""

    scheme: MinuteScheme = MinuteScheme.NONE
    prefix: str = ""
    start: int = 1
    """The first minute number of the municipal year `start_year` (RUNNING only)."""
    start_year: int | None = None

    def first_number(self, year: int, earlier_minutes: int) -> int:
        """The first minute of a meeting in `year`, after the year's earlier minutes."""
        start = self.start if self.start_year is None or self.start_year == year else 1
        return start + earlier_minutes

    def numbers(
        self,
        day: dt.date,
        top_items: Sequence[int],
        sub_items: Sequence[tuple[int, int]],
        *,
        earlier_minutes: int,
        earlier_meetings: int,
    ) -> dict[int, str]:
        """Each agenda item's minute number (item id → "TAB 23/45"), none with no scheme.

        top_items: the meeting's items in agenda order; sub_items: (sub-item, its item) in
        agenda order; earlier_minutes and earlier_meetings: those of the board's meetings
        held before this one in the same municipal year.
        """
        if self.scheme is MinuteScheme.NONE:
            return {}
        prefix = " ".join(self.prefix.split())
        year = municipal_year(day)
        found: dict[int, str] = {}
        for place, item_id in enumerate(top_items):
            if self.scheme is MinuteScheme.RUNNING:
                number = f"{year % 100:02d}/{self.first_number(year, earlier_minutes) + place}"
            else:
                number = f"{earlier_meetings + 1}.{place + 1}"
            found[item_id] = f"{prefix} {number}" if prefix else number
        count: dict[int, int] = {}
        for item_id, parent_id in sub_items:
            if parent_id in found:
                count[parent_id] = count.get(parent_id, 0) + 1
                found[item_id] = f"{found[parent_id]}.{count[parent_id]}"
        return found
