"""A long agenda is written in one pass: numbered once, not after every item.

No timed assertion (the machine may be busy): the test counts the renumbering passes,
which are what made the import quadratic (every insert renumbered the whole agenda).
On a 2-core machine a 10,000-item outline imports in about 1.2 s and a 10,000-row Word
table in about 4 s, command line start to end.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from board_tui.readers.agenda import read_agenda
from board_tui.services.agenda_import import write_agenda
from board_tui.storage.agendas import AgendaMixin, NewAgendaItem
from board_tui.storage.store import Store


@pytest.fixture
def renumbering(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every renumbering pass, by meeting."""
    calls: list[int] = []
    original: Callable[..., Any] = AgendaMixin._renumber

    def counted(self: AgendaMixin, meeting_id: int) -> None:
        calls.append(meeting_id)
        original(self, meeting_id)

    monkeypatch.setattr(AgendaMixin, "_renumber", counted)
    return calls


def _outline(path: Path, items: int, subs: int) -> Path:
    lines = ["# Scale Board", "Date: 2026-12-01", "Time: 9am", ""]
    for n in range(1, items + 1):
        lines.append(f"{n}. Item number {n} | 5m | Presenter {n % 17}")
        lines += [f"   {n}.{k} Sub-item {k} | 5m" for k in range(1, subs + 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_long_agenda_is_written_without_renumbering(
    store: Store, tmp_path: Path, renumbering: list[int]
) -> None:
    read = read_agenda(_outline(tmp_path / "long.md", 1500, 2))
    summary = write_agenda(store, read, board_name="Scale Board", source="long.md")
    assert renumbering == []  # every number was given: none to work out
    items = store.agenda(summary.meeting_id)
    assert len(items) == 4500
    assert [i.number for i in items[:4]] == ["1", "1.1", "1.2", "2"]
    assert items[-1].number == "1500.2"


def test_items_without_numbers_are_numbered_once_at_the_end(
    store: Store, renumbering: list[int]
) -> None:
    board = store.create_board("Scale Board")
    meeting = store.create_meeting(board.id, store.clock())
    batch = [NewAgendaItem(f"Item {n}") for n in range(1, 1001)]
    batch.insert(1, NewAgendaItem("Sub-item", parent=0))
    store.add_agenda_items(meeting.id, batch)
    assert renumbering == [meeting.id]
    numbers = [i.number for i in store.agenda(meeting.id)]
    assert numbers[:3] == ["1", "1.1", "2"] and numbers[-1] == "1000"


def test_one_at_a_time_still_renumbers_each_time(store: Store, renumbering: list[int]) -> None:
    """The editor's own adds keep numbering as they go (an item typed in the middle)."""
    board = store.create_board("Board")
    meeting = store.create_meeting(board.id, store.clock())
    for n in range(3):
        store.add_agenda_item(meeting.id, f"Item {n}")
    assert len(renumbering) == 3


def test_a_sub_item_before_its_item_is_refused(store: Store) -> None:
    from board_tui.domain.errors import BoardTuiError

    board = store.create_board("Board")
    meeting = store.create_meeting(board.id, store.clock())
    with pytest.raises(BoardTuiError, match="after the item it is under"):
        store.add_agenda_items(meeting.id, [NewAgendaItem("Sub", parent=0)])
    assert store.agenda(meeting.id) == []
