"""A table that draws only the rows on screen, read a window at a time from a query.

Textual's DataTable measures and keeps every row it is given, so a plan of thousands of
items cost each key a refill. This one (the toolong way: a Line API ScrollView) knows
only how many rows match; its virtual height is that count, and the rows around the
viewport are asked of `fetch(offset, limit)` as they come into view and drawn line by
line, so a filter or a sort costs the same at 300 rows or 30,000.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Generic, TypeVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

Row = TypeVar("Row")

# Rows kept around the viewport: enough to page up and down without a query, and never
# the whole table. At least this many, or three screens' worth on a tall terminal; each
# refilter reads one window, so it stays small.
WINDOW_ROWS = 60
CELL_PADDING = 1


class WindowTable(ScrollView, Generic[Row], can_focus=True):
    """Columns of fixed width over a window of rows; a row cursor; enter chooses."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,ctrl+home", "first", "First", show=False),
        Binding("end,ctrl+end", "last", "Last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"window-table--header", "window-table--cursor"}

    class RowMessage(Message):
        """Something happened on one row of the table."""

        def __init__(self, table: WindowTable[object], row: int) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> WindowTable[object]:
            return self.table

    class Highlighted(RowMessage):
        """The cursor moved to another row."""

    class Selected(RowMessage):
        """Enter (or a click) on the cursor's row."""

    def __init__(
        self,
        cells: Callable[[Row], Sequence[Text]],
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._cells = cells
        self._columns: list[tuple[str, int]] = []
        self._fetch: Callable[[int, int], Sequence[Row]] = lambda _offset, _limit: ()
        self.row_count = 0
        self.cursor_row = 0
        self._window_start = 0
        self._window: list[Row] = []
        self._strips: dict[int, Strip] = {}

    # -- what it shows ----------------------------------------------------------------------

    def set_columns(self, columns: Sequence[tuple[str, int]]) -> None:
        """Labels and widths; a cell longer than its width is cut."""
        self._columns = list(columns)
        self._forget()

    def load(self, count: int, fetch: Callable[[int, int], Sequence[Row]], cursor: int = 0) -> None:
        """A new query: `count` rows, read through `fetch(offset, limit)`, the cursor on row
        `cursor` at the same height on screen as the old cursor was, where it can be."""
        on_screen = max(0, min(self.cursor_row - round(self.scroll_y), self._page - 1))
        self._fetch = fetch
        self.row_count = count
        self._forget()
        self.cursor_row = max(0, min(cursor, count - 1))
        width = sum(w + 2 * CELL_PADDING for _, w in self._columns)
        self.virtual_size = Size(width, count + 1)  # and the header
        self.scroll_to(y=self.cursor_row - on_screen, animate=False, immediate=True)
        self._show_cursor()
        self.refresh()

    def row(self, index: int) -> Row | None:
        """Row `index`, read with the window around it if it is not in the one held."""
        if not 0 <= index < self.row_count:
            return None
        offset = index - self._window_start
        if not 0 <= offset < len(self._window):
            size = self.window_rows
            self._forget()
            self._window_start = max(0, min(index - size // 2, self.row_count - size))
            self._window = list(self._fetch(self._window_start, size))
            offset = index - self._window_start
        return self._window[offset] if 0 <= offset < len(self._window) else None

    @property
    def window_rows(self) -> int:
        return max(WINDOW_ROWS, 3 * self.size.height)

    @property
    def held(self) -> int:
        """How many rows are held in memory (never more than a window)."""
        return len(self._window)

    def _forget(self) -> None:
        self._window = []
        self._strips.clear()

    # -- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        if y == 0:
            header = self.get_component_rich_style("window-table--header")
            return self._header().crop(scroll_x, scroll_x + width).extend_cell_length(width, header)
        index = scroll_y + y - 1
        strip = self._strip(index).crop(scroll_x, scroll_x + width).extend_cell_length(width)
        if index == self.cursor_row and index < self.row_count:
            cursor = self.get_component_rich_style("window-table--cursor")
            strip = Strip(Segment.apply_style(strip, post_style=cursor), width)
        return strip

    def _header(self) -> Strip:
        style = self.get_component_rich_style("window-table--header")
        pad = " " * CELL_PADDING
        labels = "".join(pad + label.ljust(width)[:width] + pad for label, width in self._columns)
        return Strip([Segment(labels, style)]).extend_cell_length(self.virtual_size.width, style)

    def _strip(self, index: int) -> Strip:
        strip = self._strips.get(index)
        if strip is None:
            row = self.row(index)
            if row is None:
                return Strip.blank(0)
            line = Text(no_wrap=True, end="")
            for cell, (_, width) in zip(self._cells(row), self._columns, strict=False):
                cell = cell.copy()
                cell.truncate(width, overflow="ellipsis", pad=True)
                line.append(" " * CELL_PADDING).append_text(cell).append(" " * CELL_PADDING)
            strip = Strip(line.render(self.app.console), line.cell_len)
            self._strips[index] = strip
        return strip

    def on_resize(self) -> None:
        self._show_cursor()

    # -- the cursor -------------------------------------------------------------------------

    def move_cursor(self, row: int) -> None:
        """Put the cursor on `row` (kept within the table), scrolled into view."""
        row = max(0, min(row, self.row_count - 1))
        if row == self.cursor_row:
            return
        old, self.cursor_row = self.cursor_row, row
        self._refresh_row(old)
        self._refresh_row(row)
        self._show_cursor()
        self.post_message(self.Highlighted(self, row))  # type: ignore[arg-type]

    def _refresh_row(self, index: int) -> None:
        y = index - round(self.scroll_y) + 1
        if 1 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    @property
    def _page(self) -> int:
        """Rows shown at once, below the header."""
        return max(1, self.scrollable_content_region.height - 1)

    def _show_cursor(self) -> None:
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + self._page:
            self.scroll_to(y=self.cursor_row - self._page + 1, animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor_row + 1)

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor_row - self._page)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor_row + self._page)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(self.row_count - 1)

    def action_select_cursor(self) -> None:
        if self.row_count:
            self.post_message(self.Selected(self, self.cursor_row))  # type: ignore[arg-type]

    def on_click(self, event: events.Click) -> None:
        """A click highlights its row; a click on the highlighted row chooses it."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        index = round(self.scroll_y) + offset.y - 1
        if index >= self.row_count:
            return
        if index == self.cursor_row:
            self.action_select_cursor()
        else:
            self.move_cursor(index)
