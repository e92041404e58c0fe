"""A first draft of the chair's round-up, written from the minutes by rules, not a model.

After each board the chair writes a few plain paragraphs for the newsletter
(seed 003: "On Thursday 2 May we met formally as a Board … First up, we
reviewed …"). This drafts one paragraph per item that has decisions, comments
or actions: what was considered, what members raised, what the Board agreed and
what happens next. Procedural items (welcome, declarations, the previous
minutes) are left out, and so is all Part 2 business (domain.exempt): the round-up
is for the newsletter. The chair edits the draft before it goes anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from board_tui.domain.agenda_order import outline
from board_tui.domain.errors import BoardTuiError
from board_tui.domain.exempt import Part2
from board_tui.domain.formatting import sentence
from board_tui.domain.model import Action, AgendaItem, Meeting, Note, NoteKind
from board_tui.domain.standing_items import Standing, is_business, standing_kinds
from board_tui.exporters.blocks import Progress
from board_tui.storage.store import Store

MAX_COMMENTS = 3
_BOARD_SAID = re.compile(
    r"^(?:(?:it was|the (?:board|committee|group))\s+)?(?P<verb>agreed|resolved|decided|noted)"
    r"\s*[:\-\u2013]?\s*(?P<that>that\s+)?",
    re.IGNORECASE,
)
_PROPER = {"Board", "Council", "Members", "Mayor", "Chair", "I"}
"""Words that keep their capital at the start of a comment, besides people's names."""


@dataclass(frozen=True)
class ItemMinute:
    """What the round-up needs from one agenda item (its sub-items folded in)."""

    item: AgendaItem
    decisions: tuple[Note, ...]
    comments: tuple[Note, ...]
    actions: tuple[Action, ...]


def _clause(text: str, keep: set[str]) -> str:
    """A sentence made ready to follow other words: trailing stop off, first word lowered
    unless it is a name or an acronym."""
    text = " ".join(text.split()).rstrip(" .;")
    first = text.split(" ", 1)[0] if text else ""
    if first[:1].isupper() and (first[1:].islower() or first == "A") and first not in keep:
        text = first.lower() + text[len(first) :]
    return text


