"""Which paragraph of Schedule 12A an exempt item is taken in private under.

Asked when the clerk marks an item exempt (x in the agenda editor): the seven
paragraphs of Part 1 in their statutory words, chosen by their number (or up/down and
enter). "Not chosen yet" still marks the item exempt; the minutes' resolution then
carries a placeholder the preview shows, so it is fixed before the minutes go out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from board_tui.domain.exclusion import SCHEDULE_12A, paragraph_words
from board_tui.screens.dialogs.form import dialog_box

NOT_YET = "not-yet"


@dataclass(frozen=True)
class ParagraphChoice:
    """The paragraph chosen, or None: exempt, the paragraph to be chosen later."""

    paragraph: int | None


class ParagraphDialog(ModalScreen[ParagraphChoice | None]):
    """Seven paragraphs and "not chosen yet"; escape leaves the item as it was."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="paragraph.cancel"),
    ]

    def __init__(self, context: str, current: int | None = None) -> None:
        super().__init__()
        self.context = context
        self.current = current

    def compose(self) -> ComposeResult:
        with dialog_box(
            f"Exempt: {self.context}", "1-7 chooses · 0 not chosen yet · escape cancel"
        ):
            yield Label(
                "Exempt information under Part 1 of Schedule 12A to the Local Government"
                " Act 1972, paragraph:",
                classes="hint",
            )
            options = [Option(paragraph_words(n), id=str(n)) for n in SCHEDULE_12A]
            options.append(
                Option("0 \u2013 Not chosen yet (the minutes show a placeholder)", id=NOT_YET)
            )
            yield OptionList(*options, id="paragraphs")

    def on_mount(self) -> None:
        paragraphs = self.query_one("#paragraphs", OptionList)
        paragraphs.highlighted = (self.current or 1) - 1
        paragraphs.focus()

    def ready_for_keys(self) -> bool:
        """Typed keys wait until the list has the focus (the type-ahead gate asks)."""
        return self.focused is not None

    def on_key(self, event: events.Key) -> None:
        """A paragraph by its number, as the clerk reads it off the report's front page."""
        if event.character and event.character in "01234567":
            event.stop()
            number = int(event.character)
            self.dismiss(ParagraphChoice(number or None))

    @on(OptionList.OptionSelected, "#paragraphs")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id
        self.dismiss(ParagraphChoice(None if option_id == NOT_YET else int(option_id or 0)))

    def action_cancel(self) -> None:
        self.dismiss(None)
