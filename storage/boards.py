"""Boards, the people directory, and who sits on which board."""

from __future__ import annotations

import sqlite3

from board_tui.domain.errors import BoardTuiError, NotFoundError
from board_tui.domain.exclusion import ExclusionRule
from board_tui.domain.minute_numbers import MinuteNumbering
from board_tui.domain.model import Board, Contact, Membership, MembershipRole, Person
from board_tui.domain.quorum import QuorumRule
from board_tui.storage import rows
from board_tui.storage.base import StoreBase

_MEMBER_SELECT = """
    SELECT m.id, m.board_id, m.role, m.position,
           p.id AS person_id, p.name AS person_name, p.title AS person_title,
           p.organisation AS person_organisation, p.email AS person_email
    FROM memberships m JOIN people p ON p.id = m.person_id
"""
# Chair first, then members, then officers, each in the order the clerk added them.
_ROLE_ORDER = (
    "CASE m.role WHEN 'chair' THEN 0 WHEN 'independent' THEN 1 WHEN 'member' THEN 1 "
    "WHEN 'officer' THEN 2 ELSE 3 END"
)


def _person_columns(person: Person) -> dict[str, object]:
    return {
        "name": person.name,
        "title": person.title,
        "organisation": person.organisation,
        "email": person.email,
    }


def _board_columns(
    name: str,
    organisation: str | None,
    contact: Contact | None,
    word_template: str | None,
    exclusion_rule: ExclusionRule,
) -> dict[str, object]:
    return {
        "name": name,
        "organisation": organisation,
        "contact": rows.contact_text(contact),
        "word_template": word_template,
        "exclusion_rule": exclusion_rule.value,
    }


def _expected_board(board: Board) -> dict[str, object]:
    """The columns the board dialog shows, as the board read held them. No quorum is two
    empty columns (rows.quorum_rule reads only those)."""
    quorum = (
        {"quorum_count": None, "quorum_numerator": None}
        if board.quorum is None
        else rows.quorum_columns(board.quorum)
    )
    columns = _board_columns(
        board.name, board.organisation, board.contact, board.word_template, board.exclusion_rule
    )
    return columns | quorum


