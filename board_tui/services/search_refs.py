"""Search results keyed to the minutes: each result's minute number, an action's own ref.

When a board numbers its minutes ("TAB 23/45"), a clerk quotes an action by the ref the
minutes print ("action TAB 23/45(b)"); search says the same, worked out by the one
place the minutes, the plan export and the owners' letters use (exporters.minute_refs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from board_tui.domain.search_records import SearchHit
from board_tui.exporters.minute_refs import meeting_action_refs, minute_numbers
from board_tui.storage.store import Store

__all__ = ["with_minute_refs"]


def with_minute_refs(store: Store, hits: Sequence[SearchHit]) -> list[SearchHit]:
    """The hits, each from a numbering board's meeting given its minute's number (an
    action: its own ref). Worked out once per meeting however many hits it has."""
    numbers: dict[int, dict[int, str]] = {}
    refs: dict[int, dict[int, str]] = {}
    keyed: list[SearchHit] = []
    for hit in hits:
        ref: str | None = None
        meeting_id = hit.meeting_id
        if meeting_id is not None and hit.kind == "action":
            if meeting_id not in refs:
                refs[meeting_id] = meeting_action_refs(store, meeting_id)
            ref = refs[meeting_id].get(hit.record_id)
        elif meeting_id is not None and hit.item_id is not None:
            if meeting_id not in numbers:
                numbers[meeting_id] = minute_numbers(store, meeting_id)
            ref = numbers[meeting_id].get(hit.item_id)
        keyed.append(replace(hit, minute_ref=ref) if ref else hit)
    return keyed
