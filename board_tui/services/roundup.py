"""A first draft of the chair's round-up, written from the minutes by rules, not a model.

After each board the chair writes a few plain paragraphs for the newsletter
(seed 003: "On Thursday 2 May we met formally as a Board … First up, we
reviewed …"). This drafts one paragraph per item that has decisions, comments
or actions: what was considered, what members raised, what the Board agreed and
what happens next. Procedural items (welcome, declarations, the previous
minutes) are left out. The chair edits the draft before it goes anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from board_tui.domain.agenda_order import outline
from board_tui.domain.formatting import sentence
from board_tui.domain.model import Action, AgendaItem, Meeting, Note, NoteKind
from board_tui.domain.standing_items import Standing, is_business, standing_kinds
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
    """Each top-level item with what was minuted under it and its sub-items, in agenda order."""
    items = store.agenda(meeting_id)
    top: dict[int, int] = {}
    for item, _depth in outline(items):
        top[item.id] = top.get(item.parent_id, item.id) if item.parent_id else item.id
    notes: dict[int, list[Note]] = {}
    for note in store.notes(meeting_id):
        if note.agenda_item_id is not None:
            notes.setdefault(top[note.agenda_item_id], []).append(note)
    actions: dict[int, list[Action]] = {}
    for action in store.actions_arising(meeting_id):
        if action.agenda_item_id is not None:
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
        if depth or not is_business(item.title):
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


def draft_roundup(store: Store, meeting_id: int) -> str:
    """The first draft: paragraphs separated by blank lines, in the chair's voice."""
    meeting = store.meeting(meeting_id)
    board = store.board(meeting.board_id)
    # Names stay capitalised when a comment starts with one.
    keep = _PROPER | set(board.name.split()) | {w for p in store.people() for w in p.name.split()}
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
