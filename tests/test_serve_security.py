"""`board-tui serve` on a meeting room's network (issue 16, item 5), tried with a real
websocket client as a browser (or an intruder) would connect: no token, no view; a foreign
Origin or Host, refused; with the token, the public view, in which `p` does nothing and
`t` writes nothing; one viewer too many, refused politely; "Serving on" only once bound.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pytest
from faults import db_state
from textual.widgets import Static

from board_tui.cli.serve import DEFAULT_MAX_VIEWERS, TRY_AGAIN_LATER, ChairServer
from board_tui.domain.model import NoteKind
from board_tui.screens.chair import ChairScreen
from board_tui.screens.shell.chair_app import ChairApp
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

START_SECONDS = 30
SECRET = "SECRETDEPOT"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def part2_live(tmp_path: Path) -> Path:
    """The demo's next meeting, live, at a Part 2 item holding a confidential decision."""
    db = tmp_path / "board.sqlite3"
    with Store.open(db) as store:
        meeting_id = build_demo(store).next_meeting_id
        secret = store.add_agenda_item(meeting_id, f"Disposal of the {SECRET}", exempt=True)
        store.add_note(secret.id, NoteKind.DECISION, f"It was agreed to sell the {SECRET}.")
        store.start_meeting(meeting_id)
        store.move_to_item(meeting_id, secret.id)
    return db


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "TERM": "xterm-256color",
    }


@contextlib.contextmanager
def serving(
    db: Path | str, env: dict[str, str], *extra: str
) -> Iterator[tuple[subprocess.Popen[str], list[str]]]:
    """`board-tui serve` as a clerk starts it; yields the process and the addresses printed."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "board_tui", "serve", "--db", str(db), "--port", str(port), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,
    )
    output = server.stdout
    assert output is not None
    printed: list[str] = []
    reader = threading.Thread(target=lambda: printed.extend(output), daemon=True)
    reader.start()  # keeps reading, so the server never blocks on a full pipe
    deadline = time.monotonic() + START_SECONDS
    try:
        while not any("ctrl+c stops" in line for line in printed):
            assert time.monotonic() < deadline, f"serve printed no address: {printed}"
            assert server.poll() is None, f"serve stopped: {printed}"
            time.sleep(0.05)
        yield server, re.findall(r"http://\S+\?token=\S+", "".join(printed))
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)
        reader.join(timeout=10)


def status(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return int(error.code), error.read().decode("utf-8")


def parts(address: str) -> tuple[str, str]:
    """(http://host:port, token) of a printed address."""
    split = urlsplit(address)
    return f"http://{split.netloc}", split.query.removeprefix("token=")


async def handshake(url: str, **headers: str) -> int:
    """The HTTP status a websocket handshake gets (101 once it is accepted)."""
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers):
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


# -- without the token, from elsewhere: refused -----------------------------------------------


async def test_without_the_token_nothing_is_served(part2_live: Path, env: dict[str, str]) -> None:
    with serving(part2_live, env) as (_server, addresses):
        base, token = parts(addresses[0])
        assert len(token) >= 32
        for url in (f"{base}/", f"{base}/?token=", f"{base}/?token={token[:-1]}x"):
            code, body = status(url)
            assert code == 403, url
            assert "access token" in body and SECRET not in body
        ws = base.replace("http", "ws")
        assert await handshake(f"{ws}/ws") == 404  # textual-serve's own open door is gone
        assert await handshake(f"{ws}/ws/{token[:-1]}x?width=80&height=24") == 403
        assert status(f"{base}/download/x")[0] == 404


async def test_a_foreign_origin_or_host_is_refused(part2_live: Path, env: dict[str, str]) -> None:
    with serving(part2_live, env) as (_server, addresses):
        base, token = parts(addresses[0])
        port = urlsplit(base).port
        assert port is not None
        ws = f"{base.replace('http', 'ws')}/ws/{token}?width=80&height=24"
        assert await handshake(ws, Origin="http://evil.example") == 403
        assert await handshake(ws, Origin=f"http://evil.example:{port}") == 403
        # DNS rebinding: a page at evil.example whose name now points here.
        code, _ = status(f"{base}/?token={token}", {"Host": f"evil.example:{port}"})
        assert code == 403
        assert await handshake(ws, Host=f"evil.example:{port}") == 403
        assert status(f"{base}/?token={token}", {"Host": f"127.0.0.1:{port + 1}"})[0] == 403


# -- with the token: the public view, read-only ------------------------------------------------


async def _paint(ws: aiohttp.ClientWebSocketResponse, seconds: float, until: bytes = b"") -> bytes:
    painted = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not (until and until in painted):
        try:
            message = await ws.receive(timeout=max(deadline - time.monotonic(), 0.01))
        except TimeoutError:
            break
        if message.type == aiohttp.WSMsgType.BINARY:
            painted += message.data
        elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            break
    return painted


