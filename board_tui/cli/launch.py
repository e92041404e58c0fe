"""`board-tui` on its own, or with only --db: the app, opened without loading click.

Most starts are the clerk's plain launch, and reading its one option through click cost
3 per cent of the start and 1.7 MiB (benchmarks/PROFILES.md). Anything else on the line
goes to the full command line (board_tui/cli/main.py), which reads, checks and refuses
it exactly as it always has; what the plain launch refuses (a file that is not a
database, a schema too new) it says in the same one line and exit code.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from board_tui.cli.file_names import check_file_name
from board_tui.domain.errors import BoardTuiError
from board_tui.domain.safe_text import for_terminal

if TYPE_CHECKING:
    from pathlib import Path

    from board_tui.storage.store import Store


_EXPANDED = set("$%*?[")
"""What click's Windows argument expansion may read in a value (variables and wildcards)."""


def plain_launch(args: Sequence[str]) -> tuple[bool, str | None]:
    """Whether the words are a plain launch, and --db's value if they give one."""
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--db":
        value = args[1]
    elif len(args) == 1 and args[0].startswith("--db="):
        value = args[0].removeprefix("--db=")
    else:
        return False, None
    # A value the full command line would refuse (or read as an option) is its to refuse,
    # and one it may rewrite (on Windows click expands $VARIABLES and wildcards) its to read.
    plain = not value.startswith("-") and not _EXPANDED & set(value)
    return plain and check_file_name(value) is None, value


def main() -> None:
    plain, db = plain_launch(sys.argv[1:])
    try:
        store = _open(db) if plain else None
        if store is not None:
            with store:
                run_app(store)
            return
    except BoardTuiError as error:
        sys.stderr.write(f"Error: {for_terminal(str(error), one_line=True)}\n")
        sys.exit(1)
    except KeyboardInterrupt:  # as click ends a command stopped before the app took the keys
        sys.stderr.write("\nAborted!\n")
        sys.exit(1)
    from board_tui.cli.main import main as full_command_line

    full_command_line()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection while modules load, and what they made kept out of its sight.

    Nearly everything an import makes lives as long as the app: the collector walked it
    again and again as the modules loaded (4 per cent of the start), and would walk it at
    every full collection after, between the clerk's keys (benchmarks/PROFILES.md).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _open(db: str | None) -> Store:
    """The store, opened as the full command line opens it (a refusal is a BoardTuiError,
    said in the same one line), with a network drive's warning on stderr."""
    with collector_paused():
        from board_tui.config import database_path
        from board_tui.storage.store import Store

    store = Store.open(database_path(db))
    if store.network_warning:
        sys.stderr.write(for_terminal(f"Warning: {store.network_warning}") + "\n")
    return store


def run_app(store: Store, *, meeting_id: int | None = None) -> None:
    """The clerk's app, holding the database against a second clerk's app (storage/instance.py).

    A second one is told who has it and since when, and offered the read-only chair's view.
    """
    import sqlite3

    with collector_paused():
        from board_tui.screens.shell.app import BoardApp
        from board_tui.storage.instance import InstanceLock

    lock = InstanceLock(store.path) if store.path is not None else None
    holder = lock.claim() if lock is not None else None
    if holder is not None:
        _offer_read_only(store, holder.describe(), meeting_id)
        return
    # The only app of this clerk here: a meeting held in its own name was left by a crash.
    store.sole_app_of_this_clerk = lock is not None and lock.held
    try:
        BoardApp(store, open_meeting_id=meeting_id).run()
    finally:
        # Every meeting this app held is let go, however it ended (its screens let go of
        # theirs as they close; an app that dies unseen lets its holds lapse).
        with contextlib.suppress(BoardTuiError, sqlite3.Error):
            store.release_holds()
        if lock is not None:
            lock.release()


def _offer_read_only(store: Store, holder: str, meeting_id: int | None) -> None:
    import click

    from board_tui.cli.support import say
    from board_tui.screens.shell.chair_app import ChairApp
    from board_tui.storage.store import Store as ReadOnlyStore

    assert store.path is not None
    path: Path = store.path
    say(f"{path}: board-tui has it open already ({holder}).", err=True)
    try:
        wanted = sys.stdin.isatty() and click.confirm(
            "Open it read-only instead, in the chair's view?", default=True, err=True
        )
    except click.Abort:  # ctrl+c or ctrl+d at the question: as at any start, "Aborted!"
        raise KeyboardInterrupt from None
    if not wanted:
        raise BoardTuiError(
            f"{path}: open in board-tui already ({holder}); "
            "close it there first, or use board-tui chair to follow the meeting"
        )
    store.close()
    # A refusal here (a schema too new to read) is a BoardTuiError, said by the caller.
    with ReadOnlyStore.open(path, read_only=True) as watcher:
        ChairApp(watcher, meeting_id=meeting_id).run()
