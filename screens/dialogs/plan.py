"""Dialogs of the action-plan screen: a plan item, and a next step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Label, Select, TextArea

from board_tui.domain.model import ActionLabel
from board_tui.screens.dialogs.fields import TimeFrameField
from board_tui.screens.dialogs.form import FormDialog, dialog_box, text_area

KEYS = "tab next field · ctrl+s save · escape cancel"


@dataclass(frozen=True)
class PlanItemInput:
    ref: str
    recommendation: str
    lead: str | None
    section: str | None


class PlanItemDialog(FormDialog[PlanItemInput]):
    """A new plan item, or an existing one's words (its ref stays as it is)."""

    def compose(self) -> ComposeResult:
        with dialog_box(self.dialog_title, KEYS):
            yield Label("Ref")
            ref = Input(self.initial.get("ref", ""), id="ref", placeholder="e.g. 16 or 3a")
            ref.disabled = bool(self.initial.get("ref"))
            yield ref
            yield Label("Recommendation")
            yield text_area(self.initial.get("recommendation", ""), "recommendation")
            yield Label("Lead")
            yield Input(self.initial.get("lead", ""), id="lead")
            yield Label("Section (optional)")
            yield Input(self.initial.get("section", ""), id="section")

    def on_mount(self) -> None:
        ref = self.query_one("#ref", Input)
        (self.query_one("#recommendation", TextArea) if ref.disabled else ref).focus()

    def fields(self) -> dict[str, Any]:
        return {
            "ref": self.query_one("#ref", Input).value,
            "recommendation": self.query_one("#recommendation", TextArea).text,
            "lead": self.query_one("#lead", Input).value,
            "section": self.query_one("#section", Input).value,
        }

    def result(self) -> PlanItemInput | None:
        values = {k: v.strip() for k, v in self.fields().items()}
        if not values["ref"] or not values["recommendation"]:
            self.notify("A plan item needs a ref and a recommendation.")
            return None
        return PlanItemInput(
            values["ref"],
            values["recommendation"],
            values["lead"] or None,
            values["section"] or None,
        )


@dataclass(frozen=True)
class NextStepInput:
    description: str
    time_frame: str | None
    label: ActionLabel | None


class NextStepDialog(FormDialog[NextStepInput]):
    """A next step: what, by when (as the clerk writes it), and its NEW / Revised label."""

    def __init__(
        self,
        title: str,
        *,
        reference: dt.date,
        meetings: list[dt.date],
        fields: dict[str, Any] | None = None,
        save: Callable[[NextStepInput], object] | None = None,
    ) -> None:
        super().__init__(title, fields=fields, save=save)
        self.reference = reference
        self.meetings = meetings

    def compose(self) -> ComposeResult:
        with dialog_box(self.dialog_title, KEYS):
            yield Label("Next step")
            yield text_area(self.initial.get("description", ""), "description")
            yield Label("Time frame")
            yield TimeFrameField(
                self.initial.get("time_frame", ""), reference=self.reference, meetings=self.meetings
            )
            yield Label("Label")
            label: Select[str] = Select(
                [("NEW ACTION:", ActionLabel.NEW.value), ("Revised Action:", "revised")],
                prompt="(none)",
                id="label",
            )
            if self.initial.get("label"):
                label.value = self.initial["label"]
            yield label

    def on_mount(self) -> None:
        self.query_one("#description", TextArea).focus()

    def fields(self) -> dict[str, Any]:
        label = self.query_one("#label", Select).value
        return {
            "description": self.query_one("#description", TextArea).text,
            "time_frame": self.query_one("#time_frame", Input).value,
            "label": label if isinstance(label, str) else None,
        }

    def result(self) -> NextStepInput | None:
        values = self.fields()
        if not values["description"].strip():
            self.notify("A next step needs a description.")
            return None
        return NextStepInput(
            values["description"].strip(),
            values["time_frame"].strip() or None,
            ActionLabel(values["label"]) if values["label"] else None,
        )


@dataclass(frozen=True)
class ImportInput:
    path: str
    title: str | None
    dated: dt.date
    board: str
    """The board typed (a new name makes a new board)."""


class ImportPlanDialog(FormDialog[ImportInput]):
    """Which Word (or CSV) action plan or action log to bring in, for which board (made if
    new), and the date it speaks of."""

    def __init__(self, board_name: str | None, today: dt.date) -> None:
        super().__init__("Import an action plan or action log")
        self.board_name = board_name or ""
        self.today = today

    def compose(self) -> ComposeResult:
        with dialog_box(self.dialog_title, "tab next field · ctrl+s read the file · escape cancel"):
            yield Label("File (.docx or .csv): a plan, an action log, or minutes with actions")
            yield Input(id="path", placeholder="~/Documents/action-plan.docx")
            yield Label("Title (optional: the document's own title otherwise)")
            yield Input(id="title")
            yield Label("Date of this update (year-less time frames like “Mid Nov” count from it)")
            yield Input(self.today.isoformat(), id="dated", placeholder="YYYY-MM-DD")
            yield Label("Board (a new name makes a new board)")
            yield Input(self.board_name, id="board")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def fields(self) -> dict[str, Any]:
        return {"path": self.query_one("#path", Input).value}

    def result(self) -> ImportInput | None:
        path = self.query_one("#path", Input).value.strip()
        if not path:
            self.notify("Type the path of the plan to import.")
            return None
        try:
            dated = dt.date.fromisoformat(self.query_one("#dated", Input).value.strip())
        except ValueError:
            self.notify("The date of the update reads like 2022-11-03.")
            return None
        board = self.query_one("#board", Input).value.strip()
        if not board:
            self.notify("Type the board the plan belongs to (a new name makes it).")
            return None
        title = self.query_one("#title", Input).value.strip() or None
        return ImportInput(path, title, dated, board)
