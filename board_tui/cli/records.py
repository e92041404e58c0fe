"""Printing plain records as a table (or as JSON, for scripts): `list` and `board list`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import click


def echo_records(records: Sequence[dict[str, Any]], *, as_json: bool, kind: str) -> None:
    """One line per record under an upper-case header, or the records as JSON."""
    if as_json:
        click.echo(json.dumps(list(records), ensure_ascii=False, indent=2))
        return
    if not records:
        click.echo(f"No {kind}.")
        return
    columns = list(records[0])
    widths = {c: max(len(c), *(len(str(r[c] or "")) for r in records)) for c in columns}
    click.echo("  ".join(c.upper().ljust(widths[c]) for c in columns).rstrip())
    for record in records:
        click.echo("  ".join(str(record[c] or "").ljust(widths[c]) for c in columns).rstrip())
