"""Dates and times the way council papers write them, shared by screens and Word exports."""

from __future__ import annotations

import datetime as dt

from board_tui.domain.model import MeetingStatus

MEETING_STATUS_WORDS = {
    MeetingStatus.DRAFT: "Ready to run",
    MeetingStatus.LIVE: "Live",
    MeetingStatus.CLOSED: "Closed",
    MeetingStatus.APPROVED: "Minutes approved",
}


def agenda_time(value: dt.datetime | dt.time) -> str:
    """Agenda-table style: "2:00pm", "10:30am"."""
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d}{'am' if value.hour < 12 else 'pm'}"


def minutes_time(value: dt.datetime | dt.time) -> str:
    """Minutes style: "2.18 p.m." ("The meeting ended at 4.19 p.m.")."""
    hour = value.hour % 12 or 12
    return f"{hour}.{value.minute:02d} {'a.m.' if value.hour < 12 else 'p.m.'}"


def long_date(value: dt.date) -> str:
    """ "Monday, 11 December 2023"."""
    return f"{value:%A}, {value.day} {value:%B %Y}"


def short_date(value: dt.date) -> str:
    """ "11 Dec 2023"."""
    return f"{value.day} {value:%b %Y}"


def shorten(text: str, width: int) -> str:
    """One line of at most width characters, with an ellipsis when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)].rstrip() + "…"


def sentence(text: str) -> str:
    """The text with a capital first letter and every other letter as it was.

    (str.capitalize lowercases the rest: "Board 'Tower Hamlets' …" would lose its names.)
    """
    return text[:1].upper() + text[1:]
