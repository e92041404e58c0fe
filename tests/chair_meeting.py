"""The December demo meeting as the chair sees it mid-meeting, for the chair's view tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from board_tui.domain.model import NoteKind
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

EXEMPT_DECISION = "It was agreed to award the contract to the preferred bidder."
AGREED_ON_ITEM_4 = "It was agreed to consult residents on the draft strategy in January."


def live_demo(store: Store, clock: Any) -> int:
    """Item 4 running, 70 minutes in (10 over), with decisions on items 3 and 4, an action
    arising, and item 5 made exempt with a decision of its own (as a Part 2 item would)."""
    meeting_id = build_demo(store).next_meeting_id
    items = store.agenda(meeting_id)
    store.update_agenda_item(items[4].id, exempt=True)
    clock.now = dt.datetime(2023, 12, 11, 14, 2)
    store.start_meeting(meeting_id)
    for item in items[1:5]:
        clock.advance(minutes=5)
        store.move_to_item(meeting_id, item.id)
        if item is items[2]:
            store.add_note(item.id, NoteKind.DECISION, "The minutes of 17 October were agreed.")
    store.add_note(items[4].id, NoteKind.DECISION, EXEMPT_DECISION)
    store.move_to_item(meeting_id, items[3].id)  # back to item 4, as the clerk would
    strategy = items[3]
    store.add_note(strategy.id, NoteKind.COMMENT, "Members asked how residents will be told.")
    store.add_note(strategy.id, NoteKind.DECISION, AGREED_ON_ITEM_4)
    store.add_action(
        "Share the consultation plan with the Board",
        agenda_item_id=strategy.id,
        owner="Afazul Hoque",
        time_frame="Jan Board 24",
    )
    clock.advance(minutes=65)
    return meeting_id
