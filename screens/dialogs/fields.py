"""Fields the forms share: a name with suggestions, a time frame, a plan item, a status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import Key
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from board_tui.domain.formatting import short_date, shorten
from board_tui.domain.plan_records import PlanItem
from board_tui.domain.statuses import STYLES, Status

SHOWN_MATCHES = 5


def names_matching(names: Sequence[str], typed: str) -> list[str]:
    """Names with a word that starts with what is typed ("Mah" finds "Dr Mahera Ruby"),
    those that start with it first; the words typed must all match, in any order."""
    words = typed.casefold().split()
    if not words:
        return []
    whole = " ".join(words)
    found = []
    for name in names:
        folded = name.casefold()
        parts = folded.replace(",", " ").replace("(", " ").split()
        if all(any(p.startswith(w) for p in parts) for w in words) or whole in folded:
            found.append(name)
    return sorted(found, key=lambda n: not n.casefold().startswith(whole))


class NameField(Vertical):
    """A person's name: the names that match are shown beneath; right (or tab) accepts the
    chosen one, up/down choose among them, and a name not in the list is kept as typed."""

    def __init__(self, names: Sequence[str], *, value: str = "", field_id: str) -> None:
        super().__init__(classes="picker")
        self._names = list(dict.fromkeys(names))
        self._value = value
        self._field_id = field_id
        self.matches: list[str] = []
        self.chosen = 0

    def compose(self) -> ComposeResult:
        yield Input(
            self._value,
            id=self._field_id,
            placeholder="a name or part of one (right accepts the name shown); new names are fine",
        )
        yield Static(classes="matches")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self.matches = [
            n for n in names_matching(self._names, event.value) if n != event.value.strip()
        ]
        self.chosen = 0
        self._show()

    def _show(self) -> None:
        text = Text()
        for n, name in enumerate(self.matches[:SHOWN_MATCHES]):
            chosen = n == self.chosen
            text.append(("→ " if chosen else "  ") + name + "\n", style="bold" if chosen else "dim")
        self.query_one(".matches", Static).update(text)

    def on_key(self, event: Key) -> None:
        if not self.matches:
            return
        if event.key in ("down", "up"):
            step = 1 if event.key == "down" else -1
            self.chosen = (self.chosen + step) % min(len(self.matches), SHOWN_MATCHES)
            self._show()
            event.stop()
        elif event.key == "right" and self.input.cursor_at_end:
            self.input.value = self.matches[self.chosen]
            self.input.cursor_position = len(self.input.value)
            event.stop()


class PlanItemPicker(Vertical):
    """Type a ref or some words; up/down choose among the matches shown under the field."""

    def __init__(
        self,
        find: Callable[[str], list[PlanItem]],
        *,
        value: str = "",
        field_id: str,
        placeholder: str,
    ) -> None:
        super().__init__(classes="picker")
        self._find = find
        self._value = value
        self._field_id = field_id
        self._placeholder = placeholder
        self.matches: list[PlanItem] = []
        self.chosen = 0

    def compose(self) -> ComposeResult:
        yield Input(self._value, id=self._field_id, placeholder=self._placeholder)
        yield Static(classes="matches")

    def on_mount(self) -> None:
        self._refresh_matches(self._value)

    @property
    def selected(self) -> PlanItem | None:
        return self.matches[self.chosen] if self.matches else None

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self._refresh_matches(event.value)

    def _refresh_matches(self, value: str) -> None:
        self.matches = self._find(value) if value.strip() else []
        self.chosen = 0
        self._show()

    def _show(self) -> None:
        text = Text()
        for n, item in enumerate(self.matches[:SHOWN_MATCHES]):
            mark = "▶ " if n == self.chosen else "  "
            style = "bold" if n == self.chosen else "dim"
            text.append(f"{mark}{item.ref}. {shorten(item.recommendation, 70)}\n", style=style)
        if not self.matches and self.query_one(Input).value.strip():
            text.append("no plan item matches", style="dim italic")
        self.query_one(".matches", Static).update(text)

    def on_key(self, event: Key) -> None:
        if event.key in ("down", "up") and self.matches:
            step = 1 if event.key == "down" else -1
            self.chosen = (self.chosen + step) % min(len(self.matches), SHOWN_MATCHES)
            self._show()
            event.stop()


class TimeFrameField(Vertical):
    """The time frame as the clerk writes it, with the due date it gives shown beneath."""

    def __init__(
        self,
        value: str,
        *,
        reference: dt.date,
        meetings: list[dt.date],
        field_id: str = "time_frame",
    ) -> None:
        super().__init__(classes="picker")
        self._value = value
        self._field_id = field_id
        self.reference = reference
        self.meetings = meetings

    def compose(self) -> ComposeResult:
        yield Input(
            self._value,
            id=self._field_id,
            placeholder='as you would write it: "End of Dec 23", "Feb Board 24", "TBC"',
        )
        yield Static(classes="hint")

    def on_mount(self) -> None:
        self._show_due(self._value)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self._show_due(event.value)

    def _show_due(self, words: str) -> None:
        from board_tui.domain.timeframes import parse_time_frame  # compiles on first use

        due = parse_time_frame(words, reference=self.reference, meetings=self.meetings)
        hint = f"due {short_date(due)}" if due else ("no date in these words" if words else "")
        self.query_one(".hint", Static).update(hint)


class StatusChooser(OptionList):
    """The statuses, each with its letter: the letter chooses it (as do up/down and enter).

    Nothing is chosen when it opens, so the number of key presses never depends on the
    status an item has now; that one is marked "now".
    """

    class Chosen(Message):
        def __init__(self, chooser: StatusChooser, status: Status) -> None:
            super().__init__()
            self.chooser = chooser
            self.status = status

    def __init__(self, current: Status, *, chosen: Status | None = None, id: str) -> None:
        options = []
        for status in Status:
            style = STYLES[status]
            prompt = Text.assemble(
                (f" {style.letter} ", "bold reverse"),
                " ",
                ("■ ", style.ink),
                (style.label, "bold" if status is chosen else ""),
                ("   ← now" if status is current else "", "dim"),
            )
            options.append(Option(prompt, id=status.value))
        super().__init__(*options, id=id)
        self.current = current
        self.chosen: Status | None = chosen
        self._letters = {STYLES[s].letter: s for s in Status}

    def on_mount(self) -> None:
        self.highlighted = None if self.chosen is None else list(Status).index(self.chosen)

    def on_key(self, event: Key) -> None:
        status = self._letters.get(event.character or "")
        if status is not None:
            event.stop()
            event.prevent_default()
            self.choose(status)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.choose(Status(event.option.id))

    def choose(self, status: Status) -> None:
        self.chosen = status
        self.highlighted = list(Status).index(status)
        self.post_message(self.Chosen(self, status))
