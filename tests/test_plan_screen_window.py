"""A plan of thousands of items on the plan screen: every item reachable, a window held.

The table reads only the rows around what is on screen (screens/widgets/window_table.py),
so these check what a clerk sees at the far end of a long plan and that the widget never
holds more than its window, whatever the plan's size.
"""

from __future__ import annotations

import datetime as dt

import pytest
from pilot_keys import type_text
from textual.widgets import OptionList

from board_tui.domain.model import Status
from board_tui.screens.plan import PlanScreen, PlanTable
from board_tui.screens.shell.app import BoardApp
from board_tui.screens.widgets.window_table import WINDOW_ROWS
from board_tui.storage.plans import PlanQuery
from board_tui.storage.store import Store

TODAY = dt.date(2023, 1, 1)
ITEMS = 3000


@pytest.fixture
def long_plan(store: Store) -> int:
    """3,000 items; every hundredth on track and led by the Housing Lead, with a step."""
    board = store.create_board("Long Plan Board")
    plan = store.create_plan(board.id, "Twenty years of actions", dated=TODAY)
    with store.transaction():
        for n in range(1, ITEMS + 1):
            lead = "Housing Lead" if n % 100 == 0 else f"Lead {n % 7}"
            item = store.add_plan_item(plan.id, str(n), f"Recommendation number {n}", lead=lead)
            if n % 100 == 0:
                store.record_status_update(Status.ON_TRACK, "Started.", plan_item_id=item.id)
        store.add_action("Write the last report", plan_item_id=item.id, time_frame="Mid Jan")
    return plan.id


def _steps(screen: PlanScreen) -> str:
    steps = screen.query_one("#plan-steps", OptionList)
    return "\n".join(str(steps.get_option_at_index(i).prompt) for i in range(steps.option_count))


def _filters(screen: PlanScreen) -> str:
    return str(screen.query_one("#plan-filters").render())


async def _open(app: BoardApp, store: Store, plan_id: int, pilot) -> tuple[PlanScreen, PlanTable]:
    screen = PlanScreen(store, plan_id, today=TODAY)
    app.push_screen(screen)
    await pilot.pause()
    return screen, screen.query_one("#plan-items", PlanTable)


async def test_end_and_page_down_reach_the_last_item_and_its_steps(
    store: Store, long_plan: int
) -> None:
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await _open(app, store, long_plan, pilot)
        assert "Showing 3000 of 3000" in _filters(screen)
        assert table.row_count == ITEMS and table.held <= WINDOW_ROWS
        await pilot.press("end")
        await pilot.pause()
        current = screen.current
        assert current is not None and current.item.ref == "3000"
        assert "Write the last report" in _steps(screen)  # the detail pane follows
        on_screen = table.cursor_row - round(table.scroll_y) + 1  # below the header
        assert on_screen == table.scrollable_content_region.height - 1  # the last line
        drawn = table.render_line(on_screen).text.split()
        assert drawn[:4] == ["3000", "Recommendation", "number", "3000"]

        await pilot.press("home", "pagedown")
        await pilot.pause()
        page = table.cursor_row
        assert 10 < page < 40  # a screenful
        await pilot.press("end", "pageup", "pageup", "up")
        await pilot.pause()
        assert table.cursor_row == ITEMS - 2 - 2 * page
        await pilot.press("pagedown", "pagedown", "pagedown")  # past the end: stops at it
        await pilot.pause()
        current = screen.current
        assert current is not None and current.item.ref == "3000"
        assert table.held <= WINDOW_ROWS


async def test_filters_narrow_the_count_and_keep_the_chosen_item(
    store: Store, long_plan: int
) -> None:
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await _open(app, store, long_plan, pilot)
        table.move_cursor(99)  # item 100: on track, the Housing Lead's
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert table.row_count == 30
        assert "Showing 30 of 3000 · lead: Housing Lead" in _filters(screen)
        current = screen.current
        assert current is not None and current.item.ref == "100"  # still chosen
        await pilot.press("l", "slash")
        await type_text(pilot, "number 299")
        await pilot.pause()
        assert table.row_count == 13  # 299, 1299, 2299 and 2990 to 2999
        await pilot.press("enter", "end")
        await pilot.pause()
        current = screen.current
        assert current is not None and current.item.ref == "2999"
        await pilot.press("x", "t")  # every item again, by due date: the one with a step first
        await pilot.pause()
        assert table.row_count == ITEMS
        first = table.row(0)
        assert first is not None and first.item.ref == "3000"
        current = screen.current
        assert current is not None and current.item.ref == "2999"  # kept through it all


async def test_the_table_never_holds_more_than_a_window(store: Store, long_plan: int) -> None:
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        _, table = await _open(app, store, long_plan, pilot)
        for keys in (["pagedown"] * 10, ["end"], ["home"], ["t"], ["end", "pageup"], ["x"]):
            await pilot.press(*keys)
            await pilot.pause()
            assert 0 < table.held <= WINDOW_ROWS


def test_the_store_answers_the_order_and_the_rows_asked_for(store: Store, long_plan: int) -> None:
    on_track = PlanQuery(status=Status.ON_TRACK, sort="lead")
    order = store.plan_order(long_plan, on_track)
    assert len(order) == 30
    assert [s.item.ref for s in store.plan_rows(order[28:])] == ["2900", "3000"]
    everything = store.plan_order(long_plan, PlanQuery())
    assert [s.item.ref for s in store.plan_rows(everything[2499:2501])] == ["2500", "2501"]
    by_due = store.plan_rows(store.plan_order(long_plan, PlanQuery(sort="due"))[:3])
    assert [(s.item.ref, s.open_steps, s.next_time_frame) for s in by_due] == [
        ("3000", 1, "Mid Jan"),  # the one item with a step due; then the rest by ref
        ("1", 0, None),
        ("2", 0, None),
    ]
    assert len(store.plan_order(long_plan, PlanQuery(text="no such words"))) == 0


def test_a_longer_word_tests_only_what_the_shorter_matched(store: Store, long_plan: int) -> None:
    """Typing on narrows the last order, and keeps it: the same as asking afresh."""
    by_lead = PlanQuery(sort="lead", text="number 29")
    shorter = store.plan_order(long_plan, by_lead)
    for text in ("number 299", "number 2990", "number 29 Lead 6", "number 29 nothing"):
        longer = PlanQuery(sort="lead", text=text)
        assert store.plan_order(long_plan, longer, within=shorter) == store.plan_order(
            long_plan, longer
        )


async def test_a_click_chooses_a_row_and_a_second_click_opens_its_steps(
    store: Store, long_plan: int
) -> None:
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await _open(app, store, long_plan, pilot)
        # The table's border, its header, then the rows: the fourth row is five lines down.
        await pilot.click("#plan-items", offset=(10, 5))
        await pilot.pause()
        current = screen.current
        assert current is not None and current.item.ref == "4"
        assert "Recommendation number 4" in _steps(screen)
        assert table.has_focus
        await pilot.click("#plan-items", offset=(10, 5))
        await pilot.pause()
        assert screen.query_one("#plan-steps", OptionList).has_focus


async def test_a_narrower_window_gets_the_columns_that_fit(store: Store, long_plan: int) -> None:
    """A chair shrinking the shared window: every column, the status last, stays in view."""
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        _screen, table = await _open(app, store, long_plan, pilot)
        assert "On track" not in table.render_line(0).text  # the header row
        wide = table.render_line(1).text.rstrip()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        narrow = table.render_line(1).text.rstrip()
        assert len(narrow) < len(wide)
        assert narrow.endswith("Next step"), narrow  # the status is not cut off
        assert len(narrow) <= 80
