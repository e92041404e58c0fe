"""Link the current agenda item to plan items: type a ref or words, enter links or unlinks."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from board_tui.domain.formatting import shorten
from board_tui.domain.plan_records import PlanItem
from board_tui.screens.dialogs.form import dialog_box


class LinkDialog(ModalScreen[None]):
    """Link the current agenda item to plan items: type a ref or words, enter toggles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "dismiss",
            "Done",
            priority=True,
            id="link.done",
            tooltip="Close: the links are saved",
        ),
    ]

    def __init__(
        self,
        context: str,
        *,
        find: Callable[[str], list[PlanItem]],
        linked: Callable[[], set[int]],
        toggle: Callable[[PlanItem], None],
    ) -> None:
        super().__init__()
        self.context = context
        self._find = find
        self._linked = linked
        self._toggle = toggle
        self._matches: list[PlanItem] = []

    def compose(self) -> ComposeResult:
        with dialog_box(
            f"Link {self.context} to plan items",
            "type to find · down/up choose · enter link/unlink · escape done",
        ):
            yield Input(
                id="find", placeholder="a ref (\u201c4\u201d) or words (\u201cyou said\u201d)"
            )
            yield OptionList(id="matches")

    def on_mount(self) -> None:
        self.query_one("#find", Input).focus()
        self._refresh("")

    @on(Input.Changed, "#find")
    def _typed(self, event: Input.Changed) -> None:
        self._refresh(event.value)

    def _refresh(self, value: str) -> None:
        self._matches = self._find(value)
        linked = self._linked()
        options = self.query_one("#matches", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(
            Option(
                Text.assemble(
                    ("[linked] " if item.id in linked else "         ", "bold"),
                    f"{item.ref}. {shorten(item.recommendation, 80)}",
                )
            )
            for item in self._matches
        )
        if self._matches:
            options.highlighted = min(highlighted or 0, len(self._matches) - 1)

    def on_key(self, event: Key) -> None:
        options = self.query_one("#matches", OptionList)
        if event.key in ("down", "up") and self.query_one("#find", Input).has_focus:
            options.action_cursor_down() if event.key == "down" else options.action_cursor_up()
            event.stop()
        elif event.key == "enter" and self._matches:
            index = options.highlighted or 0
            self._toggle(self._matches[index])
            self._refresh(self.query_one("#find", Input).value)
            event.stop()
