"""What every command shares: the --db option, the store it opens, one-line errors, output.

Kept apart from the commands so that command groups in their own modules
(`board-tui export …`) can use them without importing each other. Everything a
command prints goes through `say` (or `say_json`): text from a document or a
clerk never reaches the terminal with its control characters.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from board_tui.cli.arguments import check_file_name, fail
from board_tui.domain.errors import BoardTuiError
from board_tui.domain.safe_text import for_terminal, json_for_terminal

if TYPE_CHECKING:
    from board_tui.storage.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def _remember_db(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    # --db may come before or after the sub-command; the one nearest the command wins.
    if value is not None:
        # An empty --db once opened the default database without a word; a name too long
        # for the file system once ended in a traceback.
        problem = check_file_name(value)
        if problem is not None:
            raise fail(param, ctx, problem)
        ctx.meta["board_tui.db"] = value
    return value


def db_option(func: F) -> F:
    return click.option(
        "--db",
        metavar="PATH",
        callback=_remember_db,
        expose_value=False,
        is_eager=True,
        help="Database file to use (default: $BOARD_TUI_DB, else the user data folder).",
    )(func)


def db_arg() -> str | None:
    value = click.get_current_context().meta.get("board_tui.db")
    return str(value) if value is not None else None


def say(message: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Print a line that may hold words from a document or a clerk, without their controls."""
    click.echo(for_terminal(message), err=err, nl=nl)


def say_json(data: object) -> None:
    """Print JSON for scripts: readable letters, every control character escaped."""
    click.echo(json_for_terminal(json.dumps(data, ensure_ascii=False, indent=2)))


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a clerk's bad input into one line on stderr and exit 1, never a traceback."""
    try:
        yield
    except BoardTuiError as error:
        raise click.ClickException(for_terminal(str(error), one_line=True)) from None


@contextmanager
def open_store(path: Path) -> Iterator[Store]:
    from board_tui.storage.store import Store

    with user_errors():
        store = Store.open(path)
    try:
        yield store
    finally:
        store.close()
