"""Items being read: notes and continuation rows are added until the next item begins.

Every agenda source (a Word table, a Word list, plain paragraphs, a text outline) feeds
:class:`Items`, which keeps the Part 2 section and the day the items are in, and finishes
them into :class:`AgendaItemRead` values: the exempt mark taken out of the title, and times
written without a.m. or p.m. read in the afternoon when the sequence says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from board_tui.readers.agenda.marks import EXEMPT, exempt_paragraph, strip_exempt_mark
from board_tui.readers.agenda.model import AgendaItemRead
from board_tui.readers.clock import Clock, afternoon

__all__ = ["Draft", "Items"]


@dataclass
class Draft:
    """An item being read."""

    number: str
    title: str
    depth: int
    row: int
    clock: Clock | None = None
    duration_minutes: int | None = None
    presenter: str | None = None
    papers: str | None = None
    exempt: bool = False
    """Marked by a section heading above or an exempt part ("| Part 2")."""
    paragraph: int | None = None
    """The Schedule 12A paragraph an exempt part cites ("| Part 2 para 3")."""
    notes: list[str] = field(default_factory=list)
    day: str | None = None
    day_index: int = 0


class Items:
    """The items read so far, the exempt section and the day they are in."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.exempt = False
        self._day: str | None = None
        self._day_index = 0

    def add(self, number: str, title: str, depth: int, row: int) -> Draft:
        draft = Draft(number, title, depth, row, exempt=self.exempt, day_index=self._day_index)
        if self._day is not None:
            draft.day, self._day = self._day, None
        self.drafts.append(draft)
        return draft

    def note(self, text: str) -> None:
        """A note on the item above; none before the first item (a heading, a preamble)."""
        if self.drafts and text:
            self.drafts[-1].notes.append(text)

    def new_day(self, heading: str) -> None:
        """A day's heading ("April 16", "DAY 2"): the items after it are that day's."""
        self._day = heading
        self._day_index += 1

    @property
    def last_main_number(self) -> str | None:
        """The number of the last item (not sub-item) read so far."""
        return next((d.number for d in reversed(self.drafts) if d.depth == 0), None)

    def finished(self) -> tuple[AgendaItemRead, ...]:
        clocks: list[Clock | None] = [None] * len(self.drafts)
        days = sorted({d.day_index for d in self.drafts})
        for day in days:
            indexes = [i for i, d in enumerate(self.drafts) if d.day_index == day]
            for index, clock in zip(
                indexes, afternoon([self.drafts[i].clock for i in indexes]), strict=True
            ):
                clocks[index] = clock
        return tuple(
            _finished(draft, clock) for draft, clock in zip(self.drafts, clocks, strict=True)
        )


def _finished(draft: Draft, clock: Clock | None) -> AgendaItemRead:
    words = [draft.title, *draft.notes]
    exempt = draft.exempt or any(EXEMPT.search(text) for text in words)
    return AgendaItemRead(
        number=draft.number,
        title=strip_exempt_mark(draft.title),
        depth=draft.depth,
        start=clock.start if clock is not None else None,
        end=clock.end if clock is not None else None,
        duration_minutes=draft.duration_minutes,
        presenter=draft.presenter,
        papers=draft.papers,
        exempt=exempt,
        note="\n".join(draft.notes) or None,
        row=draft.row,
        day=draft.day,
        exempt_paragraph=(draft.paragraph or exempt_paragraph(words)) if exempt else None,
    )
