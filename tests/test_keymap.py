"""The keyboard map is the app's: every row matches a real binding of its screen, every key a
screen binds is in the map, and a user's own key map file changes the keys everywhere."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rich.console import Console
from textual.binding import Binding

from board_tui.screens.agenda import AgendaScreen
from board_tui.screens.chair import ChairScreen
from board_tui.screens.dialogs.capture import NoteDialog
from board_tui.screens.dialogs.exclusion import ParagraphDialog
from board_tui.screens.dialogs.form import FormDialog
from board_tui.screens.export_dialog import ExportDialog
from board_tui.screens.home import HomeScreen
from board_tui.screens.meeting.screen import MeetingScreen
from board_tui.screens.people import PeopleScreen
from board_tui.screens.plan import PlanScreen
from board_tui.screens.progress_report import ProgressReportScreen
from board_tui.screens.rollcall import RollCallScreen
from board_tui.screens.roundup import RoundupScreen
from board_tui.screens.search import SearchScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.screens.shell.chair_app import ChairApp
from board_tui.screens.shell.help import HelpScreen, keymap_table
from board_tui.screens.shell.keymap import KEYMAP, load_user_keymap
from board_tui.screens.voice import VoiceDialog
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

SCREENS: dict[str, tuple[type, ...]] = {
    "Everywhere": (BoardApp, HomeScreen),
    "Home": (HomeScreen,),
    "Agenda editor": (AgendaScreen,),
    "People": (PeopleScreen,),
    "Live meeting": (MeetingScreen,),
    "In every capture dialog": (FormDialog,),
    "Decision dialog": (NoteDialog,),
    "Schedule 12A paragraph": (ParagraphDialog,),
    "Roll call": (RollCallScreen,),
    "Chair's view": (ChairScreen, ChairApp),
    "Action plan": (PlanScreen,),
    "Export to Word": (ExportDialog,),
    "Search": (SearchScreen,),
    "You said, we did": (VoiceDialog,),
    "Chair's round-up": (RoundupScreen,),
    "Progress report": (ProgressReportScreen,),
}
NAMES = {"question_mark": "?", "slash": "/", "plus": "+", "minus": "-", "equals_sign": "="}
BACK = ("back", "cancel", "close")
"""Escape on a screen: "Back to the previous screen" in the Everywhere rows."""


def _bindings(classes: tuple[type, ...]) -> dict[str, Binding]:
    found: dict[str, Binding] = {}
    for cls in classes:
        for klass in reversed(cls.__mro__):
            for binding in klass.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.id:
                    found[binding.id] = binding
    return found


def _keys(binding: Binding) -> set[str]:
    keys = {NAMES.get(k.strip(), k.strip()) for k in binding.key.split(",")}
    return keys | ({binding.key_display} if binding.key_display else set())


@pytest.mark.parametrize("section", list(KEYMAP))
def test_every_row_is_a_real_binding_of_its_screen(section: str) -> None:
    bindings = _bindings(SCREENS[section])
    for row in KEYMAP[section]:
        if not row.ids:
            continue
        parts = row.keys.split(" / ")
        parts = parts if len(parts) == len(row.ids) else [row.keys] * len(row.ids)
        for binding_id, part in zip(row.ids, parts, strict=True):
            assert binding_id in bindings, f"{section}: no binding {binding_id}"
            shown = {p.strip() for p in part.replace("/", " ").split()} if " " in part else {part}
            assert shown <= _keys(bindings[binding_id]) or part in _keys(bindings[binding_id]), (
                f"{section}: {row.keys!r} says {part!r}, the binding is {bindings[binding_id].key}"
            )


@pytest.mark.parametrize("section", list(KEYMAP))
def test_every_binding_of_a_screen_is_in_the_map(section: str) -> None:
    described = {i for rows in KEYMAP.values() for row in rows for i in row.ids}
    missing = [
        binding_id
        for binding_id in _bindings(SCREENS[section])
        if binding_id not in described and not binding_id.endswith(BACK)
    ]
    assert missing == [], f"{section}: not in the keyboard map: {missing}"


def test_a_damaged_or_unknown_keymap_is_told_and_the_rest_used(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('"meeting.comment" = "k"\n"meeting.nonsense" = "z"\n', encoding="utf-8")
    keymap, problem = load_user_keymap(path)
    assert keymap == {"meeting.comment": "k"}
    assert problem is not None and "meeting.nonsense" in problem
    path.write_text("this is not toml = = =", encoding="utf-8")
    assert load_user_keymap(path)[0] == {}
    assert "could not be read" in (load_user_keymap(path)[1] or "")


async def test_a_user_keymap_moves_comment_to_another_key(
    store: Store, clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config"
    (config / "board-tui").mkdir(parents=True)
    (config / "board-tui" / "keymap.toml").write_text('"meeting.comment" = "j"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    meeting_id = build_demo(store).next_meeting_id
    clock.now = dt.datetime(2023, 12, 11, 14, 2)
    app = BoardApp(store, open_meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "y")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        shown = {key: active.binding.description for key, active in screen.active_bindings.items()}
        assert shown.get("j") == "Comment" and "c" not in shown  # what the footer shows
        await pilot.press("j")
        await pilot.pause()
        await pilot.press(*"Moved", "ctrl+s")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        console = Console(width=120, record=True)
        console.print(keymap_table(help_screen.keymap))
        rows = console.export_text().splitlines()
        assert any(r.split()[:4] == ["j", "New", "comment", "on"] for r in rows if r.strip())
    assert [n.body for n in store.notes(meeting_id)] == ["Moved"]
