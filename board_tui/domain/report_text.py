"""The progress report as the officer edits it: plain text with a few marks, read both ways.

The report is drafted from the store as text (services.progress_report), kept and edited
in the app like the chair's round-up, and laid out for Word from that text
(exporters.progress_report). This module owns the marks, so the drafter writes them and
the exporter reads them the same way:

- the cover: ``Key: value`` lines at the top (Board, Meeting, Report of, Classification,
  Title, Lead Officer, Contact Officers, Executive Key Decision?);
- ``# `` a section (Heading 1), ``## `` an action (Heading 2), ``### `` the action's
  recommendation (Heading 3), ``#### `` a question ("3.1 What will we have achieved by …?");
- ``- `` a bullet, with a bold lead when it starts ``**Lead:**``; a paragraph may start
  with a bold lead too;
- ``Status: On track`` alone: the action's status, shaded in its colour in Word;
- ``[…]`` alone on a line: a placeholder the officer fills.

Paragraphs are separated by blank lines; lines of one paragraph (or a bullet's indented
continuation) are joined. Text from the store that would read as a mark starts with a
backslash, which the reader takes off.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from enum import StrEnum

from board_tui.domain.statuses import STYLES, Status

__all__ = [
    "COVER_KEYS",
    "KeptReport",
    "Line",
    "LineKind",
    "ReportChoice",
    "ReportText",
    "bullet",
    "cover_line",
    "escape",
    "heading",
    "paragraph",
    "placeholder",
    "read_report",
    "status_line",
    "unfilled",
]

COVER_KEYS = (
    "Board",
    "Meeting",
    "Report of",
    "Classification",
    "Title",
    "Lead Officer",
    "Contact Officers",
    "Executive Key Decision?",
)
_COVER = re.compile(r"^(" + "|".join(re.escape(k) for k in COVER_KEYS) + r"):[ \t]*(.*)$")
_HEADING = re.compile(r"^(#{1,4})[ \t]+(.*)$")
_BULLET = re.compile(r"^[-*][ \t]+(.*)$")
_LEAD = re.compile(r"^\*\*(.+?)\*\*[ \t]*(.*)$")
_STATUS = re.compile(
    r"^Status:[ \t]*(" + "|".join(re.escape(s.label) for s in STYLES.values()) + r")[ \t]*$",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"^(?:\d+(?:\.\d+)*\.?[ \t]+)?\[[^\[\]]+\]$")
_MARKED = re.compile(r"^(?:#|[-*][ \t]|\*\*|\\|Status:|\[)")


class LineKind(StrEnum):
    HEADING1 = "heading1"
    HEADING2 = "heading2"
    HEADING3 = "heading3"
    QUESTION = "question"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    STATUS = "status"


_HEADINGS = {1: LineKind.HEADING1, 2: LineKind.HEADING2, 3: LineKind.HEADING3, 4: LineKind.QUESTION}
_MARKS = {kind: "#" * level for level, kind in _HEADINGS.items()}


@dataclass(frozen=True)
class Line:
    """One paragraph of the report as the exporter lays it out."""

    kind: LineKind
    text: str
    lead: str = ""
    """Bold words before the text ("Action 1:")."""
    status: Status | None = None
    """For a status line: which, so Word can shade it in its colour."""

    @property
    def is_placeholder(self) -> bool:
        return (
            self.kind is LineKind.PARAGRAPH
            and not self.lead
            and bool(_PLACEHOLDER.match(self.text))
        )


@dataclass(frozen=True)
class ReportText:
    cover: tuple[tuple[str, str], ...]
    """The cover's fields in the order written, as (key, value)."""
    lines: tuple[Line, ...]

    def field(self, key: str) -> str:
        return next((value for k, value in self.cover if k == key), "")


# -- writing ------------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def escape(text: str) -> str:
    """Words from the store, on one line, never read as a mark."""
    text = _one_line(text)
    return "\\" + text if _MARKED.match(text) or _COVER.match(text) else text


def cover_line(key: str, value: str) -> str:
    assert key in COVER_KEYS, key
    return f"{key}: {_one_line(value)}"


def heading(level: int, text: str) -> str:
    return f"{'#' * level} {_one_line(text)}"


def paragraph(text: str, lead: str = "") -> str:
    """A paragraph of the store's words (escaped), with an optional bold lead."""
    return f"**{_one_line(lead)}** {_one_line(text)}".rstrip() if lead else escape(text)


def bullet(text: str, lead: str = "") -> str:
    body = _one_line(text)
    return f"- **{_one_line(lead)}** {body}".rstrip() if lead else f"- {escape(body)}"


def status_line(status: Status) -> str:
    return f"Status: {status.label}"


def placeholder(words: str) -> str:
    """What the officer fills: "[The reasons for the recommendations]"."""
    return f"[{_one_line(words).strip('[]')}]"


