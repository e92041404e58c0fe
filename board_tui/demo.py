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
from typing import Any

from board_tui.errors import BoardTuiError
from board_tui.model import (
    ActionLabel,
    AttendanceKind,
    Capacity,
    LegendEntry,
    MeetingStatus,
    MembershipRole,
    NoteKind,
    Status,
)
from storage.store import Store

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
        dated = dt.date.fromisoformat(plan["dated"]) if plan.get("dated") else None
        # The plan's updates were said at its update meeting; record them then.
        said_at = dt.datetime.combine(dated, dt.time(9, 0)) if dated else None
        created = self.store.create_plan(
            self.boards[plan["board"]],
            plan["title"],
            introduction=plan.get("introduction"),
            dated=dated,
            legend=tuple(
                LegendEntry(Status(e["status"]), e["label"], e["colour"])
                for e in plan.get("legend", [])
            ),
        )
        for entry in plan["items"]:
            status = Status(entry["status"])
            updates = entry.get("updates", [])
            item = self.store.add_plan_item(
                created.id,
                entry["ref"],
                entry["recommendation"],
                lead=entry.get("lead"),
                status=Status.NEXT_STEP if updates else status,
                section=entry.get("section"),
            )
            self.plan_items[(plan["title"], entry["ref"])] = item.id
            for step in entry.get("next_steps", []):
                step_status = Status(step["status"])
                line = step.get("status_line")
                action = self.store.add_action(
                    step["description"],
                    plan_item_id=item.id,
                    time_frame=step.get("time_frame"),
                    status=Status.NEXT_STEP if line else step_status,
                    label=ActionLabel(step["label"]) if step.get("label") else None,
                )
                if line:
                    self.store.record_status_update(
                        step_status, line, action_id=action.id, at=said_at
                    )
            for update in updates:
                self.store.record_status_update(
                    Status(update.get("status", status)),
                    update["body"],
                    plan_item_id=item.id,
                    label=update.get("label"),
                    at=said_at,
                )
