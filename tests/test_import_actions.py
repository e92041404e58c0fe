"""`board-tui import actions`: a Word plan into the store, all or nothing, again as updates."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from plan_docs import council_plan, write_table

from board_tui.domain.statuses import Status
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

FIXTURE = (
    Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "tht-elg-action-plan-2022-11.docx"
)
BOARD = "Tower Hamlets Together Engagement Leads Group"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "board_tui", "import", "actions", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _plan_as_rows(store: Store, plan_id: int) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for item in store.plan_items(plan_id):
        steps = store.next_steps(item.id)
        rows.append(
            (
                item.ref,
                item.recommendation,
                item.lead,
                item.status,
                [(s.description, s.time_frame, s.due_date, s.status, s.label) for s in steps],
                # Bodies the writer made itself name their source; the rest are the plan's words.
                [
                    (u.label, "Imported" if u.body.startswith("Imported") else u.body, u.new_status)
                    for u in store.status_history(plan_item_id=item.id)
                ],
            )
        )
    return rows


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "board.sqlite3"
    with Store.open(db) as store:
        build_demo(store)
    return db


def test_the_word_plan_imports_to_what_the_demo_transcribed(demo_db: Path) -> None:
    if not FIXTURE.exists():
        pytest.skip(f"shared fixtures not found beside the checkout: {FIXTURE}")
    result = run(
        *(str(FIXTURE), "--board", BOARD, "--title", "Imported", "--new-plan"),
        *("--dated", "2022-11-03", "--db", str(demo_db)),
    )
    assert result.returncode == 0, result.stderr
    assert "15 items, 37 next steps" in result.stdout
    with Store.open(demo_db) as store:
        board = store.board_by_name(BOARD)
        demo, imported = sorted(store.plans(board.id), key=lambda p: p.id)
        assert imported.title == "Imported"
        assert imported.legend == demo.legend
        assert _plan_as_rows(store, imported.id) == _plan_as_rows(store, demo.id)


def test_importing_again_updates_by_ref_and_records_changes(tmp_path: Path, demo_db: Path) -> None:
    path = council_plan(tmp_path / "council.docx")
    first = run(str(path), "--board", BOARD, "--title", "Council plan", "--db", str(demo_db))
    assert first.returncode == 0, first.stderr
    with Store.open(demo_db) as store:
        plan = store.plan_titled("Council plan")
        before = store.counts()
        statuses = {i.ref: i.status for i in store.plan_items(plan.id)}
    again = run(str(path), "--board", BOARD, "--title", "Council plan", "--db", str(demo_db))
    assert again.returncode == 0, again.stderr
    assert "Updated 'Council plan'" in again.stdout
    assert "0 new items, 0 new next steps, 0 status changes" in again.stdout
    with Store.open(demo_db) as store:
        assert store.counts() == before
        assert {i.ref: i.status for i in store.plan_items(plan.id)} == statuses


def test_a_changed_status_on_reimport_is_history_not_an_overwrite(
    tmp_path: Path, demo_db: Path
) -> None:
    header = ("#", "Recommendation", "Lead", "Next steps", "Time frame", "Status")
    path = tmp_path / "plan.docx"
    write_table(
        path, header, [("1", "Publish the report", "Zoë", "Draft it", "End of May 24", "On track")]
    )
    assert run(str(path), "--board", BOARD, "--title", "P", "--db", str(demo_db)).returncode == 0
    write_table(
        path, header, [("1", "Publish the report", "Zoë", "Draft it", "End of May 24", "Done")]
    )
    result = run(str(path), "--board", BOARD, "--title", "P", "--db", str(demo_db))
    assert result.returncode == 0, result.stderr
    assert "2 status changes" in result.stdout  # the step, and the item it decides
    with Store.open(demo_db) as store:
        [item] = store.plan_items(store.plan_titled("P").id)
        [step] = store.next_steps(item.id)
        assert step.status is Status.COMPLETE
        history = store.status_history(action_id=step.id)
        assert [(u.old_status, u.new_status, u.body) for u in history] == [
            (Status.NEXT_STEP, Status.ON_TRACK, "On track"),
            (Status.ON_TRACK, Status.COMPLETE, "Done"),
        ]


def test_an_unreadable_row_stops_the_import_unless_asked(tmp_path: Path, demo_db: Path) -> None:
    path = write_table(
        tmp_path / "plan.docx", ("#", "Recommendation"), [("", "A stray note"), ("1", "First")]
    )
    before = _digest(demo_db)
    refused = run(str(path), "--board", BOARD, "--db", str(demo_db))
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        f"Error: {path.name}: row 2: no item number and no item above it;"
        " nothing imported (--skip-bad-rows imports the rest)"
    )
    assert _digest(demo_db) == before
    taken = run(str(path), "--board", BOARD, "--skip-bad-rows", "--db", str(demo_db))
    assert taken.returncode == 0, taken.stderr
    assert "skipped: row 2: no item number and no item above it" in taken.stdout


@pytest.mark.parametrize("content", [b"just some text\n", b"PK\x03\x04 broken zip"])
def test_bad_files_change_nothing(tmp_path: Path, demo_db: Path, content: bytes) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(content)
    before = _digest(demo_db)
    result = run(str(path), "--board", BOARD, "--db", str(demo_db))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert path.name in result.stderr
    assert _digest(demo_db) == before


def test_a_new_board_on_an_empty_database_is_made_for_the_plan(tmp_path: Path) -> None:
    path = council_plan(tmp_path / "council.docx")
    db = tmp_path / "new.sqlite3"
    result = run(str(path), "--board", "A New Board", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "New board: A New Board"
    with Store.open(db) as store:
        (board,) = store.boards()
        (plan,) = store.plans(board.id)
        assert (board.name, plan.title) == (
            "A New Board",
            "Resident Engagement Improvement Plan 2024/25",
        )
        assert store.count_plan_items(plan.id) == 4


def test_a_refused_plan_makes_no_board(tmp_path: Path) -> None:
    path = tmp_path / "essay.docx"
    import docx

    document = docx.Document()
    document.add_paragraph("Action Plan")
    document.add_paragraph("An essay about what we should all do, in prose.")
    document.save(str(path))
    db = tmp_path / "new.sqlite3"
    result = run(str(path), "--board", "A New Board", "--db", str(db))
    assert result.returncode == 1 and "no action plan found" in result.stderr
    with Store.open(db) as store:
        assert store.boards() == []


def test_an_action_plan_import_keeps_the_time_frame_words(tmp_path: Path, demo_db: Path) -> None:
    path = council_plan(tmp_path / "council.docx")
    assert (
        run(str(path), "--board", BOARD, "--dated", "2024-01-10", "--db", str(demo_db)).returncode
        == 0
    )
    with Store.open(demo_db) as store:
        plan = next(p for p in store.plans() if p.dated == dt.date(2024, 1, 10))
        frames = [s.time_frame for i in store.plan_items(plan.id) for s in store.next_steps(i.id)]
    assert "31/03/2024" in frames
