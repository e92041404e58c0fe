"""Typing as a clerk types, for Pilot-driven tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


async def type_text(pilot: Any, text: str) -> None:
    """Press each character in turn (Pilot names the space key "space")."""
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])


async def until(
    pilot: Any, condition: Callable[[], object], what: str, seconds: float = 10
) -> None:
    """Let the app run until `condition()` holds (a draft written, a worker done): no fixed
    sleep, so a slow machine waits longer and a fast one not at all."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.05)
