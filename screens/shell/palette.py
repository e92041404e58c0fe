"""Command-palette commands: jump to any board's meeting or action plan, or do what a key does."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from board_tui.domain.formatting import short_date
from board_tui.storage.store import Store


class _HasStore(Protocol):
    store: Store


class BoardCommands(Provider):
    """Offers "Open meeting …" and "Open action plan …" for everything in the database."""

    def _commands(self) -> list[tuple[str, str, Callable[[], None]]]:
        from board_tui.screens.meeting.screen import MeetingScreen
        from board_tui.screens.plan import PlanScreen

        store = cast(_HasStore, self.app).store
        boards = {b.id: b.name for b in store.boards(include_archived=True)}
        commands: list[tuple[str, str, Callable[[], None]]] = []
        for meeting in reversed(store.meetings()):
            name = (
                f"Open meeting: {boards[meeting.board_id]}, {short_date(meeting.scheduled_start)}"
            )
            meeting_screen = partial(MeetingScreen, store, meeting.id)
            commands.append((name, meeting.status.value, partial(self._open, meeting_screen)))
        for plan in store.plans():
            screen = partial(PlanScreen, store, plan.id)
            commands.append(
                (
                    f"Open action plan: {plan.title}",
                    boards[plan.board_id],
                    partial(self._open, screen),
                )
            )
        return commands

    def _open(self, make_screen: Callable[[], Screen[None]]) -> None:
        self.app.push_screen(make_screen())

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class ScreenCommands(Provider):
    """Every key of the screen the palette was opened over, as a command with its key shown:
    what the footer has no room for is one search away."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        commands: list[tuple[str, str, Callable[[], object]]] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not active.enabled or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            shown = self.app.get_key_display(binding)
            help_text = f"key: {shown}" + (f" · {active.tooltip}" if active.tooltip else "")
            run = partial(self.app.run_action, binding.action, active.node)
            commands.append((binding.description, help_text, run))
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(f"{name} {help_text}")
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
