"""Writing an export so that a crash, a full disk or a typo never costs the clerk a document.

The file is written to a temporary name in the target folder, flushed to disk, and
only then renamed over the target: readers see the old file or the whole new one,
never half of one. Without force an existing file is never replaced, even if it
appears while the export runs.

Who may read it: a new export gets the mode the clerk's umask gives a new document
(0644 under the usual 022, owner-only under 077), a replaced one keeps the old
file's mode, and a private export (the confidential Part 2 annex) is owner-only
(0600) whatever the umask or the file it replaces.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from board_tui.domain.errors import BoardTuiError
from board_tui.storage import new_files
from board_tui.storage.new_files import NEW_FILE_FLAGS

__all__ = ["ExportError", "check_distinct", "check_target", "same_file", "write_atomically"]

NEW_FILE_MODE = 0o666
"""Asked for when a public export is created; the clerk's umask takes from it, as for
any document their programs make."""
PRIVATE_MODE = 0o600
"""The confidential annex: its owner only, always."""
_TEMPORARY_TRIES = 100


class ExportError(BoardTuiError):
    """An export could not be written; the one-line message names the file and why."""


def check_target(path: Path, *, force: bool) -> None:
    """Refuse before any work is done: a missing or unwritable folder, or a file in the way."""
    folder = path.parent
    try:
        if path.is_dir():
            raise ExportError(f"cannot write {path}: it is a folder, not a file")
        if not folder.is_dir():
            raise ExportError(f"cannot write {path}: the folder {folder} does not exist")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise ExportError(f"cannot write {path}: the folder {folder} is not writable")
        if path.exists() and not force:
            raise ExportError(f"{path} already exists; use --force to replace it")
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):
            raise ExportError(f"cannot write {path}: it is not a regular file")
    except OSError as error:  # a name too long, a loop of links: typed into the app's dialog
        raise ExportError(_reason(error, path)) from None


def same_file(first: Path, second: Path) -> bool:
    """Whether two names could be one file: the same file now, or the same path once resolved.

    Letter case is ignored, as Windows and macOS ignore it, so a pair that would land
    on one file there is refused everywhere.
    """
    try:
        if first.exists() and second.exists() and os.path.samefile(first, second):
            return True
    except OSError:
        pass
    resolved = [os.path.normcase(os.path.realpath(p)).casefold() for p in (first, second)]
    return resolved[0] == resolved[1]


def check_distinct(outputs: Sequence[Path], inputs: Sequence[Path] = ()) -> None:
    """Refuse, before anything is written, two outputs that are one file, or an output that
    is one of the files the export reads (its template, the database)."""
    for index, path in enumerate(outputs):
        for other in outputs[index + 1 :]:
            if same_file(path, other):
                raise ExportError(f"{path} and {other} name the same file; give each its own")
        for source in inputs:
            if same_file(path, source):
                raise ExportError(f"{path} is {source}, which this export reads; name another file")


def _reason(error: OSError, path: Path) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"cannot write {path}: the disk is full; nothing was changed"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write {path}: the folder {path.parent} is not writable"
    if error.errno == errno.ENOENT:
        return f"cannot write {path}: the folder {path.parent} does not exist"
    if error.errno == errno.ENAMETOOLONG:
        return f"cannot write {path}: the name is too long"
    return f"cannot write {path}: {error.strerror or error}"


def open_temporary(
    folder: Path, name: str, mode: int, *, exact_mode: int | None = None
) -> tuple[int, str]:
    """A new file beside the target, under a random name, opened for writing.

    O_EXCL|O_NOFOLLOW: it is always a new file, never one (or a link) already there.
    The mode is asked for at creation, so the system applies the clerk's umask to it;
    exact_mode, when given, is set on it straight after, whatever the umask.
    """
    flags = NEW_FILE_FLAGS
    for _ in range(_TEMPORARY_TRIES):
        temporary = os.path.join(folder, f".{name}.{new_files.random_part(6)}.part")
        try:
            fd = os.open(temporary, flags, mode)
        except FileExistsError:
            continue
        if exact_mode is not None:
            try:
                _chmod(fd, temporary, exact_mode)
            except OSError:
                os.close(fd)
                os.unlink(temporary)
                raise
        return fd, temporary
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def write_atomically(
    path: Path, write: Callable[[BinaryIO], None], *, force: bool, private: bool = False
) -> Path:
    """Write through `write(handle)` to a temporary file beside `path`, then move it into place.

    private: owner-only (0600), whatever the umask or the mode of a file replaced.
    Raises ExportError (and leaves no temporary file) on any failure to write.
    """
    path = Path(path).expanduser()
    check_target(path, force=force)
    temporary: str | None = None
    try:
        if private:
            exact: int | None = PRIVATE_MODE
        else:  # a replaced document keeps who may read it
            exact = path.stat().st_mode & 0o777 if path.exists() else None
        handle_fd, temporary = open_temporary(
            path.parent, path.name, PRIVATE_MODE if private else NEW_FILE_MODE, exact_mode=exact
        )
        with os.fdopen(handle_fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        _move_into_place(temporary, path, force=force)
        temporary = None
        _sync_folder(path.parent)
    except FileExistsError:
        raise ExportError(f"{path} already exists; use --force to replace it") from None
    except OSError as error:
        raise ExportError(_reason(error, path)) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return path


def _move_into_place(temporary: str, path: Path, *, force: bool) -> None:
    if force:
        os.replace(temporary, path)
        return
    # A hard link fails if the target exists, so a file that appeared meanwhile is kept.
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def _chmod(fd: int, name: str, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows: only the read-only bit means anything there
        os.chmod(name, mode)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder, so best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
