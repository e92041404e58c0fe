"""The demo's December 2023 meeting with status updates recorded, as a clerk records them.

The Engagement Leads Group plan (3 November 2022) comes to the Transformation Advisory
Board of 11 December 2023: items 4 and 5 are linked to plan items 4, 12 and 1. The clerk
starts the meeting, walks to those items and records updates on the plan items and their
next steps, and two new next steps; then ends the meeting. The progress report for that
meeting, from November 2022, must carry every one of these once, with its meeting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from board_tui.domain.model import Status
from board_tui.storage.store import Store

DAY = dt.date(2023, 12, 11)
SINCE = dt.date(2022, 11, 1)

SAID = (
    # (agenda item, plan item, step index or None, new status, words, time)
    ("4", "12", 0, Status.COMPLETE, "Mapping shared with the Engagement Leads Group.", (14, 40)),
    (
        "4",
        "12",
        None,
        Status.ON_TRACK,
        "Workshop format agreed; the workshops run from late February to late March.",
        (14, 44),
    ),
    (
        "4",
        "4",
        None,
        Status.ON_TRACK,
        "The report starts once the new community board member is in post.",
        (14, 50),
    ),
    ("5", "1", 1, Status.COMPLETE, "Review of other models completed.", (15, 10)),
    (
        "5",
        "1",
        3,
        Status.AT_RISK,
        "Options paper delayed: the Board asked for it in March.",
        (15, 14),
    ),
)
NEW_STEPS = (
    # (agenda item, plan item, words, time frame, time)
    ("4", "12", "Report the workshops' findings to the THT Board", "May Board 24", (14, 47)),
    (
        "5",
        "1",
        "Bring the accountability options paper to the THT Board",
        "End of March 2024",
        (15, 16),
    ),
)


@dataclass(frozen=True)
class Recorded:
    plan_id: int
    meeting_id: int
    items: dict[str, int]
    """Plan items by ref."""
    agenda: dict[str, int]
    """The December meeting's agenda items by number."""


def record_december(store: Store, clock: Any) -> Recorded:
    """On a store with the demo: the December meeting run with updates on the plan."""
    board = store.board_by_name("Transformation Advisory Board")
    meeting = store.meeting_on(board.id, DAY)
    plan = store.plans()[0]
    items = {i.ref: i.id for i in store.plan_items(plan.id)}
    agenda = {a.number: a.id for a in store.agenda(meeting.id)}

    def at(hour: int, minute: int) -> None:
        clock.now = dt.datetime.combine(DAY, dt.time(hour, minute))

    at(14, 2)
    store.start_meeting(meeting.id)
    events: list[tuple[tuple[int, int], str, Any]] = [(s[5], "update", s) for s in SAID]
    events += [(s[4], "step", s) for s in NEW_STEPS]
    current = None
    for when, kind, event in sorted(events, key=lambda e: e[0]):
        at(*when)
        if event[0] != current:
            store.move_to_item(meeting.id, agenda[event[0]])
            current = event[0]
        if kind == "step":
            _item, ref, words, time_frame, _when = event
            store.add_action(
                words,
                plan_item_id=items[ref],
                agenda_item_id=agenda[event[0]],
                owner="Jon Williams",
                time_frame=time_frame,
            )
            continue
        _item, ref, step, status, words, _when = event
        if step is None:
            store.record_status_update(
                status, words, plan_item_id=items[ref], meeting_id=meeting.id
            )
        else:
            target = store.next_steps(items[ref])[step]
            store.record_status_update(status, words, action_id=target.id, meeting_id=meeting.id)
    at(16, 5)
    store.end_meeting(meeting.id)
    return Recorded(plan.id, meeting.id, items, agenda)
