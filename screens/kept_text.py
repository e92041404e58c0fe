"""A screen around one text that is kept as it is typed: the round-up, the progress report.

The words are written to the database a moment after each pause in typing (and on
leaving), so a crash or a closed laptop costs nothing; what was last kept is remembered,
so an unchanged text is never written again.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import TextArea

from board_tui.screens.dialogs.form import DRAFT_PAUSE_SECONDS


class KeptTextScreen(Screen[None]):
    """The text area with id TEXT_ID is kept through keep(), which each screen gives."""

    TEXT_ID: ClassVar[str]

    def __init__(self) -> None:
        super().__init__()
        self._timer: Timer | None = None
        self._saved = ""

    @property
    def text(self) -> str:
        return self.query_one(f"#{self.TEXT_ID}", TextArea).text

    def load_kept(self, body: str) -> None:
        """Show words just kept (a first draft, a new one): nothing to save until edited."""
        self._saved = body
        self.query_one(f"#{self.TEXT_ID}", TextArea).load_text(body)

    def mark_kept(self, body: str) -> None:
        """These words were kept by other means (attaching a report keeps it too)."""
        self._saved = body

    @property
    def unsaved(self) -> bool:
        return self.text != self._saved

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != self.TEXT_ID:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DRAFT_PAUSE_SECONDS, self.save)

    def save(self) -> None:
        """Keep the words when they changed since last kept."""
        if self.text != self._saved:
            text = self.text
            self.keep(text)
            self._saved = text

    def keep(self, text: str) -> None:
        """Write the words to the store (each screen its own way)."""
        raise NotImplementedError

    def action_back(self) -> None:
        self.save()
        self.app.pop_screen()
