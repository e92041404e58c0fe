"""Whether a file name can be used at all: asked by the checked arguments and by the
plain launch, which reads --db without click (board_tui/cli/launch.py)."""

from __future__ import annotations

import os
from pathlib import Path

NAME_MAX_BYTES = 255
"""The longest file or folder name most file systems (ext4, APFS, NTFS) accept."""
PATH_MAX_BYTES = 4095


def check_file_name(path: str) -> str | None:
    """Why a file name cannot be used, or None: empty, or longer than file systems allow."""
    if not path.strip():
        return "give a file name (it is empty)"
    raw = os.fsencode(path)
    if len(raw) > PATH_MAX_BYTES:
        return f"the path is too long (at most {PATH_MAX_BYTES} bytes)"
    for part in Path(path).parts:
        if len(os.fsencode(part)) > NAME_MAX_BYTES:
            return f"the name {part[:40]!r}… is too long (at most {NAME_MAX_BYTES} bytes)"
    return None
