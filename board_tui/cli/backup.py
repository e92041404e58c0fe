"""`board-tui backup` and `board-tui restore FILE`: a copy of the database now, and going back.

The store also backs itself up before imports and schema updates and when a
meeting closes; these commands are for the clerk who wants one by hand, or
needs to go back to one.
"""

from __future__ import annotations

from pathlib import Path

import click

from board_tui.cli.arguments import FileName
from board_tui.cli.support import (
    chosen_database,
    db_option,
    open_store,
    say,
    shown,
    user_errors,
)


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


@click.command(name="backup")
@click.option("--list", "show_list", is_flag=True, help="List the backups kept, newest first.")
@db_option
def backup_command(show_list: bool) -> None:
    """Back up the database now (the newest ten backups are kept), or list them."""
    from board_tui.storage.backups import backup_folder, list_backups

    chosen = chosen_database(existing=True)
    if isinstance(chosen, str):
        _backup_server(chosen, show_list)
        return
    path = chosen
    if show_list:
        found = list_backups(path)
        if not found:
            say(f"No backups of {path} in {backup_folder(path)}.")
            return
        for backup in found:
            say(
                f"{backup.taken_at:%Y-%m-%d %H:%M:%S}  {backup.reason:<9}"
                f"  {_size(backup.size):>8}  {backup.path}"
            )
        return
    with open_store(path) as store, user_errors():
        taken = store.backup()
    assert taken is not None  # a database file, outside any transaction
    say(f"Backed up {path} to {taken}")


@click.command(name="restore")
@click.argument("file", type=FileName())
@db_option
def restore_command(file: Path) -> None:
    """Replace the database with a backup FILE; what it held is backed up first."""
    from board_tui.storage.backups import check_restorable

    chosen = chosen_database()
    if isinstance(chosen, str):
        _restore_server(chosen, file.expanduser())
        return
    path = chosen
    with user_errors():
        # Checked before the store opens, so a bad FILE never touches (or creates) the database.
        check_restorable(file.expanduser(), path)
    with open_store(path) as store, user_errors():
        restored = store.restore_from(file)
    say(f"Restored {path} from {restored.source}")
    say(f"  what it held before is backed up in {restored.saved_before}")
    if restored.migrations:
        say(f"  brought up to date: {', '.join(restored.migrations)}")
    say("  if board-tui is open on this database, close it and open it again")


def _backup_server(url: str, show_list: bool) -> None:
    """A team's store on a server: backed up to a board-tui file in this computer's user
    data folder (services.server_backups), listed the same way."""
    from board_tui.services.server_backups import server_backup_base, take_server_backup
    from board_tui.storage.backups import backup_folder, list_backups

    with user_errors():
        base = server_backup_base(url)
        if show_list:
            found = list_backups(base)
            if not found:
                say(f"No backups of {shown(url)} in {backup_folder(base)}.")
            for backup in found:
                say(
                    f"{backup.taken_at:%Y-%m-%d %H:%M:%S}  {backup.reason:<9}"
                    f"  {_size(backup.size):>8}  {backup.path}"
                )
            return
        taken = take_server_backup(url)
    say(f"Backed up {shown(url)} to {taken}")


def _restore_server(url: str, file: Path) -> None:
    from board_tui.services.server_backups import restore_server

    with user_errors():
        saved_before = restore_server(url, file)
    say(f"Restored {shown(url)} from {file}")
    say(f"  what it held before is backed up in {saved_before}")
