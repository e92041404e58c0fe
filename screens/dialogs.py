"""Capture dialogs: comment, decision, action, status update, link.

Every dialog is a ModalScreen that dismisses with what the clerk typed, or None.
The first field has focus, tab moves on, ctrl+s saves, escape cancels and saves
nothing. What is typed is handed to a draft callback after each pause of a
second, so a crash mid-sentence loses at most a second or two.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from time import monotonic
from typing import Any, ClassVar, Generic, TypeVar
from weakref import WeakKeyDictionary

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.events import Key, Mount, Unmount
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from board_tui.domain.formatting import short_date, shorten
from board_tui.domain.model import Draft, NoteKind, PlanItem
from board_tui.domain.statuses import STYLES, Status

DRAFT_PAUSE_SECONDS = 1.0
DRAFT_LONGEST_GAP_SECONDS = 2.0
"""A clerk who never pauses still has a draft at most this old."""

DraftSaver = Callable[[dict[str, Any]], None]
"""Called with the dialog's fields after each pause in typing."""

R = TypeVar("R")


class CaptureDialog(ModalScreen[R | None], Generic[R]):
    """The shared contract: ctrl+s saves, escape cancels, typing is drafted on each pause."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True, id="save"),
        Binding("escape", "cancel", "Cancel", priority=True, id="cancel"),
    ]

    def __init__(self, title: str, *, on_draft: DraftSaver | None = None) -> None:
        super().__init__()
        self.dialog_title = title
        self._on_draft = on_draft
        self._draft_timer: Timer | None = None
        self._drafted_at = monotonic()
        self._early_keys: list[Key] = []
        self._saved_or_cancelled = False
        self.ready = False
        """True once the first field has the focus: until then the app holds the keys."""

    def fields(self) -> dict[str, Any]:
        """What the clerk has typed, as the draft keeps it."""
        raise NotImplementedError

    def result(self) -> R | None:
        """What saving returns, or None (with a notice) when something is missing."""
        raise NotImplementedError

    def _changed(self) -> None:
        if self._on_draft is None:
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        if monotonic() - self._drafted_at >= DRAFT_LONGEST_GAP_SECONDS:
            self.write_draft()
        self._draft_timer = self.set_timer(DRAFT_PAUSE_SECONDS, self.write_draft)

    def write_draft(self) -> None:
        if self._on_draft is not None:
            self._on_draft(self.fields())
            self._drafted_at = monotonic()

    @on(TextArea.Changed)
    @on(Input.Changed)
    def _field_changed(self) -> None:
        self._changed()

    def take_key(self, character: str) -> None:
        """Type a character into the focused field, or the first one if none has focus yet."""
        field = self.focused
        if not isinstance(field, TextArea | Input):
            field = self.query("TextArea, Input").first()
            field.focus()
        if isinstance(field, TextArea):
            field.insert(character)
        elif isinstance(field, Input):
            field.insert_text_at_cursor(character)

    def hold_key(self, event: Key) -> None:
        """Keep a key pressed before the dialog could take it; it is replayed on mount.

        The app hands these over in the order they were pressed, and they are
        replayed in the same synchronous step that gives the field the focus, so no
        later key can overtake them: not a letter, and not the ctrl+s that saves them.
        """
        self._early_keys.append(event)

    @on(Mount)
    def _focus_now(self) -> None:
        # Runs after the dialog's own on_mount: focus at once (Widget.focus() is deferred).
        field = self._wanted_focus()
        if field is not None:
            self.set_focus(field, scroll_visible=False)
        self.ready = True
        held, self._early_keys = self._early_keys, []
        for index, event in enumerate(held):
            if not self._replay(event):
                # The dialog closed (ctrl+s, escape): the rest belongs to the screen below,
                # ahead of anything typed since.
                _after_close(self.app)[:0] = held[index + 1 :]
                return

    def _replay(self, event: Key) -> bool:
        """Act on one held key as the focused field would; False once the dialog is closed."""
        if event.key == "ctrl+s":
            _after_close(self.app)
            self._save_now()
            return not self._saved_or_cancelled
        if event.key == "escape":
            self.action_cancel()
            return not self._saved_or_cancelled
        if event.key == "tab":
            self.focus_next()
        elif event.key == "shift+tab":
            self.focus_previous()
        elif event.key == "backspace" and isinstance(self.focused, TextArea | Input):
            self.focused.action_delete_left()
        elif event.key == "enter" and isinstance(self.focused, TextArea):
            self.focused.insert("\n")
        elif event.is_printable and event.character is not None:
            self.take_key(event.character)
        return True

    def _wanted_focus(self) -> Widget | None:
        """The first field that can take the focus: where every dialog's on_mount puts it."""
        return next(
            (w for w in self.query("TextArea, Input, Select, Checkbox") if w.focusable), None
        )

    def on_key(self, event: Key) -> None:
        """Keys typed in the instant before the first field has focus still land in it."""
        if self.focused is None and event.is_printable and event.character is not None:
            self.take_key(event.character)
            event.stop()

    def action_save(self) -> None:
        """Save once the focused field has taken every key typed before ctrl+s.

        ctrl+s is a priority binding, so the app runs it at once, while letters
        typed just before it may still wait in the field's own queue: saving then
        would cut the words short ("Bu" for "Burst number 0 …"). Queued behind
        them, the save sees them all.
        """
        _after_close(self.app)  # what is typed from here on is for the screen below
        field = self.focused
        if field is not None and field is not self:
            field.call_later(self._save_now)
        else:
            self._save_now()

    def _save_now(self) -> None:
        if self._saved_or_cancelled:
            return
        value = self.result()
        if value is None:
            release_held_keys(self.app)  # not saved: the dialog stays, and takes them
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._saved_or_cancelled = True
        self.dismiss(value)

    def action_cancel(self) -> None:
        focused = self.focused
        select = focused if isinstance(focused, Select) else None
        if select is None and focused is not None and isinstance(focused.parent, Select):
            select = focused.parent  # the open list of a Select has the focus
        if select is not None and select.expanded:
            select.expanded = False  # escape closes the list, not the dialog
            select.focus()
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        _after_close(self.app)
        self._saved_or_cancelled = True
        self.dismiss(None)

    @on(Unmount)
    def _hand_on_keys(self) -> None:
        # Gone: the keys typed while it closed go, in order, to the screen now on top.
        release_held_keys(self.app)


