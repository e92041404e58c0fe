"""The meeting screen's hold on its meeting: taken on opening, renewed, let go on leaving.

One clerk captures a meeting; a colleague who opens it is told who holds it and since when,
and follows it read-only in the chair's view (open_meeting). The hold is a lease the store
keeps (storage/holds.py): renewed every RENEW_SECONDS, well inside its lapse, so three
renewals in a row can fail (a busy database, retried) before another clerk could take it.
If a renewal finds it taken over (this laptop slept past the lapse), the clerk's open words
are kept as drafts, and the meeting goes read-only here at once: never two clerks writing.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.screen import Screen
from textual.timer import Timer

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.holds import Hold
from board_tui.screens.shell.survival import keep_words
from board_tui.storage.errors import ServerUnreachableError, StoreRefusedError
from board_tui.storage.holds import LAPSE_SECONDS
from board_tui.storage.store import Store

if TYPE_CHECKING:
    from board_tui.screens.meeting.screen import MeetingScreen

RENEW_SECONDS = LAPSE_SECONDS / 4
RETRY_SECONDS = 3.0
"""A take or renewal the database refused (busy) is tried again this soon."""


class HoldLostError(BoardTuiError):
    """A save into a meeting this app no longer holds: refused, its words kept."""


def read_only_view(store: Store, meeting_id: int) -> Screen[None]:
    """The chair's view of the meeting: it follows the holder's captures, and writes nothing."""
    from board_tui.screens.chair import ChairScreen

    return ChairScreen(store, meeting_id=meeting_id, in_app=True)


def open_meeting(app: App[Any], store: Store, meeting_id: int) -> Screen[None]:
    """The meeting screen, holding the meeting; or, when another clerk holds it, the
    read-only view, with one line saying who holds it since when. A database too busy to
    say opens the meeting screen, which takes the hold once it can (and writes nothing till then).
    """
    from board_tui.screens.meeting.screen import MeetingScreen

    try:
        hold = store.take_hold(meeting_id)
    except StoreRefusedError as error:
        app.notify(waiting_words(error), severity="warning", timeout=RETRY_SECONDS + 1)
        return MeetingScreen(store, meeting_id, held=False)
    if hold.ours:
        return MeetingScreen(store, meeting_id, held=True)
    app.notify(held_words(store, hold), severity="warning", timeout=10)
    return read_only_view(store, meeting_id)


def held_words(store: Store, hold: Hold) -> str:
    return f"{hold.words(store.clock().date())}; opened read-only."


def waiting_words(error: BoardTuiError) -> str:
    return f"This meeting is not held for you yet, so nothing in it is written: {error}."


class MeetingHold:
    """Owned by one meeting screen: keeps its hold, and says whether it may write."""

    def __init__(self, screen: MeetingScreen, *, held: bool) -> None:
        self.screen = screen
        self.store = screen.store
        self.meeting_id = screen.meeting_id
        self.held = held
        """The store has said this meeting is ours (False until then, and once lost)."""
        self.lost = False
        self._retry: Timer | None = None
        self._refused = False

    def start(self) -> None:
        """On mount: take the hold if the opener did not, and renew it from now on."""
        if not self.held:
            self._take()
        self.screen.set_interval(RENEW_SECONDS, self._renew)

    def allows_writing(self) -> bool:
        """Asked before every write: only while the store still has this app holding it.

        A read: a busy file never refuses it, and a server away lets the capture go on to
        its form (see below); a hold found taken moves the clerk to the read-only view."""
        if self.lost:
            return False
        if not self.held:
            self.screen.notify(
                "Not yet: this meeting is not held for you (the database is busy; it is"
                " tried again every few seconds).",
                severity="warning",
            )
            return False
        try:
            hold = self.store.meeting_hold(self.meeting_id)
        except StoreRefusedError:
            # The server is away (or the file busy): the hold was ours when last renewed,
            # so the dialog opens and the words are typed; the save itself is refused and
            # retried, and asks again before it writes.
            return True
        if hold is not None and hold.ours:
            return True
        self.screen.call_later(self._taken_over, hold)
        return False

    def check(self) -> None:
        """For a save: raises HoldLostError (the form keeps its words) unless it may write."""
        if not self.allows_writing():
            raise HoldLostError("this meeting is no longer held by you: another clerk has it")

    def release(self) -> None:
        """Let the meeting go, unless another view of it in this app still holds it."""
        self._stop_retrying()
        if not self.held or self.lost:
            return
        others = [
            s
            for s in self.screen.app.screen_stack
            if s is not self.screen
            and s.is_running
            and getattr(s, "meeting_id", None) == self.meeting_id
            and getattr(getattr(s, "hold", None), "held", False)
        ]
        if others:
            return
        self.held = False
        # A busy database: the hold lapses by itself; the app lets go of all of them on quitting.
        with contextlib.suppress(BoardTuiError):
            self.store.release_hold(self.meeting_id)

    # -- taking and renewing -------------------------------------------------------------

    def _take(self) -> None:
        try:
            hold = self.store.take_hold(self.meeting_id)
        except StoreRefusedError as error:
            self._refusal(error)
            return
        self._stop_retrying()
        if not hold.ours:
            self._taken_over(hold)
            return
        if not self.held and self._refused:
            self.screen.notify("This meeting is held for you now: capture away.")
        self.held, self._refused = True, False

    def _renew(self) -> None:
        if self.lost:
            return
        if not self.held:
            self._take()
            return
        try:
            still_ours = self.store.renew_hold(self.meeting_id)
        except StoreRefusedError as error:
            self._refusal(error)
            return
        self._stop_retrying()
        self._refused = False
        if not still_ours:
            self._taken_over(self.store.meeting_hold(self.meeting_id))

    def _refusal(self, error: StoreRefusedError) -> None:
        """A busy database: said once, tried again soon, never an exit. A server away is
        said by the app's own notice (screens/shell/server_notice.py), not again here."""
        if not self._refused and not isinstance(error, ServerUnreachableError):
            if self.held:
                self.screen.notify(
                    f"This meeting's hold could not be renewed just now: {error}.",
                    severity="warning",
                )
            else:
                self.screen.notify(waiting_words(error), severity="warning")
        self._refused = True
        self._stop_retrying()
        self._retry = self.screen.set_timer(RETRY_SECONDS, self._renew)

    def _stop_retrying(self) -> None:
        if self._retry is not None:
            self._retry.stop()
            self._retry = None

    # -- taken over --------------------------------------------------------------------

    def _taken_over(self, hold: Hold | None) -> None:
        """Another clerk has the meeting: keep the open words, then show it read-only."""
        if self.lost:
            return
        was_held = self.held
        self.lost, self.held = True, False
        self._stop_retrying()
        app = self.screen.app
        kept = keep_words(app)
        if self.screen in app.screen_stack:
            while app.screen is not self.screen:
                app.pop_screen()
            app.switch_screen(read_only_view(self.store, self.meeting_id))
        if not was_held and hold is not None:  # opened, never held: a colleague has it
            app.notify(held_words(self.store, hold), severity="warning", timeout=10)
            return
        who = (
            f"{hold.words(self.store.clock().date())}: it was taken over"
            if hold is not None
            else "Another clerk took this meeting over"
        )
        words = " Your unsaved words are kept as a draft (k)." if kept else ""
        app.notify(
            f"{who}, so it is open read-only here.{words}",
            severity="error",
            timeout=30,
        )
