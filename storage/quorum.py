"""A board's quorum rule, members arriving and leaving during items, and each item's quorum.

The arithmetic is domain.quorum's; this reads what it needs, so the roll call, the live
screen and the minutes all ask the store the same question and get the same answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from board_tui.domain.agenda_order import outline
from board_tui.domain.exclusion import ExclusionRule
from board_tui.domain.model import AttendanceKind, Board, MembershipRole
from board_tui.domain.quorum import VOTING_ROLES, QuorumRule
from board_tui.storage import rows
from board_tui.storage.boards import BoardsMixin
from board_tui.storage.meetings import MeetingsMixin

if TYPE_CHECKING:
    from board_tui.domain.quorum_count import ItemQuorum, MeetingQuorum


class QuorumMixin(BoardsMixin, MeetingsMixin):
    def set_quorum(self, board_id: int, rule: QuorumRule | None) -> Board:
        """The board's quorum rule; None removes it (and every quorum sentence with it)."""
        columns = rows.quorum_columns(rule)
        self._write(
            f"UPDATE boards SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
            (*columns.values(), board_id),
        )
        return self.board(board_id)

    def _moved(self, meeting_id: int, person_id: int, column: str) -> None:
        """Stamp an arrival or departure with the time and, in a live meeting, the item."""
        meeting = self.meeting(meeting_id)
        item_id = meeting.current_item_id if meeting.actual_start is not None else None
        stamp = rows.clock_text(self.clock().time())
        with self.transaction():
            self._row(
                "SELECT id FROM attendance WHERE meeting_id = ? AND person_id = ?",
                (meeting_id, person_id),
                "attendance record",
            )
            self.conn.execute(
                f"UPDATE attendance SET {column}_at = ?, {column}_item_id = ?"
                " WHERE meeting_id = ? AND person_id = ?",
                (stamp, item_id, meeting_id, person_id),
            )

    def record_arrival(self, meeting_id: int, person_id: int) -> None:
        """They arrived now (during the current item): in person from here on."""
        self._write(
            "UPDATE attendance SET kind = ? WHERE meeting_id = ? AND person_id = ?",
            (AttendanceKind.IN_PERSON.value, meeting_id, person_id),
        )
        self._moved(meeting_id, person_id, "arrived")

    def record_departure(self, meeting_id: int, person_id: int) -> None:
        """They left the meeting now (during the current item), not to return."""
        self._moved(meeting_id, person_id, "left")

    def meeting_quorum(self, meeting_id: int) -> MeetingQuorum | None:
        """Each item's quorum and where it stands now; None when the board has no rule."""
        from board_tui.domain.quorum_count import ItemQuorum, MeetingQuorum, Member, state_at

        meeting = self.meeting(meeting_id)
        board = self.board(meeting.board_id)
        rule = board.quorum
        if rule is None:
            return None
        voting = [m for m in self.members(board.id) if m.role.value in VOTING_ROLES]
        records = {a.person.id: a for a in self.attendance(meeting_id)}
        order = [item.id for item, _depth in outline(self.agenda(meeting_id))]
        position = {item_id: n for n, item_id in enumerate(order)}
        kinds = {AttendanceKind.IN_PERSON}
        if board.exclusion_rule is ExclusionRule.NHS_1960:
            kinds.add(AttendanceKind.REMOTE)  # NHS standing orders count a remote member
        members = []
        for membership in voting:
            record = records.get(membership.person.id)
            members.append(
                Member(
                    person_id=membership.person.id,
                    name=membership.person.name,
                    independent=membership.role is MembershipRole.INDEPENDENT,
                    present=record is not None and record.kind in kinds,
                    arrived_at=position.get(record.arrived_item_id or -1) if record else None,
                    left_at=position.get(record.left_item_id or -1) if record else None,
                )
            )
        withdrawn: dict[int, set[int]] = {}
        for declaration in self.declarations(meeting_id):
            if declaration.kind.withdraws and declaration.agenda_item_id is not None:
                withdrawn.setdefault(declaration.agenda_item_id, set()).add(declaration.person.id)
        names = {m.person_id: m.name for m in members} | {
            r.person.id: r.person.name for r in records.values()
        }
        items: dict[int, ItemQuorum] = {}
        for n, item_id in enumerate(order):
            away = frozenset(withdrawn.get(item_id, set()))
            items[item_id] = ItemQuorum(
                state=state_at(rule, members, len(voting), n, away),
                withdrew=tuple(names[p] for p in sorted(away) if p in names),
                arrived=tuple(
                    r.person.name for r in records.values() if r.arrived_item_id == item_id
                ),
                left=tuple(r.person.name for r in records.values() if r.left_item_id == item_id),
            )
        current = meeting.current_item_id
        now = (
            items[current].state
            if current in items and meeting.actual_start is not None
            else state_at(rule, members, len(voting), 0)
        )
        return MeetingQuorum(rule, rule.words(len(voting)), items, now)
