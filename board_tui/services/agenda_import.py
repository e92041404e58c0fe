"""Writing a read agenda to the store: the board, its people, the meeting and its items.

One transaction: a clerk's import lands whole or not at all, and a long agenda is
written in one pass (numbered once, not after every item). Items keep their numbers as
written ("3a" stays 3a; a lettered "a." under item 1 becomes 1a). Times written on the
agenda become durations (a range's length, else the gap to the next item) so that moving
or lengthening an item later moves the times after it; an item whose written time the
durations cannot reach (a fixed break, a late start, the next day) keeps it as a fixed
time. The day heading of an agenda over several days goes in its first item's note.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass

from board_tui.domain import agenda_order
from board_tui.domain.errors import BoardTuiError, NotFoundError
from board_tui.domain.exempt import Part2
from board_tui.domain.formatting import agenda_time, short_date
from board_tui.domain.meeting_records import AgendaItem
from board_tui.domain.model import Board, Contact, Meeting, MeetingStatus, MembershipRole
from board_tui.readers.agenda import AgendaItemRead, AgendaRead, PersonRead
from board_tui.storage.agendas import NewAgendaItem
from board_tui.storage.store import Store


class MissingWhen(BoardTuiError):
    """The agenda gives no date or no start time, and none was given: ask for them."""

    def __init__(self, source: str, *, date: bool, time: bool) -> None:
        self.date = date
        """Whether the date is missing."""
        self.time = time
        """Whether the start time is missing."""
        what = " or ".join(w for w, gone in (("meeting date", date), ("start time", time)) if gone)
        options = " ".join(
            o for o, gone in (("--date YYYY-MM-DD", date), ("--time HH:MM", time)) if gone
        )
        super().__init__(
            f"{source}: no {what} found; give {'them' if date and time else 'it'} with {options}"
        )


@dataclass(frozen=True)
class AgendaImportSummary:
    board: Board
    board_created: bool
    meeting_id: int
    meeting_created: bool
    scheduled_start: dt.datetime
    venue: str | None
    items: int
    sub_items: int
    people_added: int
    members_added: int

    def lines(self) -> list[str]:
        """What the command line prints and the TUI notifies."""
        verb = "New meeting" if self.meeting_created else "Meeting"
        return [
            f"{verb} {self.meeting_id}: {self.board.name}, "
            f"{self.scheduled_start:%A} {short_date(self.scheduled_start.date())} "
            f"at {self.scheduled_start:%H:%M}" + (f", {self.venue}" if self.venue else ""),
            f"  {self.items} items"
            + (f" and {self.sub_items} sub-items" if self.sub_items else "")
            + f"; {self.members_added} people added to the board"
            + (f" ({self.people_added} new to the directory)" if self.people_added else ""),
        ]


def _minutes(start: dt.time, end: dt.time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def _durations(items: Sequence[AgendaItemRead]) -> list[int | None]:
    """Each item's planned minutes: as written, from a range, or up to the next time written
    (on the same day)."""
    result: list[int | None] = []
    for index, item in enumerate(items):
        has_children = index + 1 < len(items) and items[index + 1].depth > item.depth
        if item.duration_minutes is not None:
            result.append(item.duration_minutes)
        elif item.start is not None and item.end is not None:
            result.append(max(_minutes(item.start, item.end), 0))
        elif item.start is None or has_children:
            result.append(None)
        else:
            later = None
            for following in items[index + 1 :]:
                if following.day is not None:
                    break  # the next day's first time is no end for this one
                if following.start is not None:
                    later = following.start
                    break
            gap = _minutes(item.start, later) if later is not None else None
            result.append(gap if gap is not None and gap > 0 else None)
    return result


def numbers(items: Sequence[AgendaItemRead]) -> list[str]:
    """Each item's number as it will be kept: as written, a sub-item's letter or number
    joined to its item's ("a" under 1 is "1a", "2" under 3 is "3.2"), and the order's
    number where none was written."""
    result: list[str] = []
    parent = ""
    previous_top: int | None = None
    siblings: list[str] = []
    for item in items:
        if item.depth == 0:
            number = item.number or (str(previous_top + 1) if previous_top is not None else "")
            number = number or str(sum(1 for i in items[: len(result)] if i.depth == 0) + 1)
            previous_top = int(number) if number.isdigit() else previous_top
            parent, siblings = number, []
            result.append(number)
            continue
        written = item.number
        if written and not written.startswith(parent):
            if re.fullmatch(r"\(?[a-z]\)?", written, re.I):
                written = f"{parent}{written.strip('()')}"
            elif re.fullmatch(r"\(?[ivx]+\)?", written, re.I):
                written = f"{parent}({written.strip('()')})"
            elif written.isdigit():
                written = f"{parent}.{written}"
        style = agenda_order.sub_style(parent, siblings)
        number = written or agenda_order.sub_number(parent, len(siblings) + 1, style)
        siblings.append(number)
        result.append(number)
    return result


def timings(
    items: Sequence[AgendaItemRead], meeting_start: dt.datetime
) -> list[tuple[int | None, dt.time | None]]:
    """(duration, fixed start) for each item, so planned times equal the times written.

    One pass in agenda order, keeping the clock as :func:`agenda_order.planned_starts`
    does (sub-items run from their item's start; the next item starts when the longer of
    the two ends): an item whose written time the clock does not reach keeps it as fixed.
    """
    durations = _durations(items)
    fixed: list[dt.time | None] = [None] * len(items)
    clock = meeting_start
    own_end = children_end = child_clock = meeting_start
    first = True
    for index, item in enumerate(items):
        minutes = dt.timedelta(minutes=durations[index] or 0)
        if item.depth == 0:
            if not first:
                clock = max(own_end, children_end)
            first = False
            if item.start is not None and clock.time() != item.start:
                fixed[index] = item.start
                clock = dt.datetime.combine(clock.date(), item.start)
            own_end, children_end, child_clock = clock + minutes, clock, clock
        else:
            if item.start is not None and child_clock.time() != item.start:
                fixed[index] = item.start
                child_clock = dt.datetime.combine(child_clock.date(), item.start)
            child_clock = child_clock + minutes
            children_end = max(children_end, child_clock)
    return list(zip(durations, fixed, strict=True))


def _sketch(
    items: Sequence[AgendaItemRead],
    durations: Sequence[int | None],
    fixed: Sequence[dt.time | None],
) -> list[AgendaItem]:
    """Stand-in agenda items (ids are indexes) for the planned-time arithmetic."""
    sketch: list[AgendaItem] = []
    parent: int | None = None
    for index, item in enumerate(items):
        if item.depth == 0:
            parent = None
        sketch.append(
            AgendaItem(
                id=index,
                meeting_id=0,
                parent_id=parent if item.depth else None,
                position=index,
                number="",
                title=item.title,
                presenter=None,
                fixed_start=fixed[index],
                duration_minutes=durations[index],
                papers=None,
                exempt=item.exempt,
                chair_note=None,
                comments_lead_in=None,
                actual_start=None,
                actual_end=None,
            )
        )
        if item.depth == 0:
            parent = index
    return sketch


def preview_lines(read: AgendaRead, scheduled: dt.datetime) -> list[str]:
    """The items as they will stand: number, planned time, title, presenter and marks."""
    plan = timings(read.items, scheduled)
    sketch = _sketch(read.items, [d for d, _ in plan], [f for _, f in plan])
    starts = agenda_order.planned_starts(sketch, scheduled)
    kept = numbers(read.items)
    part2 = Part2.of(sketch)  # a sub-item of a Part 2 item is Part 2, as it will be once written
    lines = []
    for index, item in enumerate(read.items):
        parts = [item.title]
        if item.presenter:
            parts.append(item.presenter)
        if item.papers:
            parts.append(item.papers)
        grounds = f" \u00b7 para {item.exempt_paragraph}" if item.exempt_paragraph else ""
        marks = (f" [Part 2{grounds}]" if part2.item(index) else "") + (
            " [note]" if item.note else ""
        )
        indent = "  " * item.depth
        if item.day:
            lines.append(f"— {item.day} —")
        lines.append(
            f"{indent}{kept[index]:<5}{agenda_time(starts[index]):>8}  " + " · ".join(parts) + marks
        )
    return lines


def _role(person: PersonRead, officer: bool) -> MembershipRole:
    words = (person.role or "").casefold()
    if officer:
        return MembershipRole.OFFICER
    if words in ("chair", "chairman", "chairperson", "chair of the board"):
        return MembershipRole.CHAIR
    if "independent" in words:
        return MembershipRole.INDEPENDENT
    if "observer" in words:
        return MembershipRole.OBSERVER
    return MembershipRole.MEMBER


def meeting_start(
    read: AgendaRead, source: str, day: dt.date | None, start: dt.time | None
) -> dt.datetime:
    """When the meeting is: what the clerk said, else the document, else a clear refusal
    (:class:`MissingWhen`, so the app can ask for it)."""
    day = day or read.date
    start = start or read.start or next((i.start for i in read.items if i.start), None)
    if day is None or start is None:
        raise MissingWhen(source, date=day is None, time=start is None)
    return dt.datetime.combine(day, start)


def write_agenda(
    store: Store,
    read: AgendaRead,
    *,
    board_name: str,
    source: str,
    day: dt.date | None = None,
    start: dt.time | None = None,
    replace: bool = False,
) -> AgendaImportSummary:
    """Write the agenda in one transaction: all of it lands, or none of it.

    The database is backed up first; if it cannot be, nothing is imported.
    """
    scheduled = meeting_start(read, source, day, start)
    # Asked before the backup: a refused import takes none (the ten kept are for real ones).
    with suppress(NotFoundError):  # a new board has nothing there to refuse
        _check_meeting(store, store.board_by_name(board_name), scheduled, source, replace)
    store.backup_or_refuse("import", "nothing imported")
    with store.transaction():
        board_created = False
        try:
            board = store.board_by_name(board_name)
        except NotFoundError:
            board = store.create_board(board_name, read.organisation)
            board_created = True
        meeting_id, meeting_created = _meeting(store, board, scheduled, read, source, replace)
        people_added, members_added = _people(store, board.id, read)
        if read.contact is not None and read.contact.name:
            contact = read.contact
            assert contact.name is not None
            store.set_board_contact(
                board.id, Contact(contact.name, contact.role, contact.email, contact.phone)
            )
        _items(store, meeting_id, read.items, scheduled)
    return AgendaImportSummary(
        board=store.board(board.id),
        board_created=board_created,
        meeting_id=meeting_id,
        meeting_created=meeting_created,
        scheduled_start=scheduled,
        venue=store.meeting(meeting_id).venue,
        items=sum(1 for i in read.items if i.depth == 0),
        sub_items=sum(1 for i in read.items if i.depth > 0),
        people_added=people_added,
        members_added=members_added,
    )


def _check_meeting(
    store: Store, board: Board, scheduled: dt.datetime, source: str, replace: bool
) -> Meeting | None:
    """The board's meeting that day, if it has one the agenda may go into; else a refusal."""
    try:
        existing = store.meeting_on(board.id, scheduled.date())
    except NotFoundError:
        return None
    held = store.agenda(existing.id)
    when = short_date(scheduled.date())
    if held and not replace:
        raise BoardTuiError(
            f"{source}: the {board.name} meeting on {when} already has an agenda of "
            f"{len(held)} items (--replace replaces it)"
        )
    if held and existing.status is not MeetingStatus.DRAFT:
        raise BoardTuiError(
            f"{source}: the {board.name} meeting on {when} has been held: its agenda stays"
        )
    return existing


