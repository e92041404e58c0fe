"""A program run in a real pseudo-terminal: when its first screen is painted, and its memory.

Cold start is timed from launching the process to the moment the text the
first screen shows (with its data) has been written to the terminal: the same
clock for the app and for the bare Textual app it is compared with.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from pathlib import Path

ROWS, COLUMNS = 40, 120
DEADLINE_SECONDS = 60.0
# Escape sequences Textual writes: CSI (cursor moves, colours), OSC and DCS strings.
_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[PX^_].*?\x1b\\|\x1b."
)


class Terminal:
    """One program in a pseudo-terminal of 120 × 40, with what it has painted so far."""

    def __init__(self, command: Sequence[str], *, cwd: Path | None = None) -> None:
        main_fd, child_fd = pty.openpty()
        fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LINES": str(ROWS)}
        env.pop("TEXTUAL", None)
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(command),
            stdin=child_fd,
            stdout=child_fd,
            stderr=child_fd,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
        os.close(child_fd)
        self.fd = main_fd
        self.output = b""
        os.set_blocking(self.fd, False)

    def _read(self) -> None:
        try:
            while chunk := os.read(self.fd, 1 << 16):
                self.output += chunk
        except (BlockingIOError, OSError):
            pass

    def text(self) -> str:
        return _ESCAPES.sub(b"", self.output).decode("utf-8", "replace")

    def wait_for(self, marker: str, *, since: int = 0) -> float:
        """Seconds from launch until `marker` is painted (in the output after byte `since`)."""
        deadline = time.perf_counter() + DEADLINE_SECONDS
        while time.perf_counter() < deadline:
            self._read()
            if marker in _ESCAPES.sub(b"", self.output[since:]).decode("utf-8", "replace"):
                return time.perf_counter() - self.started
            if self.process.poll() is not None:
                raise RuntimeError(f"the program ended before painting {marker!r}: {self.text()}")
            time.sleep(0.001)
        raise TimeoutError(f"{marker!r} was not painted within {DEADLINE_SECONDS:.0f} s")

    def keys(self, data: bytes) -> int:
        """Type keys; returns where the output stood, for wait_for(since=…)."""
        self._read()
        mark = len(self.output)
        os.write(self.fd, data)
        return mark

    def wait_for_exit(self) -> int:
        """Keep reading (a full terminal would block the program) until it ends."""
        deadline = time.perf_counter() + DEADLINE_SECONDS
        while self.process.poll() is None:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"the program did not end within {DEADLINE_SECONDS:.0f} s")
            self._read()
            time.sleep(0.01)
        return self.process.returncode

    def peak_memory_kib(self) -> int:
        """The process's peak resident memory so far (VmHWM), in KiB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
        if found is None:
            raise RuntimeError("this system does not report peak memory (VmHWM)")
        return int(found.group(1))

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        os.close(self.fd)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
