"""The form every dialog is: ctrl+s saves, escape leaves (asking first), typing is drafted.

A form dismisses with what the clerk typed, or None. Given a `save`, it saves before it
closes: a store that refuses (locked by another program, a full disk) leaves the form open
with its words, says why in one line and tries again every few seconds. A save refused
because someone else changed the record meanwhile (dialogs.edits) is not retried: the form
shows their values above the clerk's words, and ctrl+s saves the clerk's over them. What is typed is
handed to its draft slot after each pause of a second (and at least every two seconds while
typing goes on), so a crash mid-sentence loses at most a second or two; escape on words
not yet saved asks whether to keep them as a draft, throw them away, or go back to them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from time import monotonic
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Select, Static, TextArea

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.formatting import sentence
from board_tui.screens.dialogs.edits import SharedEdit
from board_tui.storage.errors import StaleEditError

RETRY_SECONDS = 3.0
"""How often a refused save is tried again while the form stays open."""
DRAFT_PAUSE_SECONDS = 1.0
DRAFT_LONGEST_GAP_SECONDS = 2.0
"""A clerk who never pauses still has a draft at most this old."""

FORM_KEYS = "tab next field · ctrl+s save · escape cancel"

R = TypeVar("R")


class DraftSlot(Protocol):
    """Where one dialog's unsaved words are kept: its own slot, never another dialog's."""

    def keep(self, fields: dict[str, str]) -> None:
        """Keep the words typed so far (raises BoardTuiError when the store refuses)."""

    def discard(self) -> None:
        """The words were saved, or the clerk threw them away."""


class FormDialog(ModalScreen[R | None], Generic[R]):
    """The base of every form: board, person, agenda item, comment, action, update …"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True, id="form.save", tooltip="Save now"),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            priority=True,
            id="form.cancel",
            tooltip="Leave; words not saved are kept as a draft if you say so",
        ),
    ]

    def __init__(
        self,
        title: str,
        *,
        fields: Mapping[str, Any] | None = None,
        draft: DraftSlot | None = None,
        save: Callable[[R], object] | None = None,
    ) -> None:
        super().__init__()
        self.dialog_title = title
        self.initial: dict[str, Any] = dict(fields or {})
        """The words the fields open with (a record being edited, a draft, words given back)."""
        self.draft = draft
        self._save = save
        self._retry_timer: Timer | None = None
        self._draft_timer: Timer | None = None
        self._drafted_at = monotonic()
        self._draft_failed = False
        self._opened_with: dict[str, str] | None = None
        self.given_back = False
        """Opened with words an undo gave back: escape asks before dropping them too."""

    def fields(self) -> dict[str, str]:
        """What the clerk has typed, as the draft keeps it."""
        raise NotImplementedError

    def result(self) -> R | None:
        """What saving returns, or None (with a notice) when something is missing."""
        raise NotImplementedError

    def ready_for_keys(self) -> bool:
        """Typed keys wait until a field has the focus (the type-ahead gate asks)."""
        return self.focused is not None

    def on_screen_resume(self) -> None:
        if self._opened_with is None:
            self._opened_with = self.fields()

    @property
    def changed(self) -> bool:
        """Words typed (or a choice made) since the dialog opened."""
        return self.given_back or (
            self._opened_with is not None and self.fields() != self._opened_with
        )

    # -- drafts -------------------------------------------------------------------------

    @on(TextArea.Changed)
    @on(Input.Changed)
    @on(Select.Changed)
    def _field_changed(self) -> None:
        if self.draft is None or not self.is_mounted:
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        if monotonic() - self._drafted_at >= DRAFT_LONGEST_GAP_SECONDS:
            self.write_draft()
        self._draft_timer = self.set_timer(DRAFT_PAUSE_SECONDS, self.write_draft)

    def write_draft(self) -> bool:
        """Keep the words in the draft slot; a refusal is told once and retried next pause."""
        if self.draft is None:
            return False
        try:
            self.draft.keep(self.fields())
        except BoardTuiError as error:
            if not self._draft_failed:
                self.notify(
                    f"The draft could not be kept ({error}); your words stay here and it"
                    " will try again.",
                    severity="warning",
                )
            self._draft_failed = True
            return False
        self._draft_failed = False
        self._drafted_at = monotonic()
        return True

    def _stop_drafting(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None

    # -- saving and leaving -------------------------------------------------------------

    def action_save(self) -> None:
        """Save what is typed. Keys typed before ctrl+s are all in: the app hands keys on
        one at a time (screens/shell/type_ahead.py)."""
        self._stop_retrying()
        value = self.result()
        if value is None:
            return
        if self._save is not None:
            try:
                self._save(value)
            except StaleEditError as error:
                self._changed_meanwhile(error)
                return
            except BoardTuiError as error:
                self._refused(error)
                return
        self._stop_drafting()
        self.dismiss(value)

    def _refused(self, error: BoardTuiError) -> None:
        """The store would not take it (locked, a full disk): the words stay, and it retries."""
        self.notify(
            f"Not saved yet: {sentence(str(error))}. Your words are kept here and it tries"
            f" again every {RETRY_SECONDS:.0f} seconds (ctrl+s tries now).",
            severity="error",
            timeout=RETRY_SECONDS + 1,
        )
        self.write_draft()
        self._retry_timer = self.set_timer(RETRY_SECONDS, self.action_save)

    def _changed_meanwhile(self, error: StaleEditError[object]) -> None:
        """Someone else saved this record since the dialog opened. Not retried: that would
        type over their change unseen. A field the clerk left as it opened takes their
        value; a field the clerk typed in keeps the clerk's words, theirs shown above. ctrl+s
        then saves what the form holds over their record (a SharedEdit now sends that)."""
        changed = self._save.changed if isinstance(self._save, SharedEdit) else {}
        typed = self.fields()
        opened = self._opened_with if self._opened_with is not None else dict(typed)
        text = Text("Saved meanwhile by someone else:", style="bold")
        for field_id, theirs in changed.items():
            label = field_id.replace("_", " ").capitalize()
            untouched = typed.get(field_id) == opened.get(field_id)
            taken = untouched and self._put(field_id, theirs)
            text.append(f"\n{label}: ", style="bold").append(theirs or "(blank)")
            if taken:
                note = " (now in the form)"
            else:
                note = " (choose it below to keep it)" if untouched else " (yours kept below)"
            text.append(note, "dim")
            if taken:
                opened[field_id] = theirs
        self._opened_with = opened
        found = self.query("#meanwhile")
        if found:
            found.first(Static).update(text)
        else:
            box = self.query_one(".dialog", VerticalScroll)
            box.mount(Static(text, id="meanwhile"), before=0)
            box.scroll_home(animate=False)
        self.notify(
            f"Not saved: {error}. Theirs is shown above your words; ctrl+s saves yours over it.",
            severity="warning",
        )
        self.write_draft()

    def _put(self, field_id: str, value: str) -> bool:
        """Set a text field's words (a choice list is left as it is: its value is no text)."""
        for widget in self.query(f"#{field_id}"):
            if isinstance(widget, Input):
                widget.value = value
                return True
            if isinstance(widget, TextArea):
                widget.text = value
                return True
        return False

    def _stop_retrying(self) -> None:
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None

    def action_cancel(self) -> None:
        focused = self.focused
        select = focused if isinstance(focused, Select) else None
        if select is None and focused is not None and isinstance(focused.parent, Select):
            select = focused.parent  # the open list of a Select has the focus
        if select is not None and select.expanded:
            select.expanded = False  # escape closes the list, not the dialog
            select.focus()
            return
        if not self.changed:
            self._leave(keep=False)
            return
        from board_tui.screens.dialogs.questions import LeaveChoice, LeaveDialog

        def chosen(choice: LeaveChoice | None) -> None:
            if choice is LeaveChoice.KEEP:
                self._leave(keep=True)
            elif choice is LeaveChoice.DISCARD:
                self._leave(keep=False)

        self.app.push_screen(LeaveDialog(can_keep=self.draft is not None), chosen)

    def _leave(self, *, keep: bool) -> None:
        self._stop_retrying()
        self._stop_drafting()
        if self.draft is not None:
            if keep:
                if not self.write_draft():
                    return  # told why; the words stay on screen
                self.notify("Kept as a draft: the meeting's drafts list (k) has it.")
            else:
                self.draft.discard()
        self.dismiss(None)


def dialog_box(title: str, keys: str) -> VerticalScroll:
    """The one look of every dialog: a titled box with its keys along the bottom edge."""
    box = VerticalScroll(classes="dialog")
    box.border_title = title
    box.border_subtitle = keys
    return box


class FormTextArea(TextArea):
    """A dialog's many-line field, which is not restyled once its dialog has closed.

    Taking a closed dialog apart takes the focus from its field, and Textual restyles a
    field that loses the focus: for a text area, 2 ms that the screen below waits for
    before it repaints (screens/shell/closing.py), to style a field nobody sees again.
    """

    def watch_has_focus(self, has_focus: bool) -> None:
        if has_focus or self.screen in self.app.screen_stack:
            super().watch_has_focus(has_focus)


def text_area(text: str, field_id: str) -> TextArea:
    """A many-line field that grows with what is pasted into it (up to the dialog's height)."""
    area = FormTextArea(text, id=field_id, soft_wrap=True, tab_behavior="focus")
    area.show_line_numbers = False
    return area
