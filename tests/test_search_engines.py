"""Search is the same on SQLite and on PostgreSQL (issue 21): the same queries refused in the
same words, the same records found, and no word typed ever part of a statement's SQL.

Every test here that uses the store runs on both engines (tests/conftest.py's
BOTH_ENGINES). The store-level half of test_search_context and test_search_bounds is
here too: those modules run the command line or the app's screen on a database's path.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping, Sequence
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from board_tui.domain.model import NoteKind
from board_tui.storage.search import (
    MAX_SEARCH_WORDS,
    SearchQueryError,
    plain_snippet,
    ts_query,
)
from board_tui.storage.search_phrases import LANGUAGE
from board_tui.storage.store import Store

OCTOBER = dt.date(2023, 10, 17)
NOTHING = "type a word to search for"
TOO_MANY = f"too many words to search for at once (at most {MAX_SEARCH_WORDS})"


@pytest.fixture
def board(store: Store) -> Store:
    """A comment, an item and an action, each with its own unusual word."""
    board_id = store.create_board("Health and Wellbeing Board").id
    meeting = store.create_meeting(board_id, dt.datetime(2024, 3, 5, 14, 0))
    item = store.add_agenda_item(meeting.id, "Allotments strategy", presenter="Ann Oakes")
    store.add_note(item.id, NoteKind.COMMENT, "Members praised the beekeeping pilot.")
    store.add_action("Survey the orchards", agenda_item_id=item.id, owner="Ann Oakes")
    return store


# -- the same queries refused in the same words ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", NOTHING),
        ("   ", NOTHING),
        ('"', NOTHING),
        ('""', NOTHING),
        ("***", NOTHING),
        ("OR", NOTHING),
        ("OR OR", NOTHING),
        ("!!! ???", NOTHING),
        ("- -- ;", NOTHING),
        ("\x00\x1f", NOTHING),
        (" OR ".join(["b*"] * 1600), TOO_MANY),
        (" ".join(["youth"] * (MAX_SEARCH_WORDS + 1)), TOO_MANY),
        ('"' + " ".join(["the"] * (MAX_SEARCH_WORDS + 1)) + '"', TOO_MANY),  # a phrase's words
    ],
)
def test_the_same_malformed_queries_get_the_same_one_line_message(
    board: Store, text: str, message: str
) -> None:
    started = time.monotonic()
    for asked in (board.search, board.search_facets):
        with pytest.raises(SearchQueryError) as refused:
            asked(text)
        assert str(refused.value) == message  # the same words on either engine, one line
    assert time.monotonic() - started < 1.0  # refused before any SQL runs


def test_up_to_the_cap_a_query_still_searches(demo_store: Store) -> None:
    words = ["youth"] + ["council"] * (MAX_SEARCH_WORDS - 1)
    assert [h.kind for h in demo_store.search(" ".join(words))] == ["comment"]


# -- what is typed is only ever a parameter ---------------------------------------------------


class _Recording:
    """The store's connection, keeping every statement's SQL as the store wrote it."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.statements: list[str] = []

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Any:
        self.statements.append(sql)
        return self.conn.execute(sql, params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("beekeeping'; --", ["comment"]),
        ("beekeeping'; DROP TABLE notes; --", []),
        ("\"beekeeping'); DELETE FROM search_index; --", []),
        ("'beekeeping' | 'orchards'", []),  # tsquery's operators are no operators here
        ("beekeeping:* OR !orchards <-> (x)", ["comment"]),
        ("orchards & !beekeeping", []),  # "!" is no NOT: both words are wanted
        ("beekeeping\\' OR 1=1 --", ["comment"]),
        ("%(query)s OR :query OR $1 OR ? OR %s OR beekeeping", ["comment"]),
        ('robert\'); DROP TABLE boards;-- OR "Ann Oakes"', ["item", "action"]),
    ],
)
def test_no_word_typed_is_ever_part_of_the_sql(
    board: Store, monkeypatch: pytest.MonkeyPatch, text: str, kinds: list[str]
) -> None:
    """Quotes, semicolons and either engine's operators find or refuse; they never fail a
    statement, and none of them is in one: every word goes as a parameter's value."""
    indexed = board.search_index_count()
    recording = _Recording(board.conn)
    monkeypatch.setattr(board, "conn", recording)
    assert sorted(h.kind for h in board.search(text)) == sorted(kinds)
    board.search(text, public=True, board_id=1, kinds=["comment"], since=OCTOBER)
    board.search_facets(text)
    board.people_found(text)
    assert recording.statements
    for sql in recording.statements:
        for typed in ("beekeeping", "orchards", "robert", "DROP", "1=1", "Oakes"):
            assert typed not in sql, (typed, sql)
    monkeypatch.undo()
    assert board.search_index_count() == indexed
    assert [h.kind for h in board.search("beekeeping")] == ["comment"]


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text())
def test_every_query_made_from_text_is_a_valid_tsquery(postgres_url: str, text: str) -> None:
    """PostgreSQL's twin of test_search's FTS5 check: the quoting alone keeps to_tsquery
    happy, for any text at all."""
    try:
        query = ts_query(text)
    except SearchQueryError:
        return
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"SELECT to_tsquery('{LANGUAGE}', %s)", (query,)).fetchall()


