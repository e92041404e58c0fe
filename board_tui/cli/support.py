"""What every command shares: the --db option, the store it opens, one-line errors, output.

Kept apart from the commands so that command groups in their own modules
(`board-tui export …`) can use them without importing each other. Everything a
command prints goes through `say` (or `say_json`): text from a document or a
clerk never reaches the terminal with its control characters.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from board_tui.cli.arguments import fail
from board_tui.cli.file_names import check_file_name
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


def _remember_demo(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    if value:
        ctx.meta["board_tui.demo"] = True
    return value


def db_option(func: F) -> F:
    """--db PATH and --demo, before or after the command's name."""
    func = click.option(
        "--demo",
        is_flag=True,
        callback=_remember_demo,
        expose_value=False,
        is_eager=True,
        help="Use the demo's database (the one `board-tui demo` built).",
    )(func)
    return click.option(
        "--db",
        metavar="PATH|URL",
        callback=_remember_db,
        expose_value=False,
        is_eager=True,
        help="Database file, or a team's postgresql://user@host/dbname (default:"
        " $BOARD_TUI_DB, else the user data folder).",
    )(func)


def db_arg() -> str | None:
    value = click.get_current_context().meta.get("board_tui.db")
    return str(value) if value is not None else None


def demo_asked() -> bool:
    return bool(click.get_current_context().meta.get("board_tui.demo"))


def chosen_database(*, existing: bool = False) -> Path | str:
    """The database a command works on: --db, else the demo's with --demo, else
    $BOARD_TUI_DB, else the one in the user data folder.

    existing: the command only reads, so a default database not made yet is not made now
    (an empty one once was, and `list boards` then said "No boards." after the demo): one
    line says where the data is instead, and exit 1.
    """
    from board_tui.config import DB_ENV, database_path, demo_database_path

    with user_errors():
        if demo_asked():
            return demo_database_path(db_arg())
        path = database_path(db_arg())
        default = db_arg() is None and not os.environ.get(DB_ENV, "").strip()
        if existing and default and isinstance(path, Path) and not path.exists():
            raise BoardTuiError(f"no database yet at {path}: {first_steps()}")
    return path


def demo_hint() -> str | None:
    """Where the demo's data is, once `board-tui demo` has built it."""
    from board_tui.config import demo_database_path

    demo = demo_database_path()
    if isinstance(demo, Path) and demo.exists():
        return f"the demo's is {demo} (add --demo to use it)"
    return None


def first_steps() -> str:
    """Where the data is when the clerk's own database has none: the demo's, or how to start."""
    return demo_hint() or "`board-tui` opens the app and makes it, `board-tui demo` builds the demo"


def shown(target: Path | str) -> str:
    """A database as a message names it: the file, or the server's URL with no password."""
    if isinstance(target, Path):
        return str(target)
    from board_tui.storage.dialect import server_label

    return server_label(target)


def database_file(target: Path | str, doing: str) -> Path:
    """The database's file, for what only a file can do; a server's store is refused."""
    if isinstance(target, Path):
        return target
    raise BoardTuiError(f"{shown(target)}: {doing} works on a database file, not a server's")


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
def open_store(path: Path | str) -> Iterator[Store]:
    from board_tui.storage.store import Store

    with user_errors():
        store = Store.open(path)
    if store.network_warning:
        say(f"Warning: {store.network_warning}", err=True)
    try:
        yield store
    finally:
        store.close()
