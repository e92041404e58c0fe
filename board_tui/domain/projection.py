"""When a live meeting will end, from how it has actually run so far.

One rule for the live screen and the chair's view: both say "Projected finish 4.25 p.m.,
10 min over" from the same arithmetic. The plan (agenda_order.planned_starts) is what
the agenda promised; the projection replaces the plan with what is known: items done
took what they took, the current item takes at least its planned time and at least what
it has taken so far (running over pushes the finish, finishing early pulls it), the rest
take their planned durations (less what a look ahead at one already used), items passed
over take none, and an item with a fixed start (a lunch break at 1 p.m.)
never starts earlier than its time. The minutes never use it: they keep actual times.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from board_tui.domain.agenda_order import outline
from board_tui.domain.formatting import minutes_time
from board_tui.domain.model import Meeting, MeetingStatus

if TYPE_CHECKING:
    from board_tui.domain.meeting_records import AgendaItem


@dataclass(frozen=True)
class Projection:
    """The projected finish against the planned one, and the next fixed item, if any."""

    finish: dt.datetime
    planned_finish: dt.datetime
    next_fixed: AgendaItem | None = None
    next_fixed_at: dt.datetime | None = None
    next_fixed_projected: dt.datetime | None = None
    """When the business before it is projected to let the fixed item start."""

    @property
    def minutes_over(self) -> int:
        """Whole minutes past the planned finish (negative when ahead)."""
        return round((self.finish - self.planned_finish).total_seconds() / 60)

    def words(self, now: dt.datetime, titles: dict[int, str] | None = None) -> str:
        """ "Projected finish 4.25 p.m., 10 min over · Lunch at 1.00 p.m. in 35 min"."""
        over = self.minutes_over
        lag = f"{over} min over" if over > 0 else f"{-over} min early" if over < 0 else "on time"
        text = f"Projected finish {minutes_time(self.finish)}, {lag}"
        if self.next_fixed is not None and self.next_fixed_at is not None:
            title = (titles or {}).get(self.next_fixed.id, self.next_fixed.title)
            wait = max(int((self.next_fixed_at - now).total_seconds() // 60), 0)
            text += f" · {self.next_fixed.number}. {title} at {minutes_time(self.next_fixed_at)}"
            text += f" in {wait} min" if wait > 0 else ", due now"
            late = self.next_fixed_projected
            if late is not None and late > self.next_fixed_at:
                text += f" (reached {round((late - self.next_fixed_at).total_seconds() / 60)}"
                text += " min late)"
        return text


def _children(items: Sequence[AgendaItem]) -> dict[int | None, list[AgendaItem]]:
    children: dict[int | None, list[AgendaItem]] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    for siblings in children.values():
        siblings.sort(key=lambda i: (i.position, i.id))
    return children


def _minutes(item: AgendaItem) -> dt.timedelta:
    return dt.timedelta(minutes=item.duration_minutes or 0)


def _at(day: dt.date, fixed: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, fixed)


def project(items: Sequence[AgendaItem], meeting: Meeting, now: dt.datetime) -> Projection | None:
    """The projection while the meeting is live with a timed agenda; None otherwise (before
    it starts the plan says it all, after it ends the actual times do)."""
    if meeting.status is not MeetingStatus.LIVE or meeting.actual_start is None:
        return None
    if meeting.is_correcting or not any(i.duration_minutes or i.fixed_start for i in items):
        return None
    children = _children(items)
    order = [item.id for item, _depth in outline(items)]
    current = meeting.current_item_id
    reached = order.index(current) if current in order else -1
    later = {item_id for n, item_id in enumerate(order) if n > reached}
    fixed_start: dict[int, dt.datetime] = {}

    def planned(parent_id: int | None, clock: dt.datetime) -> dt.datetime:
        for item in children.get(parent_id, []):
            if item.fixed_start is not None:
                clock = _at(clock.date(), item.fixed_start)
            own_end = clock + _minutes(item)
            clock = max(own_end, planned(item.id, clock))
        return clock

    def projected(parent_id: int | None, clock: dt.datetime) -> dt.datetime:
        for item in children.get(parent_id, []):
            if item.actual_start is not None and item.actual_end is not None and item.id in later:
                # Looked in on ahead of its turn: what it has not used of its time is still to come.
                used = item.actual_end - item.actual_start
                start = max(clock, now)
                own_end = start + max(_minutes(item) - used, dt.timedelta(0))
            elif item.actual_start is not None:
                start = item.actual_start
                if item.actual_end is not None and item.id != current:
                    own_end = item.actual_end  # done: it took what it took
                else:  # running: at least its plan, at least what it has taken so far
                    own_end = max(start + _minutes(item), now)
            elif item.id in later:
                if item.fixed_start is not None:  # a fixed time never moves earlier
                    fixed_start[item.id] = clock
                    clock = max(clock, _at(clock.date(), item.fixed_start))
                start = max(clock, now)
                own_end = start + _minutes(item)
            else:  # passed over without being taken: it takes no time
                start, own_end = clock, clock
            clock = max(clock, own_end, projected(item.id, start))
        return clock

    # The plan on the day it actually sits (a meeting run on another day than set, as the
    # demo is, is measured against its planned hours, not against a date long gone).
    planned_finish = planned(
        None, dt.datetime.combine(meeting.actual_start.date(), meeting.scheduled_start.time())
    )
    finish = projected(None, meeting.actual_start)
    by_id = {i.id: i for i in items}
    upcoming = [by_id[i] for i in order if i in later and by_id[i].fixed_start and i in fixed_start]
    next_fixed = upcoming[0] if upcoming else None
    at = (
        _at(meeting.actual_start.date(), next_fixed.fixed_start)
        if next_fixed is not None and next_fixed.fixed_start is not None
        else None
    )
    return Projection(
        finish=finish,
        planned_finish=planned_finish,
        next_fixed=next_fixed,
        next_fixed_at=at,
        next_fixed_projected=fixed_start.get(next_fixed.id) if next_fixed else None,
    )
