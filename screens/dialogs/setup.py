"""Setting up: a board, a person and their place on a board, a meeting, an agenda item, an import.

Each is a FormDialog: the first field has the focus, tab moves on, ctrl+s saves and
escape asks before it drops what was typed. Times and durations are read the way clerks
type them ("2pm", "14:00", "1h 30m") by the same rules the agenda importer uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Label, Select, TextArea

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.exclusion import SCHEDULE_12A, ExclusionRule, paragraph_words
from board_tui.domain.formatting import minutes_time, sentence, shorten
from board_tui.domain.model import Board, Contact, Meeting, MembershipRole
from board_tui.domain.quorum import QuorumRule, parse_rule
from board_tui.domain.times import duration, parse_clock
from board_tui.screens.dialogs.form import FormDialog, dialog_box, text_area

KEYS = "tab next field · ctrl+s save · escape cancel"


def _value(dialog: FormDialog[Any], field_id: str) -> str:
    return dialog.query_one(f"#{field_id}", Input).value.strip()


def read_day(text: str) -> dt.date | None:
    """ "2023-12-11", "11/12/2023" or "11/12/23" (day first, as in the UK)."""
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class BoardInput:
    name: str
    organisation: str | None
    contact: Contact | None
    word_template: str | None
    exclusion_rule: ExclusionRule = ExclusionRule.LGA_1972
    """The law the board excludes the press and public under (councils or NHS)."""
    quorum: QuorumRule | None = None
    """How many members make it quorate; None: no rule, and the minutes say nothing of it."""


def board_fields(board: Board) -> dict[str, str]:
    contact = board.contact
    return {
        "name": board.name,
        "organisation": board.organisation or "",
        "contact": ", ".join(p for p in (contact.name, contact.role) if p) if contact else "",
        "email": (contact.email if contact else None) or "",
        "phone": (contact.phone if contact else None) or "",
        "template": board.word_template or "",
        "exclusion": board.exclusion_rule.value,
        "quorum": board.quorum.text if board.quorum else "",
    }


class BoardDialog(FormDialog[BoardInput]):
    """A new board, or a board's name, organisation and clerk contact."""

    def compose(self) -> ComposeResult:
        with dialog_box(self.dialog_title, KEYS):
            for field_id, label, placeholder in (
                ("name", "Name", "e.g. Health and Wellbeing Board"),
                ("organisation", "Organisation (optional)", "e.g. London Borough of Tower Hamlets"),
                ("contact", "Contact for enquiries (optional)", "name, role"),
                ("email", "Contact email", ""),
                ("phone", "Contact phone", ""),
                ("template", "Word template for exports (optional)", "~/Templates/council.docx"),
                ("quorum", "Quorum (optional): members, or a fraction; +1 for an independent",
                 "4, or 1/3, or 1/3 +1"),
            ):  # fmt: skip
                yield Label(label)
                yield Input(self.initial.get(field_id, ""), id=field_id, placeholder=placeholder)
            yield Label("Excluding the press and public for Part 2 business, under")
            yield Select(
                [(rule.label, rule.value) for rule in ExclusionRule],
                value=self.initial.get("exclusion", ExclusionRule.LGA_1972.value),
                allow_blank=False,
                id="exclusion",
            )

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def fields(self) -> dict[str, Any]:
        values = {
            f: self.query_one(f"#{f}", Input).value
            for f in ("name", "organisation", "contact", "email", "phone", "template", "quorum")
        }
        values["exclusion"] = str(self.query_one("#exclusion", Select).value)
        return values

    def result(self) -> BoardInput | None:
        name = _value(self, "name")
        if not name:
            self.notify("A board needs a name.")
            return None
        contact_words = _value(self, "contact")
        contact = None
        if contact_words:
            person, _, role = contact_words.partition(",")
            contact = Contact(
                person.strip(),
                role.strip() or None,
                _value(self, "email") or None,
                _value(self, "phone") or None,
            )
        template = _value(self, "template")
        if template and not Path(template).expanduser().is_file():
            self.notify(f"No such template: {template}")
            return None
        try:
            quorum = parse_rule(_value(self, "quorum"))
        except BoardTuiError as error:
            self.notify(sentence(str(error)))
            return None
        return BoardInput(
            name,
            _value(self, "organisation") or None,
            contact,
            template or None,
            ExclusionRule(str(self.query_one("#exclusion", Select).value)),
            quorum,
        )


