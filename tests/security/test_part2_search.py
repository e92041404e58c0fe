"""Part 2 never reaches a public search, a person found or a public history, on either engine.

The store's own answers, checked on SQLite and on PostgreSQL (tests/conftest.py's
BOTH_ENGINES); the command line's, which opens a database by its path, are checked in
test_part2_outputs.
"""

from __future__ import annotations

import pytest

from board_tui.domain.model import Status
from board_tui.storage.store import Store
from security.part2 import PUBLIC_WORD, Part2, build_part2, leaks

PART2_QUERIES = ("secret*", "bids", "valuation", "tenants", "calendar waits")
"""Words only Part 2 business holds: a public search finds nothing for them."""


@pytest.fixture
def part2(store: Store, clock) -> Part2:
    return build_part2(store, clock)


def test_a_public_search_finds_no_part2(store: Store, part2: Part2) -> None:
    assert store.search("secret*") != []  # the clerk's own search finds it
    for words in PART2_QUERIES:
        assert store.search(words, public=True) == [], words
    assert store.search(PUBLIC_WORD, public=True) != []
    mixed = store.search("secret* OR hubopening", public=True)
    assert mixed != [] and leaks(repr(mixed)) == [] and not any(h.part2 for h in mixed)

    # A person's name finds what they declared: in public, only what they declared in public.
    for person in ("Robin Member", "Alex Chair", "Robin"):
        hits = store.search(person, public=True)
        people = store.people_found(person, public=True)
        assert leaks(repr(hits)) == [] and leaks(repr(people)) == [], person
    declared = store.search("Robin Member")
    assert {h.part2 for h in declared if h.kind == "declaration"} == {True, False}


def test_public_facets_count_no_part2(store: Store, part2: Part2) -> None:
    for words in PART2_QUERIES:
        facets = store.search_facets(words, public=True)
        assert (facets.total, facets.boards, facets.sources) == (0, (), ()), words
    private = store.search_facets("secret*")
    assert private.total > 0  # the clerk's own count has them
    public = store.search_facets(f"secret* OR {PUBLIC_WORD}", public=True)
    assert public.total == store.search_facets(PUBLIC_WORD, public=True).total > 0


def test_a_public_history_shows_no_part2(store: Store, part2: Part2) -> None:
    entries = store.history(plan_item_id=part2.plan_item_id, public=True)
    assert leaks(repr(entries)) == []
    assert all(e.new_status is not Status.OFF_TRACK for e in entries)
    assert leaks(repr(store.history(action_id=part2.public_step_id, public=True))) == []
    assert leaks(repr(store.history(plan_item_id=part2.plan_item_id))) != []
