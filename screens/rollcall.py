"""The roll call: who is present, remote, sent apologies or is absent; guests; declarations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Label, Select, Static, TextArea

from board_tui.domain.drafts import Draft, DraftKind, DraftTarget
from board_tui.domain.formatting import minutes_time
from board_tui.domain.model import AttendanceKind, Capacity, MembershipRole, Person
from board_tui.domain.quorum import InterestKind
from board_tui.screens.dialogs.fields import NameField
from board_tui.screens.dialogs.form import FORM_KEYS, DraftSlot, FormDialog, dialog_box, text_area
from board_tui.screens.shell.footer import SteadyFooter
from board_tui.services.drafts import StoreDraftSlot
from board_tui.storage.store import Store

KIND_WORDS = {
    AttendanceKind.IN_PERSON: "Present",
    AttendanceKind.REMOTE: "Remote",
    AttendanceKind.APOLOGIES: "Apologies",
    AttendanceKind.ABSENT: "Absent",
}


@dataclass(frozen=True)
class GuestInput:
    name: str
    title: str | None
    capacity: Capacity


class GuestDialog(FormDialog[GuestInput]):
    """Someone not on the board's list: an officer in attendance, or a guest."""

    def __init__(
        self, names: list[str], *, save: Callable[[GuestInput], object] | None = None
    ) -> None:
        super().__init__("Add an officer or guest in attendance", save=save)
        self.names = names

    def compose(self) -> ComposeResult:
        with dialog_box(self.dialog_title, FORM_KEYS):
            yield Label("Name")
            yield NameField(self.names, field_id="name")
            yield Label("Role or organisation")
            yield Input(id="title")
            yield Label("Attending as")
            yield Select(
                [("An officer (listed under Officers Present)", Capacity.OFFICER.value),
                 ("A guest (listed under Also Present)", Capacity.GUEST.value)],
                value=Capacity.OFFICER.value,
                allow_blank=False,
                id="capacity",
            )  # fmt: skip

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def fields(self) -> dict[str, str]:
        return {
            "name": self.query_one("#name", Input).value,
            "title": self.query_one("#title", Input).value,
            "capacity": str(self.query_one("#capacity", Select).value),
        }

    def result(self) -> GuestInput | None:
        values = self.fields()
        name = values["name"].strip()
        if not name:
            self.notify("Who is it? Type the name.")
            return None
        return GuestInput(name, values["title"].strip() or None, Capacity(values["capacity"]))


@dataclass(frozen=True)
class DeclarationInput:
    person: str
    interest: str
    item_number: str | None
    kind: InterestKind = InterestKind.OTHER


class DeclarationDialog(FormDialog[DeclarationInput]):
    def __init__(
        self,
        people: list[str],
        item_numbers: list[str],
        *,
        fields: dict[str, str] | None = None,
        draft: DraftSlot | None = None,
        save: Callable[[DeclarationInput], object] | None = None,
    ) -> None:
        super().__init__("Declaration of interest", draft=draft, save=save, fields=fields)
        self.people = people
        self.item_numbers = item_numbers

    def compose(self) -> ComposeResult:
        with dialog_box(self.dialog_title, FORM_KEYS):
            yield Label("Who")
            yield NameField(self.people, value=self.initial.get("person", ""), field_id="person")
            yield Label("Agenda item number (optional)")
            yield Input(
                self.initial.get("item", ""), id="item", placeholder=", ".join(self.item_numbers)
            )
            yield Label("Interest declared (as the minutes should say it)")
            yield text_area(self.initial.get("interest", ""), "interest")
            # Last, so the usual who, item, words, ctrl+s is typed as it always was.
            yield Label("Kind of interest (pecuniary or prejudicial: they leave for the item)")
            yield Select(
                [(kind.label, kind.value) for kind in InterestKind],
                value=self.initial.get("kind", InterestKind.OTHER.value),
                allow_blank=False,
                id="kind",
            )

    def on_mount(self) -> None:
        interest = self.query_one("#interest", TextArea)
        if interest.text:
            # A restored draft carries on where the typing stopped.
            interest.focus()
            interest.move_cursor(interest.document.end)
        else:
            self.query_one("#person", Input).focus()

    def fields(self) -> dict[str, str]:
        return {
            "person": self.query_one("#person", Input).value,
            "item": self.query_one("#item", Input).value,
            "interest": self.query_one("#interest", TextArea).text,
            "kind": str(self.query_one("#kind", Select).value),
        }

    def result(self) -> DeclarationInput | None:
        person = self.query_one("#person", Input).value.strip()
        interest = self.query_one("#interest", TextArea).text.strip()
        item = self.query_one("#item", Input).value.strip().rstrip(".") or None
        if not person or not interest:
            self.notify("A declaration needs the person and the interest.")
            return None
        if item is not None and item not in self.item_numbers:
            self.notify(f"There is no item {item} on this agenda.")
            return None
        kind = InterestKind(str(self.query_one("#kind", Select).value))
        if kind.withdraws and item is None:
            self.notify("Which item? A member withdraws for an item: type its number.")
            return None
        return DeclarationInput(person, interest, item, kind)


