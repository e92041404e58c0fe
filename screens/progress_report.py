"""The progress report on an action plan: drafted from the plan's history, edited here, sent.

`r` on the plan screen opens the report last worked on for the plan, or first asks which
report it is (the meeting it is for, the actions, the period, the lead officer, how far
"the next months" look, the confidential version). The draft is the report's text
(domain.report_text): the officer fills the bracketed placeholders and edits anything; it
is kept a second after each pause in typing (and on leaving), as the chair's round-up is.
ctrl+e previews it as Word lays it out and writes it; ctrl+o chooses another report;
ctrl+l makes it the paper of an item on the meeting's agenda; ctrl+g drafts it again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Header, Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.exempt import CONFIDENTIAL
from board_tui.domain.formatting import sentence, short_date, shorten
from board_tui.domain.meeting_records import AgendaItem
from board_tui.domain.model import Meeting
from board_tui.domain.report_text import KeptReport, ReportChoice
from board_tui.exporters.blocks import Progress
from board_tui.screens.dialogs.form import FormDialog, dialog_box
from board_tui.screens.dialogs.questions import ConfirmDialog
from board_tui.screens.export_dialog import ExportDialog, default_folder
from board_tui.screens.kept_text import KeptTextScreen
from board_tui.screens.shell.footer import SteadyFooter
from board_tui.services.progress_draft import draft_report
from board_tui.services.progress_report import default_meeting
from board_tui.storage.store import Store

KEYS = "tab next field · ctrl+s draft it · escape cancel"


def _day(text: str, what: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BoardTuiError(f"{what} reads like 2022-11-03") from None


class ReportChoiceDialog(FormDialog[ReportChoice]):
    """Which report: the meeting it goes to, the actions, the period, who it is from."""

    def __init__(self, choice: ReportChoice, meetings: list[Meeting]) -> None:
        super().__init__("Which progress report")
        self.choice = choice
        self.meetings = meetings

    def compose(self) -> ComposeResult:
        c = self.choice
        with dialog_box(self.dialog_title, KEYS):
            yield Label("For the meeting")
            meeting: Select[int] = Select(
                [
                    (f"{m.title}, {short_date(m.scheduled_start.date())}", m.id)
                    for m in self.meetings
                ],
                prompt="(no meeting)",
                id="meeting",
            )
            if c.meeting_id is not None and any(m.id == c.meeting_id for m in self.meetings):
                meeting.value = c.meeting_id
            yield meeting
            yield Label("Actions, by ref (empty: all)")
            yield Input(", ".join(c.refs), id="refs", placeholder="e.g. 1, 4, 12")
            yield Label("Or the actions of one section")
            yield Input(c.section or "", id="section")
            yield Label("Progress from (empty: the plan's date) and up to (empty: the meeting's)")
            yield Input(
                c.since.isoformat() if c.since else "", id="since", placeholder="YYYY-MM-DD"
            )
            yield Input(
                c.until.isoformat() if c.until else "", id="until", placeholder="YYYY-MM-DD"
            )
            yield Label("Lead officer (empty: the plan's board's officer)")
            yield Input(c.lead_officer or "", id="officer")
            yield Label("What will be achieved in the next … months")
            yield Input(str(c.months), id="months", type="integer")
            yield Checkbox(
                f"The confidential version: Part 2 included, {CONFIDENTIAL} on every page",
                c.confidential,
                id="confidential",
            )

    def on_mount(self) -> None:
        self.query_one("#meeting", Select).focus()

    def fields(self) -> dict[str, str]:
        meeting = self.query_one("#meeting", Select).value
        return {
            "meeting": str(meeting) if isinstance(meeting, int) else "",
            **{
                name: self.query_one(f"#{name}", Input).value
                for name in ("refs", "section", "since", "until", "officer", "months")
            },
            "confidential": str(self.query_one("#confidential", Checkbox).value),
        }

    def result(self) -> ReportChoice | None:
        values = self.fields()
        refs = tuple(r.strip() for r in values["refs"].replace(";", ",").split(",") if r.strip())
        section = values["section"].strip() or None
        try:
            if refs and section:
                raise BoardTuiError("choose the actions by ref or by section, not both")
            since = _day(values["since"], "The start of the period")
            until = _day(values["until"], "The end of the period")
            months = int(values["months"] or "6")
            if not 1 <= months <= 36:
                raise BoardTuiError("the next months to look at are 1 to 36")
        except (BoardTuiError, ValueError) as error:
            self.notify(sentence(str(error)) + ".", severity="warning")
            return None
        return ReportChoice(
            self.choice.plan_id,
            int(values["meeting"]) if values["meeting"] else None,
            refs,
            section,
            since,
            until,
            values["officer"].strip() or None,
            months,
            values["confidential"] == "True",
        )


class PaperDialog(ModalScreen[int | None]):
    """The agenda item the report is the paper for: enter chooses, escape leaves it as it is."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "dismiss",
            "Cancel",
            priority=True,
            id="paper.cancel",
            tooltip="Leave the report's paper as it is",
        ),
    ]
    NONE = 0
    """Chosen to make the report the paper of no item."""

    def __init__(self, meeting: Meeting, items: list[AgendaItem], current: int | None) -> None:
        super().__init__()
        self.meeting = meeting
        self.items = items
        self.current = current

    def compose(self) -> ComposeResult:
        day = short_date(self.meeting.scheduled_start.date())
        with dialog_box(
            f"The paper for an item of the {self.meeting.title}, {day}",
            "up/down choose · enter make it the item's paper · escape cancel",
        ):
            yield OptionList(id="paper-items")

    def on_mount(self) -> None:
        options = self.query_one("#paper-items", OptionList)
        for item in self.items:
            mark = "[its paper] " if item.id == self.current else ""
            words = f"{mark}{item.number}. {shorten(item.title, 70)}"
            options.add_option(Option(Text(words), id=str(item.id)))
        options.add_option(Option(Text("(the paper of no item)"), id=str(self.NONE)))
        options.highlighted = next((n for n, i in enumerate(self.items) if i.id == self.current), 0)
        options.focus()

    @on(OptionList.OptionSelected, "#paper-items")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or self.NONE))


