"""What every command shares: the --db option, the store it opens, one-line errors.

Kept apart from the commands so that command groups in their own modules
(`board-tui export …`) can use them without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from board_tui.domain.errors import BoardTuiError

if TYPE_CHECKING:
    from board_tui.storage.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def _remember_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    # --db may come before or after the sub-command; the one nearest the command wins.
    if value is not None:
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


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a clerk's bad input into one line on stderr and exit 1, never a traceback."""
    try:
        yield
    except BoardTuiError as error:
        raise click.ClickException(str(error)) from None


@contextmanager
def open_store(path: Path) -> Iterator[Store]:
    from board_tui.storage.store import Store

    with user_errors():
        store = Store.open(path)
    try:
        yield store
    finally:
        store.close()
