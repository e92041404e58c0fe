"""Search on a word in most of the archive: ranked within the newest matches of each kind.

A search ranks the newest CANDIDATES_PER_KIND matching records of each kind, in Python,
not every match in SQLite. These tests lower it so a small store has more matches than
it ranks, and check search keeps what it promises: every kind found, the closest match
first, filters, Part 2 kept out of a public search, snippets.
"""

from __future__ import annotations

import datetime as dt

import pytest
from security.part2 import PUBLIC_WORD, build_part2, leaks

from board_tui.domain.model import NoteKind, Status
from board_tui.storage import search, search_ranking
from board_tui.storage.search import plain_snippet
from board_tui.storage.store import Store


@pytest.fixture
def few_ranked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A search ranks only the newest three matches of each kind."""
    monkeypatch.setattr(search, "CANDIDATES_PER_KIND", 3)


@pytest.fixture
def archive(store: Store) -> dict[str, int]:
    """Two boards; "housing" in a record of every kind, and in many comments."""
    board_id = store.create_board("Health and Wellbeing Board").id
    other_id = store.create_board("Schools Forum").id
    meeting = store.create_meeting(board_id, dt.datetime(2024, 3, 5, 14, 0))
    item = store.add_agenda_item(meeting.id, "Housing strategy", presenter="Ann Oakes")
    for n in range(12):
        store.add_note(item.id, NoteKind.COMMENT, f"Comment {n} on housing and other matters.")
    store.add_note(item.id, NoteKind.DECISION, "It was agreed to fund housing repairs.")
    store.add_action("Survey housing stock", agenda_item_id=item.id, owner="Ann Oakes")
    plan = store.create_plan(board_id, "Homes plan", dated=dt.date(2024, 1, 10))
    plan_item = store.add_plan_item(plan.id, "3", "More social housing", lead="Housing")
    step = store.add_action("Map the sites", plan_item_id=plan_item.id)
    store.record_status_update(Status.ON_TRACK, "Housing sites mapped", action_id=step.id)
    later = store.create_meeting(other_id, dt.datetime(2024, 6, 1, 10, 0))
    budget = store.add_agenda_item(later.id, "Budget")
    store.add_note(budget.id, NoteKind.COMMENT, "Schools asked about housing for teachers.")
    return {"board": board_id, "other": other_id, "item": item.id}


def _found(store: Store, text: str, **filters: object) -> list[tuple[str, int]]:
    return [(h.kind, h.record_id) for h in store.search(text, **filters)]  # type: ignore[arg-type]


def test_a_common_word_finds_every_kind(store: Store, archive: dict[str, int]) -> None:
    ranked = _found(store, "housing")
    assert len(ranked) == 18  # every match: no kind has more than CANDIDATES_PER_KIND
    kinds = {kind for kind, _id in ranked}
    assert kinds == {"item", "comment", "decision", "action", "plan_item", "update"}
    assert {k for k, _id in _found(store, "housing", kinds=["item", "update"])} == {
        "item",
        "update",
    }


def test_the_closest_match_comes_first(store: Store, few_ranked: None) -> None:
    board_id = store.create_board("Board").id
    meeting = store.create_meeting(board_id, dt.datetime(2024, 1, 1, 10, 0))
    other = store.add_agenda_item(meeting.id, "Finance")
    store.add_note(
        other.id,
        NoteKind.COMMENT,
        "A long comment on many matters, budgets and buildings, that names the youth "
        "service once among a great many other words about the council's estate.",
    )
    store.add_agenda_item(meeting.id, "Youth Council report")
    hits = store.search("youth council")
    assert [h.kind for h in hits] == ["item", "comment"]
    assert hits[0].score < hits[1].score


def test_only_the_newest_of_each_kind_are_ranked(
    store: Store, archive: dict[str, int], few_ranked: None
) -> None:
    notes = [h for h in store.search("housing") if h.kind in ("comment", "decision")]
    # The newest three notes: the Schools Forum comment, the decision, the last comment.
    assert [plain_snippet(h.snippet) for h in sorted(notes, key=lambda h: -h.record_id)] == [
        "Schools asked about housing for teachers.",
        "It was agreed to fund housing repairs.",
        "Comment 11 on housing and other matters.",
    ]
    assert {h.kind for h in store.search("housing")} == {
        "item",
        "comment",
        "decision",
        "action",
        "plan_item",
        "update",
    }


def test_filters_narrow_the_candidates(
    store: Store, archive: dict[str, int], few_ranked: None
) -> None:
    assert {h.board_name for h in store.search("housing", board_id=archive["other"])} == {
        "Schools Forum"
    }
    assert [h.day for h in store.search("housing", since=dt.date(2024, 5, 1))] == [
        dt.date(2024, 6, 1)
    ]
    assert {h.kind for h in store.search("housing", kinds=["action", "update"])} == {
        "action",
        "update",
    }
    assert {h.kind for h in store.search("housing june 2024")} == {"comment"}


def test_the_limit_and_the_spread_still_hold(
    store: Store, archive: dict[str, int], few_ranked: None
) -> None:
    hits = store.search("housing", limit=4)
    assert len(hits) == 4
    assert sum(1 for h in hits if h.meeting_id == hits[0].meeting_id) <= 2


def test_snippets_mark_the_words_and_say_where_they_were_cut(
    store: Store, few_ranked: None
) -> None:
    board_id = store.create_board("Board").id
    meeting = store.create_meeting(board_id, dt.datetime(2024, 1, 1, 10, 0))
    item = store.add_agenda_item(meeting.id, "Finance")
    words = " ".join(f"word{n}" for n in range(40))
    store.add_note(item.id, NoteKind.COMMENT, f"{words} the beekeeping pilot {words}")
    (hit,) = store.search("beekeeping")
    assert plain_snippet(hit.snippet, "*").count("*beekeeping*") == 1
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(plain_snippet(hit.snippet).split()) == search.SNIPPET_WORDS
    assert hit.words is not None and hit.words.startswith("word0 word1")


def test_a_phrase_cut_in_the_middle_stays_marked() -> None:
    start, end = search.HIGHLIGHT_START, search.HIGHLIGHT_END
    phrase = " ".join(f"p{n}" for n in range(20))  # longer than a snippet
    snippet = search_ranking.snippet_of("", f"a b c {start}{phrase}{end} d e")
    assert snippet.count(start) == snippet.count(end) == 1
    assert snippet == f"…{start}p0 p1 p2 p3 p4 p5 p6 p7 p8 p9 p10 p11 p12 p13{end}…"


def test_a_public_search_finds_no_part2(store: Store, clock, few_ranked: None) -> None:
    build_part2(store, clock)
    assert store.search("secret*") != []  # the clerk's own search finds it
    for words in ("secret*", "bids", "valuation", "tenants", "calendar waits"):
        assert store.search(words, public=True) == [], words
    assert store.search(PUBLIC_WORD, public=True) != []
    for person in ("Robin Member", "Alex Chair", "Robin"):
        assert leaks(repr(store.search(person, public=True))) == [], person


def test_past_the_facet_limit_a_common_word_is_more_than_counted(
    store: Store, archive: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting every match of a common word took seconds on twenty years of a council:
    past FACET_LIMIT the line says "more than", and the words that narrow it."""
    from board_tui.services.search_words import facets_line

    every = store.search_facets("housing")
    assert (every.total, every.more) == (18, False)
    assert dict(every.boards) == {"Health and Wellbeing Board": 17, "Schools Forum": 1}
    monkeypatch.setattr(search, "FACET_LIMIT", 17)
    bounded = store.search_facets("housing")
    assert (bounded.total, bounded.more, bounded.boards) == (17, True, ())
    line = facets_line(bounded, 20)
    assert line.startswith("Found more than 17 (showing the 20 that match best)")
    assert "--board" in line
    narrowed = store.search_facets("housing", board_id=archive["other"])
    assert (narrowed.total, narrowed.more) == (1, False)  # the limit applies after filters
    monkeypatch.setattr(search, "FACET_LIMIT", 18)
    assert store.search_facets("housing").more is False  # exactly the limit is counted
