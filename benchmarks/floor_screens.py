"""Floors for the screen benchmarks: the same interactions in bare Textual apps.

A key's cost in board-tui is partly Textual's own (a dialog closing and the screen
repainting, a table refilled and redrawn). These apps do only that, with no store,
so the ratio says how much board-tui adds, and it moves less than the milliseconds
when the machine is busy.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, OptionList

ROWS = 40


class NoteFloor(ModalScreen[str]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "save", "Save", priority=True)]

    def compose(self) -> ComposeResult:
        yield Input()

    def action_save(self) -> None:
        self.dismiss(self.query_one(Input).value)


class CaptureFloorApp(App[None]):
    """c opens a one-field dialog; ctrl+s closes it and the words join a list."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("c", "capture", "Comment")]

    def compose(self) -> ComposeResult:
        yield Header()
        agenda: DataTable[str] = DataTable()
        agenda.add_columns("No.", "Item")
        agenda.add_rows([(str(n), f"Agenda item {n}") for n in range(1, 13)])
        yield agenda
        yield OptionList(id="notes")
        yield Footer()

    def action_capture(self) -> None:
        def saved(words: str | None) -> None:
            if words:
                self.query_one("#notes", OptionList).add_option(words)

        self.push_screen(NoteFloor(), saved)


class TableFloor(Screen[None]):
    """A filter field over a table of ROWS of the matching items."""

    def __init__(self, items: list[str]) -> None:
        super().__init__()
        self.items = items
        self.text = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(id="find")
        table: DataTable[Text] = DataTable(id="table", cursor_type="row")
        table.add_columns("#", "Recommendation", "Status")
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#table", DataTable).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.text = event.value
        self.fill()

    def fill(self) -> None:
        table = self.query_one("#table", DataTable)
        table.clear()
        found = [item for item in self.items if self.text in item][:ROWS]
        for n, item in enumerate(found, 1):
            table.add_row(Text(str(n)), Text(item[:42]), Text("On track"))


class PlanFloorApp(App[None]):
    """enter opens the table screen; / focuses its filter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open"),
        Binding("slash", "find", "Find"),
        Binding("escape", "close", "Back"),
    ]

    def __init__(self, items: list[str]) -> None:
        super().__init__()
        self.items = items

    def compose(self) -> ComposeResult:
        yield Header()
        yield Footer()

    def action_open(self) -> None:
        if not isinstance(self.screen, TableFloor):
            self.push_screen(TableFloor(self.items))

    def action_find(self) -> None:
        self.screen.query_one("#find", Input).focus()

    def action_close(self) -> None:
        if isinstance(self.screen, TableFloor):
            self.pop_screen()
