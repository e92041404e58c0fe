"""Turning stored text back into domain values, and domain values into stored text.

The records home does not show (a meeting's business, a plan's items, drafts) are
imported in the functions that make them, as the store's mixins do: creating their
dataclasses before home's first paint was a tenth of the cold start (domain/model.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from board_tui.domain.exclusion import ExclusionRule
from board_tui.domain.minute_numbers import MinuteNumbering, MinuteScheme
from board_tui.domain.model import (
    ActionLabel,
    ActionPlan,
    AttendanceKind,
    Board,
    Capacity,
    Contact,
    LegendEntry,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    NoteKind,
    Person,
    Status,
)
from board_tui.domain.quorum import InterestKind, QuorumRule

if TYPE_CHECKING:
    from board_tui.domain.drafts import Draft, DraftTarget
    from board_tui.domain.meeting_records import (
        AgendaItem,
        AttendanceRecord,
        Declaration,
        MeetingEvent,
        Note,
    )
    from board_tui.domain.plan_records import Action, PlanItem, StatusUpdate

Row = Mapping[str, Any]


def stamp(value: dt.datetime) -> str:
    return value.replace(microsecond=0).isoformat(timespec="seconds")


def when(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def clock(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def clock_text(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def board(row: Row) -> Board:
    created = when(row["created_at"])
    assert created is not None
    return Board(
        row["id"],
        row["name"],
        row["organisation"],
        when(row["archived_at"]),
        created,
        contact_from_text(row["contact"]),
        row["word_template"],
        ExclusionRule(row["exclusion_rule"]),
        MinuteNumbering(
            MinuteScheme(row["minute_scheme"]),
            row["minute_prefix"],
            row["minute_start"],
            row["minute_start_year"],
        ),
        quorum_rule(row),
    )


def quorum_columns(rule: QuorumRule | None) -> dict[str, object]:
    """A quorum rule as the board's row holds it (None: every column empty, independents 0)."""
    rule = rule or QuorumRule()
    return {
        "quorum_count": rule.count,
        "quorum_numerator": rule.numerator,
        "quorum_denominator": rule.denominator,
        "quorum_independents": rule.independents,
    }


def quorum_rule(row: Row) -> QuorumRule | None:
    if row["quorum_count"] is None and row["quorum_numerator"] is None:
        return None
    return QuorumRule(
        count=row["quorum_count"],
        numerator=row["quorum_numerator"],
        denominator=row["quorum_denominator"],
        independents=row["quorum_independents"],
    )


def contact_text(value: Contact | None) -> str | None:
    if value is None:
        return None
    return json.dumps(
        {"name": value.name, "role": value.role, "email": value.email, "phone": value.phone},
        ensure_ascii=False,
    )


def contact_from_text(text: str | None) -> Contact | None:
    if not text:
        return None
    fields = json.loads(text)
    return Contact(fields["name"], fields.get("role"), fields.get("email"), fields.get("phone"))


def person(row: Row, prefix: str = "") -> Person:
    return Person(
        row[f"{prefix}id"],
        row[f"{prefix}name"],
        row[f"{prefix}title"],
        row[f"{prefix}organisation"],
        row[f"{prefix}email"],
    )


def membership(row: Row) -> Membership:
    return Membership(
        row["id"],
        row["board_id"],
        person(row, "person_"),
        MembershipRole(row["role"]),
        row["position"],
    )


def meeting(row: Row) -> Meeting:
    scheduled = when(row["scheduled_start"])
    assert scheduled is not None
    return Meeting(
        id=row["id"],
        board_id=row["board_id"],
        title=row["title"],
        scheduled_start=scheduled,
        venue=row["venue"],
        status=MeetingStatus(row["status"]),
        actual_start=when(row["actual_start"]),
        actual_end=when(row["actual_end"]),
        no_declarations=bool(row["no_declarations"]),
        approved_at=when(row["approved_at"]),
        approved_by_meeting_id=row["approved_by_meeting_id"],
        current_item_id=row["current_item_id"],
        matters_arising_item_id=row["matters_arising_item_id"],
    )


def draft_payload(target: DraftTarget, fields: dict[str, str]) -> str:
    """The JSON a draft is kept as: which dialog and what for, then the words."""
    ids = {k: v for k, v in dataclasses.asdict(target).items() if k != "kind" and v is not None}
    return json.dumps({"kind": target.kind.value, **ids, "fields": fields}, ensure_ascii=False)


def draft(row: Row) -> Draft:
    from board_tui.domain.drafts import Draft, DraftKind, DraftTarget

    updated = when(row["updated_at"])
    assert updated is not None
    payload = json.loads(row["payload"])

    def ident(name: str) -> int | None:
        value = payload.get(name)
        return int(value) if isinstance(value, int) else None

    try:
        kind = DraftKind(payload.get("kind"))
    except ValueError:
        kind = DraftKind.COMMENT  # a kind this version does not know: its words still come back
    target = DraftTarget(
        kind,
        agenda_item_id=ident("agenda_item_id"),
        note_id=ident("note_id"),
        action_id=ident("action_id"),
        plan_item_id=ident("plan_item_id"),
    )
    fields = payload.get("fields")
    words = {str(k): str(v) for k, v in fields.items()} if isinstance(fields, dict) else {}
    return Draft(row["key"], row["meeting_id"], target, words, updated)


