"""The chair's view as the board sees it, on demo item 4 (plan item 12's long description and
its four overdue steps): the 80×24 minimum, a laptop's 120×40 and a projector's 160×50.

Update with `pytest --snapshot-update` only after looking at the report.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from chair_meeting import live_demo

from board_tui.screens.shell.app import BoardApp
from board_tui.screens.shell.chair_app import ChairApp
from board_tui.storage.store import Store

pytestmark = pytest.mark.canary


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No theme remembered by the tester's own chair's window leaks into the pictures."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 50)])
def test_chair_window(snap_compare, store: Store, clock, size: tuple[int, int]) -> None:
    """Item 4 ten minutes over, the action just set on top, plan item 12 (collapsed to two
    lines, with what was last said) and every one of its overdue steps without scrolling,
    item 5 hidden as exempt."""
    live_demo(store, clock)
    assert snap_compare(ChairApp(store), terminal_size=size)


def test_chair_view_in_the_app_high_contrast(snap_compare, store: Store, clock) -> None:
    """`v` from the clerk's screen, `t` for the projector theme, `a` for the whole plan."""
    meeting_id = live_demo(store, clock)
    app = BoardApp(store, open_meeting_id=meeting_id)
    assert snap_compare(app, terminal_size=(120, 40), press=["v", "t", "a"])