# -- reading ------------------------------------------------------------------------------------


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank lines end a paragraph; a bullet or heading line starts a new one; other lines
    (a bullet's indented continuation too) join the paragraph before them."""
    found: list[str] = []
    current: list[str] = []

    def end() -> None:
        if current:
            found.append(" ".join(current))
            current.clear()

    for raw in lines:
        line = raw.strip()
        if not line:
            end()
            continue
        starts = _HEADING.match(line) or _BULLET.match(line) or _STATUS.match(line)
        if starts and not line.startswith("\\"):
            end()
        current.append(line)
        if _HEADING.match(line) and not line.startswith("\\"):
            end()
    end()
    return found


def _read_line(text: str) -> Line:
    if text.startswith("\\"):
        return Line(LineKind.PARAGRAPH, text[1:])
    if match := _HEADING.match(text):
        return Line(_HEADINGS[len(match.group(1))], match.group(2).strip())
    if match := _STATUS.match(text):
        status = next(s for s in Status if s.label.casefold() == match.group(1).casefold())
        return Line(LineKind.STATUS, status.label, lead="Status:", status=status)
    kind = LineKind.PARAGRAPH
    if match := _BULLET.match(text):
        kind, text = LineKind.BULLET, match.group(1)
        if text.startswith("\\"):
            return Line(kind, text[1:])
    if match := _LEAD.match(text):
        return Line(kind, match.group(2).strip(), lead=match.group(1).strip())
    return Line(kind, text)


def read_report(body: str) -> ReportText:
    """The report's cover fields and paragraphs, as the text marks them."""
    lines = body.splitlines()
    cover: list[tuple[str, str]] = []
    start = 0
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        match = _COVER.match(line)
        if match is None:
            start = index
            break
        cover.append((match.group(1), match.group(2).strip()))
        start = index + 1
    return ReportText(tuple(cover), tuple(_read_line(p) for p in _paragraphs(lines[start:])))


def unfilled(body: str) -> list[str]:
    """The sections (their headings) that still hold a placeholder, in order."""
    found: list[str] = []
    section = ""
    report = read_report(body)
    for key, value in report.cover:
        if _PLACEHOLDER.match(value) and key not in found:
            found.append(key)
    for line in report.lines:
        if line.kind in (LineKind.HEADING1, LineKind.HEADING2):
            section = line.text
        elif line.is_placeholder and section and section not in found:
            found.append(section)
    return found


# -- what a report is drafted from, and the draft kept -----------------------------------------


@dataclass(frozen=True)
class ReportChoice:
    """Which report: the plan, the meeting it is for, the actions and the window."""

    plan_id: int
    meeting_id: int | None = None
    refs: tuple[str, ...] = ()
    """Only these actions (by ref); none: every action, or the section's."""
    section: str | None = None
    since: dt.date | None = None
    """None: from the plan's date."""
    until: dt.date | None = None
    """None: to the meeting's date, else today."""
    lead_officer: str | None = None
    """A person in the directory by name (or the words to print); None: the plan's board's
    officer."""
    months: int = 6
    """How far "What will be achieved in the next … months?" looks."""
    confidential: bool = False
    """Part 2 included, "CONFIDENTIAL – Part 2" on every page: only when asked for."""

    def selection_json(self) -> str:
        """What is kept beside the draft (the plan, meeting and confidential mark are its key)."""
        return json.dumps(
            {
                "refs": list(self.refs),
                "section": self.section,
                "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
                "lead_officer": self.lead_officer,
                "months": self.months,
            },
            sort_keys=True,
        )

    @classmethod
    def from_kept(
        cls, plan_id: int, meeting_id: int | None, confidential: bool, selection: str
    ) -> ReportChoice:
        data = json.loads(selection or "{}")

        def day(key: str) -> dt.date | None:
            value = data.get(key)
            return dt.date.fromisoformat(value) if isinstance(value, str) else None

        months = data.get("months")
        return cls(
            plan_id,
            meeting_id,
            tuple(str(r) for r in data.get("refs") or ()),
            data.get("section") or None,
            day("since"),
            day("until"),
            data.get("lead_officer") or None,
            months if isinstance(months, int) and months > 0 else 6,
            confidential,
        )

    def same_report(self, other: ReportChoice) -> bool:
        """The same kept draft: same plan, meeting and confidentiality."""
        return (self.plan_id, self.meeting_id, self.confidential) == (
            other.plan_id,
            other.meeting_id,
            other.confidential,
        )


@dataclass(frozen=True)
class KeptReport:
    """A progress report's draft as kept: the officer's edits survive a restart."""

    id: int
    choice: ReportChoice
    body: str
    generated_at: dt.datetime
    edited_at: dt.datetime | None
    agenda_item_id: int | None = None
    """The agenda item it is attached to as its paper, if any."""
    paper_words: str | None = field(default=None, compare=False)
    """What attaching wrote into that item's papers, so a later attach can take it back."""
