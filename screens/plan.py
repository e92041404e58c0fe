"""An action plan: every item with its status colour, and the highlighted item's next steps."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from board_tui.formatting import short_date, shorten
from board_tui.model import Action, ActionPlan, PlanItemSummary, StatusUpdate
from board_tui.statuses import STYLES, Status
from storage.store import Store

# Sized so every column, status included, fits a 120-column terminal.
RECOMMENDATION_WIDTH = 42
LEAD_WIDTH = 22
TIME_FRAME_WIDTH = 20


def status_cell(status: Status) -> Text:
    style = STYLES[status]
    return Text.assemble(("■ ", style.ink), (style.label, style.ink))


def legend(plan: ActionPlan) -> Text:
    """The plan's own legend when it has one (clerks' words), else the status vocabulary."""
    text = Text()
    entries = [(e.status, e.label) for e in plan.legend] or [(s, s.label) for s in Status]
    for status, label in entries:
        text.append("■ ", style=STYLES[status].ink).append(f"{label}   ")
    return text


def plan_item_detail(
    summary: PlanItemSummary,
    steps: list[Action],
    history: list[StatusUpdate],
    today: dt.date,
) -> RenderableType:
    item = summary.item
    parts: list[RenderableType] = [
        Text.assemble((f"{item.ref}. ", "bold"), item.recommendation),
        Text.assemble(("Lead: ", "dim"), item.lead or "—", ("   Status: ", "dim"))
        + status_cell(item.status),
    ]
    if steps:
        parts.append(Text("\nNext steps", style="bold underline"))
        for step in steps:
            line = Text(" ")
            line.append_text(status_cell(step.status))
            line.append("  ")
            if step.label:
                line.append(f"{step.label.text} ", style="bold")
            line.append(step.description)
            if step.time_frame:
                line.append(f"  ({step.time_frame}", style="dim")
                if step.due_date:
                    line.append(f" → {short_date(step.due_date)}", style="dim")
                line.append(")", style="dim")
            if step.is_overdue(today):
                line.append("  OVERDUE", style="bold red")
            parts.append(line)
    if history:
        step_numbers = {step.id: n for n, step in enumerate(steps, start=1)}
        parts.append(Text("\nStatus history", style="bold underline"))
        for update in history:
            change = (
                f"{STYLES[update.old_status].label} → " if update.old_status else ""
            ) + STYLES[update.new_status].label
            line = Text(f" {update.recorded_at:%d %b %Y}  ", style="dim")
            if update.action_id in step_numbers:
                line.append(f"step {step_numbers[update.action_id]}: ", style="dim")
            line.append(change, style=STYLES[update.new_status].ink)
            if update.label:
                line.append(f"  {update.label}", style="bold")
            if update.body:
                line.append(f" {update.body}")
            parts.append(line)
    return Group(*parts)


class PlanScreen(Screen[None]):
    AUTO_FOCUS = "#plan-items"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
    ]

    def __init__(self, store: Store, plan_id: int, *, today: dt.date | None = None) -> None:
        super().__init__()
        self.store = store
        self.plan_id = plan_id
        self.today = today or store.clock().date()
        self._summaries: list[PlanItemSummary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="plan-heading")
        yield Static(id="plan-legend")
        table: DataTable[str | Text] = DataTable(id="plan-items", cursor_type="row", classes="pane")
        table.border_title = "Plan items"
        yield table
        with VerticalScroll(id="plan-item-pane", classes="pane") as pane:
            pane.border_title = "Next steps and history"
            yield Static(id="plan-item-detail")
        yield Footer()

    def on_mount(self) -> None:
        plan = self.store.plan(self.plan_id)
        self.sub_title = plan.title
        dated = f"\nUpdated {short_date(plan.dated)}" if plan.dated else ""
        self.query_one("#plan-heading", Static).update(
            Text.assemble((plan.title, "bold"), (dated, "dim"))
        )
        self.query_one("#plan-legend", Static).update(legend(plan))
        table = self.query_one("#plan-items", DataTable)
        table.add_column("#", key="ref")
        table.add_column("Recommendation", key="recommendation", width=RECOMMENDATION_WIDTH)
        table.add_column("Lead", key="lead", width=LEAD_WIDTH)
        table.add_column("Open", key="open")
        table.add_column("Next time frame", key="time_frame", width=TIME_FRAME_WIDTH)
        table.add_column("Status", key="status")
        self._summaries = self.store.plan_summary(self.plan_id)
        for summary in self._summaries:
            item = summary.item
            table.add_row(
                item.ref,
                shorten(item.recommendation, RECOMMENDATION_WIDTH),
                shorten(item.lead or "", LEAD_WIDTH),
                str(summary.open_steps),
                shorten(summary.next_time_frame or "", TIME_FRAME_WIDTH),
                status_cell(item.status),
                key=str(item.id),
            )
        if self._summaries:
            self.show_item(self._summaries[0])

    @on(DataTable.RowHighlighted, "#plan-items")
    def item_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self._summaries):
            self.show_item(self._summaries[event.cursor_row])

    def show_item(self, summary: PlanItemSummary) -> None:
        item_id = summary.item.id
        self.query_one("#plan-item-detail", Static).update(
            plan_item_detail(
                summary,
                self.store.next_steps(item_id),
                self.store.status_history(plan_item_id=item_id),
                self.today,
            )
        )
