"""Whether a database file sits on a network drive, where SQLite cannot keep it safe.

SQLite's own advice: a database on a network file system (NFS, SMB/CIFS, a mapped
Windows drive) can be corrupted when more than one computer uses it, because the
locks it relies on are not honoured there, and WAL mode (the store's) needs memory
shared between the processes that open it. Councils keep files on shared drives, so
the store says so when it opens one there, and the clerk can move it before a meeting.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "ceph",
        "glusterfs",
        "lustre",
        "fuse.sshfs",
        "fuse.davfs2",
        "davfs",
        "9p",
    }
)
"""File systems whose files live on another computer (as /proc/self/mounts names them)."""
MOUNTS = Path("/proc/self/mounts")
_ESCAPED = re.compile(r"\\([0-7]{3})")


def network_kind(path: Path) -> str | None:
    """What kind of network drive `path` (or, for a file not made yet, its folder) is on:
    "nfs4", "cifs", "a network drive" …; None on this computer's own disks, or where the
    system cannot tell (macOS is not asked)."""
    target = Path(os.path.abspath(path))
    if sys.platform == "win32":
        return _windows_kind(target)
    try:
        mounts = MOUNTS.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return mounted_kind(target, mounts)


def mounted_kind(path: Path, mounts: str) -> str | None:
    """The network file system in a mounts table (/proc/self/mounts) that holds `path`."""
    try:
        target = str(path.resolve())
    except OSError:
        target = str(path)
    deepest, kind = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _ESCAPED.sub(lambda m: chr(int(m.group(1), 8)), fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(deepest):
            deepest, kind = point, fields[2]
    return kind if kind in NETWORK_FILE_SYSTEMS else None


def _windows_kind(path: Path) -> str | None:
    text = str(path)
    if text.startswith("\\\\"):
        return "a network share"
    if sys.platform == "win32":  # for mypy: windll is Windows's alone
        import ctypes

        drive = os.path.splitdrive(text)[0]
        drive_remote = 4
        if drive and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote:
            return "a network drive"
    return None


def network_warning(path: Path) -> str | None:
    """One line for the clerk when the database is on a network drive, else None."""
    kind = network_kind(path)
    if kind is None:
        return None
    where = kind if kind.startswith("a ") else f"a network drive ({kind})"
    return (
        f"{path}: is on {where}, where SQLite can lose or corrupt what is saved when more "
        "than one computer opens it; keep the database on this computer's own disk, or "
        "share one store as a team on a PostgreSQL server (--db postgresql://…)"
    )
