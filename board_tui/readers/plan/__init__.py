"""Reading an action plan or action log: a Word document (tables or lists) or a CSV file.

Both give a :class:`PlanRead`; nothing here writes. Bad input never ends in a traceback:
it raises :class:`PlanReadError`, whose message is one line naming the file and the
problem. python-docx is imported only when a Word file is read.
"""

from __future__ import annotations

from pathlib import Path

from board_tui.readers.plan.csv import MAX_CSV_BYTES, read_action_plan_csv
from board_tui.readers.plan.model import (
    NextStepRead,
    PlanItemRead,
    PlanRead,
    PlanReadError,
    UpdateRead,
)
from board_tui.readers.word_package import (
    MAX_UNCOMPRESSED_BYTES,
    check_package,
    read_word,
    refuse_entities,
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


def read_action_plan(path: Path) -> PlanRead:
    """Read the action plan in a .docx (or a .csv); raises PlanReadError for anything else."""
    from board_tui.readers.plan.docx import read_document

    path = Path(path)
    if path.name.lower().endswith(".csv"):
        return read_action_plan_csv(path)
    check_package(path, PlanReadError)
    refuse_entities(path, PlanReadError)  # else lxml drops an entity's text without a word
    return read_word(path, PlanReadError, read_document)
