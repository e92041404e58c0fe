"""Nothing the app paints can drive the terminal: control characters are left out of every cell.

Rich and Textual drop a few control characters (bell, backspace, carriage return)
but pass ESC and the C1 controls through, so an agenda title or a pasted comment
holding `ESC ] 52 ; c ; …` would write the clipboard of whoever is looking, retitle
their window or clear their screen, on the clerk's terminal and on the chair's shared
one alike. A line filter sees every widget's painted text after layout and before it
is written: it takes out what for_terminal takes out, and since control characters
take no cell, the layout is unchanged. Textual's own escape sequences (cursor moves,
colours, links) are control segments or styles, never text, and are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from board_tui.domain.safe_text import for_terminal


class NoControlCharacters(LineFilter):
    """Every painted segment's text without its control characters."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if all(s.control or for_terminal(s.text, keep_breaks=False) is s.text for s in segments):
            return segments
        return [
            s if s.control else Segment(for_terminal(s.text, keep_breaks=False), s.style)
            for s in segments
        ]


NO_CONTROL_CHARACTERS = NoControlCharacters()
"""One instance for every app: Textual caches filtered lines per filter."""


def with_safe_output(filters: Sequence[LineFilter]) -> list[LineFilter]:
    """An app's line filters with the control-character one last."""
    return [*filters, NO_CONTROL_CHARACTERS]
