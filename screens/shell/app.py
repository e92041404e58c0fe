"""The clerk's app: thin on purpose. The screens hold the behaviour; the app holds the keys.

Two things only the app can do live here: hand typed keys on one at a time
(type_ahead.py), and keep a meeting going when a screen's code fails (survival.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, ClassVar

from textual.actions import ActionParseResult
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.events import Event, Key, Paste
from textual.filter import LineFilter
from textual.screen import ModalScreen, Screen
from textual.theme import Theme

from board_tui.screens import STYLES_DIR
from board_tui.screens.home import HomeScreen
from board_tui.screens.shell.closing import popping
from board_tui.screens.shell.help import HelpScreen
from board_tui.screens.shell.keymap import load_user_keymap
from board_tui.screens.shell.layout import HORIZONTAL_BREAKPOINTS
from board_tui.screens.shell.palette import BoardCommands, ScreenCommands
from board_tui.screens.shell.safe_output import with_safe_output
from board_tui.screens.shell.survival import Survival
from board_tui.screens.shell.themes import (
    STATUS_DEFAULTS,
    THEME_SETTING,
    apply_theme,
    register_themes,
)
from board_tui.screens.shell.type_ahead import TypeAhead
from board_tui.storage.errors import StoreRefusedError
from board_tui.storage.store import Store

if TYPE_CHECKING:
    from board_tui.domain.drafts import Draft
    from board_tui.screens.shell.server_notice import ServerNotice

# The screens and dialogs beyond home are imported once the first screen is painted, not
# before it: they were a third of the cold start (benchmarks/PROFILES.md), and importing
# them just after means the first key that opens one does not wait either.
WARM_UP = (
    "board_tui.screens.dialogs.capture",
    "board_tui.screens.meeting.screen",
    "board_tui.screens.plan",
    "board_tui.screens.agenda",
)
WARM_UP_AFTER_SECONDS = 0.5
BUSY_WAIT_MS = 1000
"""How long a save waits for another program's write lock before the form says so and
retries: short, so the screen never freezes for long while someone else writes."""
STYLES = (
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
    "progress_report",
    "voice",
)
FIRST_STYLES = ("app", "home")
"""What the first screen needs: the other screens' stylesheets are read after it is painted
(parsing them was 4 per cent of the cold start), all at once and in STYLES' order, so the
rules cascade exactly as when every sheet was read at start."""


class BoardApp(App[None]):
    """Opens on the home screen, or straight onto a meeting (as the demo does)."""

    TITLE = "board-tui"
    CSS_PATH = [STYLES_DIR / f"{name}.tcss" for name in FIRST_STYLES]  # noqa: RUF012
    COMMANDS = App.COMMANDS | {BoardCommands, ScreenCommands}
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = HORIZONTAL_BREAKPOINTS  # type: ignore[misc]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "question_mark", "help", "Help", key_display="?", id="app.help", tooltip="All keys"
        ),
        # Shown on the home screen (its own binding), where a new clerk looks for it; on the
        # others the footer's room is for the meeting's keys (? lists it everywhere).
        Binding("ctrl+q", "quit", "Quit", show=False, id="app.quit", tooltip="Quit board-tui"),
        Binding(
            "ctrl+f",
            "search",
            "Search",
            priority=True,
            show=False,
            id="app.search",
            tooltip="Search every board's meetings, actions and plans",
        ),
    ]

    def __init__(self, store: Store, *, open_meeting_id: int | None = None) -> None:
        super().__init__()
        self.store = store
        store.set_busy_timeout(BUSY_WAIT_MS)
        self._open_meeting_id = open_meeting_id
        self.type_ahead = TypeAhead(self)
        self.survival = Survival(self, store)
        self.user_keymap: dict[str, str] = {}
        self._every_style_read = False
        self._server_notice: ServerNotice | None = None
        register_themes(self)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **STATUS_DEFAULTS}

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
        """Open the meeting asked for, else resume one left live; then offer any lost drafts."""
        apply_theme(self, self.store.setting(THEME_SETTING))
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.user_keymap, problem = load_user_keymap()
        self.set_keymap(self.user_keymap)
        if problem:
            self.notify(problem, severity="warning", timeout=10)
        if self.store.network_warning:
            self.notify(self.store.network_warning, severity="warning", timeout=30, markup=False)
        if self.store.url is not None:
            from board_tui.screens.shell.server_notice import ServerNotice

            self._server_notice = ServerNotice(self, self.store.url)
        live = self.store.live_meeting()
        meeting_id = self._open_meeting_id or (live.id if live else None)
        if meeting_id is not None:
            from board_tui.screens.meeting.hold import open_meeting

            self.push_screen(open_meeting(self, self.store, meeting_id))
        self.set_timer(WARM_UP_AFTER_SECONDS, self._warm_up)
        drafts = self.store.drafts()
        if drafts:
            from board_tui.screens.dialogs.drafts import DraftsDialog

            self.push_screen(
                DraftsDialog(drafts, self.store.discard_draft, title="Unsaved words found"),
                self._restore,
            )

    def on_unmount(self) -> None:
        if self._server_notice is not None:
            self._server_notice.stop()

    def _warm_up(self) -> None:
        """Import what the first keys open, once the first screen is up (see WARM_UP)."""
        self._read_all_styles()
        for module in WARM_UP:
            import_module(module)

    def _read_all_styles(self) -> None:
        """Every screen's stylesheet (see FIRST_STYLES), before any screen but home shows."""
        if self._every_style_read:
            return
        self._every_style_read = True
        for name in STYLES:
            path = STYLES_DIR / f"{name}.tcss"
            if not self.stylesheet.has_source(str(path), ""):
                self.stylesheet.read(path)
        self.stylesheet.reparse()
        self.stylesheet.update(self)

    def _load_screen_css(self, screen: Screen[object]) -> None:
        # Textual's one step before any screen is pushed, switched to or resumed (pinned
        # Textual, as the snapshots are): a screen opened in the first half second, or on
        # start (a meeting, lost drafts), finds every rule read.
        if not isinstance(screen, HomeScreen):
            self._read_all_styles()
        super()._load_screen_css(screen)

    def _remember_theme(self, theme: Theme) -> None:
        if self.store.setting(THEME_SETTING) != theme.name:
            self.store.set_setting(THEME_SETTING, theme.name)

    def _restore(self, draft: Draft | None) -> None:
        from board_tui.screens.meeting.hold import open_meeting
        from board_tui.screens.meeting.screen import MeetingScreen

        if draft is None or draft.meeting_id is None:
            return
        current = self.screen
        if isinstance(current, MeetingScreen) and current.meeting_id == draft.meeting_id:
            meeting_screen = current
        else:
            opened = open_meeting(self, self.store, draft.meeting_id)
            self.push_screen(opened)
            if not isinstance(opened, MeetingScreen):
                self.notify("The words stay in the drafts until the meeting is yours again.")
                return
            meeting_screen = opened
        self.call_after_refresh(meeting_screen.restore_draft, draft)

    async def on_event(self, event: Event) -> None:
        if isinstance(event, Key | Paste) and not event.is_forwarded:
            if not self.type_ahead.admit(event):
                return
            await super().on_event(event)
            self.type_ahead.dispatched(event)
            return
        await super().on_event(event)

    def pop_screen(self) -> AwaitComplete:
        # The screen below waits for this removal before it repaints (closing.py).
        return popping(self, super().pop_screen())

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every key's action runs here: one that fails is told, and the meeting goes on."""
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:
            self.survival.failed(error)
            return True

    def _handle_exception(self, error: Exception) -> None:
        # Textual's last resort (an error in a handler no guard covered) ends the app: the
        # words of any open dialog are written beside the database first. A refusal (a
        # team's server away, a busy file) is not a fault: it is told, and the app goes on.
        if isinstance(error, StoreRefusedError):
            self.survival.failed(error)
            return
        self.survival.rescue_words(error)
        super()._handle_exception(error)

    def action_search(self) -> None:
        from board_tui.screens.search import open_search

        open_search(self, self.store)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Not over a dialog: the words typed there come first.
        return not (action == "search" and isinstance(self.screen, ModalScreen))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.user_keymap))
