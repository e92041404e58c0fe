"""The chair's own window: one read-only screen on the clerk's database, for the screen share.

Kept apart from BoardApp so that nothing reachable here (the home screen, the
palette's jumps, draft recovery) could try to write: its store is opened
read-only and its theme is remembered in a config file, not the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.theme import Theme

from board_tui.screens import STYLES_DIR
from board_tui.screens.chair import ChairScreen
from board_tui.screens.shell.keymap import load_user_keymap
from board_tui.screens.shell.layout import HORIZONTAL_BREAKPOINTS
from board_tui.screens.shell.safe_output import with_safe_output
from board_tui.screens.shell.themes import (
    STATUS_DEFAULTS,
    THEME_SETTING,
    apply_theme,
    load_chair_theme,
    register_themes,
    save_chair_theme,
)
from board_tui.storage.store import Store


class ChairApp(App[None]):
    """Follows the clerk's meeting; public share is on until the chair turns it off."""

    TITLE = "board-tui: the chair's view"
    CSS_PATH = [STYLES_DIR / "app.tcss", STYLES_DIR / "chair.tcss", STYLES_DIR / "dialogs.tcss"]  # noqa: RUF012
    ENABLE_COMMAND_PALETTE = False
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = HORIZONTAL_BREAKPOINTS  # type: ignore[misc]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,ctrl+q", "quit", "Quit", id="chair-window.quit"),
    ]

    def __init__(
        self,
        store: Store,
        *,
        meeting_id: int | None = None,
        plan_id: int | None = None,
        public_only: bool = False,
        remember_theme: bool = True,
    ) -> None:
        super().__init__()
        self.store = store
        self._meeting_id = meeting_id
        self._plan_id = plan_id
        self.public_only = public_only
        """Public share stays on (every browser tab of board-tui serve): p does nothing."""
        self.remember_theme = remember_theme
        """False for a browser tab: its theme is its own, and chair.json is never written."""
        register_themes(self)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **STATUS_DEFAULTS}

    def get_line_filters(self) -> Sequence[LineFilter]:
        # Words from documents and clerks never reach the terminal as escape sequences.
        return with_safe_output(super().get_line_filters())

    def get_default_screen(self) -> ChairScreen:
        return ChairScreen(
            self.store,
            meeting_id=self._meeting_id,
            plan_id=self._plan_id,
            public_only=self.public_only,
        )

    def on_mount(self) -> None:
        # The window's own choice first, else the one the clerk's app remembers.
        apply_theme(self, load_chair_theme() or self.store.setting(THEME_SETTING))
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        keymap, problem = load_user_keymap()
        self.set_keymap(keymap)
        if problem:
            self.notify(problem, severity="warning", timeout=10)

    def _theme_changed(self, theme: Theme) -> None:
        if not self.remember_theme:
            return
        if not save_chair_theme(theme.name):
            self.notify("Could not remember the theme: the config folder is not writable.")
