"""Exporting from the app: preview, file name, the overwrite question, the worker's file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from notices import Notices
from textual.widgets import Input, Static

from board_tui.screens.dialogs.questions import ConfirmDialog
from board_tui.screens.export_dialog import ExportDialog, open_minutes_export
from board_tui.screens.plan import PlanScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.storage.store import Store


def october(store: Store) -> int:
    board = store.board_by_name("Transformation Advisory Board")
    return store.meeting_on(board.id, dt.date(2023, 10, 17)).id


async def _write_to(app: BoardApp, pilot, target: Path) -> None:
    app.screen.query_one("#export-path", Input).value = str(target)
    await pilot.press("ctrl+s")


async def test_preview_then_write_the_minutes(demo_store: Store, tmp_path: Path) -> None:
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        open_minutes_export(app, demo_store, october(demo_store))
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        preview = str(dialog.query_one("#export-preview Static", Static).render())
        assert "MINUTES OF THE TRANSFORMATION ADVISORY BOARD" in preview
        assert dialog.query_one("#export-path", Input).value.endswith("TAB minutes 2023-10-17.docx")
        target = tmp_path / "minutes.docx"
        await _write_to(app, pilot, target)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target.read_bytes().startswith(b"PK")
        assert not isinstance(app.screen, ExportDialog)


async def test_asks_before_replacing_a_file(demo_store: Store, tmp_path: Path) -> None:
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"old")
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        open_minutes_export(app, demo_store, october(demo_store))
        await pilot.pause()
        await _write_to(app, pilot, target)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await app.workers.wait_for_complete()
        assert target.read_bytes() == b"old"
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("ctrl+s", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target.read_bytes().startswith(b"PK")


async def test_a_failed_write_says_why_and_keeps_the_dialog(demo_store: Store, tmp_path) -> None:
    app = BoardApp(demo_store)
    told = Notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        open_minutes_export(app, demo_store, october(demo_store))
        await pilot.pause()
        await _write_to(app, pilot, tmp_path / "missing" / "m.docx")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert any("does not exist" in message for message in told.messages)


async def test_plan_screen_exports_with_w(demo_store: Store, tmp_path: Path) -> None:
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(PlanScreen(demo_store, demo_store.plans()[0].id))
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        target = tmp_path / "plan.docx"
        await _write_to(app, pilot, target)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target.exists()
