"""Edits of shared records are compare-and-set: two clerks (two connections to one store)
read the same person, board, membership, plan item, next step or meeting; one saves; the
other's save over the values it read is refused with the record as it now stands, and
nothing of theirs is written. Saving again over the fresh record writes; an edit nobody
raced, or a caller that read nothing (an import, the command line), writes as before. Two
clerks saving over the same values at the same moment: exactly one wins. On both engines."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from conftest import FakeClock

from board_tui.domain.errors import NotFoundError
from board_tui.domain.exclusion import ExclusionRule
from board_tui.domain.model import ActionLabel, Contact, MembershipRole, Status
from board_tui.domain.quorum import QuorumRule
from board_tui.storage.errors import StaleEditError
from board_tui.storage.store import Store


@pytest.fixture
def other(store: Store, database: str, clock: FakeClock) -> Iterator[Store]:
    """A second clerk's app on the same store: its own connection."""
    with Store.open(database, clock=clock) as second:
        yield second


@pytest.fixture
def board_id(store: Store) -> int:
    return store.create_board("Health and Wellbeing Board").id


@pytest.fixture
def item_id(store: Store, board_id: int) -> int:
    return _item(store, board_id)


# Each record: how a clerk reads it, and how they save a new word over what they read.
Read = Callable[[Store, int], Any]
Edit = Callable[[Store, int, str, Any], Any]


def _person(store: Store, board_id: int) -> int:
    return store.add_person("Ann Smith", title="Director").id


def _edit_person(store: Store, person_id: int, word: str, expected: Any) -> Any:
    return store.update_person(
        person_id, name="Ann Smith", title=word, organisation=None, email=None, expected=expected
    )


def _membership(store: Store, board_id: int) -> int:
    person = store.add_person("Ann Smith")
    return store.add_member(board_id, person.id, MembershipRole.MEMBER, "Director").id


def _edit_membership(store: Store, membership_id: int, word: str, expected: Any) -> Any:
    return store.update_member(membership_id, MembershipRole.MEMBER, word, expected=expected)


def _board(store: Store, board_id: int) -> int:
    return board_id


def _edit_board(store: Store, board_id: int, word: str, expected: Any) -> Any:
    return store.update_board(
        board_id,
        name="Health and Wellbeing Board",
        organisation=word,
        contact=Contact("Jo Bloggs", "Clerk", "jo@example.org", None),
        word_template=None,
        exclusion_rule=ExclusionRule.LGA_1972,
        quorum=QuorumRule(count=4),
        expected=expected,
    )


def _item(store: Store, board_id: int) -> int:
    plans = store.plans(board_id)
    plan = plans[0] if plans else store.create_plan(board_id, "Plan", dated=dt.date(2023, 11, 3))
    ref = str(store.count_plan_items(plan.id) + 1)
    return store.add_plan_item(plan.id, ref, "Publish the strategy").id


def _edit_item(store: Store, item_id: int, word: str, expected: Any) -> Any:
    return store.update_plan_item(
        item_id, recommendation="Publish the strategy", lead=word, section=None, expected=expected
    )


def _step(store: Store, board_id: int) -> int:
    item_id = _item(store, board_id)
    return store.add_action("Draft it", plan_item_id=item_id, time_frame="End of March").id


def _edit_step(store: Store, action_id: int, word: str, expected: Any) -> Any:
    return store.update_action(
        action_id, description=word, time_frame="End of March", label=None, expected=expected
    )


def _meeting(store: Store, board_id: int) -> int:
    return store.create_meeting(board_id, dt.datetime(2023, 12, 11, 14), venue="Room 1").id


def _edit_meeting(store: Store, meeting_id: int, word: str, expected: Any) -> Any:
    return store.update_meeting(
        meeting_id,
        scheduled_start=dt.datetime(2023, 12, 11, 14),
        title="Health and Wellbeing Board",
        venue=word,
        expected=expected,
    )


RECORDS: dict[str, tuple[Callable[[Store, int], int], Read, Edit]] = {
    "person": (_person, Store.person, _edit_person),
    "membership": (_membership, Store.membership, _edit_membership),
    "board": (_board, Store.board, _edit_board),
    "plan item": (_item, Store.plan_item, _edit_item),
    "next step": (_step, Store.action, _edit_step),
    "meeting": (_meeting, Store.meeting, _edit_meeting),
}


@pytest.mark.parametrize("what", list(RECORDS))
def test_an_edit_over_values_changed_meanwhile_is_refused_with_the_fresh_record(
    store: Store, other: Store, board_id: int, what: str
) -> None:
    make, read, edit = RECORDS[what]
    record_id = make(store, board_id)
    mine = read(store, record_id)
    theirs = read(other, record_id)
    assert mine == theirs

    saved = edit(other, record_id, "Theirs", theirs)
    with pytest.raises(StaleEditError) as refused:
        edit(store, record_id, "Mine", mine)

    assert refused.value.current == saved  # the record as it now stands, to show
    assert f"someone else changed this {what} meanwhile" in str(refused.value)
    assert read(store, record_id) == saved  # nothing of mine written
    assert read(other, record_id) == saved

    # Saving again over what is there now writes: the clerk chose to, having seen theirs.
    again = edit(store, record_id, "Mine", refused.value.current)
    assert read(other, record_id) == again != saved


