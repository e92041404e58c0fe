"""What the clerk sees, at the sizes clerks use: a laptop terminal and the 80×24 minimum.

Update with `pytest --snapshot-update` only after looking at the report.
"""

from __future__ import annotations

import pytest

from board_tui.app import BoardApp
from board_tui.demo import build_demo
from storage.store import Store


@pytest.fixture
def demo_app(store: Store) -> BoardApp:
    result = build_demo(store)
    return BoardApp(store, open_meeting_id=result.next_meeting_id)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_demo_meeting(snap_compare, demo_app: BoardApp, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app, terminal_size=size, press=["down", "down", "down"])


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_home(snap_compare, demo_app: BoardApp, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app, terminal_size=size, press=["escape"])


def test_past_meeting_minutes(snap_compare, demo_app: BoardApp) -> None:
    assert snap_compare(
        demo_app, terminal_size=(120, 40), press=["escape", "down", "enter", "down"]
    )


def test_action_plan(snap_compare, demo_app: BoardApp) -> None:
    async def open_plan(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("escape")
        pilot.app.screen.query_one("#plans").focus()
        await pilot.press("enter", "down", "down")

    assert snap_compare(demo_app, terminal_size=(120, 40), run_before=open_plan)


def test_help(snap_compare, demo_app: BoardApp) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["question_mark"])
