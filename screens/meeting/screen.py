"""The live meeting: the clerk walks the agenda and captures what is said and decided.

The agenda shows where the meeting is; n and p move it on and record the times. Captures
go through dialogs (screens/meeting/captures.py) and are in the store the moment they
are saved; what is being typed is kept in the dialog's own draft on each pause.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from board_tui.domain import agenda_order
from board_tui.domain.exempt import Part2
from board_tui.domain.formatting import MEETING_STATUS_WORDS, minutes_time, shorten
from board_tui.domain.meeting_records import AgendaItem, Declaration, Note
from board_tui.domain.model import Meeting, MeetingStatus
from board_tui.domain.projection import project
from board_tui.domain.quorum_count import MeetingQuorum
from board_tui.exporters.minute_refs import minute_numbers
from board_tui.screens.meeting.agenda_table import (
    TITLE,
    UNCUT,
    AgendaRow,
    AgendaTable,
    agenda_title,
)
from board_tui.screens.meeting.captures import CapturesMixin
from board_tui.screens.meeting.hold import MeetingHold
from board_tui.screens.meeting.render import (
    item_header,
    item_timer,
    meeting_heading,
    minuted_prompt,
    tracked_prompt,
)
from board_tui.screens.shell.closing import popped_screen_gone
from board_tui.screens.shell.footer import SteadyFooter
from board_tui.screens.shell.survival import guard
from board_tui.services.meeting_view import ItemView, MinutedLine, Tracked, item_view
from board_tui.services.undo import UndoStack
from board_tui.storage.store import Store


def minuted_key(line: MinutedLine) -> str:
    if isinstance(line, Note):
        return f"note:{line.id}"
    if isinstance(line, Declaration):
        return f"declaration:{line.id}"
    return f"update:{line.update.id}"


class MeetingScreen(CapturesMixin, Screen[None]):
    """Runs a meeting; before it starts and after it ends the same keys browse it."""

    # The footer shows what a clerk needs in every state, in this order; the rest are
    # in ? help and the command palette (ctrl+p).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "move(1)", "Next", id="meeting.next", tooltip="Next agenda item"),
        Binding("p", "move(-1)", "Prev", id="meeting.previous", tooltip="Previous agenda item"),
        Binding("c", "capture('comment')", "Comment", id="meeting.comment"),
        Binding("d", "capture('decision')", "Decision", id="meeting.decision"),
        Binding("a", "action", "Action", id="meeting.action", tooltip="New action arising"),
        Binding(
            "u", "update", "Update", id="meeting.update", tooltip="Status update on the chosen row"
        ),
        Binding(
            "s", "start", "Start", id="meeting.start", tooltip="Record that the meeting started"
        ),
        Binding("e", "end", "End", id="meeting.end", tooltip="Record that the meeting ended"),
        Binding(
            "o", "reopen", "Reopen", id="meeting.reopen", tooltip="Reopen to correct the minutes"
        ),
        Binding("ctrl+z", "undo", "Undo", id="meeting.undo", tooltip="Take back the last step"),
        Binding("t", "capture('narrative')", "Text", show=False, id="meeting.narrative"),
        Binding("l", "link", "Link plan items", show=False, id="meeting.link"),
        Binding("r", "roll_call", "Roll call", show=False, id="meeting.roll-call"),
        Binding("i", "lead_in", "Lead-in", show=False, id="meeting.lead-in"),
        Binding("k", "drafts", "Drafts", show=False, id="meeting.drafts"),
        Binding(
            "m", "matters_arising_here", "Matters arising here", show=False, id="meeting.matters"
        ),
        Binding("y", "voice", "You said", show=False, id="meeting.voice"),
        Binding("v", "chair_view", "Chair's view", show=False, id="meeting.chair-view"),
        Binding("enter", "edit", "Edit", show=False, id="meeting.edit"),
        Binding("delete", "remove", "Remove", show=False, id="meeting.remove"),
        Binding("escape", "back", "Back", show=False, id="meeting.back"),
    ]

    def __init__(self, store: Store, meeting_id: int, *, held: bool = False) -> None:
        """held: the opener has taken the meeting's hold (open_meeting); else it is taken
        on mounting, and a meeting another clerk holds goes read-only at once."""
        super().__init__()
        self.store = store
        self.meeting_id = meeting_id
        self.hold = MeetingHold(self, held=held)
        self.meeting: Meeting = store.meeting(meeting_id)
        self._board_name = store.board(self.meeting.board_id).name
        self._items: list[AgendaItem] = []
        self._exempt: frozenset[int] = frozenset()
        self._planned: dict[int, dt.datetime] = {}
        self._notes: list[Note] = []
        self._painted: dict[str, object] = {}
        self._quorum: MeetingQuorum | None = None
        self._minutes: dict[int, str] = {}
        """Each item's minute number when the board numbers its minutes ("TAB 23/49")."""
        self._minutes_shape: tuple[object, ...] | None = None
        self.view: ItemView | None = None
        self.viewing_id: int | None = None
        """An item shown while the live meeting stays where it is (a search jumped to it)."""
        self.undo_stack = UndoStack()
        self._seen: tuple[int, int] | None = None
        self._agenda_rows: list[AgendaRow] = []
        self._agenda_widths: list[int] = []
        self._minuted_prompts: list[tuple[str, Text]] = []
        self._tracked_prompts: list[tuple[Text, bool]] = []

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="meeting-heading")
        with Horizontal(id="meeting-body"):
            table = AgendaTable(id="agenda", cursor_type="row", classes="pane")
            table.border_title = "Agenda"
            table.can_focus = False
            yield table
            with Vertical(id="item-pane"):
                yield Static(id="item-header", classes="pane")
                notes = OptionList(id="notes", classes="pane")
                notes.border_title = "Minuted"
                yield notes
                tracked = OptionList(id="tracked", classes="pane")
                tracked.border_title = "Plan items and actions"
                yield tracked
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = f"{self._board_name} · {self.meeting.scheduled_start:%d %b %Y}"
        self.reload()
        self.query_one("#notes", OptionList).focus()
        self.set_interval(1.0, self._tick)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._repaint())
        self.hold.start()

    def on_unmount(self) -> None:
        self.hold.release()  # left, switched away from, or the app is closing

    async def on_screen_resume(self) -> None:
        # Repaint once, with the dialog that closed gone (screens/shell/closing.py): this
        # runs before Textual's own resume handler, which asks for the repaint.
        await popped_screen_gone(self.app)
        # Another screen (the roll call, a second view of this meeting) may have changed it.
        if self.store.data_version() != self._seen:
            self.reload()

    # -- reading the store into the screen ---------------------------------------------

    @property
    def current_item(self) -> AgendaItem | None:
        """The item on screen: the one being viewed, else where the meeting is."""
        wanted = self.viewing_id or self.meeting.current_item_id
        found = [i for i in self._items if i.id == wanted]
        return found[0] if found else (self._items[0] if self._items else None)

    @property
    def meeting_item(self) -> AgendaItem | None:
        found = [i for i in self._items if i.id == self.meeting.current_item_id]
        return found[0] if found else (self._items[0] if self._items else None)

    def reload(self) -> None:
        status = self.meeting.status
        self.meeting = self.store.meeting(self.meeting_id)
        self._items = self.store.agenda(self.meeting_id)
        self._exempt = Part2.of(self._items).item_ids  # the one rule: sub-items too
        timed = any(i.duration_minutes or i.fixed_start for i in self._items)
        self._planned = (
            agenda_order.planned_starts(self._items, self.meeting.scheduled_start) if timed else {}
        )
        self._notes = self.store.notes(self.meeting_id)
        self._quorum = self.store.meeting_quorum(self.meeting_id)
        shape = (self.meeting.status, tuple((i.id, i.parent_id) for i in self._items))
        if shape != self._minutes_shape:  # numbers change with the agenda, not with captures
            self._minutes_shape = shape
            self._minutes = minute_numbers(self.store, self.meeting_id)
        self._render_heading()
        self._fill_agenda()
        self._fill_item()
        if self.meeting.status is not status:
            self.refresh_bindings()  # which keys apply depends on the status only
        self._seen = self.store.data_version()

    def _repaint(self) -> None:
        self._agenda_rows, self._minuted_prompts, self._tracked_prompts = [], [], []
        self.reload()

    def _fill_agenda(self) -> None:
        table = self.query_one("#agenda", AgendaTable)
        if not table.size.width:
            return  # not laid out yet: its first Refit fills it, to the room it has
        depth = {item.id: d for item, d in agenda_order.outline(self._items)}
        at = self.meeting_item
        cells: list[tuple[Text | str, ...]] = []
        titles: list[tuple[str, int, bool]] = []
        for item in self._items:
            if at is not None and item.id == at.id:
                mark = Text("▶", style="bold")
            elif item.actual_end is not None:
                mark = Text("✓", style="dim")
            else:
                mark = Text(" ")
            planned = self._planned.get(item.id)
            titles.append((item.title, depth[item.id], item.id in self._exempt))
            cells.append(
                (
                    mark,
                    item.number,
                    minutes_time(planned) if planned else "",
                    shorten((item.presenter or "").split(",")[0], 12),
                    str(item.id),
                )
            )

        def with_titles(room: int) -> list[AgendaRow]:
            return [
                (*c[:TITLE], agenda_title(*t, room), *c[TITLE:])
                for c, t in zip(cells, titles, strict=True)
            ]

        widths = table.widths(with_titles(UNCUT))
        rows = with_titles(widths[TITLE])
        # A capture leaves the agenda as it was: refilling it would repaint every row.
        if (rows, widths) != (self._agenda_rows, self._agenda_widths):
            self._agenda_rows, self._agenda_widths = rows, widths
            table.refill(rows, widths)
        shown = self.current_item
        if shown is not None:
            table.move_cursor(row=self._items.index(shown))

    def _fill_item(self) -> None:
        item = self.current_item
        notes = self.query_one("#notes", OptionList)
        tracked = self.query_one("#tracked", OptionList)
        if item is None:
            self._update(self.query_one("#item-header", Static), "This meeting has no agenda yet.")
            notes.clear_options()
            tracked.clear_options()
            self.view = None
            self._minuted_prompts, self._tracked_prompts = [], []
            return
        self.view = item_view(self.store, self.meeting, item, self._notes)
        self._render_header()
        highlighted = notes.highlighted
        prompts = [
            (minuted_key(line), minuted_prompt(self.app, line, self.view.votes))
            for line in self.minuted
        ]
        # A new capture is added at its place; the lines before it are left to paint as they were.
        shown = self._minuted_prompts
        if not shown or prompts[: len(shown)] != shown:
            notes.clear_options()
            shown = []
        notes.add_options(Option(prompt, id=key) for key, prompt in prompts[len(shown) :])
        self._minuted_prompts = prompts
        if prompts:
            notes.highlighted = min(highlighted or 0, len(prompts) - 1)
        lead_in = item.comments_lead_in
        notes.border_subtitle = shorten(lead_in, 60) if lead_in else ""
        highlighted = tracked.highlighted
        today = self.meeting.overdue_judged_on(self.store.clock().date())
        rows = [
            (tracked_prompt(self.app, row, today), row.heading is not None) for row in self.tracked
        ]
        if rows != self._tracked_prompts:
            self._tracked_prompts = rows
            tracked.clear_options()
            tracked.add_options(Option(prompt, disabled=heading) for prompt, heading in rows)
        selectable = [n for n, row in enumerate(self.tracked) if row.heading is None]
        if selectable:
            tracked.highlighted = highlighted if highlighted in selectable else selectable[0]

    @property
    def minuted(self) -> tuple[MinutedLine, ...]:
        return self.view.minuted if self.view is not None else ()

    @property
    def tracked(self) -> tuple[Tracked, ...]:
        return self.view.tracked if self.view is not None else ()

    def _render_header(self) -> None:
        item = self.current_item
        if item is None:
            return
        timer = item_timer(
            self.app, item, self.meeting, self.store.clock(), self._planned.get(item.id)
        )
        quorum = self._quorum.items.get(item.id) if self._quorum is not None else None
        header = item_header(
            item, item.id in self._exempt, timer, quorum, self._minutes.get(item.id)
        )
        pane = self.query_one("#item-header", Static)
        self._update(pane, header)
        at = self.meeting_item
        viewing = self.viewing_id is not None and at is not None and at.id != item.id
        pane.border_title = (
            f"Viewing item {item.number}: the meeting is at item {at.number} (escape returns)"
            if viewing and at is not None
            else ""
        )

    def _render_heading(self) -> None:
        now = self.store.clock()
        projection = project(self._items, self.meeting, now)
        self._update(
            self.query_one("#meeting-heading", Static),
            meeting_heading(
                self._board_name,
                self.meeting,
                MEETING_STATUS_WORDS[self.meeting.status],
                projection.words(now) if projection is not None else None,
                self._quorum.now if self._quorum is not None else None,
            ),
        )

    def _update(self, pane: Static, content: RenderableType) -> None:
        """Words that have not changed are not set again: setting a Static lays the whole
        screen out again, and the clock's tick and every capture would do it for nothing."""
        key = pane.id or ""
        # A Group compares by identity; its lines (Text) compare by their words and styles.
        seen = tuple(content.renderables) if isinstance(content, Group) else content
        if self._painted.get(key) != seen:
            self._painted[key] = seen
            pane.update(content)

    def _tick(self) -> None:
        if self.meeting.status is MeetingStatus.LIVE:
            self._render_heading()  # an overrun moves the projected finish minute by minute
            self._render_header()

    # -- which keys apply now ----------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        status = self.meeting.status
        if action == "start":
            return status is MeetingStatus.DRAFT
        if action == "end":
            return status is MeetingStatus.LIVE
        if action == "reopen":
            return status in (MeetingStatus.CLOSED, MeetingStatus.APPROVED)
        return True

    # -- lifecycle and moving ----------------------------------------------------------

    def action_start(self) -> None:
        from board_tui.screens.dialogs.questions import ConfirmDialog

        def confirmed(yes: bool | None) -> None:
            if not yes or not self.hold.allows_writing():
                return
            with guard(self.app):
                self.store.start_meeting(self.meeting_id)
                self.reload()
                started = self.meeting.actual_start
                assert started is not None
                self.notify(f"Meeting started at {minutes_time(started)}")

        self.app.push_screen(
            ConfirmDialog("Start the meeting", "Record that the meeting has started now?"),
            confirmed,
        )

    def action_end(self) -> None:
        from board_tui.screens.dialogs.questions import ConfirmDialog

        def confirmed(yes: bool | None) -> None:
            if not yes or not self.hold.allows_writing():
                return
            correcting = self.meeting.is_correcting
            with guard(self.app):
                self.store.end_meeting(self.meeting_id)
                self.undo_stack.clear()  # a closed meeting changes only by a recorded reopening
                self.reload()
                ended = self.meeting.actual_end
                assert ended is not None
                if correcting:
                    self.notify("Corrections saved; the meeting's own times are kept.")
                else:
                    self.notify(f"The meeting ended at {minutes_time(ended)}")
                if warning := self.store.pop_backup_warning():
                    self.notify(warning[:1].upper() + warning[1:], severity="warning", timeout=10)

        self.app.push_screen(
            ConfirmDialog("End the meeting", "Record that the meeting has ended now?"), confirmed
        )

    def action_reopen(self) -> None:
        from board_tui.screens.dialogs.questions import ConfirmDialog

        def confirmed(yes: bool | None) -> None:
            if yes and self.hold.allows_writing():
                with guard(self.app):
                    self.store.reopen_meeting(self.meeting_id, "reopened for corrections")
                    self.reload()
                    self.notify("Reopened for corrections; e closes it again.")

        self.app.push_screen(
            ConfirmDialog(
                "Reopen the meeting",
                "Reopen this meeting to correct it? The reopening is recorded.",
            ),
            confirmed,
        )

    def action_move(self, step: int) -> None:
        self.viewing_id = None
        current = self.meeting_item
        if current is None:
            return
        index = self._items.index(current) + step
        if not 0 <= index < len(self._items):
            self.notify("That is the last item." if step > 0 else "That is the first item.")
            return
        if not self.hold.allows_writing():
            return
        target = self._items[index]
        before = {i.id: (i.actual_start, i.actual_end) for i in (current, target)}
        previous = self.meeting.current_item_id
        self.store.move_to_item(self.meeting_id, target.id)
        if self.meeting.status is MeetingStatus.LIVE and not self.meeting.is_correcting:
            self.undo_stack.push(
                f"the move to item {target.number}",
                lambda: self.store.restore_position(self.meeting_id, previous, before),
            )
        self.query_one("#notes", OptionList).highlighted = None
        self.reload()

    def action_back(self) -> None:
        """Escape: back to the meeting's own item when another is being viewed, else out."""
        if self.viewing_id is not None:
            self.viewing_id = None
            self.reload()
            return
        self.app.pop_screen()

    def action_chair_view(self) -> None:
        """The calm, large view for the screen share; v comes back here."""
        from board_tui.screens.chair import ChairScreen

        self.app.push_screen(ChairScreen(self.store, meeting_id=self.meeting_id, in_app=True))

    def action_roll_call(self) -> None:
        from board_tui.screens.rollcall import RollCallScreen

        if not self.hold.allows_writing():
            return
        self.app.push_screen(RollCallScreen(self.store, self.meeting_id), lambda _: self.reload())

    def action_matters_arising_here(self) -> None:
        item = self.current_item
        if item is not None and self.hold.allows_writing():
            self.store.set_matters_arising_item(self.meeting_id, item.id)
            self.reload()
            self.notify(f"Matters arising will be walked under item {item.number}.")

    def show_note(self, item_id: int, note_id: int | None = None) -> None:
        """Show an item (and choose one of its notes): a live meeting stays where it is."""
        if self.meeting.status is MeetingStatus.LIVE:
            self.viewing_id = item_id if item_id != self.meeting.current_item_id else None
        else:
            self.store.move_to_item(self.meeting_id, item_id)
        self.reload()
        if note_id is not None:
            self.select_minuted(f"note:{note_id}")

    # -- choosing lines ----------------------------------------------------------------

    def select_minuted(self, key: str) -> None:
        notes = self.query_one("#notes", OptionList)
        notes.focus()
        with contextlib.suppress(LookupError):
            notes.highlighted = notes.get_option_index(key)

    def selected_minuted(self) -> MinutedLine | None:
        notes = self.query_one("#notes", OptionList)
        index = notes.highlighted
        lines = self.minuted
        if index is None or not 0 <= index < len(lines):
            return None
        return lines[index]

    def selected_note(self) -> Note | None:
        line = self.selected_minuted()
        return line if isinstance(line, Note) else None

    def selected_tracked(self) -> Tracked | None:
        tracked = self.query_one("#tracked", OptionList)
        index = tracked.highlighted
        if index is None or not 0 <= index < len(self.tracked):
            return None
        row = self.tracked[index]
        return row if row.heading is None else None

    @on(AgendaTable.Refit)
    def _refit_agenda(self) -> None:
        self._fill_agenda()

    @on(OptionList.OptionSelected, "#notes")
    def _note_chosen(self) -> None:
        with guard(self.app):
            self.action_edit()

    @on(OptionList.OptionSelected, "#tracked")
    def _tracked_chosen(self) -> None:
        with guard(self.app):
            self.action_update()
