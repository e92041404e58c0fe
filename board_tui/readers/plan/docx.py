"""A Word action plan: its table (or tables, or lists), its name, introduction and legend.

The items come from the plan tables (:mod:`.tables`) when the document has any, else from
its lists (:mod:`.lists`). The plan's name is the heading that names a plan ("… Action
Plan …"), not an organisation's name set above it in the Title; the paragraphs between
the name and the plan are its introduction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from board_tui.readers.calendar import find_date, fold
from board_tui.readers.plan.lists import read_list_plan
from board_tui.readers.plan.model import PlanRead, PlanReadError
from board_tui.readers.plan.rows import finished_items
from board_tui.readers.plan.tables import block_index, find_plan_tables, legend, read_tables
from board_tui.readers.templates import template_placeholders
from board_tui.readers.word_blocks import Para, Styles, body, cell_paragraphs
from board_tui.readers.word_package import collapse
from board_tui.readers.word_tables import Table, tables

__all__ = ["NOT_FOUND", "read_document"]

NOT_FOUND = (
    "no action plan found (looked for a table with columns like Action | Owner | Due | "
    "Status or # | Recommendation | Lead | Next steps | Time frame | Status, a list of "
    'actions under a label such as "Action items:" or "Next steps:", or "Action 1: …" '
    "headings with their tasks)"
)
_PLAN_WORDS = re.compile(
    r"\b(?:plan|plans|actions?|action\s+log|tracker|register|log|plan\s+de\s+accion"
    r"|cynllun|ke\s+hoach|hanh\s+dong)\b"
)
_GENERIC = re.compile(
    r"(?:the\s+)?(?:minutes|agenda|notes|actions?|action\s+items|summary|other\s+information"
    r"|introduction|background|contents|discussion|conclusions?)"
)
"""Headings that name a part of a document, never the plan."""
_MINUTES = re.compile(
    r"\b(?:meeting|minutes|acta|minuta|reunion|compte\s+rendu|proces-verbal|cofnodion"
    r"|cyfarfod|bien\s+ban)\b"
)
_DATE_ONLY = re.compile(r"^(?:update|updated|as\s+at|report)?\s*:?\s*$")
_LABELLED_TITLE = re.compile(r"^(?:meeting\s+title|title|nombre|titre|teitl)\s*:\s*(?P<v>.*)$")


def _is_date_line(text: str) -> bool:
    """ "Update: 3 November 2022": a date under the name, not the name."""
    found = find_date(text)
    if found is None:
        return False
    rest = text[: found.start] + text[found.end :]
    return _DATE_ONLY.match(fold(collapse(rest))) is not None


def title_and_introduction(
    blocks: Sequence[Para | Table], first: int
) -> tuple[str | None, str | None]:
    """The plan's name and the paragraphs between it and the plan (block ``first``)."""
    paras = [(i, b) for i, b in enumerate(blocks[:first]) if isinstance(b, Para) and b.lines]
    headings = [
        (i, p)
        for i, p in paras
        if p.heading is not None
        and not _is_date_line(p.text)
        and not p.text.rstrip().endswith(":")
        and _GENERIC.fullmatch(fold(collapse(p.text))) is None
    ]
    named = [(i, p) for i, p in headings if _PLAN_WORDS.search(fold(p.text))]
    chosen = named[0] if named else None
    if chosen is None:
        chosen = next(((i, p) for i, p in headings if p.heading and p.heading > 0), None)
    if chosen is None and headings:
        chosen = headings[0]
    title: str | None = None
    start = 0
    if chosen is not None:
        title, start = collapse(chosen[1].text), chosen[0] + 1
    else:
        labelled = _labelled_title(blocks)
        if labelled is not None:
            return labelled, None
        if paras:
            index, para = paras[0]
            title, start = collapse(para.text), index + 1
    intro = [
        collapse(p.text)
        for i, p in paras
        if i >= start and p.heading is None and not _is_date_line(p.text)
    ]
    cleaned = re.sub(r"^[^\w]+", "", title).rstrip(" :") if title else None
    return cleaned or None, "\n\n".join(intro) or None


