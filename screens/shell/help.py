"""The help screen: the keyboard map, from the same table the README is checked against."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from board_tui.screens.shell.keymap import KEYMAP, shown_keys


def keymap_table(keymap: dict[str, str] | None = None) -> Table:
    """Every key, as the README lists them, with the user's own where they changed one."""
    table = Table(box=None, show_header=False, padding=(0, 2), expand=True)
    table.add_column("keys", style="bold", no_wrap=True, width=18)
    table.add_column("does", ratio=1)
    for section, keys in KEYMAP.items():
        table.add_row(Text(section, style="bold underline"), "")
        for key in keys:
            table.add_row(shown_keys(key, keymap or {}), key.does)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    def __init__(self, keymap: dict[str, str] | None = None) -> None:
        super().__init__()
        self.keymap = keymap or {}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keyboard"
            body.border_subtitle = "escape closes"
            yield Static(keymap_table(self.keymap))