def meeting_event(row: Row) -> MeetingEvent:
    from board_tui.domain.meeting_records import MeetingEvent

    at = when(row["at"])
    assert at is not None
    return MeetingEvent(row["id"], row["meeting_id"], row["kind"], at, row["detail"])


def attendance(row: Row) -> AttendanceRecord:
    from board_tui.domain.meeting_records import AttendanceRecord

    return AttendanceRecord(
        id=row["id"],
        meeting_id=row["meeting_id"],
        person=person(row, "person_"),
        kind=AttendanceKind(row["kind"]),
        capacity=Capacity(row["capacity"]),
        arrived_at=clock(row["arrived_at"]),
        left_at=clock(row["left_at"]),
        arrived_item_id=row["arrived_item_id"],
        left_item_id=row["left_item_id"],
    )


def agenda_item(row: Row) -> AgendaItem:
    from board_tui.domain.meeting_records import AgendaItem

    return AgendaItem(
        id=row["id"],
        meeting_id=row["meeting_id"],
        parent_id=row["parent_id"],
        position=row["position"],
        number=row["number"],
        title=row["title"],
        presenter=row["presenter"],
        fixed_start=clock(row["fixed_start"]),
        duration_minutes=row["duration_minutes"],
        papers=row["papers"],
        exempt=bool(row["exempt"]),
        chair_note=row["chair_note"],
        comments_lead_in=row["comments_lead_in"],
        actual_start=when(row["actual_start"]),
        actual_end=when(row["actual_end"]),
        exempt_paragraph=row["exempt_paragraph"],
    )


def declaration(row: Row) -> Declaration:
    from board_tui.domain.meeting_records import Declaration

    return Declaration(
        row["id"],
        row["meeting_id"],
        person(row, "person_"),
        row["agenda_item_id"],
        row["interest"],
        InterestKind(row["kind"]),
    )


def note(row: Row) -> Note:
    from board_tui.domain.meeting_records import Note

    created = when(row["created_at"])
    assert created is not None
    return Note(
        id=row["id"],
        meeting_id=row["meeting_id"],
        agenda_item_id=row["agenda_item_id"],
        kind=NoteKind(row["kind"]),
        body=row["body"],
        plan_item_id=row["plan_item_id"],
        created_at=created,
        edited_at=when(row["edited_at"]),
        voice=bool(row["voice"]),
        voice_source=row["voice_source"],
    )


def legend_text(entries: tuple[LegendEntry, ...]) -> str:
    return json.dumps(
        [{"status": e.status.value, "label": e.label, "fill": e.fill} for e in entries],
        ensure_ascii=False,
    )


def plan(row: Row) -> ActionPlan:
    legend = tuple(
        LegendEntry(Status(e["status"]), e["label"], e["fill"]) for e in json.loads(row["legend"])
    )
    return ActionPlan(
        row["id"], row["board_id"], row["title"], row["introduction"], day(row["dated"]), legend
    )


def plan_item(row: Row) -> PlanItem:
    from board_tui.domain.plan_records import PlanItem

    return PlanItem(
        id=row["id"],
        plan_id=row["plan_id"],
        ref=row["ref"],
        position=row["position"],
        section=row["section"],
        recommendation=row["recommendation"],
        lead=row["lead"],
        status=Status(row["status"]),
    )


def action(row: Row) -> Action:
    from board_tui.domain.plan_records import Action

    return Action(
        id=row["id"],
        plan_item_id=row["plan_item_id"],
        meeting_id=row["meeting_id"],
        agenda_item_id=row["agenda_item_id"],
        position=row["position"],
        description=row["description"],
        owner=row["owner"],
        time_frame=row["time_frame"],
        due_date=day(row["due_date"]),
        status=Status(row["status"]),
        label=ActionLabel(row["label"]) if row["label"] else None,
        closed_reason=row["closed_reason"],
    )


def status_update(row: Row) -> StatusUpdate:
    from board_tui.domain.plan_records import StatusUpdate

    recorded = when(row["recorded_at"])
    assert recorded is not None
    return StatusUpdate(
        id=row["id"],
        action_id=row["action_id"],
        plan_item_id=row["plan_item_id"],
        meeting_id=row["meeting_id"],
        label=row["label"],
        body=row["body"],
        old_status=Status(row["old_status"]) if row["old_status"] else None,
        new_status=Status(row["new_status"]),
        recorded_at=recorded,
        agenda_item_id=row.get("agenda_item_id"),
    )
