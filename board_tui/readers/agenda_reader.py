"""The agenda reader's public face, kept for the modules that import it by this name.

The reader itself lives in :mod:`board_tui.readers.agenda`, split at its seams (Word
tables, Word lists, the front sheet, text outlines).
"""

from __future__ import annotations

from board_tui.readers.agenda import (
    MAX_OUTLINE_BYTES,
    AgendaItemRead,
    AgendaRead,
    AgendaReadError,
    ContactRead,
    PersonRead,
    parse_time,
    read_agenda,
)

__all__ = [
    "MAX_OUTLINE_BYTES",
    "AgendaItemRead",
    "AgendaRead",
    "AgendaReadError",
    "ContactRead",
    "PersonRead",
    "parse_time",
    "read_agenda",
]
