"""The action-plan screen driven by keys: filters a chair can use, and editing with history."""

from __future__ import annotations

import datetime as dt

from notices import Notices
from pilot_keys import type_text
from textual.widgets import DataTable, OptionList, Select

from board_tui.domain.model import ActionLabel, Status
from board_tui.screens.dialogs.capture import UpdateDialog
from board_tui.screens.dialogs.plan import NextStepDialog, PlanItemDialog
from board_tui.screens.plan import PlanScreen, PlanTable
from board_tui.screens.shell.app import BoardApp
from board_tui.storage.store import Store

TODAY = dt.date(2023, 1, 1)


async def _open_plan(store: Store, pilot, app: BoardApp) -> PlanScreen:
    plan = store.plans()[0]
    screen = PlanScreen(store, plan.id, today=TODAY)
    app.push_screen(screen)
    await pilot.pause()
    return screen


def _refs(screen: PlanScreen) -> list[str]:
    table = screen.query_one("#plan-items", PlanTable)
    rows = [table.row(r) for r in range(table.row_count)]
    return [row.item.ref for row in rows if row is not None]


async def test_overdue_and_this_lead_in_two_keystrokes(demo_store: Store) -> None:
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_plan(demo_store, pilot, app)
        assert len(_refs(screen)) == 15
        await pilot.press(*["down"] * 5)  # item 6, led by the Engagement Manager
        await pilot.press("l", "o")
        await pilot.pause()
        assert _refs(screen) == ["12", "13"]  # item 6 is due 31 March 2023, not yet overdue
        assert "overdue · lead: Engagement Manager" in str(
            screen.query_one("#plan-filters").render()
        )
        await pilot.press("x")
        assert len(_refs(screen)) == 15


async def test_status_words_and_sort(demo_store: Store) -> None:
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_plan(demo_store, pilot, app)
        await pilot.press("down", "s")  # item 2's status: complete
        await pilot.pause()
        assert _refs(screen) == ["2"]
        await pilot.press("x", "slash")
        await type_text(pilot, "iStatements")
        await pilot.press("enter")
        await pilot.pause()
        assert _refs(screen) == ["13"]
        await pilot.press("x", "t")  # sort by nearest due date
        await pilot.pause()
        assert _refs(screen)[:3] == ["3", "12", "14"]


async def test_status_update_on_an_item_and_closing_a_step(demo_store: Store) -> None:
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_plan(demo_store, pilot, app)
        item = demo_store.plan_items(screen.plan_id)[0]
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, UpdateDialog)
        await pilot.press("a")  # At risk
        await type_text(pilot, "Options paper slipped to March")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_store.plan_item(item.id).status is Status.AT_RISK

        # Drop the fourth next step, with the reason.
        await pilot.press("enter")  # into the next steps
        await pilot.pause()
        steps = screen.query_one("#plan-steps", OptionList)
        steps.highlighted = 4
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("d")  # Dropped
        await type_text(pilot, "Superseded by the ICS review")
        await pilot.press("ctrl+s")
        await pilot.pause()
    step = demo_store.next_steps(item.id)[3]
    assert (step.status, step.closed_reason) == (Status.DROPPED, "Superseded by the ICS review")
    history = demo_store.status_history(plan_item_id=item.id)
    assert [(u.old_status, u.new_status, u.body) for u in history[-2:]] == [
        (Status.NEXT_STEP, Status.AT_RISK, "Options paper slipped to March"),
        (Status.NEXT_STEP, Status.DROPPED, "Superseded by the ICS review"),
    ]


async def test_add_and_edit_next_steps_and_items(demo_store: Store) -> None:
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_plan(demo_store, pilot, app)
        item = demo_store.plan_items(screen.plan_id)[3]  # item 4: one step
        await pilot.press("down", "down", "down", "a")
        await pilot.pause()
        assert isinstance(app.screen, NextStepDialog)
        await type_text(pilot, "Agree the report format")
        await pilot.press("tab")
        await type_text(pilot, "Mid Jan")
        app.screen.query_one("#label", Select).value = ActionLabel.NEW.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        new = demo_store.next_steps(item.id)[-1]
        assert (new.description, new.time_frame, new.due_date, new.label) == (
            "Agree the report format",
            "Mid Jan",
            dt.date(2023, 1, 15),
            ActionLabel.NEW,
        )
        # Edit that step: enter into the steps, choose it, enter again.
        await pilot.press("enter")
        steps = screen.query_one("#plan-steps", OptionList)
        steps.highlighted = 2
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NextStepDialog)
        await pilot.press("tab")
        await pilot.press(*["backspace"] * 7)
        await type_text(pilot, "End of Feb 23")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_store.action(new.id).due_date == dt.date(2023, 2, 28)

        # A new item, then its words edited.
        screen.query_one("#plan-items", PlanTable).focus()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, PlanItemDialog)
        await type_text(pilot, "16")
        await pilot.press("tab")
        await type_text(pilot, "Publish a you said we did page")
        await pilot.press("tab")
        await type_text(pilot, "Engagement Manager")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _refs(screen)[-1] == "16"
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("end")
        await type_text(pilot, " every quarter")
        await pilot.press("ctrl+s")
        await pilot.pause()
    added = demo_store.plan_items(screen.plan_id)[-1]
    assert (added.ref, added.recommendation, added.lead) == (
        "16",
        "Publish a you said we did page every quarter",
        "Engagement Manager",
    )


async def test_import_a_word_plan_from_the_home_screen(tmp_path, demo_store: Store) -> None:
    from plan_docs import council_plan

    from board_tui.screens.dialogs.questions import ConfirmDialog
    from board_tui.screens.home import HomeScreen

    path = council_plan(tmp_path / "council plan.docx")
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.query_one("#boards", OptionList).highlighted = 0  # the Engagement Leads Group
        await pilot.pause()
        await pilot.press("I")
        await pilot.pause()
        await type_text(pilot, str(path))
        await pilot.press("tab")
        await type_text(pilot, "Council plan")
        await pilot.press("tab", *["backspace"] * 10)
        await type_text(pilot, "2024-01-10")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        plans = home.query_one("#plans", DataTable)
        assert plans.row_count == 2
    plan = demo_store.plan_titled("Council plan")
    assert demo_store.count_plan_items(plan.id) > 0
    assert plan.dated == dt.date(2024, 1, 10)


async def test_a_bad_file_from_the_home_screen_is_a_notice(tmp_path, demo_store: Store) -> None:
    bad = tmp_path / "notes.docx"
    bad.write_text("not a Word file")
    app = BoardApp(demo_store)
    told = Notices(app)
    before = demo_store.counts()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("I")
        await pilot.pause()
        await type_text(pilot, str(bad))
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert told.messages == ["notes.docx: not a Word .docx file"]
    assert demo_store.counts() == before


async def test_a_remembered_filter_shows_a_status_changed_since(demo_store: Store) -> None:
    """Toggling a filter shows the remembered rows at once, but never rows a write has changed."""
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_plan(demo_store, pilot, app)
        await pilot.press("down", "s")  # only item 2's status: complete
        await pilot.pause()
        assert _refs(screen) == ["2"]
        await pilot.press("s")  # off: every item again, remembered from before
        await pilot.pause()
        item = next(i for i in demo_store.plan_items(screen.plan_id) if i.ref == "3")
        demo_store.record_status_update(Status.COMPLETE, "Done.", plan_item_id=item.id)
        await pilot.press("s")  # item 2 (still chosen) again: complete, now with item 3
        await pilot.pause()
        assert _refs(screen) == ["2", "3"]
