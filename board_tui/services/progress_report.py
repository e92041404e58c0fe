"""The progress report the board receives, drafted from the action plan and its history.

Between meetings the lead officer reports on the plan (seed 001: "Communities Driving
Change – Progress Report"): a council report cover, an Executive Summary naming each
action and where it stands, Recommendations, the fixed sections of the board's report
template (Reasons, Alternative options, the implications, Appendices, Background
documents, Contact officer), and for each action three questions:

- "What will we have achieved by …?": its next steps, by the latest time frame in the
  plan's own words;
- "What progress has been made?": every status update said in the window and every next
  step set in it, in date order, each with the meeting it was said at;
- "What will have been achieved in the next six months?": its open steps due then.

Every sentence is the store's (the plan's words, the history's, its dates and statuses)
or a heading or a bracketed placeholder the officer fills; nothing is made up. The draft
is text (domain.report_text) the officer edits in the app, kept as the round-up is; its
words are written by services.progress_draft, from what this module works out (the
window, the actions, the lead officer, the template).

A public report holds nothing of Part 2 (domain.exempt): no step set and no update said
on an exempt item, each status as last said in public. A confidential version, only on
request, holds it all, marked, and says so on every page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.exempt import CONFIDENTIAL
from board_tui.domain.model import ActionPlan, Board, Meeting
from board_tui.domain.plan_records import PlanItem
from board_tui.domain.report_text import (
    ReportChoice,
)
from board_tui.exporters.blocks import Progress
from board_tui.storage.store import Store

__all__ = [
    "DEFAULT_SECTIONS",
    "Report",
    "attach_report",
    "check_no_part2",
    "default_meeting",
    "export_progress_report",
    "part2_quotes",
    "report_file_name",
    "resolve",
]

DETAILS = "DETAILS OF REPORT"
DEFAULT_SECTIONS: tuple[tuple[str, str], ...] = (
    ("1. REASONS FOR THE DECISIONS", "The reasons for the recommendations"),
    ("2. ALTERNATIVE OPTIONS", "The alternative options considered"),
    (f"3. {DETAILS}", ""),
    ("4. COMMENTS OF THE CHIEF FINANCE OFFICER", "The Chief Finance Officer's comments"),
    ("5. LEGAL COMMENTS", "The legal comments"),
    ("6. EQUALITIES IMPLICATIONS", "The equalities implications"),
    ("7. BEST VALUE (BV) IMPLICATIONS", "The best value implications"),
    ("8. SUSTAINABLE ACTION FOR A GREENER ENVIRONMENT", "The environmental implications"),
    ("9. RISK MANAGEMENT IMPLICATIONS", "The risk management implications"),
    ("10. CRIME AND DISORDER REDUCTION IMPLICATIONS", "The crime and disorder implications"),
)
"""The council's usual order (seed 001), when the board's template has no sections of its
own: each heading with what its placeholder asks for ("" for where the actions go)."""
MIN_QUOTE = 12
"""Shorter Part 2 words are too common to tell a quote from the officer's own."""


# -- what the report is about -----------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    since: dt.date | None
    until: dt.date
    months: int

    def holds(self, at: dt.datetime) -> bool:
        return (self.since is None or at.date() >= self.since) and at.date() <= self.until

    @property
    def horizon(self) -> dt.date:
        """The last day of "the next … months" after the report's date."""
        month = self.until.month - 1 + self.months
        year, month = self.until.year + month // 12, month % 12 + 1
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        return dt.date(year, month, min(self.until.day, last))

    def words(self) -> str:
        until = long_day(self.until)
        return f"from {long_day(self.since)} to {until}" if self.since else f"up to {until}"


@dataclass(frozen=True)
class Officer:
    name: str
    title: str | None
    organisation: str | None
    email: str | None

    @property
    def line(self) -> str:
        return ", ".join(p for p in (self.name, self.title) if p)


