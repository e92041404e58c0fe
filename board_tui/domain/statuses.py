"""The one status vocabulary for plan items and actions, and how clerks' words map onto it.

Boards write status three ways: the Engagement Leads Group plan colour-codes rows
(complete / update due at the next meeting / next step) and writes "Done",
"On track" or "Deadlines adjusted" in its update column; other boards use
Red/Amber/Green ratings. Seven values cover all of them without losing meaning:

========== ============ ======================================================
value      colour       clerks write
========== ============ ======================================================
next_step  blue         "Next step", "Not started", "Planned", "Pending", "To do"
on_track   green        "On track", "Green", "G", "In progress", "Ongoing"
update_due yellow       "Update due", "Update:", "Deadlines adjusted", "Revised"
at_risk    amber        "Amber", "A", "At risk", "Delayed", "Slipped"
off_track  red          "Red", "R", "Off track", "Behind", "Overdue", "Blocked"
complete   pale green   "Complete", "Completed", "Done", "Achieved", "Closed"
dropped    grey         "Dropped", "Withdrawn", "Cancelled", "No longer required"
========== ============ ======================================================

Overdue is never a status: it is derived from an action's due date and today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    """Where a plan item or action stands."""

    NEXT_STEP = "next_step"
    ON_TRACK = "on_track"
    UPDATE_DUE = "update_due"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    COMPLETE = "complete"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return STYLES[self].label

    @property
    def fill(self) -> str:
        """The Word cell shading (hex RRGGBB) clerks already use for this status."""
        return STYLES[self].fill

    @property
    def is_open(self) -> bool:
        return self not in (Status.COMPLETE, Status.DROPPED)

    @property
    def letter(self) -> str:
        return STYLES[self].letter


@dataclass(frozen=True)
class StatusStyle:
    label: str
    fill: str
    """Light shading for Word cells and table rows."""
    ink: str
    """A strong colour of the same hue, readable as text on a dark terminal."""
    letter: str
    """The key that chooses it in a status update: one per status, shown beside it."""


STYLES: dict[Status, StatusStyle] = {
    # The three fills of the Engagement Leads Group legend are kept exactly,
    # so an exported plan looks like the one the board already reads.
    Status.NEXT_STEP: StatusStyle("Next step", "CFE2F3", "#6fa8dc", "n"),
    Status.ON_TRACK: StatusStyle("On track", "B6D7A8", "#6aa84f", "o"),
    Status.UPDATE_DUE: StatusStyle("Update due", "FFE599", "#f1c232", "u"),
    Status.AT_RISK: StatusStyle("At risk", "F9CB9C", "#e69138", "a"),
    Status.OFF_TRACK: StatusStyle("Off track", "EA9999", "#e06666", "r"),
    Status.COMPLETE: StatusStyle("Complete", "D9EAD3", "#93c47d", "c"),
    Status.DROPPED: StatusStyle("Dropped", "D9D9D9", "#999999", "d"),
}

# Phrases are tried longest first, so "not on track" wins over "on track".
_WORDS: dict[str, Status] = {
    "not started": Status.NEXT_STEP,
    "next step": Status.NEXT_STEP,
    "next steps": Status.NEXT_STEP,
    "planned": Status.NEXT_STEP,
    "pending": Status.NEXT_STEP,
    "to do": Status.NEXT_STEP,
    "blue": Status.NEXT_STEP,
    "on track": Status.ON_TRACK,
    "on-track": Status.ON_TRACK,
    "green": Status.ON_TRACK,
    "g": Status.ON_TRACK,
    "in progress": Status.ON_TRACK,
    "ongoing": Status.ON_TRACK,
    "on-going": Status.ON_TRACK,
    "update due": Status.UPDATE_DUE,
    "update": Status.UPDATE_DUE,
    "deadlines adjusted": Status.UPDATE_DUE,
    "deadline adjusted": Status.UPDATE_DUE,
    "revised": Status.UPDATE_DUE,
    "yellow": Status.UPDATE_DUE,
    "amber": Status.AT_RISK,
    "a": Status.AT_RISK,
    "at risk": Status.AT_RISK,
    "delayed": Status.AT_RISK,
    "slipped": Status.AT_RISK,
    "red": Status.OFF_TRACK,
    "r": Status.OFF_TRACK,
    "off track": Status.OFF_TRACK,
    "not on track": Status.OFF_TRACK,
    "behind": Status.OFF_TRACK,
    "overdue": Status.OFF_TRACK,
    "blocked": Status.OFF_TRACK,
    "complete": Status.COMPLETE,
    "completed": Status.COMPLETE,
    "done": Status.COMPLETE,
    "achieved": Status.COMPLETE,
    "closed": Status.COMPLETE,
    "finished": Status.COMPLETE,
    "dropped": Status.DROPPED,
    "withdrawn": Status.DROPPED,
    "cancelled": Status.DROPPED,
    "canceled": Status.DROPPED,
    "no longer required": Status.DROPPED,
    "superseded": Status.DROPPED,
}
_WORD_PATTERN = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)
# Single letters only count when they are the whole entry ("R", "A/G" is not a rating).
_SINGLE_LETTERS = {"g", "a", "r"}


def status_from_words(text: str) -> Status | None:
    """The status a clerk's words name, or None when they name none.

    The earliest status word wins ("Done (End of Nov)" is complete; "Update: delayed
    to Jan" is an update due), because clerks lead with the verdict.
    """
    cleaned = text.strip().strip(".:;!").strip()
    if not cleaned:
        return None
    if cleaned.lower() in _SINGLE_LETTERS:
        return _WORDS[cleaned.lower()]
    for match in _WORD_PATTERN.finditer(cleaned):
        word = match.group(1).lower()
        if word in _SINGLE_LETTERS:
            continue
        return _WORDS[word]
    return None


def parse_status(text: str) -> Status:
    """A stored value or a clerk's word, for command lines and imports; raises ValueError."""
    try:
        return Status(text.strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        found = status_from_words(text)
        if found is None:
            raise ValueError(f"not a status: {text!r}") from None
        return found


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.strip().lstrip("#")
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", value):
        raise ValueError(hex_colour)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


# Saturated RAG fills some boards use, beside the legend fills above.
_KNOWN_FILLS: tuple[tuple[str, Status], ...] = (
    *((style.fill, status) for status, style in STYLES.items() if status is not Status.DROPPED),
    ("00B050", Status.ON_TRACK),
    ("92D050", Status.ON_TRACK),
    ("FFC000", Status.AT_RISK),
    ("FFFF00", Status.UPDATE_DUE),
    ("FF0000", Status.OFF_TRACK),
)


def status_from_fill(hex_colour: str | None) -> Status | None:
    """The status a cell shading means, by nearest known colour; None for white, grey or auto.

    Real documents use near misses of the legend colours (Word's "Light Green 2",
    a slightly different amber), so the nearest colour wins within a tolerance.
    """
    if not hex_colour or hex_colour.lower() in ("auto", "none"):
        return None
    try:
        r, g, b = _rgb(hex_colour)
    except ValueError:
        return None
    if max(r, g, b) - min(r, g, b) < 12:
        return None  # white, black and greys carry no status
    distance, status = min(
        (sum((x - y) ** 2 for x, y in zip((r, g, b), _rgb(fill), strict=True)), status)
        for fill, status in _KNOWN_FILLS
    )
    return status if distance <= 3 * 60**2 else None
