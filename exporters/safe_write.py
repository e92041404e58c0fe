"""Writing an export so that a crash, a full disk or a typo never costs the clerk a document.

The file is written to a temporary name in the target folder, flushed to disk, and
only then renamed over the target: readers see the old file or the whole new one,
never half of one. Without force an existing file is never replaced, even if it
appears while the export runs.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from board_tui.domain.errors import BoardTuiError

__all__ = ["ExportError", "check_target", "write_atomically"]

NEW_FILE_MODE = 0o644
"""New exports are ordinary documents a clerk can share; a replaced file keeps its mode."""


class ExportError(BoardTuiError):
    """An export could not be written; the one-line message names the file and why."""


def check_target(path: Path, *, force: bool) -> None:
    """Refuse before any work is done: a missing or unwritable folder, or a file in the way."""
    folder = path.parent
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a folder, not a file")
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write {path}: the folder {folder} is not writable")
    if path.exists() and not force:
        raise ExportError(f"{path} already exists; use --force to replace it")


def _reason(error: OSError, path: Path) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"cannot write {path}: the disk is full; nothing was changed"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write {path}: the folder {path.parent} is not writable"
    if error.errno == errno.ENOENT:
        return f"cannot write {path}: the folder {path.parent} does not exist"
    return f"cannot write {path}: {error.strerror or error}"


def write_atomically(path: Path, write: Callable[[BinaryIO], None], *, force: bool) -> Path:
    """Write through `write(handle)` to a temporary file beside `path`, then move it into place.

    Raises ExportError (and leaves no temporary file) on any failure to write.
    """
    path = Path(path).expanduser()
    check_target(path, force=force)
    temporary: str | None = None
    try:
        handle_fd, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
        with os.fdopen(handle_fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else NEW_FILE_MODE)
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
