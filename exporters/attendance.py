"""Who was at the meeting, who sent apologies, who declared an interest: as minutes print them.

Built from the meeting's own roll call, never the board's current membership, so
minutes of an old meeting still list the people who were there then.
"""

from __future__ import annotations

from collections.abc import Sequence

from board_tui.domain.formatting import minutes_time
from board_tui.domain.meeting_records import AgendaItem, AttendanceRecord, Declaration
from board_tui.domain.minutes_words import (
    ALL_PRESENT,
    INTEREST_WORDS,
    NO_APOLOGIES,
    NO_DECLARATIONS,
    declaration_sentence,
)
from board_tui.domain.model import AttendanceKind, Capacity, Membership
from board_tui.domain.quorum import VOTING_ROLES
from board_tui.exporters.blocks import Block, Kind, block

PAIR_WIDTHS_MM = (65.0, 105.0)

_GROUPS: tuple[tuple[str, tuple[Capacity, ...], AttendanceKind | None], ...] = (
    ("Members Present in Person:", (Capacity.MEMBER,), AttendanceKind.IN_PERSON),
    ("Members Present Remotely:", (Capacity.MEMBER,), AttendanceKind.REMOTE),
    ("Officers Present in Person:", (Capacity.OFFICER,), AttendanceKind.IN_PERSON),
    ("Officers Present Remotely:", (Capacity.OFFICER,), AttendanceKind.REMOTE),
    ("Also Present:", (Capacity.GUEST,), None),
)


def _role(record: AttendanceRecord, positions: dict[int, str | None]) -> str:
    """The words after the name: the board's position for members (none for a chair
    without one, as the papers print the Mayor), else the person's own title."""
    person = record.person
    words = positions.get(person.id, person.title)
    parts = [f"({words})"] if words else []
    if record.kind is AttendanceKind.REMOTE and record.capacity is Capacity.GUEST:
        parts.append("(remotely)")
    if record.arrived_at is not None:
        parts.append(f"(from {minutes_time(record.arrived_at)})")
    if record.left_at is not None:
        parts.append(f"(until {minutes_time(record.left_at)})")
    return " ".join(parts)


def present_blocks(
    attendance: Sequence[AttendanceRecord], members: Sequence[Membership]
) -> list[Block]:
    """A bold label and a borderless name | (role) table for each group that has anyone."""
    positions = {m.person.id: m.position for m in members}
    present = (AttendanceKind.IN_PERSON, AttendanceKind.REMOTE)
    blocks: list[Block] = []
    for label, capacities, kind in _GROUPS:
        rows = tuple(
            (r.person.name, _role(r, positions))
            for r in attendance
            if r.capacity in capacities and (r.kind is kind or (kind is None and r.kind in present))
        )
        if rows:
            blocks += [
                block(Kind.LABEL, label),
                Block(Kind.PAIRS, rows=rows, widths_mm=PAIR_WIDTHS_MM),
            ]
    return blocks


def _names(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def apologies_blocks(
    attendance: Sequence[AttendanceRecord], board_members: Sequence[Membership] = ()
) -> list[Block]:
    """Apologies as received; "All Members were present" only when it is true: every
    member recorded is there, and so is every member of the board (a roll call left
    half-done once read as everyone present)."""
    sent = [r.person.name for r in attendance if r.kind is AttendanceKind.APOLOGIES]
    if sent:
        return [block(Kind.PARAGRAPH, f"Apologies for absence were received from {_names(sent)}.")]
    members = [r for r in attendance if r.capacity is Capacity.MEMBER]
    here = {r.person.id for r in members if r.kind is not AttendanceKind.ABSENT}
    board = {m.person.id for m in board_members if m.role.value in VOTING_ROLES}
    if members and all(r.kind is not AttendanceKind.ABSENT for r in members) and board <= here:
        return [block(Kind.PARAGRAPH, ALL_PRESENT)]
    if members:
        return [block(Kind.PARAGRAPH, NO_APOLOGIES)]
    return []


def declaration_blocks(
    declarations: Sequence[Declaration], items: dict[int, AgendaItem], none_declared: bool
) -> list[Block]:
    if not declarations:
        return [block(Kind.PARAGRAPH, NO_DECLARATIONS)] if none_declared else []
    blocks = []
    for d in declarations:
        item = items.get(d.agenda_item_id) if d.agenda_item_id is not None else None
        where = f"item {item.number} ({item.title})" if item is not None else None
        sentence = declaration_sentence(d.person.name, d.interest, where, INTEREST_WORDS[d.kind])
        blocks.append(block(Kind.PARAGRAPH, sentence))
    return blocks
