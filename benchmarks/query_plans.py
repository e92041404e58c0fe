"""The hot screens' queries on the large database: SQLite's plan for each, and its time.

    python -m benchmarks.query_plans --db FILE [--all]

Runs what home, a meeting, the plan screen (its filters and sorts, an item's history),
search and the chair's view read, through the store as the screens call it, records
every statement with SQLite's trace callback, and prints each one's EXPLAIN QUERY PLAN
and median time, slowest first: a full SCAN of a large table is what an index is for.
Without --all only the statements over a millisecond, or scanning a table, are shown.
PROFILES.md records what this showed at 10x and the indexes added.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.figures import BIG_BOARD
from benchmarks.run import SEARCHES
from board_tui.storage.store import Store

# A full scan of one of these is a cost that grows with the archive.
_SCAN = re.compile(r"\bSCAN (?!json_each|CONSTANT)(\w+)(?! VIRTUAL)")


@dataclass
class Statement:
    screen: str
    sql: str
    plan: list[str]
    seconds: float

    @property
    def scans(self) -> list[str]:
        return [m.group(1) for line in self.plan for m in [_SCAN.search(line)] if m]


def _hot_paths(db: Path) -> tuple[Store, list[tuple[str, Callable[[], object]]]]:
    """Each screen's reads, as the screens make them (no Textual: the store and services)."""
    from board_tui.domain.model import Status
    from board_tui.exporters.minute_refs import minute_numbers
    from board_tui.services.chair_view import ChairFilter, Scope, follow_meeting, read_chair
    from board_tui.services.meeting_view import item_view

    store = Store.open(db, read_only=True)
    board = store.board_by_name(BIG_BOARD)
    plan = store.plans(board.id)[0]
    meetings = store.meetings(board.id)
    meeting = [m for m in meetings if m.status.value in ("closed", "approved")][-1]
    upcoming = [m for m in meetings if m.status.value == "draft"][-1]
    items = store.agenda(meeting.id)
    first_item = store.plan_summary(plan.id, limit=1)[0].item

    def home() -> None:
        store.data_version()
        store.live_meeting()
        store.drafts()
        shown = store.boards()
        store.meetings()  # which board's meeting is next: where home opens
        for b in shown[:1]:
            store.members(b.id)
            store.meetings(b.id)
            for p in store.plans(b.id):
                store.count_plan_items(p.id)

    def meeting_open() -> None:
        for m in (meeting, upcoming):
            store.meeting(m.id)
            store.board(m.board_id)
            agenda = store.agenda(m.id)
            notes = store.notes(m.id)
            store.meeting_quorum(m.id)
            minute_numbers(store, m.id)
            for item in agenda[:4]:  # the first items and the matters arising
                item_view(store, m, item, notes)

    def plan_screen() -> None:
        store.plan(plan.id)
        store.count_plan_items(plan.id)
        today = store.clock().date()
        for sort in ("ref", "due", "status", "lead"):
            store.plan_summary(plan.id, sort=sort, limit=300)
        store.plan_summary(plan.id, overdue_on=today, limit=300)
        store.plan_summary(plan.id, status=Status.AT_RISK, limit=300)
        store.plan_summary(plan.id, lead=first_item.lead, limit=300)
        store.plan_summary(plan.id, text="housing partners", limit=300)
        store.next_steps(first_item.id)
        store.history(plan_item_id=first_item.id)

    def search() -> None:
        for words in SEARCHES:
            store.search(words)
        store.search("housing", board_id=board.id)
        store.search_facets("housing")

    def chair() -> None:
        follow_meeting(store, None, None)
        read_chair(store, meeting, ChairFilter())
        read_chair(store, meeting, ChairFilter(scope=Scope.PLAN), plan_id=plan.id)

    del items
    return store, [
        ("home", home),
        ("meeting", meeting_open),
        ("plan", plan_screen),
        ("search", search),
        ("chair", chair),
    ]


def query_plans(db: Path) -> list[Statement]:
    """Every distinct statement the hot paths run, with its plan and median time."""
    store, paths = _hot_paths(db)
    found: dict[str, str] = {}  # sql -> the screen that ran it first
    try:
        for screen, run in paths:
            ran: list[str] = []
            store.db.conn.set_trace_callback(ran.append)
            run()
            store.db.conn.set_trace_callback(None)
            for sql in ran:
                if sql.lstrip().upper().startswith(("SELECT", "WITH")):
                    found.setdefault(sql, screen)
    finally:
        store.close()
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    statements = []
    for sql, screen in found.items():
        plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
        times = []
        for _ in range(3):
            started = time.perf_counter()
            conn.execute(sql).fetchall()
            times.append(time.perf_counter() - started)
        statements.append(Statement(screen, sql, plan, statistics.median(times)))
    conn.close()
    return sorted(statements, key=lambda s: -s.seconds)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The hot queries' plans and times.")
    parser.add_argument("--db", type=Path, required=True, help="A database from make_db.")
    parser.add_argument("--all", action="store_true", help="Every statement, not the slow.")
    args = parser.parse_args(argv)
    for s in query_plans(args.db):
        if not args.all and s.seconds < 0.001 and not s.scans:
            continue
        print(f"[{s.screen}] {s.seconds * 1000:.1f} ms  {' '.join(s.sql.split())[:300]}")
        for line in s.plan:
            print(f"    {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
