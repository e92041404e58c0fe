"""The command line: `board-tui`, `board-tui demo`, `board-tui list …`.

click gives tidy sub-commands, usage errors with exit code 2, and --help for
free. Heavy imports (Textual, the store) happen inside commands so that
`board-tui --help` and `board-tui list` start instantly.
"""

from __future__ import annotations

import datetime as dt
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

import click

from board_tui import __version__
from board_tui.cli.arguments import ClockTime, Day, FileName, PlanRef, RecordId, Text
from board_tui.cli.launch import run_app
from board_tui.cli.records import echo_records
from board_tui.cli.support import (
    chosen_database,
    database_file,
    db_arg,
    db_option,
    demo_asked,
    demo_hint,
    open_store,
    say,
    shown,
    user_errors,
)
from board_tui.domain.errors import BoardTuiError

if TYPE_CHECKING:
    pass


def _export_group() -> click.Command:
    """export, with the subcommands two other modules add to it."""
    from board_tui.cli import reports  # noqa: F401 (adds export you-said-we-did)
    from board_tui.cli.export import export_group
    from board_tui.cli.progress_report import export_progress_report

    export_group.add_command(export_progress_report)
    return export_group


LAZY_COMMANDS: dict[str, str] = {
    "backup": "board_tui.cli.backup:backup_command",
    "board": "board_tui.cli.boards:board_group",
    "chair": "board_tui.cli.chair:chair_command",
    "copy": "board_tui.cli.store_copy:copy_command",
    "history": "board_tui.cli.search:history_command",
    "restore": "board_tui.cli.backup:restore_command",
    "roundup": "board_tui.cli.reports:roundup_command",
    "search": "board_tui.cli.search:search_command",
    "serve": "board_tui.cli.chair:serve_command",
}
"""The commands whose modules are imported only when one of them is run (or --help
lists them): the app itself needs none of them, and importing them all took 12 ms of
its start and 0.4 MiB of its memory (benchmarks/PROFILES.md)."""


class LazyGroup(click.Group):
    """A group that imports a command's module when the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS, "export"})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            if cmd_name == "export":
                self.add_command(_export_group())
            elif cmd_name in LAZY_COMMANDS:
                module, name = LAZY_COMMANDS[cmd_name].split(":")
                self.add_command(getattr(import_module(module), name))
        return super().get_command(ctx, cmd_name)


@click.group(
    cls=LazyGroup,
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
        with open_store(chosen_database()) as store, user_errors():
            run_app(store)


@cli.command()
@click.option("--build-only", is_flag=True, help="Build the demo database and exit.")
@click.option(
    "--reset",
    is_flag=True,
    help="Throw away what was done in the demo and build it afresh (for training).",
)
@db_option
def demo(build_only: bool, reset: bool) -> None:
    """Build the demo board from real papers (idempotently) and open it.

    Uses its own database file, never your real one, unless --db is given.
    """
    from board_tui.config import demo_database_path
    from board_tui.services.demo import build_demo, reset_demo

    path = demo_database_path(db_arg())
    if reset:
        with user_errors():
            reset_demo(database_file(path, "demo --reset"))
        say(f"Demo reset: {path} is built afresh")
    with open_store(path) as store:
        with user_errors():
            result = build_demo(store)
        if build_only:
            verb = "built" if result.created else "already built"
            say(f"Demo {verb} in {shown(path)}")
            return
        with user_errors():
            run_app(store, meeting_id=result.next_meeting_id)


@cli.command()
@click.option(
    "--meeting", "meeting_id", type=RecordId("meeting"), metavar="ID", help="The meeting to run."
)
@db_option
def live(meeting_id: int | None) -> None:
    """Open the live meeting screen.

    Without --meeting: the meeting left live, else the next one not yet held.
    """
    from board_tui.services.running import meeting_to_run

    with open_store(chosen_database(existing=True)) as store, user_errors():
        meeting = meeting_to_run(store, meeting_id)
        run_app(store, meeting_id=meeting.id)


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
@click.option(
    "--into",
    type=PlanRef(),
    metavar="PLAN",
    help="Update this plan of the board (an id or a title): next month's update of it.",
)
@click.option(
    "--new-plan",
    is_flag=True,
    help="Keep it as a plan of its own, even when it looks like one the board has.",
)
@db_option
def import_actions(
    file: Path,
    board_name: str,
    title: str | None,
    dated: dt.date | None,
    skip_bad_rows: bool,
    into: int | str | None,
    new_plan: bool,
) -> None:
    """Import a Word (.docx) or CSV action plan or action log, all or nothing; again, it
    updates by ref.

    A file whose title is new but whose items are a plan the board has (next month's
    update) is not imported until --into or --new-plan says which it is.
    """
    from board_tui.cli.export import plan_id_from
    from board_tui.services.plan_import import import_plan, plan_title, preview_lines, read_plan

    with user_errors():
        plan = read_plan(file, skip_bad_rows=skip_bad_rows)
    with open_store(chosen_database()) as store, user_errors():
        day = dated or store.clock().date()
        if into is not None and new_plan:
            raise BoardTuiError("--into and --new-plan: give one or the other")
        done = import_plan(
            store,
            plan,
            board_name=board_name,
            title=plan_title(plan, file, title),
            dated=day,
            source=file.name,
            into=plan_id_from(store, into) if into is not None else None,
            new_plan=new_plan,
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
    from board_tui.readers.agenda import read_agenda
    from board_tui.services.agenda_import import preview_lines, write_agenda

    with user_errors():
        read = read_agenda(file)
    with open_store(chosen_database()) as store, user_errors():
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
    from board_tui.services.listing import listing_rows

    with open_store(chosen_database(existing=True)) as store, user_errors():
        records = listing_rows(store, kind, board_name)
    echo_records(records, as_json=as_json, kind=kind)
    if not records and not as_json and not demo_asked() and db_arg() is None:
        hint = demo_hint()
        if hint:
            say(f"(This is your own database; {hint}.)")


def main() -> None:
    cli(prog_name="board-tui")