@dataclass(frozen=True)
class MeetingInput:
    title: str
    scheduled_start: dt.datetime
    venue: str | None
    copy_standing: bool


def meeting_fields(meeting: Meeting) -> dict[str, str]:
    return {
        "date": meeting.scheduled_start.date().isoformat(),
        "start": minutes_time(meeting.scheduled_start),
        "venue": meeting.venue or "",
        "title": meeting.title,
    }


class MeetingDialog(FormDialog[MeetingInput]):
    """When and where a meeting is; a new one can start from the last one's standing items."""

    def __init__(
        self,
        title: str,
        *,
        fields: dict[str, str],
        new: bool,
        save: Callable[[MeetingInput], object] | None = None,
    ) -> None:
        super().__init__(title, fields=fields, save=save)
        self.new = new

    def compose(self) -> ComposeResult:
        with dialog_box(self.dialog_title, KEYS):
            yield Label("Date")
            yield Input(
                self.initial.get("date", ""), id="date", placeholder="YYYY-MM-DD or 11/12/2023"
            )
            yield Label("Start time")
            yield Input(self.initial.get("start", ""), id="start", placeholder="2pm or 14:00")
            yield Label("Venue")
            yield Input(self.initial.get("venue", ""), id="venue")
            yield Label("Title")
            yield Input(self.initial.get("title", ""), id="title")
            if self.new:
                yield Checkbox(
                    "Copy the standing items (welcome, declarations, minutes, any other business)",
                    value=True,
                    id="standing",
                )

    def on_mount(self) -> None:
        self.query_one("#date", Input).focus()

    def fields(self) -> dict[str, Any]:
        return {
            f: self.query_one(f"#{f}", Input).value for f in ("date", "start", "venue", "title")
        }

    def result(self) -> MeetingInput | None:
        day = read_day(_value(self, "date"))
        if day is None:
            self.notify("The date reads like 2023-12-11 or 11/12/2023.")
            return None
        start = parse_clock(_value(self, "start"))
        if start is None:
            self.notify("The start time reads like 2pm or 14:00.")
            return None
        title = _value(self, "title")
        if not title:
            self.notify("A meeting needs a title (the board's name will do).")
            return None
        standing = self.new and self.query_one("#standing", Checkbox).value
        return MeetingInput(
            title, dt.datetime.combine(day, start), _value(self, "venue") or None, standing
        )


@dataclass(frozen=True)
class ItemInput:
    title: str
    presenter: str | None
    duration_minutes: int | None
    fixed_start: dt.time | None
    papers: str | None
    exempt: bool
    chair_note: str | None
    comments_lead_in: str | None
    exempt_paragraph: int | None = None


