"""A clerk's edit of a plan item (and a meeting's details), saved after another clerk
changed it: refused with a notice, the dialog still open with the clerk's words and the
other clerk's value, and saved on the second ctrl+s with both clerks' changes kept."""

from __future__ import annotations

import datetime as dt

from notices import Notices
from pilot_keys import type_text
from textual.widgets import Input, Static, TextArea

from board_tui.screens.agenda import AgendaScreen
from board_tui.screens.dialogs.plan import PlanItemDialog
from board_tui.screens.dialogs.setup import MeetingDialog
from board_tui.screens.plan import PlanScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.storage.store import Store


async def test_a_plan_item_changed_meanwhile_is_refused_then_saved_over_knowingly(
    demo_store: Store, database: str
) -> None:
    plan = demo_store.plans()[0]
    item = demo_store.plan_items(plan.id)[0]
    app = BoardApp(demo_store)
    told = Notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(PlanScreen(demo_store, plan.id))
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PlanItemDialog)
        area = dialog.query_one("#recommendation", TextArea)
        area.move_cursor(area.document.end)  # after the last word (end stops at a wrap)
        await type_text(pilot, " by March")

        # Another clerk, on their own connection, changes the item's lead meanwhile.
        with Store.open(database) as colleague:
            colleague.update_plan_item(
                item.id,
                recommendation=item.recommendation,
                lead="Director of Public Health",
                section=item.section,
                expected=colleague.plan_item(item.id),
            )

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # still open
        assert "someone else changed this plan item meanwhile" in told.messages[-1]
        assert "\n" not in told.messages[-1]
        words = dialog.query_one("#recommendation", TextArea).text
        assert words == f"{item.recommendation} by March"  # the clerk's words, kept
        shown = str(dialog.query_one("#meanwhile", Static).render())
        assert "Lead: Director of Public Health" in shown
        # The lead the clerk had not touched now holds the other clerk's.
        assert dialog.query_one("#lead", Input).value == "Director of Public Health"
        stored = demo_store.plan_item(item.id)
        assert (stored.recommendation, stored.lead) == (
            item.recommendation,
            "Director of Public Health",
        )  # nothing of the refused save written

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not dialog
    saved = demo_store.plan_item(item.id)
    assert (saved.recommendation, saved.lead) == (
        f"{item.recommendation} by March",
        "Director of Public Health",
    )


async def test_meeting_details_changed_meanwhile_are_refused_and_saved_the_second_time(
    store: Store, database: str
) -> None:
    board = store.create_board("Health and Wellbeing Board")
    meeting = store.create_meeting(board.id, dt.datetime(2023, 12, 11, 14), venue="Room 1")
    app = BoardApp(store, open_meeting_id=None)
    told = Notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(AgendaScreen(store, meeting.id))
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MeetingDialog)
        dialog.query_one("#title", Input).value = "Extraordinary meeting"
        with Store.open(database) as colleague:
            colleague.update_meeting(
                meeting.id,
                scheduled_start=meeting.scheduled_start,
                title=meeting.title,
                venue="Council Chamber",
                expected=meeting,
            )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert "someone else changed this meeting meanwhile" in told.messages[-1]
        assert dialog.query_one("#venue", Input).value == "Council Chamber"
        assert store.meeting(meeting.id).title == meeting.title
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not dialog
    saved = store.meeting(meeting.id)
    assert (saved.title, saved.venue) == ("Extraordinary meeting", "Council Chamber")
