"""The chair's round-up: a first draft from the minutes, edited here, then sent out.

The draft is kept in the database a second after each pause in typing (and on
leaving), so the chair's words survive a restart; ctrl+g starts again from the
minutes, after asking when the draft has been edited. ctrl+e previews and writes
it: Word for a .docx name, Markdown for .md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Static, TextArea

from board_tui.exporters.blocks import Progress
from board_tui.screens.dialogs.questions import ConfirmDialog
from board_tui.screens.export_dialog import ExportDialog, default_folder
from board_tui.screens.kept_text import KeptTextScreen
from board_tui.screens.shell.footer import SteadyFooter
from board_tui.services.roundup import draft_roundup
from board_tui.storage.store import Store


class RoundupScreen(KeptTextScreen):
    """One text area holding the draft; the keys are all ctrl- so typing is never taken."""

    TEXT_ID = "roundup-text"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+e", "export", "Export", priority=True, id="roundup.export"),
        Binding("ctrl+g", "fresh", "New draft", priority=True, id="roundup.fresh"),
        Binding("escape", "back", "Back", priority=True, id="roundup.back"),
    ]

    def __init__(self, store: Store, meeting_id: int) -> None:
        super().__init__()
        self.store = store
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        from board_tui.exporters.roundup import roundup_title

        yield Header()
        yield Static(roundup_title(self.store, self.meeting_id), id="roundup-heading")
        yield Static(id="roundup-status")
        yield TextArea(id="roundup-text", soft_wrap=True, classes="pane")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Chair's round-up"
        kept = self.store.roundup(self.meeting_id)
        if kept is None:
            kept = self.store.save_roundup(
                self.meeting_id, draft_roundup(self.store, self.meeting_id), generated=True
            )
        self.load_kept(kept.body)
        self.query_one("#roundup-text", TextArea).focus()
        self._show_status("edited" if kept.edited_at else "first draft from the minutes")

    def _show_status(self, state: str) -> None:
        self.query_one("#roundup-status", Static).update(
            f"Draft: {state} · kept as you type · ctrl+e export · ctrl+g new draft"
        )

    def keep(self, text: str) -> None:
        self.store.save_roundup(self.meeting_id, text)
        self._show_status("edited")

    def action_fresh(self) -> None:
        def confirmed(yes: bool | None) -> None:
            if yes:
                body = draft_roundup(self.store, self.meeting_id)
                self.store.save_roundup(self.meeting_id, body, generated=True)
                self.load_kept(body)
                self._show_status("first draft from the minutes")

        kept = self.store.roundup(self.meeting_id)
        if self.unsaved or (kept is not None and kept.edited_at is not None):
            self.app.push_screen(
                ConfirmDialog("New draft", "Replace your edits with a new draft from the minutes?"),
                confirmed,
            )
        else:
            confirmed(True)

    def action_export(self) -> None:
        from board_tui.exporters.roundup import roundup_file_name
        from board_tui.services.roundup import export_roundup

        self.save()
        body = self.text
        meeting_id = self.meeting_id

        def export(s: Store, path: Path, force: bool, progress: Progress) -> object:
            # Refused, with a notice, when it repeats Part 2 business.
            return export_roundup(s, meeting_id, body, path, force=force, progress=progress)

        self.app.push_screen(
            ExportDialog(
                self.store,
                "Export the round-up (.docx for Word, .md for Markdown)",
                body,
                default_folder() / roundup_file_name(self.store, meeting_id),
                export,
            )
        )


def open_roundup(app: App[Any], store: Store, meeting_id: int) -> None:
    """Open the chair's round-up of a meeting (the home screen's w)."""
    app.push_screen(RoundupScreen(store, meeting_id))
