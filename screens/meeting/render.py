"""How the live meeting screen draws its parts: the heading, the item, its minuted lines, the
tracked rows. Rich renderables only; the screen decides when to draw them.

Times on screen are written one way, as the minutes write them ("2.03 p.m.").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import App

from board_tui.domain.agenda_order import minutes_used
from board_tui.domain.formatting import long_date, minutes_time, shorten
from board_tui.domain.meeting_records import AgendaItem, Declaration, Note
from board_tui.domain.model import Meeting, MeetingStatus, NoteKind
from board_tui.domain.plan_records import UpdateSaid
from board_tui.domain.quorum_count import ItemQuorum, QuorumState
from board_tui.domain.votes import Vote, vote_summary
from board_tui.screens.widgets.status import colour, ink, overdue_mark, status_mark
from board_tui.services.meeting_view import MinutedLine, Tracked

NOTE_MARKS = {NoteKind.COMMENT: "•", NoteKind.DECISION: "AGREED", NoteKind.NARRATIVE: "¶"}


def meeting_heading(
    board_name: str,
    meeting: Meeting,
    status: str,
    projected: str | None = None,
    quorum: QuorumState | None = None,
) -> Text:
    """Two lines: which board and where the meeting stands (and its quorum, when the board
    has a rule); when and where it is held; and while it runs, a third: when it is now
    projected to finish (domain.projection)."""
    heading = Text.assemble((board_name, "bold"), "  ", (status, "italic"))
    if quorum is not None:
        heading.append("  ")
        heading.append(quorum.words, style="bold" if quorum.quorate else "bold reverse")
    start = meeting.scheduled_start
    heading.append(f"\n{long_date(start.date())}, {minutes_time(start)}")
    if meeting.venue:
        heading.append(f" · {meeting.venue}", style="dim")
    if meeting.actual_start:
        heading.append(f" · started {minutes_time(meeting.actual_start)}", style="dim")
        if meeting.actual_end:
            heading.append(f", ended {minutes_time(meeting.actual_end)}", style="dim")
    if projected:
        heading.append(f"\n{projected}", style="italic")
    return heading


def item_timer(
    app: App[Any], item: AgendaItem, meeting: Meeting, now: dt.datetime, planned: dt.datetime | None
) -> Text:
    """Planned against actual minutes; near the end in the warning colour, over in the error."""
    text = Text()
    if planned is not None:
        text.append("Planned ", style="dim").append(minutes_time(planned))
        if item.duration_minutes:
            text.append(f" for {item.duration_minutes} min")
    used = minutes_used(item, meeting, now)
    if used is None:
        return text
    if text:
        text.append("  ·  ")
    running = item.actual_end is None and meeting.status is MeetingStatus.LIVE
    text.append("Running " if running else "Took ", style="dim")
    planned_minutes = item.duration_minutes
    if planned_minutes and used > planned_minutes:
        over = used - planned_minutes
        text.append(f"{used} min, {over} over", style=f"bold {colour(app, 'over-time')}")
    elif planned_minutes and used >= planned_minutes * 0.8:
        text.append(f"{used} of {planned_minutes} min", style=f"bold {colour(app, 'near-time')}")
    else:
        text.append(f"{used} min" + (f" of {planned_minutes}" if planned_minutes else ""))
    return text


def item_header(
    item: AgendaItem,
    exempt: bool,
    timer: Text,
    quorum: ItemQuorum | None = None,
    minute: str | None = None,
) -> RenderableType:
    """The item's title and facts; flagged when the business is taken while inquorate.

    minute: its number in the board's scheme ("TAB 23/49"), as the minutes will head it."""
    parts: list[RenderableType] = []
    title = Text(f"{item.number}. {item.title}", style="bold")
    if minute:
        title = Text.assemble((f"{minute} \u2013 ", "bold"), title)
    if exempt:
        title.append("  PART 2 — EXEMPT", style="bold reverse")
    if quorum is not None and not quorum.state.quorate:
        title.append(f"  NOT QUORATE FOR THIS ITEM ({quorum.state.counts})", style="bold reverse")
    parts.append(title)
    facts = Text()
    if item.presenter:
        facts.append("Presenter ", style="dim").append(item.presenter + "\n")
    if item.papers:
        facts.append("Papers ", style="dim").append(item.papers + "\n")
    facts.append_text(timer)
    if quorum is not None and quorum.withdrew:
        facts.append("\nWithdrawn for this item: ", style="dim").append(", ".join(quorum.withdrew))
    parts.append(facts)
    if item.chair_note:
        parts.append(Text.assemble(("Note to the chair: ", "bold"), (item.chair_note, "italic")))
    return Group(*parts)


def note_prompt(note: Note, vote: Vote | None = None) -> Text:
    """A note in full, wrapped by the list: the clerk reads back every word before moving on,
    and a decision's vote as the minutes will give it."""
    mark = NOTE_MARKS[note.kind]
    line = Text(f"{minutes_time(note.created_at)} ", style="dim")
    if note.kind is NoteKind.DECISION:
        line.append(f" {mark} ", style="bold reverse").append(" ").append(note.body, style="bold")
        if vote is not None:
            line.append(f"\n  Vote: {vote_summary(vote)}", style="italic")
    elif note.kind is NoteKind.NARRATIVE:
        line.append(f"{mark} {note.body}", style="italic")
    else:
        line.append(f"{mark} {note.body}")
    if note.edited_at:
        line.append("  (edited)", style="dim")
    if note.voice:
        line.append(f"  YOU SAID: {note.voice_source or 'residents'}", style="italic")
    return line


def declaration_prompt(declaration: Declaration) -> Text:
    return Text.assemble(
        ("Declared ", "bold"),
        (declaration.person.name, "bold"),
        f": {declaration.interest}",
    )


def update_prompt(app: App[Any], said: UpdateSaid) -> Text:
    update = said.update
    line = Text(f"{minutes_time(update.recorded_at)} ", style="dim")
    line.append("Update ", style="bold").append(shorten(said.subject, 70)).append(": ")
    if update.old_status is not None and update.old_status is not update.new_status:
        line.append(f"{update.old_status.label} → ", style="dim")
    line.append(update.new_status.label, style=f"bold {ink(app, update.new_status)}")
    if update.body:
        line.append(f" — {update.body}")
    return line


def minuted_prompt(app: App[Any], line: MinutedLine, votes: Mapping[int, Vote]) -> Text:
    if isinstance(line, Note):
        return note_prompt(line, votes.get(line.id))
    if isinstance(line, Declaration):
        return declaration_prompt(line)
    return update_prompt(app, line)


def tracked_prompt(app: App[Any], row: Tracked, today: dt.date) -> Text:
    if row.heading is not None:
        return Text(row.heading, style="bold underline")
    assert row.status is not None
    line = Text()
    if row.action is not None and row.plan_item is not None:
        line.append("   ")
    line.append_text(status_mark(app, row.status, width=10))
    line.append(" ")
    if row.plan_item is not None and row.action is None:
        line.append(f"{row.plan_item.ref}. ", style="bold")
        line.append(shorten(row.plan_item.recommendation, 120))
        return line
    assert row.action is not None
    if row.action.label:
        line.append(f"{row.action.label.text} ", style="bold")
    line.append(shorten(row.action.description, 120))
    details = [d for d in (row.action.owner, row.action.time_frame) if d]
    if details:
        line.append(f"  ({'; '.join(details)})", style="dim")
    if row.action.is_overdue(today):
        line.append(" ").append_text(overdue_mark(app))
    return line
