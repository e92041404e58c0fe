"""Action plans and action logs written as lists rather than tables.

Three shapes, tried in turn:

* **Numbered actions with their tasks** — "Action 1: Improve my skills" (or "Hành động 1:",
  "Acción 1:") followed by its tasks as a list; each action is an item, its tasks next
  steps. "Task 1:" before a task is left out; "(Week 1–5)" after it is its time frame.
* **Actions under a label in minutes** — the list after "Action items:", "Actions
  arising", "Next steps:", "Plan for next week:" (and Spanish, French, Welsh labels):
  each entry is an action; "X must / will / to …" names its owner, "by 20 June" its due
  date, and its words its status ("completed", "70% complete", "postponed").
* **A plan written as an outline** under an "Action plan" title: the outer entries are
  the items, the entries under them their next steps; "DONE" or "HI PRIO" typed after a
  task is its status line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from board_tui.readers.calendar import find_date, fold
from board_tui.readers.plan.model import NextStepRead, PlanItemRead
from board_tui.readers.plan.status import split_marker, words_status
from board_tui.readers.word_blocks import Para
from board_tui.readers.word_package import collapse
from board_tui.readers.word_tables import Table

__all__ = ["ListPlan", "read_list_plan"]

_NUMBERED_ACTION = re.compile(
    r"^(?:action|accion|tarea|gweithred|cam gweithredu|hanh dong|objective|goal|objetivo"
    r"|objectif|nod|muc tieu)\s*(?P<n>[0-9]{1,3})\s*[:.–-]\s*(?P<title>\S.*)$"
)
_ACTION_LABEL = re.compile(
    r"^(?:(?:new\s+)?action\s+(?:items?|points?|log|list)|actions?(?:\s+arising)?"
    r"|actions?\s+(?:agreed|required|to\s+take)|next\s+steps?|follow[- ]ups?"
    r"|plan\s+for\s+(?:next|the\s+next)\s+(?:week|meeting|month|time)|tasks?|to[- ]?dos?"
    r"|acciones|acuerdos|tareas|proximos\s+pasos|actions?\s+a\s+mener|prochaines\s+etapes"
    r"|taches|camau\s+gweithredu|camau\s+nesaf|viec\s+can\s+lam|cong\s+viec)\s*:?$"
)
_PLAN_TITLE = re.compile(
    r"\b(?:action\s+plan|action\s+log|plan\s+de\s+accion|plan\s+d.action|cynllun\s+gweithredu"
    r"|ke\s+hoach\s+hanh\s+dong|to[- ]do\s+list|task\s+list)\b"
)
_TASK_LABEL = re.compile(r"^[^\W\d][^:\d]{0,30}\s[0-9]{1,3}\s*:\s*(?=\S)")
"""A task's own label before its words: "Task 1: ", "Nhiệm vụ chi tiết 2: "."""
_TRAILING_WHEN = re.compile(r"\s*\((?P<when>[^()]{1,40})\)\s*[.;]?\s*$")
_OWNER_FIRST = re.compile(
    r"^(?P<owner>[A-Z][\w'’&.-]*(?:\s+[A-Z&][\w'’&.-]*){0,4})\s+"
    r"(?:must|will|to|should|shall|needs?\s+to|is\s+to|are\s+to|has\s+to|have\s+to)\s+\S"
)
_OWNER_LABEL = re.compile(
    r"[(\[;,–-]?\s*\b(?:owner|lead|responsible|action\s+by|who|assigned\s+to)\s*:\s*"
    r"(?P<owner>[^;,()\[\]]{2,60})[)\]]?\s*$",
    re.I,
)
_DUE = re.compile(
    r"\b(?:by|before|due(?:\s+by)?|deadline:?|no\s+later\s+than)\s+(?P<due>(?:the\s+)?"
    r"(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?(?:\s+[0-9]{4})?"
    r"|[A-Z][a-z]+\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?(?:,?\s+[0-9]{4})?"
    r"|[0-9]{1,2}[/.][0-9]{1,2}(?:[/.][0-9]{2,4})?|(?:the\s+)?end\s+of\s+\w+(?:\s+[0-9]{4})?"
    r"|next\s+(?:week|meeting|month)|(?:mid|early|late)[- ][A-Z]?[a-z]+|Q[1-4](?:\s+[0-9]{4})?"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|[A-Z][a-z]+\s+[0-9]{4}))[.;]?\s*$"
)


