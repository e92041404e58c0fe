"""A refusal from the store (a BoardTuiError) becomes a notice on screen, never a crash."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from textual.widget import Widget

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.formatting import sentence


@contextlib.contextmanager
def refusals_as_notices(widget: Widget, then: Callable[[], object] | None = None) -> Iterator[None]:
    """Show the store's one-line refusal as a warning; `then` redraws after it."""
    try:
        yield
    except BoardTuiError as error:
        widget.notify(sentence(str(error)), severity="warning")
        if then is not None:
            then()
