"""What the fault tests share: running the real command line, and proving nothing changed."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`board-tui ARGS` as a clerk runs it: a real process, no terminal, bounded in time."""
    return subprocess.run(
        [sys.executable, "-m", "board_tui", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def db_state(path: Path) -> tuple[str, str]:
    """The file's bytes and its full SQL dump, each hashed: equal states mean no change.

    The dump is taken read-only after the file's hash, and catches a change left in a
    write-ahead log that the file's own bytes would not show.
    """
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dump = hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()
    return digest, dump


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """Exit 1, no traceback, and one line on stderr holding every one of ``words``."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]
