"""`board-tui serve`: the chair's view in a browser tab, through textual-serve, fit for a
meeting room's network.

textual-serve runs one process per browser tab and serves the page that drives it;
on its own it asks for no password, checks neither the Origin nor the Host of a
request, starts as many processes as there are connections, builds the page's
asset addresses from the address it listens on (so `0.0.0.0` pages are broken on
every other machine) and says it is serving before it has bound its port. This
server keeps textual-serve's process handling and page, and adds:

- an access token, random for each run, in the printed address (as Jupyter does):
  the page and the websocket need it, compared in constant time;
- the Host of every request checked (a web page elsewhere cannot reach this server
  by a name of its own choosing: DNS rebinding), and the Origin of the websocket;
- at most `max_viewers` tabs at once; the next is told so, politely, and no process
  is started for it;
- asset and websocket addresses built from the address the browser used;
- "Serving on …" printed only once the port is bound;
- the page's one remote asset, its font, served from textual-serve's own folder, so
  the view needs no internet;
- a viewer process that is public-only and writes nothing (`board-tui chair
  --public-only --served`): `p` does nothing, and `t` changes that tab's theme only.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import json
import logging
import os
import re
import secrets
import signal
import socket
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
import click
import jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

log = logging.getLogger("board-tui.serve")

TEMPLATE = "app_index.html"
_REMOTE_FONT = re.compile(
    r"<link\s+rel=\"stylesheet\"\s+href=\"https://fonts\.googleapis\.com[^\"]*\"\s*/?>"
)
_LOCAL_FONT = (
    "<style>@font-face { font-family: 'Roboto Mono';"
    " src: url('{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf'); }</style>"
)

DEFAULT_MAX_VIEWERS = 20
TRY_AGAIN_LATER = 1013
"""The websocket close code for "the server is busy, try again later" (RFC 6455 registry)."""
TERMINAL_CELLS = (10, 500)
"""The smallest and largest terminal width or height a tab may ask for."""
_HEADERS = {
    # The token is in the address: no page elsewhere hears of it, or frames this one.
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
}


def offline_page(templates: Path) -> str:
    """textual-serve's page with its one remote asset (the font) served locally."""
    return _REMOTE_FONT.sub(_LOCAL_FONT, (templates / TEMPLATE).read_text(encoding="utf-8"))


def _cells(value: object, default: int) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(max(number, TERMINAL_CELLS[0]), TERMINAL_CELLS[1])


def _split_host(host: str) -> tuple[str, int | None] | None:
    """("192.168.1.20", 8000) from a Host header "192.168.1.20:8000"; None if unreadable."""
    try:
        parts = urlsplit(f"//{host}")
        name, port = parts.hostname, parts.port
    except ValueError:
        return None
    if not name:
        return None
    return name.lower().rstrip("."), port


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def url_host(host: str) -> str:
    """A host as it goes in a URL: an IPv6 address in brackets."""
    return f"[{host}]" if ":" in host else host


class ServeError(Exception):
    """The server could not start: the message says why, in one line."""


