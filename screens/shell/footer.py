"""The key footer, rebuilt only when the keys it shows change, compact on a narrow terminal.

Textual's Footer rebuilds every key widget (and restyles each) whenever the
bindings might have changed, which includes every change of focus. Coming back
from a capture dialog that cost more than the save itself; the keys are the
same, so this footer keeps the ones it has. Below the layout's breakpoint it drops
the padding and the palette key, so an 80-column terminal shows every key a screen
marks as essential (ctrl+p still opens the palette, and ? lists everything).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from board_tui.screens.shell.layout import is_wide


class SteadyFooter(Footer):
    _composed: tuple[object, ...] | None = None

    def on_mount(self) -> None:
        self._fit(self.app.size.width)

    def on_resize(self) -> None:
        self._fit(self.app.size.width)

    def _fit(self, columns: int) -> None:
        narrow = not is_wide(columns)
        self.compact = narrow
        self.show_command_palette = not narrow

    def _keys_shown(self) -> tuple[object, ...]:
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple(
            (key, binding, enabled, tooltip, self.app.get_key_display(binding))
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        )

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._composed = self._keys_shown()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        unchanged = (
            self._bindings_ready
            and self.is_attached
            and screen is self.screen
            and self._keys_shown() == self._composed
        )
        if not unchanged:
            super().bindings_changed(screen)
