"""Search: every kind of record is found, the index follows every write, ranking, bad queries."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from board_tui.domain.model import NoteKind, Status
from board_tui.services.demo import build_demo
from board_tui.storage import schema
from board_tui.storage.connection import connect
from board_tui.storage.search import SearchQueryError, fts_query, plain_snippet
from board_tui.storage.store import Store


def _kinds(store: Store, query: str) -> list[str]:
    return [hit.kind for hit in store.search(query)]


@pytest.fixture
def board(store: Store) -> dict[str, int]:
    """One record of each searchable kind, each with its own unusual word."""
    board_id = store.create_board("Health and Wellbeing Board").id
    meeting = store.create_meeting(board_id, dt.datetime(2024, 3, 5, 14, 0))
    item = store.add_agenda_item(meeting.id, "Allotments strategy", presenter="Ann Oakes")
    comment = store.add_note(item.id, NoteKind.COMMENT, "Members praised the beekeeping pilot.")
    decision = store.add_note(item.id, NoteKind.DECISION, "It was agreed to fund composting.")
    narrative = store.add_note(item.id, NoteKind.NARRATIVE, "Ann Oakes introduced hedgerows.")
    action = store.add_action("Survey the orchards", agenda_item_id=item.id, owner="Ann Oakes")
    plan = store.create_plan(board_id, "Green spaces plan", dated=dt.date(2024, 1, 10))
    plan_item = store.add_plan_item(plan.id, "3", "Plant wildflower verges", lead="Parks")
    step = store.add_action("Map the meadows", plan_item_id=plan_item.id)
    store.record_status_update(
        Status.ON_TRACK, "Volunteers recruited via Nextdoor", action_id=step.id
    )
    return {
        "board": board_id,
        "meeting": meeting.id,
        "item": item.id,
        "comment": comment.id,
        "decision": decision.id,
        "narrative": narrative.id,
        "action": action.id,
        "plan_item": plan_item.id,
        "step": step.id,
    }


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("allotments", "item"),
        ("beekeeping", "comment"),
        ("composting", "decision"),
        ("hedgerows", "narrative"),
        ("orchards", "action"),
        ("wildflower", "plan_item"),
        ("meadows", "action"),
        ("nextdoor", "update"),
    ],
)
def test_words_from_every_kind_of_record_are_found(
    store: Store, board: dict[str, int], word: str, kind: str
) -> None:
    hits = store.search(word)
    assert [h.kind for h in hits] == [kind]
    assert hits[0].board_name == "Health and Wellbeing Board"
    assert word in plain_snippet(hits[0].snippet).lower()


def test_a_result_carries_its_meeting_item_and_plan(store: Store, board: dict[str, int]) -> None:
    (comment,) = store.search("beekeeping")
    assert (comment.meeting_id, comment.item_id) == (board["meeting"], board["item"])
    assert comment.day == dt.date(2024, 3, 5)
    assert comment.item_label == "1. Allotments strategy"
    (update,) = store.search("nextdoor")
    assert (update.plan_title, update.plan_item_ref) == ("Green spaces plan", "3")
    assert update.plan_item_id == board["plan_item"]


def test_the_index_follows_edits_removals_and_deletes(store: Store, board: dict[str, int]) -> None:
    store.edit_note(board["comment"], "Members praised the apiary pilot.")
    assert _kinds(store, "beekeeping") == []
    assert _kinds(store, "apiary") == ["comment"]
    store.edit_note(board["comment"], "Members praised the apiary pilot.", NoteKind.DECISION)
    assert _kinds(store, "apiary") == ["decision"]
    store.remove_note(board["decision"])
    assert _kinds(store, "composting") == []
    store.restore_note(board["decision"])
    assert _kinds(store, "composting") == ["decision"]
    store.update_agenda_item(board["item"], title="Community gardens")
    assert _kinds(store, "allotments") == []
    assert _kinds(store, "gardens") == ["item"]
    store.update_plan_item(board["plan_item"], recommendation="Sow verges", lead=None, section=None)
    assert _kinds(store, "wildflower") == []
    store.update_action(board["action"], description="Prune the trees", time_frame=None, label=None)
    assert _kinds(store, "orchards") == []
    store.remove_action(board["action"])
    assert _kinds(store, "prune") == []
    empty = store.add_agenda_item(board["meeting"], "Tadpoles")
    store.delete_agenda_item(empty.id)
    assert _kinds(store, "tadpoles") == []


def test_a_moved_meeting_takes_its_records_date_with_it(
    store: Store, board: dict[str, int]
) -> None:
    store.update_meeting(
        board["meeting"], scheduled_start=dt.datetime(2024, 4, 9, 14, 0), title="HWB", venue=None
    )
    assert store.search("beekeeping")[0].day == dt.date(2024, 4, 9)
    assert store.search("beekeeping", since=dt.date(2024, 4, 1))
    assert not store.search("beekeeping", since=dt.date(2024, 4, 10))


def test_filters_by_board_and_date(store: Store, board: dict[str, int]) -> None:
    other = store.create_board("Schools Forum").id
    meeting = store.create_meeting(other, dt.datetime(2024, 6, 1, 10, 0))
    store.add_note(store.add_agenda_item(meeting.id, "Budget").id, NoteKind.COMMENT, "Orchards")
    assert len(store.search("orchards")) == 2
    assert [h.board_name for h in store.search("orchards", board_id=other)] == ["Schools Forum"]
    assert [h.day for h in store.search("orchards", since=dt.date(2024, 5, 1))] == [
        dt.date(2024, 6, 1)
    ]


def test_ranking_puts_the_closest_match_first(store: Store) -> None:
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


def test_phrases_and_prefixes(store: Store, board: dict[str, int]) -> None:
    assert _kinds(store, '"beekeeping pilot"') == ["comment"]
    assert _kinds(store, '"pilot beekeeping"') == []
    assert _kinds(store, "beekee*") == ["comment"]
    assert _kinds(store, "beekee") == []
    assert sorted(_kinds(store, "orchards OR meadows")) == ["action", "action"]
    assert _kinds(store, "orchards meadows") == []


@pytest.mark.parametrize(
    "text", ['"', '"beekeeping', "beekeeping)", "NEAR(beekeeping", "AND", "OR beekeeping", "*"]
)
def test_fts_syntax_in_a_query_is_read_as_words(
    store: Store, board: dict[str, int], text: str
) -> None:
    try:
        hits = store.search(text)
    except SearchQueryError as error:
        assert "word" in str(error)
    else:
        assert all(h.kind == "comment" for h in hits)


@pytest.mark.parametrize("text", ["", "   ", "***", '""', "!!! ???", "OR"])
def test_a_query_with_nothing_to_find_gets_a_friendly_message(store: Store, text: str) -> None:
    with pytest.raises(SearchQueryError, match="type a word to search for"):
        store.search(text)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text())
def test_any_text_searches_or_gets_the_friendly_error(store: Store, text: str) -> None:
    with contextlib.suppress(SearchQueryError):
        store.search(text)


@given(st.text())
def test_every_query_made_from_text_is_valid_fts(text: str) -> None:
    """The escaping alone keeps SQLite's FTS parser happy, before any error handling."""
    try:
        query = fts_query(text)
    except SearchQueryError:
        return
    with sqlite3.connect(":memory:") as conn:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5 (body)")
        conn.execute("SELECT * FROM t WHERE t MATCH ?", (query,)).fetchall()


