"""Build build/layout/: the installed layout (one package, board_tui) as links to our files.

The repository keeps the design card's top-level folders; installed, screens/, storage/ and
exporters/ become board_tui.screens, board_tui.storage and board_tui.exporters
(pyproject.toml's package-dir). The editable install maps them with an import hook that
tools reading the file system cannot follow, so mypy and import-linter read this mirror:
real folders, and a link (a copy where links are not allowed) for each source file.
Run it before either; `bash .ci/run` does. An argument names another folder to build in.
"""

from __future__ import annotations

import os
import shutil
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYOUT = ROOT / "build" / "layout"


def package_folders() -> dict[str, Path]:
    """Each installed package and the folder it comes from, from pyproject.toml."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    folders = config["setuptools"]["package-dir"]
    result: dict[str, Path] = {}
    for package in config["setuptools"]["packages"]:
        mapped = max((p for p in folders if package == p or package.startswith(p + ".")), key=len)
        rest = package[len(mapped) :].lstrip(".").replace(".", "/")
        result[package] = ROOT / folders[mapped] / rest
    return result


def link(source: Path, target: Path) -> None:
    try:
        target.symlink_to(source)
    except OSError:  # Windows without the right to make links
        shutil.copy2(source, target)


def build(layout: Path = LAYOUT) -> Path:
    shutil.rmtree(layout, ignore_errors=True)
    for package, folder in package_folders().items():
        target = layout / package.replace(".", "/")
        target.mkdir(parents=True, exist_ok=True)
        for source in sorted(folder.glob("*.py")):
            link(source, target / source.name)
    return layout


if __name__ == "__main__":
    built = build(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else LAYOUT)
    print(os.path.relpath(built, Path.cwd()))
