"""The keyboard map, in one place: the help screen shows it and a test holds the README to it.

Clerks build muscle memory on these keys, so a change here is a change to the
README in the same commit.
"""

from __future__ import annotations

from typing import NamedTuple


class Key(NamedTuple):
    keys: str
    does: str


KEYMAP: dict[str, tuple[Key, ...]] = {
    "Everywhere": (
        Key("?", "Show this help"),
        Key("ctrl+p", "Command palette: jump to any board, meeting or plan"),
        Key("escape", "Back to the previous screen"),
        Key("ctrl+q", "Quit"),
    ),
    "Home": (
        Key("up / down", "Move in the focused list"),
        Key("tab / shift+tab", "Move between boards, meetings and action plans"),
        Key("enter", "Open the highlighted meeting or action plan"),
    ),
    "Meeting": (Key("up / down", "Move through the agenda; the item's details show beside it"),),
    "Action plan": (
        Key("up / down", "Move through the plan; the item's next steps and history show below"),
    ),
}