def dialog_box(title: str, keys: str) -> VerticalScroll:
    """The one look of every dialog: a titled box with its keys along the bottom edge."""
    box = VerticalScroll(classes="dialog")
    box.border_title = title
    box.border_subtitle = keys
    return box


# Keys typed while a dialog closes, per app: from ctrl+s or escape until it is gone.
_HELD_AFTER_CLOSE: WeakKeyDictionary[App[Any], list[Key]] = WeakKeyDictionary()
HOLD_AFTER_CLOSE_SECONDS = 2.0
"""If a closing dialog never goes (it should), its held keys are let go after this."""


def _after_close(app: App[Any]) -> list[Key]:
    """Start (or keep) holding the keys typed while a dialog closes."""
    held = _HELD_AFTER_CLOSE.get(app)
    if held is None:
        held = _HELD_AFTER_CLOSE[app] = []
        app.set_timer(HOLD_AFTER_CLOSE_SECONDS, lambda: release_held_keys(app, held))
    return held


def release_held_keys(app: App[Any], only: list[Key] | None = None) -> None:
    """Send the held keys on, in the order they were typed, to whatever is now on top."""
    held = _HELD_AFTER_CLOSE.get(app)
    if held is None or (only is not None and held is not only):
        return
    del _HELD_AFTER_CLOSE[app]
    for event in held:
        app.post_message(Key(event.key, event.character))


def hold_early_key(app: App[Any], event: Key) -> bool:
    """Keep the keys pressed straight after the key that opened a dialog, in order.

    Until the dialog's first field has the focus, the app would send them to the
    dialog screen's own queue, from where they could land after letters typed
    later ("from the floor" became "from th floore"), and a quick ctrl+s could
    save before the words were in. Held here instead, they are replayed, in
    order, when the field takes the focus.

    Keys typed after ctrl+s (or escape) are held too, until the dialog is gone:
    a clerk typing the next capture ("c", words, ctrl+s) before the screen has
    caught up would otherwise lose it to the closing dialog.
    """
    held = _HELD_AFTER_CLOSE.get(app)
    if held is not None:
        held.append(event)
        return True
    dialog = app.screen
    if isinstance(dialog, CaptureDialog) and not dialog.ready:
        dialog.hold_key(event)
        return True
    return False


def hand_over_stray_key(app: App[Any], event: Key) -> None:
    """Give a dialog the keys typed straight after the key that opened it.

    A fast typist's next letters are already on their way through the screen
    behind when the dialog opens; they reach the app with no binding to take
    them, and without this they would be dropped: words lost.
    """
    dialog = app.screen
    if isinstance(dialog, CaptureDialog) and event.is_printable and event.character is not None:
        dialog.take_key(event.character)
        event.stop()
        event.prevent_default()


