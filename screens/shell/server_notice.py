"""The clerk is told at once when the team's server stops answering, and when it is back.

Saves made meanwhile are refused and retried by their forms (the words stay on screen and
in the drafts on this computer); this only says what is going on, before the next save
finds out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

    from board_tui.storage.postgres import ServerWatch

CHECK_SECONDS = 0.5
"""How often the screen reads the watch's answer (a flag: no waiting on the network)."""
AWAY = (
    "The database server cannot be reached. Keep typing: your words are kept on this"
    " computer, and each save is tried again until the server answers."
)
BACK = "The database server answers again: saving carries on."


class ServerNotice:
    """Owned by the app when its store is on a server."""

    def __init__(self, app: App[Any], url: str) -> None:
        from board_tui.storage.postgres import ServerWatch

        self._app = app
        self._watch: ServerWatch = ServerWatch(url)
        self._told_away = False
        app.set_interval(CHECK_SECONDS, self._check)

    def _check(self) -> None:
        reachable = self._watch.reachable
        if not reachable and not self._told_away:
            self._told_away = True
            self._app.notify(AWAY, title="Server away", severity="error", timeout=3600)
        elif reachable and self._told_away:
            self._told_away = False
            self._app.clear_notifications()
            self._app.notify(BACK, severity="information", timeout=8)

    def stop(self) -> None:
        self._watch.stop()
