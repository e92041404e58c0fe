"""The chair's view: what a public share hides, the chair's filters, following, themes."""

from __future__ import annotations

import datetime as dt
import io
import time
from pathlib import Path
from typing import Any

import pytest
from chair_meeting import AGREED_ON_ITEM_4, EXEMPT_DECISION, live_demo
from rich.console import Console
from textual.color import Color
from textual.screen import Screen
from textual.widgets import Static

from board_tui.domain.drafts import DraftKind, DraftTarget
from board_tui.domain.model import MeetingStatus, NoteKind, Status
from board_tui.screens.chair import ChairScreen
from board_tui.screens.chair_table import review_columns
from board_tui.screens.dialogs.questions import ConfirmDialog
from board_tui.screens.shell.app import BoardApp
from board_tui.screens.shell.chair_app import ChairApp
from board_tui.screens.shell.themes import HIGH_CONTRAST, load_chair_theme
from board_tui.services.chair_view import (
    EXEMPT_TITLE,
    ChairFilter,
    Scope,
    follow_meeting,
    read_chair,
)
from board_tui.services.demo import build_demo
from board_tui.storage.errors import DatabaseOpenError, StoreRefusedError
from board_tui.storage.store import Store

DRAFT_WORDS = "Words typed but not yet saved"


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The chair's window remembers its theme here, never in the tester's own config."""
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


def shown(screen: Screen[Any]) -> str:
    """All the words the chair's view has put on its widgets, as plain text."""
    out = io.StringIO()
    console = Console(width=400, color_system=None, file=out)
    for static in screen.query(Static):
        console.print(static.content)
    return out.getvalue()


# -- what the view reads ------------------------------------------------------------------


def test_public_share_hides_exempt_items_their_decisions_and_actions(store: Store, clock) -> None:
    meeting_id = live_demo(store, clock)
    exempt = store.agenda(meeting_id)[4]
    store.add_action("Negotiate the final terms", agenda_item_id=exempt.id, owner="Legal")
    meeting = store.meeting(meeting_id)

    public = read_chair(store, meeting, ChairFilter())
    assert [i.title for i in public.items if i.id == exempt.id] == [EXEMPT_TITLE]
    assert EXEMPT_DECISION not in [d.note.body for d in public.decisions]
    assert public.next_item is not None and public.next_item.title == EXEMPT_TITLE

    private = read_chair(store, meeting, ChairFilter(public=False))
    assert EXEMPT_DECISION in [d.note.body for d in private.decisions]

    store.move_to_item(meeting_id, exempt.id)
    on_exempt = read_chair(store, store.meeting(meeting_id), ChairFilter())
    assert on_exempt.current is not None and on_exempt.current.title == EXEMPT_TITLE
    assert on_exempt.current.presenter is None and on_exempt.rows == ()
    private = read_chair(store, store.meeting(meeting_id), ChairFilter(public=False))
    first = private.rows[0].action  # set in this meeting: on top
    assert first is not None and first.description == "Negotiate the final terms"


def test_drafts_never_show(store: Store, clock) -> None:
    meeting_id = live_demo(store, clock)
    item = store.agenda(meeting_id)[3]
    target = DraftTarget(DraftKind.DECISION, agenda_item_id=item.id)
    store.save_draft(
        store.new_draft_key(target, meeting_id), target, {"body": DRAFT_WORDS}, meeting_id
    )
    for public in (True, False):
        state = read_chair(store, store.meeting(meeting_id), ChairFilter(public=public))
        assert DRAFT_WORDS not in [d.note.body for d in state.decisions]


def test_this_items_plan_items_or_the_whole_plan_with_filters(store: Store, clock) -> None:
    meeting_id = live_demo(store, clock)
    meeting = store.meeting(meeting_id)
    item = read_chair(store, meeting, ChairFilter())
    refs = [r.plan_item.ref for r in item.rows if r.plan_item and r.action is None]
    assert refs == ["12", "4"]  # 12 has steps past their date: it comes first
    assert item.rows[0].action is not None
    assert item.rows[0].action.description == "Share the consultation plan with the Board"

    plan = read_chair(store, meeting, ChairFilter(scope=Scope.PLAN))
    assert plan.plan is not None and len([r for r in plan.rows if r.plan_item]) == 15
    assert "Engagement Manager" in plan.leads

    lead = read_chair(store, meeting, ChairFilter(scope=Scope.PLAN, lead="Engagement Manager"))
    assert {r.plan_item.lead for r in lead.rows if r.plan_item} == {"Engagement Manager"}
    assert 0 < len(lead.rows) < 15

    status = plan.statuses[0]
    only = read_chair(store, meeting, ChairFilter(scope=Scope.PLAN, status=status))
    assert {r.status for r in only.rows} == {status}

    overdue = read_chair(store, meeting, ChairFilter(scope=Scope.PLAN, overdue=True))
    assert overdue.rows and all(r.is_overdue(overdue.today) for r in overdue.rows)
    assert len(overdue.rows) < 15


