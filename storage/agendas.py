"""A meeting's agenda: items and sub-items, kept in order and numbered by that order.

Every change that moves items renumbers the whole agenda in the same transaction, so
"6.1" always sits under "6" and nothing is ever numbered twice; the numbers follow the
agenda's own style ("3a, 3b" stay lettered). A whole agenda brought in at once
(:meth:`AgendaMixin.add_agenda_items`) keeps the numbers it was written with and is
renumbered at most once, so a long agenda is written in time proportional to its length.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from board_tui.domain import agenda_order
from board_tui.domain.errors import BoardTuiError
from board_tui.domain.exclusion import SCHEDULE_12A
from board_tui.storage import rows
from board_tui.storage.base import StoreBase

if TYPE_CHECKING:
    from board_tui.domain.meeting_records import AgendaItem

_UNSET: Any = object()

DEFAULT_STANDING_ITEMS: tuple[tuple[str, int], ...] = (
    ("Welcome and Apologies", 5),
    ("Declarations of Interest", 5),
    ("Minutes of the Previous Meeting", 5),
)
DEFAULT_CLOSING_ITEMS: tuple[tuple[str, int], ...] = (("Any Other Business", 5),)

_EDITABLE = {
    "title",
    "presenter",
    "duration_minutes",
    "fixed_start",
    "papers",
    "exempt",
    "exempt_paragraph",
    "chair_note",
    "comments_lead_in",
}


@dataclass(frozen=True)
class NewAgendaItem:
    """An item of an agenda written in one go (:meth:`AgendaMixin.add_agenda_items`)."""

    title: str
    parent: int | None = None
    """The index, in the same batch, of the item it is a sub-item of."""
    number: str | None = None
    """As written ("3a"); None numbers it by its place."""
    presenter: str | None = None
    duration_minutes: int | None = None
    fixed_start: dt.time | None = None
    papers: str | None = None
    exempt: bool = False
    chair_note: str | None = None
    exempt_paragraph: int | None = None
    """The Schedule 12A paragraph the agenda gives, when it gives one."""


def check_paragraph(paragraph: object) -> None:
    """A Schedule 12A paragraph is 1 to 7 (or none yet): anything else is refused in words."""
    if paragraph is not None and paragraph not in SCHEDULE_12A:
        raise BoardTuiError(f"Schedule 12A has paragraphs 1 to 7, not {paragraph!r}")


class AgendaMixin(StoreBase):
    def add_agenda_item(
        self,
        meeting_id: int,
        title: str,
        *,
        parent_id: int | None = None,
        after_id: int | None = None,
        number: str | None = None,
        presenter: str | None = None,
        duration_minutes: int | None = None,
        fixed_start: dt.time | None = None,
        papers: str | None = None,
        exempt: bool = False,
        chair_note: str | None = None,
        comments_lead_in: str | None = None,
        exempt_paragraph: int | None = None,
    ) -> AgendaItem:
        """Add an item at the end (or under parent_id), or straight after the item after_id.

        Given a number, the item keeps it (the demo's papers number their own
        items); otherwise the agenda is renumbered by its order.
        """
        title = " ".join(title.split())
        if not title:
            raise BoardTuiError("an agenda item needs a title")
        if duration_minutes is not None and duration_minutes < 0:
            raise BoardTuiError("a duration cannot be negative")
        check_paragraph(exempt_paragraph)
        with self.transaction():
            if after_id is not None:
                after = self.agenda_item(after_id)
                parent_id = after.parent_id
                position = after.position + 1
                self.conn.execute(
                    "UPDATE agenda_items SET position = position + 1"
                    " WHERE meeting_id = ? AND parent_id IS ? AND position >= ?",
                    (meeting_id, parent_id, position),
                )
            else:
                position = self._scalar(
                    "SELECT coalesce(max(position), 0) + 1 FROM agenda_items"
                    " WHERE meeting_id = ? AND parent_id IS ?",
                    (meeting_id, parent_id),
                )
            item_id = self._insert(
                """INSERT INTO agenda_items (meeting_id, parent_id, position, number, title,
                       presenter, fixed_start, duration_minutes, papers, exempt, chair_note,
                       comments_lead_in, exempt_paragraph, created_at)
                   VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    meeting_id,
                    parent_id,
                    position,
                    title,
                    presenter,
                    rows.clock_text(fixed_start),
                    duration_minutes,
                    papers,
                    int(exempt),
                    chair_note,
                    comments_lead_in,
                    exempt_paragraph if exempt else None,
                    rows.stamp(self.clock()),
                ),
            )
            if number is None:
                self._renumber(meeting_id)
            else:
                self.conn.execute(
                    "UPDATE agenda_items SET number = ? WHERE id = ?", (number, item_id)
                )
        return self.agenda_item(item_id)

    def add_agenda_items(self, meeting_id: int, items: Sequence[NewAgendaItem]) -> list[int]:
        """Add a whole agenda after what the meeting already has, in one transaction; the
        ids in order. Items keep the numbers they are given; the agenda is renumbered
        once, at the end, only when some item came without one."""
        titles = [" ".join(item.title.split()) for item in items]
        for title, item in zip(titles, items, strict=True):
            if not title:
                raise BoardTuiError("an agenda item needs a title")
            if item.duration_minutes is not None and item.duration_minutes < 0:
                raise BoardTuiError("a duration cannot be negative")
            check_paragraph(item.exempt_paragraph)
        ids: list[int] = []
        stamp = rows.stamp(self.clock())
        with self.transaction():
            top = self._scalar(
                "SELECT coalesce(max(position), 0) FROM agenda_items"
                " WHERE meeting_id = ? AND parent_id IS NULL",
                (meeting_id,),
            )
            positions: dict[int | None, int] = {None: top}
            for title, item in zip(titles, items, strict=True):
                if item.parent is not None and not 0 <= item.parent < len(ids):
                    raise BoardTuiError("a sub-item must come after the item it is under")
                parent_id = ids[item.parent] if item.parent is not None else None
                positions[parent_id] = positions.get(parent_id, 0) + 1
                cursor = self.conn.execute(
                    """INSERT INTO agenda_items (meeting_id, parent_id, position, number, title,
                           presenter, fixed_start, duration_minutes, papers, exempt, chair_note,
                           exempt_paragraph, created_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (
                        meeting_id,
                        parent_id,
                        positions[parent_id],
                        item.number or "",
                        title,
                        item.presenter,
                        rows.clock_text(item.fixed_start),
                        item.duration_minutes,
                        item.papers,
                        int(item.exempt),
                        item.chair_note,
                        item.exempt_paragraph if item.exempt else None,
                        stamp,
                    ),
                )
                assert cursor.lastrowid is not None
                ids.append(cursor.lastrowid)
            if any(item.number is None for item in items):
                self._renumber(meeting_id)
        return ids

    def agenda_item(self, item_id: int) -> AgendaItem:
        return rows.agenda_item(
            self._row("SELECT * FROM agenda_items WHERE id = ?", (item_id,), "agenda item")
        )

    def agenda(self, meeting_id: int) -> list[AgendaItem]:
        """The meeting's items in agenda order, sub-items straight after their parent."""
        items = [
            rows.agenda_item(r)
            for r in self._rows("SELECT * FROM agenda_items WHERE meeting_id = ?", (meeting_id,))
        ]
        return [item for item, _depth in agenda_order.outline(items)]

    def update_agenda_item(self, item_id: int, **fields: Any) -> AgendaItem:
        """Change an item's words, timing or flags; only the fields given change."""
        unknown = set(fields) - _EDITABLE
        if unknown:
            raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
        if "title" in fields:
            fields["title"] = " ".join(str(fields["title"]).split())
            if not fields["title"]:
                raise BoardTuiError("an agenda item needs a title")
        if (fields.get("duration_minutes") or 0) < 0:
            raise BoardTuiError("a duration cannot be negative")
        if "fixed_start" in fields:
            fields["fixed_start"] = rows.clock_text(fields["fixed_start"])
        if "exempt" in fields:
            fields["exempt"] = int(bool(fields["exempt"]))
        check_paragraph(fields.get("exempt_paragraph"))
        if fields:
            assignments = ", ".join(f"{name} = ?" for name in fields)
            self._write(
                f"UPDATE agenda_items SET {assignments} WHERE id = ?",
                (*fields.values(), item_id),
            )
        return self.agenda_item(item_id)

    def delete_agenda_item(self, item_id: int) -> None:
        """Remove an item and its sub-items; refused once anything was minuted under them."""
        item = self.agenda_item(item_id)
        with self.transaction():
            minuted = self._scalar(
                """SELECT count(*) FROM agenda_items i
                   WHERE (i.id = :id OR i.parent_id = :id) AND (
                       EXISTS (SELECT 1 FROM notes n WHERE n.agenda_item_id = i.id
                               AND n.deleted_at IS NULL)
                       OR EXISTS (SELECT 1 FROM actions a WHERE a.agenda_item_id = i.id
                                  AND a.deleted_at IS NULL)
                       OR EXISTS (SELECT 1 FROM status_updates u
                                  WHERE u.agenda_item_id = i.id))""",
                {"id": item_id},
            )
            if minuted:
                raise BoardTuiError(
                    f"item {item.number} has minuted notes, actions or updates:"
                    " it cannot be deleted"
                )
            self.conn.execute("DELETE FROM agenda_items WHERE id = ?", (item_id,))
            self._close_gap(item.meeting_id, item.parent_id, item.position)
            self._renumber(item.meeting_id)

    def move_agenda_item(self, item_id: int, step: int) -> bool:
        """Swap an item (with its sub-items) with its neighbour; False at either end."""
        item = self.agenda_item(item_id)
        siblings = self._siblings(item)
        index = [s.id for s in siblings].index(item.id)
        target = index + (1 if step > 0 else -1)
        if not 0 <= target < len(siblings):
            return False
        other = siblings[target]
        with self.transaction():
            self.conn.execute(
                "UPDATE agenda_items SET position = ? WHERE id = ?", (other.position, item.id)
            )
            self.conn.execute(
                "UPDATE agenda_items SET position = ? WHERE id = ?", (item.position, other.id)
            )
            self._renumber(item.meeting_id)
        return True

    def indent_agenda_item(self, item_id: int) -> bool:
        """Make the item the last sub-item of the item above it ("7" becomes "6.3")."""
        item = self.agenda_item(item_id)
        if item.parent_id is not None:
            return False
        siblings = self._siblings(item)
        index = [s.id for s in siblings].index(item.id)
        if index == 0:
            return False
        if self._scalar("SELECT count(*) FROM agenda_items WHERE parent_id = ?", (item.id,)):
            raise BoardTuiError(
                f"item {item.number} has sub-items: sub-items go one level deep (6.1)"
            )
        new_parent = siblings[index - 1]
        with self.transaction():
            position = self._scalar(
                "SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE parent_id = ?",
                (new_parent.id,),
            )
            self.conn.execute(
                "UPDATE agenda_items SET parent_id = ?, position = ? WHERE id = ?",
                (new_parent.id, position, item.id),
            )
            self._close_gap(item.meeting_id, None, item.position)
            self._renumber(item.meeting_id)
        return True

    def outdent_agenda_item(self, item_id: int) -> bool:
        """Lift a sub-item to an item after its parent; the sub-items below it follow it.

        As in a Word outline, the order on the page never changes: "6.2" becomes
        "7" and the "6.3" that stood under it becomes "7.1". A sub-item of a Part 2 item
        stays Part 2 (flagged itself) until the clerk says otherwise.
        """
        item = self.agenda_item(item_id)
        if item.parent_id is None:
            return False
        parent = self.agenda_item(item.parent_id)
        followers = [s for s in self._siblings(item) if s.position > item.position]
        part2 = self.part2(item.meeting_id)
        exempt = part2.item(item.id)
        source = part2.inherited_from(item.id)
        with self.transaction():
            if exempt and not item.exempt:
                # It keeps the grounds it was taken in private on: its item's paragraph.
                self.conn.execute(
                    "UPDATE agenda_items SET exempt = 1, exempt_paragraph ="
                    " (SELECT exempt_paragraph FROM agenda_items WHERE id = ?) WHERE id = ?",
                    (source, item.id),
                )
            self.conn.execute(
                "UPDATE agenda_items SET position = position + 1"
                " WHERE meeting_id = ? AND parent_id IS NULL AND position > ?",
                (item.meeting_id, parent.position),
            )
            self.conn.execute(
                "UPDATE agenda_items SET parent_id = NULL, position = ? WHERE id = ?",
                (parent.position + 1, item.id),
            )
            for position, follower in enumerate(followers, start=1):
                self.conn.execute(
                    "UPDATE agenda_items SET parent_id = ?, position = ? WHERE id = ?",
                    (item.id, position, follower.id),
                )
            self._renumber(item.meeting_id)
        return True

    def copy_standing_items(self, meeting_id: int, from_meeting_id: int | None = None) -> int:
        """Give a meeting the standing items of the board's previous meeting; returns how many.

        Opening items (welcome, declarations, minutes) go first and closing ones
        (any other business) last, around whatever the agenda already holds.
        Without a previous agenda, the usual four are added.
        """
        from board_tui.domain.standing_items import is_standing

        meeting = self._row("SELECT * FROM meetings WHERE id = ?", (meeting_id,), "meeting")
        if from_meeting_id is None:
            from_meeting_id = self._scalar(
                """SELECT m.id FROM meetings m WHERE m.board_id = ? AND m.id <> ?
                       AND m.scheduled_start < ?
                       AND EXISTS (SELECT 1 FROM agenda_items i WHERE i.meeting_id = m.id)
                   ORDER BY m.scheduled_start DESC LIMIT 1""",
                (meeting["board_id"], meeting_id, meeting["scheduled_start"]),
            )
        opening: list[tuple[str, int | None]] = list(DEFAULT_STANDING_ITEMS)
        closing: list[tuple[str, int | None]] = list(DEFAULT_CLOSING_ITEMS)
        if from_meeting_id is not None:
            top = [i for i in self.agenda(from_meeting_id) if i.parent_id is None]
            business = [k for k, item in enumerate(top) if not is_standing(item.title)]
            first, last = (business[0], business[-1] + 1) if business else (len(top), len(top))
            opening = [(i.title, i.duration_minutes) for i in top[:first]]
            closing = [(i.title, i.duration_minutes) for i in top[last:]]
        have = {i.title.casefold() for i in self.agenda(meeting_id)}
        added = 0
        with self.transaction():
            after: int | None = None
            for title, minutes in opening:
                if title.casefold() in have:
                    continue
                new = self._add_at_top(meeting_id, title, minutes, after)
                after = new.id
                added += 1
            for title, minutes in closing:
                if title.casefold() in have:
                    continue
                self.add_agenda_item(meeting_id, title, duration_minutes=minutes)
                added += 1
        return added

    def clear_agenda(self, meeting_id: int) -> None:
        """Remove a whole agenda before it is replaced; refused once anything was minuted."""
        with self.transaction():
            minuted = self._scalar(
                "SELECT (SELECT count(*) FROM notes WHERE meeting_id = :m AND deleted_at IS NULL)"
                " + (SELECT count(*) FROM actions WHERE meeting_id = :m AND deleted_at IS NULL)"
                " + (SELECT count(*) FROM status_updates WHERE agenda_item_id IN"
                " (SELECT id FROM agenda_items WHERE meeting_id = :m))",
                {"m": meeting_id},
            )
            if minuted:
                raise BoardTuiError("the meeting already has minuted notes, actions or updates")
            self.conn.execute(
                "DELETE FROM agenda_items WHERE meeting_id = ? AND parent_id IS NOT NULL",
                (meeting_id,),
            )
            self.conn.execute("DELETE FROM agenda_items WHERE meeting_id = ?", (meeting_id,))

    # -- helpers -----------------------------------------------------------------------

    def _add_at_top(
        self, meeting_id: int, title: str, minutes: int | None, after: int | None
    ) -> AgendaItem:
        if after is not None:
            return self.add_agenda_item(meeting_id, title, after_id=after, duration_minutes=minutes)
        self.conn.execute(
            "UPDATE agenda_items SET position = position + 1"
            " WHERE meeting_id = ? AND parent_id IS NULL",
            (meeting_id,),
        )
        item = self.add_agenda_item(meeting_id, title, duration_minutes=minutes)
        self.conn.execute("UPDATE agenda_items SET position = 1 WHERE id = ?", (item.id,))
        self._renumber(meeting_id)
        return self.agenda_item(item.id)

    def _siblings(self, item: AgendaItem) -> list[AgendaItem]:
        return [
            rows.agenda_item(r)
            for r in self._rows(
                "SELECT * FROM agenda_items WHERE meeting_id = ? AND parent_id IS ?"
                " ORDER BY position, id",
                (item.meeting_id, item.parent_id),
            )
        ]

    def _close_gap(self, meeting_id: int, parent_id: int | None, position: int) -> None:
        self.conn.execute(
            "UPDATE agenda_items SET position = position - 1"
            " WHERE meeting_id = ? AND parent_id IS ? AND position > ?",
            (meeting_id, parent_id, position),
        )

    def _renumber(self, meeting_id: int) -> None:
        items = [
            rows.agenda_item(r)
            for r in self._rows("SELECT * FROM agenda_items WHERE meeting_id = ?", (meeting_id,))
        ]
        current = {item.id: item.number for item in items}
        for item_id, number in agenda_order.numbers(items).items():
            if current[item_id] != number:
                self.conn.execute(
                    "UPDATE agenda_items SET number = ? WHERE id = ?", (number, item_id)
                )
