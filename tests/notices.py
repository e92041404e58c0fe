"""What the app told the clerk, for tests: every notice, in order, as the screens sent it."""

from __future__ import annotations

from typing import Any

from textual.app import App


class Notices:
    """Records each message given to `app.notify` (the one way every screen tells the clerk)."""

    def __init__(self, app: App[Any]) -> None:
        self.messages: list[str] = []
        shown = app.notify

        def notify(message: Any, *args: Any, **kwargs: Any) -> None:
            self.messages.append(str(message))
            shown(message, *args, **kwargs)

        app.notify = notify  # type: ignore[method-assign]

    def __str__(self) -> str:
        return "\n".join(self.messages)
