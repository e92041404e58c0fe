"""`board-tui copy --from SOURCE --to TARGET`: a whole store into a new, empty one (issue 21).

A team moving its file to PostgreSQL, or a store taken back to a file: every table with
its history, in one transaction, each table's count checked (services.store_copy).
"""

from __future__ import annotations

import click

from board_tui.cli.file_names import check_file_name
from board_tui.cli.support import say, shown, user_errors
from board_tui.domain.errors import BoardTuiError


def _database(value: str) -> str:
    problem = check_file_name(value)
    if problem is not None:
        raise BoardTuiError(problem)
    return value


@click.command(name="copy")
@click.option(
    "--from",
    "source",
    required=True,
    metavar="DATABASE",
    help="The store to copy: a database file, or a postgresql:// URL. Only read.",
)
@click.option(
    "--to",
    "target",
    required=True,
    metavar="DATABASE",
    help="A new, empty store to copy it into: a file (made if there is none), or a"
    " postgresql:// URL of an empty database.",
)
def copy_command(source: str, target: str) -> None:
    """Copy a whole store, with its history, into a new, empty one, and check the counts.

    From a file to PostgreSQL, back, or file to file: in one transaction, so a copy that
    fails, or whose counts differ, leaves the target as it was.
    """
    from board_tui.config import database_path
    from board_tui.services.store_copy import copy_store

    with user_errors():
        source_db = database_path(_database(source))
        target_db = database_path(_database(target))
        result = copy_store(source_db, target_db)
    if result.source_migrated:
        say(f"{shown(source_db)}: its schema was brought up to date first, as board-tui does")
    width = max(len(table) for table in [*result.counts, "search_index"])
    for table, count in result.counts.items():
        say(f"  {table:<{width}}  {count:>9,}")
    say(f"  {'search_index':<{width}}  {result.searchable:>9,}  (made by the target's triggers)")
    say(
        f"Copied {result.rows:,} rows in {len(result.counts)} tables from {shown(source_db)}"
        f" to {shown(target_db)} in {result.seconds:.1f} s; counts verified"
    )
