"""The home screen: boards on the left, the highlighted board's meetings and plans on the right.

The screens and dialogs it opens are imported when first opened: home is the
first screen painted, and importing them all up front was a third of the app's
cold start (benchmarks/PROFILES.md).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, OptionList, Static
from textual.widgets.option_list import Option

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.formatting import (
    MEETING_STATUS_WORDS,
    minutes_time,
    sentence,
    short_date,
    shorten,
)
from board_tui.domain.model import Board, Meeting, MeetingStatus, MembershipRole
from board_tui.domain.quorum import VOTING_ROLES
from board_tui.screens.home_imports import HomeImports
from board_tui.screens.shell.footer import SteadyFooter
from board_tui.storage.store import Store

if TYPE_CHECKING:
    from board_tui.screens.dialogs.setup import (
        BoardInput,
        MeetingInput,
    )


def meetings_in_home_order(meetings: list[Meeting]) -> list[Meeting]:
    """Upcoming first (not yet held: draft or live, soonest first), then past, latest first."""
    upcoming = [m for m in meetings if m.status in (MeetingStatus.DRAFT, MeetingStatus.LIVE)]
    past = [m for m in meetings if m not in upcoming]
    return sorted(upcoming, key=lambda m: m.scheduled_start) + sorted(
        past, key=lambda m: m.scheduled_start, reverse=True
    )


class HomeScreen(HomeImports):
    BINDINGS: ClassVar[list[BindingType]] = [
        # Help and quit first: the first screen a new clerk sees says how to get out and
        # where every key is, at 80 columns too; the footer keeps the keys of a first day.
        Binding(
            "question_mark",
            "app.help",
            "Help",
            key_display="?",
            id="home.help",
            tooltip="All keys, screen by screen",
        ),
        Binding("ctrl+q", "app.quit", "Quit", id="home.quit", tooltip="Quit board-tui"),
        Binding(
            "m",
            "new_meeting",
            "New meeting",
            id="home.new-meeting",
            tooltip="A meeting for the highlighted board, with its standing items",
        ),
        Binding("e", "edit_agenda", "Agenda", id="home.edit-agenda", tooltip="Edit its agenda"),
        Binding("x", "export_minutes", "Minutes to Word", show=False, id="home.export-minutes"),
        Binding(
            "o",
            "export_owner_letters",
            "Owners' letters",
            show=False,
            id="home.export-owner-letters",
            tooltip="Each owner's actions from the meeting: a Word letter and an email draft",
        ),
        Binding(
            "i",
            "import_agenda",
            "Import agenda",
            id="home.import-agenda",
            tooltip="A Word agenda pack or a text outline",
        ),
        Binding(
            "I",
            "import_plan",
            "Import plan",
            id="home.import-plan",
            tooltip="A Word or CSV action plan",
        ),
        Binding("p", "people", "People", show=False, id="home.people"),
        Binding("b", "new_board", "New board", show=False, id="home.new-board"),
        Binding("r", "edit_board", "Edit board", show=False, id="home.edit-board"),
        Binding("A", "archive_board", "Archive board", show=False, id="home.archive-board"),
        Binding(
            "slash",
            "search",
            "Search",
            key_display="/",
            id="home.search",
            tooltip="Every board's meetings, actions and plans",
        ),
        Binding("y", "you_said", "You said, we did", show=False, id="home.you-said"),
        Binding("w", "roundup", "Round-up", show=False, id="home.roundup"),
    ]
    AUTO_FOCUS = "#meetings"

    def __init__(self, store: Store, *, board_id: int | None = None) -> None:
        super().__init__()
        self.store = store
        self._boards: list[Board] = []
        self._initial_board_id = board_id
        self._seen: tuple[int, int] | None = None
        self._shown: tuple[int, tuple[int, int]] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home"):
            boards = OptionList(id="boards", classes="pane")
            boards.border_title = "Boards"
            yield boards
            with Vertical(id="board-pane"):
                yield Static(id="board-heading")
                meetings: DataTable[str | Text] = DataTable(
                    id="meetings", cursor_type="row", classes="pane"
                )
                meetings.border_title = "Meetings"
                yield meetings
                plans: DataTable[Text] = DataTable(id="plans", cursor_type="row", classes="pane")
                plans.border_title = "Action plans"
                yield plans
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#meetings", DataTable).add_columns("Date", "Time", "Status", "Meeting")
        self.query_one("#plans", DataTable).add_columns("Action plan", "Dated", "Items")
        self.refresh_boards()

    def on_screen_resume(self) -> None:
        # Coming back from another screen: read again only if something was written since.
        if self.store.data_version() != self._seen:
            self.refresh_boards()

    def refresh_boards(self) -> None:
        boards_list = self.query_one("#boards", OptionList)
        highlighted = boards_list.highlighted
        self._boards = self.store.boards()
        boards_list.clear_options()
        boards_list.add_options(Option(b.name, id=str(b.id)) for b in self._boards)
        if not self._boards:
            self.query_one("#board-heading", Static).update(
                "No boards yet: [b]i[/b] imports an agenda pack, [b]b[/b] makes a board, and "
                "[b]board-tui demo[/b] shows a real board's papers."
            )
            return
        if highlighted is None and self._initial_board_id is None:
            following = self.store.next_meeting()
            self._initial_board_id = following.board_id if following else None
        if highlighted is None and self._initial_board_id is not None:
            ids = [b.id for b in self._boards]
            highlighted = ids.index(self._initial_board_id) if self._initial_board_id in ids else 0
        boards_list.highlighted = min(highlighted or 0, len(self._boards) - 1)
        self.show_board(self._boards[boards_list.highlighted])
        self._seen = self.store.data_version()

    @on(OptionList.OptionHighlighted, "#boards")
    def board_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_board(self._boards[event.option_index])

    def show_board(self, board: Board) -> None:
        shown = (board.id, self.store.data_version())
        if shown == self._shown:
            return  # the highlight landing on the board just shown: the same rows again
        self._shown = shown
        members = self.store.members(board.id)
        chair = next((m.person.name for m in members if m.role is MembershipRole.CHAIR), None)
        heading = Text(board.name, style="bold")
        details = [board.organisation, f"Chair: {chair}" if chair else None]
        officers = sum(m.role is MembershipRole.OFFICER for m in members)
        details.append(f"{len(members) - officers} members, {officers} officers")
        if board.quorum is not None:
            voting = sum(m.role.value in VOTING_ROLES for m in members)
            details.append(f"quorum {board.quorum.words(voting)}")
        board_meetings = meetings_in_home_order(self.store.meetings(board.id))
        if not board_meetings:
            details.append("no meetings yet")
        heading.append("\n" + " · ".join(d for d in details if d), style="dim")
        self.query_one("#board-heading", Static).update(heading)

        meetings = self.query_one("#meetings", DataTable)
        meetings.clear()
        for meeting in board_meetings:
            status = MEETING_STATUS_WORDS[meeting.status]
            # Text, not str: a str cell is parsed as markup, which costs more than the row.
            meetings.add_row(
                Text(short_date(meeting.scheduled_start.date())),
                Text(minutes_time(meeting.scheduled_start)),
                Text(status, style="bold" if meeting.status is MeetingStatus.LIVE else ""),
                Text(meeting.title),
                key=str(meeting.id),
            )
        plans = self.query_one("#plans", DataTable)
        plans.clear()
        for plan in self.store.plans(board.id):
            plans.add_row(
                Text(shorten(plan.title, 60)),
                Text(short_date(plan.dated) if plan.dated else ""),
                Text(str(self.store.count_plan_items(plan.id))),
                key=str(plan.id),
            )

    @on(DataTable.RowSelected, "#meetings")
    def open_meeting(self, event: DataTable.RowSelected) -> None:
        from board_tui.screens.meeting.hold import open_meeting

        assert event.row_key.value is not None
        self.app.push_screen(open_meeting(self.app, self.store, int(event.row_key.value)))

    @on(DataTable.RowSelected, "#plans")
    def open_plan(self, event: DataTable.RowSelected) -> None:
        from board_tui.screens.plan import PlanScreen

        assert event.row_key.value is not None
        self.app.push_screen(PlanScreen(self.store, int(event.row_key.value)))

    # -- boards, meetings and people -------------------------------------------------------

    def _board(self) -> Board | None:
        boards_list = self.query_one("#boards", OptionList)
        if not self._boards or boards_list.highlighted is None:
            self.notify("There is no board yet: b makes one.")
            return None
        return self._boards[boards_list.highlighted]

    def _meeting_id(self) -> int | None:
        table = self.query_one("#meetings", DataTable)
        if table.row_count == 0:
            self.notify("This board has no meetings yet: m makes one.")
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def _show_board_named(self, board_id: int) -> None:
        self._initial_board_id = board_id
        self.query_one("#boards", OptionList).highlighted = None
        self.refresh_boards()

    def action_new_board(self) -> None:
        from board_tui.screens.dialogs.setup import BoardDialog

        def saved(value: BoardInput | None) -> None:
            if value is None:
                return
            try:
                board = self.store.create_board(value.name, value.organisation)
                self.store.set_board_contact(board.id, value.contact)
                self.store.set_board_template(board.id, value.word_template)
                self.store.set_exclusion_rule(board.id, value.exclusion_rule)
                self.store.set_quorum(board.id, value.quorum)
            except BoardTuiError as error:
                self.notify(sentence(str(error)), severity="warning")
                return
            self._show_board_named(board.id)
            self.notify(f"{board.name} made: m adds a meeting, p its people.")

        self.app.push_screen(BoardDialog("New board"), saved)

    def action_edit_board(self) -> None:
        from board_tui.screens.dialogs.edits import SharedEdit
        from board_tui.screens.dialogs.setup import BoardDialog, board_fields

        board = self._board()
        if board is None:
            return

        def write(value: BoardInput, expected: Board) -> object:
            return self.store.update_board(
                board.id,
                name=value.name,
                organisation=value.organisation,
                contact=value.contact,
                word_template=value.word_template,
                exclusion_rule=value.exclusion_rule,
                quorum=value.quorum,
                expected=expected,
            )

        def saved(value: BoardInput | None) -> None:
            if value is not None:
                self._show_board_named(board.id)

        # What another clerk saved is shown in words: the law by its name, not its code.
        edit = SharedEdit(
            board, write, lambda b: board_fields(b) | {"exclusion": b.exclusion_rule.label}
        )
        self.app.push_screen(BoardDialog(board.name, fields=board_fields(board), save=edit), saved)

    def action_archive_board(self) -> None:
        from board_tui.screens.dialogs.questions import ConfirmDialog

        board = self._board()
        if board is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.store.archive_board(board.id)
                self.query_one("#boards", OptionList).highlighted = None
                self._initial_board_id = None
                self.refresh_boards()
                self.notify(f"{board.name} archived: its meetings and minutes are kept.")

        question = f"Archive {board.name}? It leaves this list; nothing is deleted."
        self.app.push_screen(ConfirmDialog("Archive this board?", question), confirmed)

    def action_new_meeting(self) -> None:
        from board_tui.screens.agenda import AgendaScreen
        from board_tui.screens.dialogs.setup import MeetingDialog

        board = self._board()
        if board is None:
            return
        meetings = self.store.meetings(board.id)
        last = meetings[-1] if meetings else None
        start = (
            last.scheduled_start
            if last
            else dt.datetime.combine(self.store.clock().date(), dt.time(14, 0))
        )
        fields = {
            "date": "",
            "start": minutes_time(start),
            "venue": (last.venue if last else None) or "",
            "title": last.title if last else board.name,
        }

        def saved(value: MeetingInput | None) -> None:
            if value is None:
                return
            meeting = self.store.create_meeting(
                board.id, value.scheduled_start, title=value.title, venue=value.venue
            )
            if value.copy_standing:
                self.store.copy_standing_items(meeting.id)
            self.show_board(board)
            self.app.push_screen(AgendaScreen(self.store, meeting.id))

        self.app.push_screen(
            MeetingDialog(f"New meeting of {board.name}", fields=fields, new=True), saved
        )

    def action_edit_agenda(self) -> None:
        from board_tui.screens.agenda import AgendaScreen

        meeting_id = self._meeting_id()
        if meeting_id is not None:
            self.app.push_screen(AgendaScreen(self.store, meeting_id))

    def action_export_minutes(self) -> None:
        from board_tui.screens.export_dialog import open_minutes_export

        meeting_id = self._meeting_id()
        if meeting_id is not None:
            open_minutes_export(self.app, self.store, meeting_id)

    def action_export_owner_letters(self) -> None:
        from board_tui.screens.export_dialog import open_owner_letters_export

        meeting_id = self._meeting_id()
        if meeting_id is not None:
            open_owner_letters_export(self.app, self.store, meeting_id)

    def action_search(self) -> None:
        from board_tui.screens.search import open_search

        open_search(self.app, self.store)

    def action_you_said(self) -> None:
        from board_tui.screens.voice import open_you_said_export

        board = self._board()
        if board is not None:
            open_you_said_export(self.app, self.store, board.id)

    def action_roundup(self) -> None:
        from board_tui.screens.roundup import open_roundup

        meeting_id = self._meeting_id()
        if meeting_id is not None:
            open_roundup(self.app, self.store, meeting_id)

    def action_people(self) -> None:
        from board_tui.screens.people import PeopleScreen

        board = self._board()
        if board is not None:
            self.app.push_screen(PeopleScreen(self.store, board.id))