@dataclass(frozen=True)
class ListPlan:
    items: tuple[PlanItemRead, ...]
    first: int
    """The block index where the plan's items begin (what stands before is its heading)."""
    layout: str


@dataclass
class _Item:
    ref: str
    recommendation: str
    row: int
    lead: str | None = None
    section: str | None = None
    status_line: str | None = None
    time_frame: str | None = None
    steps: list[NextStepRead] = field(default_factory=list)


def _is_entry(para: Para) -> bool:
    return para.label is not None and bool(para.lines)


def _level(para: Para) -> int:
    return para.label.level if para.label is not None else 0


def _step(text: str, *, strip_label: bool) -> NextStepRead:
    """A task: its words, the time frame in brackets after it, its DONE-like marker."""
    text = collapse(text)
    if strip_label:
        text = _TASK_LABEL.sub("", text)
    words, marker = split_marker(text)
    time_frame = None
    when = _TRAILING_WHEN.search(words)
    if when is not None and _time_like(when["when"]):
        time_frame = collapse(when["when"])
        words = words[: when.start()].rstrip(" .;") + ("." if words.rstrip().endswith(".") else "")
    status = words_status(marker) if marker else None
    return NextStepRead(
        description=words.strip(),
        time_frame=time_frame,
        status=status,
        status_line=marker,
        label=None,
        said=None if status is not None else marker,
    )


def _time_like(text: str) -> bool:
    """Brackets that give a when: a number, a date, a week or a month."""
    folded = fold(text)
    return (
        bool(re.search(r"[0-9]", folded))
        or find_date(text) is not None
        or bool(
            re.search(r"\b(?:week|weeks|tuan|semana|semaine|wythnos|month|mes|mois|mis)\b", folded)
        )
    )


def _finished(item: _Item) -> PlanItemRead:
    steps = item.steps or [
        NextStepRead(
            description=item.recommendation,
            time_frame=item.time_frame,
            status=words_status(item.status_line) if item.status_line else None,
            status_line=item.status_line,
            label=None,
            said=None,
        )
    ]
    own = words_status(item.status_line) if item.status_line else None
    statuses = {s.status for s in steps}
    status = own or (statuses.pop() if len(statuses) == 1 else None)
    return PlanItemRead(
        ref=item.ref,
        recommendation=item.recommendation,
        lead=item.lead,
        status=status,
        fill=None,
        section=item.section,
        next_steps=tuple(steps),
        updates=(),
        rows=(item.row,),
    )


def _paras(blocks: Sequence[Para | Table]) -> list[tuple[int, Para]]:
    return [(i, b) for i, b in enumerate(blocks) if isinstance(b, Para)]


def _numbered_actions(blocks: Sequence[Para | Table]) -> ListPlan | None:
    """ "Action 1: …" paragraphs, each followed by its tasks as a list."""
    items: list[_Item] = []
    current: _Item | None = None
    first = -1
    for index, para in _paras(blocks):
        if not para.lines:
            continue
        match = _NUMBERED_ACTION.match(fold(collapse(para.text)))
        if match is not None and not _is_entry(para):
            title = collapse(para.text)
            title = title[title.find(":") + 1 :].strip() if ":" in title else match["title"]
            current = _Item(match["n"], title, index + 1)
            items.append(current)
            first = index if first < 0 else first
        elif current is not None and _is_entry(para):
            current.steps.append(_step(para.text, strip_label=True))
        elif current is not None:
            current = None  # a paragraph of prose ends the action's tasks
    if len(items) < 2 or not any(i.steps for i in items):
        return None
    return ListPlan(tuple(_finished(i) for i in items), first, "list")


