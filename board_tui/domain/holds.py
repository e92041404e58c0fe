"""Who holds a meeting being run: one clerk captures it, any other clerk follows it read-only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from board_tui.domain.formatting import minutes_time, short_date


@dataclass(frozen=True)
class Hold:
    """One meeting's hold as the store has it: whose, since when, last renewed when."""

    meeting_id: int
    holder: str
    """A name a colleague can read and find: "mmannion on DS-LAPTOP-4"."""
    since: dt.datetime
    renewed_at: dt.datetime
    ours: bool
    """Held by this app (its store's token), not merely by the same person elsewhere."""
    lapsed: bool
    """Not renewed for longer than the lapse period: the next clerk to open it takes it."""

    def words(self, today: dt.date) -> str:
        """ "Held by mmannion on DS-LAPTOP-4 since 2.02 p.m." (and the day, when not today)."""
        day = "" if self.since.date() == today else f" on {short_date(self.since.date())}"
        return f"Held by {self.holder} since {minutes_time(self.since)}{day}"