@dataclass(frozen=True)
class Report:
    """Everything the draft is written from."""

    choice: ReportChoice
    plan: ActionPlan
    plan_board: Board
    meeting: Meeting | None
    board: Board
    """The board the report goes to: the meeting's, else the plan's."""
    items: tuple[PlanItem, ...]
    window: Window
    officer: Officer | None

    @property
    def title(self) -> str:
        about = (
            f"{self.plan.title}, {self.choice.section}" if self.choice.section else self.plan.title
        )
        return f"{about} \u2013 Progress Report"

    @property
    def board_name(self) -> str:
        return self.meeting.title if self.meeting is not None else self.board.name

    @property
    def header_left(self) -> str:
        day = self.meeting.scheduled_start if self.meeting else None
        return f"{self.board_name.upper()}, {day:%d/%m/%Y}" if day else self.board_name.upper()

    @property
    def header_right(self) -> str:
        return CONFIDENTIAL if self.choice.confidential else "PROGRESS REPORT (UNRESTRICTED)"


def long_day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _officer(store: Store, plan_board: Board, wanted: str | None) -> Officer | None:
    """The person named (from the directory when there), else the plan's board's first
    officer."""
    if wanted:
        person = store.person_named(wanted)
        if person is None:
            return Officer(" ".join(wanted.split()), None, None, None)
        position = next(
            (m.position for m in store.members(plan_board.id) if m.person.id == person.id), None
        )
        return Officer(person.name, person.title or position, person.organisation, person.email)
    for member in store.members(plan_board.id):
        if member.role.value == "officer":
            person = member.person
            title = person.title or member.position
            return Officer(person.name, title, person.organisation, person.email)
    return None


def _items(store: Store, choice: ReportChoice) -> tuple[PlanItem, ...]:
    items = store.plan_items(choice.plan_id)
    if choice.refs and choice.section:
        raise BoardTuiError("choose the actions by ref or by section, not both")
    if choice.refs:
        by_ref = {i.ref.casefold(): i for i in items}
        missing = [r for r in choice.refs if r.casefold() not in by_ref]
        if missing:
            raise BoardTuiError(f"the plan has no item {', '.join(missing)}")
        wanted = {r.casefold() for r in choice.refs}
        return tuple(i for i in items if i.ref.casefold() in wanted)
    if choice.section:
        found = tuple(i for i in items if (i.section or "").casefold() == choice.section.casefold())
        if not found:
            sections = sorted({i.section for i in items if i.section})
            known = f" (its sections: {', '.join(sections)})" if sections else " (it has none)"
            raise BoardTuiError(f"the plan has no section {choice.section!r}{known}")
        return found
    if not items:
        raise BoardTuiError("the plan has no items to report on")
    return tuple(items)


def resolve(store: Store, choice: ReportChoice, today: dt.date | None = None) -> Report:
    """The plan, meeting, actions, window and lead officer the choice names."""
    plan = store.plan(choice.plan_id)
    plan_board = store.board(plan.board_id)
    meeting = store.meeting(choice.meeting_id) if choice.meeting_id is not None else None
    board = store.board(meeting.board_id) if meeting is not None else plan_board
    until = choice.until or (
        meeting.scheduled_start.date() if meeting else (today or store.clock().date())
    )
    since = choice.since or plan.dated
    if since is not None and since > until:
        raise BoardTuiError(f"the report starts ({since}) after it ends ({until})")
    if not 1 <= choice.months <= 36:
        raise BoardTuiError("the next months to look at are 1 to 36")
    return Report(
        choice=choice,
        plan=plan,
        plan_board=plan_board,
        meeting=meeting,
        board=board,
        items=_items(store, choice),
        window=Window(since, until, choice.months),
        officer=_officer(store, plan_board, choice.lead_officer),
    )


def default_meeting(store: Store, plan_id: int) -> Meeting | None:
    """The meeting a report is most likely for: the first not yet held that the plan goes
    to, else the last it went to."""
    meetings = store.meetings_for_plan(plan_id)
    waiting = [m for m in meetings if m.status.value in ("draft", "live")]
    return waiting[0] if waiting else (meetings[-1] if meetings else None)


