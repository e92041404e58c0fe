"""Who an action's owner field names, as the clerk wrote it.

Clerks type owners as they are said in the room: "Afazul Hoque / Sharon Godman", "THT
Chair & Engagement Manager", "Legal; Finance". Each person or role named gets their own
letter of actions, so the field is split on the marks clerks put between owners: "/", ";"
and "&". A comma is not one ("Smith, Jo" is one person), nor is the word "and", which is
as often inside a team's name ("Strategy and Improvement") as between two owners. A field
that is a person's name in the directory as a whole is never split (the exporter asks).
"""

from __future__ import annotations

import re

__all__ = ["owner_key", "owners_named"]

_SEPARATORS = re.compile(r"\s*[/;&]\s*")
_BRACKETS = "()[]{} \t.,:-"


def owners_named(owner: str | None) -> list[str]:
    """Each owner the field names, in the order written, each once (spacing made single).

    >>> owners_named("Afazul Hoque / Sharon Godman")
    ['Afazul Hoque', 'Sharon Godman']
    """
    if owner is None:
        return []
    found: list[str] = []
    seen: set[str] = set()
    for part in _SEPARATORS.split(owner):
        name = " ".join(part.split()).strip(_BRACKETS)
        if name and owner_key(name) not in seen:
            seen.add(owner_key(name))
            found.append(name)
    return found


def owner_key(name: str) -> str:
    """One owner however the clerk spaced or cased it ("sharon  godman" is Sharon Godman)."""
    return " ".join(name.split()).casefold()
