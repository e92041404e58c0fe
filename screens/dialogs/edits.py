"""An edit of a record other clerks may change at the same time (a person, a board, a plan
item, a meeting): saved only over what the dialog opened with.

The store refuses a save over values changed since they were read (StaleEditError, with
the record as it now stands). The dialog then stays open with the clerk's words, shows
the other clerk's values beside them, and reads the fresh record as what it now edits:
saving again writes the clerk's words over it, knowingly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Generic, TypeVar, cast

from board_tui.storage.errors import StaleEditError

T = TypeVar("T")
R = TypeVar("R")


class SharedEdit(Generic[T, R]):
    """A dialog's save (FormDialog's `save`) that sends the record it opened with."""

    def __init__(
        self,
        record: T,
        write: Callable[[R, T], object],
        shown: Callable[[T], Mapping[str, str]],
    ) -> None:
        self.record = record
        """What the clerk's words are typed over: the record as opened, or as last refused."""
        self._write = write
        self._shown = shown
        self.changed: dict[str, str] = {}
        """After a refusal: the fields someone else changed, as they now stand."""

    def fields(self) -> dict[str, str]:
        """The record as the dialog's fields show it (keyed by field id)."""
        return dict(self._shown(self.record))

    def __call__(self, value: R) -> object:
        try:
            return self._write(value, self.record)
        except StaleEditError as error:
            before = self.fields()
            self.record = cast(T, error.current)
            self.changed = {k: v for k, v in self.fields().items() if before.get(k) != v}
            raise
