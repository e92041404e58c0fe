"""`board-tui serve`: the chair's view in a browser tab, through textual-serve, with no internet.

textual-serve's page fetches its font's stylesheet from Google Fonts; a council
meeting room may have no internet (and a stylesheet that cannot load can hold
the page up). This server gives the page the same font from textual-serve's own
static folder instead, so every asset comes from this machine.
"""

from __future__ import annotations

import re
from pathlib import Path

import aiohttp_jinja2
import click
import jinja2
from aiohttp import web
from textual_serve.server import Server

TEMPLATE = "app_index.html"
_REMOTE_FONT = re.compile(
    r"<link\s+rel=\"stylesheet\"\s+href=\"https://fonts\.googleapis\.com[^\"]*\"\s*/?>"
)
_LOCAL_FONT = (
    "<style>@font-face { font-family: 'Roboto Mono';"
    " src: url('{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf'); }</style>"
)


def offline_page(templates: Path) -> str:
    """textual-serve's page with its one remote asset (the font) served locally."""
    return _REMOTE_FONT.sub(_LOCAL_FONT, (templates / TEMPLATE).read_text(encoding="utf-8"))


class ChairServer(Server):
    """Each browser tab starts its own `board-tui chair` process, read-only, public share on."""

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        page = offline_page(Path(self.templates_path))
        aiohttp_jinja2.setup(app, loader=jinja2.DictLoader({TEMPLATE: page}))
        return app

    async def on_startup(self, app: web.Application) -> None:
        click.echo(f"Serving the chair's view on {self.public_url} (ctrl+c stops)")
