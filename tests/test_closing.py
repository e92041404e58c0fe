"""A screen shown again after a dialog repaints once, with the dialog already gone."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from board_tui.screens.dialogs.form import FormTextArea, text_area
from board_tui.screens.meeting.screen import MeetingScreen
from board_tui.screens.shell.app import BoardApp
from board_tui.screens.shell.closing import popped_screen_gone, popping
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store


class _Dialog(ModalScreen[str]):
    def compose(self) -> ComposeResult:
        yield Input("words")


class _Below(Screen[None]):
    def __init__(self) -> None:
        super().__init__()
        self.dialog: _Dialog | None = None
        self.attached_on_resume: list[bool] = []

    def compose(self) -> ComposeResult:
        yield Static("below")

    async def on_screen_resume(self) -> None:
        await popped_screen_gone(self.app)
        if self.dialog is not None:
            self.attached_on_resume.append(self.dialog.is_attached)


class _App(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.below = _Below()

    def on_mount(self) -> None:
        self.push_screen(self.below)

    def pop_screen(self) -> AwaitComplete:
        return popping(self, super().pop_screen())


async def test_the_screen_below_resumes_once_the_dialog_is_removed() -> None:
    app = _App()
    async with app.run_test() as pilot:
        await pilot.pause()
        dialog = _Dialog()
        app.below.dialog = dialog
        app.push_screen(dialog)
        await pilot.pause()
        dialog.dismiss("words")
        await pilot.pause()
        assert app.screen is app.below
        assert app.below.attached_on_resume == [False]


async def test_nothing_popped_nothing_waited_for() -> None:
    app = _App()
    async with app.run_test() as pilot:
        await pilot.pause()
        await popped_screen_gone(app)  # returns at once
        assert app.screen is app.below


async def test_a_saved_comment_is_shown_with_the_dialog_gone(store: Store, clock) -> None:
    meeting_id = build_demo(store).next_meeting_id
    app = BoardApp(store, open_meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await pilot.press("s", "y")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        await pilot.press(*"Noted", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen and not dialog.is_attached
        assert any(n.body == "Noted" for n in store.notes(meeting_id))


class _Form(ModalScreen[None]):
    def compose(self) -> ComposeResult:
        yield text_area("words", "body")
        yield Input(id="other")


async def test_a_closed_dialogs_field_is_not_restyled_an_open_ones_is() -> None:
    app = _App()
    async with app.run_test() as pilot:
        await pilot.pause()
        form = _Form()
        app.push_screen(form)
        await pilot.pause()
        area = form.query_one("#body", FormTextArea)
        area.focus()
        await pilot.pause()
        restyled: list[bool] = []
        area.update_node_styles = lambda animate=True: restyled.append(True)  # type: ignore[method-assign]
        form.query_one("#other", Input).focus()  # the dialog is open: its look follows
        await pilot.pause()
        area.focus()
        await pilot.pause()
        assert len(restyled) == 2
        form.dismiss(None)  # taken apart: the focus goes, the look is left
        await pilot.pause()
        assert len(restyled) == 2
