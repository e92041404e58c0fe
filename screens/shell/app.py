"""The Textual app: thin on purpose. Screens in screens/ hold the behaviour."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.events import Event, Key
from textual.filter import LineFilter
from textual.screen import ModalScreen
from textual.theme import Theme

from board_tui.domain.model import Draft
from board_tui.screens import STYLES_DIR
from board_tui.screens.home import HomeScreen
from board_tui.screens.shell.help import HelpScreen
from board_tui.screens.shell.palette import BoardCommands
from board_tui.screens.shell.safe_output import with_safe_output
from board_tui.screens.shell.themes import THEME_SETTING, apply_theme, register_themes
from board_tui.storage.store import Store

# The screens and dialogs beyond home are imported once the first screen is painted, not
# before it: they were a third of the cold start (benchmarks/PROFILES.md), and importing
# them just after means the first key that opens one does not wait either.
WARM_UP = (
    "board_tui.screens.dialogs",
    "board_tui.screens.meeting",
    "board_tui.screens.plan",
    "board_tui.screens.agenda",
)
WARM_UP_AFTER_SECONDS = 0.5


class BoardApp(App[None]):
    """Opens on the home screen, or straight onto a meeting (as the demo does)."""

    TITLE = "board-tui"
    CSS_PATH = [  # noqa: RUF012 (Textual's own type for it is a list)
        STYLES_DIR / f"{name}.tcss"
        for name in (
            "app",
            "home",
            "meeting",
            "plan",
            "help",
            "dialogs",
            "agenda",
            "people",
            "export",
            "chair",
            "search",
            "roundup",
            "voice",
        )
    ]
    COMMANDS = App.COMMANDS | {BoardCommands}
    # Below 110 columns the meeting screen stacks its panes.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]  # type: ignore[misc]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("ctrl+q", "quit", "Quit", id="quit"),
        Binding("ctrl+f", "search", "Search", priority=True, show=False, id="search"),
    ]

    def __init__(self, store: Store, *, open_meeting_id: int | None = None) -> None:
        super().__init__()
        self.store = store
        self._open_meeting_id = open_meeting_id
        register_themes(self)

    def get_line_filters(self) -> Sequence[LineFilter]:
        # Words from documents and clerks never reach the terminal as escape sequences.
        return with_safe_output(super().get_line_filters())

    def get_default_screen(self) -> HomeScreen:
        board_id = None
        meeting = self.store.live_meeting()
        if self._open_meeting_id is not None:
            board_id = self.store.meeting(self._open_meeting_id).board_id
        elif meeting is not None:
            board_id = meeting.board_id
        return HomeScreen(self.store, board_id=board_id)

    def on_mount(self) -> None:
        """Open the meeting asked for, else resume one left live; then offer any lost draft."""
        apply_theme(self, self.store.setting(THEME_SETTING))
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        live = self.store.live_meeting()
        meeting_id = self._open_meeting_id or (live.id if live else None)
        if meeting_id is not None:
            from board_tui.screens.meeting import MeetingScreen

            self.push_screen(MeetingScreen(self.store, meeting_id))
        self.set_timer(WARM_UP_AFTER_SECONDS, self._warm_up)
        drafts = self.store.drafts()
        if drafts:
            from board_tui.screens.dialogs import RestoreDraftDialog

            self.push_screen(
                RestoreDraftDialog(drafts[-1], self.store.discard_draft), self._restore
            )

    def _warm_up(self) -> None:
        """Import what the first keys open, once the first screen is up (see WARM_UP)."""
        for module in WARM_UP:
            import_module(module)

    def _remember_theme(self, theme: Theme) -> None:
        if self.store.setting(THEME_SETTING) != theme.name:
            self.store.set_setting(THEME_SETTING, theme.name)

    def _restore(self, draft: Draft | None) -> None:
        from board_tui.screens.meeting import MeetingScreen

        if draft is None or draft.meeting_id is None:
            return
        current = self.screen
        if isinstance(current, MeetingScreen) and current.meeting_id == draft.meeting_id:
            meeting_screen = current
        else:
            meeting_screen = MeetingScreen(self.store, draft.meeting_id)
            self.push_screen(meeting_screen)
        self.call_after_refresh(meeting_screen.restore_draft, draft)

    async def on_event(self, event: Event) -> None:
        if isinstance(event, Key) and not event.is_forwarded:
            from board_tui.screens.dialogs import hold_early_key

            if hold_early_key(self, event):
                return
        await super().on_event(event)

    def on_key(self, event: Key) -> None:
        from board_tui.screens.dialogs import hand_over_stray_key

        hand_over_stray_key(self, event)

    def action_search(self) -> None:
        from board_tui.screens.search import open_search

        open_search(self, self.store)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Not over a dialog: the words typed there come first.
        return not (action == "search" and isinstance(self.screen, ModalScreen))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
