"""A meeting's minute numbers and its actions' refs, read from the store for every export.

The minutes, each owner's letter and the action plan all quote an action by the same ref:
"TAB 23/45(b)" when the board numbers its minutes (domain.minute_numbers), else the
meeting's own "A1", "A2". One place works them out, so the three never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence

from board_tui.domain.agenda_order import outline
from board_tui.domain.meeting_records import AgendaItem
from board_tui.domain.minute_numbers import MinuteScheme, action_letter, municipal_year
from board_tui.domain.model import MeetingStatus
from board_tui.domain.plan_records import Action
from board_tui.storage.store import Store

__all__ = ["action_refs", "actions_in_order", "meeting_action_refs", "minute_numbers"]


def actions_in_order(items: Sequence[AgendaItem], actions: Sequence[Action]) -> list[Action]:
    """A meeting's actions in the order the minutes print them: by the agenda, then as taken."""
    order = {item.id: n for n, (item, _depth) in enumerate(outline(items))}
    return sorted(actions, key=lambda a: (order.get(a.agenda_item_id or -1, len(order)), a.id))


def action_refs(ordered: Sequence[Action], minutes: dict[int, str] | None = None) -> dict[int, str]:
    """Each action's ref: its minute's number and its letter under it ("TAB 23/45(b)") when
    the item has a minute number, else "A1", "A2", … in the minutes' order."""
    refs: dict[int, str] = {}
    under: dict[int, int] = {}
    for n, action in enumerate(ordered, start=1):
        minute = (minutes or {}).get(action.agenda_item_id or -1)
        if minute is None:
            refs[action.id] = f"A{n}"
            continue
        index = under.get(action.agenda_item_id or -1, 0)
        under[action.agenda_item_id or -1] = index + 1
        refs[action.id] = f"{minute}({action_letter(index)})"
    return refs


def minute_numbers(store: Store, meeting_id: int) -> dict[int, str]:
    """Each agenda item's minute number (item id → "TAB 23/45"); empty when the board keeps
    the agenda's numbers. The running number counts the minutes of the board's meetings
    held earlier in the same municipal year (a meeting not yet held takes no numbers from
    the next)."""
    meeting = store.meeting(meeting_id)
    numbering = store.board(meeting.board_id).minute_numbering
    if numbering.scheme is MinuteScheme.NONE:
        return {}
    day = meeting.scheduled_start.date()
    year = municipal_year(day)
    earlier = [
        m
        for m in store.meetings(meeting.board_id)
        if m.status is not MeetingStatus.DRAFT
        and municipal_year(m.scheduled_start.date()) == year
        and (m.scheduled_start, m.id) < (meeting.scheduled_start, meeting.id)
    ]
    earlier_minutes = sum(
        1 for m in earlier for item in store.agenda(m.id) if item.parent_id is None
    )
    items = [item for item, _depth in outline(store.agenda(meeting_id))]
    return numbering.numbers(
        day,
        [i.id for i in items if i.parent_id is None],
        [(i.id, i.parent_id) for i in items if i.parent_id is not None],
        earlier_minutes=earlier_minutes,
        earlier_meetings=len(earlier),
    )


def meeting_action_refs(store: Store, meeting_id: int) -> dict[int, str]:
    """The refs of the actions set at a meeting, keyed to its minute numbers (none when the
    board numbers no minutes: a plan then has no meeting-wide ref to quote)."""
    minutes = minute_numbers(store, meeting_id)
    if not minutes:
        return {}
    ordered = actions_in_order(store.agenda(meeting_id), store.actions_arising(meeting_id))
    return action_refs(ordered, minutes)
