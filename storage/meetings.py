"""Meetings: their lifecycle, agenda, attendance, declarations and captured notes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from board_tui.domain.errors import BoardTuiError, NotFoundError
from board_tui.domain.model import AttendanceKind, Capacity, Meeting, MeetingStatus, NoteKind
from board_tui.domain.quorum import InterestKind
from board_tui.storage import rows
from board_tui.storage.agendas import AgendaMixin
from board_tui.storage.safekeeping import SafekeepingMixin

if TYPE_CHECKING:
    from board_tui.domain.meeting_records import AttendanceRecord, Declaration, MeetingEvent, Note
    from board_tui.domain.plan_records import PlanItem

_PERSON_COLUMNS = """p.id AS person_id, p.name AS person_name, p.title AS person_title,
    p.organisation AS person_organisation, p.email AS person_email"""


HELD_STATUSES = (MeetingStatus.CLOSED.value, MeetingStatus.APPROVED.value)


class MeetingsMixin(AgendaMixin, SafekeepingMixin):
    # -- meetings and their lifecycle -------------------------------------------------

    def create_meeting(
        self,
        board_id: int,
        scheduled_start: dt.datetime,
        *,
        title: str | None = None,
        venue: str | None = None,
    ) -> Meeting:
        board = self._row("SELECT name FROM boards WHERE id = ?", (board_id,), "board")
        now = rows.stamp(self.clock())
        meeting_id = self._insert(
            "INSERT INTO meetings (board_id, title, scheduled_start, venue, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (board_id, title or board["name"], rows.stamp(scheduled_start), venue, now, now),
        )
        return self.meeting(meeting_id)

    def update_meeting(
        self,
        meeting_id: int,
        *,
        scheduled_start: dt.datetime,
        title: str,
        venue: str | None,
        expected: Meeting | None = None,
    ) -> Meeting:
        """Change when, where and what a meeting is; its agenda and minutes stay as they are.

        expected: the meeting as the clerk's dialog read it; refused (StaleEditError) if
        another clerk has changed its time, title or venue since.
        """
        title = " ".join(title.split())
        if not title:
            raise BoardTuiError("a meeting needs a title")
        self._update_unless_changed(
            "meetings",
            meeting_id,
            {
                "scheduled_start": rows.stamp(scheduled_start),
                "title": title,
                "venue": venue or None,
                "updated_at": rows.stamp(self.clock()),
            },
            None
            if expected is None
            else {
                "scheduled_start": rows.stamp(expected.scheduled_start),
                "title": expected.title,
                "venue": expected.venue,
            },
            what="meeting",
            current=lambda: self.meeting(meeting_id),
        )
        return self.meeting(meeting_id)

    def previous_meeting(self, meeting_id: int) -> Meeting | None:
        """The board's meeting before this one: its standing items and venue carry forward."""
        meeting = self.meeting(meeting_id)
        found = self._rows(
            "SELECT * FROM meetings WHERE board_id = ? AND scheduled_start < ? AND id <> ?"
            " ORDER BY scheduled_start DESC LIMIT 1",
            (meeting.board_id, rows.stamp(meeting.scheduled_start), meeting_id),
        )
        return rows.meeting(found[0]) if found else None

    def meeting(self, meeting_id: int) -> Meeting:
        return rows.meeting(
            self._row("SELECT * FROM meetings WHERE id = ?", (meeting_id,), "meeting")
        )

    def meetings(self, board_id: int | None = None) -> list[Meeting]:
        if board_id is None:
            found = self._rows("SELECT * FROM meetings ORDER BY scheduled_start, id")
        else:
            found = self._rows(
                "SELECT * FROM meetings WHERE board_id = ? ORDER BY scheduled_start, id",
                (board_id,),
            )
        return [rows.meeting(r) for r in found]

    def next_meeting(self) -> Meeting | None:
        """The meeting that comes next, a live one first (the soonest, as home lists them):
        where a clerk starts. One row, not every meeting of every board."""
        found = self._rows(
            "SELECT * FROM meetings WHERE status IN ('draft', 'live')"
            " ORDER BY status <> 'live', scheduled_start, id LIMIT 1"
        )
        return rows.meeting(found[0]) if found else None

    def meeting_on(self, board_id: int, day: dt.date) -> Meeting:
        found = self._rows(
            "SELECT * FROM meetings WHERE board_id = ? AND substr(scheduled_start, 1, 10) = ?"
            " ORDER BY scheduled_start LIMIT 1",
            (board_id, day.isoformat()),
        )
        if not found:
            raise NotFoundError(f"no meeting on {day:%d %B %Y} for that board")
        return rows.meeting(found[0])

    def _set_status(self, meeting_id: int, status: MeetingStatus, **columns: object) -> None:
        assignments = ", ".join(f"{name} = ?" for name in columns)
        sets = f"status = ?, updated_at = ?{', ' if columns else ''}{assignments}"
        self.conn.execute(
            f"UPDATE meetings SET {sets} WHERE id = ?",
            (status.value, rows.stamp(self.clock()), *columns.values(), meeting_id),
        )

    def _event(self, meeting_id: int, kind: str, at: dt.datetime, detail: str | None) -> None:
        self.conn.execute(
            "INSERT INTO meeting_events (meeting_id, kind, at, detail) VALUES (?, ?, ?, ?)",
            (meeting_id, kind, rows.stamp(at), detail),
        )

    def start_meeting(self, meeting_id: int, at: dt.datetime | None = None) -> Meeting:
        """Record the actual start ("held at 2.18 p.m."); a draft meeting goes live."""
        at = at or self.clock()
        with self.transaction():
            meeting = self.meeting(meeting_id)
            if meeting.status is not MeetingStatus.DRAFT:
                raise BoardTuiError(f"the meeting is already {meeting.status.value}")
            self._set_status(meeting_id, MeetingStatus.LIVE, actual_start=rows.stamp(at))
            self._event(meeting_id, "started", at, None)
            # The meeting starts on the item the clerk is on (the first, unless they moved).
            first = self._scalar(
                "SELECT coalesce(current_item_id, (SELECT id FROM agenda_items"
                " WHERE meeting_id = m.id AND parent_id IS NULL ORDER BY position LIMIT 1))"
                " FROM meetings m WHERE id = ?",
                (meeting_id,),
            )
            if first is not None:
                self.conn.execute(
                    "UPDATE meetings SET current_item_id = ? WHERE id = ?", (first, meeting_id)
                )
                self.conn.execute(
                    "UPDATE agenda_items SET actual_start = coalesce(actual_start, ?) WHERE id = ?",
                    (rows.stamp(at), first),
                )
        return self.meeting(meeting_id)

    def end_meeting(self, meeting_id: int, at: dt.datetime | None = None) -> Meeting:
        """Record "The meeting ended at 4.19 p.m." and close the item still running.

        Ending a meeting reopened for corrections keeps the times the meeting really
        had, and puts back its approval if it had one. The closed meeting is then
        backed up; if that fails, pop_backup_warning() says why (it stays closed).
        """
        at = at or self.clock()
        with self.transaction():
            meeting = self.meeting(meeting_id)
            if meeting.status is not MeetingStatus.LIVE:
                raise BoardTuiError(f"the meeting is {meeting.status.value}, not live")
            if meeting.is_correcting:
                back = MeetingStatus.APPROVED if meeting.approved_at else MeetingStatus.CLOSED
                self._set_status(meeting_id, back)
                self._event(meeting_id, "ended", at, "corrections finished")
            else:
                self.conn.execute(
                    "UPDATE agenda_items SET actual_end = ?"
                    " WHERE meeting_id = ? AND actual_start IS NOT NULL AND actual_end IS NULL",
                    (rows.stamp(at), meeting_id),
                )
                self._set_status(meeting_id, MeetingStatus.CLOSED, actual_end=rows.stamp(at))
                self._event(meeting_id, "ended", at, None)
        self.backup_after("close")
        return self.meeting(meeting_id)

    def reopen_meeting(
        self, meeting_id: int, reason: str | None = None, at: dt.datetime | None = None
    ) -> Meeting:
        """Open a closed meeting again for corrections; the reopening is kept in its events."""
        at = at or self.clock()
        with self.transaction():
            meeting = self.meeting(meeting_id)
            if meeting.status not in (MeetingStatus.CLOSED, MeetingStatus.APPROVED):
                raise BoardTuiError(f"the meeting is {meeting.status.value}, not closed")
            self._set_status(meeting_id, MeetingStatus.LIVE)
            self._event(meeting_id, "reopened", at, reason)
        return self.meeting(meeting_id)

    def approve_minutes(
        self,
        meeting_id: int,
        *,
        by_meeting_id: int | None = None,
        at: dt.datetime | None = None,
    ) -> Meeting:
        """Record that a later meeting agreed these minutes, which takes DRAFT off them."""
        at = at or self.clock()
        with self.transaction():
            meeting = self.meeting(meeting_id)
            if meeting.status is not MeetingStatus.CLOSED:
                raise BoardTuiError(f"only closed minutes can be approved, not {meeting.status}")
            self._set_status(
                meeting_id,
                MeetingStatus.APPROVED,
                approved_at=rows.stamp(at),
                approved_by_meeting_id=by_meeting_id,
            )
            self._event(meeting_id, "approved", at, None)
        return self.meeting(meeting_id)

    def previous_held_meeting(self, meeting_id: int) -> Meeting | None:
        """The board's latest meeting held (closed or approved) before this one: the one whose
        minutes this meeting's "Minutes of the previous meeting" item agrees."""
        meeting = self.meeting(meeting_id)
        found = self._rows(
            "SELECT * FROM meetings WHERE board_id = ? AND id != ? AND scheduled_start < ?"
            f" AND status IN ({', '.join('?' for _ in HELD_STATUSES)})"
            " ORDER BY scheduled_start DESC, id DESC LIMIT 1",
            (meeting.board_id, meeting_id, rows.stamp(meeting.scheduled_start), *HELD_STATUSES),
        )
        return rows.meeting(found[0]) if found else None

    def approve_previous_minutes(
        self, meeting_id: int, at: dt.datetime | None = None
    ) -> Meeting | None:
        """Record that this meeting agreed the previous meeting's minutes (DRAFT comes off).

        Returns the meeting approved, or None when there is none still waiting for approval.
        """
        previous = self.previous_held_meeting(meeting_id)
        if previous is None or previous.status is not MeetingStatus.CLOSED:
            return None
        return self.approve_minutes(previous.id, by_meeting_id=meeting_id, at=at)

    def meeting_events(self, meeting_id: int) -> list[MeetingEvent]:
        return [
            rows.meeting_event(r)
            for r in self._rows(
                "SELECT * FROM meeting_events WHERE meeting_id = ? ORDER BY id", (meeting_id,)
            )
        ]

    def set_no_declarations(self, meeting_id: int, none_declared: bool = True) -> None:
        """Minutes say "There were no declarations of interest" only when the clerk said so."""
        self._write(
            "UPDATE meetings SET no_declarations = ?, updated_at = ? WHERE id = ?",
            (int(none_declared), rows.stamp(self.clock()), meeting_id),
        )

    # -- attendance and declarations ----------------------------------------------------

    def record_attendance(
        self,
        meeting_id: int,
        person_id: int,
        kind: AttendanceKind,
        capacity: Capacity,
        *,
        arrived_at: dt.time | None = None,
        left_at: dt.time | None = None,
    ) -> AttendanceRecord:
        """Set someone's attendance; saying it again replaces the earlier answer."""
        self._write(
            """INSERT INTO attendance (meeting_id, person_id, kind, capacity, arrived_at, left_at)
               VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (meeting_id, person_id) DO UPDATE SET
                   kind = excluded.kind, capacity = excluded.capacity,
                   arrived_at = excluded.arrived_at, left_at = excluded.left_at""",
            (
                meeting_id,
                person_id,
                kind.value,
                capacity.value,
                rows.clock_text(arrived_at),
                rows.clock_text(left_at),
            ),
        )
        return next(a for a in self.attendance(meeting_id) if a.person.id == person_id)

    def attendance(self, meeting_id: int) -> list[AttendanceRecord]:
        return [
            rows.attendance(r)
            for r in self._rows(
                f"""SELECT a.*, {_PERSON_COLUMNS} FROM attendance a
                    JOIN people p ON p.id = a.person_id
                    WHERE a.meeting_id = ? ORDER BY a.id""",
                (meeting_id,),
            )
        ]

    def add_declaration(
        self,
        meeting_id: int,
        person_id: int,
        interest: str,
        *,
        agenda_item_id: int | None = None,
        kind: InterestKind = InterestKind.OTHER,
    ) -> Declaration:
        """A declaration; a pecuniary or prejudicial one on an item withdraws the member from
        that item (storage.quorum counts them out of its quorum, the minutes say they left)."""
        interest = interest.strip()
        if not interest:
            raise BoardTuiError("a declaration needs the interest declared")
        with self.transaction():
            declaration_id = self._insert(
                "INSERT INTO declarations (meeting_id, person_id, agenda_item_id, interest,"
                " created_at, kind) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    meeting_id,
                    person_id,
                    agenda_item_id,
                    interest,
                    rows.stamp(self.clock()),
                    kind.value,
                ),
            )
            # A declaration contradicts an earlier "none declared".
            self.conn.execute("UPDATE meetings SET no_declarations = 0 WHERE id = ?", (meeting_id,))
        return next(d for d in self.declarations(meeting_id) if d.id == declaration_id)

    def declarations(self, meeting_id: int) -> list[Declaration]:
        return [
            rows.declaration(r)
            for r in self._rows(
                f"""SELECT d.*, {_PERSON_COLUMNS} FROM declarations d
                    JOIN people p ON p.id = d.person_id
                    WHERE d.meeting_id = ? ORDER BY d.id""",
                (meeting_id,),
            )
        ]

    # -- notes ---------------------------------------------------------------------------

    def add_note(
        self,
        agenda_item_id: int,
        kind: NoteKind,
        body: str,
        *,
        plan_item_id: int | None = None,
        at: dt.datetime | None = None,
    ) -> Note:
        """Save a comment, decision or narrative paragraph on an item; committed on return."""
        from board_tui.domain.standing_items import Standing, standing_kinds

        if not body.strip():
            raise BoardTuiError("a note needs some text")
        item = self.agenda_item(agenda_item_id)
        with self.transaction():
            note_id = self._insert(
                "INSERT INTO notes (meeting_id, agenda_item_id, kind, body, plan_item_id,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    item.meeting_id,
                    agenda_item_id,
                    kind.value,
                    body,
                    plan_item_id,
                    rows.stamp(at or self.clock()),
                ),
            )
            # Agreeing the previous minutes is what takes "DRAFT" off them.
            if kind is NoteKind.DECISION and Standing.PREVIOUS_MINUTES in standing_kinds(
                item.title
            ):
                self.approve_previous_minutes(item.meeting_id, at=at)
        return self.note(note_id)

    def note(self, note_id: int) -> Note:
        return rows.note(self._row("SELECT * FROM notes WHERE id = ?", (note_id,), "note"))

    def notes(self, meeting_id: int) -> list[Note]:
        """The meeting's notes in the order they were taken (removed ones left out)."""
        return [
            rows.note(r)
            for r in self._rows(
                "SELECT * FROM notes WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY id",
                (meeting_id,),
            )
        ]

    # -- links between agenda items and plan items --------------------------------------

    def link_plan_item(self, agenda_item_id: int, plan_item_id: int) -> None:
        self._write(
            "INSERT OR IGNORE INTO agenda_item_links (agenda_item_id, plan_item_id) VALUES (?, ?)",
            (agenda_item_id, plan_item_id),
        )

    def linked_plan_items(self, agenda_item_id: int) -> list[PlanItem]:
        return [
            rows.plan_item(r)
            for r in self._rows(
                """SELECT pi.* FROM agenda_item_links l JOIN plan_items pi ON pi.id = l.plan_item_id
                   WHERE l.agenda_item_id = ? ORDER BY pi.plan_id, pi.position""",
                (agenda_item_id,),
            )
        ]
