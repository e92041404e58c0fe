"""A database on a network drive is told about at open, in the app and on the command
line: SQLite can lose or corrupt what is saved there when two computers open it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from notices import Notices

from board_tui.screens.shell.app import BoardApp
from board_tui.storage import network_drive
from board_tui.storage.network_drive import mounted_kind
from board_tui.storage.store import Store

MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid 0 0
server:/export/clerks {share} nfs4 rw,relatime,vers=4.2 0 0
//council-fs/democratic\\040services /mnt/democratic\\040services cifs rw 0 0
/dev/vdb {share}/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/srv/share/board.sqlite3", "nfs4"),
        ("/srv/share", "nfs4"),
        ("/srv/shared/board.sqlite3", None),  # a name that only starts like the share's
        ("/srv/share/local/board.sqlite3", None),  # a local disk mounted inside the share
        ("/mnt/democratic services/TAB/board.sqlite3", "cifs"),
        ("/home/clerk/board.sqlite3", None),
    ],
)
def test_the_deepest_mount_holding_the_file_says_what_it_is(path: str, kind: str | None) -> None:
    assert mounted_kind(Path(path), MOUNTS.format(share="/srv/share")) == kind


def _network_here(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """tmp_path as an NFS share, as /proc/self/mounts would say."""
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS.format(share=tmp_path.resolve()), encoding="utf-8")
    monkeypatch.setattr(network_drive, "MOUNTS", mounts)
    monkeypatch.setattr(sys, "platform", "linux")  # the mounts table, wherever it runs
    return mounts


def test_the_store_says_so_and_a_local_file_says_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _network_here(monkeypatch, tmp_path)
    with Store.open(tmp_path / "shared.sqlite3") as store:
        assert store.network_warning is not None
        assert "network drive (nfs4)" in store.network_warning
        assert "this computer's own disk" in store.network_warning
    (tmp_path / "local").mkdir()
    with Store.open(tmp_path / "local" / "own.sqlite3") as store:
        assert store.network_warning is None


async def test_the_app_tells_the_clerk_at_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _network_here(monkeypatch, tmp_path)
    with Store.open(tmp_path / "shared.sqlite3") as store:
        app = BoardApp(store)
        notices = Notices(app)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert "network drive (nfs4)" in str(notices)


def test_the_command_line_warns_on_stderr_and_carries_on(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS.format(share=tmp_path.resolve()), encoding="utf-8")
    db = tmp_path / "shared.sqlite3"
    run = (
        "import sys; from pathlib import Path; from board_tui.storage import network_drive; "
        f"network_drive.MOUNTS = Path({str(mounts)!r}); "
        "from board_tui.cli.main import main; "
        f"sys.argv = ['board-tui', 'list', 'boards', '--db', {str(db)!r}]; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", run], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    warning = [line for line in done.stderr.splitlines() if line.startswith("Warning: ")]
    assert len(warning) == 1
    assert "network drive (nfs4)" in warning[0]