def _action(text: str, ref: str, row: int, section: str | None) -> _Item:
    """An action written as a sentence: its owner, its due date, its status words."""
    text = collapse(text)
    words, marker = split_marker(text)
    owner = None
    labelled = _OWNER_LABEL.search(words)
    if labelled is not None:
        owner = collapse(labelled["owner"]).strip(" .")
        words = words[: labelled.start()].rstrip(" ;,–-")
    elif (first := _OWNER_FIRST.match(words)) is not None:
        owner = first["owner"]
    due = _DUE.search(words)
    item = _Item(ref, words.strip(), row, lead=owner, section=section)
    item.time_frame = due["due"].strip() if due is not None else None
    item.status_line = marker or (words if words_status(words) is not None else None)
    return item


def _section_above(blocks: Sequence[Para | Table], index: int) -> str | None:
    """The dated line or heading a labelled list of actions stands under."""
    for back in range(index - 1, -1, -1):
        block = blocks[back]
        if not isinstance(block, Para) or not block.lines or _is_entry(block):
            continue
        text = collapse(block.text).rstrip(":")
        if block.heading is not None or (find_date(text) and len(text.split()) <= 12):
            return text
    return None


def _labelled_actions(blocks: Sequence[Para | Table]) -> ListPlan | None:
    """The entries of every list under an action label ("Action items:", "Next steps:")."""
    groups: list[tuple[int, list[tuple[int, Para]]]] = []
    paras = _paras(blocks)
    position = 0
    while position < len(paras):
        index, para = paras[position]
        position += 1
        if not para.lines or _is_entry(para):
            continue
        if _ACTION_LABEL.match(fold(collapse(para.text))) is None:
            continue
        entries: list[tuple[int, Para]] = []
        while position < len(paras):
            at, next_para = paras[position]
            if not next_para.lines:
                position += 1
                if entries:
                    break
                continue
            if not _is_entry(next_para):
                break
            entries.append((at, next_para))
            position += 1
        if entries:
            groups.append((index, entries))
    if not groups:
        return None
    sections = [_section_above(blocks, index) for index, _ in groups]
    if len({s for s in sections if s}) < 2:
        sections = [None] * len(groups)
    items: list[_Item] = []
    for (_, entries), section in zip(groups, sections, strict=True):
        for at, para in entries:
            items.append(_action(para.text, str(len(items) + 1), at + 1, section))
    return ListPlan(tuple(_finished(i) for i in items), groups[0][0], "list")


def _outline_plan(blocks: Sequence[Para | Table], title: str | None) -> ListPlan | None:
    """A list under an "Action plan" title: outer entries items, inner ones their steps."""
    if title is None or _PLAN_TITLE.search(fold(title)) is None:
        return None
    entries = [(i, p) for i, p in _paras(blocks) if _is_entry(p)]
    if len(entries) < 2:
        return None
    top = min(_level(p) for _, p in entries)
    items: list[_Item] = []
    for index, para in entries:
        if _level(para) == top:
            words, marker = split_marker(collapse(para.text))
            item = _Item(str(len(items) + 1), words, index + 1, status_line=marker)
            items.append(item)
        elif items:
            items[-1].steps.append(_step(para.text, strip_label=False))
    if len(items) < 2:
        return None
    return ListPlan(tuple(_finished(i) for i in items), entries[0][0], "list")


def read_list_plan(blocks: Sequence[Para | Table], title: str | None) -> ListPlan | None:
    """The plan in the document's lists, or None when they hold none."""
    return _numbered_actions(blocks) or _labelled_actions(blocks) or _outline_plan(blocks, title)
