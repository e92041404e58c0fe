"""How search results and history entries read, on the command line and in the app alike."""

from __future__ import annotations

from board_tui.domain.exempt import CONFIDENTIAL
from board_tui.domain.formatting import short_date
from board_tui.domain.model import HistoryEntry, SearchHit, Status

KIND_WORDS = {
    "item": "agenda item",
    "comment": "comment",
    "decision": "decision",
    "narrative": "minute",
    "action": "action",
    "plan_item": "plan item",
    "update": "status update",
}


def hit_place(hit: SearchHit) -> str:
    """Where a result is: "Transformation Advisory Board · 17 Oct 2023 · 4. New TOM", and
    "CONFIDENTIAL – Part 2" after it when it is."""
    parts = [hit.board_name or ""]
    if hit.meeting_id is not None and hit.day is not None:
        parts.append(short_date(hit.day))
    if hit.item_label:
        parts.append(hit.item_label)
    elif hit.plan_title:
        ref = f"item {hit.plan_item_ref}" if hit.plan_item_ref else ""
        parts += [hit.plan_title, ref]
    if hit.part2:
        parts.append(CONFIDENTIAL)
    return " · ".join(p for p in parts if p)


def _status(status: Status | None) -> str:
    return status.label if status is not None else ""


def history_line(entry: HistoryEntry, *, brief: bool = False) -> str:
    """One entry as the command line says it; brief leaves out what the plan screen shows
    beside it (the plan's title, the step's words). Part 2 says so first."""
    line = _history_line(entry, brief=brief)
    return f"[{CONFIDENTIAL}] {line}" if entry.part2 else line


def _history_line(entry: HistoryEntry, *, brief: bool) -> str:
    where = entry.meeting_label or entry.where or ""
    if entry.event == "created":
        if entry.meeting_id:
            return f"Set at {where}"
        return "Made" if brief else f"Made in {where or 'the plan'}"
    if entry.event == "step":
        at = f" at {where}" if entry.meeting_id else ""
        added = f"step {entry.step} added{at}" if entry.step else f"added{at}"
        if brief:
            return added + (f": {entry.label}" if entry.label else "")
        label = f"{entry.label} " if entry.label else ""
        timing = f" ({entry.said})" if entry.said else ""
        return f"{added}: {label}{entry.subject}{timing}"
    step = f"step {entry.step}: " if entry.step else ""
    change = f"{_status(entry.old_status)} → {_status(entry.new_status)}".strip(" →")
    said = f" “{entry.said}”" if entry.said else ""
    label = f" {entry.label}" if entry.label else ""
    at = f" at {where}" if where else ""
    return f"{step}{change}{label}{said}{at}"