@pytest.mark.parametrize("what", list(RECORDS))
def test_an_edit_nobody_raced_writes_and_the_next_is_checked_against_it(
    store: Store, other: Store, board_id: int, what: str
) -> None:
    make, read, edit = RECORDS[what]
    record_id = make(store, board_id)
    first = edit(store, record_id, "One", read(store, record_id))
    assert read(other, record_id) == first
    second = edit(other, record_id, "Two", first)  # read after the first edit: not stale
    with pytest.raises(StaleEditError):
        edit(store, record_id, "Three", first)
    assert read(store, record_id) == second


@pytest.mark.parametrize("what", list(RECORDS))
def test_a_caller_that_read_nothing_writes_as_before(
    store: Store, other: Store, board_id: int, what: str
) -> None:
    make, read, edit = RECORDS[what]
    record_id = make(store, board_id)
    edit(other, record_id, "Theirs", read(other, record_id))
    written = edit(store, record_id, "An import's", None)
    assert read(other, record_id) == written


def test_a_status_update_meanwhile_does_not_make_an_items_words_stale(
    store: Store, other: Store, item_id: int
) -> None:
    """Status updates are appended to the history, never typed over: no conflict."""
    mine = store.plan_item(item_id)
    other.record_status_update(Status.ON_TRACK, "Drafted", plan_item_id=item_id)
    saved = store.update_plan_item(
        item_id, recommendation="Publish it", lead="Jo", section=None, expected=mine
    )
    assert (saved.recommendation, saved.status) == ("Publish it", Status.ON_TRACK)


def test_another_records_edit_meanwhile_does_not_make_this_one_stale(
    store: Store, other: Store, board_id: int
) -> None:
    ann = store.add_person("Ann Smith")
    bob = store.add_person("Bob Jones")
    other.update_person(
        bob.id, name="Bob Jones", title="Chair", organisation=None, email=None, expected=bob
    )
    saved = store.update_person(
        ann.id, name="Ann Smith", title="Director", organisation="NHS", email=None, expected=ann
    )
    assert store.person(ann.id) == saved


def test_a_change_to_one_compared_field_only_is_caught(
    store: Store, other: Store, item_id: int
) -> None:
    """Every field the dialog shows is compared, a NULL one too (IS, not =)."""
    mine = store.plan_item(item_id)
    assert mine.section is None
    other.update_plan_item(
        item_id, recommendation=mine.recommendation, lead=None, section="Housing", expected=mine
    )
    with pytest.raises(StaleEditError):
        store.update_plan_item(
            item_id, recommendation="Mine", lead=None, section=None, expected=mine
        )
    step = store.action(store.add_action("Draft it", plan_item_id=item_id).id)
    other.update_action(
        step.id, description="Draft it", time_frame=None, label=ActionLabel.NEW, expected=step
    )
    with pytest.raises(StaleEditError):
        store.update_action(step.id, description="Mine", time_frame=None, label=None, expected=step)


def test_an_edit_of_a_record_taken_away_meanwhile_says_it_is_gone(
    store: Store, other: Store, board_id: int
) -> None:
    membership_id = _membership(store, board_id)
    mine = store.membership(membership_id)
    other.remove_member(membership_id)
    with pytest.raises(NotFoundError):
        store.update_member(membership_id, MembershipRole.CHAIR, None, expected=mine)


def test_a_board_edit_with_a_taken_name_is_refused_whole(store: Store, board_id: int) -> None:
    store.create_board("Schools Forum")
    board = store.board(board_id)
    with pytest.raises(Exception, match="already a board called"):
        store.update_board(
            board_id,
            name="Schools Forum",
            organisation="Council",
            contact=None,
            word_template=None,
            exclusion_rule=ExclusionRule.NHS_1960,
            quorum=None,
            expected=board,
        )
    assert store.board(board_id) == board


def _race(database: str, clock: FakeClock, what: str, record_ids: list[int]) -> list[int]:
    """Two apps, each its own connection in its own thread, save over the same record as
    both read it, at the same moment, record after record: how many each won."""
    _, read, edit = RECORDS[what]
    barrier = threading.Barrier(2)
    won = [0, 0]
    failures: list[BaseException] = []

    def app(n: int) -> None:
        try:
            with Store.open(database, clock=clock) as own:
                for record_id in record_ids:
                    read_before = read(own, record_id)
                    barrier.wait(timeout=30)
                    try:
                        edit(own, record_id, f"App {n}", read_before)
                        won[n] += 1
                    except StaleEditError:
                        pass
                    barrier.wait(timeout=30)  # both have tried before either reads the next
        except BaseException as error:
            failures.append(error)
            barrier.abort()

    threads = [threading.Thread(target=app, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    return won


@pytest.mark.parametrize("what", ["plan item", "person"])
def test_two_clerks_saving_over_the_same_values_at_once_exactly_one_wins(
    store: Store, database: str, clock: FakeClock, board_id: int, what: str
) -> None:
    make, read, _ = RECORDS[what]
    record_ids = [make(store, board_id) for _ in range(20)]
    won = _race(database, clock, what, record_ids)
    assert sum(won) == len(record_ids)  # one winner a record, never two, never none
    for record_id in record_ids:
        assert getattr(read(store, record_id), "lead" if what == "plan item" else "title") in {
            "App 0",
            "App 1",
        }
