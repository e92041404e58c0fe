"""The demo: a real board's papers (shipped in data/demo.json) loaded through the store.

The data was transcribed from public Tower Hamlets papers: the Transformation
Advisory Board's agenda pack of 11 December 2023 with the minutes of 17 October
2023, and the Tower Hamlets Together Engagement Leads Group action plan of
3 November 2022. Building goes through the same store calls the app makes, in
one transaction, and is idempotent: a database that has the demo keeps it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import (
    ActionLabel,
    AttendanceKind,
    Capacity,
    LegendEntry,
    MeetingStatus,
    MembershipRole,
    NoteKind,
    Status,
)
from board_tui.readers.plan import NextStepRead, PlanItemRead, PlanRead, UpdateRead
from board_tui.services.plan_import import write_plan
from board_tui.storage.store import Store

DEMO_SETTING = "demo.built"
DEMO_FORMAT = 1
NEXT_MEETING = ("Transformation Advisory Board", dt.date(2023, 12, 11))


@dataclass(frozen=True)
class DemoResult:
    created: bool
    next_meeting_id: int
    """The meeting the demo opens on: 11 December 2023, ready to run."""


def demo_data() -> dict[str, Any]:
    text = resources.files("board_tui").joinpath("data/demo.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def build_demo(store: Store) -> DemoResult:
    """Load the demo unless this database already has it."""
    created = False
    if store.setting(DEMO_SETTING) is None:
        with store.transaction():
            _Builder(store, demo_data()).build()
            store.set_setting(DEMO_SETTING, str(DEMO_FORMAT))
        created = True
    board_name, day = NEXT_MEETING
    try:
        meeting = store.meeting_on(store.board_by_name(board_name).id, day)
    except BoardTuiError:
        raise BoardTuiError(
            f"the demo's {board_name} meeting of {day:%d %B %Y} is missing from this database"
        ) from None
    return DemoResult(created, meeting.id)


def reset_demo(path: Path) -> None:
    """Delete the demo's database so that it is built afresh: for training, again and again.

    Only a database the demo built is deleted; one holding a board's own work (a --db
    given by mistake) is refused, and left as it was.
    """
    if not path.exists():
        return
    # Peeked, not opened: after an upgrade the demo's schema is behind, and a read-only
    # store refuses that; it is about to be deleted, so it is not worth migrating.
    if Store.peek_setting(path, DEMO_SETTING) is None:
        raise BoardTuiError(f"{path} is not the demo's database: it is left as it was")
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _at(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


class _Builder:
    def __init__(self, store: Store, data: dict[str, Any]) -> None:
        self.store = store
        self.data = data
        self.people: dict[str, int] = {}
        self.boards: dict[str, int] = {}
        self.plan_items: dict[tuple[str, str], int] = {}

    def build(self) -> None:
        for person in self.data["people"]:
            self.people[person["name"]] = self.store.add_person(
                person["name"],
                title=person.get("title"),
                organisation=person.get("organisation"),
                email=person.get("email"),
            ).id
        for board in self.data["boards"]:
            board_id = self.store.create_board(board["name"], board.get("organisation")).id
            self.boards[board["name"]] = board_id
            for member in board["members"]:
                self.store.add_member(
                    board_id,
                    self.people[member["person"]],
                    MembershipRole(member["role"]),
                    member.get("position"),
                )
        # Meetings before plans, so time frames like "Feb Board 23" can find them.
        meetings = [(m, self._meeting(m)) for m in self.data["meetings"]]
        for plan in self.data["plans"]:
            self._plan(plan)
        for meeting, meeting_id in meetings:
            self._agenda(meeting_id, meeting, meeting["items"], parent_id=None)
            self._lifecycle(meeting_id, meeting)

    def _meeting(self, meeting: dict[str, Any]) -> int:
        start = _at(meeting["scheduled_start"])
        assert start is not None
        return self.store.create_meeting(
            self.boards[meeting["board"]],
            start,
            title=meeting["title"],
            venue=meeting.get("venue"),
        ).id

    def _lifecycle(self, meeting_id: int, meeting: dict[str, Any]) -> None:
        for record in meeting.get("attendance", []):
            self.store.record_attendance(
                meeting_id,
                self.people[record["person"]],
                AttendanceKind(record["kind"]),
                Capacity(record["capacity"]),
            )
        if meeting.get("no_declarations"):
            self.store.set_no_declarations(meeting_id)
        status = MeetingStatus(meeting["status"])
        if status is MeetingStatus.DRAFT:
            return
        started, ended = _at(meeting.get("actual_start")), _at(meeting.get("actual_end"))
        self.store.start_meeting(meeting_id, at=started)
        if status is MeetingStatus.LIVE:
            return
        self.store.end_meeting(meeting_id, at=ended)
        if status is MeetingStatus.APPROVED:
            self.store.approve_minutes(meeting_id, at=ended)

    def _agenda(
        self,
        meeting_id: int,
        meeting: dict[str, Any],
        items: list[dict[str, Any]],
        parent_id: int | None,
    ) -> None:
        clock = _at(meeting.get("actual_start")) or _at(meeting["scheduled_start"])
        assert clock is not None
        for entry in items:
            item = self.store.add_agenda_item(
                meeting_id,
                entry["title"],
                parent_id=parent_id,
                number=entry.get("number"),
                presenter=entry.get("presenter"),
                duration_minutes=entry.get("duration"),
                papers=entry.get("papers"),
                exempt=bool(entry.get("exempt")),
                chair_note=entry.get("chair_note"),
                comments_lead_in=entry.get("comments_lead_in"),
            )
            for note in entry.get("notes", []):
                self.store.add_note(item.id, NoteKind(note["kind"]), note["body"], at=clock)
            for action in entry.get("actions", []):
                self.store.add_action(
                    action["description"],
                    agenda_item_id=item.id,
                    owner=action.get("owner"),
                    owner_person_id=self.people.get(action.get("owner") or ""),
                    time_frame=action.get("time_frame"),
                    status=Status(action.get("status", Status.NEXT_STEP)),
                )
            for link in entry.get("links", []):
                self.store.link_plan_item(item.id, self.plan_items[(link["plan"], link["ref"])])
            self._agenda(meeting_id, meeting, entry.get("children", []), parent_id=item.id)

    def _plan(self, plan: dict[str, Any]) -> None:
        """The demo plan goes through the same writer as a Word import, history and all."""
        read = PlanRead(
            title=plan["title"],
            introduction=plan.get("introduction"),
            legend=tuple(
                LegendEntry(Status(e["status"]), e["label"], e["colour"])
                for e in plan.get("legend", [])
            ),
            items=tuple(
                PlanItemRead(
                    ref=entry["ref"],
                    recommendation=entry["recommendation"],
                    lead=entry.get("lead"),
                    status=Status(entry["status"]),
                    fill=None,
                    section=entry.get("section"),
                    next_steps=tuple(
                        NextStepRead(
                            description=step["description"],
                            time_frame=step.get("time_frame"),
                            status=Status(step["status"]) if step.get("status_line") else None,
                            status_line=step.get("status_line"),
                            label=ActionLabel(step["label"]) if step.get("label") else None,
                        )
                        for step in entry.get("next_steps", [])
                    ),
                    updates=tuple(
                        UpdateRead(u.get("label", "Update:"), u["body"])
                        for u in entry.get("updates", [])
                    ),
                    rows=(),
                )
                for entry in plan["items"]
            ),
            skipped=(),
        )
        summary = write_plan(
            self.store,
            self.boards[plan["board"]],
            read,
            title=plan["title"],
            dated=dt.date.fromisoformat(plan["dated"]) if plan.get("dated") else None,
        )
        for item in self.store.plan_items(summary.plan_id):
            self.plan_items[(plan["title"], item.ref)] = item.id
