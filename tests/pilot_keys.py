"""Typing as a clerk types, for Pilot-driven tests."""

from __future__ import annotations

from typing import Any


async def type_text(pilot: Any, text: str) -> None:
    """Press each character in turn (Pilot names the space key "space")."""
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])