class ProgressReportScreen(KeptTextScreen):
    """One text area holding the report; the keys are all ctrl- so typing is never taken."""

    TEXT_ID = "report-text"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+e",
            "export",
            "Export",
            priority=True,
            id="report.export",
            tooltip="Preview the report as Word lays it out, then write it",
        ),
        Binding(
            "ctrl+o",
            "choose",
            "Choose",
            priority=True,
            id="report.choose",
            tooltip="Another meeting, other actions or period, the confidential version",
        ),
        Binding(
            "ctrl+l",
            "paper",
            "Paper for",
            priority=True,
            id="report.paper",
            tooltip="Make it the paper of an item on the meeting's agenda",
        ),
        Binding(
            "ctrl+g",
            "fresh",
            "New draft",
            priority=True,
            id="report.fresh",
            tooltip="Draft it again from the plan (asks first if edited)",
        ),
        Binding(
            "escape",
            "back",
            "Back",
            priority=True,
            id="report.back",
            tooltip="Back to the plan; the draft is kept",
        ),
    ]

    def __init__(self, store: Store, choice: ReportChoice) -> None:
        super().__init__()
        self.store = store
        self.choice = choice
        self.kept: KeptReport | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="report-heading")
        yield Static(id="report-status")
        yield TextArea(id="report-text", soft_wrap=True, classes="pane")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Progress report"
        self._load()
        self.query_one("#report-text", TextArea).focus()

    # -- the draft -------------------------------------------------------------------------

    def _load(self) -> None:
        """The kept draft of the chosen report, else a first draft, kept at once."""
        kept = self.store.progress_report(
            self.choice.plan_id, self.choice.meeting_id, confidential=self.choice.confidential
        )
        if kept is None:
            body = draft_report(self.store, self.choice)
            kept = self.store.save_progress_report(self.choice, body, generated=True)
        self.choice = kept.choice
        self.kept = kept
        self.load_kept(kept.body)
        self._show()

    def _show(self) -> None:
        plan = self.store.plan(self.choice.plan_id)
        heading = Text.assemble(("Progress report: ", "bold"), plan.title)
        if self.choice.meeting_id is not None:
            meeting = self.store.meeting(self.choice.meeting_id)
            day = short_date(meeting.scheduled_start.date())
            heading.append(f"\nfor the {meeting.title}, {day}", style="dim")
        if self.choice.confidential:
            heading.append(f"  {CONFIDENTIAL}", style="bold reverse")
        self.query_one("#report-heading", Static).update(heading)
        kept = self.kept
        state = "edited" if kept is not None and kept.edited_at else "first draft from the plan"
        paper = ""
        if kept is not None and kept.agenda_item_id is not None:
            item = self.store.agenda_item(kept.agenda_item_id)
            paper = f" · the paper for item {item.number}"
        self.query_one("#report-status", Static).update(
            f"Draft: {state}{paper} · kept as you type · fill the [brackets] · ctrl+e export"
            " · ctrl+o choose · ctrl+l paper for · ctrl+g new draft"
        )

    def keep(self, text: str) -> None:
        self.kept = self.store.save_progress_report(self.choice, text)
        self._show()

    def _edited(self) -> bool:
        return self.unsaved or (self.kept is not None and bool(self.kept.edited_at))

    def _redraft(self, choice: ReportChoice) -> None:
        try:
            body = draft_report(self.store, choice)
        except BoardTuiError as error:
            self.notify(sentence(str(error)) + ".", severity="warning")
            return
        self.choice = choice
        self.kept = self.store.save_progress_report(choice, body, generated=True)
        self.load_kept(body)
        self._show()

    def action_fresh(self, choice: ReportChoice | None = None) -> None:
        wanted = choice or self.choice

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._redraft(wanted)

        if self._edited():
            self.app.push_screen(
                ConfirmDialog("New draft", "Replace your edits with a new draft from the plan?"),
                confirmed,
            )
        else:
            confirmed(True)

    def action_choose(self) -> None:
        self.save()

        def chosen(choice: ReportChoice | None) -> None:
            if choice is None or choice == self.choice:
                return
            if choice.same_report(self.choice):
                self.action_fresh(choice)  # other actions or dates: drafted again
                return
            previous = self.choice
            self.choice = choice
            try:
                self._load()
            except BoardTuiError as error:
                self.choice = previous
                self.notify(sentence(str(error)) + ".", severity="warning")

        meetings = self.store.meetings_for_plan(self.choice.plan_id)
        self.app.push_screen(ReportChoiceDialog(self.choice, meetings), chosen)

    def action_paper(self) -> None:
        from board_tui.services.progress_report import attach_report

        if self.choice.meeting_id is None:
            self.notify("Choose the meeting the report is for first (ctrl+o).")
            return
        self.save()
        meeting = self.store.meeting(self.choice.meeting_id)
        body = self.text
        choice = self.choice

        def chosen(item_id: int | None) -> None:
            if item_id is None:
                return
            target = item_id or None
            try:
                attach_report(self.store, choice, body, target)
            except BoardTuiError as error:
                self.notify(sentence(str(error)) + ".", severity="warning")
                return
            self.kept = self.store.progress_report(
                choice.plan_id, choice.meeting_id, confidential=choice.confidential
            )
            self.mark_kept(body)
            if target is None:
                self.notify("The report is the paper of no item now.")
            else:
                number = self.store.agenda_item(target).number
                self.notify(f"The report is the paper for item {number}: the agenda names it.")
            self._show()

        current = self.kept.agenda_item_id if self.kept is not None else None
        self.app.push_screen(PaperDialog(meeting, self.store.agenda(meeting.id), current), chosen)

    def action_export(self) -> None:
        from board_tui.exporters.progress_report import progress_report_text
        from board_tui.services.progress_report import (
            export_progress_report,
            report_file_name,
            resolve,
        )

        self.save()
        body = self.text
        choice = self.choice
        report = resolve(self.store, choice)

        def export(s: Store, path: Path, force: bool, progress: Progress) -> object:
            # Refused, with a notice, when a public report repeats Part 2 business.
            return export_progress_report(s, choice, body, path, force=force, progress=progress)

        what = "the confidential progress report" if choice.confidential else "the progress report"
        self.app.push_screen(
            ExportDialog(
                self.store,
                f"Export {what} to Word",
                progress_report_text(body, f"{report.header_left}\t{report.header_right}"),
                default_folder() / report_file_name(self.store, choice),
                export,
            )
        )


def open_progress_report(app: App[Any], store: Store, plan_id: int) -> None:
    """The plan's report last worked on; the first time, asked which report it is."""
    kept = store.progress_reports(plan_id)
    if kept:
        app.push_screen(ProgressReportScreen(store, kept[0].choice))
        return
    meeting = default_meeting(store, plan_id)
    choice = ReportChoice(plan_id, meeting.id if meeting is not None else None)

    def chosen(value: ReportChoice | None) -> None:
        if value is None:
            return
        try:
            store.save_progress_report(value, draft_report(store, value), generated=True)
        except BoardTuiError as error:
            app.notify(sentence(str(error)) + ".", severity="warning")
            return
        app.push_screen(ProgressReportScreen(store, value))

    app.push_screen(ReportChoiceDialog(choice, store.meetings_for_plan(plan_id)), chosen)
