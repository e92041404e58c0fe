"""Words typed in a dialog and not yet saved, kept so a crash loses seconds, not words
(apart from domain.model so that home is painted before these are made)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

_NOT_WORDS = frozenset({"vote"})
"""Draft fields that are not words typed (a decision's vote, kept as data)."""


class DraftKind(StrEnum):
    """Which dialog the words were typed in, so a restore reopens the same one."""

    COMMENT = "comment"
    DECISION = "decision"
    NARRATIVE = "narrative"
    EDIT = "edit"
    ACTION = "action"
    UPDATE = "update"
    DECLARATION = "declaration"

    @property
    def words(self) -> str:
        return {
            DraftKind.EDIT: "an edit",
            DraftKind.ACTION: "an action",
            DraftKind.UPDATE: "a status update",
            DraftKind.DECLARATION: "a declaration",
        }.get(self, f"a {self.value}")


@dataclass(frozen=True)
class DraftTarget:
    """What the words were for: the dialog, and the item, note, action or plan item."""

    kind: DraftKind
    agenda_item_id: int | None = None
    note_id: int | None = None
    action_id: int | None = None
    plan_item_id: int | None = None


@dataclass(frozen=True)
class Draft:
    """Text typed in an open dialog and not yet saved: kept so a crash loses seconds, not words.

    One per dialog opened: a second dialog never writes over the first one's words.
    """

    key: str
    meeting_id: int | None
    target: DraftTarget
    fields: dict[str, str]
    updated_at: dt.datetime

    @property
    def words(self) -> str:
        """The words typed, one field after another, for a list or a question."""
        return " / ".join(
            v.strip() for k, v in self.fields.items() if v.strip() and k not in _NOT_WORDS
        )
