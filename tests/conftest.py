"""Shared fixtures: real SQLite files in a temp folder, a fixed clock, the demo data."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from postgres_cluster import Cluster, throwaway_cluster

from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

LONGEST_FIRST = (
    "test_type_ahead",
    "test_full_meeting",
    "test_faults_live",
    "test_install",
    "test_team_load",
)
"""Modules whose tests each take tens of seconds (most of it typing with gaps, or pip)."""


settings.register_profile("board-tui", deadline=None)
settings.load_profile("board-tui")
"""No property test fails for taking long: Hypothesis' 200 ms deadline is a timed
assertion, and one example of the agenda reader took 884 ms on a loaded CI machine (0.8 ms
when tried again). Speed is the benchmarks' to measure (benchmarks/)."""


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """One worker more than the cores: the pty tests spend most of their time waiting
    between keys, so a third worker on two cores took the suite from 377 s to 305 s."""
    del config
    return (os.cpu_count() or 1) + 1


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest tests first: started last, one would leave the other workers idle."""

    def longest_first(item: pytest.Item) -> int:
        module = item.path.stem
        return LONGEST_FIRST.index(module) if module in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=longest_first)


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


BOTH_ENGINES = frozenset(
    {
        "test_store",
        "test_agenda_store",
        "test_agenda_import",
        "test_exclusion",
        "test_exempt_rule",
        "test_export_actions",
        "test_export_agenda",
        "test_export_minutes",
        "test_history",
        "test_minute_numbers",
        "test_progress_report",
        "test_projection",
        "test_report_text",
        "test_round_trip_agenda",
        "test_roundup",
        "test_votes",
        "test_you_said",
        "test_live_meeting",
        "test_chair_process",
        "test_cli_engines",
        "test_full_meeting",
        "test_search_bounds",
        "test_meeting_holds",
        "test_meeting_hold_screens",
        "test_stale_edits",
        "test_search",
        "test_search_common_words",
        "test_search_engines",
        "security.test_part2_search",
    }
)
"""Modules whose tests run once on SQLite and once on PostgreSQL (issue 21): the store's.
Not yet those that run the command line on a database's path (test_search_context,
security.test_part2_outputs) or search from the app's screen (test_search_bounds): their
store-level checks are in test_search_engines and security.test_part2_search."""


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" in metafunc.fixturenames and metafunc.module.__name__ in BOTH_ENGINES:
        metafunc.parametrize("engine", ["sqlite", "postgres"], indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """Which engine the store is on: SQLite, unless the module runs on both."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """One throwaway PostgreSQL per test process (tests/postgres_cluster.py)."""
    with throwaway_cluster() as cluster:
        yield cluster


@pytest.fixture(scope="session")
def postgres_template(postgres_cluster: Cluster) -> str:
    """A database with the schema made once; each test's database is a copy of it."""
    url = postgres_cluster.new_database()
    Store.open(url).close()
    return url.split("?")[0].rsplit("/", 1)[1]


@pytest.fixture
def postgres_url(postgres_cluster: Cluster, postgres_template: str) -> str:
    """A fresh database of this test's own, its schema already current."""
    return postgres_cluster.new_database(template=postgres_template)


@pytest.fixture
def store(
    engine: str,
    db_path: Path,
    clock: FakeClock,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Store]:
    target: Path | str = db_path
    if engine == "postgres":
        target = request.getfixturevalue("postgres_url")
        # A server's drafts are kept in the user data folder: this test's own.
        monkeypatch.setenv("XDG_DATA_HOME", str(db_path.parent / "data"))
    with Store.open(target, clock=clock) as opened:
        yield opened


@pytest.fixture
def database(store: Store) -> str:
    """The store as --db names it: its file, or its PostgreSQL URL."""
    assert store.target is not None
    return str(store.target)


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