def test_follows_the_live_meeting_else_the_next(store: Store, clock) -> None:
    meeting_id = build_demo(store).next_meeting_id
    waiting = follow_meeting(store, None, None)
    assert waiting is not None and waiting.id == meeting_id
    assert read_chair(store, waiting, ChairFilter()).waiting
    store.start_meeting(meeting_id)
    live = follow_meeting(store, None, meeting_id)
    assert live is not None and live.status is MeetingStatus.LIVE
    store.end_meeting(meeting_id)
    ended = follow_meeting(store, None, meeting_id)
    assert ended is not None and ended.id == meeting_id  # stays on it once it has ended
    earlier = store.meetings()[0].id
    pinned = follow_meeting(store, earlier, None)
    assert pinned is not None and pinned.id == earlier


# -- the read-only store ------------------------------------------------------------------


def test_a_read_only_store_never_writes(db_path: Path, store: Store) -> None:
    build_demo(store)
    store.close()
    before = db_path.read_bytes()
    with Store.open(db_path, read_only=True) as watcher:
        assert watcher.boards()
        with pytest.raises(StoreRefusedError, match="read-only"):
            watcher.set_setting("theme", HIGH_CONTRAST.name)
    assert db_path.read_bytes() == before


def test_a_read_only_store_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="no such database file"):
        Store.open(tmp_path / "missing.sqlite3", read_only=True)
    assert not (tmp_path / "missing.sqlite3").exists()


def test_data_version_moves_when_another_connection_saves(db_path: Path, store: Store) -> None:
    meeting_id = build_demo(store).next_meeting_id
    with Store.open(db_path, read_only=True) as watcher:
        first = watcher.data_version()
        assert watcher.data_version() == first
        store.start_meeting(meeting_id)
        assert watcher.data_version() != first
    own = store.data_version()
    store.add_note(store.agenda(meeting_id)[0].id, NoteKind.COMMENT, "Said in the room.")
    assert store.data_version() != own


# -- the screen -----------------------------------------------------------------------------


async def test_v_opens_the_chair_view_and_comes_back(store: Store, clock) -> None:
    meeting_id = live_demo(store, clock)
    app = BoardApp(store, open_meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v")
        assert isinstance(app.screen, ChairScreen)
        text = shown(app.screen)
        assert "Community Engagement Strategy" in text
        assert AGREED_ON_ITEM_4 in text
        assert "10 over" in text
        await pilot.press("v")
        assert not isinstance(app.screen, ChairScreen)


async def test_p_switches_the_public_share(store: Store, clock) -> None:
    meeting_id = live_demo(store, clock)
    app = ChairApp(store)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChairScreen)
        assert screen.filter.public
        assert EXEMPT_DECISION not in shown(screen)
        assert "PUBLIC SHARE" in shown(screen)
        await pilot.press("p", "y")
        assert EXEMPT_DECISION in shown(screen)
        assert "NOT PUBLIC" in shown(screen)
        await pilot.press("p")
        assert EXEMPT_DECISION not in shown(screen)
    assert store.meeting(meeting_id).status is MeetingStatus.LIVE


async def test_the_chairs_keys_filter_the_actions(store: Store, clock) -> None:
    live_demo(store, clock)
    app = ChairApp(store)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChairScreen)
        await pilot.press("a")
        assert screen.filter.scope is Scope.PLAN
        assert len([r for r in screen.state.rows if r.plan_item]) == 15
        await pilot.press("l")
        first_lead = screen.state.leads[0]
        assert screen.filter.lead == first_lead
        assert {r.plan_item.lead for r in screen.state.rows if r.plan_item} == {first_lead}
        await pilot.press("l")
        assert screen.filter.lead == screen.state.leads[1]
        await pilot.press("a", "s")
        assert screen.filter.scope is Scope.ITEM and screen.filter.status is Status.NEXT_STEP
        await pilot.press("o")
        assert screen.filter.overdue
        assert all(r.is_overdue(screen.state.today) for r in screen.state.rows if r.action)


