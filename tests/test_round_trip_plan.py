"""An action plan exported to Word and imported again is the plan it was.

Export → import into a fresh database → export → import: the two imported stores are byte
for byte the same (a canonical dump of plan, items, steps and every status update), as are
the two documents. Read back into the database it came from, the exported plan adds no
history at all (the status words the export puts before an update are not new words), and
an update of several paragraphs keeps them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

from store_dump import plan_dump, word_text

from board_tui.domain.statuses import Status
from board_tui.exporters.action_plan import write_action_plan
from board_tui.services.demo import build_demo
from board_tui.services.plan_import import import_plan, plan_title, read_plan
from board_tui.storage.store import Store

DATED = dt.date(2022, 11, 3)
MULTI = "First paragraph of the update.\nSecond paragraph, with the dates agreed."


def _clock() -> dt.datetime:
    return dt.datetime(2022, 11, 3, 9, 0)


def _import(store: Store, path: Path, board: str) -> int:
    plan = read_plan(path)
    done = import_plan(
        store,
        plan,
        board_name=board,
        title=plan_title(plan, path),
        dated=DATED,
        source="plan.docx",
    )
    return done.summary.plan_id


def _original(folder: Path) -> tuple[Store, int, str]:
    """The demo's plan, with an update of two paragraphs and a step whose words do not
    name its status (the export writes "On track: …" before them)."""
    store = Store.open(folder / "original.sqlite3", clock=_clock)
    build_demo(store)
    plan = store.plans()[0]
    items = store.plan_items(plan.id)
    store.record_status_update(items[2].status, MULTI, plan_item_id=items[2].id, label="Update:")
    step = store.next_steps(items[0].id)[3]
    store.record_status_update(Status.ON_TRACK, "the hall is booked", action_id=step.id)
    return store, plan.id, store.board(plan.board_id).name


def _without_bookkeeping(dump: str) -> str:
    """The importer's own "Imported from …" bodies name their file, as they should."""
    return re.sub(r'"Imported[^"]*"', '"Imported"', dump)


def test_a_plan_round_trip_changes_nothing(tmp_path: Path) -> None:
    original, plan_id, board = _original(tmp_path)
    dumps, texts = [plan_dump(original, plan_id)], []
    store = original
    for step in ("one", "two"):
        exported = tmp_path / f"{step}.docx"
        write_action_plan(store, plan_id, exported, dated=DATED)
        texts.append(word_text(exported))
        store = Store.open(tmp_path / f"{step}.sqlite3", clock=_clock)
        plan_id = _import(store, exported, board)
        dumps.append(plan_dump(store, plan_id))
    first, second = dumps[1:]
    assert first == second
    assert texts[0] == texts[1]
    assert _without_bookkeeping(first) == _without_bookkeeping(dumps[0])
    said = set(_strings(json.loads(first)))
    assert MULTI in said and "the hall is booked" in said


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, dict)):
        for inner in value.values() if isinstance(value, dict) else value:
            yield from _strings(inner)


def test_the_exported_plan_read_back_where_it_came_from_adds_no_history(tmp_path: Path) -> None:
    store, plan_id, board = _original(tmp_path)
    exported = tmp_path / "plan.docx"
    write_action_plan(store, plan_id, exported, dated=DATED)
    before = plan_dump(store, plan_id)
    updates = store.counts()["status_updates"]
    plan = read_plan(exported)
    done = import_plan(
        store,
        plan,
        board_name=board,
        title=store.plan(plan_id).title,
        dated=DATED,
        source="plan.docx",
    )
    assert (done.summary.created, done.summary.status_changes) == (False, 0)
    assert store.counts()["status_updates"] == updates
    assert plan_dump(store, plan_id) == before


def test_an_update_of_several_paragraphs_keeps_them(tmp_path: Path) -> None:
    store, plan_id, _board = _original(tmp_path)
    exported = tmp_path / "plan.docx"
    write_action_plan(store, plan_id, exported, dated=DATED)
    plan = read_plan(exported)
    third = plan.items[2]
    assert [u.body for u in third.updates if u.body.startswith("First")] == [MULTI]
