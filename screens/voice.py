"""Residents' voice in the live meeting, and the "You said, we did" export from the app.

The clerk chooses a comment and presses y: the dialog marks it as what
residents, patients or the community said, with where it was heard, and ticks
the decisions and actions of this meeting that answered it. A reason typed in
"cannot do" records that the ticked decisions say the board cannot do it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, SelectionList, Static

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.formatting import sentence, shorten
from board_tui.domain.meeting_records import Note
from board_tui.domain.model import NoteKind
from board_tui.exporters.blocks import Progress
from board_tui.screens.dialogs.form import dialog_box
from board_tui.screens.export_dialog import ExportDialog, default_folder
from board_tui.storage.store import Store

QUARTER_DAYS = 92


@dataclass(frozen=True)
class VoiceInput:
    voice: bool
    source: str
    decision_ids: frozenset[int]
    action_ids: frozenset[int]
    cannot_do_reason: str


class VoiceDialog(ModalScreen[VoiceInput | None]):
    """Mark a comment as residents' voice and tick what answered it.

    Not a FormDialog: that one types every stray printable key into a text
    field, and here space must tick the list.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True, id="voice.save"),
        Binding("escape", "cancel", "Cancel", priority=True, id="voice.cancel"),
    ]

    def __init__(
        self,
        note: Note,
        answers: list[tuple[str, str]],
        chosen: set[str],
        reason: str,
    ) -> None:
        super().__init__()
        self.dialog_title = f"You said: {shorten(note.body, 60)}"
        self.note = note
        self.answers = answers
        self.chosen = chosen
        self.reason = reason

    def compose(self) -> ComposeResult:
        keys = "tab next field · space ticks · ctrl+s save · escape cancel"
        with dialog_box(self.dialog_title, keys):
            yield Label("Where it was heard (e.g. Healthwatch event, 5 Sept)")
            yield Input(self.note.voice_source or "", id="source")
            yield Label("What answered it: this meeting's decisions and actions")
            if self.answers:
                yield SelectionList[str](
                    *((text, key, key in self.chosen) for text, key in self.answers),
                    id="answers",
                )
            else:
                yield Static("No decisions or actions in this meeting yet.", classes="hint")
            yield Label("If the ticked decisions say the board cannot do it: why")
            yield Input(self.reason, id="reason")
            yield Checkbox("Residents', patients' or the community's voice", True, id="voice")

    def on_mount(self) -> None:
        self.query_one("#source", Input).focus()

    def fields(self) -> dict[str, Any]:
        picked = self.query("#answers")
        return {
            "voice": self.query_one("#voice", Checkbox).value,
            "source": self.query_one("#source", Input).value,
            "answers": list(picked.first(SelectionList).selected) if picked else [],
            "reason": self.query_one("#reason", Input).value,
        }

    def result(self) -> VoiceInput | None:
        values = self.fields()
        keys = [str(k) for k in values["answers"]]
        decisions = frozenset(int(k[2:]) for k in keys if k.startswith("d:"))
        actions = frozenset(int(k[2:]) for k in keys if k.startswith("a:"))
        reason = values["reason"].strip()
        if reason and not decisions:
            self.notify("Tick the decision that says the board cannot do it.", severity="warning")
            return None
        return VoiceInput(values["voice"], values["source"].strip(), decisions, actions, reason)

    def action_save(self) -> None:
        value = self.result()
        if value is not None:
            self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_voice_dialog(app: App[Any], store: Store, note: Note, done: Callable[[], None]) -> None:
    """The live meeting's y: mark the chosen comment and link its answers."""
    if note.kind is NoteKind.DECISION:
        app.notify("A decision is the board's own voice: choose a comment.", severity="warning")
        return
    decisions = [n for n in store.notes(note.meeting_id) if n.kind is NoteKind.DECISION]
    actions = store.actions_arising(note.meeting_id)
    answers = [(f"Decision: {shorten(d.body, 70)}", f"d:{d.id}") for d in decisions]
    answers += [(f"Action: {shorten(a.description, 72)}", f"a:{a.id}") for a in actions]
    kept = store.voice_answers(note.id)
    chosen = {f"d:{a.decision.id}" for a in kept if a.decision is not None}
    chosen |= {f"a:{a.action.id}" for a in kept if a.action is not None}
    reason = next((a.reason or "" for a in kept if a.cannot_do), "")

    def saved(value: VoiceInput | None) -> None:
        if value is None:
            return
        try:
            if not value.voice:
                store.mark_voice(note.id, None, voice=False)
                app.notify("No longer marked as residents' voice.")
            else:
                store.set_voice(
                    note.id,
                    source=value.source,
                    decision_ids=set(value.decision_ids),
                    action_ids=set(value.action_ids),
                    cannot_do_reason=value.cannot_do_reason,
                )
                linked = len(value.decision_ids) + len(value.action_ids)
                app.notify(f"Marked as residents' voice; {linked} answer(s) linked.")
        except BoardTuiError as error:
            app.notify(sentence(str(error)), severity="warning")
        done()

    app.push_screen(VoiceDialog(note, answers, chosen, reason), saved)


def open_you_said_export(
    app: App[Any], store: Store, board_id: int, today: dt.date | None = None
) -> None:
    """Preview and write "You said, we did" for the three months up to the board's last
    meeting (the home screen's y)."""
    from board_tui.exporters.you_said_we_did import (
        build_you_said,
        write_you_said,
        you_said_file_name,
        you_said_text,
    )

    today = today or store.clock().date()
    # The quarter up to the board's last meeting: a report written after it covers it.
    held = [m.scheduled_start.date() for m in store.meetings(board_id) if m.actual_start]
    since = min(max(held, default=today), today) - dt.timedelta(days=QUARTER_DAYS)

    def export(s: Store, path: Path, force: bool, progress: Progress) -> object:
        return write_you_said(s, board_id, path, since=since, force=force, progress=progress)

    app.push_screen(
        ExportDialog(
            store,
            '"You said, we did" for the last quarter',
            partial(you_said_text, build_you_said(store, board_id, since=since)),
            default_folder() / you_said_file_name(store, board_id, today),
            export,
        )
    )
