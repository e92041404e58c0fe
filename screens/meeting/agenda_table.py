"""The live meeting's agenda: every presenter's name whole, the titles cut to the room left.

A DataTable sizes each column to its longest cell, so a long title pushed the Presenter
column past the pane's edge at 110-120 columns ("Afazul Hoqu"). Here every column is
given its width: the titles give way, ending in "…", and take the room back when the
pane widens.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

COLUMNS = {"mark": "", "number": "No.", "title": "Item", "time": "Time", "presenter": "Presenter"}
"""Each column's key and header, in order."""
HEADERS = tuple(COLUMNS.values())
TITLE = HEADERS.index("Item")
PART2_MARK = " [Part 2]"
FEWEST_TITLE_CELLS = 12
"""A title is never cut shorter than this, however narrow the pane."""
UNCUT = 1_000

AgendaRow = tuple[Text | str, ...]
"""The cells of one item, in COLUMNS' order, and its row key last."""


class AgendaTable(DataTable[str | Text]):
    """The agenda, which keeps the current item in view when the layout changes its size."""

    class Refit(Message):
        """The table's width changed: its titles are cut again to fit it."""

    _fitted_width = 0

    def on_resize(self) -> None:
        self.move_cursor(row=self.cursor_row)
        if self.size.width != self._fitted_width:
            self._fitted_width = self.size.width
            self.post_message(self.Refit())

    def widths(self, rows: Sequence[AgendaRow]) -> list[int]:
        """Each column's cells: its widest cell's, the title's no more than the room left
        once the others (and the scroll bar a long agenda brings) are whole."""
        widths = [
            max(cell_len(str(cell)) for cell in (header, *(row[n] for row in rows)))
            for n, header in enumerate(HEADERS)
        ]
        room = self.size.width
        if not room:
            return widths  # not laid out yet: Refit cuts the titles once it is
        if len(rows) + 1 > self.size.height:  # the header row, and every item
            room -= self.styles.scrollbar_size_vertical
        room -= sum(widths) - widths[TITLE] + 2 * self.cell_padding * len(HEADERS)
        widths[TITLE] = min(widths[TITLE], max(FEWEST_TITLE_CELLS, room))
        return widths

    def refill(self, rows: Sequence[AgendaRow], widths: Sequence[int]) -> None:
        self.clear(columns=True)
        for (key, header), width in zip(COLUMNS.items(), widths, strict=True):
            self.add_column(header, key=key, width=width)
        for row in rows:
            self.add_row(*row[:-1], key=str(row[-1]))


def agenda_title(words: str, depth: int, exempt: bool, room: int = UNCUT) -> Text:
    """An item's title, indented under its parent, cut with "…" to `room` cells; the Part 2
    mark is never the part cut off."""
    title = Text("   " * depth + words)
    mark = PART2_MARK if exempt else ""
    title.truncate(max(room - len(mark), 1), overflow="ellipsis")
    if mark:
        title.append(mark, style="bold")
    return title
