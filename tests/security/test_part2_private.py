"""The clerk's own screens may show Part 2, and then say so: "CONFIDENTIAL – Part 2"."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from board_tui.domain.exempt import CONFIDENTIAL
from board_tui.screens.plan import PlanScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.storage.store import Store
from security.part2 import build_part2


async def test_the_plan_screen_marks_what_was_set_and_said_in_part2(store: Store, clock) -> None:
    part2 = build_part2(store, clock)
    app = BoardApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = PlanScreen(store, part2.plan_id)
        app.push_screen(screen)
        await pilot.pause()
        steps = screen.query_one("#plan-steps", OptionList)
        prompts = [str(steps.get_option_at_index(n).prompt) for n in range(steps.option_count)]
        marked = [p for p in prompts if CONFIDENTIAL in p]
        assert len(marked) == 2 and all("Secret" in p for p in marked)
        assert not any(CONFIDENTIAL in p for p in prompts if "engagement calendar" in p)
        history = str(screen.query_one("#plan-history-text", Static).content)
        said_in_part2 = [line for line in history.splitlines() if "Secret" in line]
        assert said_in_part2 and all(CONFIDENTIAL in line for line in said_in_part2)