def _list(parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return "; ".join(parts[:-1]) + f"; and {parts[-1]}"


def decision_sentence(body: str, keep: set[str]) -> str:
    """ "It was agreed that X." becomes "The Board agreed that X."; "RESOLVED: to X" "The
    Board resolved to X"; any other words "The Board agreed: X." """
    text = " ".join(body.split()).rstrip(" .")
    said = _BOARD_SAID.match(text)
    if said is None:
        return f"The Board agreed: {text}."
    that = " that" if said.group("that") else ""
    rest = _clause(text[said.end() :], keep)
    return f"The Board {said.group('verb').lower()}{that} {rest}."


def action_sentence(action: Action, keep: set[str]) -> str:
    when = f" ({action.time_frame})" if action.time_frame else ""
    if action.owner:
        return f"{action.owner} will {_clause(action.description, keep)}{when}."
    return f"{sentence(_clause(action.description, keep))}{when}."


def _opener(index: int, last: bool) -> str:
    if index == 0:
        return "First up, we looked at"
    if last:
        return "Finally, we looked at"
    return "Next, we considered" if index % 2 else "We then turned to"


def item_paragraph(minute: ItemMinute, index: int, last: bool, keep: set[str]) -> str:
    item = minute.item
    presented = f", presented by {item.presenter}" if item.presenter else ""
    if Standing.ANY_OTHER_BUSINESS in standing_kinds(item.title):
        sentences = [f"{'Finally, under' if last else 'Under'} any other business:"]
    else:
        sentences = [f"{_opener(index, last)} {item.title}{presented}."]
    comments = [_clause(c.body, keep) for c in minute.comments]
    if comments:
        shown = comments[:MAX_COMMENTS]
        more = len(comments) - len(shown)
        tail = f" (and {more} more point{'s' * (more > 1)} in the minutes)" if more else ""
        sentences.append(f"Members raised: {_list(shown)}{tail}.")
    sentences += [decision_sentence(d.body, keep) for d in minute.decisions]
    actions = [action_sentence(a, keep) for a in minute.actions]
    if actions:
        sentences.append("Next: " + " ".join(actions))
    return " ".join(sentences)


def item_minutes(store: Store, meeting_id: int) -> list[ItemMinute]:
    """Each public top-level item with what was minuted in public under it and its sub-items,
    in agenda order: Part 2 items, and anything said or set on one, are left out."""
    items = store.agenda(meeting_id)
    part2 = Part2.of(items)
    top: dict[int, int] = {}
    for item, _depth in outline(items):
        top[item.id] = top.get(item.parent_id, item.id) if item.parent_id else item.id
    notes: dict[int, list[Note]] = {}
    for note in store.notes(meeting_id):
        if note.agenda_item_id is not None and not part2.note(note):
            notes.setdefault(top[note.agenda_item_id], []).append(note)
    actions: dict[int, list[Action]] = {}
    for action in store.actions_arising(meeting_id):
        if action.agenda_item_id is not None and not part2.action(action):
            actions.setdefault(top[action.agenda_item_id], []).append(action)
    found = []
    for item, depth in outline(items):
        said = notes.get(item.id, [])
        minute = ItemMinute(
            item,
            tuple(n for n in said if n.kind is NoteKind.DECISION),
            tuple(n for n in said if n.kind is NoteKind.COMMENT),
            tuple(actions.get(item.id, [])),
        )
        if depth or not is_business(item.title) or part2.item(item.id):
            continue
        if minute.decisions or minute.comments or minute.actions:
            found.append(minute)
    return found


def _opening(meeting: Meeting, board_name: str, minutes: Sequence[ItemMinute]) -> str:
    day = meeting.scheduled_start
    titles = [m.item.title for m in minutes]
    covering = ""
    if titles:
        listed = ", ".join(titles[:-1]) + f" and {titles[-1]}" if len(titles) > 1 else titles[0]
        covering = f", with an agenda covering {listed}"
    return f"On {day:%A} {day.day} {day:%B} we met as the {board_name}{covering}."


def _kept_capitals(store: Store, board_name: str) -> set[str]:
    """Names stay capitalised when a comment starts with one."""
    return _PROPER | set(board_name.split()) | {w for p in store.people() for w in p.name.split()}


def draft_roundup(store: Store, meeting_id: int) -> str:
    """The first draft: paragraphs separated by blank lines, in the chair's voice."""
    meeting = store.meeting(meeting_id)
    board = store.board(meeting.board_id)
    keep = _kept_capitals(store, board.name)
    minutes = item_minutes(store, meeting_id)
    paragraphs = [_opening(meeting, board.name, minutes)]
    paragraphs += [item_paragraph(m, n, n == len(minutes) - 1, keep) for n, m in enumerate(minutes)]
    later = [m for m in store.meetings(board.id) if m.scheduled_start > meeting.scheduled_start]
    if later:
        day = later[0].scheduled_start
        paragraphs.append(f"Our next meeting is on {day:%A} {day.day} {day:%B %Y}.")
    return "\n\n".join(paragraphs) + "\n"


def roundup_text(store: Store, meeting_id: int) -> str:
    """The chair's draft as kept (edits survive), else a fresh first draft."""
    kept = store.roundup(meeting_id)
    return kept.body if kept is not None else draft_roundup(store, meeting_id)


MIN_QUOTE = 12
"""Shorter Part 2 words ("Agreed.") are too common to tell a quote from the chair's own."""


def part2_quotes(store: Store, meeting_id: int, body: str) -> list[str]:
    """The numbers of the Part 2 items whose business the text repeats: an item's title, or
    a comment, decision or action made on it, worded as a first draft words it.

    A draft kept from before an item was marked exempt (or from an older board-tui) can
    hold Part 2; the chair's edits can too. Only words of the meeting's own Part 2 are
    looked for, so the chair's own sentences are never taken for them.
    """
    items = store.agenda(meeting_id)
    part2 = Part2.of(items)
    if not part2:
        return []
    meeting = store.meeting(meeting_id)
    keep = _kept_capitals(store, store.board(meeting.board_id).name)
    said: list[tuple[int | None, str]] = [(i.id, i.title) for i in items if part2.item(i.id)]
    for note in store.notes(meeting_id):
        if part2.note(note):
            said.append((note.agenda_item_id, _clause(note.body, keep)))
            if note.kind is NoteKind.DECISION:
                said.append((note.agenda_item_id, decision_sentence(note.body, keep)))
    for action in store.actions_arising(meeting_id):
        if part2.action(action):
            said.append((action.agenda_item_id, _clause(action.description, keep)))
    text = " ".join(body.split()).casefold()
    numbers = {i.id: i.number for i in items}
    found: list[str] = []
    for item_id, words in said:
        quote = " ".join(words.split()).casefold().rstrip(".")
        number = numbers.get(item_id or -1, "")
        if len(quote) >= MIN_QUOTE and quote in text and number not in found:
            found.append(number)
    return found


def check_no_part2(store: Store, meeting_id: int, body: str) -> None:
    """Refuse a round-up that repeats Part 2 business; the message never repeats it."""
    found = part2_quotes(store, meeting_id, body)
    if found:
        items = ", ".join(found)
        raise BoardTuiError(
            f"the round-up repeats Part 2 business (item {items}), which must not be"
            " published: take it out, or start a new draft from the minutes"
        )


def export_roundup(
    store: Store,
    meeting_id: int,
    body: str,
    path: Path,
    *,
    template: Path | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Write the round-up (exporters.roundup) once it is checked to hold no Part 2."""
    from board_tui.exporters.roundup import write_roundup

    check_no_part2(store, meeting_id, body)
    return write_roundup(
        store, meeting_id, body, path, template=template, force=force, progress=progress
    )
