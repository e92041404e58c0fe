"""An action plan: every item in its status colour, filters a chair can drive, and editing.

Filtering and sorting happen in SQLite; the table knows only how many items match and
reads the rows around what is on screen (widgets.window_table), so a plan of tens of
thousands of items costs each key what a plan of forty does. Every status change goes
through the status history.
"""

from __future__ import annotations

import datetime as dt
from array import array
from dataclasses import replace
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.formatting import sentence, short_date, shorten
from board_tui.domain.plan_records import Action, PlanItem, PlanItemSummary
from board_tui.domain.statuses import STYLES
from board_tui.screens.dialogs.capture import UpdateDialog, UpdateInput
from board_tui.screens.dialogs.edits import SharedEdit
from board_tui.screens.dialogs.plan import (
    NextStepDialog,
    NextStepInput,
    PlanItemDialog,
    PlanItemInput,
)
from board_tui.screens.plan_text import PlanFilter, history_text, step_prompt
from board_tui.screens.shell.footer import SteadyFooter
from board_tui.screens.shell.layout import is_wide
from board_tui.screens.widgets.status import legend, status_mark
from board_tui.screens.widgets.window_table import WindowTable
from board_tui.storage.plans import PLAN_SORTS, PlanQuery
from board_tui.storage.store import Store

# Column widths (recommendation, lead, time frame) so every column, status included, fits:
# a 120-column terminal and the 80-column minimum.
WIDE_COLUMNS = (42, 22, 20)
NARROW_COLUMNS = (22, 13, 12)
OPEN_WIDTH = len("Open")
STATUS_WIDTH = max(len(f"■ {style.label}") for style in STYLES.values())
SORT_ORDER = tuple(PLAN_SORTS)
# Filter states whose order of matching ids is kept (eight bytes an item) until a write.
REMEMBERED_ORDERS = 8


class PlanTable(WindowTable[PlanItemSummary]):
    """The plan's items, a window of them at a time."""