def report_template(store: Store, report: Report, template: Path | None = None) -> Path | None:
    """The template given, else the board's the report goes to, else the plan's board's."""
    chosen = template or report.board.word_template or report.plan_board.word_template
    return Path(chosen).expanduser() if chosen else None


def report_file_name(store: Store, choice: ReportChoice) -> str:
    from board_tui.domain.safe_text import file_name_part

    plan = store.plan(choice.plan_id)
    day = (
        store.meeting(choice.meeting_id).scheduled_start.date()
        if choice.meeting_id is not None
        else store.clock().date()
    )
    words = " ".join(plan.title.split()[:6])
    suffix = " CONFIDENTIAL" if choice.confidential else ""
    return f"{file_name_part(words, 'Plan')} progress report {day:%Y-%m-%d}{suffix}.docx"


# -- Part 2 and the export ---------------------------------------------------------------------


def part2_quotes(store: Store, choice: ReportChoice, body: str) -> list[str]:
    """The refs of the plan's actions whose Part 2 business the text repeats: a step set
    on an exempt item, or the words of an update said on one.

    A draft kept from before an item was marked exempt can hold Part 2, and so can the
    officer's edits; only the plan's own Part 2 words are looked for.
    """
    part2 = store.part2()
    if not part2:
        return []
    text = " ".join(body.split()).casefold()
    found: list[str] = []
    for item in store.plan_items(choice.plan_id):
        steps = store.next_steps(item.id)
        said = [s.description for s in steps if part2.action(s)]
        hidden = {s.id for s in steps if part2.action(s)}
        said += [
            u.body
            for u in store.status_history(plan_item_id=item.id)
            if part2.update(u) or u.action_id in hidden
        ]
        for words in said:
            quote = " ".join(words.split()).casefold().rstrip(".")
            if len(quote) >= MIN_QUOTE and quote in text and item.ref not in found:
                found.append(item.ref)
    return found


def check_no_part2(store: Store, choice: ReportChoice, body: str) -> None:
    """Refuse a public report that repeats Part 2 business; the message never repeats it."""
    if choice.confidential:
        return
    found = part2_quotes(store, choice, body)
    if found:
        raise BoardTuiError(
            f"the report repeats Part 2 business (action {', '.join(found)}), which must not"
            " be published: take it out, draft it again, or write the confidential version"
        )


def export_progress_report(
    store: Store,
    choice: ReportChoice,
    body: str,
    path: Path,
    *,
    template: Path | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Write the report to Word, once a public one is checked to hold no Part 2."""
    from board_tui.exporters.progress_report import write_progress_report

    check_no_part2(store, choice, body)
    report = resolve(store, choice)
    return write_progress_report(
        body,
        path,
        header_left=report.header_left,
        header_right=report.header_right,
        confidential=choice.confidential,
        template=report_template(store, report, template),
        database=store.path,
        force=force,
        progress=progress,
    )


def paper_words(body: str) -> str:
    """How the agenda names the report as an item's paper: its title."""
    from board_tui.domain.report_text import read_report

    title = read_report(body).field("Title") or "Progress report"
    return title if "progress report" in title.casefold() else f"{title} (progress report)"


def attach_report(
    store: Store, choice: ReportChoice, body: str, agenda_item_id: int | None
) -> None:
    """Keep the draft and make it the paper of an agenda item of its meeting (or of none)."""
    if agenda_item_id is not None:
        check_no_part2(store, choice, body)
    kept = store.progress_report(
        choice.plan_id, choice.meeting_id, confidential=choice.confidential
    )
    if kept is None or kept.body != body:
        kept = store.save_progress_report(choice, body, generated=kept is None)
    store.attach_progress_report(kept.id, agenda_item_id, paper_words(body))
