"""The floor for cold start: a bare Textual app with a Header, a Footer and a 20-row table."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

LAST_ROW = "Floor row 20"


class FloorApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]  # noqa: RUF012 (as Textual's own examples write it)

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table: DataTable[str] = self.query_one(DataTable)
        table.add_columns("Item", "Lead", "Status")
        for n in range(1, 21):
            table.add_row(f"Floor row {n}", "A lead", "On track")


if __name__ == "__main__":
    FloorApp().run()
