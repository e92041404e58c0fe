"""The agenda pack's front sheet and agenda table, as the board's clerk sends them out.

Laid out like the Transformation Advisory Board's own agenda so the agenda
importer reads it back: the front sheet (board, date and venue, members with the
chair first, officers in attendance, the clerk to contact), then a page with the
ITEM TITLE | TIME | PRESENTER | PAGES table, the item number typed in the title
cell, planned times as "2:15pm", and a note to the chair as an italic row of its own.
The agenda is public: a Part 2 item and its sub-items show only as "Exempt item (Part 2)"
with their number and time (domain.exempt), never their title, presenter, papers or note.
An item whose end is not the next row's start (the last item, an item with sub-items)
shows its time as a range, "2:15pm – 3:15pm", so the importer reads its length back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from board_tui.domain.agenda_order import outline, planned_starts
from board_tui.domain.exempt import Part2
from board_tui.domain.formatting import agenda_time, long_date, minutes_time
from board_tui.domain.model import Meeting, Membership, MembershipRole
from board_tui.exporters.blocks import Progress
from board_tui.exporters.document import board_template, save
from board_tui.exporters.safe_write import check_target
from board_tui.storage.store import Store

__all__ = ["AGENDA_HEADER", "agenda_file_name", "write_agenda"]

AGENDA_HEADER = ("ITEM TITLE", "TIME", "PRESENTER", "PAGES")
AGENDA_WIDTHS_MM = (66.0, 18.0, 54.0, 32.0)
PAIR_WIDTHS_MM = (60.0, 110.0)
_MEMBERS = (MembershipRole.MEMBER, MembershipRole.INDEPENDENT, MembershipRole.OBSERVER)


def _when(meeting: Meeting) -> str:
    start = meeting.scheduled_start
    return f"{long_date(start.date())} at {minutes_time(start)}"


def agenda_file_name(store: Store, meeting_id: int) -> str:
    from board_tui.exporters.minutes import minutes_file_name

    return minutes_file_name(store, meeting_id).replace(" minutes ", " agenda ")


def _pairs(document: Any, members: list[Membership]) -> None:
    from docx.shared import Mm

    from board_tui.exporters.word import pairs_table

    rows = [(m.person.name, f"({m.position})" if m.position else "") for m in members]
    if rows:
        pairs_table(document, rows, [Mm(w) for w in PAIR_WIDTHS_MM])


def _front_sheet(document: Any, store: Store, meeting: Meeting) -> None:
    from docx.enum.text import WD_BREAK

    from board_tui.exporters.style import LABEL, STRONG
    from board_tui.exporters.word import paragraph, word_text

    board = store.board(meeting.board_id)
    members = store.members(board.id)
    paragraph(document, meeting.title, "Title")
    paragraph(document, "Agenda", "Heading 1")
    when = paragraph(document, "", LABEL)
    when.add_run(word_text(_when(meeting)))
    if meeting.venue:
        when.add_run().add_break()
        when.add_run(word_text(meeting.venue))
    paragraph(document, "Members:", LABEL)
    for chair in (m for m in members if m.role is MembershipRole.CHAIR):
        p = document.add_paragraph()
        p.add_run("Chair: ", style=STRONG)
        p.add_run(word_text(chair.person.name))
    _pairs(document, [m for m in members if m.role in _MEMBERS])
    officers = [m for m in members if m.role is MembershipRole.OFFICER]
    if officers:
        paragraph(document, "Officers in Attendance:", LABEL)
        _pairs(document, officers)
    contact = board.contact
    if contact is not None:
        paragraph(document, "Contact for further enquiries:", LABEL)
        p = document.add_paragraph()
        first = ", ".join(part for part in (contact.name, contact.role) if part)
        lines = [f"{first}," if contact.email or contact.phone else first]
        lines += [line for line in (contact.email, contact.phone) if line]
        for index, line in enumerate(lines):
            run = p.add_run(word_text(line))
            if index < len(lines) - 1:
                run.add_break()
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _agenda_table(document: Any, store: Store, meeting: Meeting, progress: Progress | None) -> None:
    from docx.shared import Mm

    from board_tui.exporters.style import MASTHEAD, NOTE, SUB_ITEM, TABLE_TEXT
    from board_tui.exporters.word import fill_cell, grid_table, paragraph

    board = store.board(meeting.board_id)
    for line in (board.organisation, meeting.title, long_date(meeting.scheduled_start.date())):
        if line:
            paragraph(document, line, MASTHEAD)
    paragraph(document, minutes_time(meeting.scheduled_start), MASTHEAD)
    items = store.agenda(meeting.id)
    starts = planned_starts(items, meeting.scheduled_start)
    part2 = Part2.of(items)
    entries = [(part2.shown(item), depth) for item, depth in outline(items)]
    notes = sum(1 for item, _depth in entries if item.chair_note)
    table = grid_table(
        document, AGENDA_HEADER, len(entries) + notes, [Mm(w) for w in AGENDA_WIDTHS_MM]
    )
    rows = iter(table.rows[1:])
    for done, (item, depth) in enumerate(entries, start=1):
        cells = next(rows).cells
        start = starts[item.id]
        time_text = agenda_time(start)
        if item.duration_minutes:
            end = start + dt.timedelta(minutes=item.duration_minutes)
            next_start = starts[entries[done][0].id] if done < len(entries) else None
            if end != next_start:
                time_text = f"{time_text} \u2013 {agenda_time(end)}"
        title = f"{item.number}. {item.title}" if depth == 0 else f"{item.number} {item.title}"
        fill_cell(cells[0], [(title, "")], SUB_ITEM if depth else TABLE_TEXT)
        fill_cell(cells[1], [("", time_text)])
        fill_cell(cells[2], [("", item.presenter or "")])
        fill_cell(cells[3], [("", item.papers or "")])
        if item.chair_note:
            fill_cell(next(rows).cells[0], [("", item.chair_note)], NOTE)
        if progress is not None:
            progress(done, len(entries) + 1)
    later = [m for m in store.meetings(board.id) if m.scheduled_start > meeting.scheduled_start]
    if later:
        following = later[0]
        paragraph(document, "", "Normal")
        paragraph(document, f"Next Meeting of the {following.title}", "Heading 2")
        where = f" to be held in {following.venue}" if following.venue else ""
        paragraph(document, f"{_when(following)}{where}", "Normal")


def write_agenda(
    store: Store,
    meeting_id: int,
    path: Path,
    *,
    template: Path | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Write the meeting's front sheet and agenda to a .docx; nothing changes on failure."""
    from board_tui.exporters.style import open_base
    from board_tui.exporters.word import page_number_footer, word_text

    path = Path(path).expanduser()
    check_target(path, force=force)
    meeting = store.meeting(meeting_id)
    document = open_base(template or board_template(store, meeting.board_id))
    page_number_footer(document.sections[0])
    _front_sheet(document, store, meeting)
    _agenda_table(document, store, meeting, progress)
    day = meeting.scheduled_start.date()
    document.core_properties.title = word_text(f"{meeting.title} agenda, {day.day} {day:%B %Y}")
    written = save(document, path, force=force)
    if progress is not None:
        progress(1, 1)
    return written