class BoardsMixin(StoreBase):
    def create_board(self, name: str, organisation: str | None = None) -> Board:
        name = name.strip()
        if not name:
            raise BoardTuiError("a board needs a name")
        try:
            board_id = self._insert(
                "INSERT INTO boards (name, organisation, created_at) VALUES (?, ?, ?)",
                (name, organisation, rows.stamp(self.clock())),
            )
        except sqlite3.IntegrityError:
            raise BoardTuiError(f"there is already a board called {name!r}") from None
        return self.board(board_id)

    def board(self, board_id: int) -> Board:
        return rows.board(self._row("SELECT * FROM boards WHERE id = ?", (board_id,), "board"))

    def board_by_name(self, name: str) -> Board:
        found = self._rows(
            f"SELECT * FROM boards WHERE {self.dialect.same_text('name')}", (name.strip(),)
        )
        if not found:
            raise NotFoundError(f"no board called {name!r}")
        return rows.board(found[0])

    def boards(self, *, include_archived: bool = False) -> list[Board]:
        where = "" if include_archived else "WHERE archived_at IS NULL"
        return [rows.board(r) for r in self._rows(f"SELECT * FROM boards {where} ORDER BY name")]

    def rename_board(self, board_id: int, name: str) -> Board:
        name = name.strip()
        if not name:
            raise BoardTuiError("a board needs a name")
        try:
            self._write("UPDATE boards SET name = ? WHERE id = ?", (name, board_id))
        except sqlite3.IntegrityError:
            raise BoardTuiError(f"there is already a board called {name!r}") from None
        return self.board(board_id)

    def archive_board(self, board_id: int) -> Board:
        self._write(
            "UPDATE boards SET archived_at = ? WHERE id = ?",
            (rows.stamp(self.clock()), board_id),
        )
        return self.board(board_id)

    def set_board_details(
        self, board_id: int, organisation: str | None, contact: Contact | None
    ) -> Board:
        self._write(
            "UPDATE boards SET organisation = ?, contact = ? WHERE id = ?",
            (organisation or None, rows.contact_text(contact), board_id),
        )
        return self.board(board_id)

    def update_board(
        self,
        board_id: int,
        *,
        name: str,
        organisation: str | None,
        contact: Contact | None,
        word_template: str | None,
        exclusion_rule: ExclusionRule,
        quorum: QuorumRule | None,
        expected: Board | None = None,
    ) -> Board:
        """Everything the board dialog edits, in one write: all of it lands or none.

        expected: the board as the dialog read it; refused (StaleEditError) if another
        clerk has changed any of those details since.
        """
        name = name.strip()
        if not name:
            raise BoardTuiError("a board needs a name")
        try:
            self._update_unless_changed(
                "boards",
                board_id,
                _board_columns(name, organisation or None, contact, word_template, exclusion_rule)
                | rows.quorum_columns(quorum),
                None if expected is None else _expected_board(expected),
                what="board",
                current=lambda: self.board(board_id),
            )
        except sqlite3.IntegrityError:
            raise BoardTuiError(f"there is already a board called {name!r}") from None
        return self.board(board_id)

    def set_exclusion_rule(self, board_id: int, rule: ExclusionRule) -> Board:
        """Which law the board excludes the public under: the minutes' resolution follows it."""
        self._write("UPDATE boards SET exclusion_rule = ? WHERE id = ?", (rule.value, board_id))
        return self.board(board_id)

    def set_minute_numbering(self, board_id: int, numbering: MinuteNumbering) -> Board:
        """How the board's minutes are numbered from now on (domain.minute_numbers)."""
        self._write(
            "UPDATE boards SET minute_scheme = ?, minute_prefix = ?, minute_start = ?,"
            " minute_start_year = ? WHERE id = ?",
            (
                numbering.scheme.value,
                " ".join(numbering.prefix.split()),
                numbering.start,
                numbering.start_year,
                board_id,
            ),
        )
        return self.board(board_id)

    def set_board_contact(self, board_id: int, contact: Contact | None) -> Board:
        self._write(
            "UPDATE boards SET contact = ? WHERE id = ?", (rows.contact_text(contact), board_id)
        )
        return self.board(board_id)

    def set_board_template(self, board_id: int, template: str | None) -> Board:
        """The board's default Word template for exports (None: the built-in style)."""
        self._write("UPDATE boards SET word_template = ? WHERE id = ?", (template, board_id))
        return self.board(board_id)

    def add_person(
        self,
        name: str,
        *,
        title: str | None = None,
        organisation: str | None = None,
        email: str | None = None,
    ) -> Person:
        name = " ".join(name.split())
        if not name:
            raise BoardTuiError("a person needs a name")
        person_id = self._insert(
            "INSERT INTO people (name, title, organisation, email, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (name, title, organisation, email, rows.stamp(self.clock())),
        )
        return self.person(person_id)

    def person(self, person_id: int) -> Person:
        return rows.person(self._row("SELECT * FROM people WHERE id = ?", (person_id,), "person"))

    def person_named(self, name: str) -> Person | None:
        """The person with exactly this name (ignoring case and spacing), if there is one."""
        found = self._rows(
            f"SELECT * FROM people WHERE {self.dialect.same_text('name')} ORDER BY id LIMIT 1",
            (" ".join(name.split()),),
        )
        return rows.person(found[0]) if found else None

    def people(self) -> list[Person]:
        return [rows.person(r) for r in self._rows("SELECT * FROM people ORDER BY name, id")]

    def update_person(
        self,
        person_id: int,
        *,
        name: str,
        title: str | None,
        organisation: str | None,
        email: str | None,
        expected: Person | None = None,
    ) -> Person:
        """People are shared between boards and meetings, so a rename shows everywhere.

        expected: the person as the clerk's dialog read them; the edit is refused
        (StaleEditError) if another clerk has changed them since.
        """
        name = " ".join(name.split())
        if not name:
            raise BoardTuiError("a person needs a name")
        self._update_unless_changed(
            "people",
            person_id,
            {"name": name, "title": title, "organisation": organisation, "email": email},
            None if expected is None else _person_columns(expected),
            what="person",
            current=lambda: self.person(person_id),
        )
        return self.person(person_id)

    def add_member(
        self,
        board_id: int,
        person_id: int,
        role: MembershipRole,
        position: str | None = None,
    ) -> Membership:
        with self.transaction():
            order = self._scalar(
                "SELECT coalesce(max(sort_order), 0) + 1 FROM memberships WHERE board_id = ?",
                (board_id,),
            )
            try:
                membership_id = self._insert(
                    "INSERT INTO memberships (board_id, person_id, role, position, sort_order)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (board_id, person_id, role.value, position, order),
                )
            except sqlite3.IntegrityError:
                raise BoardTuiError("that person is already on this board") from None
        return self.membership(membership_id)

    def update_member(
        self,
        membership_id: int,
        role: MembershipRole,
        position: str | None,
        *,
        expected: Membership | None = None,
    ) -> Membership:
        """expected: the membership as the dialog read it (StaleEditError if changed since)."""
        self._update_unless_changed(
            "memberships",
            membership_id,
            {"role": role.value, "position": position or None},
            None
            if expected is None
            else {"role": expected.role.value, "position": expected.position},
            what="membership",
            current=lambda: self.membership(membership_id),
        )
        return self.membership(membership_id)

    def membership(self, membership_id: int) -> Membership:
        return rows.membership(
            self._row(f"{_MEMBER_SELECT} WHERE m.id = ?", (membership_id,), "membership")
        )

    def remove_member(self, membership_id: int) -> None:
        """Off the board from now on; past attendance and minutes keep the person."""
        self._write("DELETE FROM memberships WHERE id = ?", (membership_id,))

    def members(self, board_id: int) -> list[Membership]:
        return [
            rows.membership(r)
            for r in self._rows(
                f"{_MEMBER_SELECT} WHERE m.board_id = ? ORDER BY {_ROLE_ORDER}, m.sort_order",
                (board_id,),
            )
        ]
