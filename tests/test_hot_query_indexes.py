"""The screens' hot queries use an index, not a scan of a table that grows with the archive.

Found with benchmarks/query_plans.py on the 10x benchmark database (benchmarks/PROFILES.md);
checked here on SQLite's own plan, so a change to a query or an index that brings the scan
back fails, whatever the size of the test's data.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from board_tui.storage.store import Store


def _plan(store: Store, sql: str, params: tuple[object, ...]) -> str:
    rows = store.db.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    return " / ".join(str(row[3]) for row in rows)


@pytest.mark.parametrize(
    ("sql", "params", "index"),
    [
        (
            "SELECT d.*, p.name FROM declarations d JOIN people p ON p.id = d.person_id"
            " WHERE d.meeting_id = ? ORDER BY d.id",
            (1,),
            "declarations_meeting",
        ),
        (
            "SELECT d.id FROM declarations d WHERE d.person_id IN (SELECT value FROM json_each(?))",
            ("[1, 2]",),
            "declarations_person",
        ),
        (
            "SELECT * FROM meetings WHERE status = 'live' ORDER BY updated_at DESC LIMIT 1",
            (),
            "meetings_live",
        ),
        (
            "SELECT * FROM meetings WHERE status IN ('draft', 'live')"
            " ORDER BY status <> 'live', scheduled_start, id LIMIT 1",
            (),
            "meetings_upcoming",
        ),
    ],
)
def test_the_query_uses_its_index(
    store: Store, sql: str, params: tuple[object, ...], index: str
) -> None:
    plan = _plan(store, sql, params)
    assert index in plan, plan


def test_the_store_reads_declarations_and_the_live_meeting_through_them(store: Store) -> None:
    board = store.create_board("Board")
    meeting = store.create_meeting(board.id, dt.datetime(2024, 1, 1, 10, 0))
    person = store.add_person("Ann Oakes")
    store.add_declaration(meeting.id, person.id, "Trustee of the food bank")
    ran: list[str] = []
    store.db.conn.set_trace_callback(ran.append)
    assert [d.interest for d in store.declarations(meeting.id)] == ["Trustee of the food bank"]
    assert store.live_meeting() is None
    store.db.conn.set_trace_callback(None)
    for sql in ran:
        if sql.startswith("SELECT"):
            plan = _plan(store, sql, ())  # a scan of a partial index reads only its rows
            assert re.search(r"\bSCAN \w+(?! USING)( /|$)", plan) is None, plan


def test_the_next_meeting_is_the_one_home_starts_on(store: Store) -> None:
    assert store.next_meeting() is None
    one, two = store.create_board("One").id, store.create_board("Two").id
    held = store.create_meeting(one, dt.datetime(2024, 1, 1, 10, 0))
    store.start_meeting(held.id)
    store.end_meeting(held.id)
    later = store.create_meeting(one, dt.datetime(2024, 5, 1, 10, 0))
    sooner = store.create_meeting(two, dt.datetime(2024, 3, 1, 10, 0))
    next_one = store.next_meeting()
    assert next_one is not None and next_one.id == sooner.id
    store.start_meeting(later.id)  # a live meeting comes first, however late
    next_one = store.next_meeting()
    assert next_one is not None and next_one.id == later.id
