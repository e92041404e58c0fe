"""The one width at which every screen changes its layout, for the app and the chair's window."""

from __future__ import annotations

WIDE_FROM_COLUMNS = 110
"""Below this many columns panes stack (the .tcss files use the -narrow / -wide classes)."""

HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] = [(0, "-narrow"), (WIDE_FROM_COLUMNS, "-wide")]


def is_wide(columns: int) -> bool:
    return columns >= WIDE_FROM_COLUMNS
