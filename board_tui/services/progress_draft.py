"""The words of a progress report's first draft: each action's state at the end of the
window, and the report's sections in the board's order.

What the report is about (the window, the actions, the lead officer) is worked out in
services.progress_report; this module only turns it into the text the officer edits
(domain.report_text), every sentence the store's, a heading, or a placeholder.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from board_tui.domain.exempt import CONFIDENTIAL, Part2
from board_tui.domain.model import Meeting
from board_tui.domain.plan_records import Action, PlanItem, StatusUpdate
from board_tui.domain.report_text import (
    ReportChoice,
    bullet,
    cover_line,
    heading,
    paragraph,
    placeholder,
    status_line,
)
from board_tui.domain.search_records import HistoryEntry
from board_tui.domain.statuses import Status, status_from_words
from board_tui.readers.report_template import TemplateSection, read_report_template
from board_tui.services.progress_report import (
    DEFAULT_SECTIONS,
    DETAILS,
    Report,
    long_day,
    report_template,
    resolve,
)
from board_tui.storage.store import Store

__all__ = ["draft_report"]

CLOSING = "Appendices and Background Documents"
APPENDICES = "Appendices"
BACKGROUND = "Background Documents"
CONTACT = "Contact officer"
DRAFTED_HERE = re.compile(r"executive summary|recommendation|classification|lead officer", re.I)
"""Template headings of what this report drafts itself, in its own place."""
DETAILS_HEADING = re.compile(r"details|progress", re.I)
CONTACT_HEADING = re.compile(r"contact officer", re.I)
_IMPORTED = re.compile(r"Imported\b")
_NUMBER_WORDS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
_LOWER_FIRST = {"end", "mid", "late", "early", "start", "beginning", "through", "complete"}


# -- each action's state, as at the end of the window ------------------------------------------


@dataclass(frozen=True)
class Step:
    action: Action
    status: Status
    """As at the report's date (and as last said in public, for a public report)."""
    completed_in_window: bool
    part2: bool


@dataclass(frozen=True)
class ItemState:
    item: PlanItem
    status: Status
    steps: tuple[Step, ...]
    progress: tuple[HistoryEntry, ...]


def _status_at(
    updates: Sequence[StatusUpdate], current: Status, until: dt.date
) -> tuple[Status, StatusUpdate | None]:
    """(status, the update that set it) as at the end of `until`, from one target's updates."""
    ordered = sorted(updates, key=lambda u: (u.recorded_at, u.id))
    before = [u for u in ordered if u.recorded_at.date() <= until]
    if before:
        return before[-1].new_status, before[-1]
    if ordered:
        return ordered[0].old_status or Status.NEXT_STEP, None
    return current, None


def _item_state(store: Store, report: Report, item: PlanItem, part2: Part2) -> ItemState:
    public = not report.choice.confidential
    window = report.window
    made = store.steps_made(item.id)
    steps = [
        s
        for s in store.next_steps(item.id)
        if made.get(s.id, dt.datetime.min).date() <= window.until
        and not (public and part2.action(s))
    ]
    history = store.status_history(plan_item_id=item.id)
    updates = part2.public_updates(history, store.next_steps(item.id)) if public else history
    current_item = part2.public_plan_item(item, history).status if public else item.status
    status, _set = _status_at(
        [u for u in updates if u.action_id is None], current_item, window.until
    )
    states: list[Step] = []
    for step in steps:
        current = part2.public_action(step, history).status if public else step.status
        own = [u for u in updates if u.action_id == step.id]
        step_status, set_by = _status_at(own, current, window.until)
        completed = (
            step_status is Status.COMPLETE
            and set_by is not None
            and window.holds(set_by.recorded_at)
        )
        states.append(Step(step, step_status, completed, part2.action(step)))
    entries = store.history(plan_item_id=item.id, public=public)
    dated = report.plan.dated
    progress = tuple(
        e
        for e in entries
        if window.holds(e.at)
        and (
            e.event == "update"
            or (
                e.event == "step"
                and (e.meeting_id is not None or (dated is not None and e.at.date() > dated))
            )
        )
    )
    return ItemState(item, status, tuple(states), progress)


# -- the words ---------------------------------------------------------------------------------


def _count_words(n: int) -> str:
    return _NUMBER_WORDS[n - 1] if 1 <= n <= len(_NUMBER_WORDS) else str(n)


def _by_words(time_frame: str) -> str:
    """ "End of March 2018" as it reads after "by": "the end of March 2018"."""
    words = " ".join(time_frame.split())
    if words.casefold().startswith("by "):
        words = words[3:]
    first = re.split(r"[\s-]", words, maxsplit=1)[0]
    if first.casefold() in _LOWER_FIRST:
        words = words[:1].lower() + words[1:]
    if re.match(r"(end|start|beginning) of\b", words):
        words = f"the {words}"
    return words