def text_area(text: str, field_id: str) -> TextArea:
    area = TextArea(text, id=field_id, soft_wrap=True, tab_behavior="focus")
    area.show_line_numbers = False
    return area


@dataclass(frozen=True)
class NoteInput:
    kind: NoteKind
    body: str


class NoteDialog(CaptureDialog[NoteInput]):
    """A comment, a decision or a narrative paragraph; many lines allowed."""

    def __init__(
        self,
        kind: NoteKind,
        context: str,
        *,
        text: str = "",
        on_draft: DraftSaver | None = None,
    ) -> None:
        verb = {
            NoteKind.COMMENT: "Comment",
            NoteKind.DECISION: "Decision",
            NoteKind.NARRATIVE: "Narrative",
        }[kind]
        super().__init__(f"{verb} on {context}", on_draft=on_draft)
        self.kind = kind
        self.text = text

    def compose(self) -> ComposeResult:
        with dialog_box(self.dialog_title, "ctrl+s save · escape cancel"):
            if self.kind is NoteKind.DECISION and not self.text:
                yield Label("Decisions read best as “It was agreed that …”", classes="hint")
            yield text_area(self.text, "body")

    def on_mount(self) -> None:
        area = self.query_one("#body", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def fields(self) -> dict[str, Any]:
        return {"body": self.query_one("#body", TextArea).text}

    def result(self) -> NoteInput | None:
        body = self.query_one("#body", TextArea).text.strip()
        if not body:
            self.notify("Nothing to save yet: type the words, or escape to cancel.")
            return None
        return NoteInput(self.kind, body)


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
        for n, item in enumerate(self.matches[:5]):
            mark = "▶ " if n == self.chosen else "  "
            style = "bold" if n == self.chosen else "dim"
            text.append(f"{mark}{item.ref}. {shorten(item.recommendation, 70)}\n", style=style)
        if not self.matches and self.query_one(Input).value.strip():
            text.append("no plan item matches", style="dim italic")
        self.query_one(".matches", Static).update(text)

    def on_key(self, event: Key) -> None:
        if event.key in ("down", "up") and self.matches:
            step = 1 if event.key == "down" else -1
            self.chosen = (self.chosen + step) % min(len(self.matches), 5)
            self._show()
            event.stop()


class TimeFrameField(Vertical):
    """The time frame as the clerk writes it, with the due date it gives shown beneath."""

    def __init__(self, value: str, *, reference: dt.date, meetings: list[dt.date]) -> None:
        super().__init__(classes="picker")
        self._value = value
        self.reference = reference
        self.meetings = meetings

    def compose(self) -> ComposeResult:
        yield Input(
            self._value,
            id="time_frame",
            placeholder='as you would write it: "End of Dec 23", "Feb Board 24", "TBC"',
        )
        yield Static(classes="hint")

    def on_mount(self) -> None:
        self._show_due(self._value)

    @on(Input.Changed, "#time_frame")
    def _typed(self, event: Input.Changed) -> None:
        self._show_due(event.value)

    def _show_due(self, words: str) -> None:
        from board_tui.domain.timeframes import (
            parse_time_frame,  # its patterns compile on first use
        )

        due = parse_time_frame(words, reference=self.reference, meetings=self.meetings)
        hint = f"due {short_date(due)}" if due else ("no date in these words" if words else "")
        self.query_one(".hint", Static).update(hint)


@dataclass(frozen=True)
class ActionInput:
    description: str
    owner: str | None
    time_frame: str | None
    plan_item_id: int | None


class ActionDialog(CaptureDialog[ActionInput]):
    """Description, owner (type-ahead over the board's people), time frame, plan item."""

    def __init__(
        self,
        context: str,
        *,
        people: list[str],
        find_plan_items: Callable[[str], list[PlanItem]],
        reference: dt.date,
        meetings: list[dt.date],
        fields: dict[str, Any] | None = None,
        on_draft: DraftSaver | None = None,
    ) -> None:
        super().__init__(f"New action on {context}", on_draft=on_draft)
        self.people = people
        self.find_plan_items = find_plan_items
        self.reference = reference
        self.meetings = meetings
        self.initial = fields or {}

    def compose(self) -> ComposeResult:
        with dialog_box(self.dialog_title, "tab next field · ctrl+s save · escape cancel"):
            yield Label("Action")
            yield text_area(self.initial.get("description", ""), "description")
            yield Label("Owner")
            yield Input(
                self.initial.get("owner", ""),
                id="owner",
                placeholder="a name (→ accepts the suggestion); a new name is fine",
                suggester=SuggestFromList(self.people, case_sensitive=False),
            )
            yield Label("Time frame")
            yield TimeFrameField(
                self.initial.get("time_frame", ""), reference=self.reference, meetings=self.meetings
            )
            yield Label("Plan item (optional)")
            yield PlanItemPicker(
                self.find_plan_items,
                value=self.initial.get("plan_item", ""),
                field_id="plan_item",
                placeholder="ref or words; up/down to choose",
            )

    def on_mount(self) -> None:
        description = self.query_one("#description", TextArea)
        description.focus()
        description.move_cursor(description.document.end)  # a restored draft carries on

    def fields(self) -> dict[str, Any]:
        return {
            "description": self.query_one("#description", TextArea).text,
            "owner": self.query_one("#owner", Input).value,
            "time_frame": self.query_one("#time_frame", Input).value,
            "plan_item": self.query_one("#plan_item", Input).value,
        }

    def result(self) -> ActionInput | None:
        values = self.fields()
        description = values["description"].strip()
        if not description:
            self.notify("An action needs a description.")
            self.query_one("#description", TextArea).focus()
            return None
        picker = self.query_one(PlanItemPicker)
        if values["plan_item"].strip() and picker.selected is None:
            self.notify("No plan item matches; clear the field or choose one.")
            return None
        return ActionInput(
            description,
            values["owner"].strip() or None,
            values["time_frame"].strip() or None,
            picker.selected.id if picker.selected and values["plan_item"].strip() else None,
        )


@dataclass(frozen=True)
class UpdateInput:
    status: Status
    said: str


class UpdateDialog(CaptureDialog[UpdateInput]):
    """A new status and what was said, for one plan item or action."""

    def __init__(
        self,
        target: str,
        current: Status,
        *,
        fields: dict[str, Any] | None = None,
        on_draft: DraftSaver | None = None,
    ) -> None:
        super().__init__(f"Update: {shorten(target, 60)}", on_draft=on_draft)
        self.current = current
        self.initial = fields or {}

    def compose(self) -> ComposeResult:
        with dialog_box(self.dialog_title, "tab next field · ctrl+s save · escape cancel"):
            yield Label(f"New status (now {self.current.label}; enter opens the list)")
            yield Select(
                [(Text(f"■ {s.label}", style=STYLES[s].ink), s.value) for s in Status],
                value=self.initial.get("status", self.current.value),
                allow_blank=False,
                id="status",
            )
            yield Label("What was said")
            yield text_area(self.initial.get("said", ""), "said")

    def on_mount(self) -> None:
        self.query_one("#status", Select).focus()

    @on(Select.Changed)
    def _status_changed(self) -> None:
        self._changed()

    def fields(self) -> dict[str, Any]:
        return {
            "status": str(self.query_one("#status", Select).value),
            "said": self.query_one("#said", TextArea).text,
        }

    def result(self) -> UpdateInput | None:
        values = self.fields()
        return UpdateInput(Status(values["status"]), values["said"].strip())


class LinkDialog(ModalScreen[None]):
    """Link the current agenda item to plan items: type a ref or words, enter toggles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Done", priority=True, id="done"),
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


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question: y or enter says yes, n or escape says no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", priority=True),
        Binding("n,escape", "answer(False)", "No", priority=True),
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


class RestoreDraftDialog(ModalScreen[Draft | None]):
    """After a crash: offer back the words that were being typed. y restores, n discards."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "restore", "Restore", priority=True),
        Binding("x", "discard", "Discard for good", priority=True),
        Binding("escape", "later", "Keep for later", priority=True),
    ]

    def __init__(self, draft: Draft, discard: Callable[[str], None]) -> None:
        super().__init__()
        self.draft = draft
        self._discard = discard

    def compose(self) -> ComposeResult:
        fields = self.draft.payload.get("fields", {})
        words = " / ".join(str(v) for v in fields.values() if str(v).strip())
        kind = self.draft.payload.get("kind", "note")
        with dialog_box("Unsaved words found", "y restore · x discard · escape later"):
            yield Static(
                Text.assemble(
                    f"A {kind} was being typed at {self.draft.updated_at:%H:%M on %d %b %Y}",
                    " and was not saved:\n\n",
                    (shorten(words, 400) or "(empty)", "italic"),
                    "\n\nRestore it and carry on where you were?",
                )
            )

    def action_restore(self) -> None:
        self.dismiss(self.draft)

    def action_discard(self) -> None:
        self._discard(self.draft.key)
        self.dismiss(None)

    def action_later(self) -> None:
        self.dismiss(None)
