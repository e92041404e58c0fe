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
from board_tui.domain.meeting_records import AgendaItem, Note
from board_tui.domain.model import Meeting, MeetingStatus, NoteKind
from board_tui.domain.plan_records import Action
from board_tui.domain.standing_items import Standing, is_business, standing_kinds
from board_tui.exporters.blocks import Progress
from board_tui.storage.store import Store

MAX_COMMENTS = 3
_THE_NOUNS = {
    "assessment", "budget", "challenge", "charter", "consultation", "dashboard", "framework",
    "fund", "model", "plan", "policy", "programme", "proposal", "report", "review", "scheme",
    "statement", "strategy", "survey", "update",
}  # fmt: skip
"""A title ending in one of these reads with "the" before it: "we looked at the Annual
Residents Survey", but "we considered Partnership Working"."""
_ROLE_WORDS = {
    "board", "chair", "council", "deputy", "director", "executive", "head", "lead", "manager",
    "member", "officer", "policy", "programme", "service", "services", "strategy", "team",
}  # fmt: skip
"""Words of a role, not of a name: "Kirsty Roberts, Strategy and Policy Lead" is one person."""
_NOTED = re.compile(r"^(?:it was\s+|members\s+)?noted\s+that\s+", re.IGNORECASE)
_SHORTHAND = re.compile(r"^(important|essential|necessary|vital|key|crucial)\s+to\s+")
_TIMELESS = {"tbc", "tba", "on-going", "ongoing", "n/a", "asap"}
_TIME_WORDS = {"before", "by", "after", "at", "in", "on", "within", "during", "following", "next"}
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