class RollCallScreen(Screen[None]):
    """One row per board member, officer and guest; a letter sets each one's attendance."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "mark('in_person')", "In", id="rollcall.present", tooltip="Present in person"),
        Binding("m", "mark('remote')", "Remote", id="rollcall.remote"),
        Binding("a", "mark('apologies')", "Apologies", id="rollcall.apologies"),
        Binding("x", "mark('absent')", "Absent", id="rollcall.absent"),
        Binding(
            "t",
            "arrived",
            "Arrived now",
            show=False,
            id="rollcall.arrived",
            tooltip="Arrived now, during the current item: counted in the quorum from it",
        ),
        Binding(
            "o",
            "left",
            "Left now",
            show=False,
            id="rollcall.left",
            tooltip="Left the meeting now, during the current item: not counted from it",
        ),
        Binding("g", "guest", "Add", id="rollcall.guest", tooltip="An officer or guest"),
        Binding("d", "declaration", "Declare", id="rollcall.declaration"),
        Binding("n", "no_declarations", "None declared", id="rollcall.no-declarations"),
        Binding("escape", "app.pop_screen", "Back", id="rollcall.back"),
    ]

    def __init__(self, store: Store, meeting_id: int) -> None:
        super().__init__()
        self.store = store
        self.meeting_id = meeting_id
        self._rows: list[tuple[Person, Capacity]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable[str | Text] = DataTable(id="roll", cursor_type="row", classes="pane")
        table.border_title = "Roll call"
        yield table
        yield Static(id="quorum")
        yield Static(id="declarations")
        yield SteadyFooter()

    def on_mount(self) -> None:
        meeting = self.store.meeting(self.meeting_id)
        self.sub_title = f"Roll call · {meeting.scheduled_start:%d %b %Y}"
        table = self.query_one("#roll", DataTable)
        table.add_columns("Name", "Attendance", "Arrived", "Left", "Role")
        self.refresh_rows()
        table.focus()

    def refresh_rows(self) -> None:
        meeting = self.store.meeting(self.meeting_id)
        records = {a.person.id: a for a in self.store.attendance(self.meeting_id)}
        members = self.store.members(meeting.board_id)
        self._rows = [
            (m.person, Capacity.OFFICER if m.role is MembershipRole.OFFICER else Capacity.MEMBER)
            for m in members
        ]
        listed = {person.id for person, _ in self._rows}
        self._rows += [
            (a.person, a.capacity) for a in records.values() if a.person.id not in listed
        ]
        roles = {m.person.id: m.position or m.role.label for m in members}
        table = self.query_one("#roll", DataTable)
        cursor = table.cursor_row
        table.clear()
        for person, capacity in self._rows:
            record = records.get(person.id)
            attendance = Text(KIND_WORDS[record.kind], style="bold") if record else Text("—")
            table.add_row(
                person.name,
                attendance,
                minutes_time(record.arrived_at) if record and record.arrived_at else "",
                minutes_time(record.left_at) if record and record.left_at else "",
                roles.get(person.id, f"{capacity.value.title()}: {person.title or ''}".strip()),
                key=str(person.id),
            )
        table.move_cursor(row=min(cursor, max(len(self._rows) - 1, 0)))
        self._show_declarations()
        self._show_quorum()

    def _show_quorum(self) -> None:
        """Live as members are marked: "Quorate (5 of 4 needed)"; nothing without a rule."""
        quorum = self.store.meeting_quorum(self.meeting_id)
        line = self.query_one("#quorum", Static)
        line.display = quorum is not None
        if quorum is None:
            return
        line.set_class(not quorum.now.quorate, "-inquorate")
        line.update(
            Text.assemble((quorum.now.words, "bold"), ("  quorum: " + quorum.rule_words, "dim"))
        )

    def _show_declarations(self) -> None:
        meeting = self.store.meeting(self.meeting_id)
        declarations = self.store.declarations(self.meeting_id)
        text = Text("Declarations of interest: ", style="bold")
        if declarations:
            numbers = {i.id: i.number for i in self.store.agenda(self.meeting_id)}
            for declaration in declarations:
                number = numbers.get(declaration.agenda_item_id or -1)
                where = f" (item {number})" if number else ""
                text.append(f"\n • {declaration.person.name}{where}: {declaration.interest}")
        elif meeting.no_declarations:
            text.append("none (recorded)")
        else:
            text.append("not yet recorded — d to add one, n if there are none", style="dim")
        self.query_one("#declarations", Static).update(text)

    def _current(self) -> tuple[Person, Capacity] | None:
        row = self.query_one("#roll", DataTable).cursor_row
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _record(self, **times: Any) -> None:
        current = self._current()
        if current is None:
            return
        person, capacity = current
        existing = {a.person.id: a for a in self.store.attendance(self.meeting_id)}.get(person.id)
        kind = existing.kind if existing else AttendanceKind.IN_PERSON
        arrived = times.get("arrived_at", existing.arrived_at if existing else None)
        left = times.get("left_at", existing.left_at if existing else None)
        kind = times.get("kind", kind)
        self.store.record_attendance(
            self.meeting_id, person.id, kind, capacity, arrived_at=arrived, left_at=left
        )
        self.refresh_rows()

    def action_mark(self, kind: str) -> None:
        self._record(kind=AttendanceKind(kind))
        table = self.query_one("#roll", DataTable)
        table.move_cursor(row=table.cursor_row + 1)

    def action_arrived(self) -> None:
        current = self._current()
        if current is None:
            return
        with self.store.transaction():  # the mark and its time and item, or neither
            self._record(kind=AttendanceKind.IN_PERSON)
            self.store.record_arrival(self.meeting_id, current[0].id)
        self.refresh_rows()

    def action_left(self) -> None:
        current = self._current()
        if current is None:
            return
        with self.store.transaction():
            self._record()
            self.store.record_departure(self.meeting_id, current[0].id)
        self.refresh_rows()

    def action_guest(self) -> None:
        def save(guest: GuestInput) -> None:
            with self.store.transaction():
                person = self.store.person_named(guest.name) or self.store.add_person(
                    guest.name, title=guest.title
                )
                self.store.record_attendance(
                    self.meeting_id, person.id, AttendanceKind.IN_PERSON, guest.capacity
                )

        names = [p.name for p in self.store.people()]
        self.app.push_screen(GuestDialog(names, save=save), lambda _: self.refresh_rows())

    def action_declaration(self) -> None:
        self.open_declaration({})

    def open_declaration(self, fields: dict[str, str], resuming: Draft | None = None) -> None:
        """The declaration dialog, empty or with the words kept in a draft."""
        items = self.store.agenda(self.meeting_id)
        people = [person.name for person, _ in self._rows]
        slot = (
            StoreDraftSlot.resuming(self.store, resuming)
            if resuming is not None
            else StoreDraftSlot(self.store, self.meeting_id, DraftTarget(DraftKind.DECLARATION))
        )

        def save(value: DeclarationInput) -> None:
            with self.store.transaction():
                person = self.store.person_named(value.person) or self.store.add_person(
                    value.person
                )
                item_id = next((i.id for i in items if i.number == value.item_number), None)
                self.store.add_declaration(
                    self.meeting_id,
                    person.id,
                    value.interest,
                    agenda_item_id=item_id,
                    kind=value.kind,
                )
                slot.discard()

        self.app.push_screen(
            DeclarationDialog(
                people, [i.number for i in items], fields=fields, draft=slot, save=save
            ),
            lambda _: self.refresh_rows(),  # a withdrawal changes the quorum
        )

    def action_no_declarations(self) -> None:
        if self.store.declarations(self.meeting_id):
            self.notify("Declarations are recorded already.", severity="warning")
            return
        self.store.set_no_declarations(self.meeting_id)
        self._show_declarations()