def _step_text(step: Action) -> str:
    return f"{step.description} ({step.time_frame})" if step.time_frame else step.description


def _state_line(state: ItemState, until: dt.date) -> str:
    """One line of where an action stands: its status, its steps by status, what was
    completed in the window and what is overdue (each from the store)."""
    parts = [f"{state.status.label}."]
    steps = state.steps
    if steps:
        counts = [
            f"{sum(1 for s in steps if s.status is status)} {status.label.lower()}"
            for status in Status
            if any(s.status is status for s in steps)
        ]
        by_status = (
            f"all {steps[0].status.label.lower()}"
            if len(counts) == 1 and len(steps) > 1
            else ", ".join(counts)
        )
        parts.append(f"Next steps: {len(steps)} ({by_status}).")
    done = [s.action.description.rstrip(".") for s in steps if s.completed_in_window]
    if done:
        parts.append(f"Completed in this period: {'; '.join(done)}.")
    overdue = [
        _step_text(s.action).rstrip(".")
        for s in steps
        if s.status.is_open and s.action.due_date is not None and s.action.due_date < until
    ]
    if overdue:
        parts.append(f"Overdue: {'; '.join(overdue)}.")
    return " ".join(parts)


def _said(body: str, status: Status | None) -> str:
    """What was said, unless it only repeats the status ("Done") or is the importer's mark."""
    words = " ".join(body.split())
    if not words or _IMPORTED.match(words):
        return ""
    if status is not None and status_from_words(words) is status and len(words.split()) <= 2:
        return ""
    return words


def _progress_line(store: Store, entry: HistoryEntry, meetings: dict[int, Meeting]) -> str:
    day = long_day(entry.at.date())
    if entry.meeting_id is not None:
        if entry.meeting_id not in meetings:
            meetings[entry.meeting_id] = store.meeting(entry.meeting_id)
        lead = f"{day}, {meetings[entry.meeting_id].title}"
    else:
        lead = f"{day}, on the action plan"
    if entry.part2:
        lead += f" ({CONFIDENTIAL})"
    if entry.event == "step":
        label = f"{entry.label} " if entry.label else ""
        when = f" ({entry.said})" if entry.said else ""
        return bullet(f"Next step set: {label}{entry.subject}{when}.", lead=f"{lead}:")
    parts: list[str] = []
    if entry.step is not None:
        parts.append(f"{entry.subject.rstrip('.')}:")
    assert entry.new_status is not None
    if entry.old_status is not None and entry.old_status is not entry.new_status:
        parts.append(f"{entry.old_status.label} \u2192 {entry.new_status.label}.")
    else:
        parts.append(f"{entry.new_status.label}.")
    said = _said(entry.said, entry.new_status)
    if entry.label and said:
        parts.append(entry.label)
    if said:
        parts.append(said if said.endswith((".", "!", "?")) else f"{said}.")
    return bullet(" ".join(parts), lead=f"{lead}:")


def _item_lines(
    store: Store,
    report: Report,
    state: ItemState,
    number: str,
    count: int,
    meetings: dict[int, Meeting],
) -> list[str]:
    """One action's part of the details: heading, recommendation, status, three questions."""
    item = state.item
    window = report.window
    lines = [heading(2, f"Action {item.ref}"), heading(3, item.recommendation)]
    if item.lead:
        lines.append(paragraph(item.lead, lead="Lead:"))
    lines.append(status_line(state.status))
    planned = [s for s in state.steps if s.status is not Status.DROPPED]
    dated = [s for s in planned if s.action.due_date is not None and s.action.time_frame]
    latest = max(dated, key=lambda s: (s.action.due_date, s.action.position), default=None)
    by = f" by {_by_words(latest.action.time_frame or '')}" if latest else ""
    lines.append(heading(4, f"{number}.{count} What will we have achieved{by}?"))
    lines += [_step_bullet(s) for s in planned] or [
        placeholder("What this action will have achieved")
    ]
    lines.append(heading(4, f"{number}.{count + 1} What progress has been made?"))
    progress = [_progress_line(store, e, meetings) for e in state.progress]
    lines += progress or [placeholder(f"No update recorded {window.words()}: the progress made")]
    months = _count_words(window.months)
    lines.append(
        heading(
            4, f"{number}.{count + 2} What will have been achieved in the next {months} months?"
        )
    )
    horizon = window.horizon
    coming = [
        s
        for s in state.steps
        if s.status.is_open
        and s.action.due_date is not None
        and window.until < s.action.due_date <= horizon
    ]
    coming.sort(key=lambda s: (s.action.due_date or dt.date.max, s.action.position))
    lines += [_step_bullet(s) for s in coming] or [
        placeholder(f"No open next step is due by {long_day(horizon)}: what will be achieved")
    ]
    return lines