def test_a_database_from_before_search_is_indexed_when_it_migrates(db_path: Path) -> None:
    db = Database(connect(db_path))
    schema.migrate(db, str(db_path), stop_before="0004_search_and_voices")
    db.execute(
        "INSERT INTO boards (id, name, created_at) VALUES (1, 'Old Board', '2022-01-01T00:00:00')"
    )
    db.execute(
        "INSERT INTO meetings (id, board_id, title, scheduled_start, created_at, updated_at)"
        " VALUES (1, 1, 'Old Board', '2022-02-01T14:00:00', '2022-01-01', '2022-01-01')"
    )
    db.execute(
        "INSERT INTO agenda_items (id, meeting_id, position, title, created_at)"
        " VALUES (1, 1, 1, 'Libraries', '2022-01-01')"
    )
    db.execute(
        "INSERT INTO notes (meeting_id, agenda_item_id, kind, body, created_at, deleted_at)"
        " VALUES (1, 1, 'comment', 'Opening hours', '2022-02-01', NULL),"
        " (1, 1, 'comment', 'Removed words', '2022-02-01', '2022-02-02')"
    )
    db.conn.commit()
    db.close()
    with Store.open(db_path) as store:
        assert [h.kind for h in store.search("libraries")] == ["item"]
        assert [h.kind for h in store.search("opening hours")] == ["comment"]
        assert store.search("removed") == []
        assert store.search_index_count() == 2


def test_youth_council_is_found_in_the_demo(demo_store: Store) -> None:
    (hit,) = demo_store.search("Youth Council")
    assert hit.kind == "comment"
    assert hit.item_label == "4. New Target Operating Model"
    assert hit.day == dt.date(2023, 10, 17)
    assert "Youth Council" in plain_snippet(hit.snippet)
    # "did we already agree to review the TOM …?": the decision is among the first answers.
    agreed = [plain_snippet(h.snippet) for h in demo_store.search("TOM agreed")[:3]]
    assert any("agreed that an updated TOM would be presented" in s for s in agreed)


def test_search_history_and_reports_stay_free_of_textual_and_docx() -> None:
    modules = "board_tui.storage.search, board_tui.storage.history, board_tui.storage.voices, "
    modules += "board_tui.services.roundup, "
    modules += "board_tui.cli.search, board_tui.cli.reports, "
    modules += "board_tui.exporters.you_said_we_did, board_tui.exporters.roundup"
    code = f"import sys, {modules}; print('textual' in sys.modules, 'docx' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split() == ["False", "False"]


def test_searching_and_reading_a_plan_leave_sqlite_utils_unloaded(db_path: Path) -> None:
    """The store reads through its own connection: sqlite-utils (3 MiB of the app's peak
    memory) is for migrating a schema only, and this file's schema is up to date. (A file's
    alone: a store on PostgreSQL has no sqlite-utils to load.)"""
    with Store.open(db_path) as store:
        build_demo(store)
    code = (
        "import sys; from board_tui.storage.store import Store; "
        f"store = Store.open({str(db_path)!r}); "
        "plan = store.plans()[0].id; store.plan_summary(plan); store.plan_summary(plan, text='a'); "
        "store.search('youth council'); print('sqlite_utils' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split() == ["False"]