class AgendaItemDialog(FormDialog[ItemInput]):
    """Everything an agenda item carries: who presents, how long, papers, Part 2 (and for a
    council the Schedule 12A paragraph it is exempt under), a note."""

    def __init__(
        self,
        title: str,
        *,
        people: list[str],
        fields: dict[str, Any] | None = None,
        paragraphs: bool = True,
    ) -> None:
        super().__init__(title, fields=fields)
        self.people = people
        self.paragraphs = paragraphs

    def compose(self) -> ComposeResult:
        get = self.initial.get
        with dialog_box(self.dialog_title, KEYS):
            yield Label("Title")
            yield Input(get("title", ""), id="title", compact=True)
            yield Label("Presenter(s)")
            yield Input(
                get("presenter", ""),
                id="presenter",
                placeholder="name, role (→ accepts the suggestion)",
                suggester=SuggestFromList(self.people, case_sensitive=False),
                compact=True,
            )
            yield Label("Minutes planned")
            yield Input(
                get("minutes", ""), id="minutes", placeholder="15, 1h, 1h 30m", compact=True
            )
            yield Label("Fixed start (optional: otherwise it follows the item before)")
            yield Input(get("fixed", ""), id="fixed", placeholder="e.g. 3:30pm", compact=True)
            yield Label("Papers / pages")
            yield Input(
                get("papers", ""), id="papers", placeholder="e.g. Pages 9 - 44", compact=True
            )
            yield Checkbox(
                "Exempt (Part 2, confidential)",
                value=bool(get("exempt")),
                id="exempt",
                compact=True,
            )
            if self.paragraphs:
                paragraph = get("paragraph")
                yield Select(
                    [(shorten(paragraph_words(n), 90), n) for n in SCHEDULE_12A],
                    value=paragraph if paragraph in SCHEDULE_12A else Select.NULL,
                    prompt="Schedule 12A paragraph (when exempt): not chosen yet",
                    id="paragraph",
                    compact=True,
                )
            yield Label("Note on the agenda / to the chair: what the officers want from the board")
            yield text_area(get("note", ""), "note")
            yield Label("Lead-in to the comments in the minutes (optional)")
            yield Input(
                get("lead_in", ""),
                id="lead_in",
                placeholder="The Board reviewed the report and made a number of comments,"
                " including:",
                compact=True,
            )

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def fields(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            f: self.query_one(f"#{f}", Input).value
            for f in ("title", "presenter", "minutes", "fixed", "papers", "lead_in")
        }
        values["note"] = self.query_one("#note", TextArea).text
        values["exempt"] = self.query_one("#exempt", Checkbox).value
        values["paragraph"] = self._paragraph()
        return values

    def _paragraph(self) -> int | None:
        if not self.paragraphs:
            return self.initial.get("paragraph")  # an NHS board's dialog leaves it be
        chosen = self.query_one("#paragraph", Select).value
        return chosen if isinstance(chosen, int) else None

    def result(self) -> ItemInput | None:
        title = _value(self, "title")
        if not title:
            self.notify("An agenda item needs a title.")
            return None
        minutes_text = _value(self, "minutes")
        minutes = duration(minutes_text, bare_minutes=True)
        if minutes_text and minutes is None:
            self.notify(f"Cannot read {minutes_text!r} as minutes: try 15, 1h or 1h 30m.")
            return None
        fixed_text = _value(self, "fixed")
        fixed = parse_clock(fixed_text)
        if fixed_text and fixed is None:
            self.notify(f"Cannot read {fixed_text!r} as a time: try 3:30pm or 15:30.")
            return None
        exempt = self.query_one("#exempt", Checkbox).value
        return ItemInput(
            title=title,
            presenter=_value(self, "presenter") or None,
            duration_minutes=minutes,
            fixed_start=fixed,
            papers=_value(self, "papers") or None,
            exempt=exempt,
            chair_note=self.query_one("#note", TextArea).text.strip() or None,
            comments_lead_in=_value(self, "lead_in") or None,
            exempt_paragraph=self._paragraph() if exempt else None,
        )


@dataclass(frozen=True)
class AgendaFileInput:
    path: str
    board: str | None
    """The board typed; None leaves it to the board the agenda names."""
    day: dt.date | None
    replace: bool


class ImportAgendaDialog(FormDialog[AgendaFileInput]):
    """Which agenda pack (or outline) to bring in, and for which board (made if new)."""

    def __init__(self, board_name: str | None) -> None:
        super().__init__("Import an agenda")
        self.board_name = board_name or ""

    def compose(self) -> ComposeResult:
        with dialog_box(self.dialog_title, "tab next field · ctrl+s read the file · escape cancel"):
            yield Label("File: a Word agenda pack (.docx) or a text outline (.txt, .md)")
            yield Input(id="path", placeholder="~/Documents/agenda.docx")
            yield Label("Board (a new name makes a new board)")
            yield Input(self.board_name, id="board", placeholder="the board the agenda names")
            yield Label("Meeting date (optional: the agenda's own date otherwise)")
            yield Input(id="day", placeholder="YYYY-MM-DD")
            yield Checkbox("Replace the agenda of that meeting if it has one", id="replace")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def fields(self) -> dict[str, Any]:
        return {"path": self.query_one("#path", Input).value}

    def result(self) -> AgendaFileInput | None:
        path = _value(self, "path")
        if not path:
            self.notify("Type the path of the agenda to import.")
            return None
        day_text = _value(self, "day")
        day = read_day(day_text) if day_text else None
        if day_text and day is None:
            self.notify("The date reads like 2023-12-11.")
            return None
        return AgendaFileInput(
            path, _value(self, "board") or None, day, self.query_one("#replace", Checkbox).value
        )