class ChairServer(Server):
    """Each browser tab starts its own `board-tui chair` process: read-only, public only."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        max_viewers: int = DEFAULT_MAX_VIEWERS,
        title: str = "The chair's view",
        token: str | None = None,
    ) -> None:
        super().__init__(command, host=host, port=port, title=title)
        self.max_viewers = max_viewers
        self.token = token or secrets.token_urlsafe(24)
        self.viewers: set[web.WebSocketResponse] = set()
        self._runner: web.AppRunner | None = None
        self._names = self._host_names()

    # -- who may connect --------------------------------------------------------------------

    def _host_names(self) -> set[str]:
        """The names (not addresses) a browser may use for this machine."""
        names = {self.host.lower()} if not _is_ip(self.host) else set()
        names.add("localhost")
        if not self._loopback_only():
            machine = socket.gethostname().lower()
            names |= {machine, f"{machine}.local", socket.getfqdn().lower()}
        return {n.rstrip(".") for n in names if n}

    def _wildcard(self) -> bool:
        return _is_ip(self.host) and ipaddress.ip_address(self.host).is_unspecified

    def _loopback_only(self) -> bool:
        if self.host == "localhost":
            return True
        return _is_ip(self.host) and ipaddress.ip_address(self.host).is_loopback

    def host_allowed(self, host: str | None) -> bool:
        """Whether a Host header names this server: its port, and an address or name of it.

        Any IP address is taken when listening on every interface (a rebinding page
        needs a name of its own); otherwise the address listened on, or loopback when
        that is where it listens. Names: the one given with --host, localhost, and this
        machine's own names.
        """
        split = _split_host(host or "")
        if split is None:
            return False
        name, port = split
        if (port or 80) != self.port:
            return False
        if _is_ip(name):
            address = ipaddress.ip_address(name)
            if self._wildcard():
                return True
            if self._loopback_only():
                return address.is_loopback
            return name == str(ipaddress.ip_address(self.host))
        return name in self._names

    def token_ok(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def origin_ok(self, request: web.Request) -> bool:
        """A browser's websocket comes from the page this server gave it: same scheme, host."""
        origin = request.headers.get("Origin")
        if origin is None:
            return True  # not a browser: the token alone decides
        parts = urlsplit(origin)
        return parts.scheme in ("http", "https") and parts.netloc.lower() == request.host.lower()

    @web.middleware
    async def _guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if not self.host_allowed(request.headers.get("Host")):
            raise web.HTTPForbidden(text="This server does not answer to that name.\n")
        response: web.StreamResponse = await handler(request)
        response.headers.update(_HEADERS)
        return response

    # -- the page and its websocket ---------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(
            app, loader=jinja2.DictLoader({TEMPLATE: offline_page(Path(self.templates_path))})
        )
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws/{token}", self.handle_websocket, name="websocket"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        app.on_shutdown.append(self.on_shutdown)
        return app

    def _full(self) -> str:
        return (
            f"The chair's view already has its {self.max_viewers} viewers;"
            " try again when one has closed."
        )

    async def handle_index(self, request: web.Request) -> web.Response:
        if not self.token_ok(request.query.get("token")):
            raise web.HTTPForbidden(
                text="This address needs its access token: open the whole address"
                " board-tui serve printed (it ends ?token=…).\n"
            )
        if len(self.viewers) >= self.max_viewers:
            raise web.HTTPServiceUnavailable(text=self._full() + "\n")
        # Built from the address this browser used, so any address of this machine works.
        base = f"{request.scheme}://{request.host}"
        websocket = "wss" if request.scheme == "https" else "ws"
        context = {
            "font_size": _cells(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"{websocket}://{request.host}/ws/{self.token}",
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template(TEMPLATE, request, context)
        response.headers["Cache-Control"] = "no-store"
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not self.token_ok(request.match_info.get("token")):
            raise web.HTTPForbidden(text="Wrong or missing access token.\n")
        if not self.origin_ok(request):
            raise web.HTTPForbidden(text="This view is only shown on its own page.\n")
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=64 * 1024)
        if len(self.viewers) >= self.max_viewers:
            # Told in words and a close code, and no process is started for it.
            await websocket.prepare(request)
            await websocket.close(code=TRY_AGAIN_LATER, message=self._full().encode())
            return websocket
        self.viewers.add(websocket)  # counted before the first await: no race past the limit
        app_service: AppService | None = None

        async def close() -> None:
            await websocket.close()

        try:
            await websocket.prepare(request)
            app_service = AppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=False,
            )
            await app_service.start(
                _cells(request.query.get("width", "80"), 80),
                _cells(request.query.get("height", "24"), 24),
            )
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception:
            log.exception("a viewer's session failed")
        finally:
            self.viewers.discard(websocket)
            if app_service is not None:
                await app_service.stop()
        return websocket

    async def _process_messages(
        self, websocket: web.WebSocketResponse, app_service: AppService
    ) -> None:
        """A tab's keys, size, focus and pings; anything else, or malformed, is ignored."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
                kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            except (ValueError, TypeError, IndexError, KeyError):
                continue
            if kind == "stdin" and isinstance(data, str):
                await app_service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await app_service.set_terminal_size(
                    _cells(data.get("width"), 80), _cells(data.get("height"), 24)
                )
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()

    async def on_shutdown(self, app: web.Application) -> None:
        for websocket in list(self.viewers):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"Server stopped")

    # -- starting and stopping --------------------------------------------------------------

    def addresses(self, port: int | None = None) -> list[str]:
        """The addresses to open, token included: this machine's network address when
        listening on every interface (0.0.0.0 is no address a browser can use)."""
        port = port or self.port
        hosts = [self.host]
        if self._wildcard():
            hosts = [h for h in (_network_address(), "127.0.0.1") if h]
        return [f"http://{url_host(h)}:{port}/?token={self.token}" for h in hosts]

    async def start(self) -> list[str]:
        """Bind and start serving; the addresses to open. Raises ServeError if it cannot."""
        runner = web.AppRunner(await self._make_app(), handle_signals=False, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        try:
            await site.start()
        except OSError as error:
            await runner.cleanup()
            if isinstance(error, socket.gaierror) or not error.errno:
                why = error.strerror or str(error)  # a name that does not resolve
            else:
                why = os.strerror(error.errno)  # not aiohttp's wrapping of it
            raise ServeError(f"cannot serve on {url_host(self.host)}:{self.port} ({why})") from None
        self._runner = runner
        return self.addresses()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def serve(self, debug: bool = False) -> None:
        """Serve until ctrl+c (or SIGTERM); raises ServeError when the port cannot be bound."""
        self.initialize_logging()
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(self._serve_until_stopped())

    async def _serve_until_stopped(self) -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(signum, stop.set)
        addresses = await self.start()
        try:
            click.echo("Serving the chair's view (public share only) on:")
            for address in addresses:
                click.echo(f"  {address}")
            click.echo(
                f"Anyone with the address can watch; at most {self.max_viewers} at once."
                " ctrl+c stops."
            )
            await stop.wait()
        finally:
            await self.stop()


def _network_address() -> str | None:
    """This machine's address on its network, found without sending anything (UDP connect)."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: routed, never reached
        address = str(probe.getsockname()[0])
        if not ipaddress.ip_address(address).is_unspecified:
            return address
    return None
