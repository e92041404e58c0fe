"""The public chair share shows no Part 2, in the clerk's app (`v`) and in the `board-tui chair`
process (which `board-tui serve` runs for each browser tab): not the exempt item, not its
unflagged sub-item, not what was decided, set or updated on either, in either scope.
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from collections.abc import Iterator
from pathlib import Path

import pytest
from terminal import Pty
from test_chair_process import START_SECONDS, plain, wait_for_text
from test_chair_view import shown

from board_tui.screens.chair import ChairScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.services.chair_view import EXEMPT_TITLE
from board_tui.storage.store import Store
from security.part2 import PUBLIC_WORD, Part2, build_part2, leaks


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


async def test_the_chair_view_in_the_app_shows_no_part2(store: Store, clock) -> None:
    part2 = build_part2(store, clock)
    app = BoardApp(store, open_meeting_id=part2.meeting_id)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, ChairScreen)
        seen = [shown(screen)]  # on the sub-item
        await pilot.press("a")
        seen.append(shown(screen))  # the whole plan
        await pilot.press("a")
        for item_id in (part2.parent_id, part2.public_item_id):
            store.move_to_item(part2.meeting_id, item_id)
            screen.reload()
            await pilot.pause()
            seen.append(shown(screen))
            await pilot.press("a")
            seen.append(shown(screen))
            await pilot.press("a")
        assert [leaks(text) for text in seen] == [[]] * len(seen)
        assert EXEMPT_TITLE in seen[0] and PUBLIC_WORD in seen[-1]

        await pilot.press("p", "y")  # public share off (asked first): now it shows, and says so
        assert leaks(shown(screen)) != []
        assert "CONFIDENTIAL \u2013 Part 2" in shown(screen)


@pytest.fixture
def scenario_db(tmp_path: Path) -> Iterator[tuple[Path, Part2]]:
    from conftest import FakeClock

    db = tmp_path / "board.sqlite3"
    clock = FakeClock()
    with Store.open(db, clock=clock) as store:
        part2 = build_part2(store, clock)
    yield db, part2


def test_the_chair_process_shows_no_part2(scenario_db: tuple[Path, Part2], tmp_path: Path) -> None:
    """What the chair's own window paints, byte for byte, while the clerk walks the items."""
    db, part2 = scenario_db
    env = {**os.environ, "TERM": "xterm-256color", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    main_fd, child_fd = pty.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 140, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "board_tui", "chair", "--db", str(db)],
        stdin=child_fd,
        stdout=child_fd,
        stderr=child_fd,
        env=env,
        start_new_session=True,
    )
    os.close(child_fd)
    terminal = Pty(main_fd)
    painted: list[str] = []

    def until(text: str) -> None:
        """Wait for text in what was painted since the last step, and keep all of it."""
        try:
            wait_for_text(terminal, text, START_SECONDS)
        finally:
            painted.append(plain(terminal.screen))
            terminal.screen = b""

    try:
        until("PUBLIC SHARE")
        until("Next: 5. Any Other Business")  # on the sub-item
        terminal.type(b"a")
        until("Whole plan")
        terminal.type(b"a")
        until("Actions for item")
        with Store.open(db) as clerk:
            clerk.move_to_item(part2.meeting_id, part2.public_item_id)
            until("community hub programme")
            clerk.move_to_item(part2.meeting_id, part2.parent_id)
            until("Next: 4.1")
        terminal.type(b"a")
        until("Whole plan")
        public = "".join(painted)
        terminal.type(b"p")  # public share off, once confirmed: the same window paints Part 2
        until("Turn public share off?")
        terminal.type(b"y")
        until("Secretparent")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        os.close(main_fd)
    assert leaks(public) == []
    assert PUBLIC_WORD in public
