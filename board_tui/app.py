"""The Textual app: thin on purpose. Screens in screens/ hold the behaviour."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from screens import STYLES_DIR
from screens.help import HelpScreen
from screens.home import HomeScreen
from screens.meeting import MeetingScreen
from screens.palette import BoardCommands
from storage.store import Store


class BoardApp(App[None]):
    """Opens on the home screen, or straight onto a meeting (as the demo does)."""

    TITLE = "board-tui"
    CSS_PATH = [  # noqa: RUF012 (Textual's own type for it is a list)
        STYLES_DIR / f"{name}.tcss" for name in ("app", "home", "meeting", "plan", "help")
    ]
    COMMANDS = App.COMMANDS | {BoardCommands}
    # Below 110 columns the meeting screen stacks its panes.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]  # type: ignore[misc]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("ctrl+q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, store: Store, *, open_meeting_id: int | None = None) -> None:
        super().__init__()
        self.store = store
        self._open_meeting_id = open_meeting_id

    def get_default_screen(self) -> HomeScreen:
        board_id = None
        if self._open_meeting_id is not None:
            board_id = self.store.meeting(self._open_meeting_id).board_id
        return HomeScreen(self.store, board_id=board_id)

    def on_mount(self) -> None:
        if self._open_meeting_id is not None:
            self.push_screen(MeetingScreen(self.store, self._open_meeting_id))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
