"""What the clerk captures in a meeting: a comment, decision or paragraph, an action, an update.

Each is a FormDialog (screens/dialogs/form.py): the first field has the focus, tab moves
on, ctrl+s saves (into the store at once), escape asks before it drops words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Label, TextArea

from board_tui.domain.formatting import shorten
from board_tui.domain.model import NoteKind
from board_tui.domain.plan_records import PlanItem
from board_tui.domain.statuses import Status
from board_tui.domain.votes import Vote, vote_summary, vote_to_json
from board_tui.screens.dialogs.fields import (
    NameField,
    PlanItemPicker,
    StatusChooser,
    TimeFrameField,
)
from board_tui.screens.dialogs.form import FORM_KEYS, DraftSlot, FormDialog, dialog_box, text_area


@dataclass(frozen=True)
class NoteInput:
    kind: NoteKind
    body: str
    vote: Vote | None = None
    """A decision put to the vote: saved with it."""


NOTE_WORDS = {
    NoteKind.COMMENT: "Comment",
    NoteKind.DECISION: "Decision",
    NoteKind.NARRATIVE: "Narrative",
}


NO_VOTE = "ctrl+r: put it to the vote (for, against, abstained; names; casting vote)"


class NoteDialog(FormDialog[NoteInput]):
    """A comment, a decision or a narrative paragraph; many lines allowed. A decision can be
    put to the vote (ctrl+r): the vote is kept here and saved with the decision."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+r",
            "vote",
            "Vote",
            id="decision.vote",
            tooltip="Put the decision to the vote: counts, names, the chair's casting vote",
        ),
    ]

    def __init__(
        self,
        kind: NoteKind,
        context: str,
        *,
        text: str = "",
        vote: Vote | None = None,
        draft: DraftSlot | None = None,
        save: Callable[[NoteInput], object] | None = None,
    ) -> None:
        super().__init__(f"{NOTE_WORDS[kind]} on {context}", draft=draft, save=save)
        self.kind = kind
        self.text = text
        self.context = context
        self.vote = vote if kind is NoteKind.DECISION else None

    def compose(self) -> ComposeResult:
        is_decision = self.kind is NoteKind.DECISION
        keys = "ctrl+r vote · ctrl+s save · escape cancel" if is_decision else None
        with dialog_box(self.dialog_title, keys or "ctrl+s save · escape cancel"):
            if is_decision and not self.text:
                yield Label("Decisions read best as “It was agreed that …”", classes="hint")
            yield text_area(self.text, "body")
            if is_decision:
                yield Label(self._vote_line(), id="vote", classes="hint")

    def _vote_line(self) -> str:
        return f"Vote: {vote_summary(self.vote)}" if self.vote else NO_VOTE

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only a decision is put to the vote."""
        if action == "vote":
            return self.kind is NoteKind.DECISION
        return True

    def action_vote(self) -> None:
        from board_tui.screens.dialogs.vote import VoteChoice, VoteDialog

        def chosen(choice: VoteChoice | None) -> None:
            if choice is None:
                return  # cancelled: the vote stays as it was
            self.vote = choice.vote
            self.query_one("#vote", Label).update(self._vote_line())
            self._field_changed()
            self.query_one("#body", TextArea).focus()

        self.app.push_screen(VoteDialog(self.context, self.vote), chosen)

    def on_mount(self) -> None:
        area = self.query_one("#body", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def fields(self) -> dict[str, str]:
        fields = {"body": self.query_one("#body", TextArea).text}
        if self.vote is not None:
            fields["vote"] = vote_to_json(self.vote)
        return fields

    def result(self) -> NoteInput | None:
        body = self.query_one("#body", TextArea).text.strip()
        if not body:
            self.notify("Nothing to save yet: type the words, or escape to cancel.")
            return None
        return NoteInput(self.kind, body, self.vote)


@dataclass(frozen=True)
class ActionInput:
    description: str
    owner: str | None
    time_frame: str | None
    plan_item_id: int | None


class ActionDialog(FormDialog[ActionInput]):
    """Description, owner (names that match are offered), time frame, plan item."""

    def __init__(
        self,
        context: str,
        *,
        people: list[str],
        find_plan_items: Callable[[str], list[PlanItem]],
        reference: dt.date,
        meetings: list[dt.date],
        fields: dict[str, str] | None = None,
        draft: DraftSlot | None = None,
        save: Callable[[ActionInput], object] | None = None,
    ) -> None:
        super().__init__(f"New action on {context}", draft=draft, save=save, fields=fields)
        self.people = people
        self.find_plan_items = find_plan_items
        self.reference = reference
        self.meetings = meetings

    def compose(self) -> ComposeResult:
        with dialog_box(self.dialog_title, FORM_KEYS):
            yield Label("Action")
            yield text_area(self.initial.get("description", ""), "description")
            yield Label("Owner")
            yield NameField(self.people, value=self.initial.get("owner", ""), field_id="owner")
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

    def fields(self) -> dict[str, str]:
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


class UpdateDialog(FormDialog[UpdateInput]):
    """A new status, chosen by its letter, and what was said, for one plan item or action."""

    def __init__(
        self,
        target: str,
        current: Status,
        *,
        fields: dict[str, str] | None = None,
        draft: DraftSlot | None = None,
        save: Callable[[UpdateInput], object] | None = None,
    ) -> None:
        super().__init__(f"Update: {shorten(target, 60)}", draft=draft, save=save, fields=fields)
        self.current = current

    def compose(self) -> ComposeResult:
        chosen = self.initial.get("status")
        with dialog_box(self.dialog_title, "letter chooses · tab next field · ctrl+s save"):
            yield Label(f"New status (now {self.current.label}): press its letter")
            yield StatusChooser(
                self.current,
                chosen=Status(chosen) if chosen in set(Status) else None,
                id="status",
            )
            yield Label("What was said")
            yield text_area(self.initial.get("said", ""), "said")

    def on_mount(self) -> None:
        if self.initial.get("status"):
            said = self.query_one("#said", TextArea)
            said.focus()
            said.move_cursor(said.document.end)
        else:
            self.query_one("#status", StatusChooser).focus()

    @on(StatusChooser.Chosen)
    def _chosen(self) -> None:
        self._field_changed()
        self.query_one("#said", TextArea).focus()

    def fields(self) -> dict[str, str]:
        chosen = self.query_one("#status", StatusChooser).chosen
        return {
            "status": chosen.value if chosen else "",
            "said": self.query_one("#said", TextArea).text,
        }

    def result(self) -> UpdateInput | None:
        chosen = self.query_one("#status", StatusChooser).chosen
        if chosen is None:
            self.notify("Choose the new status first: press its letter.")
            self.query_one("#status", StatusChooser).focus()
            return None
        return UpdateInput(chosen, self.query_one("#said", TextArea).text.strip())


class LeadInDialog(FormDialog[str]):
    """The words before an item's comments in the minutes; empty gives the usual ones."""

    def __init__(
        self,
        context: str,
        *,
        typed: str,
        default: str | None,
        save: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(f"Lead-in to the comments on {context}", save=save)
        self.typed = typed
        self.default = default

    def compose(self) -> ComposeResult:
        hint = (
            f"Empty gives: “{self.default}”"
            if self.default
            else "Empty gives none: standing items print no lead-in unless you type one."
        )
        with dialog_box(self.dialog_title, "ctrl+s save · escape cancel"):
            yield Label(hint, classes="hint")
            yield Input(self.typed, id="lead_in", placeholder=self.default or "")

    def on_mount(self) -> None:
        self.query_one("#lead_in", Input).focus()

    def fields(self) -> dict[str, str]:
        return {"lead_in": self.query_one("#lead_in", Input).value}

    def result(self) -> str | None:
        return " ".join(self.query_one("#lead_in", Input).value.split())
