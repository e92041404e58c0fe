"""What reading an action plan gives: plain values, ready to be written to the store."""

from __future__ import annotations

from dataclasses import dataclass

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import ActionLabel, LegendEntry
from board_tui.domain.statuses import Status

__all__ = ["NextStepRead", "PlanItemRead", "PlanRead", "PlanReadError", "UpdateRead"]


class PlanReadError(BoardTuiError):
    """The file is not an action plan that can be read; the message names file and problem."""


@dataclass(frozen=True)
class NextStepRead:
    """One next step of a plan item, with what the plan says of it at the same position."""

    description: str
    time_frame: str | None
    """Exactly as typed: "End of Nov 22", "Feb Board 23", "TBC"."""
    status: Status | None
    """The step's status: its row's RAG rating first, then a status its line names, then
    its row's colour (for a line of progress words), then the words."""
    status_line: str | None
    label: ActionLabel | None
    """A "NEW ACTION:" or "Revised Action:" lead-in, stripped from the description."""
    said: str | None = None
    """What the status line says beyond a status word leading it ("On track: the hall is
    booked" says "the hall is booked"); None when it is only a status, or when unknown."""


@dataclass(frozen=True)
class UpdateRead:
    """An "Update:" paragraph in the status column: news on the item, not a step's status."""

    label: str
    body: str
    """Its words; the lines of a paragraph broken by line breaks stay on their own lines."""


@dataclass(frozen=True)
class PlanItemRead:
    """One recommendation or action, with its continuation rows folded in."""

    ref: str
    """As written in a # column; rows numbered in order ("1", "2", …) where there is none."""
    recommendation: str
    lead: str | None
    status: Status | None
    fill: str | None
    """The hex shading (RRGGBB) of the item's first row that gave its status."""
    section: str | None
    next_steps: tuple[NextStepRead, ...]
    updates: tuple[UpdateRead, ...]
    rows: tuple[int, ...]
    """The 1-based rows of the table it came from (the header row is row 1), or the
    paragraphs of a list."""


@dataclass(frozen=True)
class PlanRead:
    title: str | None
    introduction: str | None
    """The paragraphs between the title and the plan table, separated by blank lines."""
    legend: tuple[LegendEntry, ...]
    items: tuple[PlanItemRead, ...]
    skipped: tuple[str, ...]
    """One line for each thing in the table that could not be placed."""
    layout: str = ""
    """Where the items were found: "table", "tables" (several joined), "list", "csv"."""
