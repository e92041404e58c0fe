"""The agenda editor: build or tidy a meeting's agenda without touching the mouse.

The table is the only thing with the focus, so tab and shift+tab can indent and
outdent as they do in a Word outline. Numbers follow the order and planned
times follow the meeting's start and the durations, on every change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from board_tui.domain import agenda_order
from board_tui.domain.exclusion import PARAGRAPH_PLACEHOLDER, paragraph_words
from board_tui.domain.exempt import Part2
from board_tui.domain.formatting import long_date, minutes_time, shorten
from board_tui.domain.meeting_records import AgendaItem
from board_tui.domain.model import Meeting
from board_tui.screens.dialogs.edits import SharedEdit
from board_tui.screens.dialogs.exclusion import ParagraphChoice, ParagraphDialog
from board_tui.screens.dialogs.questions import ConfirmDialog
from board_tui.screens.dialogs.setup import (
    AgendaItemDialog,
    ItemInput,
    MeetingDialog,
    MeetingInput,
    meeting_fields,
)
from board_tui.screens.shell.footer import SteadyFooter
from board_tui.screens.shell.notices import refusals_as_notices
from board_tui.storage.store import Store

DURATION_STEP = 5


def item_fields(item: AgendaItem) -> dict[str, Any]:
    return {
        "title": item.title,
        "presenter": item.presenter or "",
        "minutes": str(item.duration_minutes) if item.duration_minutes is not None else "",
        "fixed": minutes_time(item.fixed_start) if item.fixed_start else "",
        "papers": item.papers or "",
        "exempt": item.exempt,
        "paragraph": item.exempt_paragraph,
        "note": item.chair_note or "",
        "lead_in": item.comments_lead_in or "",
    }


def changes(value: ItemInput) -> dict[str, Any]:
    return {
        "title": value.title,
        "presenter": value.presenter,
        "duration_minutes": value.duration_minutes,
        "fixed_start": value.fixed_start,
        "papers": value.papers,
        "exempt": value.exempt,
        "exempt_paragraph": value.exempt_paragraph,
        "chair_note": value.chair_note,
        "comments_lead_in": value.comments_lead_in,
    }


class AgendaScreen(Screen[None]):
    """One meeting's agenda: add, edit, delete, move, indent; times computed as you go."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add item", id="agenda.add"),
        Binding("enter", "edit", "Edit", id="agenda.edit"),
        Binding("delete", "delete", "Delete", show=False, id="agenda.delete"),
        Binding("shift+up", "move(-1)", "Move", key_display="⇧↑↓", id="agenda.up"),
        Binding("shift+down", "move(1)", "Move down", show=False, id="agenda.down"),
        Binding("tab", "indent", "Indent", priority=True, id="agenda.indent"),
        Binding("shift+tab", "outdent", "Outdent", show=False, priority=True, id="agenda.outdent"),
        Binding("plus,equals_sign", "lengthen(1)", "5 min", key_display="+/-", id="agenda.longer"),
        Binding("minus", "lengthen(-1)", "5 min less", show=False, id="agenda.shorter"),
        Binding("x", "exempt", "Part 2", id="agenda.exempt"),
        Binding("m", "meeting", "Details", id="agenda.meeting"),
        Binding("s", "standing", "Standing items", show=False, id="agenda.standing"),
        Binding("l", "run", "Run live", id="agenda.run"),
        Binding("escape", "app.pop_screen", "Back", id="agenda.back"),
    ]

    def __init__(self, store: Store, meeting_id: int) -> None:
        super().__init__()
        self.store = store
        self.meeting_id = meeting_id
        self.meeting: Meeting = store.meeting(meeting_id)
        self._items: list[AgendaItem] = []
        self._part2 = Part2()
        """The one exempt rule over this agenda: sub-items of a Part 2 item are Part 2."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="agenda-heading")
        table: DataTable[str | Text] = DataTable(
            id="agenda-items", cursor_type="row", classes="pane"
        )
        table.border_title = "Agenda"
        yield table
        yield Static(id="agenda-detail", classes="pane")
        yield SteadyFooter()

    def on_mount(self) -> None:
        board = self.store.board(self.meeting.board_id)
        self.sub_title = f"{board.name} · agenda"
        table = self.query_one("#agenda-items", DataTable)
        table.add_column("No.", key="number")
        table.add_column("Time", key="time")
        table.add_column("Mins", key="minutes")
        table.add_column("Item", key="title")
        table.add_column("Presenter", key="presenter")
        table.add_column("Papers", key="papers")
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def _told(self) -> contextlib.AbstractContextManager[None]:
        return refusals_as_notices(self)

    # -- reading the store into the screen -----------------------------------------------

    @property
    def selected(self) -> AgendaItem | None:
        table = self.query_one("#agenda-items", DataTable)
        if not self._items or table.cursor_row < 0:
            return None
        return self._items[min(table.cursor_row, len(self._items) - 1)]

    def reload(self, select_id: int | None = None) -> None:
        if select_id is None and self.selected is not None:
            select_id = self.selected.id
        self.meeting = self.store.meeting(self.meeting_id)
        self._items = self.store.agenda(self.meeting_id)
        self._part2 = Part2.of(self._items)
        starts = agenda_order.planned_starts(self._items, self.meeting.scheduled_start)
        depth = {item.id: d for item, d in agenda_order.outline(self._items)}
        table = self.query_one("#agenda-items", DataTable)
        table.clear()
        for item in self._items:
            title = Text("   " * depth[item.id] + item.title)
            if self._part2.item(item.id):
                title.append(f" [Part 2{self._paragraph_mark(item)}]", style="bold")
            if item.chair_note:
                title.append(" ✎", style="dim")
            fixed = item.fixed_start is not None
            table.add_row(
                item.number,
                Text(minutes_time(starts[item.id]), style="bold" if fixed else ""),
                str(item.duration_minutes) if item.duration_minutes is not None else "",
                title,
                shorten((item.presenter or "").split(",")[0], 24),
                shorten(item.papers or "", 16),
                key=str(item.id),
            )
        ids = [i.id for i in self._items]
        if select_id in ids:
            table.move_cursor(row=ids.index(select_id))
        self._render_heading(starts)
        self._render_detail()

    def _render_heading(self, starts: dict[int, dt.datetime]) -> None:
        start = self.meeting.scheduled_start
        heading = Text(self.meeting.title, style="bold")
        heading.append(f"\n{long_date(start.date())} at {minutes_time(start)}")
        if self.meeting.venue:
            heading.append(f" · {self.meeting.venue}")
        top = [i for i in self._items if i.parent_id is None]
        if top:
            ends = [
                starts[i.id] + dt.timedelta(minutes=i.duration_minutes or 0) for i in self._items
            ]
            subs = len(self._items) - len(top)
            counts = f"{len(top)} items" + (f", {subs} sub-item{'s' * (subs != 1)}" if subs else "")
            heading.append(
                f"\n{counts} · planned to end about {minutes_time(max(ends))}", style="dim"
            )
        else:
            heading.append(
                "\nNo items yet: a adds one, s copies the standing items of the last meeting.",
                style="dim",
            )
        self.query_one("#agenda-heading", Static).update(heading)

    def _render_detail(self) -> None:
        item = self.selected
        detail = Text()
        if item is not None:
            detail.append(f"{item.number}  {item.title}", style="bold")
            if self._part2.item(item.id):
                detail.append(f"  Part 2: {self._part2_reason(item)}", style="bold")
                if item.exempt and self._asks_paragraph:
                    detail.append(f"\n{self._paragraph_line(item)}")
            if item.presenter:
                detail.append(f"\nPresenter: {item.presenter}")
            if item.fixed_start:
                detail.append(f"  fixed at {minutes_time(item.fixed_start)}", style="dim")
            if item.chair_note:
                detail.append(f"\nNote: {item.chair_note}")
            if item.comments_lead_in:
                detail.append(f"\nComments lead-in: {item.comments_lead_in}", style="dim")
        self.query_one("#agenda-detail", Static).update(detail)

    @on(DataTable.RowHighlighted, "#agenda-items")
    def _highlighted(self) -> None:
        self._render_detail()

    @on(DataTable.RowSelected, "#agenda-items")
    def _selected(self) -> None:
        self.action_edit()

    # -- editing -----------------------------------------------------------------------

    def _people(self) -> list[str]:
        return [
            ", ".join(p for p in (m.person.name, m.position or m.person.title) if p)
            for m in self.store.members(self.meeting.board_id)
        ]

    def action_add(self) -> None:
        after = self.selected

        def saved(value: ItemInput | None) -> None:
            if value is None:
                return
            with self._told():
                item = self.store.add_agenda_item(
                    self.meeting_id,
                    value.title,
                    after_id=after.id if after else None,
                    **{k: v for k, v in changes(value).items() if k != "title"},
                )
                self.reload(select_id=item.id)

        self.app.push_screen(
            AgendaItemDialog(
                "New agenda item", people=self._people(), paragraphs=self._asks_paragraph
            ),
            saved,
        )

    def action_edit(self) -> None:
        item = self.selected
        if item is None:
            self.action_add()
            return

        def saved(value: ItemInput | None) -> None:
            if value is not None:
                with self._told():
                    self.store.update_agenda_item(item.id, **changes(value))
                    self.reload(select_id=item.id)

        self.app.push_screen(
            AgendaItemDialog(
                f"Item {item.number}",
                people=self._people(),
                fields=item_fields(item),
                paragraphs=self._asks_paragraph,
            ),
            saved,
        )

    def action_delete(self) -> None:
        item = self.selected
        if item is None:
            return
        subs = sum(1 for i in self._items if i.parent_id == item.id)
        question = f"Delete item {item.number}, {item.title}" + (
            f", and its {subs} sub-items?" if subs else "?"
        )

        def confirmed(yes: bool | None) -> None:
            if yes:
                with self._told():
                    self.store.delete_agenda_item(item.id)
                    self.reload()

        self.app.push_screen(ConfirmDialog("Delete this item?", question), confirmed)

    def action_move(self, step: int) -> None:
        item = self.selected
        if item is not None:
            with self._told():
                self.store.move_agenda_item(item.id, step)
                self.reload(select_id=item.id)

    def action_indent(self) -> None:
        item = self.selected
        if item is not None:
            with self._told():
                if not self.store.indent_agenda_item(item.id):
                    self.notify("Only an item with an item above it can become a sub-item.")
                self.reload(select_id=item.id)

    def action_outdent(self) -> None:
        item = self.selected
        if item is not None:
            with self._told():
                self.store.outdent_agenda_item(item.id)
                self.reload(select_id=item.id)

    def action_lengthen(self, steps: int) -> None:
        item = self.selected
        if item is not None:
            minutes = max((item.duration_minutes or 0) + steps * DURATION_STEP, 0)
            self.store.update_agenda_item(item.id, duration_minutes=minutes)
            self.reload(select_id=item.id)

    def _part2_reason(self, item: AgendaItem) -> str:
        above = self._part2.inherited_from(item.id)
        if above is None:
            return "exempt, confidential"
        number = next((i.number for i in self._items if i.id == above), "")
        return f"under item {number}, which is exempt"

    @property
    def _asks_paragraph(self) -> bool:
        """A council cites Schedule 12A; an NHS board excludes the public without it."""
        return self.store.board(self.meeting.board_id).exclusion_rule.asks_paragraph

    def _paragraph_mark(self, item: AgendaItem) -> str:
        """ " · para 3" on a flagged item, " · para ?" until one is chosen (so the clerk sees
        what the minutes' resolution will lack); nothing on the sub-items under it."""
        if not item.exempt or not self._asks_paragraph:
            return ""
        return f" · para {item.exempt_paragraph or '?'}"

    def _paragraph_line(self, item: AgendaItem) -> str:
        if item.exempt_paragraph is None:
            return (
                "Schedule 12A paragraph not chosen yet: the minutes' resolution shows"
                f" {PARAGRAPH_PLACEHOLDER} (enter, or x twice, chooses it)."
            )
        return f"Schedule 12A, paragraph {paragraph_words(item.exempt_paragraph)}"

    def action_exempt(self) -> None:
        """Mark the item Part 2 (asking a council's clerk for its Schedule 12A paragraph), or
        not; its sub-items follow it, as the one rule says."""
        item = self.selected
        if item is None:
            return
        if not item.exempt and self._part2.inherited_from(item.id) is not None:
            self.notify(
                f"Item {item.number} is Part 2 {self._part2_reason(item)}: x there"
                " changes it and its sub-items.",
                severity="warning",
            )
            return
        if item.exempt or not self._asks_paragraph:
            self._mark_exempt(item, not item.exempt, None)
            return

        def chosen(choice: ParagraphChoice | None) -> None:
            if choice is not None:
                self._mark_exempt(item, True, choice.paragraph)

        self.app.push_screen(ParagraphDialog(f"{item.number}. {item.title}"), chosen)

    def _mark_exempt(self, item: AgendaItem, exempt: bool, paragraph: int | None) -> None:
        with self._told():
            self.store.update_agenda_item(item.id, exempt=exempt, exempt_paragraph=paragraph)
        self.reload(select_id=item.id)
        subs = [i for i in self._items if self._part2.inherited_from(i.id) == item.id]
        if self._part2.item(item.id):
            also = f" and its {len(subs)} sub-item{'s' * (len(subs) != 1)}" if subs else ""
            self.notify(f"Item {item.number}{also}: Part 2, kept out of everything public.")
        else:
            still = self._part2.inherited_from(item.id)
            if still is not None:
                self.notify(f"Item {item.number} is still Part 2 {self._part2_reason(item)}.")
            else:
                self.notify(f"Item {item.number} is public again.")

    def action_standing(self) -> None:
        with self._told():
            added = self.store.copy_standing_items(self.meeting_id)
            self.reload()
            self.notify(
                f"{added} standing items added." if added else "The standing items are there."
            )

    def action_meeting(self) -> None:
        def write(value: MeetingInput, expected: Meeting) -> object:
            return self.store.update_meeting(
                self.meeting_id,
                scheduled_start=value.scheduled_start,
                title=value.title,
                venue=value.venue,
                expected=expected,
            )

        def saved(value: MeetingInput | None) -> None:
            if value is not None:
                self.reload()

        edit = SharedEdit(self.meeting, write, meeting_fields)
        self.app.push_screen(
            MeetingDialog("Meeting details", fields=edit.fields(), new=False, save=edit), saved
        )

    def action_run(self) -> None:
        from board_tui.screens.meeting.hold import open_meeting

        self.app.switch_screen(open_meeting(self.app, self.store, self.meeting_id))
