"""The command line: `board-tui`, `board-tui demo`, `board-tui list …`.

click gives tidy sub-commands, usage errors with exit code 2, and --help for
free. Heavy imports (Textual, the store) happen inside commands so that
`board-tui --help` and `board-tui list` start instantly.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from board_tui import __version__
from board_tui.cli.arguments import ClockTime, Day, FileName, RecordId, Text
from board_tui.cli.backup import backup_command, restore_command
from board_tui.cli.boards import board_group
from board_tui.cli.chair import chair_command, serve_command
from board_tui.cli.export import export_group
from board_tui.cli.progress_report import export_progress_report
from board_tui.cli.records import echo_records
from board_tui.cli.reports import roundup_command
from board_tui.cli.search import history_command, search_command
from board_tui.cli.support import db_arg, db_option, open_store, say, user_errors

if TYPE_CHECKING:
    from board_tui.storage.store import Store


def _run_app(store: Store, *, meeting_id: int | None = None) -> None:
    from board_tui.screens.shell.app import BoardApp

    BoardApp(store, open_meeting_id=meeting_id).run()


@click.group(
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", prog_name="board-tui")
@db_option
@click.pass_context
def cli(ctx: click.Context) -> None:
    """board-tui: walk the agenda, capture what the board says and decides, track its actions.

    With no command, opens the app on your database.
    """
    if ctx.invoked_subcommand is None:
        from board_tui.config import database_path

        with open_store(database_path(db_arg())) as store:
            _run_app(store)


@cli.command()
@click.option("--build-only", is_flag=True, help="Build the demo database and exit.")
@db_option
def demo(build_only: bool) -> None:
    """Build the demo board from real papers (idempotently) and open it.

    Uses its own database file, never your real one, unless --db is given.
    """
    from board_tui.config import demo_database_path
    from board_tui.services.demo import build_demo

    path = demo_database_path(db_arg())
    with open_store(path) as store:
        with user_errors():
            result = build_demo(store)
        if build_only:
            verb = "built" if result.created else "already built"
            say(f"Demo {verb} in {path}")
            return
        _run_app(store, meeting_id=result.next_meeting_id)


@cli.command()
@click.option(
    "--meeting", "meeting_id", type=RecordId("meeting"), metavar="ID", help="The meeting to run."
)
@db_option
def live(meeting_id: int | None) -> None:
    """Open the live meeting screen.

    Without --meeting: the meeting left live, else the next one not yet held.
    """
    from board_tui.config import database_path
    from board_tui.services.running import meeting_to_run

    with open_store(database_path(db_arg())) as store:
        with user_errors():
            meeting = meeting_to_run(store, meeting_id)
        _run_app(store, meeting_id=meeting.id)


@cli.group(name="import")
def import_group() -> None:
    """Bring a board's existing papers in from Word."""


@import_group.command(name="actions")
@click.argument("file", type=FileName())
@click.option(
    "--board",
    "board_name",
    required=True,
    type=Text(),
    metavar="NAME",
    help="The board it belongs to (made if it does not exist yet).",
)
@click.option(
    "--title", type=Text(), metavar="TITLE", help="The plan's title (default: the document's)."
)
@click.option(
    "--dated",
    type=Day(),
    metavar="YYYY-MM-DD",
    help="The date of this update, for year-less time frames (default: today).",
)
@click.option("--skip-bad-rows", is_flag=True, help="Import the rest when some rows can't be read.")
@db_option
def import_actions(
    file: Path,
    board_name: str,
    title: str | None,
    dated: dt.date | None,
    skip_bad_rows: bool,
) -> None:
    """Import a Word (.docx) or CSV action plan or action log, all or nothing; again, it
    updates by ref."""
    from board_tui.config import database_path
    from board_tui.services.plan_import import import_plan, plan_title, preview_lines, read_plan

    with user_errors():
        plan = read_plan(file, skip_bad_rows=skip_bad_rows)
    with open_store(database_path(db_arg())) as store, user_errors():
        day = dated or store.clock().date()
        done = import_plan(
            store,
            plan,
            board_name=board_name,
            title=plan_title(plan, file, title),
            dated=day,
            source=file.name,
        )
    for line in done.lines():
        say(line)
    for line in preview_lines(plan, day):
        say(f"  {line}")


@import_group.command(name="agenda")
@click.argument("file", type=FileName())
@click.option(
    "--board",
    "board_name",
    required=True,
    type=Text(),
    metavar="NAME",
    help="The board it belongs to (made if it does not exist yet).",
)
@click.option(
    "--date",
    "day",
    type=Day(),
    metavar="YYYY-MM-DD",
    help="The meeting's date (default: the one the agenda gives).",
)
@click.option(
    "--time",
    "start",
    type=ClockTime(),
    metavar="HH:MM",
    help="The meeting's start (default: the one the agenda gives).",
)
@click.option("--replace", is_flag=True, help="Replace the agenda of a meeting not yet held.")
@db_option
def import_agenda(
    file: Path,
    board_name: str,
    day: dt.date | None,
    start: dt.time | None,
    replace: bool,
) -> None:
    """Import a Word agenda pack (.docx) or a text outline (.txt, .md), all or nothing."""
    from board_tui.config import database_path
    from board_tui.readers.agenda_reader import read_agenda
    from board_tui.services.agenda_import import preview_lines, write_agenda

    with user_errors():
        read = read_agenda(file)
    with open_store(database_path(db_arg())) as store, user_errors():
        summary = write_agenda(
            store,
            read,
            board_name=board_name,
            source=file.name,
            day=day,
            start=start,
            replace=replace,
        )
    if summary.board_created:
        say(f"New board: {summary.board.name}")
    for line in summary.lines():
        say(line)
    for line in preview_lines(read, summary.scheduled_start):
        say(f"  {line}")


LIST_KINDS = ("boards", "meetings", "plans")


@cli.command(name="list")
@click.argument("kind", type=click.Choice(LIST_KINDS))
@click.option(
    "--board",
    "board_name",
    type=Text(),
    metavar="NAME",
    help="Only this board's meetings or plans.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON, for scripts.")
@db_option
def list_command(kind: str, board_name: str | None, as_json: bool) -> None:
    """Print the ids and names of boards, meetings or action plans."""
    from board_tui.config import database_path
    from board_tui.services.listing import listing_rows

    with open_store(database_path(db_arg())) as store, user_errors():
        records = listing_rows(store, kind, board_name)
    echo_records(records, as_json=as_json, kind=kind)


export_group.add_command(export_progress_report)
cli.add_command(export_group)
cli.add_command(board_group)
cli.add_command(search_command)
cli.add_command(history_command)
cli.add_command(roundup_command)
cli.add_command(chair_command)
cli.add_command(serve_command)
cli.add_command(backup_command)
cli.add_command(restore_command)


def main() -> None:
    cli(prog_name="board-tui")
