"""The "You said, we did" report: what residents told the board, and what the board did.

One two-column table, a row for each comment the clerk marked as residents'
voice: the words and where they were heard on the left; on the right the
decisions and actions that answered them, each action with its current status.
Then, plainly, what the board decided it could not do and why (the Engagement
Leads Group's advice: "be honest about things it can't implement and explain
the reasons why"). Meant to go to the communications team as it is, so it holds no
Part 2 (domain.exempt): no comment made in Part 2, no decision or action taken there,
and each action in the status last said in public.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from board_tui.domain.formatting import short_date
from board_tui.domain.meeting_records import ResidentVoice
from board_tui.domain.plan_records import Action
from board_tui.domain.safe_text import file_name_part
from board_tui.exporters.blocks import TEXT_WIDTH, Block, Kind, Progress, block, blocks_text
from board_tui.exporters.document import board_template, save
from board_tui.exporters.safe_write import check_target
from board_tui.storage.store import Store

__all__ = [
    "HEADER",
    "NO_ANSWER",
    "YouSaid",
    "build_you_said",
    "write_you_said",
    "you_said_file_name",
    "you_said_text",
]

HEADER = ("You said", "We did")
WIDTHS_MM = (80.0, 90.0)
NO_ANSWER = "The Board has not answered this yet; we will report back."
CANNOT_HEADING = "What we could not do, and why"

Line = tuple[str, str]
"""A paragraph as (bold lead-in, text)."""


@dataclass(frozen=True)
class YouSaid:
    title: str
    header_left: str
    intro: tuple[Block, ...]
    rows: tuple[tuple[tuple[Line, ...], tuple[Line, ...]], ...]
    """(you said, we did), each cell as its paragraphs."""
    closing: tuple[Block, ...]
    """What could not be done and why."""


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if re.search(r"[.!?…]['\u2019\")]?$", text) else f"{text}."


def _action_lines(action: Action, today: dt.date) -> list[Line]:
    details = ", ".join(part for part in (action.owner, action.time_frame) if part)
    status = action.status.label
    if action.is_overdue(today):
        status += " (overdue)"
    if action.closed_reason:
        status += f": {action.closed_reason}"
    return [
        ("Action:", _sentence(action.description) + (f" ({details})" if details else "")),
        ("Status:", status),
    ]


def _row(voice: ResidentVoice, today: dt.date) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
    heard = voice.note.voice_source or "Said at the Board"
    said: list[Line] = [
        ("", _sentence(voice.note.body)),
        ("", f"{heard} \u2013 Board meeting of {short_date(voice.meeting_day)}"),
    ]
    did: list[Line] = []
    for answer in voice.answers:
        if answer.decision is not None and answer.cannot_do:
            did.append(("We could not do this:", _sentence(answer.decision.body)))
            did.append(("Why:", _sentence(answer.reason or "")))
        elif answer.decision is not None:
            did.append(("We agreed:", _sentence(answer.decision.body)))
        elif answer.action is not None:
            did += _action_lines(answer.action, today)
    return tuple(said), tuple(did or [("", NO_ANSWER)])


def _period(since: dt.date | None, until: dt.date | None) -> str:
    if since and until:
        return f"between {short_date(since)} and {short_date(until)}"
    if since:
        return f"since {short_date(since)}"
    if until:
        return f"up to {short_date(until)}"
    return "at its meetings"


def build_you_said(
    store: Store,
    board_id: int,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> YouSaid:
    board = store.board(board_id)
    voices = store.resident_voices(board_id, since, until, public=True)
    today = store.clock().date()
    intro = [block(Kind.HEADING1, "You said, we did")]
    if board.organisation:
        intro.insert(0, block(Kind.MASTHEAD, board.organisation.upper()))
    intro.append(
        block(
            Kind.PARAGRAPH,
            f"What residents, patients and the community told the {board.name} "
            f"{_period(since, until)}, and what the Board did about it.",
        )
    )
    if not voices:
        intro.append(block(Kind.PARAGRAPH, "No comments from residents were recorded."))
    closing: list[Block] = []
    cannot = [(v, a) for v in voices for a in v.answers if a.cannot_do and a.decision]
    if cannot:
        closing.append(block(Kind.HEADING2, CANNOT_HEADING))
        for voice, answer in cannot:
            assert answer.decision is not None
            closing.append(
                block(
                    Kind.BULLET,
                    f"You said: {_sentence(voice.note.body)} We decided: "
                    f"{_sentence(answer.decision.body)} Why: {_sentence(answer.reason or '')}",
                )
            )
    return YouSaid(
        title=f"You said, we did: {board.name}",
        header_left=board.name.upper(),
        intro=tuple(intro),
        rows=tuple(_row(v, today) for v in voices),
        closing=tuple(closing),
    )


def _cell_text(lines: Sequence[Line]) -> str:
    return " ".join(f"{lead} {text}".strip() for lead, text in lines)


def you_said_text(report: YouSaid, width: int = TEXT_WIDTH) -> str:
    """The report as plain text `width` columns wide: what the TUI previews before writing."""
    table = Block(
        Kind.TABLE,
        header=HEADER,
        rows=tuple((_cell_text(s), _cell_text(d)) for s, d in report.rows),
    )
    blocks = [*report.intro, *([table] if report.rows else []), *report.closing]
    return blocks_text(blocks, report.header_left, width)


def you_said_file_name(store: Store, board_id: int, day: dt.date) -> str:
    """ "You said we did - Transformation Advisory Board 2023-10-17.docx"."""
    name = file_name_part(store.board(board_id).name, "Board")
    return f"You said we did - {name} {day:%Y-%m-%d}.docx"


def write_you_said(
    store: Store,
    board_id: int,
    path: Path,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    template: Path | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Write the report to a .docx; nothing changes on failure."""
    from docx.shared import Mm

    from board_tui.exporters.blocks import render
    from board_tui.exporters.style import open_base
    from board_tui.exporters.word import (
        fill_cell,
        grid_table,
        keep_row_together,
        page_number_footer,
        running_header,
        word_text,
    )

    path = Path(path).expanduser()
    check_target(path, force=force)
    report = build_you_said(store, board_id, since=since, until=until)
    document = open_base(template or board_template(store, board_id))
    section = document.sections[0]
    running_header(section, report.header_left, "YOU SAID, WE DID", draft=False)
    page_number_footer(section)
    render(document, report.intro)
    total = len(report.rows) + 1
    if report.rows:
        table = grid_table(document, HEADER, len(report.rows), [Mm(w) for w in WIDTHS_MM])
        for done, (row, (said, did)) in enumerate(
            zip(table.rows[1:], report.rows, strict=True), start=1
        ):
            keep_row_together(row)
            fill_cell(row.cells[0], said)
            fill_cell(row.cells[1], did)
            if progress is not None:
                progress(done, total)
    render(document, report.closing)
    document.core_properties.title = word_text(report.title)
    written = save(document, path, force=force)
    if progress is not None:
        progress(total, total)
    return written
