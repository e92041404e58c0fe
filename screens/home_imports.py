"""The home screen's two imports: an agenda pack, and an action plan.

Each reads the file off the main thread (a big Word document takes a moment), shows what
was read and asks before writing; a refusal is one line and nothing changes. Kept apart
from the screen's boards and meetings, which it shares only through the methods below.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.screen import Screen
from textual.widgets import OptionList

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.formatting import long_date, minutes_time
from board_tui.domain.model import Board
from board_tui.storage.store import Store

if TYPE_CHECKING:
    from board_tui.readers.agenda import AgendaRead
    from board_tui.readers.plan import PlanRead
    from board_tui.screens.dialogs.plan import ImportInput
    from board_tui.screens.dialogs.setup import AgendaFileInput, WhenInput


class HomeImports(Screen[None]):
    """The import keys of the home screen (i, I), which the home screen inherits."""

    store: Store
    _boards: list[Board]

    def _show_board_named(self, board_id: int) -> None:
        """Show the board just imported into (the home screen does)."""
        raise NotImplementedError

    def _highlighted_board_name(self) -> str | None:
        index = self.query_one("#boards", OptionList).highlighted
        return self._boards[index].name if self._boards and index is not None else None

    # -- importing an agenda --------------------------------------------------------------

    def action_import_agenda(self) -> None:
        from board_tui.screens.dialogs.setup import ImportAgendaDialog

        board_name = self._highlighted_board_name()

        def chosen(value: AgendaFileInput | None) -> None:
            if value is not None:
                path = Path(value.path).expanduser()
                self._read_agenda(path, value.board, value.day, value.replace)

        self.app.push_screen(ImportAgendaDialog(board_name), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _read_agenda(
        self, path: Path, board_name: str | None, day: dt.date | None, replace: bool
    ) -> None:
        """Reading a Word pack can take a moment: off the main thread, which owns the store."""
        from board_tui.readers.agenda import read_agenda

        try:
            read = read_agenda(path)
        except BoardTuiError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=10)
            return
        self.app.call_from_thread(self._confirm_agenda, path, board_name, day, replace, read)

    def _confirm_agenda(
        self,
        path: Path,
        board_name: str | None,
        day: dt.date | None,
        replace: bool,
        read: AgendaRead,
        start: dt.time | None = None,
    ) -> None:
        from board_tui.screens.agenda import AgendaScreen
        from board_tui.screens.dialogs.questions import ConfirmDialog
        from board_tui.screens.dialogs.setup import MeetingWhenDialog
        from board_tui.services.agenda_import import (
            MissingWhen,
            meeting_start,
            preview_lines,
            write_agenda,
        )

        name = board_name or read.board
        if not name:
            self.notify(f"{path.name} names no board: type the board's name", severity="error")
            return
        try:
            scheduled = meeting_start(read, path.name, day, start)
        except MissingWhen:
            # The agenda gives no date (or start): ask for it instead of failing.
            def given(value: WhenInput | None) -> None:
                if value is not None:
                    self._confirm_agenda(path, name, value.day, replace, read, value.start)

            known_start = (
                start or read.start or next((i.start for i in read.items if i.start), None)
            )
            self.app.push_screen(
                MeetingWhenDialog(path.name, day=day or read.date, start=known_start), given
            )
            return
        question = Text.assemble(
            (f"{path.name}", "bold"),
            f"\n{long_date(scheduled.date())} at {minutes_time(scheduled)}",
            f", {read.venue}" if read.venue else "",
            f"\n{len(read.members)} members, {len(read.officers)} officers on the front sheet\n\n",
            "\n".join(preview_lines(read, scheduled)),
            "\n\nImport it as the agenda of this meeting of ",
            (name, "bold"),
            "?",
        )

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                summary = write_agenda(
                    self.store,
                    read,
                    board_name=name,
                    source=path.name,
                    day=day,
                    start=start,
                    replace=replace,
                )
            except BoardTuiError as error:
                self.notify(str(error), severity="error", timeout=10)
                return
            self._show_board_named(summary.board.id)
            self.notify("\n".join(summary.lines()))
            self.app.push_screen(AgendaScreen(self.store, summary.meeting_id))

        self.app.push_screen(ConfirmDialog("Import this agenda?", question), confirmed)

    # -- importing an action plan ---------------------------------------------------------

    def action_import_plan(self) -> None:
        from board_tui.screens.dialogs.plan import ImportPlanDialog

        board_name = self._highlighted_board_name()

        def chosen(value: ImportInput | None) -> None:
            if value is not None:
                path = Path(value.path).expanduser()
                self._read_plan(value.board, path, value.title, value.dated)

        self.app.push_screen(ImportPlanDialog(board_name, self.store.clock().date()), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _read_plan(self, board_name: str, path: Path, title: str | None, dated: dt.date) -> None:
        """Reading a big document can take a moment: off the main thread, which owns the store."""
        from board_tui.services.plan_import import read_plan

        try:
            plan = read_plan(path, skip_bad_rows=True)
        except BoardTuiError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=10)
            return
        self.app.call_from_thread(self._confirm_import, board_name, path, title, dated, plan)

    def _confirm_import(
        self, board_name: str, path: Path, title: str | None, dated: dt.date, plan: PlanRead
    ) -> None:
        from board_tui.screens.dialogs.questions import ConfirmDialog, SamePlanDialog
        from board_tui.services.plan_import import (
            SamePlanQuestion,
            import_plan,
            plan_title,
            preview_lines,
            target_plan,
        )

        name = plan_title(plan, path, title)
        steps = sum(len(item.next_steps) for item in plan.items)
        try:
            target_plan(self.store, plan, board_name=board_name, title=name)
            same: SamePlanQuestion | None = None
        except SamePlanQuestion as asked:
            same = asked
        except BoardTuiError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        read = Text.assemble(
            (f"{path.name}", "bold"),
            f": {len(plan.items)} items, {steps} next steps",
            f", {len(plan.skipped)} rows that could not be read (left out)" if plan.skipped else "",
            "\n\n",
            "\n".join(preview_lines(plan, dated)),
        )

        def write(into: int | None = None, new_plan: bool = False) -> None:
            try:
                done = import_plan(
                    self.store,
                    plan,
                    board_name=board_name,
                    title=name,
                    dated=dated,
                    source=path.name,
                    into=into,
                    new_plan=new_plan,
                )
            except BoardTuiError as error:  # e.g. no backup could be taken: nothing imported
                self.notify(str(error), severity="error", timeout=10)
                return
            self._show_board_named(done.board.id)
            self.notify("\n".join(done.lines()[:2]))

        if same is not None:
            match = same.match
            question = Text.assemble(
                read,
                "\n\n",
                (name, "bold"),
                f" is a new title, but {match.describe()}.\n\nUpdate ",
                (match.plan.title, "bold"),
                " with it (u), or import it as a new plan for ",
                (board_name, "bold"),
                " (n)?",
            )

            def answered(update: bool | None) -> None:
                if update is not None:
                    write(into=match.plan.id if update else None, new_plan=not update)

            self.app.push_screen(SamePlanDialog(question), answered)
            return
        question = Text.assemble(
            read,
            "\n\nImport it for ",
            (board_name, "bold"),
            " as ",
            (name, "bold"),
            "? (The same plan imported again is updated, by ref.)",
        )

        def confirmed(yes: bool | None) -> None:
            if yes:
                write()

        self.app.push_screen(ConfirmDialog("Import this plan?", question), confirmed)
