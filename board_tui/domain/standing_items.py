"""What each standing item of a meeting is, by its title: the one place that says so.

Welcome, apologies, declarations, the previous minutes, matters arising, any other
business, the next meeting and the close come on every board's agenda under many
names ("Minutes from the previous meeting", "Matters arising and action log",
"A.O.B.", "Any other urgent business"). The store (which item approves the minutes,
which walks the matters arising), the live screen, the minutes and the round-up all
ask here, so they never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import TypeVar


class Standing(StrEnum):
    WELCOME = "welcome"
    APOLOGIES = "apologies"
    DECLARATIONS = "declarations"
    PREVIOUS_MINUTES = "previous_minutes"
    MATTERS_ARISING = "matters_arising"
    ANY_OTHER_BUSINESS = "any_other_business"
    NEXT_MEETING = "next_meeting"
    CLOSE = "close"


_PATTERNS: dict[Standing, re.Pattern[str]] = {
    Standing.WELCOME: re.compile(
        r"^(the )?(chair'?s? )?(welcome|introductions?|opening remarks|opening of the meeting)"
        r"(\s*(and|&|,|from|by|to)\b.*)?$"
        r"|\band (welcome|introductions)\b"
    ),
    Standing.APOLOGIES: re.compile(
        r"\bapolog(y|ies|ise)\b|^(roll call|attendance)( and apologies)?$"
    ),
    Standing.DECLARATIONS: re.compile(
        r"\b(declarations?|disclosures?) of (any )?(\w+ )?(\w+ )?interests?\b"
        r"|^declarations?$|\bconflicts? of interests?\b|\bdeclarations? \(if any\)"
    ),
    Standing.PREVIOUS_MINUTES: re.compile(
        r"\bminutes\b.*\b(previous|last|prior) meeting\b|\b(previous|last) (meeting'?s? )?minutes\b"
        r"|^(approval of |confirmation of |to (approve|agree|confirm) )?(the )?minutes"
        r"( of the meeting)?( held)?( on)?\s*([-–:,]\s*)?(\d.*)?"
        r"((and|&) matters arising( and action log)?)?$"
        r"|\bminutes of the meeting held\b"
    ),
    Standing.MATTERS_ARISING: re.compile(
        r"\bmatters arising\b|\baction (log|tracker|list)\b|\bactions? log\b"
        r"|\b(review of|outstanding|previous) actions\b|\bactions from (the )?(previous|last)\b"
    ),
    Standing.ANY_OTHER_BUSINESS: re.compile(
        r"\bany other (urgent )?(business|items?|matters?)\b|\ba\.?\s?o\.?\s?b\b\.?"
        r"|^(other|urgent) business\b|\bany urgent business\b"
    ),
    Standing.NEXT_MEETING: re.compile(
        r"\b(date|dates|time) (and \w+ )?of (the )?next meeting\b|^next meeting\b"
        r"|\bfuture meeting dates\b|\bdate of next\b"
    ),
    Standing.CLOSE: re.compile(
        r"(^|\band |& )(meeting )?(close|closing)( of (the )?meeting)?$|^closing remarks\b"
        r"|^close of (the )?meeting\b"
    ),
}


def standing_kinds(title: str) -> frozenset[Standing]:
    """Every standing kind the title names: "Welcome and Apologies" is both."""
    text = " ".join(title.casefold().replace("’", "'").split())
    text = re.sub(r"^[\divxlc]+[a-z]?[.):]?\s+", "", text)  # a typed number in front
    return frozenset(kind for kind, pattern in _PATTERNS.items() if pattern.search(text))


def is_standing(title: str) -> bool:
    """One of the items every meeting has, as opposed to the board's business."""
    return bool(standing_kinds(title))


def is_business(title: str) -> bool:
    """What the board met for: standing items are not, except any other business."""
    kinds = standing_kinds(title)
    return not kinds or Standing.ANY_OTHER_BUSINESS in kinds


T = TypeVar("T")


def first_of(kind: Standing, titled: Iterable[tuple[T, str]]) -> T | None:
    """The first of the (thing, title) pairs whose title is a standing item of this kind."""
    return next((thing for thing, title in titled if kind in standing_kinds(title)), None)


def matters_arising_home(titled: Sequence[tuple[T, str]]) -> T | None:
    """Where earlier meetings' open actions are walked: a "matters arising" item, else the
    item of the previous minutes (boards often take them together)."""
    return first_of(Standing.MATTERS_ARISING, titled) or first_of(Standing.PREVIOUS_MINUTES, titled)