async def test_a_viewer_sees_the_public_view_and_can_neither_unlock_nor_write(
    part2_live: Path, env: dict[str, str], tmp_path: Path
) -> None:
    before = db_state(part2_live)
    with serving(part2_live, env, "--max-viewers", "1") as (_server, addresses):
        base, token = parts(addresses[0])
        ws_url = f"{base.replace('http', 'ws')}/ws/{token}?width=120&height=40"
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(ws_url, headers={"Origin": base}) as ws,
        ):
            painted = await _paint(ws, START_SECONDS, b"PUBLIC SHARE")
            assert b"PUBLIC SHARE" in painted
            assert b"Exempt item (Part 2)" in painted
            await ws.send_json(["stdin", "p"])  # a viewer tries to turn public share off
            await ws.send_json(["stdin", "t"])  # and to change the server's remembered theme
            painted += await _paint(ws, 3.0)
            assert SECRET.encode() not in painted
            assert b"NOT PUBLIC" not in painted

            # A second viewer is one too many here (--max-viewers 1): told, and no process.
            async with session.ws_connect(ws_url, headers={"Origin": base}) as second:
                closed = await second.receive(timeout=10)
                assert closed.type == aiohttp.WSMsgType.CLOSE
                assert closed.data == TRY_AGAIN_LATER
                assert "already has its 1 viewers" in (closed.extra or "")
            code, body = status(f"{base}/?token={token}")
            assert code == 503 and "try again" in body

            await ws.send_json(["resize", {"width": 10**9, "height": -5}])  # hostile sizes
            await ws.send_str("not json")  # and a malformed message: ignored, never a crash
            await ws.send_json(["stdin", "q"])
    assert not (tmp_path / "config" / "board-tui" / "chair.json").exists()
    assert db_state(part2_live) == before


async def test_the_page_takes_its_addresses_from_the_browser_not_0_0_0_0(
    part2_live: Path, env: dict[str, str]
) -> None:
    with serving(part2_live, env, "--host", "0.0.0.0") as (_server, addresses):
        assert addresses and not any("0.0.0.0" in a for a in addresses)
        _, token = parts(addresses[0])
        port = urlsplit(addresses[0]).port
        # Another address of this machine, as a second machine would use its LAN address.
        code, page = status(f"http://127.0.0.2:{port}/?token={token}")
        assert code == 200, page
        urls = re.findall(r"(?:href|src)=\"([^\"]+)\"|url\([\"']?([^\"')]+)", page)
        assets = [a or b for a, b in urls]
        assert assets and all(a.startswith(f"http://127.0.0.2:{port}/static/") for a in assets)
        assert f'data-session-websocket-url="ws://127.0.0.2:{port}/ws/{token}"' in page
        assert "0.0.0.0" not in page and "googleapis" not in page


def test_serving_is_said_only_once_the_port_is_bound(part2_live: Path, env: dict[str, str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        command = ["serve", "--db", str(part2_live), "--port", str(port)]
        done = subprocess.run(
            [sys.executable, "-m", "board_tui", *command],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    assert done.returncode == 1
    assert "Serving" not in done.stdout + done.stderr
    assert done.stderr.strip().splitlines() == [
        f"Error: cannot serve on 127.0.0.1:{port} (Address already in use)"
    ]


@pytest.mark.parametrize("host", ["", "  ", "a b", "-rf", "http://x"])
def test_a_host_that_is_no_address_is_one_line(part2_live: Path, host: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "board_tui", "serve", "--host", host, "--db", str(part2_live)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "--host" in done.stderr
    assert "Serving" not in done.stdout


# -- twenty viewers at most, by default ----------------------------------------------------------

# A stand-in viewer as light as a process can be: it says it is a Textual app, then waits for
# the server to say quit. The limit is checked before any process starts, so this is enough.
_LIGHT_VIEWER = "import sys; print('__GANGLION__', flush=True); sys.stdin.buffer.read(1)"


async def test_the_twenty_first_viewer_is_refused_politely() -> None:
    port = free_port()
    command = shlex.join([sys.executable, "-c", _LIGHT_VIEWER])
    server = ChairServer(command, host="127.0.0.1", port=port)
    assert server.max_viewers == DEFAULT_MAX_VIEWERS == 20
    await server.start()
    url = f"ws://127.0.0.1:{port}/ws/{server.token}?width=80&height=24"
    try:
        async with aiohttp.ClientSession() as session:
            viewers = [await session.ws_connect(url) for _ in range(DEFAULT_MAX_VIEWERS)]
            await asyncio.sleep(0.2)
            assert len(server.viewers) == 20
            extra = await session.ws_connect(url)
            closed = await extra.receive(timeout=10)
            assert (closed.type, closed.data) == (aiohttp.WSMsgType.CLOSE, TRY_AGAIN_LATER)
            assert closed.extra == (
                "The chair's view already has its 20 viewers; try again when one has closed."
            )
            page = f"http://127.0.0.1:{port}/?token={server.token}"
            async with session.get(page) as response:
                assert response.status == 503
            await viewers.pop().close()  # one leaves: the next is welcome
            for _ in range(50):
                if len(server.viewers) < 20:
                    break
                await asyncio.sleep(0.1)
            viewers.append(await session.ws_connect(url))
            await asyncio.sleep(0.2)
            assert not viewers[-1].closed
            for viewer in viewers:
                await viewer.close()
    finally:
        await server.stop()


def test_the_command_line_default_is_the_servers() -> None:
    from board_tui.cli.chair import serve_command

    option = next(p for p in serve_command.params if p.name == "max_viewers")
    assert option.default == DEFAULT_MAX_VIEWERS


# -- the chair's window with public share locked on --------------------------------------------


async def test_public_only_locks_public_share_on_and_remembers_no_theme(
    part2_live: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    with Store.open(part2_live, read_only=True) as store:
        app = ChairApp(store, public_only=True, remember_theme=False)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            assert isinstance(screen, ChairScreen)
            await pilot.press("p", "t")
            await pilot.pause()
            assert screen.filter.public
            share = str(screen.query_one("#chair-share", Static).render())
            assert "PUBLIC SHARE" in share
            assert SECRET not in str(screen.query_one("#chair-decisions-text", Static).render())
            assert " p " not in str(screen.query_one("#chair-keys", Static).render())
    assert not (tmp_path / "config" / "board-tui" / "chair.json").exists()
