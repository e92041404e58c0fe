"""The live meeting's undo: each step ctrl+z can take back, newest first, and what it gives back.

Taking back a capture or an update returns the words that were typed, so the screen can
offer them again in their dialog: an undo never throws words away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Reopen = Callable[[], None]
"""Opens the dialog again with the words the undone step had."""


@dataclass(frozen=True)
class Undo:
    """One step: what it was ("the comment"), how to take it back, and how to offer its
    words again (None for a move or an edit, which have nothing new to offer)."""

    label: str
    apply: Callable[[], object]
    reopen: Reopen | None = None


@dataclass
class UndoStack:
    steps: list[Undo] = field(default_factory=list)

    def push(self, label: str, apply: Callable[[], object], reopen: Reopen | None = None) -> None:
        self.steps.append(Undo(label, apply, reopen))

    def pop(self) -> Undo | None:
        """Take back the newest step (the store first; the caller then reopens if it can)."""
        if not self.steps:
            return None
        step = self.steps.pop()
        step.apply()
        return step

    def clear(self) -> None:
        self.steps.clear()

    def __bool__(self) -> bool:
        return bool(self.steps)
