"""The questions a dialog asks: yes or no, and what to do with words not yet saved."""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from board_tui.screens.dialogs.form import dialog_box


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question: y or enter says yes, n or escape says no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", priority=True, id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", priority=True, id="confirm.no"),
    ]

    def __init__(self, title: str, question: str | Text) -> None:
        super().__init__()
        self.title_text = title
        self.question = question

    def compose(self) -> ComposeResult:
        with dialog_box(self.title_text, "y yes · n no"):
            yield Static(self.question)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class SamePlanDialog(ModalScreen[bool | None]):
    """A plan whose title is new but whose items are a plan the board has: u updates that
    plan, n makes a new one, escape imports nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "answer(True)", "Update that plan", priority=True, id="same-plan.update"),
        Binding("n", "answer(False)", "New plan", priority=True, id="same-plan.new"),
        Binding("escape", "cancel", "Import nothing", priority=True, id="same-plan.cancel"),
    ]

    def __init__(self, question: str | Text) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with dialog_box(
            "Next month's plan?", "u update that plan · n a new plan · escape import nothing"
        ):
            yield Static(self.question)

    def action_answer(self, update: bool) -> None:
        self.dismiss(update)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LeaveChoice(Enum):
    KEEP = "keep"
    DISCARD = "discard"


class LeaveDialog(ModalScreen[LeaveChoice | None]):
    """Escape on words not saved: keep them as a draft (k), throw them away (d), or go back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "choose('keep')", "Keep as draft", priority=True, id="leave.keep"),
        Binding("d", "choose('discard')", "Discard", priority=True, id="leave.discard"),
        Binding("escape,b", "back", "Back to the words", priority=True, id="leave.back"),
    ]

    def __init__(self, *, can_keep: bool) -> None:
        super().__init__()
        self.can_keep = can_keep

    def compose(self) -> ComposeResult:
        keys = (
            "k keep as draft · d discard · escape back"
            if self.can_keep
            else ("d discard · escape back")
        )
        question = (
            "These words are not saved. Keep them as a draft, throw them away, or go back?"
            if self.can_keep
            else "These changes are not saved. Throw them away, or go back?"
        )
        with dialog_box("Not saved", keys):
            yield Static(question)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "choose" and parameters == ("keep",) and not self.can_keep)

    def action_choose(self, choice: str) -> None:
        self.dismiss(LeaveChoice(choice))

    def action_back(self) -> None:
        self.dismiss(None)