def and_list(parts: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C": names and titles as a sentence lists them."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" and {parts[-1]}"


def _looks_like_name(words: str, names: frozenset[str] | set[str]) -> bool:
    if words in names:
        return True
    parts = words.split()
    return 2 <= len(parts) <= 4 and all(
        p[:1].isupper() and p.lower() not in _ROLE_WORDS for p in parts
    )


def presenters(text: str, names: frozenset[str] | set[str]) -> str:
    """ "Robin Beattie, Stephen Bramah" becomes "Robin Beattie and Stephen Bramah"; a name with
    its role ("Kirsty Roberts, Strategy and Policy Lead") stays as it is."""
    parts = [p.strip() for p in re.split(r",|;|&|\band\b", text) if p.strip()]
    if len(parts) > 1 and all(_looks_like_name(p, names) for p in parts):
        return and_list(parts)
    return " ".join(text.split())


def titled(title: str) -> str:
    """The item's title as the sentence names it: "the Annual Residents Survey"."""
    words = title.split()
    first = words[0].lower() if words else ""
    if first in {"the", "a", "an", "our", "any"} or not words:
        return title
    return f"the {title}" if words[-1].lower().strip(".,:") in _THE_NOUNS else title


def _point(body: str, keep: set[str]) -> str:
    """A comment as one point in a list: its first sentence, without "It was noted that"."""
    text = " ".join(body.split())
    first = re.split(r"(?<=[a-z0-9)'’])\.\s+(?=[A-Z])", text, maxsplit=1)[0]
    point = _clause(_NOTED.sub("", first), keep)
    # Minutes' shorthand ("Important to embed …") made a clause: "it was important to …".
    return _SHORTHAND.sub(r"it was \1 to ", point)


def _due(time_frame: str | None, description: str) -> str:
    """When an action is due, as the sentence ends: ", by Dec Board 23", ", before
    publication"; nothing when the words already say it."""
    frame = " ".join((time_frame or "").split()).rstrip(".")
    if not frame or frame.lower() in description.lower():
        return ""
    if frame.lower() in _TIMELESS:
        return f" ({frame})"
    first = frame.split()[0].lower()
    if first in _TIME_WORDS and first in description.lower().split():
        return ""  # "… before it is published" needs no ", before publication"
    if first in _TIME_WORDS:
        rest = re.sub(r"^(\s+)next\b", r"\1the next", frame[len(first) :], flags=re.I)
        return f", {first}{rest}"
    if first in {"end", "start", "beginning", "early", "mid", "late"}:
        return f", by the {first}{frame[len(first) :]}"
    return f", by {frame}"


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
    """ "Stephen Bramah will bring the plan to the Board, by Dec Board 23." """
    words = _clause(action.description, keep)
    when = _due(action.time_frame, action.description)
    if action.owner:
        return f"{action.owner} will {words}{when}."
    return f"As a next step: {words}{when}."


def _opener(index: int, last: bool) -> str:
    if index == 0:
        return "First up, we looked at"
    if last:
        return "Finally, we looked at"
    return "Next, we considered" if index % 2 else "We then turned to"


def item_paragraph(
    minute: ItemMinute,
    index: int,
    last: bool,
    keep: set[str],
    names: frozenset[str] | set[str] = frozenset(),
) -> str:
    item = minute.item
    presented = f", presented by {presenters(item.presenter, names)}" if item.presenter else ""
    aob = Standing.ANY_OTHER_BUSINESS in standing_kinds(item.title)
    if aob:
        opener = f"{'Finally, under' if last else 'Under'} any other business,"
        sentences: list[str] = []
    else:
        sentences = [f"{_opener(index, last)} {titled(item.title)}{presented}."]
        opener = ""
    members = [c for c in minute.comments if not c.voice]
    voices = [c for c in minute.comments if c.voice]
    for voice in voices:  # the residents' own words first, where they were heard
        where = f" ({' '.join(voice.voice_source.split())})" if voice.voice_source else ""
        sentences.append(f"We heard from residents{where}: {_point(voice.body, keep)}.")
    if members:
        points = [_point(c.body, keep) for c in members]
        shown = points[:MAX_COMMENTS]
        more = len(points) > len(shown)
        raised = "Members raised a number of points, including" if more else "Members raised"
        sentences.append(f"{f'{opener} ' if opener else ''}{raised}: {_list(shown)}.")
        opener = ""
    sentences += [decision_sentence(d.body, keep) for d in minute.decisions]
    sentences += [action_sentence(a, keep) for a in minute.actions]
    if opener and sentences:
        first = sentences[0]
        first = "the" + first[3:] if first.startswith("The ") else first
        sentences[0] = f"{opener} {first}"
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


def _opening(meeting: Meeting, board_name: str, titles: Sequence[str]) -> str:
    day = meeting.scheduled_start
    business = [titled(t) for t in titles if Standing.ANY_OTHER_BUSINESS not in standing_kinds(t)]
    covering = f", with an agenda covering {and_list(business)}" if business else ""
    # A meeting not yet held is written as one to come: never "we met" before it has.
    verb = "will meet" if meeting.status is MeetingStatus.DRAFT else "met"
    return f"On {day:%A} {day.day} {day:%B} we {verb} as the {board_name}{covering}."


def _kept_capitals(store: Store, board_name: str) -> set[str]:
    """Names stay capitalised when a comment starts with one."""
    return _PROPER | set(board_name.split()) | {w for p in store.people() for w in p.name.split()}


def draft_roundup(store: Store, meeting_id: int) -> str:
    """The first draft: paragraphs separated by blank lines, in the chair's voice."""
    meeting = store.meeting(meeting_id)
    board = store.board(meeting.board_id)
    keep = _kept_capitals(store, board.name)
    names = {p.name for p in store.people()}
    if meeting.status is MeetingStatus.DRAFT:
        # Not held yet: what it will cover, and nothing said as if it had been.
        part2 = Part2.of(store.agenda(meeting_id))
        titles = [
            i.title
            for i, depth in outline(store.agenda(meeting_id))
            if not depth and is_business(i.title) and not part2.item(i.id)
        ]
        paragraphs = [
            _opening(meeting, board.name, titles),
            "This draft fills in from the minutes once the meeting has been held.",
        ]
        return "\n\n".join(paragraphs) + "\n"
    minutes = item_minutes(store, meeting_id)
    paragraphs = [_opening(meeting, board.name, [m.item.title for m in minutes])]
    paragraphs += [
        item_paragraph(m, n, n == len(minutes) - 1, keep, names) for n, m in enumerate(minutes)
    ]
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
