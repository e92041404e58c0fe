"""A meeting: its agenda, and for the highlighted item what the clerk needs to run it."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from board_tui import agenda
from board_tui.formatting import MEETING_STATUS_WORDS, agenda_time, long_date, minutes_time
from board_tui.model import Action, AgendaItem, Meeting, Note, NoteKind, PlanItem
from board_tui.statuses import STYLES
from storage.store import Store


def meeting_heading(board_name: str, meeting: Meeting, status: str) -> Text:
    """Two lines: which board and where the meeting stands; when and where it is held."""
    heading = Text.assemble((board_name, "bold"), "  ", (status, "italic"))
    when = f"{long_date(meeting.scheduled_start.date())}, {agenda_time(meeting.scheduled_start)}"
    heading.append(f"\n{when}")
    if meeting.venue:
        heading.append(f" · {meeting.venue}", style="dim")
    if meeting.actual_start:
        heading.append(f" · held from {minutes_time(meeting.actual_start)}", style="dim")
        if meeting.actual_end:
            heading.append(f" to {minutes_time(meeting.actual_end)}", style="dim")
    return heading


def item_detail(
    item: AgendaItem,
    planned: dt.datetime | None,
    notes: list[Note],
    actions: list[Action],
    linked: list[PlanItem],
) -> RenderableType:
    """Everything about one agenda item, in the order the clerk reads it."""
    parts: list[RenderableType] = []
    title = Text(f"{item.number}. {item.title}", style="bold")
    if item.exempt:
        title.append("  PART 2 — EXEMPT", style="bold reverse")
    parts.append(title)
    facts = Text()
    if item.presenter:
        facts.append("Presenter: ", style="dim").append(f"{item.presenter}\n")
    if planned is not None:
        facts.append("Planned: ", style="dim").append(agenda_time(planned))
        if item.duration_minutes:
            facts.append(f" for {item.duration_minutes} min")
        facts.append("\n")
    if item.papers:
        facts.append("Papers: ", style="dim").append(f"{item.papers}\n")
    if facts:
        parts.append(facts)
    if item.chair_note:
        parts.append(Text.assemble(("Note to the chair: ", "bold"), (item.chair_note, "italic")))
    if notes:
        parts.append(Text("\nMinuted", style="bold underline"))
        lead_in_shown = False
        for note in notes:
            if note.kind is NoteKind.COMMENT and not lead_in_shown and item.comments_lead_in:
                parts.append(Text(item.comments_lead_in, style="italic"))
                lead_in_shown = True
            if note.kind is NoteKind.DECISION:
                parts.append(Text.assemble(("Decision ", "bold reverse"), " ", (note.body, "bold")))
            elif note.kind is NoteKind.COMMENT:
                parts.append(Text(f" • {note.body}"))
            else:
                parts.append(Text(note.body, style="dim"))
    if actions:
        parts.append(Text("\nActions arising", style="bold underline"))
        for action in actions:
            line = Text(f" ▸ {action.description}")
            if action.owner:
                line.append(f" — {action.owner}", style="dim")
            if action.time_frame:
                line.append(f" ({action.time_frame})", style="dim")
            parts.append(line)
    if linked:
        parts.append(Text("\nLinked plan items", style="bold underline"))
        for plan_item in linked:
            style = STYLES[plan_item.status]
            parts.append(
                Text.assemble(
                    (f" {plan_item.ref:>3} ", "bold"),
                    (f"■ {style.label:<10}", style.ink),
                    f" {plan_item.recommendation[:160]}",
                )
            )
    return Group(*parts)


class MeetingScreen(Screen[None]):
    AUTO_FOCUS = "#agenda"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
    ]

    def __init__(self, store: Store, meeting_id: int) -> None:
        super().__init__()
        self.store = store
        self.meeting_id = meeting_id
        self._items: list[AgendaItem] = []
        self._planned: dict[int, dt.datetime] = {}
        self._notes: list[Note] = []
        self._actions: list[Action] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="meeting-heading")
        with Horizontal(id="meeting-body"):
            table: DataTable[str | Text] = DataTable(id="agenda", cursor_type="row", classes="pane")
            table.border_title = "Agenda"
            yield table
            with VerticalScroll(id="item-pane", classes="pane") as pane:
                pane.border_title = "Item"
                yield Static(id="item-detail")
        yield Footer()

    def on_mount(self) -> None:
        meeting = self.store.meeting(self.meeting_id)
        board = self.store.board(meeting.board_id)
        self.sub_title = f"{board.name} · {meeting.scheduled_start:%d %b %Y}"
        self.query_one("#meeting-heading", Static).update(
            meeting_heading(board.name, meeting, MEETING_STATUS_WORDS[meeting.status])
        )
        self._items = self.store.agenda(self.meeting_id)
        # An agenda with no durations or fixed times has no plan to show.
        timed = any(i.duration_minutes or i.fixed_start for i in self._items)
        self._planned = agenda.planned_starts(self._items, meeting.scheduled_start) if timed else {}
        self._notes = self.store.notes(self.meeting_id)
        self._actions = self.store.actions_arising(self.meeting_id)
        table = self.query_one("#agenda", DataTable)
        table.add_column("No.", key="number")
        table.add_column("Item", key="title")
        table.add_column("Time", key="time")
        table.add_column("Presenter", key="presenter")
        depth = {item.id: d for item, d in agenda.outline(self._items)}
        for item in self._items:
            title = Text("   " * depth[item.id] + item.title)
            if item.exempt:
                title.append(" [Part 2]", style="bold")
            planned = self._planned.get(item.id)
            table.add_row(
                item.number,
                title,
                agenda_time(planned) if planned else "",
                (item.presenter or "").split(",")[0],
                key=str(item.id),
            )
        if self._items:
            self.show_item(self._items[0])

    @on(DataTable.RowHighlighted, "#agenda")
    def item_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self._items):
            self.show_item(self._items[event.cursor_row])

    def show_item(self, item: AgendaItem) -> None:
        self.query_one("#item-detail", Static).update(
            item_detail(
                item,
                self._planned.get(item.id),
                [n for n in self._notes if n.agenda_item_id == item.id],
                [a for a in self._actions if a.agenda_item_id == item.id],
                self.store.linked_plan_items(item.id),
            )
        )
