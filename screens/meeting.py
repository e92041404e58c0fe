"""The live meeting: the clerk walks the agenda and captures what is said and decided.

The agenda shows where the meeting is; n and p move it on and record the
times. Captures go through dialogs and are committed the moment they are
saved; what is being typed is kept as a draft on each pause.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, OptionList, Static
from textual.widgets.option_list import Option

from board_tui.domain import agenda_order
from board_tui.domain.formatting import (
    MEETING_STATUS_WORDS,
    agenda_time,
    long_date,
    minutes_time,
    shorten,
)
from board_tui.domain.model import (
    Action,
    AgendaItem,
    Draft,
    Meeting,
    MeetingStatus,
    Note,
    NoteKind,
    PlanItem,
    Status,
)
from board_tui.domain.statuses import STYLES
from board_tui.screens.chair import ChairScreen
from board_tui.screens.dialogs import (
    ActionDialog,
    ActionInput,
    ConfirmDialog,
    LinkDialog,
    NoteDialog,
    NoteInput,
    UpdateDialog,
    UpdateInput,
)
from board_tui.screens.rollcall import RollCallScreen
from board_tui.screens.shell.footer import SteadyFooter
from board_tui.screens.shell.notices import refusals_as_notices
from board_tui.screens.voice import open_voice_dialog
from board_tui.storage.store import Store

NOTE_MARKS = {NoteKind.COMMENT: "•", NoteKind.DECISION: "AGREED", NoteKind.NARRATIVE: "¶"}


def meeting_heading(board_name: str, meeting: Meeting, status: str) -> Text:
    """Two lines: which board and where the meeting stands; when and where it is held."""
    heading = Text.assemble((board_name, "bold"), "  ", (status, "italic"))
    when = f"{long_date(meeting.scheduled_start.date())}, {agenda_time(meeting.scheduled_start)}"
    heading.append(f"\n{when}")
    if meeting.venue:
        heading.append(f" · {meeting.venue}", style="dim")
    if meeting.actual_start:
        heading.append(f" · started {minutes_time(meeting.actual_start)}", style="dim")
        if meeting.actual_end:
            heading.append(f", ended {minutes_time(meeting.actual_end)}", style="dim")
    return heading


def item_timer(
    item: AgendaItem, meeting: Meeting, now: dt.datetime, planned: dt.datetime | None
) -> Text:
    """Planned against actual minutes; an overrun shows in the error colour."""
    text = Text()
    if planned is not None:
        text.append("Planned ", style="dim").append(agenda_time(planned))
        if item.duration_minutes:
            text.append(f" for {item.duration_minutes} min")
    if item.actual_start is None:
        return text
    end = item.actual_end or (now if meeting.current_item_id == item.id else None)
    if end is None:
        return text
    used = max(int((end - item.actual_start).total_seconds() // 60), 0)
    if text:
        text.append("  ·  ")
    running = item.actual_end is None and meeting.status is MeetingStatus.LIVE
    text.append("Running " if running else "Took ", style="dim")
    if item.duration_minutes and used > item.duration_minutes:
        over = used - item.duration_minutes
        text.append(f"{used} min, {over} over", style="bold red")
    elif item.duration_minutes and used >= item.duration_minutes * 0.8:
        text.append(f"{used} of {item.duration_minutes} min", style="bold yellow")
    else:
        text.append(
            f"{used} min" + (f" of {item.duration_minutes}" if item.duration_minutes else "")
        )
    return text


def item_header(item: AgendaItem, timer: Text) -> RenderableType:
    parts: list[RenderableType] = []
    title = Text(f"{item.number}. {item.title}", style="bold")
    if item.exempt:
        title.append("  PART 2 — EXEMPT", style="bold reverse")
    parts.append(title)
    facts = Text()
    if item.presenter:
        facts.append("Presenter ", style="dim").append(item.presenter + "\n")
    if item.papers:
        facts.append("Papers ", style="dim").append(item.papers + "\n")
    facts.append_text(timer)
    parts.append(facts)
    if item.chair_note:
        parts.append(Text.assemble(("Note to the chair: ", "bold"), (item.chair_note, "italic")))
    return Group(*parts)


def note_prompt(note: Note) -> Text:
    mark = NOTE_MARKS[note.kind]
    line = Text(f"{note.created_at:%H:%M} ", style="dim")
    if note.kind is NoteKind.DECISION:
        line.append(f" {mark} ", style="bold reverse").append(" ").append(note.body, style="bold")
    elif note.kind is NoteKind.NARRATIVE:
        line.append(f"{mark} {note.body}", style="italic")
    else:
        line.append(f"{mark} {note.body}")
    if note.edited_at:
        line.append("  (edited)", style="dim")
    if note.voice:
        line.append(f"  YOU SAID: {note.voice_source or 'residents'}", style="italic")
    return line


def status_mark(status: Status) -> Text:
    style = STYLES[status]
    return Text(f"■ {style.label:<10}", style=style.ink)


@dataclass(frozen=True)
class Tracked:
    """A row of the linked pane: a plan item, one of its next steps, or an action arising."""

    plan_item: PlanItem | None = None
    action: Action | None = None
    heading: str | None = None

    @property
    def title(self) -> str:
        if self.action is not None:
            return self.action.description
        if self.plan_item is not None:
            return f"{self.plan_item.ref}. {self.plan_item.recommendation}"
        return self.heading or ""

    @property
    def status(self) -> Status | None:
        if self.action is not None:
            return self.action.status
        return self.plan_item.status if self.plan_item is not None else None


def tracked_prompt(row: Tracked, today: dt.date) -> Text:
    if row.heading is not None:
        return Text(row.heading, style="bold underline")
    assert row.status is not None
    line = Text()
    if row.action is not None:
        line.append("   ")
    line.append_text(status_mark(row.status))
    line.append(" ")
    if row.plan_item is not None and row.action is None:
        line.append(f"{row.plan_item.ref}. ", style="bold")
        line.append(shorten(row.plan_item.recommendation, 120))
        return line
    assert row.action is not None
    if row.action.label:
        line.append(f"{row.action.label.text} ", style="bold")
    line.append(shorten(row.action.description, 120))
    details = [d for d in (row.action.owner, row.action.time_frame) if d]
    if details:
        line.append(f"  ({'; '.join(details)})", style="dim")
    if row.action.is_overdue(today):
        line.append(" OVERDUE", style="bold red")
    return line


@dataclass(frozen=True)
class Undo:
    """One step ctrl+z can take back."""

    label: str
    apply: Callable[[], object]


class AgendaTable(DataTable[str | Text]):
    """The agenda, which keeps the current item in view when the layout changes its size."""

    def on_resize(self) -> None:
        self.move_cursor(row=self.cursor_row)


class MeetingScreen(Screen[None]):
    """Runs a meeting; before it starts and after it ends the same keys browse it."""

    # The letter keys are priority bindings: the app runs them before it hands on the
    # next key, so the words typed straight after c, d or a land in the dialog, in order,
    # and a quick y answers the question s asked (the screen has no text field of its
    # own for them to shadow).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "capture('comment')", "Comment", id="comment", priority=True),
        Binding("d", "capture('decision')", "Decision", id="decision", priority=True),
        Binding("t", "capture('narrative')", "Text", show=False, id="narrative", priority=True),
        Binding("a", "action", "Action", id="action", priority=True),
        Binding("u", "update", "Update", id="update", priority=True),
        Binding("l", "link", "Link", id="link", priority=True),
        Binding("n", "move(1)", "Next", id="next", priority=True),
        Binding("p", "move(-1)", "Prev", id="previous", priority=True),
        Binding("s", "start", "Start", id="start", priority=True),
        Binding("e", "end", "End", id="end", priority=True),
        Binding("o", "reopen", "Reopen", show=False, id="reopen", priority=True),
        Binding("r", "roll_call", "Roll call", id="roll-call", priority=True),
        Binding(
            "m",
            "matters_arising_here",
            "Matters arising here",
            show=False,
            id="matters",
            priority=True,
        ),
        Binding("enter", "edit", "Edit", show=False, id="edit"),
        Binding("delete", "remove", "Remove", show=False, id="remove"),
        Binding("ctrl+z", "undo", "Undo", id="undo"),
        Binding("y", "voice", "You said", show=False, id="voice", priority=True),
        Binding("v", "chair_view", "Chair's view", show=False, id="chair-view", priority=True),
        Binding("escape", "app.pop_screen", "Back", id="back"),
    ]

    def __init__(self, store: Store, meeting_id: int) -> None:
        super().__init__()
        self.store = store
        self.meeting_id = meeting_id
        self.meeting = store.meeting(meeting_id)
        self._board_name = store.board(self.meeting.board_id).name
        self._items: list[AgendaItem] = []
        self._planned: dict[int, dt.datetime] = {}
        self._notes: list[Note] = []
        self._tracked: list[Tracked] = []
        self._undo: list[Undo] = []
        self._seen: tuple[int, int] | None = None
        self._agenda_rows: list[tuple[Text | str, ...]] = []
        self._note_prompts: list[tuple[str, Text]] = []
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
        table = self.query_one("#agenda", DataTable)
        table.add_column("", key="mark")
        table.add_column("No.", key="number")
        table.add_column("Item", key="title")
        table.add_column("Time", key="time")
        table.add_column("Presenter", key="presenter")
        self.reload()
        self.query_one("#notes", OptionList).focus()
        self.set_interval(1.0, self._tick)

    def on_screen_resume(self) -> None:
        # Another screen (the roll call, a second view of this meeting) may have changed it;
        # after a capture dialog the save has already reloaded, so nothing is read twice.
        if self.store.data_version() != self._seen:
            self.reload()

    def _told(self) -> contextlib.AbstractContextManager[None]:
        return refusals_as_notices(self, self.reload)

    # -- reading the store into the screen ---------------------------------------------

    @property
    def current_item(self) -> AgendaItem | None:
        current = self.meeting.current_item_id
        found = [i for i in self._items if i.id == current]
        return found[0] if found else (self._items[0] if self._items else None)

    def reload(self) -> None:
        status = self.meeting.status
        self.meeting = self.store.meeting(self.meeting_id)
        self._items = self.store.agenda(self.meeting_id)
        timed = any(i.duration_minutes or i.fixed_start for i in self._items)
        self._planned = (
            agenda_order.planned_starts(self._items, self.meeting.scheduled_start) if timed else {}
        )
        self._notes = self.store.notes(self.meeting_id)
        self.query_one("#meeting-heading", Static).update(
            meeting_heading(
                self._board_name, self.meeting, MEETING_STATUS_WORDS[self.meeting.status]
            )
        )
        self._fill_agenda()
        self._fill_item()
        if self.meeting.status is not status:
            # Only the status changes which keys apply; the footer rebuilds on each refresh.
            self.refresh_bindings()
        self._seen = self.store.data_version()

    def _fill_agenda(self) -> None:
        table = self.query_one("#agenda", DataTable)
        depth = {item.id: d for item, d in agenda_order.outline(self._items)}
        current = self.current_item
        rows: list[tuple[Text | str, ...]] = []
        for item in self._items:
            if current is not None and item.id == current.id:
                mark = Text("▶", style="bold")
            elif item.actual_end is not None:
                mark = Text("✓", style="dim")
            else:
                mark = Text(" ")
            title = Text("   " * depth[item.id] + item.title)
            if item.exempt:
                title.append(" [Part 2]", style="bold")
            planned = self._planned.get(item.id)
            rows.append(
                (
                    mark,
                    item.number,
                    title,
                    agenda_time(planned) if planned else "",
                    shorten((item.presenter or "").split(",")[0], 12),
                    str(item.id),
                )
            )
        # A capture leaves the agenda as it was: refilling it would repaint every row.
        if rows != self._agenda_rows:
            self._agenda_rows = rows
            table.clear()
            for *cells, key in rows:
                table.add_row(*cells, key=str(key))
        if current is not None:
            table.move_cursor(row=self._items.index(current))

    def _fill_item(self) -> None:
        item = self.current_item
        notes = self.query_one("#notes", OptionList)
        tracked = self.query_one("#tracked", OptionList)
        if item is None:
            self.query_one("#item-header", Static).update("This meeting has no agenda yet.")
            notes.clear_options()
            tracked.clear_options()
            self._note_prompts, self._tracked_prompts = [], []
            return
        self._render_header()
        item_notes = [n for n in self._notes if n.agenda_item_id == item.id]
        highlighted = notes.highlighted
        prompts = [(str(n.id), note_prompt(n)) for n in item_notes]
        # A new capture is added to the end; the notes already shown are left to paint as they were.
        shown = self._note_prompts
        if prompts[: len(shown)] != shown:
            notes.clear_options()
            shown = []
        notes.add_options(Option(prompt, id=key) for key, prompt in prompts[len(shown) :])
        self._note_prompts = prompts
        if item_notes:
            notes.highlighted = min(highlighted or 0, len(item_notes) - 1)
        lead_in = item.comments_lead_in
        notes.border_subtitle = shorten(lead_in, 60) if lead_in else ""
        self._tracked = self._tracked_rows(item)
        highlighted = tracked.highlighted
        today = self.store.clock().date()
        rows = [(tracked_prompt(row, today), row.heading is not None) for row in self._tracked]
        if rows != self._tracked_prompts:
            self._tracked_prompts = rows
            tracked.clear_options()
            tracked.add_options(Option(prompt, disabled=heading) for prompt, heading in rows)
        selectable = [n for n, row in enumerate(self._tracked) if row.heading is None]
        if selectable:
            tracked.highlighted = highlighted if highlighted in selectable else selectable[0]

    def _tracked_rows(self, item: AgendaItem) -> list[Tracked]:
        rows: list[Tracked] = []
        arising = [
            a for a in self.store.actions_arising(self.meeting_id) if a.agenda_item_id == item.id
        ]
        if arising:
            rows.append(Tracked(heading="Actions arising from this item"))
            rows += [Tracked(action=a) for a in arising]
        linked = self.store.linked_plan_items(item.id)
        if linked:
            rows.append(Tracked(heading="Linked plan items"))
            for plan_item in linked:
                rows.append(Tracked(plan_item=plan_item))
                rows += [
                    Tracked(plan_item=plan_item, action=step)
                    for step in self.store.next_steps(plan_item.id)
                    if step.status.is_open
                ]
        if self.store.matters_arising_item_id(self.meeting_id) == item.id:
            earlier = self.store.matters_arising(self.meeting_id)
            rows.append(
                Tracked(
                    heading=f"Matters arising: {len(earlier)} open actions from earlier meetings"
                )
            )
            rows += [Tracked(action=a) for a in earlier]
        return rows

    def _render_header(self) -> None:
        item = self.current_item
        if item is None:
            return
        timer = item_timer(item, self.meeting, self.store.clock(), self._planned.get(item.id))
        self.query_one("#item-header", Static).update(item_header(item, timer))

    def _tick(self) -> None:
        if self.meeting.status is MeetingStatus.LIVE:
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

    def _can_capture(self) -> bool:
        status = self.meeting.status
        if status is MeetingStatus.LIVE:
            return True
        if status is MeetingStatus.DRAFT:
            self.notify("Start the meeting first (s), then capture.", severity="warning")
        else:
            self.notify("The meeting is closed: reopen it (o) to correct it.", severity="warning")
        return False

    # -- lifecycle ---------------------------------------------------------------------

    def action_start(self) -> None:
        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            with self._told():
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
        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            correcting = self.meeting.is_correcting
            with self._told():
                self.store.end_meeting(self.meeting_id)
                self._undo.clear()  # a closed meeting changes only by a recorded reopening
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
        def confirmed(yes: bool | None) -> None:
            if yes:
                with self._told():
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
        current = self.current_item
        if current is None:
            return
        index = self._items.index(current) + step
        if not 0 <= index < len(self._items):
            self.notify("That is the last item." if step > 0 else "That is the first item.")
            return
        target = self._items[index]
        before = {i.id: (i.actual_start, i.actual_end) for i in (current, target)}
        previous = self.meeting.current_item_id
        with self._told():
            self.store.move_to_item(self.meeting_id, target.id)
        if self.meeting.status is MeetingStatus.LIVE and not self.meeting.is_correcting:
            self._undo.append(
                Undo(
                    f"the move to item {target.number}",
                    lambda: self.store.restore_position(self.meeting_id, previous, before),
                )
            )
        self.query_one("#notes", OptionList).highlighted = None
        self.reload()

    def action_chair_view(self) -> None:
        """The calm, large view for the screen share; v comes back here."""
        self.app.push_screen(ChairScreen(self.store, meeting_id=self.meeting_id, in_app=True))

    def action_roll_call(self) -> None:
        self.app.push_screen(RollCallScreen(self.store, self.meeting_id), lambda _: self.reload())

    def action_matters_arising_here(self) -> None:
        item = self.current_item
        if item is not None:
            self.store.set_matters_arising_item(self.meeting_id, item.id)
            self.reload()
            self.notify(f"Matters arising will be walked under item {item.number}.")

    # -- drafts ------------------------------------------------------------------------

    @property
    def draft_key(self) -> str:
        return f"meeting:{self.meeting_id}"

    def _drafter(self, kind: str, **context: Any) -> Callable[[dict[str, Any]], None]:
        def save(fields: dict[str, Any]) -> None:
            payload = {"kind": kind, "fields": fields, **context}
            self.store.save_draft(self.draft_key, payload, self.meeting_id)

        return save

    def restore_draft(self, draft: Draft) -> None:
        """Reopen the dialog a crash interrupted, with the words typed so far."""
        if not self._can_capture():
            self.notify("The words are kept as a draft until the meeting is live again.")
            return
        payload = draft.payload
        item_id = payload.get("agenda_item_id")
        if item_id is not None and item_id != self.meeting.current_item_id:
            self.store.move_to_item(self.meeting_id, item_id)
            self.reload()
        kind = payload.get("kind", "comment")
        fields = payload.get("fields", {})
        if kind == "declaration":
            roll_call = RollCallScreen(self.store, self.meeting_id)
            self.app.push_screen(roll_call, lambda _: self.reload())
            self.call_after_refresh(roll_call.open_declaration, fields)
        elif kind in ("comment", "decision", "narrative"):
            self._open_note_dialog(NoteKind(kind), text=fields.get("body", ""))
        elif kind == "edit":
            self._open_edit_dialog(int(payload["note_id"]), text=fields.get("body", ""))
        elif kind == "action":
            self._open_action_dialog(fields)
        elif kind == "update":
            action_id, plan_item_id = payload.get("action_id"), payload.get("plan_item_id")
            target = next(
                (
                    r
                    for r in self._tracked
                    if r.heading is None
                    and (
                        (r.action is not None and r.action.id == action_id)
                        or (r.action is None and r.plan_item and r.plan_item.id == plan_item_id)
                    )
                ),
                None,
            )
            if target is None:
                self.notify("That plan item is no longer on this item: the update was dropped.")
                self.store.discard_draft(self.draft_key)
            else:
                self._open_update_dialog(target, fields)

    # -- captures ----------------------------------------------------------------------

    def action_capture(self, kind: str) -> None:
        if self._can_capture():
            self._open_note_dialog(NoteKind(kind))

    def _open_note_dialog(self, kind: NoteKind, *, text: str = "") -> None:
        item = self.current_item
        if item is None:
            return

        def saved(value: NoteInput | None) -> None:
            with self.store.transaction():
                self.store.discard_draft(self.draft_key)
                if value is None:
                    return
                note = self.store.add_note(item.id, value.kind, value.body)
            self._undo.append(Undo(f"the {kind.value}", lambda: self.store.remove_note(note.id)))
            self.reload()
            self._select_note(note.id)

        self.app.push_screen(
            NoteDialog(
                kind,
                f"{item.number}. {item.title}",
                text=text,
                on_draft=self._drafter(kind.value, agenda_item_id=item.id),
            ),
            saved,
        )

    def _select_note(self, note_id: int) -> None:
        notes = self.query_one("#notes", OptionList)
        notes.focus()
        with contextlib.suppress(LookupError):
            notes.highlighted = notes.get_option_index(str(note_id))

    def _selected_note(self) -> Note | None:
        notes = self.query_one("#notes", OptionList)
        if notes.highlighted is None or notes.option_count == 0:
            return None
        option_id = notes.get_option_at_index(notes.highlighted).id
        return next((n for n in self._notes if str(n.id) == option_id), None)

    def action_edit(self) -> None:
        if self.query_one("#tracked", OptionList).has_focus:
            self.action_update()
            return
        note = self._selected_note()
        if note is None:
            self.notify("Choose a note to edit (up/down in Minuted).")
            return
        if self._can_capture():
            self._open_edit_dialog(note.id, text=note.body)

    def _open_edit_dialog(self, note_id: int, *, text: str) -> None:
        note = self.store.note(note_id)

        def saved(value: NoteInput | None) -> None:
            with self.store.transaction():
                self.store.discard_draft(self.draft_key)
                if value is None or value.body == note.body:
                    return
                self.store.edit_note(note.id, value.body)
            self._undo.append(
                Undo("the edit", lambda: self.store.edit_note(note.id, note.body, note.kind))
            )
            self.reload()
            self._select_note(note.id)

        self.app.push_screen(
            NoteDialog(
                note.kind,
                "the note",
                text=text,
                on_draft=self._drafter("edit", note_id=note.id, agenda_item_id=note.agenda_item_id),
            ),
            saved,
        )

    def action_remove(self) -> None:
        if self.query_one("#tracked", OptionList).has_focus:
            self._remove_action()
            return
        note = self._selected_note()
        if note is None or not self._can_capture():
            return
        self.store.remove_note(note.id)
        self._undo.append(Undo("the removal", lambda: self.store.restore_note(note.id)))
        self.reload()
        self.notify("Note removed; ctrl+z brings it back.")

    def _remove_action(self) -> None:
        row = self._selected_tracked()
        if row is None or row.action is None or row.action.meeting_id != self.meeting_id:
            self.notify("Only an action set in this meeting can be removed here.")
            return
        if not self._can_capture():
            return
        action = row.action
        self.store.remove_action(action.id)
        self._undo.append(Undo("the removal", lambda: self.store.restore_action(action.id)))
        self.reload()
        self.notify("Action removed; ctrl+z brings it back.")

    def action_undo(self) -> None:
        if not self._undo:
            self.notify("Nothing to undo.")
            return
        if not self._can_capture():
            return
        undo = self._undo.pop()
        undo.apply()
        self.reload()
        self.notify(f"Undid {undo.label}.")

    def action_action(self) -> None:
        if self._can_capture():
            self._open_action_dialog({})

    def _open_action_dialog(self, fields: dict[str, Any]) -> None:
        item = self.current_item
        if item is None:
            return
        # The board's people first, so the suggestion is the likeliest name.
        board_people = [m.person.name for m in self.store.members(self.meeting.board_id)]
        people = board_people + [p.name for p in self.store.people() if p.name not in board_people]
        meetings = [m.scheduled_start.date() for m in self.store.meetings(self.meeting.board_id)]

        def saved(value: ActionInput | None) -> None:
            with self.store.transaction():
                self.store.discard_draft(self.draft_key)
                if value is None:
                    return
                owner = self.store.person_named(value.owner) if value.owner else None
                action = self.store.add_action(
                    value.description,
                    agenda_item_id=item.id,
                    plan_item_id=value.plan_item_id,
                    owner=owner.name if owner else value.owner,
                    owner_person_id=owner.id if owner else None,
                    time_frame=value.time_frame,
                )
            self._undo.append(Undo("the action", lambda: self.store.remove_action(action.id)))
            self.reload()

        self.app.push_screen(
            ActionDialog(
                f"{item.number}. {item.title}",
                people=people,
                find_plan_items=lambda text: self.store.find_plan_items(text, 5),
                reference=self.meeting.scheduled_start.date(),
                meetings=meetings,
                fields=fields,
                on_draft=self._drafter("action", agenda_item_id=item.id),
            ),
            saved,
        )

    def _selected_tracked(self) -> Tracked | None:
        tracked = self.query_one("#tracked", OptionList)
        index = tracked.highlighted
        if index is None or not 0 <= index < len(self._tracked):
            return None
        row = self._tracked[index]
        return row if row.heading is None else None

    def action_update(self) -> None:
        row = self._selected_tracked()
        if row is None:
            self.notify("Link a plan item (l) or set an action (a) first, then choose it.")
            return
        if self._can_capture():
            self._open_update_dialog(row, {})

    def _open_update_dialog(self, row: Tracked, fields: dict[str, Any]) -> None:
        assert row.status is not None
        action_id = row.action.id if row.action else None
        plan_item_id = row.plan_item.id if row.plan_item and row.action is None else None
        item = self.current_item

        def saved(value: UpdateInput | None) -> None:
            with self.store.transaction():
                self.store.discard_draft(self.draft_key)
                if value is None:
                    return
                update = self.store.record_status_update(
                    value.status,
                    value.said,
                    action_id=action_id,
                    plan_item_id=plan_item_id,
                    meeting_id=self.meeting_id,
                )
            self._undo.append(Undo("the update", lambda: self.store.undo_status_update(update.id)))
            self.reload()

        self.app.push_screen(
            UpdateDialog(
                row.title,
                row.status,
                fields=fields,
                on_draft=self._drafter(
                    "update",
                    action_id=action_id,
                    plan_item_id=plan_item_id if action_id is None else None,
                    agenda_item_id=item.id if item else None,
                ),
            ),
            saved,
        )

    def action_link(self) -> None:
        item = self.current_item
        if item is None or not self._can_capture():
            return

        def linked() -> set[int]:
            return {p.id for p in self.store.linked_plan_items(item.id)}

        def toggle(plan_item: PlanItem) -> None:
            if plan_item.id in linked():
                self.store.unlink_plan_item(item.id, plan_item.id)
            else:
                self.store.link_plan_item(item.id, plan_item.id)

        self.app.push_screen(
            LinkDialog(
                f"{item.number}. {item.title}",
                find=lambda text: self.store.find_plan_items(text),
                linked=linked,
                toggle=toggle,
            ),
            lambda _: self.reload(),
        )

    def action_voice(self) -> None:
        """Mark the chosen comment as residents' voice and link what answered it."""
        note = self._selected_note()
        if note is None:
            self.notify("Choose a comment (up/down in Minuted), then y.")
            return
        open_voice_dialog(self.app, self.store, note, self.reload)

    def show_note(self, item_id: int, note_id: int | None = None) -> None:
        """Show an item (and choose one of its notes) without moving a live meeting."""
        if self.meeting.status is not MeetingStatus.LIVE:
            self.store.move_to_item(self.meeting_id, item_id)
            self.reload()
        if note_id is not None:
            self._select_note(note_id)

    @on(OptionList.OptionSelected, "#notes")
    def _note_chosen(self) -> None:
        self.action_edit()

    @on(OptionList.OptionSelected, "#tracked")
    def _tracked_chosen(self) -> None:
        self.action_update()
