"""Words typed and not saved (after a crash, or kept on escape): restore one, or discard it."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from board_tui.domain.drafts import Draft
from board_tui.domain.formatting import minutes_time, short_date, shorten
from board_tui.screens.dialogs.form import dialog_box


def draft_prompt(draft: Draft) -> Text:
    when = f"{short_date(draft.updated_at.date())}, {minutes_time(draft.updated_at)}"
    return Text.assemble(
        (f"{draft.target.kind.words.capitalize()} ", "bold"),
        (f"kept {when}\n", "dim"),
        ("  " + (shorten(draft.words, 300) or "(no words)"), "italic"),
    )


class DraftsDialog(ModalScreen[Draft | None]):
    """Each draft with its words: enter (or y) restores it, x discards it, escape leaves them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "restore", "Restore", priority=True, id="drafts.restore"),
        Binding("x", "discard", "Discard for good", priority=True, id="drafts.discard"),
        Binding("escape", "later", "Keep for later", priority=True, id="drafts.later"),
    ]

    def __init__(self, drafts: list[Draft], discard: Callable[[str], None], *, title: str) -> None:
        super().__init__()
        self.drafts = list(drafts)
        self._discard = discard
        self._title = title

    def compose(self) -> ComposeResult:
        with dialog_box(self._title, "enter or y restore · x discard · escape later"):
            yield Static(
                "Words that were typed and not saved. Restore one to carry on where you were."
            )
            yield OptionList(*(Option(draft_prompt(d), id=d.key) for d in self.drafts), id="drafts")

    def on_mount(self) -> None:
        options = self.query_one("#drafts", OptionList)
        options.focus()
        options.highlighted = len(self.drafts) - 1 if self.drafts else None

    def _chosen(self) -> Draft | None:
        index = self.query_one("#drafts", OptionList).highlighted
        return self.drafts[index] if index is not None and self.drafts else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_restore()

    def action_restore(self) -> None:
        draft = self._chosen()
        if draft is not None:
            self.dismiss(draft)

    def action_discard(self) -> None:
        draft = self._chosen()
        if draft is None:
            return
        self._discard(draft.key)
        self.drafts.remove(draft)
        options = self.query_one("#drafts", OptionList)
        options.remove_option(draft.key)
        if not self.drafts:
            self.dismiss(None)

    def action_later(self) -> None:
        self.dismiss(None)
