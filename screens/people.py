"""People: who sits on a board, and the directory every board shares.

A person is kept once, so a new job title or a corrected spelling shows on
every board, agenda and set of minutes they appear in.
"""

from __future__ import annotations

import contextlib
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from board_tui.domain.formatting import shorten
from board_tui.domain.model import Membership, Person
from board_tui.screens.dialogs.edits import SharedEdit
from board_tui.screens.dialogs.questions import ConfirmDialog
from board_tui.screens.dialogs.setup import (
    PERSON_FIELDS,
    MembershipDialog,
    MembershipInput,
    PersonDialog,
    PersonInput,
)
from board_tui.screens.shell.footer import SteadyFooter
from board_tui.screens.shell.notices import refusals_as_notices
from board_tui.storage.store import Store


class PeopleScreen(Screen[None]):
    """The board's members above, the directory below; tab moves between them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_person", "New person", id="people.add"),
        Binding("enter", "edit", "Edit", id="people.edit"),
        Binding("b", "join", "Add to board", id="people.join"),
        Binding("r", "role", "Role", id="people.role"),
        Binding("delete", "leave", "Off the board", id="people.leave"),
        Binding("escape", "app.pop_screen", "Back", id="people.back"),
    ]

    def __init__(self, store: Store, board_id: int) -> None:
        super().__init__()
        self.store = store
        self.board_id = board_id
        self._members: list[Membership] = []
        self._people: list[Person] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="people-heading")
        members: DataTable[str] = DataTable(id="members", cursor_type="row", classes="pane")
        members.border_title = "On this board"
        yield members
        directory: DataTable[str] = DataTable(id="directory", cursor_type="row", classes="pane")
        directory.border_title = "Directory (every board's people)"
        yield directory
        yield SteadyFooter()

    def on_mount(self) -> None:
        board = self.store.board(self.board_id)
        self.sub_title = f"{board.name} · people"
        self.query_one("#people-heading", Static).update(
            f"[b]{board.name}[/b]\n[dim]b adds the chosen directory person to the board · "
            "r changes a member's role · delete takes them off the board[/dim]"
        )
        self.query_one("#members", DataTable).add_columns("Name", "Role", "Shown as")
        self.query_one("#directory", DataTable).add_columns(
            "Name", "Role or title", "Organisation", "Email"
        )
        self.reload()
        self.query_one("#members", DataTable).focus()

    def reload(self) -> None:
        self._members = self.store.members(self.board_id)
        self._people = self.store.people()
        members = self.query_one("#members", DataTable)
        row = members.cursor_row
        members.clear()
        for m in self._members:
            members.add_row(m.person.name, m.role.label, shorten(m.position or "", 60))
        if self._members:
            members.move_cursor(row=min(max(row, 0), len(self._members) - 1))
        directory = self.query_one("#directory", DataTable)
        row = directory.cursor_row
        directory.clear()
        for p in self._people:
            directory.add_row(
                p.name, shorten(p.title or "", 40), shorten(p.organisation or "", 30), p.email or ""
            )
        if self._people:
            directory.move_cursor(row=min(max(row, 0), len(self._people) - 1))

    def _told(self) -> contextlib.AbstractContextManager[None]:
        return refusals_as_notices(self)

    def _in_members(self) -> bool:
        return self.focused is self.query_one("#members", DataTable)

    def _chosen_member(self) -> Membership | None:
        row = self.query_one("#members", DataTable).cursor_row
        return self._members[row] if 0 <= row < len(self._members) else None

    def _chosen_person(self) -> Person | None:
        if self._in_members():
            member = self._chosen_member()
            return member.person if member else None
        row = self.query_one("#directory", DataTable).cursor_row
        return self._people[row] if 0 <= row < len(self._people) else None

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_edit()

    def action_add_person(self) -> None:
        def saved(value: PersonInput | None) -> None:
            if value is None:
                return
            with self._told():
                person = self.store.add_person(
                    value.name,
                    title=value.title,
                    organisation=value.organisation,
                    email=value.email,
                )
                self.reload()
                directory = self.query_one("#directory", DataTable)
                directory.move_cursor(row=[p.id for p in self._people].index(person.id))
                directory.focus()
                self.notify(f"{person.name} added: b puts them on the board.")

        self.app.push_screen(PersonDialog("New person"), saved)

    def action_edit(self) -> None:
        person = self._chosen_person()
        if person is None:
            return

        def write(value: PersonInput, expected: Person) -> object:
            return self.store.update_person(
                person.id,
                name=value.name,
                title=value.title,
                organisation=value.organisation,
                email=value.email,
                expected=expected,
            )

        edit = SharedEdit(person, write, _person_fields)
        self.app.push_screen(
            PersonDialog(person.name, fields=edit.fields(), save=edit), self._edited
        )

    def action_join(self) -> None:
        person = self._chosen_person()
        if person is None:
            return

        def saved(value: MembershipInput | None) -> None:
            if value is not None:
                with self._told():
                    self.store.add_member(self.board_id, person.id, value.role, value.position)
                    self.reload()

        self.app.push_screen(
            MembershipDialog(f"{person.name} joins the board", position=person.title or ""),
            saved,
        )

    def action_role(self) -> None:
        member = self._chosen_member()
        if member is None:
            return

        def write(value: MembershipInput, expected: Membership) -> object:
            return self.store.update_member(
                member.id, value.role, value.position, expected=expected
            )

        self.app.push_screen(
            MembershipDialog(
                member.person.name,
                role=member.role,
                position=member.position or "",
                save=SharedEdit(member, write, _membership_fields),
            ),
            self._edited,
        )

    def _edited(self, value: object | None) -> None:
        """An edit dialog closed: saved (the dialog wrote it), or left."""
        if value is not None:
            self.reload()

    def action_leave(self) -> None:
        member = self._chosen_member()
        if member is None or not self._in_members():
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.store.remove_member(member.id)
                self.reload()

        self.app.push_screen(
            ConfirmDialog(
                "Off the board?",
                f"Take {member.person.name} off the board? Past minutes keep them.",
            ),
            confirmed,
        )


def _person_fields(person: Person) -> dict[str, str]:
    values = (person.name, person.title, person.organisation, person.email)
    return {field: value or "" for field, value in zip(PERSON_FIELDS, values, strict=True)}


def _membership_fields(member: Membership) -> dict[str, str]:
    return {"role": member.role.label, "position": member.position or ""}
