"""The action-plan reader's public face, kept for the modules that import it by this name.

The reader itself lives in :mod:`board_tui.readers.plan`, split at its seams (column
words, rows, Word tables, lists, CSV).
"""

from __future__ import annotations

from board_tui.readers.plan import (
    MAX_CSV_BYTES,
    MAX_UNCOMPRESSED_BYTES,
    NextStepRead,
    PlanItemRead,
    PlanRead,
    PlanReadError,
    UpdateRead,
    read_action_plan,
    read_action_plan_csv,
)

__all__ = [
    "MAX_CSV_BYTES",
    "MAX_UNCOMPRESSED_BYTES",
    "NextStepRead",
    "PlanItemRead",
    "PlanRead",
    "PlanReadError",
    "UpdateRead",
    "read_action_plan",
    "read_action_plan_csv",
]
