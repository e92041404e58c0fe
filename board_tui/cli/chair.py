"""`board-tui chair` and `board-tui serve`: the chair's view in its own window or a browser.

Both open the database read-only and never write it, so they can run beside
the clerk's app for the whole meeting without ever making a save wait.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from board_tui.cli.arguments import Host, RecordId
from board_tui.cli.support import chosen_database, db_option, user_errors

if TYPE_CHECKING:
    from board_tui.storage.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def _view_options(func: F) -> F:
    """--meeting and --plan, which both commands take (and --db or --demo, as every one)."""
    func = click.option(
        "--plan", "plan_id", type=RecordId("plan"), metavar="ID", help="The action plan to review."
    )(func)
    func = click.option(
        "--meeting",
        "meeting_id",
        type=RecordId("meeting"),
        metavar="ID",
        help="Follow this meeting (default: the live one, else the next).",
    )(func)
    return db_option(func)


def _database() -> Path | str:
    return chosen_database(existing=True)


@contextmanager
def _read_only_store(
    path: Path | str, meeting_id: int | None, plan_id: int | None
) -> Iterator[Store]:
    """The store, read-only, with the meeting and plan asked for checked before any window opens."""
    from board_tui.domain.errors import NotFoundError
    from board_tui.storage.store import Store

    with user_errors():
        store = Store.open(path, read_only=True)
    try:
        with user_errors():
            try:
                if meeting_id is not None:
                    store.meeting(meeting_id)
                if plan_id is not None:
                    store.plan(plan_id)
            except NotFoundError as error:
                raise NotFoundError(f"{error} (see: board-tui list meetings|plans)") from None
        yield store
    finally:
        store.close()


@click.command(name="chair")
@click.option(
    "--public-only",
    is_flag=True,
    help="Keep public share on: p does nothing, Part 2 is never shown (as in a browser).",
)
@click.option(
    "--served",
    is_flag=True,
    hidden=True,
    help="Run for a browser tab of board-tui serve: remember nothing (the theme stays in the tab).",
)
@_view_options
def chair_command(
    meeting_id: int | None, plan_id: int | None, public_only: bool, served: bool
) -> None:
    """Open the chair's view, read-only, to share on a screen: it follows the clerk live.

    Public share is on: exempt (Part 2) items are hidden until p is pressed
    (with --public-only, never).
    """
    with _read_only_store(_database(), meeting_id, plan_id) as store:
        from board_tui.screens.shell.chair_app import ChairApp

        ChairApp(
            store,
            meeting_id=meeting_id,
            plan_id=plan_id,
            public_only=public_only or served,
            remember_theme=not served,
        ).run()


def _shell_command(command: list[str]) -> str:
    """One command line for the shell textual-serve starts each viewer with."""
    return subprocess.list2cmdline(command) if os.name == "nt" else shlex.join(command)


@click.command(name="serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    type=Host(),
    help="Address to listen on: this machine's address on the network to serve other machines.",
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port."
)
@click.option(
    "--max-viewers",
    default=20,
    show_default=True,
    type=click.IntRange(1, 200),
    metavar="N",
    help="Browser tabs watching at once; the next is asked to try again later.",
)
@_view_options
def serve_command(
    host: str,
    port: int,
    max_viewers: int,
    meeting_id: int | None,
    plan_id: int | None,
) -> None:
    """Serve the chair's view to browser tabs: public share only, behind a token.

    Each tab runs its own read-only view in which p does nothing; the address printed
    carries a random access token, new each run. A private view with Part 2 is
    board-tui chair (or v in the app) on the clerk's own screen, never a browser.
    """
    path = _database()
    if isinstance(path, Path):
        path = path.resolve()
    with _read_only_store(path, meeting_id, plan_id):
        pass  # a wrong --db or id fails here in one line, not later in the browser
    command = [sys.executable, "-m", "board_tui", "chair", "--public-only", "--served"]
    command += ["--db", str(path)]
    for option, value in (("--meeting", meeting_id), ("--plan", plan_id)):
        if value is not None:
            command += [option, str(value)]
    from board_tui.cli.serve import ChairServer, ServeError

    server = ChairServer(_shell_command(command), host=host, port=port, max_viewers=max_viewers)
    try:
        server.serve()
    except ServeError as error:
        raise click.ClickException(str(error)) from None