# -- the same records found -------------------------------------------------------------------


def test_words_the_english_configuration_leaves_out_still_search(demo_store: Store) -> None:
    """PostgreSQL does not index "the", "and" or "of" (SQLite's index does): a query holding
    them finds what its other words find, and one of only them is no error on either."""
    (hit,) = demo_store.search("the Youth Council")
    assert hit.kind == "comment" and "Youth Council" in plain_snippet(hit.snippet)
    assert [h.kind for h in demo_store.search('"Young Mayor and Youth Council"')] == ["comment"]
    for text in ("the", "and OR of", '"of the"'):
        assert isinstance(demo_store.search(text), list)
        assert demo_store.search_facets(text).total >= 0


def test_a_date_alone_lists_that_meetings_records(demo_store: Store) -> None:
    for query in ("17 October", "October 2023", "2023-10-17", "17/10/2023", "October"):
        hits = demo_store.search(query, limit=200)
        assert {h.day for h in hits} == {OCTOBER}, query
        assert {"item", "decision"} <= {h.kind for h in hits}, query
        assert demo_store.search_facets(query).total == 49, query
    assert demo_store.search("17 December") == []
    assert {h.day for h in demo_store.search("engagement 17 October")} == {OCTOBER}


def test_until_narrows_and_facets_count_by_board_and_meeting(demo_store: Store) -> None:
    hits = demo_store.search("engagement", until=dt.date(2023, 11, 1), limit=200)
    assert hits and all(h.day is not None and h.day <= dt.date(2023, 11, 1) for h in hits)
    assert OCTOBER in {h.day for h in hits} and any(h.plan_title for h in hits)
    facets = demo_store.search_facets("engagement", until=dt.date(2023, 11, 1))
    assert facets.total == 29
    assert ("Transformation Advisory Board, 17 Oct 2023", 2) in facets.sources


def test_a_persons_name_finds_what_they_own_said_and_declared(demo_store: Store) -> None:
    store = demo_store
    december = store.meeting_on(
        store.board_by_name("Transformation Advisory Board").id, dt.date(2023, 12, 11)
    )
    item = store.agenda(december.id)[4]  # 5. Partnership Working, which she presents
    kirsty = next(p for p in store.people() if p.name == "Kirsty Roberts")
    store.add_declaration(
        december.id, kirsty.id, "Trustee of a local carers' charity", agenda_item_id=item.id
    )
    store.add_action(
        "Circulate the partnership map", agenda_item_id=item.id, owner="Kirsty Roberts"
    )
    store.add_note(item.id, NoteKind.COMMENT, "Kirsty Roberts said the map would be ready soon.")
    hits = store.search("kirsty")
    assert hits[0].kind == "declaration"  # what they declared leads
    assert sorted(h.kind for h in hits) == ["action", "comment", "declaration", "item"]
    (found,) = store.people_found("Kirsty")
    assert (found.person.name, found.presented, found.owns, found.declared) == (
        "Kirsty Roberts",
        1,
        1,
        1,
    )