class PlanScreen(Screen[None]):
    """The plan table above; the highlighted item's next steps and history below."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "find", "Filter", key_display="/", id="plan.filter"),
        Binding("o", "toggle_overdue", "Overdue", id="plan.overdue"),
        Binding("l", "same_lead", "This lead", id="plan.lead"),
        Binding("s", "same_status", "This status", id="plan.status"),
        Binding("x", "clear_filters", "Clear", id="plan.clear"),
        Binding("t", "next_sort", "Sort", id="plan.sort"),
        Binding("u", "update", "Update", id="plan.update"),
        Binding("a", "add_step", "Add step", id="plan.add-step"),
        Binding("e", "edit", "Edit", id="plan.edit"),
        Binding("i", "new_item", "New item", id="plan.new-item"),
        Binding("w", "export", "Export to Word", id="plan.export"),
        Binding(
            "r",
            "progress_report",
            "Report",
            id="plan.progress-report",
            tooltip="The progress report to the board: drafted from the plan, edited, to Word",
        ),
        Binding("escape", "back", "Back", id="plan.back"),
    ]

    def __init__(self, store: Store, plan_id: int, *, today: dt.date | None = None) -> None:
        super().__init__()
        self.store = store
        self.plan_id = plan_id
        self.today = today or store.clock().date()
        self.filter = PlanFilter()
        self._steps: list[Action] = []
        self._widths = WIDE_COLUMNS
        self._shown_item: tuple[int | None, tuple[int, int]] | None = None
        # The plan's size and its longest ref, read again only after a write.
        self._shape: tuple[tuple[int, int], int, int] | None = None
        self._orders: dict[PlanQuery, array[int]] = {}
        self._orders_version: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="plan-heading")
        yield Static(id="plan-legend")
        find = Input(id="plan-find", placeholder="words, a ref or a lead; enter to go back")
        find.display = False
        yield find
        yield Static(id="plan-filters")
        table = PlanTable(self._cells, id="plan-items", classes="pane")
        table.border_title = "Plan items"
        yield table
        with Horizontal(id="plan-lower"):
            steps = OptionList(id="plan-steps", classes="pane")
            steps.border_title = "Next steps (enter edits)"
            yield steps
            with VerticalScroll(id="plan-history", classes="pane") as history:
                history.border_title = "History"
                yield Static(id="plan-history-text")
        yield SteadyFooter()

    def on_mount(self) -> None:
        plan = self.store.plan(self.plan_id)
        self.sub_title = plan.title
        dated = f"\nUpdated {short_date(plan.dated)}" if plan.dated else ""
        self.query_one("#plan-heading", Static).update(
            Text.assemble((plan.title, "bold"), (dated, "dim"))
        )
        self.query_one("#plan-legend", Static).update(legend(self.app, plan))
        table = self._table
        self._widths = WIDE_COLUMNS if is_wide(self.app.size.width) else NARROW_COLUMNS
        self.refresh_items()
        table.focus()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._repaint())

    def on_resize(self) -> None:
        """A window made narrower or wider (a chair's screen share) gets the columns that fit."""
        widths = WIDE_COLUMNS if is_wide(self.app.size.width) else NARROW_COLUMNS
        if widths != self._widths:
            self._widths = widths
            self.refresh_items()

    def _repaint(self) -> None:
        """A new theme: the statuses' colours are the theme's, so the rows are drawn again."""
        self.query_one("#plan-legend", Static).update(
            legend(self.app, self.store.plan(self.plan_id))
        )
        self.refresh_items()

    # -- the table -----------------------------------------------------------------------

    @property
    def _table(self) -> PlanTable:
        return self.query_one("#plan-items", PlanTable)

    def refresh_items(self, keep_item_id: int | None = None) -> None:
        """Ask again which items match (the chosen one kept where it still matches)."""
        table = self._table
        if keep_item_id is None and self.current is not None:
            keep_item_id = self.current.item.id
        f = self.filter
        query = PlanQuery(
            status=f.status,
            lead=f.lead,
            overdue_on=self.today if f.overdue else None,
            text=f.text,
            sort=f.sort,
        )
        total, ref_width = self._plan_size()
        recommendation, lead, time_frame = self._widths
        table.set_columns(
            [
                ("#", max(1, ref_width)),
                ("Recommendation", recommendation),
                ("Lead", lead),
                ("Open", OPEN_WIDTH),
                ("Next time frame", time_frame),
                ("Status", STATUS_WIDTH),
            ]
        )
        order = self._order(query)
        try:
            row = order.index(keep_item_id) if keep_item_id is not None else 0
        except ValueError:
            row = 0  # the chosen item no longer matches: the first that does
        table.load(len(order), partial(self._rows, order), cursor=row)
        self.query_one("#plan-filters", Static).update(f.describe(len(order), total))
        self.show_item()

    def _rows(self, order: array[int], offset: int, limit: int) -> list[PlanItemSummary]:
        return self.store.plan_rows(order[offset : offset + limit])

    def _order(self, query: PlanQuery) -> array[int]:
        """The matching items' ids in order, remembered until a write.

        A chair toggles filters on and off (o, o; l, l) and cycles the sorts: each state
        seen since the last change to the database is shown again without a query. A word
        typed a letter further only tests the items the shorter one matched.
        """
        version = self.store.data_version()
        if version != self._orders_version:
            self._orders.clear()
            self._orders_version = version
        order = self._orders.get(query)
        if order is None:
            wider = [o for q, o in self._orders.items() if _narrows(query, q)]
            within = min(wider, key=len) if wider else None
            if len(self._orders) >= REMEMBERED_ORDERS:
                del self._orders[next(iter(self._orders))]
            order = self.store.plan_order(self.plan_id, query, within=within)
            self._orders[query] = order
        return order

    def _plan_size(self) -> tuple[int, int]:
        """How many items the plan has and its longest ref, remembered until a write."""
        version = self.store.data_version()
        if self._shape is None or self._shape[0] != version:
            total, ref_width = self.store.plan_size(self.plan_id)
            self._shape = (version, total, ref_width)
        return self._shape[1], self._shape[2]

    def _cells(self, summary: PlanItemSummary) -> tuple[Text, ...]:
        """One row of the table; the table cuts each cell to its column."""
        item = summary.item
        recommendation, lead, time_frame = self._widths
        return (
            Text(item.ref),
            Text(shorten(item.recommendation, recommendation)),
            Text(shorten(item.lead or "", lead)),
            Text(str(summary.open_steps)),
            Text(shorten(summary.next_time_frame or "", time_frame)),
            status_mark(self.app, item.status),
        )

    @property
    def current(self) -> PlanItemSummary | None:
        table = self._table
        return table.row(table.cursor_row)

    @on(WindowTable.Highlighted, "#plan-items")
    def _item_highlighted(self) -> None:
        self.show_item()

    @on(WindowTable.Selected, "#plan-items")
    def _item_chosen(self) -> None:
        self.query_one("#plan-steps", OptionList).focus()

    def show_item(self) -> None:
        summary = self.current
        shown = (summary.item.id if summary else None, self.store.data_version())
        if shown == self._shown_item:
            return  # a refilter and the highlight it causes both ask for the same item
        self._shown_item = shown
        steps_list = self.query_one("#plan-steps", OptionList)
        history = self.query_one("#plan-history-text", Static)
        steps_list.clear_options()
        if summary is None:
            self._steps = []
            history.update(Text("No plan item matches these filters (x clears them).", "dim"))
            return
        item = summary.item
        self._steps = self.store.next_steps(item.id)
        heading = Text.assemble((f"{item.ref}. ", "bold"), item.recommendation, "\n")
        heading.append("Lead: ", style="dim").append(item.lead or "—")
        heading.append("   ").append_text(status_mark(self.app, item.status))
        steps_list.add_option(Option(heading, id="item"))
        part2 = self.store.part2()
        steps_list.add_options(
            Option(
                step_prompt(self.app, step, self.today, part2=part2.action(step)),
                id=str(step.id),
            )
            for step in self._steps
        )
        history.update(history_text(self.app, self.store.history(plan_item_id=item.id)))

    def _chosen_step(self) -> Action | None:
        steps_list = self.query_one("#plan-steps", OptionList)
        if not steps_list.has_focus or steps_list.highlighted in (None, 0):
            return None
        index = (steps_list.highlighted or 0) - 1
        return self._steps[index] if 0 <= index < len(self._steps) else None

    # -- filters ---------------------------------------------------------------------------

    def _refilter(self, **changes: object) -> None:
        self.filter = replace(self.filter, **changes)  # type: ignore[arg-type]
        self.refresh_items()

    def action_toggle_overdue(self) -> None:
        self._refilter(overdue=not self.filter.overdue)

    def action_same_lead(self) -> None:
        if self.filter.lead is not None:
            self._refilter(lead=None)
        elif self.current is not None:
            self._refilter(lead=self.current.item.lead or "")

    def action_same_status(self) -> None:
        if self.filter.status is not None:
            self._refilter(status=None)
        elif self.current is not None:
            self._refilter(status=self.current.item.status)

    def action_clear_filters(self) -> None:
        self.filter = PlanFilter(sort=self.filter.sort)
        find = self.query_one("#plan-find", Input)
        find.value = ""
        find.display = False
        self.refresh_items()

    def action_next_sort(self) -> None:
        index = SORT_ORDER.index(self.filter.sort)
        self._refilter(sort=SORT_ORDER[(index + 1) % len(SORT_ORDER)])

    def action_find(self) -> None:
        find = self.query_one("#plan-find", Input)
        find.display = True
        find.focus()

    @on(Input.Changed, "#plan-find")
    def _find_changed(self, event: Input.Changed) -> None:
        self._refilter(text=event.value.strip())

    @on(Input.Submitted, "#plan-find")
    def _find_done(self) -> None:
        self._table.focus()

    def action_back(self) -> None:
        find = self.query_one("#plan-find", Input)
        if find.has_focus:
            self._table.focus()
        else:
            self.app.pop_screen()

    # -- editing -----------------------------------------------------------------------------

    def _meetings(self) -> list[dt.date]:
        board_id = self.store.plan(self.plan_id).board_id
        return [m.scheduled_start.date() for m in self.store.meetings(board_id)]

    def _reference(self) -> dt.date:
        return self.store.plan(self.plan_id).dated or self.today

    def action_update(self) -> None:
        summary = self.current
        if summary is None:
            return
        step = self._chosen_step()
        target: PlanItem | Action = step if step is not None else summary.item
        title = step.description if step is not None else summary.item.recommendation
        item_id = summary.item.id

        def saved(value: UpdateInput | None) -> None:
            if value is None:
                return
            if not value.status.is_open and step is not None and not value.said:
                self.notify("Say why the step is closed or dropped: the reason is kept.")
                return
            self.store.record_status_update(
                value.status,
                value.said,
                action_id=step.id if step is not None else None,
                plan_item_id=None if step is not None else item_id,
            )
            self.refresh_items(keep_item_id=item_id)

        self.app.push_screen(UpdateDialog(title, target.status), saved)

    def action_add_step(self) -> None:
        summary = self.current
        if summary is None:
            return
        item_id = summary.item.id

        def saved(value: NextStepInput | None) -> None:
            if value is None:
                return
            self.store.add_action(
                value.description,
                plan_item_id=item_id,
                time_frame=value.time_frame,
                label=value.label,
            )
            self.refresh_items(keep_item_id=item_id)

        self.app.push_screen(
            NextStepDialog(
                f"New next step for item {summary.item.ref}",
                reference=self._reference(),
                meetings=self._meetings(),
            ),
            saved,
        )

    def action_edit(self) -> None:
        summary = self.current
        if summary is None:
            return
        step = self._chosen_step()
        if step is not None:
            self._edit_step(summary.item.id, step)
            return
        item = summary.item

        def write(value: PlanItemInput, expected: PlanItem) -> object:
            return self.store.update_plan_item(
                item.id,
                recommendation=value.recommendation,
                lead=value.lead,
                section=value.section,
                expected=expected,
            )

        edit = SharedEdit(item, write, _item_fields)
        self.app.push_screen(
            PlanItemDialog(f"Edit item {item.ref}", fields=edit.fields(), save=edit),
            lambda value: self._edited(value, item.id),
        )

    def _edit_step(self, item_id: int, step: Action) -> None:
        def write(value: NextStepInput, expected: Action) -> object:
            return self.store.update_action(
                step.id,
                description=value.description,
                time_frame=value.time_frame,
                label=value.label,
                expected=expected,
            )

        edit = SharedEdit(step, write, _step_fields)
        self.app.push_screen(
            NextStepDialog(
                "Edit next step",
                reference=self._reference(),
                meetings=self._meetings(),
                fields=edit.fields(),
                save=edit,
            ),
            lambda value: self._edited(value, item_id),
        )

    def _edited(self, value: object | None, item_id: int) -> None:
        """An edit dialog closed: saved (the dialog wrote it), or left."""
        if value is not None:
            self.refresh_items(keep_item_id=item_id)

    @on(OptionList.OptionSelected, "#plan-steps")
    def _step_chosen(self) -> None:
        self.action_edit()

    def action_export(self) -> None:
        # Imported when asked for, as home does: the export dialog brings the exporters'
        # styles, zipfile and a progress bar (0.3 MiB) that opening a plan does not need.
        from board_tui.screens.export_dialog import open_plan_export

        open_plan_export(self.app, self.store, self.plan_id, self.today)

    def action_progress_report(self) -> None:
        from board_tui.screens.progress_report import open_progress_report

        open_progress_report(self.app, self.store, self.plan_id)

    def action_new_item(self) -> None:
        def saved(value: PlanItemInput | None) -> None:
            if value is None:
                return
            try:
                item = self.store.add_plan_item(
                    self.plan_id,
                    value.ref,
                    value.recommendation,
                    lead=value.lead,
                    section=value.section,
                )
            except BoardTuiError as error:
                self.notify(sentence(str(error)), severity="warning")
                return
            self.refresh_items(keep_item_id=item.id)

        self.app.push_screen(PlanItemDialog("New plan item"), saved)


def _item_fields(item: PlanItem) -> dict[str, str]:
    return {
        "ref": item.ref,
        "recommendation": item.recommendation,
        "lead": item.lead or "",
        "section": item.section or "",
    }


def _step_fields(step: Action) -> dict[str, str]:
    return {
        "description": step.description,
        "time_frame": step.time_frame or "",
        "label": step.label.value if step.label else "",
    }


def _narrows(query: PlanQuery, wider: PlanQuery) -> bool:
    """Whether every item `query` matches is one `wider` matches, in the same order: the
    same filters and sort, and words that only go on from the wider query's (each of its
    words is then inside one of these, so an item with these has those)."""
    return replace(wider, text=query.text) == query and query.text.startswith(wider.text)
