"""Printing plain records as a table (or as JSON, for scripts): `list` and `board list`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from board_tui.cli.support import say, say_json
from board_tui.domain.safe_text import for_terminal


def echo_records(records: Sequence[dict[str, Any]], *, as_json: bool, kind: str) -> None:
    """One line per record under an upper-case header, or the records as JSON."""
    if as_json:
        say_json(list(records))
        return
    if not records:
        say(f"No {kind}.")
        return
    columns = list(records[0])
    # Each cell on one line, its control characters out, so the columns line up.
    cells = [{c: for_terminal(str(r[c] or ""), one_line=True) for c in columns} for r in records]
    widths = {c: max(len(c), *(len(row[c]) for row in cells)) for c in columns}
    say("  ".join(c.upper().ljust(widths[c]) for c in columns).rstrip())
    for row in cells:
        say("  ".join(row[c].ljust(widths[c]) for c in columns).rstrip())
