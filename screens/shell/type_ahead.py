"""Type-ahead: every key reaches the widget that has the focus when it is handled, in order.

Textual forwards a key to the focused widget's queue at once; a key the widget does not
take then climbs the DOM one message queue at a time until the app runs its binding. So
a `tab`, or the `c` that opens a dialog, may still be on its way up when the next keys
are forwarded — to the field being left, or to the screen behind the dialog ("Afazul
HoqueQ1 2024/25" in the owner field). The gate lets one key through at a time: the next
is held until the one before has been handled all the way up (its binding run) and the
screen on top has settled (mounted, its focus given, nothing left in its queues). A
clerk typing at any speed gets what a slow typist gets.

The protocol a screen may meet is `KeyTaker`: a screen that is not ready for keys yet
(a dialog still placing its focus) says so, and keys wait for it.
"""

from __future__ import annotations

import inspect
from collections import deque
from typing import Any, Protocol, runtime_checkable

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.errors import NoWidget
from textual.timer import Timer

SETTLE_ROUNDS_AT_MOST = 20
"""A screen that keeps changing (a toast, a growing list) is taken as settled after this."""
STUCK_SECONDS = 5.0
"""A key whose handling never reports back (a widget removed under it) lets the rest go."""

TypedEvent = events.Key | events.Paste


@runtime_checkable
class KeyTaker(Protocol):
    """A screen that can say it is not ready for the next key yet."""

    def ready_for_keys(self) -> bool:
        """False while keys should wait (e.g. a dialog has not placed its focus yet)."""
        ...


class TypeAhead:
    """Owned by the app: holds typed keys and lets them through one at a time."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._waiting: deque[TypedEvent] = deque()
        self._in_flight: TypedEvent | None = None
        self._admitted: TypedEvent | None = None
        self._generation = 0
        self._pending = 0
        self._stuck: Timer | None = None

    @property
    def holding(self) -> int:
        """How many typed keys are waiting their turn."""
        return len(self._waiting)

    def admit(self, event: TypedEvent) -> bool:
        """True: the app handles this key now. False: it waits its turn (held here)."""
        if event is self._admitted:
            self._admitted = None
            return True
        if self._in_flight is not None or self._waiting:
            self._waiting.append(event)
            return False
        self._start(event)
        return True

    def dispatched(self, event: TypedEvent) -> None:
        """The app has run the key's priority binding, or forwarded it: follow it up."""
        if event is not self._in_flight:
            return
        if not event.is_forwarded:
            self._settle()  # a priority binding took it, and has run
            return
        try:
            target: DOMNode = self._app.focused or self._app.screen
        except NoWidget:
            self._settle()
            return
        self._follow(event, target)

    # -- following one key up the DOM ---------------------------------------------------

    def _start(self, event: TypedEvent) -> None:
        self._in_flight = event
        self._generation += 1
        if self._stuck is not None:
            self._stuck.stop()  # the key before is through: its watch is over
        self._stuck = self._app.set_timer(STUCK_SECONDS, lambda: self._unstick(event))

    def _follow(self, event: TypedEvent, node: DOMNode) -> None:
        """Queue a check behind the key in `node`: when it runs, `node` is done with it."""
        generation = self._generation
        while not node.call_later(self._climb, event, node, generation):
            parent = node.parent  # a closed node: its parent has the key, if anyone has
            if parent is None:
                self._settle()
                return
            node = parent

    def _climb(self, event: TypedEvent, node: DOMNode, generation: int) -> None:
        # Whatever `node` did with the key is done: it was taken, or it waits in the parent's
        # queue, ahead of the check queued there now.
        if generation != self._generation or event is not self._in_flight:
            return
        parent = node.parent
        if parent is None:
            self._settle()
        else:
            self._follow(event, parent)

    # -- waiting for the screen on top to settle ----------------------------------------

    def _settle(self, rounds: int = 0) -> None:
        """Queue a check behind everything pending in the app and the screen on top."""
        self._generation += 1
        generation = self._generation
        try:
            screen = self._app.screen
        except Exception:  # no screen: the app is closing
            self._next()
            return
        nodes: list[DOMNode] = [self._app, *screen.walk_children(with_self=True)]
        state = (screen, screen.focused, len(nodes))
        self._pending = sum(
            1 for node in nodes if node.call_later(self._ticked, generation, state, rounds)
        )
        if self._pending == 0:
            self._next()

    def _ticked(self, generation: int, state: tuple[object, ...], rounds: int) -> None:
        if generation != self._generation:
            return
        self._pending -= 1
        if self._pending:
            return
        try:
            screen = self._app.screen
        except Exception:
            self._next()
            return
        nodes: list[DOMNode] = [self._app, *screen.walk_children(with_self=True)]
        now = (screen, screen.focused, len(nodes))
        ready = not isinstance(screen, KeyTaker) or screen.ready_for_keys()
        # A message the key set off may still be climbing (enter on a list: "selected"
        # bubbles up a queue at a time to the screen that opens a dialog): until every
        # queue is empty, the next key could reach the screen the dialog will cover.
        quiet = not any(node.message_queue_size for node in nodes)
        if (now == state and ready and quiet) or rounds >= SETTLE_ROUNDS_AT_MOST:
            self._next()
        else:
            self._settle(rounds + 1)

    def _next(self) -> None:
        """Let the next waiting key through: posted again, it comes back to `admit`."""
        self._generation += 1
        self._in_flight = None
        if not self._waiting:
            return
        waiting = self._waiting.popleft()
        self._in_flight = waiting  # its turn: keys typed meanwhile still queue behind it
        # Made again in the app's own turn: a message remembers the pump that made it
        # (here, whichever widget ran the last check) and stops climbing at it, so a key
        # made there never reached the app's bindings (every other backspace was lost).
        self._app.call_later(self._release, waiting)

    def _release(self, waiting: TypedEvent) -> None:
        if self._in_flight is not waiting:
            return
        again: TypedEvent = (
            events.Paste(waiting.text)
            if isinstance(waiting, events.Paste)
            else events.Key(waiting.key, waiting.character)
        )
        self._start(again)
        self._admitted = again
        self._app.post_message(again)

    def _unstick(self, event: TypedEvent) -> None:
        if event is self._in_flight:
            self._next()


# Textual wraps every call_later callback in a new functools.partial and asks inspect for
# its signature on each call; the gate queues a check in every node of the screen for each
# key, so its two checks carry their signature ready-made (inspect.signature returns it).
for _check in (TypeAhead._climb, TypeAhead._ticked):
    setattr(_check, "__signature__", inspect.signature(_check))  # noqa: B010 (a function)
