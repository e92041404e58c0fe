"""The live meeting's agenda shows every presenter's name whole at the widths clerks use,
and cuts the titles (never a Part 2 mark) to the room left, as the window is resized."""

from __future__ import annotations

from rich.text import Text

from board_tui.screens.meeting.agenda_table import AgendaTable, agenda_title
from board_tui.screens.meeting.screen import MeetingScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store


def _shown_rows(table: AgendaTable) -> list[str]:
    """The agenda's lines as painted, header first."""
    return ["".join(segment.text for segment in table.render_line(y)) for y in range(7)]


async def test_presenters_are_whole_and_titles_give_way_as_the_window_narrows(
    store: Store,
) -> None:
    meeting_id = build_demo(store).next_meeting_id
    app = BoardApp(store, open_meeting_id=meeting_id)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        table = app.screen.query_one("#agenda", AgendaTable)
        wide = _shown_rows(table)
        assert any("Minutes of the Previous Meeting " in line for line in wide)
        for width, height in ((120, 40), (110, 30), (160, 50)):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            await pilot.pause()
            shown = _shown_rows(table)
            # The last column's names end the lines they are on: nothing is cut off after.
            assert any(line.rstrip().endswith("Afazul Hoque") for line in shown), shown
            assert any(line.rstrip().endswith("Kirsty Robe…") for line in shown), shown
        assert _shown_rows(table) == wide  # wide again: the titles take their room back


def test_a_cut_title_keeps_its_part2_mark() -> None:
    title = agenda_title("Acquisition of land at the former depot site", 1, True, 24)
    assert title.plain.endswith("… [Part 2]")
    assert title.plain.startswith("   Acquisition")
    assert title.cell_len == 24
    whole = agenda_title("Welcome", 0, False, 24)
    assert whole == Text("Welcome")
