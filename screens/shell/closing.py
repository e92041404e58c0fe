"""A screen shown again after a dialog repaints once, when the dialog is gone.

Textual pops a dialog in two steps: the screen below resumes at once (and repaints at
its next frame), then the dialog is taken apart, and that ends by laying the screen
below out and repainting it all again. The second repaint waits for the frame after
next (17-33 ms), and shows nothing new. A screen that waits in its resume handler until
the popped screen is removed repaints once, with the dialog gone and what it saved in
place: a saved comment was painted twice per capture, 8 ms of repaint and up to 33 ms
of waiting that the clerk sat through (benchmarks/PROFILES.md, issue 18).
"""

from __future__ import annotations

import asyncio
from typing import Any
from weakref import WeakKeyDictionary

from textual.app import App
from textual.await_complete import AwaitComplete

WAIT_AT_MOST_SECONDS = 0.5
"""A removal that takes longer (it should take milliseconds) is not waited for."""

_closing: WeakKeyDictionary[App[Any], AwaitComplete] = WeakKeyDictionary()


def popping(app: App[Any], removal: AwaitComplete) -> AwaitComplete:
    """Note the removal of the screen the app has just popped (the app's pop_screen)."""
    _closing[app] = removal
    return removal


async def popped_screen_gone(app: App[Any]) -> None:
    """Until the screen last popped is removed (at once when it is, or none was)."""
    removal = _closing.pop(app, None)
    if removal is None or removal.is_done:
        return
    # Waited on beside the app (which awaits it too), never cancelled here.
    await asyncio.wait([asyncio.ensure_future(removal)], timeout=WAIT_AT_MOST_SECONDS)
