"""The README stays true: its keyboard map is the app's, its commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

from board_tui.screens.shell.keymap import KEYMAP

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def test_the_readme_keyboard_table_is_the_keymap() -> None:
    rows = re.findall(r"^\| (\*\*.+?\*\*|`.+?`) \|\s*(.*?)\s*\|$", _section("Keyboard"), re.M)
    documented: dict[str, list[tuple[str, str]]] = {}
    section = ""
    for first, second in rows:
        if first.startswith("**"):
            section = first.strip("*")
            documented[section] = []
        else:
            documented[section].append((first.strip("`"), second))
    assert documented == {
        name: [(key.keys, key.does) for key in keys] for name, keys in KEYMAP.items()
    }


def test_the_readme_starts_with_a_quick_start_for_windows_too() -> None:
    """A new clerk, most often on a managed Windows laptop, is in within five minutes."""
    sections = re.findall(r"^## (.+)$", README, re.M)
    assert sections[0] == "Quick start"
    assert README.index("## Quick start") < 400
    quick = _section("Quick start")
    assert "Python 3.11" in quick and "Download ZIP" in quick and "git clone" in quick

    def blocks(language: str) -> list[list[str]]:
        found = re.findall(rf"```{language}\n(.+?)\n\s*```", quick, re.S)
        return [[line.strip() for line in block.splitlines()] for block in found]

    assert blocks("powershell") == [
        [
            "py -3.11 -m venv .venv; "
            ".venv\\Scripts\\python -m pip install -c requirements.lock -e .",
            ".venv\\Scripts\\board-tui demo",
        ]
    ]
    assert blocks("sh") == [
        [
            "python3 -m venv .venv && .venv/bin/pip install -c requirements.lock -e .",
            ".venv/bin/board-tui demo",
        ]
    ]
    keys = quick[quick.index("Three keys to know") :]
    for key, does in (
        ("`s`", "starts the meeting"),
        ("`?`", "shows every key"),
        ("`ctrl+q`", "quits"),
    ):
        assert key in keys and does in keys


def test_the_set_up_test_command() -> None:
    commands = re.findall(r"```sh\n(.+?)\n```", _section("Set up"))
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install -c requirements.lock -e '.[test]' "
        "&& .venv/bin/pytest",
    ]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m venv .venv" in ci
    install = ".venv/bin/pip install --quiet --disable-pip-version-check"
    assert f"{install} -c requirements.lock -e '.[test]'" in ci
    assert re.search(r"^\.venv/bin/pytest\b", ci, re.M)
    assert "-eq 5" in ci  # "no tests collected" must fail the run


def test_every_command_is_documented() -> None:
    import click

    from board_tui.cli.main import cli

    documented = _section("Command line")
    names = cli.list_commands(click.Context(cli))  # with those imported when run
    assert {"demo", "export", "search", "serve"} <= set(names)
    for name in names:
        assert f"`board-tui {name}" in documented, name