@dataclass(frozen=True)
class WhenInput:
    day: dt.date
    start: dt.time


class MeetingWhenDialog(FormDialog[WhenInput]):
    """The date and start an imported agenda does not give (a club's agenda often has none):
    asked for here rather than the import failing."""

    def __init__(self, file_name: str, *, day: dt.date | None, start: dt.time | None) -> None:
        super().__init__(f"When is the meeting of {file_name}?")
        self.day = day
        self.start = start

    def compose(self) -> ComposeResult:
        missing = " and ".join(
            word for word, known in (("date", self.day), ("start time", self.start)) if not known
        )
        with dialog_box(self.dialog_title, "tab next field · ctrl+s go on · escape cancel"):
            yield Label(f"The agenda gives no {missing}: type it here.")
            yield Label("Meeting date")
            yield Input(
                self.day.isoformat() if self.day else "",
                id="day",
                placeholder="YYYY-MM-DD or 11/12/2023",
            )
            yield Label("Start time")
            yield Input(
                minutes_time(self.start) if self.start else "",
                id="start",
                placeholder="2pm or 14:00",
            )

    def on_mount(self) -> None:
        self.query_one("#start" if self.day else "#day", Input).focus()

    def fields(self) -> dict[str, Any]:
        return {f: self.query_one(f"#{f}", Input).value for f in ("day", "start")}

    def result(self) -> WhenInput | None:
        day = read_day(_value(self, "day"))
        if day is None:
            self.notify("The date reads like 2023-12-11 or 11/12/2023.")
            return None
        start = parse_clock(_value(self, "start"))
        if start is None:
            self.notify("The start time reads like 2pm or 14:00.")
            return None
        return WhenInput(day, start)


@dataclass(frozen=True)
class PersonInput:
    name: str
    title: str | None
    organisation: str | None
    email: str | None


class PersonDialog(FormDialog[PersonInput]):
    """Someone in the directory: shared by every board, so a rename shows everywhere."""

    def compose(self) -> ComposeResult:
        with dialog_box(self.dialog_title, KEYS):
            for field_id, label in (
                ("name", "Name"),
                ("title", "Role or job title"),
                ("organisation", "Organisation"),
                ("email", "Email"),
            ):
                yield Label(label)
                yield Input(self.initial.get(field_id, ""), id=field_id)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def fields(self) -> dict[str, Any]:
        return {f: self.query_one(f"#{f}", Input).value for f in PERSON_FIELDS}

    def result(self) -> PersonInput | None:
        name = _value(self, "name")
        if not name:
            self.notify("A person needs a name.")
            return None
        return PersonInput(
            name,
            _value(self, "title") or None,
            _value(self, "organisation") or None,
            _value(self, "email") or None,
        )


PERSON_FIELDS = ("name", "title", "organisation", "email")


@dataclass(frozen=True)
class MembershipInput:
    role: MembershipRole
    position: str | None


class MembershipDialog(FormDialog[MembershipInput]):
    """How someone sits on the board, and the words after their name on its papers."""

    def __init__(
        self,
        title: str,
        *,
        role: MembershipRole = MembershipRole.MEMBER,
        position: str = "",
        save: Callable[[MembershipInput], object] | None = None,
    ) -> None:
        super().__init__(title, save=save)
        self.role = role
        self.position = position

    def compose(self) -> ComposeResult:
        with dialog_box(self.dialog_title, KEYS):
            yield Label("Role on the board")
            yield Select(
                [(r.label, r) for r in MembershipRole],
                value=self.role,
                allow_blank=False,
                id="role",
            )
            yield Label("Shown after the name on the papers (optional)")
            yield Input(self.position, id="position", placeholder="e.g. Chief Executive - SRO")

    def on_mount(self) -> None:
        self.query_one("#role", Select).focus()

    def fields(self) -> dict[str, Any]:
        return {"position": self.query_one("#position", Input).value}

    def result(self) -> MembershipInput | None:
        role = self.query_one("#role", Select).value
        assert isinstance(role, MembershipRole)
        return MembershipInput(role, _value(self, "position") or None)
