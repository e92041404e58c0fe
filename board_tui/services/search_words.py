"""How search results and history entries read, on the command line and in the app alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from board_tui.domain.exempt import CONFIDENTIAL
from board_tui.domain.formatting import short_date
from board_tui.domain.model import Status

if TYPE_CHECKING:
    from board_tui.domain.search_records import HistoryEntry, PersonFound, SearchFacets, SearchHit

KIND_WORDS = {
    "item": "agenda item",
    "comment": "comment",
    "decision": "decision",
    "narrative": "minute",
    "action": "action arising",
    "plan_item": "plan item",
    "update": "status update",
    "declaration": "declaration of interest",
}
PLURALS = {
    "item": "agenda items",
    "comment": "comments",
    "decision": "decisions",
    "narrative": "minutes",
    "action": "actions and next steps",
    "plan_item": "plan items",
    "update": "status updates",
    "declaration": "declarations",
}


def hit_kind(hit: SearchHit) -> str:
    """What the record is, as a clerk says it: "next step 12.3", "action arising"."""
    if hit.kind == "action" and hit.minute_ref:
        return f"action {hit.minute_ref}"
    if hit.kind == "action" and hit.step_ref:
        return f"next step {hit.step_ref}"
    if hit.kind == "action" and hit.meeting_id is None:
        return "next step"
    if hit.kind == "update" and hit.step_ref:
        return f"status update on next step {hit.step_ref}"
    return KIND_WORDS.get(hit.kind, hit.kind)


def _numbered(hit: SearchHit, label: str) -> str:
    """The item with its minute's number, as the minutes head it ("TAB 23/45 – 4. …"); an
    action's own ref already says its minute."""
    if hit.minute_ref and hit.kind != "action":
        return f"{hit.minute_ref} \u2013 {label}"
    return label


def hit_source(hit: SearchHit) -> str:
    """The meeting or plan a result belongs to: results are grouped under it."""
    if hit.meeting_id is not None and hit.day is not None:
        return f"{hit.board_name or ''} · meeting of {short_date(hit.day)}"
    if hit.plan_title:
        return f"{hit.board_name or ''} · {hit.plan_title}".strip(" ·")
    return hit.board_name or ""


def hit_within(hit: SearchHit) -> str:
    """Where in its meeting or plan: the agenda item, or the plan item."""
    if hit.item_label:
        return _numbered(hit, hit.item_label)
    if hit.plan_item_ref:
        return f"item {hit.plan_item_ref}"
    return ""


def one_line(text: str | None, most: int = 160) -> str:
    words = " ".join((text or "").split())
    return words if len(words) <= most else words[: most - 1].rstrip() + "…"


def hit_context(hit: SearchHit) -> str:
    """The record in its own words, with whose it is: "Share the plan — Afazul Hoque ·
    Jan Board 24 · Next step"; "presented by Kirsty Roberts"."""
    words = one_line(hit.words)
    if hit.kind == "item":
        return f"presented by {one_line(hit.who)}" if hit.who else ""
    if hit.kind == "declaration":
        return f"{hit.who} declared: {words}"
    if hit.kind == "update":
        about = f" (about: {one_line(hit.about, 80)})" if hit.about else ""
        status = f"{hit.status.label}: " if hit.status else ""
        return f"{status}“{words}”{about}"
    parts = [words]
    if hit.who:
        parts.append(("lead " if hit.kind == "plan_item" else "owner ") + one_line(hit.who, 60))
    if hit.time_frame:
        parts.append(one_line(hit.time_frame, 40))
    if hit.status:
        parts.append(hit.status.label)
    return " · ".join(p for p in parts if p)


def snippet_adds(hit: SearchHit, matched: list[str], context: str) -> bool:
    """Whether the snippet shows matched words that the lines above it do not."""
    shown = f"{hit_within(hit)} {context}".casefold()
    return any(word.casefold() not in shown for word in matched)


def facets_line(facets: SearchFacets, shown: int) -> str:
    """ "Found 30 (showing 20) — 14 actions and next steps, 13 plan items … · in: …"."""
    if facets.more:
        return (
            f"Found more than {facets.total:,} (showing the {shown} that match best):"
            " add words, or narrow with --board, --since or --kind"
        )
    kinds = ", ".join(
        f"{n} {KIND_WORDS.get(k, k) if n == 1 else PLURALS.get(k, k)}" for k, n in facets.kinds
    )
    sources = ", ".join(f"{name} ({n})" for name, n in facets.sources[:4])
    more = f" and {len(facets.sources) - 4} more" if len(facets.sources) > 4 else ""
    showing = f" (showing {shown})" if shown < facets.total else ""
    return f"Found {facets.total}{showing}: {kinds}; in {sources}{more}"


def person_line(found: PersonFound) -> str:
    """ "Kirsty Roberts, Strategy and Policy Lead: presented 2 items, owns 1 action …"."""
    person = found.person
    name = ", ".join(p for p in (person.name, person.title) if p)

    def count(n: int, one: str, many: str) -> str:
        return f"{n} {one if n == 1 else many}"

    parts = [
        f"presented {count(found.presented, 'item', 'items')}" if found.presented else "",
        f"owns {count(found.owns, 'action', 'actions')}" if found.owns else "",
        f"leads {count(found.leads, 'plan item', 'plan items')}" if found.leads else "",
        f"declared {count(found.declared, 'interest', 'interests')}" if found.declared else "",
    ]
    said = "; ".join(p for p in parts if p) or "nothing presented, owned or declared"
    return f"{name}: {said}"


def hit_place(hit: SearchHit) -> str:
    """Where a result is: "Transformation Advisory Board · 17 Oct 2023 · 4. New TOM", and
    "CONFIDENTIAL – Part 2" after it when it is."""
    parts = [hit.board_name or ""]
    if hit.meeting_id is not None and hit.day is not None:
        parts.append(short_date(hit.day))
    if hit.item_label:
        parts.append(_numbered(hit, hit.item_label))
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