def _meeting(
    store: Store,
    board: Board,
    scheduled: dt.datetime,
    read: AgendaRead,
    source: str,
    replace: bool,
) -> tuple[int, bool]:
    existing = _check_meeting(store, board, scheduled, source, replace)
    if existing is None:
        created = store.create_meeting(board.id, scheduled, venue=read.venue)
        return created.id, True
    store.clear_agenda(existing.id)
    store.update_meeting(
        existing.id,
        scheduled_start=scheduled,
        title=existing.title,
        venue=read.venue or existing.venue,
    )
    return existing.id, False


def _people(store: Store, board_id: int, read: AgendaRead) -> tuple[int, int]:
    """Members and officers from the front sheet join the board; known people are reused."""
    on_board = {m.person.id for m in store.members(board_id)}
    people_added = members_added = 0
    everyone = [(p, False) for p in read.members] + [(p, True) for p in read.officers]
    for person, officer in everyone:
        found = store.person_named(person.name)
        if found is None:
            role_words = person.role if (person.role or "").casefold() != "chair" else None
            found = store.add_person(person.name, title=role_words)
            people_added += 1
        if found.id in on_board:
            continue
        role = _role(person, officer)
        position = None if role is MembershipRole.CHAIR else person.role
        store.add_member(board_id, found.id, role, position)
        on_board.add(found.id)
        members_added += 1
    return people_added, members_added


def _note(item: AgendaItemRead) -> str | None:
    """The item's note, with the day's heading first on the first item of a day."""
    return "\n".join(part for part in (item.day, item.note) if part) or None


def _items(
    store: Store, meeting_id: int, items: Sequence[AgendaItemRead], scheduled: dt.datetime
) -> None:
    batch: list[NewAgendaItem] = []
    parent: int | None = None
    plan = timings(items, scheduled)
    for index, (item, (minutes, fixed), number) in enumerate(
        zip(items, plan, numbers(items), strict=True)
    ):
        if item.depth == 0:
            parent = index
        batch.append(
            NewAgendaItem(
                title=item.title,
                parent=parent if item.depth and parent is not None else None,
                number=number,
                presenter=item.presenter,
                duration_minutes=minutes,
                fixed_start=fixed,
                papers=item.papers,
                exempt=item.exempt,
                chair_note=_note(item),
                exempt_paragraph=item.exempt_paragraph,
            )
        )
    store.add_agenda_items(meeting_id, batch)