def _step_bullet(step: Step) -> str:
    mark = f" ({CONFIDENTIAL})" if step.part2 else ""
    label = step.action.label.text if step.action.label else ""
    return bullet(_step_text(step.action) + mark, lead=label)


def _cover(report: Report) -> list[str]:
    meeting = report.meeting
    organisation = report.plan_board.organisation
    officer = report.officer.line if report.officer else placeholder("Lead Officer")
    return [
        cover_line("Board", report.board_name),
        cover_line(
            "Meeting",
            f"{meeting.scheduled_start:%A} {long_day(meeting.scheduled_start.date())}"
            if meeting
            else placeholder("The date of the meeting"),
        ),
        cover_line("Report of", organisation or placeholder("Who the report is of")),
        cover_line(
            "Classification", CONFIDENTIAL if report.choice.confidential else "Unrestricted"
        ),
        cover_line("Title", report.title),
        cover_line("Lead Officer", officer),
        cover_line("Contact Officers", officer),
        cover_line("Executive Key Decision?", placeholder("Yes or No")),
    ]


def _summary(report: Report, states: Sequence[ItemState]) -> list[str]:
    lines = [
        heading(1, "Executive Summary"),
        paragraph(f"The actions reported on, {report.window.words()}:"),
    ]
    for state in states:
        lines.append(paragraph(state.item.recommendation, lead=f"Action {state.item.ref}:"))
        lines.append(paragraph(_state_line(state, report.window.until)))
    lines += [
        heading(1, "Recommendations"),
        paragraph(f"The {report.board_name} is recommended to:"),
        f"1. {placeholder('The recommendation to the board')}",
    ]
    return lines


def _contact(report: Report) -> list[str]:
    officer = report.officer
    if officer is None:
        return [placeholder("The contact officer's name, title and email")]
    first = ", ".join(p for p in (officer.name, officer.title, officer.organisation) if p)
    return [paragraph(first)] + ([paragraph(officer.email)] if officer.email else [])


def _template_lines(section: TemplateSection) -> list[str]:
    words = [bullet(p.text) if p.bullet else paragraph(p.text) for p in section.paragraphs]
    return words or [placeholder(f"{section.heading}: to be written")]


def _sections(
    store: Store, report: Report, states: Sequence[ItemState], template: Path | None
) -> list[str]:
    """The fixed sections, the template's (in its order and words) or the council's usual
    ones, with the actions in the details section."""
    sections = read_report_template(template) if template is not None else ()
    sections = tuple(s for s in sections if not DRAFTED_HERE.search(s.heading))
    meetings: dict[int, Meeting] = {}

    def details(title: str) -> list[str]:
        number = re.match(r"\s*(\d+)", title)
        lines: list[str] = []
        count = 1
        for state in states:
            lines += _item_lines(
                store, report, state, number.group(1) if number else "", count, meetings
            )
            count += 3
        if not number:  # "3.1" without a section number would read ".1"
            lines = [re.sub(r"^(#### )\.(\d+) ", r"\1", line) for line in lines]
        return lines

    lines: list[str] = []
    if sections:
        placed = any(DETAILS_HEADING.search(s.heading) for s in sections)
        after = next(
            (i for i, s in enumerate(sections) if re.search("alternative", s.heading, re.I)), 0
        )
        for index, section in enumerate(sections):
            lines.append(heading(section.level, section.heading))
            if DETAILS_HEADING.search(section.heading):
                lines += details(section.heading)
            elif CONTACT_HEADING.search(section.heading):
                lines += _contact(report)
            else:
                lines += _template_lines(section)
            if not placed and index == after:
                lines += [heading(1, DETAILS.title()), *details("")]
        if not any(CONTACT_HEADING.search(s.heading) for s in sections):
            lines += [heading(2, CONTACT), *_contact(report)]
        return lines
    for title, asks in DEFAULT_SECTIONS:
        lines.append(heading(1, title))
        lines += details(title) if not asks else [placeholder(asks)]
    lines += [
        heading(1, CLOSING),
        heading(2, APPENDICES),
        placeholder("The appendices, or NONE"),
        heading(2, BACKGROUND),
        placeholder("Background documents not already in the public domain, or NONE"),
        heading(2, CONTACT),
        *_contact(report),
    ]
    return lines


def draft_report(
    store: Store,
    choice: ReportChoice,
    *,
    template: Path | None = None,
    today: dt.date | None = None,
) -> str:
    """A first draft from the store: the text the officer edits (domain.report_text)."""
    report = resolve(store, choice, today)
    part2 = store.part2()
    states = [_item_state(store, report, item, part2) for item in report.items]
    lines = _summary(report, states)
    lines += _sections(store, report, states, report_template(store, report, template))
    return "\n".join(_cover(report)) + "\n\n" + "\n\n".join(lines) + "\n"
