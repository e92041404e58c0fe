"""A meeting being run is held by one clerk: taken, renewed and let go through the store, a
second clerk told who holds it since when, a lapsed hold taken over, and two apps racing for
one meeting on one file with exactly one winner."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from conftest import FakeClock

from board_tui.storage.holds import LAPSE_SECONDS, this_clerk
from board_tui.storage.store import Store


def _meeting(store: Store) -> int:
    board = store.create_board("Town Advisory Board")
    return store.create_meeting(board.id, dt.datetime(2023, 12, 11, 18, 0)).id


@pytest.fixture
def other(db_path: Path, clock: FakeClock, store: Store, database: str):
    """A second clerk's app on the same file: its own connection, its own token."""
    with Store.open(database, clock=clock) as second:
        second.holder_name = "mmannion on DS-LAPTOP-4"
        yield second


def test_take_renew_and_release(store: Store, clock: FakeClock) -> None:
    meeting_id = _meeting(store)
    assert store.meeting_hold(meeting_id) is None
    hold = store.take_hold(meeting_id)
    assert hold.ours and not hold.lapsed
    assert hold.holder == this_clerk() and " on " in hold.holder
    assert hold.since == hold.renewed_at == clock()

    started = clock()
    clock.advance(seconds=20)
    assert store.renew_hold(meeting_id)
    renewed = store.meeting_hold(meeting_id)
    assert renewed is not None and renewed.renewed_at == clock() and renewed.since == started
    # Taking it again (the app reopening its own meeting) keeps when it was first taken.
    assert store.take_hold(meeting_id).since == started

    store.release_hold(meeting_id)
    assert store.meeting_hold(meeting_id) is None
    assert not store.renew_hold(meeting_id)  # let go: nothing left to renew


def test_a_second_clerk_is_refused_and_told_who_since_when(
    store: Store, other: Store, clock: FakeClock
) -> None:
    meeting_id = _meeting(store)
    other.take_hold(meeting_id)
    clock.advance(seconds=LAPSE_SECONDS)  # renewed exactly a lapse ago: not lapsed yet

    refused = store.take_hold(meeting_id)
    assert not refused.ours and not refused.lapsed
    assert refused.holder == "mmannion on DS-LAPTOP-4"
    assert refused.words(clock().date()) == "Held by mmannion on DS-LAPTOP-4 since 1.45 p.m."
    assert refused.words(clock().date() + dt.timedelta(days=1)).endswith(" on 11 Dec 2023")
    # The refusal changed nothing: the holder still holds it, and renews it.
    assert not store.renew_hold(meeting_id)
    store.release_hold(meeting_id)  # not ours to let go
    assert other.renew_hold(meeting_id)
    held = store.meeting_hold(meeting_id)
    assert held is not None and held.holder == "mmannion on DS-LAPTOP-4" and not held.ours


def test_a_lapsed_hold_is_taken_and_its_old_holder_cannot_renew_it(
    store: Store, other: Store, clock: FakeClock
) -> None:
    meeting_id = _meeting(store)
    first = other.take_hold(meeting_id)
    clock.advance(seconds=LAPSE_SECONDS + 1)  # the other laptop was closed mid-meeting
    held = store.meeting_hold(meeting_id)
    assert held is not None and held.lapsed

    taken = store.take_hold(meeting_id)
    assert taken.ours and taken.since == clock() != first.since
    assert taken.holder == this_clerk()
    # The laptop wakes: its renewal finds the meeting taken, and does not take it back.
    assert not other.renew_hold(meeting_id)
    other.release_hold(meeting_id)
    still = other.meeting_hold(meeting_id)
    assert still is not None and not still.ours and still.holder == this_clerk()


def test_quitting_lets_every_hold_of_this_app_go(store: Store, other: Store) -> None:
    board = store.create_board("Town Advisory Board")
    mine = [store.create_meeting(board.id, dt.datetime(2023, 12, d, 18)).id for d in (4, 11)]
    theirs = store.create_meeting(board.id, dt.datetime(2023, 12, 18, 18)).id
    for meeting_id in mine:
        store.take_hold(meeting_id)
    other.take_hold(theirs)
    store.release_holds()
    assert [store.meeting_hold(m) for m in mine] == [None, None]
    assert store.meeting_hold(theirs) is not None


def _race(database: str, clock: FakeClock, meeting_ids: list[int], apps: int) -> list[list[int]]:
    """Each app (its own Store, opened in its own thread) tries for every meeting at once."""
    barrier = threading.Barrier(apps)
    won: list[list[int]] = [[] for _ in range(apps)]
    failures: list[BaseException] = []

    def app(n: int) -> None:
        try:
            with Store.open(database, clock=clock) as own:
                for meeting_id in meeting_ids:
                    barrier.wait(timeout=30)
                    if own.take_hold(meeting_id).ours:
                        won[n].append(meeting_id)
        except BaseException as error:
            failures.append(error)
            barrier.abort()

    threads = [threading.Thread(target=app, args=(n,)) for n in range(apps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    return won


def test_two_apps_racing_for_one_meeting_exactly_one_wins(
    store: Store, db_path: Path, clock: FakeClock, database: str
) -> None:
    board = store.create_board("Town Advisory Board")
    start = dt.datetime(2023, 1, 2, 18)
    meeting_ids = [
        store.create_meeting(board.id, start + dt.timedelta(days=7 * n)).id for n in range(30)
    ]
    won = _race(database, clock, meeting_ids, apps=2)
    assert sorted(won[0] + won[1]) == meeting_ids  # each meeting won once, by one app

    # Lapsed holds raced for again: still one winner each.
    clock.advance(seconds=LAPSE_SECONDS + 1)
    won = _race(database, clock, meeting_ids, apps=2)
    assert sorted(won[0] + won[1]) == meeting_ids
    holders = {store.meeting_hold(m).ours for m in meeting_ids}  # type: ignore[union-attr]
    assert holders == {False}


def test_the_sole_app_of_a_clerk_takes_back_the_hold_its_crashed_app_left(
    store: Store, db_path: Path, clock: FakeClock, database: str
) -> None:
    meeting_id = _meeting(store)
    store.take_hold(meeting_id)  # then the app is killed: its hold has not lapsed
    with Store.open(database, clock=clock) as restarted:
        assert restarted.holder_name == store.holder_name
        assert not restarted.take_hold(meeting_id).ours  # not known to be the only one
        restarted.sole_app_of_this_clerk = True  # it holds the database's instance lock
        assert restarted.take_hold(meeting_id).ours
        assert not store.renew_hold(meeting_id)
    with Store.open(database, clock=clock) as colleague:
        colleague.holder_name = "mmannion on DS-LAPTOP-4"
        colleague.sole_app_of_this_clerk = True  # another clerk's hold is never taken early
        assert not colleague.take_hold(meeting_id).ours
