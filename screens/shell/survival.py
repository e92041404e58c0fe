"""When the app's own code fails mid-meeting: say so in one line, keep the words, go on.

A store refusal (BoardTuiError) is a notice. Anything else is a bug: its traceback goes
to a log beside the database, the clerk is told where, and the screen stays as it was.
If Textual's last resort is reached anyway (it ends the app), the words of every open
dialog are written first: to their drafts, or, if the store cannot take them, to a
recovery file beside the database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from textual.app import App

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.formatting import sentence
from board_tui.storage.store import Store

ERROR_LOG = "board-tui-errors.log"
P = ParamSpec("P")
T = TypeVar("T")


class Survival:
    """Owned by the app: the guard every key's action runs in, and the last-resort rescue."""

    def __init__(self, app: App[Any], store: Store) -> None:
        self._app = app
        self._store = store

    @property
    def folder(self) -> Path:
        path = self._store.path
        return path.parent if path is not None else Path.cwd()

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        try:
            yield
        except Exception as error:
            self.failed(error)

    def failed(self, error: Exception) -> None:
        """A refusal is a notice; anything else is reported (logged, words kept)."""
        if isinstance(error, BoardTuiError):
            self._app.notify(sentence(str(error)), severity="warning", timeout=8)
        else:
            self.report(error)

    def guarded(self, callback: Callable[P, T]) -> Callable[P, T | None]:
        """The callback, run inside the guard (for dialog results and message handlers)."""

        def run(*args: P.args, **kwargs: P.kwargs) -> T | None:
            try:
                return callback(*args, **kwargs)
            except Exception as error:
                self.failed(error)
            return None

        return run

    def report(self, error: Exception) -> None:
        log = self._log(error)
        where = f" (details in {log})" if log else ""
        self._app.notify(
            f"Something went wrong: {type(error).__name__}{where}. Everything saved is safe,"
            " and the words you were typing are kept.",
            severity="error",
            timeout=15,
        )
        self.keep_open_words()

    def _log(self, error: Exception) -> Path | None:
        path = self.folder / ERROR_LOG
        try:
            with path.open("a", encoding="utf-8") as log:
                log.write(f"--- {dt.datetime.now():%Y-%m-%d %H:%M:%S}\n")
                log.write("".join(traceback.format_exception(error)))
        except OSError:
            return None
        return path

    def keep_open_words(self) -> list[str]:
        """Keep the words of every open form: in its draft, else in a recovery file."""
        from board_tui.screens.dialogs.form import FormDialog

        lost: list[str] = []
        for screen in self._app.screen_stack:
            if isinstance(screen, FormDialog) and screen.changed and not screen.write_draft():
                lost.append(
                    f"{screen.dialog_title}\n"
                    + "\n".join(f"  {k}: {v}" for k, v in screen.fields().items())
                )
        if lost:
            self._recovery_file("\n\n".join(lost))
        return lost

    def _recovery_file(self, text: str) -> Path | None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = self.folder / f"board-tui-recovered-{stamp}.txt"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
        except OSError:
            return None
        with contextlib.suppress(Exception):
            self._app.notify(f"Your words were written to {path}.", severity="warning")
        return path

    def rescue_words(self, error: Exception) -> None:
        """Textual's last resort is about to end the app: keep what is on screen first."""
        with contextlib.suppress(Exception):
            self._log(error)
        with contextlib.suppress(Exception):
            self.keep_open_words()


def guard(app: App[Any]) -> contextlib.AbstractContextManager[None]:
    """The app's guard, where the app has one (the clerk's app), else none."""
    survival = getattr(app, "survival", None)
    return survival.guard() if isinstance(survival, Survival) else contextlib.nullcontext()


def keep_words(app: App[Any]) -> bool:
    """Keep the words typed in every open form before they are closed under the clerk (a
    meeting taken over): in their drafts, else a recovery file. True when there were any."""
    from board_tui.screens.dialogs.form import FormDialog

    forms = [s for s in app.screen_stack if isinstance(s, FormDialog) and s.changed]
    survival = getattr(app, "survival", None)
    if isinstance(survival, Survival):
        survival.keep_open_words()
    else:
        for form in forms:
            form.write_draft()
    return bool(forms)
