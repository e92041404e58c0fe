"""The core never imports Textual, so the command line, exports and imports stay light."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "storage.store",
        "board_tui.model",
        "board_tui.demo",
        "board_tui.listing",
        "board_tui.cli",
        "board_tui.agenda_import",
        "board_tui.chair_view",
        "board_tui.roundup",
        "exporters",
        "exporters.minutes",
        "exporters.action_plan",
        "exporters.agenda",
        "exporters.you_said_we_did",
    ],
)
def test_core_modules_do_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules, 'docx' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split() == ["False", "False"]