def _labelled_title(blocks: Sequence[Para | Table]) -> str | None:
    """ "Meeting Title:" with the name on its line or the next."""
    lines = [line for b in blocks if isinstance(b, Para) for line in b.lines]
    for index, line in enumerate(lines):
        match = _LABELLED_TITLE.match(fold(collapse(line)))
        if match is None:
            continue
        value = collapse(line)[len(collapse(line)) - len(match["v"]) :].strip()
        if not value and index + 1 < len(lines):
            value = collapse(lines[index + 1])
        return value or None
    return None


def _with_titles(blocks: Sequence[Para | Table], first: int, styles: Styles) -> list[Para | Table]:
    """The blocks, with the Title paragraphs of layout tables before the plan standing in the
    body (a meeting template puts its title in a table's cell)."""
    result: list[Para | Table] = []
    for index, block in enumerate(blocks):
        if index < first and isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    if cell is not None and not cell.continued:
                        paras = cell_paragraphs(cell.element, styles)
                        result.extend(p for p in paras if p.heading == 0 and p.lines)
        result.append(block)
    return result


def _minutes(
    title: str | None, introduction: str | None, blocks: Sequence[Para | Table], first: int
) -> tuple[str | None, str | None]:
    """Minutes' actions are the meeting's: their plan is named with the meeting's date, so
    the next meeting's actions (numbered 1, 2, … again) never land on these; the minutes'
    own words are no introduction to it."""
    if title is None or _MINUTES.search(fold(title)) is None:
        return title, introduction
    return _meeting_date(title, blocks, first), None


def _meeting_date(title: str, blocks: Sequence[Para | Table], first: int) -> str:
    for block in blocks[: max(first, 1)] if first else blocks:
        texts = [block.text] if isinstance(block, Para) else [
            c.text for row in block.rows for c in row.cells if c is not None
        ]  # fmt: skip
        for text in texts:
            found = find_date(text)
            if found is not None and found.date.strftime("%Y") not in title:
                return f"{title}, {found.date.day} {found.date:%B %Y}"
    return title


def read_document(document: Any, name: str) -> PlanRead:
    """The plan in an opened Word document; raises PlanReadError when there is none."""
    grids = tables(document.element.body)
    blocks = body(document, grids)
    styles = Styles(document)
    plans = find_plan_tables(grids)
    if plans:
        reader = read_tables(plans, blocks)
        items = finished_items(name, reader)
        first = block_index(blocks, plans[0].table)
        first = len(blocks) if first is None else first
        titled = _with_titles(blocks, first, styles)
        title, introduction = title_and_introduction(titled, first + len(titled) - len(blocks))
        title, introduction = _minutes(title, introduction, blocks, first)
        used = {id(p.table) for p in plans}
        return PlanRead(
            title=title,
            introduction=introduction,
            legend=tuple(legend([g for g in grids if id(g) not in used])),
            items=items,
            skipped=tuple(reader.skipped),
            layout="tables" if len(plans) > 1 else "table",
        )
    heading, _ = title_and_introduction(blocks, len(blocks))
    listed = read_list_plan(blocks, heading)
    if listed is None:
        texts = [line for b in blocks if isinstance(b, Para) for line in b.lines]
        texts += [c.text for g in grids for row in g.rows for c in row.cells if c is not None]
        placeholders = template_placeholders(texts)
        if placeholders:
            shown = ", ".join(list(dict.fromkeys(placeholders))[:4])
            raise PlanReadError(
                f"{name}: a template, not a plan: it holds placeholders ({shown}, …) "
                "where a plan has actions"
            )
        raise PlanReadError(f"{name}: {NOT_FOUND}")
    title, introduction = title_and_introduction(blocks, listed.first)
    title, introduction = _minutes(title, introduction, blocks, listed.first)
    return PlanRead(
        title=title,
        introduction=introduction,
        legend=(),
        items=listed.items,
        skipped=(),
        layout=listed.layout,
    )
