"""Every value on the command line, checked before any command uses it.

A bad value is a usage error: one line on stderr ("Error: --meeting: …") and exit
code 2, before the database is opened or a file is touched. What each type lets
through can be used as it is: an id fits SQLite's integer, a date leaves room for
an agenda's times after it, a file name fits the file system's limit, text is
valid UTF-8.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
from pathlib import Path
from typing import IO, Any

import click

from board_tui.cli.file_names import check_file_name
from board_tui.domain.safe_text import for_terminal

MAX_ID = 2**63 - 1
"""The largest integer SQLite holds: a larger "id" cannot name anything."""
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2999, 12, 31)
"""Dates outside these are typing slips; inside them every date sum the app makes fits."""
_ASCII_DIGITS = re.compile(r"[0-9]+")
_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_HOST_NAME = re.compile(
    r"(?i)^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$"
)


class ArgumentError(click.UsageError):
    """A value the command cannot use: one line and exit 2 (the full usage would hide it)."""

    def __init__(self, message: str, ctx: click.Context | None = None) -> None:
        super().__init__(for_terminal(message, one_line=True), ctx)

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"Error: {self.format_message()}", err=True, file=file)


def _name(param: click.Parameter | None) -> str:
    """--meeting for an option, MEETING for an argument."""
    if param is None:
        return "value"
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    return (param.metavar or param.name or "value").strip("[]").upper()


def fail(param: click.Parameter | None, ctx: click.Context | None, message: str) -> ArgumentError:
    return ArgumentError(f"{_name(param)}: {message}", ctx)


def _text(value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
    text = str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # Bytes that are not UTF-8 arrive as lone surrogates, which SQLite cannot take.
        raise fail(param, ctx, "is not valid UTF-8 text") from None
    return text


class Text(click.ParamType[str]):
    """Words: a board's name, a title, a search; refused when not valid UTF-8."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        return _text(value, param, ctx)


class RecordId(click.ParamType[int]):
    """An id from `board-tui list …`: plain digits, 1 up to SQLite's largest integer."""

    name = "id"

    def __init__(self, what: str) -> None:
        self.what = what

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            text = _text(value, param, ctx).strip()
            if not _ASCII_DIGITS.fullmatch(text):
                raise fail(
                    param,
                    ctx,
                    f"{text!r} is not a {self.what} id (see board-tui list {self.what}s)",
                )
            number = int(text)
        if not 1 <= number <= MAX_ID:
            raise fail(
                param, ctx, f"{number} is not a {self.what} id (see board-tui list {self.what}s)"
            )
        return number


class PlanRef(click.ParamType[int | str]):
    """An action plan by id (digits) or by title (anything else)."""

    name = "plan"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> int | str:
        if isinstance(value, int) and not isinstance(value, bool):
            return RecordId("plan").convert(value, param, ctx)
        text = _text(value, param, ctx).strip()
        if _ASCII_DIGITS.fullmatch(text):
            return RecordId("plan").convert(text, param, ctx)
        if not text:
            raise fail(param, ctx, "name the plan: an id or a title (see board-tui list plans)")
        return text


class Day(click.ParamType[dt.date]):
    """YYYY-MM-DD, from 1900 to 2999."""

    name = "date"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            day = value
        else:
            text = _text(value, param, ctx).strip()
            try:
                if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
                    raise ValueError(text)
                day = dt.date.fromisoformat(text)
            except ValueError:
                raise fail(param, ctx, f"{text!r} is not a date (YYYY-MM-DD)") from None
        if not FIRST_DAY <= day <= LAST_DAY:
            raise fail(
                param, ctx, f"{day.isoformat()} is not a date from {FIRST_DAY} to {LAST_DAY}"
            )
        return day


class ClockTime(click.ParamType[dt.time]):
    """HH:MM on the 24-hour clock."""

    name = "time"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.time:
        if isinstance(value, dt.time):
            return value
        text = _text(value, param, ctx).strip()
        match = _CLOCK.fullmatch(text)
        if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            raise fail(param, ctx, f"{text!r} is not a time (HH:MM, 24-hour clock)")
        return dt.time(int(match.group(1)), int(match.group(2)))


class FileName(click.ParamType[Path]):
    """A file to read or write: named, and every part of its path short enough to exist.

    Whether it exists, and is a regular file, is for the command to say (naming it):
    a folder, a pipe or a device each get their own one line there.
    """

    name = "file"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        if isinstance(value, Path):
            value = str(value)
        text = str(value)
        problem = check_file_name(text)
        if problem is not None:
            raise fail(param, ctx, problem)
        return Path(text).expanduser()


class Host(click.ParamType[str]):
    """An address to listen on: an IP address or a host name, never empty."""

    name = "host"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = _text(value, param, ctx).strip()
        if not text:
            raise fail(
                param,
                ctx,
                "give an address (127.0.0.1 for this machine only, or this machine's"
                " address on the network); an empty one would listen on every network",
            )
        bare = text[1:-1] if text.startswith("[") and text.endswith("]") else text
        try:
            return str(ipaddress.ip_address(bare))
        except ValueError:
            pass
        if not _HOST_NAME.fullmatch(text):
            raise fail(param, ctx, f"{text!r} is not an IP address or a host name")
        return text.rstrip(".").lower()
