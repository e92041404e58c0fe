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


def without_controls(segments: list[Segment]) -> list[Segment]:
    """Every painted segment's text without its control characters (the same list if none)."""
    if all(s.control or for_terminal(s.text, keep_breaks=False) is s.text for s in segments):
        return segments
    return [
        s if s.control else Segment(for_terminal(s.text, keep_breaks=False), s.style)
        for s in segments
    ]


class SafeOutput(LineFilter):
    """The app's own line filters, then the control characters taken out, as one filter.

    One filter, not one more: Textual copies a painted line into a new Strip (with seven
    small caches of its own) for each filter it passes, and keeps every copy, so a second
    filter cost a sixth of the first paint and a copy of every line on screen
    (benchmarks/PROFILES.md).
    """

    def __init__(self, inner: tuple[LineFilter, ...]) -> None:
        super().__init__()
        self.inner = inner

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        for line_filter in self.inner:
            segments = line_filter.apply(segments, background)
        return without_controls(segments)


_COMBINED: dict[tuple[LineFilter, ...], SafeOutput] = {}
"""The same SafeOutput for the same filters: Textual caches filtered lines per filter
object. A theme change replaces a filter (and so makes a new one); a few are kept, for
the apps a test runs in one process."""
_KEPT = 8


def with_safe_output(filters: Sequence[LineFilter]) -> list[LineFilter]:
    """An app's line filters as one, with the control characters taken out last."""
    inner = tuple(filters)
    combined = _COMBINED.get(inner)
    if combined is None:
        if len(_COMBINED) >= _KEPT:
            del _COMBINED[next(iter(_COMBINED))]
        combined = _COMBINED[inner] = SafeOutput(inner)
    return [combined]
