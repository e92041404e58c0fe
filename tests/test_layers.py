"""The layers hold: import contracts over the installed layout, and a light core at run time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "module",
    [
        "board_tui.storage.store",
        "board_tui.domain.model",
        "board_tui.services.demo",
        "board_tui.services.listing",
        "board_tui.cli.main",
        "board_tui.services.agenda_import",
        "board_tui.services.chair_view",
        "board_tui.services.roundup",
        "board_tui.services.progress_report",
        "board_tui.exporters",
        "board_tui.exporters.minutes",
        "board_tui.exporters.action_plan",
        "board_tui.exporters.agenda",
        "board_tui.exporters.you_said_we_did",
        "board_tui.exporters.progress_report",
    ],
)
def test_core_modules_do_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules, 'docx' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split() == ["False", "False"]


def _lint_imports(layout: Path) -> subprocess.CompletedProcess[str]:
    """import-linter over a layout built by .ci/layout.py, as CI runs it."""
    subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "layout.py"), str(layout)], check=True, timeout=60
    )
    lint = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(lint), str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=layout,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_layer_contracts_hold(tmp_path: Path) -> None:
    result = _lint_imports(tmp_path / "layout")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_an_import_up_the_layers_breaks_the_contract(tmp_path: Path) -> None:
    layout = tmp_path / "layout"
    _lint_imports(layout)
    # The store reaching up to a screen (and to Textual): the kind of import the layers forbid.
    rows = layout / "board_tui" / "storage" / "rows.py"
    text = rows.read_text(encoding="utf-8")
    rows.unlink()
    rows.write_text(
        text + "\nimport textual  # noqa\nfrom board_tui.screens import home  # noqa\n",
        encoding="utf-8",
    )
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=layout,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "board_tui.storage.rows -> board_tui.screens.home" in result.stdout
    assert "Only the screens import Textual BROKEN" in result.stdout
