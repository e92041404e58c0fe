"""Shared fixtures: real SQLite files in a temp folder, a fixed clock, the demo data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

FIXED_NOW = dt.datetime(2023, 12, 11, 13, 45, 0)


class FakeClock:
    """A clock the test moves by hand, so times in the store are exact."""

    def __init__(self, now: dt.datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "board.sqlite3"


@pytest.fixture
def store(db_path: Path, clock: FakeClock) -> Iterator[Store]:
    with Store.open(db_path, clock=clock) as opened:
        yield opened


@pytest.fixture
def demo_store(store: Store) -> Store:
    build_demo(store)
    return store


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text cursors that never blink, so a snapshot does not depend on when it is taken."""
    from textual.widgets import Input, TextArea

    for widget_class in (Input, TextArea):
        original = widget_class.__init__

        def init(self, *args, _original=original, **kwargs) -> None:
            _original(self, *args, **kwargs)
            self.set_reactive(type(self).cursor_blink, False)

        monkeypatch.setattr(widget_class, "__init__", init)
