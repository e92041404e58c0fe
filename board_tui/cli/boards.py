"""`board-tui board add | list | rename | numbering`: boards made, named and set from scripts."""

from __future__ import annotations

import click

from board_tui.cli.arguments import Text
from board_tui.cli.records import echo_records
from board_tui.cli.support import chosen_database, db_option, open_store, say, user_errors


@click.group(name="board")
def board_group() -> None:
    """Make, list and rename boards (for scripts; the app's home screen does the same)."""


@board_group.command(name="add")
@click.argument("name")
@click.option("--organisation", metavar="NAME", help="The organisation the board belongs to.")
@click.option(
    "--quorum",
    metavar="RULE",
    help="Members needed: a number (4) or a fraction of the voting members (1/3, rounded up);"
    " +1 for at least one independent member (1/3 +1).",
)
@db_option
def board_add(name: str, organisation: str | None, quorum: str | None) -> None:
    """Make a board called NAME."""
    from board_tui.domain.quorum import parse_rule

    with open_store(chosen_database()) as store, user_errors():
        rule = parse_rule(quorum or "")  # read before the board is made: a typo makes nothing
        with store.transaction():
            board = store.create_board(name, organisation)
            if rule is not None:
                board = store.set_quorum(board.id, rule)
    click.echo(f"New board {board.id}: {board.name}")


@board_group.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON, for scripts.")
@db_option
def board_list(as_json: bool) -> None:
    """Print the boards' ids, names and organisations."""
    from board_tui.services.listing import listing_rows

    with open_store(chosen_database(existing=True)) as store, user_errors():
        records = listing_rows(store, "boards")
    echo_records(records, as_json=as_json, kind="boards")


@board_group.command(name="rename")
@click.argument("old")
@click.argument("new")
@db_option
def board_rename(old: str, new: str) -> None:
    """Rename the board called OLD to NEW (its meetings, people and plans go with it)."""

    with open_store(chosen_database(existing=True)) as store, user_errors():
        board = store.rename_board(store.board_by_name(old).id, new)
    click.echo(f"Board {board.id}: {old} is now {board.name}")


@board_group.command(name="numbering")
@click.argument("name", type=Text())
@click.option(
    "--scheme",
    type=click.Choice(["running", "meeting", "none"]),
    required=True,
    help='running: "TAB 23/45" across the municipal year; meeting: "3.1"; none: agenda numbers.',
)
@click.option(
    "--prefix", type=Text(), default="", metavar="WORDS", help='Before the number: "TAB".'
)
@click.option(
    "--start",
    type=click.IntRange(1, 999_999),
    default=1,
    metavar="N",
    help="running: the number the municipal year's first minute takes (default 1).",
)
@click.option(
    "--year",
    type=click.IntRange(1900, 2999),
    metavar="YYYY",
    help="running: the municipal year --start is for, by the year it began in May"
    " (default: the current one).",
)
@db_option
def board_numbering(name: str, scheme: str, prefix: str, start: int, year: int | None) -> None:
    """Number the minutes of the board called NAME in its own scheme ("TAB 23/45", "3.1")."""
    import datetime as dt

    from board_tui.domain.minute_numbers import MinuteNumbering, MinuteScheme, municipal_year

    chosen = MinuteScheme(scheme)
    numbering = MinuteNumbering(
        chosen,
        prefix,
        start,
        (year or municipal_year(dt.date.today())) if chosen is MinuteScheme.RUNNING else None,
    )
    with open_store(chosen_database(existing=True)) as store, user_errors():
        board = store.set_minute_numbering(store.board_by_name(name).id, numbering)
    if chosen is MinuteScheme.NONE:
        say(f"Board {board.id}: {board.name} minutes keep the agenda's numbers")
        return
    example = numbering.numbers(
        dt.date(numbering.start_year or 2000, 6, 1), [0], [], earlier_minutes=0, earlier_meetings=0
    )[0]
    say(f"Board {board.id}: {board.name} minutes numbered like {example}")
