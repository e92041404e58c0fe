"""Export to Word from the app: see the document as text, choose where it goes, write it.

The document is previewed before anything is written; an existing file is only
replaced after the clerk says so. Writing runs in a thread worker on its own
database connection (sqlite connections belong to the thread that opened them)
and reports progress to a bar; the app stays responsive throughout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, ProgressBar, Static

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.exclusion import PARAGRAPH_PLACEHOLDER
from board_tui.exporters.blocks import Progress
from board_tui.screens.dialogs.questions import ConfirmDialog
from board_tui.storage.store import Store

Exporter = Callable[[Store, Path, bool, Progress], object]
"""Writes the document: (store, path, force, progress)."""


def default_folder() -> Path:
    """~/Documents when there is one, else the folder the app was started in."""
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.cwd()


class ExportDialog(ModalScreen[Path | None]):
    """Preview above, the file name below; ctrl+s writes, escape leaves without writing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "write", "Write", priority=True, id="export.write"),
        Binding("escape", "cancel", "Cancel", priority=True, id="export.cancel"),
    ]

    class Written(Message):
        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class Failed(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(
        self,
        store: Store,
        title: str,
        preview: str | Callable[[int], str],
        path: Path,
        export: Exporter,
        *,
        replaces: Callable[[Path], list[Path]] | None = None,
        label: str = "Save as",
    ) -> None:
        super().__init__()
        self.replaces = replaces
        """For an export of many files into a folder: the files it would replace there."""
        self.label = label
        self.store = store
        self.dialog_title = title
        self.preview = preview
        """The text, or what lays it out for a width: then it is laid out for the window, so
        no line is wrapped again on screen (which once split "Commun / ity")."""
        self.initial_path = path
        self.export = export
        self.writing = False

    def compose(self) -> ComposeResult:
        box = Vertical(classes="dialog", id="export-box")
        box.border_title = self.dialog_title
        box.border_subtitle = "ctrl+s write · tab to the preview to scroll · escape cancel"
        with box:
            with VerticalScroll(id="export-preview"):
                text = self.preview if isinstance(self.preview, str) else ""
                yield Static(text, markup=False, id="export-preview-text")
            yield Label(self.label)
            yield Input(str(self.initial_path), id="export-path")
            yield ProgressBar(id="export-progress", show_eta=False)

    def on_mount(self) -> None:
        self.query_one("#export-progress", ProgressBar).display = False
        self.query_one("#export-path", Input).focus()
        self.call_after_refresh(self._lay_out_preview)

    def on_resize(self) -> None:
        self.call_after_refresh(self._lay_out_preview)

    def _lay_out_preview(self) -> None:
        if isinstance(self.preview, str):
            return
        pane = self.query_one("#export-preview", VerticalScroll)
        width = pane.content_size.width - pane.styles.scrollbar_size_vertical
        self.query_one("#export-preview-text", Static).update(self.preview(max(width, 20)))

    @property
    def target(self) -> Path:
        return Path(self.query_one("#export-path", Input).value.strip()).expanduser()

    def action_write(self) -> None:
        if self.writing:
            return
        target = self.target
        if not target.name:
            self.notify("Type the file to write.", severity="warning")
            return
        in_the_way = self.replaces(target) if self.replaces is not None else [target]
        if not any(p.exists() for p in in_the_way):
            self._start(target, force=False)
            return
        question = (
            f"{target} already exists. Replace it?"
            if self.replaces is None
            else f"{target} already holds these letters. Replace them?"
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._start(target, force=True)

        self.app.push_screen(ConfirmDialog("Replace the file?", question), answered)

    @on(Input.Submitted, "#export-path")
    def _submitted(self) -> None:
        self.action_write()

    def action_cancel(self) -> None:
        if not self.writing:
            self.dismiss(None)

    def _start(self, target: Path, *, force: bool) -> None:
        self.writing = True
        bar = self.query_one("#export-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self._write(target, force)

    def _progress(self, done: int, total: int) -> None:
        self.query_one("#export-progress", ProgressBar).update(total=total, progress=done)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _write(self, target: Path, force: bool) -> None:
        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self._progress, done, total)

        try:
            if self.store.target is None:
                raise BoardTuiError("this database has no file to reopen for the export")
            with Store.open(self.store.target, create=False, clock=self.store.clock) as store:
                self.export(store, target, force, progress)
        except BoardTuiError as error:
            self.post_message(self.Failed(str(error)))
            return
        self.post_message(self.Written(target))

    @on(Written)
    def _written(self, message: Written) -> None:
        self.notify(f"Wrote {message.path}")
        self.dismiss(message.path)

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.writing = False
        self.query_one("#export-progress", ProgressBar).display = False
        self.notify(message.reason[:1].upper() + message.reason[1:], severity="error")


def open_minutes_export(app: App[Any], store: Store, meeting_id: int) -> None:
    """Preview a meeting's minutes and write them to Word (the home screen's x)."""
    from board_tui.exporters.minutes import (
        minutes_file_name,
        minutes_text,
        paragraphs_to_choose,
        write_minutes,
    )

    def export(s: Store, path: Path, force: bool, progress: Progress) -> object:
        return write_minutes(s, meeting_id, path, force=force, progress=progress)

    missing = paragraphs_to_choose(store, meeting_id)
    if missing:
        which = f"item{'s' * (len(missing) > 1)} {', '.join(missing)}"
        app.notify(
            f"No Schedule 12A paragraph chosen for exempt {which}: the resolution excluding"
            f" the public says {PARAGRAPH_PLACEHOLDER} (choose it in the agenda editor).",
            severity="warning",
            timeout=10,
        )

    app.push_screen(
        ExportDialog(
            store,
            "Export the minutes to Word",
            minutes_text(store, meeting_id),
            default_folder() / minutes_file_name(store, meeting_id),
            export,
        )
    )


def open_plan_export(app: App[Any], store: Store, plan_id: int, today: dt.date) -> None:
    """Preview the plan as it will be issued today and write it to Word (the plan screen's w)."""
    from board_tui.exporters.action_plan import action_plan_file_name, plan_text, write_action_plan

    def export(s: Store, path: Path, force: bool, progress: Progress) -> object:
        return write_action_plan(s, plan_id, path, force=force, dated=today, progress=progress)

    app.push_screen(
        ExportDialog(
            store,
            "Export the action plan to Word",
            plan_text(store, plan_id, today),
            default_folder() / action_plan_file_name(store, plan_id, today),
            export,
        )
    )


def open_owner_letters_export(app: App[Any], store: Store, meeting_id: int) -> None:
    """Preview each owner's letter and write the letters and email drafts to a folder (the
    home screen's o). Public letters only: the confidential version is the command line's."""
    from board_tui.exporters.owner_letters import (
        build_owner_letters,
        letter_paths,
        letters_text,
        write_owner_letters,
    )

    try:
        letters = build_owner_letters(store, meeting_id)
    except BoardTuiError as error:
        app.notify(str(error)[:1].upper() + str(error)[1:], severity="warning")
        return

    def export(s: Store, path: Path, force: bool, progress: Progress) -> object:
        return write_owner_letters(s, meeting_id, path, force=force, progress=progress)

    def replaces(folder: Path) -> list[Path]:
        return [p for pair in letter_paths(letters, folder) for p in pair]

    app.push_screen(
        ExportDialog(
            store,
            "Each owner's actions: a Word letter and an email draft each",
            lambda width: letters_text(letters, width),
            default_folder(),
            export,
            replaces=replaces,
            label="Into the folder",
        )
    )
