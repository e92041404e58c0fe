"""What the clerk sees, at the sizes clerks use: a laptop terminal and the 80×24 minimum.

Update with `pytest --snapshot-update` only after looking at the report.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from board_tui.domain.model import NoteKind
from board_tui.screens.agenda import AgendaScreen
from board_tui.screens.plan import PlanScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

pytestmark = pytest.mark.canary


@pytest.fixture
def demo_app(store: Store) -> BoardApp:
    result = build_demo(store)
    return BoardApp(store, open_meeting_id=result.next_meeting_id)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_demo_meeting(snap_compare, demo_app: BoardApp, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app, terminal_size=size, press=["n", "n", "n"])


@pytest.fixture
def live_app(store: Store, clock) -> BoardApp:
    """The December meeting 20 minutes into item 4, with a comment, a decision and an action."""
    meeting_id = build_demo(store).next_meeting_id
    clock.now = dt.datetime(2023, 12, 11, 14, 2)
    store.start_meeting(meeting_id)
    items = store.agenda(meeting_id)
    for item in items[1:4]:
        clock.advance(minutes=6)
        store.move_to_item(meeting_id, item.id)
    strategy = items[3]
    clock.advance(minutes=8)
    store.add_note(strategy.id, NoteKind.COMMENT, "Residents want to hear what changed.")
    clock.advance(minutes=4)
    store.add_note(
        strategy.id,
        NoteKind.DECISION,
        "It was agreed that the strategy would go to Cabinet in February.",
    )
    store.add_action(
        "Publish a 'You said, we did' page",
        agenda_item_id=strategy.id,
        owner="Afazul Hoque",
        time_frame="Feb Board 24",
    )
    clock.advance(minutes=50)  # past the 60 planned minutes: the timer shows the overrun
    return BoardApp(store, open_meeting_id=meeting_id)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_live_meeting(snap_compare, live_app: BoardApp, size: tuple[int, int]) -> None:
    assert snap_compare(live_app, terminal_size=size)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_action_dialog(snap_compare, live_app: BoardApp, size: tuple[int, int]) -> None:
    assert snap_compare(live_app, terminal_size=size, press=["a"])


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_roll_call(snap_compare, live_app: BoardApp, size: tuple[int, int]) -> None:
    assert snap_compare(live_app, terminal_size=size, press=["r", "i", "m", "a"])


LONG_NOTE = " ".join(
    f"Sentence {n} of a long pasted note from the partnership board about data sharing,"
    " funded posts and reporting to residents."
    for n in range(1, 16)
)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_a_long_note_wraps_in_full(
    snap_compare, live_app: BoardApp, store: Store, size: tuple[int, int]
) -> None:
    item = store.agenda(store.meetings()[-1].id)[3]
    store.add_note(item.id, NoteKind.COMMENT, LONG_NOTE)
    assert snap_compare(live_app, terminal_size=size, press=["end"])


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_a_closed_meeting_offers_reopen(
    snap_compare, live_app: BoardApp, store: Store, size: tuple[int, int]
) -> None:
    store.end_meeting(store.meetings()[-1].id)
    assert snap_compare(live_app, terminal_size=size)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_the_status_update_dialog(snap_compare, live_app: BoardApp, size: tuple[int, int]) -> None:
    assert snap_compare(live_app, terminal_size=size, press=["tab", "u"])


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_home(snap_compare, demo_app: BoardApp, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app, terminal_size=size, press=["escape"])


def test_past_meeting_minutes(snap_compare, demo_app: BoardApp) -> None:
    assert snap_compare(
        demo_app, terminal_size=(120, 40), press=["escape", "down", "enter", "down"]
    )


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_action_plan(snap_compare, store: Store, size: tuple[int, int]) -> None:
    """The ELG plan filtered to overdue items of one lead, as a chair would show it."""
    build_demo(store)
    plan_id = store.plans()[0].id

    async def open_plan(pilot) -> None:
        pilot.app.push_screen(PlanScreen(store, plan_id, today=dt.date(2023, 1, 1)))
        await pilot.pause()
        await pilot.press("down", "down", "down", "down", "down", "l", "o")

    assert snap_compare(BoardApp(store), terminal_size=size, run_before=open_plan)


def test_help(snap_compare, demo_app: BoardApp) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["question_mark"])


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_agenda_editor(snap_compare, store: Store, size: tuple[int, int]) -> None:
    """The December agenda with item 5 made a sub-item of 4 and lengthened by ten minutes."""
    meeting_id = build_demo(store).next_meeting_id
    app = BoardApp(store)

    async def open_editor(pilot) -> None:
        app.push_screen(AgendaScreen(store, meeting_id))
        await pilot.pause()

    assert snap_compare(
        app,
        terminal_size=size,
        press=["down", "down", "down", "down", "tab", "+", "+"],
        run_before=open_editor,
    )


def test_minutes_preview(snap_compare, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """x on the October meeting: the minutes as text, and where they will be written."""
    from board_tui.screens import export_dialog

    monkeypatch.setattr(export_dialog, "default_folder", lambda: Path("Documents"))
    build_demo(store)
    board = store.board_by_name("Transformation Advisory Board")
    october = store.meeting_on(board.id, dt.date(2023, 10, 17)).id
    app = BoardApp(store)

    async def open_preview(pilot) -> None:
        export_dialog.open_minutes_export(app, store, october)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=open_preview)