async def test_the_view_follows_a_save_by_another_connection(
    db_path: Path, store: Store, clock
) -> None:
    meeting_id = build_demo(store).next_meeting_id
    with Store.open(db_path, read_only=True, clock=clock) as watcher:
        app = ChairApp(watcher)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert "Waiting for the meeting to start" in shown(app.screen)
            store.start_meeting(meeting_id)
            item = store.agenda(meeting_id)[0]
            store.add_note(item.id, NoteKind.DECISION, "Apologies were noted.")
            deadline = time.monotonic() + 1.0
            while "Apologies were noted." not in shown(app.screen):
                assert time.monotonic() < deadline, "the decision did not show within a second"
                await pilot.pause(0.05)
            assert "Welcome and Apologies" in shown(app.screen)


async def test_the_theme_is_remembered_by_the_clerks_app(store: Store, clock) -> None:
    meeting_id = live_demo(store, clock)
    app = BoardApp(store, open_meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v", "t")
        assert app.theme == HIGH_CONTRAST.name
        await pilot.pause()
    assert store.setting("theme") == HIGH_CONTRAST.name
    again = BoardApp(store, open_meeting_id=meeting_id)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.theme == HIGH_CONTRAST.name


async def test_the_chairs_window_remembers_its_theme_in_a_file(
    db_path: Path, store: Store, clock, config_home: Path
) -> None:
    build_demo(store)
    with Store.open(db_path, read_only=True, clock=clock) as watcher:
        app = ChairApp(watcher)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("t")
            await pilot.pause()
        assert load_chair_theme() == HIGH_CONTRAST.name
        assert (config_home / "board-tui" / "chair.json").exists()
        assert watcher.setting("theme") is None
        again = ChairApp(watcher)
        async with again.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert again.theme == HIGH_CONTRAST.name


def test_the_clock_is_the_stores(store: Store, clock) -> None:
    """Times on the view come from the store's clock, so a test (and a snapshot) is exact."""
    meeting_id = live_demo(store, clock)
    state = read_chair(store, store.meeting(meeting_id), ChairFilter())
    assert state.today == dt.date(2023, 12, 11)


# -- what needs the chair's eye, at a glance -------------------------------------------------

OVERDUE_STEPS = (
    "Mapping of current engagement work",
    "Agree format of workshop",
    "Promote and hold Coproduction",
    "Report to THT Board",
)


def painted(app: ChairApp | BoardApp) -> list[str]:
    """The lines the terminal shows now: what fits without scrolling, and nothing else."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def test_attention_first_new_actions_on_top_and_what_was_said(store: Store, clock) -> None:
    meeting_id = live_demo(store, clock)
    state = read_chair(store, store.meeting(meeting_id), ChairFilter())
    first, head = state.rows[0], state.rows[1]
    assert first.new and first.action is not None and first.action.plan_item_id is None
    assert head.plan_item is not None and head.plan_item.ref == "12" and head.overdue_steps == 4
    steps = [r.action.description for r in state.rows[2:6] if r.action]
    assert [s.startswith(w) for s, w in zip(steps, OVERDUE_STEPS, strict=True)] == [True] * 4
    assert head.said is not None and head.said.body.startswith("Deadlines adjusted")
    item = store.agenda(meeting_id)[3]
    twelve = next(p for p in store.linked_plan_items(item.id) if p.ref == "12")
    store.record_status_update(
        Status.AT_RISK, "The task group has not met since the summer.", plan_item_id=twelve.id,
        meeting_id=meeting_id, agenda_item_id=item.id,
    )  # fmt: skip
    said = read_chair(store, store.meeting(meeting_id), ChairFilter()).rows[1].said
    assert said is not None and said.body == "The task group has not met since the summer."


def test_the_whole_plan_puts_overdue_and_at_risk_first(store: Store, clock) -> None:
    meeting_id = live_demo(store, clock)
    state = read_chair(store, store.meeting(meeting_id), ChairFilter(scope=Scope.PLAN))
    assert state.rows[0].new  # the action set in this meeting
    attention = [r.attention(state.today) for r in state.rows[1:]]
    assert attention == sorted(attention) and attention[0] == 0 and attention[-1] == 3


async def test_a_meeting_read_back_later_shows_what_was_overdue_when_it_sat(
    store: Store, clock
) -> None:
    """Years on (or in the demo), the view of a meeting judges lateness on its own day:
    the action it set stays NEW, and no step that fell due since is called overdue."""
    meeting_id = live_demo(store, clock)

    def overdue() -> list[str]:
        state = read_chair(store, store.meeting(meeting_id), ChairFilter())
        return [r.action.description for r in state.rows if r.action and r.is_overdue(state.today)]

    on_the_day = overdue()
    assert len(on_the_day) >= 4
    clock.now = dt.datetime(2026, 12, 3, 10, 0)
    assert overdue() == on_the_day
    app = ChairApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        (line,) = [line for line in painted(app) if "Share the consult" in line]
        assert "NEW" in line and "OVERDUE" not in line


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40), (160, 50)])
async def test_every_overdue_step_shows_without_scrolling(
    store: Store, clock, size: tuple[int, int]
) -> None:
    live_demo(store, clock)
    app = ChairApp(store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        lines = painted(app)
        assert "Share the consult" in "".join(lines)  # the new action, on top
        for words in OVERDUE_STEPS:
            (line,) = [line for line in lines if words in line]
            assert "OVERDUE" in line and "Next step" in line
        keys = lines[-1]
        assert "pgdn" in keys and "theme" in keys  # scrolling is in the key line, whole
        assert "Co-production Task and Finish Group" in "".join(lines)
        assert "(see SHAHID" not in "".join(lines)  # the long description is collapsed


async def test_the_columns_follow_the_width_not_the_resize_history(store: Store, clock) -> None:
    live_demo(store, clock)
    fresh: dict[int, list[str]] = {}
    for width in (80, 100, 120, 160):
        app = ChairApp(store)
        async with app.run_test(size=(width, 40)) as pilot:
            await pilot.pause()
            fresh[width] = painted(app)
            header = next(line for line in fresh[width] if "Action" in line and "Status" in line)
            assert ("Lead" in header) is (width in (100, 160)), width
    app = ChairApp(store)
    async with app.run_test(size=(80, 40)) as pilot:
        for width in (160, 100, 80, 120):
            await pilot.resize_terminal(width, 40)
            await pilot.pause()
            await pilot.pause()
            assert painted(app) == fresh[width], f"at {width} after resizing"
    assert [review_columns(w).wide for w in (80, 100, 120, 160)] == [False, True, False, True]


async def test_public_share_off_asks_and_shows_a_red_banner(store: Store, clock) -> None:
    live_demo(store, clock)
    app = ChairApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChairScreen)
        await pilot.press("p")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert screen.filter.public and not screen.query_one("#chair-banner").display
        await pilot.press("p", "y")
        await pilot.pause()
        banner = screen.query_one("#chair-banner", Static)
        assert not screen.filter.public and banner.display
        assert "NOT PUBLIC" in str(banner.content) and EXEMPT_DECISION in shown(screen)
        assert banner.styles.background == Color.parse(app.theme_variables["error"])
        await pilot.press("p")  # back on: no question
        assert screen.filter.public and not banner.display


async def test_the_end_has_one_full_stop_and_filters_read_whole(store: Store, clock) -> None:
    meeting_id = live_demo(store, clock)
    app = ChairApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChairScreen)
        await pilot.press("a", "o", "l")
        await pilot.pause()
        band = screen.query_one("#chair-filters", Static)
        assert band.display
        text = f"Only overdue · lead: {screen.filter.lead}"
        assert str(band.content) == text and text in "".join(painted(app))
        clock.now = dt.datetime(2023, 12, 11, 16, 19)
        store.end_meeting(meeting_id)
        screen.reload()
        assert "The meeting has ended at 4.19 p.m.\n" in shown(screen)
        assert "p.m.." not in shown(screen)


async def test_a_new_action_is_highlighted_briefly(
    store: Store, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import board_tui.screens.chair as chair

    monkeypatch.setattr(chair, "HIGHLIGHT_SECONDS", 0.5)
    meeting_id = live_demo(store, clock)
    item = store.agenda(meeting_id)[3]
    app = ChairApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChairScreen)
        assert not any(screen._highlighted(r.action) for r in screen.state.rows)  # already there
        action = store.add_action(
            "Tell residents how their views shaped the strategy", agenda_item_id=item.id
        )
        screen.reload()
        assert screen.state.rows[0].action == action
        assert screen._highlighted(action)
        await pilot.pause(0.7)
        assert not screen._highlighted(action)
