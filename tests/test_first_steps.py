"""A new clerk's first five minutes: the demo, the command line after it, the first import
of next month's plan, and the words they meet when something is refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner
from pilot_keys import type_text
from plan_docs import write_table

from board_tui.cli.main import cli
from board_tui.screens.dialogs.questions import SamePlanDialog
from board_tui.screens.shell.app import BoardApp
from board_tui.services.demo import build_demo
from board_tui.storage.backups import list_backups
from board_tui.storage.store import Store

HEADER = ("#", "Recommendation", "Lead", "Next steps", "Time frame", "Status")
ROWS = [
    ("1", "Set up a residents' panel for the board", "Ann Lee", "Recruit ten residents", "Jan"),
    ("2", "Publish a you said, we did report each quarter", "Bob Rao", "Draft the first", "Feb"),
    ("3", "Train officers in plain English writing", "Cy Dunn", "Book the trainer", "Mar"),
]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new laptop: no database yet in the user data folder, no BOARD_TUI_DB."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("BOARD_TUI_DB", raising=False)
    return tmp_path / "data" / "board-tui"


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_after_the_demo_the_command_line_says_where_it_is_and_makes_nothing(home: Path) -> None:
    assert invoke("demo", "--build-only")[0] == 0
    assert (home / "demo.sqlite3").exists()
    for command in (["list", "boards"], ["search", "engagement"], ["live"]):
        code, output = invoke(*command)
        assert code == 1, command
        assert "no database yet" in output and "add --demo" in output, output
        assert str(home / "demo.sqlite3") in output
    assert not (home / "board.sqlite3").exists()  # nothing made empty on the way
    code, output = invoke("list", "boards", "--demo")
    assert code == 0 and "Transformation Advisory Board" in output
    code, output = invoke("--demo", "search", "engagement")
    assert code == 0 and "Engagement" in output


def test_an_empty_database_of_ones_own_points_to_the_demo(home: Path) -> None:
    invoke("demo", "--build-only")
    assert invoke("board", "add", "Scrutiny")[0] == 0  # makes the clerk's own database
    assert invoke("board", "rename", "Scrutiny", "Overview")[0] == 0
    home.joinpath("board.sqlite3").unlink()
    Store.open(home / "board.sqlite3").close()
    code, output = invoke("list", "boards")
    assert code == 0
    assert output.splitlines() == [
        "No boards.",
        f"(This is your own database; the demo's is {home / 'demo.sqlite3'}"
        " (add --demo to use it).)",
    ]


def test_before_any_demo_the_command_line_says_how_to_start(home: Path) -> None:
    code, output = invoke("list", "meetings")
    assert code == 1
    assert "`board-tui` opens the app and makes it, `board-tui demo` builds the demo" in output
    assert not (home / "board.sqlite3").exists()


def test_the_demo_resets_for_the_next_training_session(home: Path) -> None:
    invoke("demo", "--build-only")
    invoke("board", "add", "Practice board", "--demo")
    assert "Practice board" in invoke("list", "boards", "--demo")[1]
    code, output = invoke("demo", "--reset", "--build-only")
    assert code == 0, output
    assert "Demo reset" in output and "Demo built" in output
    boards = invoke("list", "boards", "--demo")[1]
    assert "Practice board" not in boards and "Transformation Advisory Board" in boards


def test_the_demo_resets_after_an_upgrade_left_its_schema_behind(home: Path) -> None:
    invoke("demo", "--build-only")
    demo = home / "demo.sqlite3"
    assert demo.exists()
    with sqlite3.connect(demo) as conn:  # as a demo built by the version before this one
        last = "(SELECT max(rowid) FROM _sqlite_migrations)"
        conn.execute(f"DELETE FROM _sqlite_migrations WHERE rowid = {last}")
    conn.close()
    code, output = invoke("demo", "--reset", "--build-only")
    assert code == 0, output
    assert "Demo reset" in output and "Demo built" in output


def test_reset_refuses_a_database_that_is_not_the_demos(tmp_path: Path) -> None:
    real = tmp_path / "real.sqlite3"
    with Store.open(real) as store:
        store.create_board("Health and Wellbeing Board")
    code, output = invoke("demo", "--reset", "--build-only", "--db", str(real))
    assert code == 1
    assert "is not the demo's database: it is left as it was" in output
    with Store.open(real) as store:
        assert [b.name for b in store.boards()] == ["Health and Wellbeing Board"]


def test_live_on_an_empty_database_says_what_to_do(db_path: Path) -> None:
    Store.open(db_path).close()
    code, output = invoke("live", "--db", str(db_path))
    assert code == 1
    assert "no meetings yet" in output and "every meeting has been held" not in output
    assert "board-tui import agenda FILE --board NAME" in output


def test_no_such_meeting_repeats_the_id(demo_store: Store, db_path: Path) -> None:
    for command in (
        ["live", "--meeting", "999"],
        ["roundup", "999"],
        ["chair", "--meeting", "999"],
    ):
        code, output = invoke(*command, "--db", str(db_path))
        assert code == 1, command
        assert "no such meeting: 999" in output, output


def test_help_is_whole(tmp_path: Path) -> None:
    listing = invoke("--help")[1]
    history = next(line for line in listing.splitlines() if line.strip().startswith("history"))
    assert (
        history.split(None, 1)[1] == "The whole life of a plan item (9) or of one next step (9.2)."
    )
    roundup = invoke("roundup", "--help")[1]
    template = roundup[roundup.index("--template") :].split("--db")[0]
    assert "styles" in template and "logo" in template
    assert "--reset" in invoke("demo", "--help")[1]


def _plan(path: Path, title: str, rows: Sequence[tuple[str, ...]] = ROWS) -> Path:
    return write_table(path, HEADER, [(*r, "Next step") for r in rows], title=title)


def test_next_months_plan_is_matched_by_content_and_asked_about(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    october = _plan(tmp_path / "october.docx", "Residents' action plan – October update")
    assert (
        invoke("import", "actions", str(october), "--board", "Forum", "--db", str(db_path))[0] == 0
    )
    backups = len(list_backups(db_path))
    changed = [
        ROWS[0],
        ROWS[1],
        ("3", "Train officers in plain English", "Cy Dunn", "Hold it", "Apr"),
    ]
    november = _plan(
        tmp_path / "november.docx", "Residents' action plan – 3 November update", changed
    )
    args = ["import", "actions", str(november), "--board", "Forum", "--db", str(db_path)]
    code, output = invoke(*args)
    assert code == 1
    assert "looks like an update of 'Residents' action plan – October update' (plan 1)" in output
    assert "3 of its 3 items match" in output and "--into 1" in output and "--new-plan" in output
    assert len(list_backups(db_path)) == backups  # refused: no backup taken
    code, output = invoke(*args, "--into", "1")
    assert code == 0, output
    assert "Updated 'Residents' action plan – October update'" in output
    (plan,) = store.plans(store.board_by_name("Forum").id)
    assert [s.description for s in store.next_steps(store.plan_items(plan.id)[2].id)] == [
        "Book the trainer",
        "Hold it",
    ]
    code, output = invoke(*args, "--new-plan")
    assert code == 0 and "Imported 'Residents' action plan – 3 November update'" in output
    assert len(store.plans(store.board_by_name("Forum").id)) == 2


def test_a_different_plan_of_the_same_board_is_not_asked_about(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    first = _plan(tmp_path / "a.docx", "Residents' action plan")
    invoke("import", "actions", str(first), "--board", "Forum", "--db", str(db_path))
    other = [("1", "Renew the digital strategy", "Di Moss", "Consult", "May")]
    second = _plan(tmp_path / "b.docx", "Digital action plan", other)
    code, output = invoke(
        "import", "actions", str(second), "--board", "Forum", "--db", str(db_path)
    )
    assert code == 0 and "Imported 'Digital action plan'" in output


def test_a_refused_agenda_import_takes_no_backup(
    demo_store: Store, db_path: Path, tmp_path: Path
) -> None:
    outline = tmp_path / "december.md"
    outline.write_text(
        "# Transformation Advisory Board\nDate: 2023-12-11\nTime: 2pm\n\n1. Welcome | 5m\n",
        encoding="utf-8",
    )
    before = len(list_backups(db_path))
    code, output = invoke(
        "import", "agenda", str(outline), "--board", "Transformation Advisory Board",
        "--db", str(db_path),
    )  # fmt: skip
    assert code == 1 and "already has an agenda" in output
    assert len(list_backups(db_path)) == before


async def test_the_app_asks_whether_next_months_plan_updates_the_boards_plan(
    store: Store, tmp_path: Path
) -> None:
    build_demo(store)
    october = _plan(tmp_path / "october.docx", "Residents' action plan – October update")
    CliRunner().invoke(
        cli, ["import", "actions", str(october), "--board", "Forum", "--db", str(store.path)]
    )
    november = _plan(tmp_path / "november.docx", "Residents' action plan – November update")
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("I")
        await pilot.pause()
        await type_text(pilot, str(november))
        await pilot.press("tab", "tab", "tab")
        await pilot.press(*["backspace"] * 40)
        await type_text(pilot, "Forum")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SamePlanDialog)
        assert "looks like an update of 'Residents' action plan – October update'" in str(
            app.screen.question
        )
        await pilot.press("u")
        await pilot.pause()
    (plan,) = store.plans(store.board_by_name("Forum").id)
    assert plan.title == "Residents' action plan – October update"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_first_screen_says_how_to_get_help_and_quit(
    demo_store: Store, size: tuple[int, int]
) -> None:
    from textual.widgets._footer import FooterKey

    app = BoardApp(demo_store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        shown = {
            key.description: key.region
            for key in app.screen.query(FooterKey)
            if key.region.right <= size[0] and key.region.width
        }
        assert {"Help", "Quit", "New meeting", "Import agenda", "Search"} <= set(shown)
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
