"""The minutes of a meeting, laid out as councils write them, for the text preview and for Word.

The layout follows the Tower Hamlets minutes the board already publishes: a running
header with the board and date, the title block ("MINUTES OF THE … / HELD AT 2.18 P.M.
ON TUESDAY, 17 OCTOBER 2023 / venue"), who was present, then each item with its
narrative, the comments as bullets under a lead-in, decisions set off in their own
style, actions arising, the close and the chair's signature line. Exempt (Part 2)
items leave only a line in the public minutes; their minute goes to a separate annex.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from board_tui.domain.agenda_order import outline
from board_tui.domain.exclusion import exclusion_resolution
from board_tui.domain.exempt import CONFIDENTIAL, Part2, masked
from board_tui.domain.formatting import long_date, minutes_time
from board_tui.domain.meeting_records import AgendaItem, Note
from board_tui.domain.minutes_words import (
    NO_OTHER_BUSINESS,
    NOT_QUORATE_FOR_ITEM,
    QUORATE,
    arrived_during_item,
    body_word,
    business_lead_in,
    lead_in,
    left_during_item,
    withdrew_for_item,
)
from board_tui.domain.model import Meeting, MeetingStatus, NoteKind
from board_tui.domain.plan_records import Action, UpdateSaid
from board_tui.domain.safe_text import file_name_part
from board_tui.domain.standing_items import Standing, first_of, standing_kinds
from board_tui.domain.votes import Vote, vote_words
from board_tui.exporters.attendance import apologies_blocks, declaration_blocks, present_blocks
from board_tui.exporters.blocks import Block, Kind, Progress, block, blocks_text
from board_tui.exporters.document import Page, board_template, write_document
from board_tui.exporters.minute_refs import action_refs, actions_in_order, minute_numbers
from board_tui.exporters.safe_write import check_distinct, check_target
from board_tui.storage.store import Store

__all__ = [
    "DEFAULT_LEAD_IN",
    "EXEMPT_LINE",
    "Minutes",
    "build_minutes",
    "minutes_file_name",
    "minutes_text",
    "paragraphs_to_choose",
    "write_minutes",
]

DEFAULT_LEAD_IN = business_lead_in("Board")
EXEMPT_LINE = "An exempt (Part 2) item was considered: the minute is in the confidential annex."
EXCLUSION_HEADING = "Exclusion of the Press and Public"
PUBLIC_SECTION = "SECTION ONE (UNRESTRICTED)"
ANNEX_SECTION = f"{CONFIDENTIAL}: SECTION TWO (RESTRICTED)"
SIGNATURE_LINE = "\u2026" * 30
ACTION_WIDTHS_MM = (14.0, 80.0, 40.0, 36.0)
MINUTED_WIDTHS_MM = (30.0, 64.0, 40.0, 36.0)


@dataclass(frozen=True)
class Minutes:
    title: str
    """For the document's properties: "Minutes of the Transformation Advisory Board, …"."""
    public: Page
    annex: Page | None
    """The exempt items in full; None when the meeting had none."""


def _held_at(meeting: Meeting) -> str:
    start = meeting.actual_start or meeting.scheduled_start
    return f"HELD AT {minutes_time(start).upper()} ON {long_date(start.date()).upper()}"


def _exempt_ids(items: Sequence[AgendaItem]) -> set[int]:
    """Exempt items and everything under them, by the one rule (domain.exempt)."""
    return set(Part2.of(items).item_ids)


def exclusion_runs(
    outline_items: Sequence[tuple[AgendaItem, int]], exempt: set[int]
) -> dict[int, list[int | None]]:
    """Where the public is excluded: the first exempt item of each run of exempt business
    (public business between two runs readmits them), with the Schedule 12A paragraph of
    each exempt item in the run (its sub-items are taken with it)."""
    runs: dict[int, list[int | None]] = {}
    first: int | None = None
    for item, _depth in outline_items:
        if item.id not in exempt:
            first = None
        elif item.parent_id not in exempt:
            if first is None:
                first = item.id
                runs[first] = []
            runs[first].append(item.exempt_paragraph)
    return runs


def _item_heading(item: AgendaItem, depth: int, minute: str | None = None) -> Block:
    """ "4. COMMUNITY ENGAGEMENT STRATEGY", led by its minute number when the board numbers
    its minutes ("TAB 23/45 – 4. …"): the number every action arising is keyed to."""
    lead = f"{minute} \u2013 " if minute else ""
    if depth == 0:
        return block(Kind.HEADING2, f"{lead}{item.number}. {item.title.upper()}")
    return block(Kind.HEADING3, f"{lead}{item.number} {item.title}")


def _note_blocks(
    item: AgendaItem, notes: Sequence[Note], board_name: str, votes: Mapping[int, Vote]
) -> list[Block]:
    """Notes in the order taken. The comments' lead-in goes before the first comment: the
    clerk's own, else the council's usual one for business, else none (standing items). A
    decision put to the vote is followed by how the vote went, in the council's words."""
    blocks: list[Block] = []
    led_in = False
    for note in notes:
        if note.kind is NoteKind.COMMENT:
            if not led_in:
                words = lead_in(item.comments_lead_in, item.title, board_name)
                if words:
                    blocks.append(block(Kind.PARAGRAPH, words))
                led_in = True
            blocks.append(block(Kind.BULLET, note.body))
        elif note.kind is NoteKind.DECISION:
            blocks.append(block(Kind.DECISION, note.body))
            vote = votes.get(note.id)
            if vote is not None:
                blocks += [block(Kind.PARAGRAPH, words) for words in vote_words(vote)]
        else:
            blocks.append(block(Kind.PARAGRAPH, note.body))
    return blocks


def _update_text(said: UpdateSaid) -> str:
    """One update as minutes record it: what it was about (and whose), where it stands now
    and where it stood, then what was said."""
    update = said.update
    text = said.subject.rstrip(".")
    if said.owner:
        text += f" ({said.owner})"
    text += f": {update.new_status.label}"
    if update.old_status is not None and update.old_status is not update.new_status:
        text += f" (was {update.old_status.label})"
    body = " ".join(update.body.split())
    return f"{text}. {body}" if body else f"{text}."


def _action_text(action: Action) -> str:
    extra = ", ".join(part for part in (action.owner, action.time_frame) if part)
    return f"{action.description} ({extra})" if extra else action.description


def _actions_table(refs: dict[int, str], actions: Sequence[Action]) -> list[Block]:
    if not actions:
        return []
    rows = tuple((refs[a.id], a.description, a.owner or "", a.time_frame or "") for a in actions)
    return [
        block(Kind.HEADING2, "ACTIONS ARISING"),
        Block(
            Kind.TABLE,
            header=("Ref", "Action", "Owner", "Time frame"),
            rows=rows,
            # A minute's ref ("TAB 23/45(b)") needs the room an "A1" does not.
            widths_mm=ACTION_WIDTHS_MM if max(len(r[0]) for r in rows) <= 4 else MINUTED_WIDTHS_MM,
        ),
    ]


class _Builder:
    """Gathers everything the minutes say about one meeting, then lays it out."""

    def __init__(self, store: Store, meeting_id: int) -> None:
        self.meeting = store.meeting(meeting_id)
        self.board = store.board(self.meeting.board_id)
        self.members = store.members(self.board.id)
        self.items = store.agenda(meeting_id)
        self.outline = outline(self.items)
        self.exempt = _exempt_ids(self.items)
        self.attendance = store.attendance(meeting_id)
        self.declarations = store.declarations(meeting_id)
        self.notes: dict[int | None, list[Note]] = {}
        for note in store.notes(meeting_id):
            self.notes.setdefault(note.agenda_item_id, []).append(note)
        self.votes = store.votes(meeting_id)
        self.actions = actions_in_order(self.items, store.actions_arising(meeting_id))
        self.minutes = minute_numbers(store, meeting_id)
        self.refs = action_refs(self.actions, self.minutes)
        self.updates: dict[int | None, list[UpdateSaid]] = {}
        for said in store.said_updates(meeting_id):
            self.updates.setdefault(said.update.agenda_item_id, []).append(said)
        self.matters_arising_item = store.matters_arising_item_id(meeting_id)
        self.previous_held = store.previous_held_meeting(meeting_id)
        self.quorum = store.meeting_quorum(meeting_id)
        """None when the board has no quorum rule: then the minutes say nothing of quorum."""

    # -- the parts -------------------------------------------------------------------------

    def title_block(self, heading: str) -> list[Block]:
        blocks = []
        if self.board.organisation:
            blocks.append(block(Kind.MASTHEAD, self.board.organisation.upper()))
        blocks.append(Block(Kind.HEADING1, heading, centred=True))
        blocks.append(block(Kind.MASTHEAD, _held_at(self.meeting)))
        if self.meeting.venue:
            blocks.append(block(Kind.MASTHEAD, self.meeting.venue.upper()))
        return blocks

    def opening(self) -> dict[int | None, list[Block]]:
        """Apologies and declarations, under the items named for them (else up front)."""
        titled = [(item.id, item.title) for item, depth in self.outline if depth == 0]
        apologies_item = first_of(Standing.APOLOGIES, titled)
        declarations_item = first_of(Standing.DECLARATIONS, titled) or apologies_item
        placed: dict[int | None, list[Block]] = {}
        apologies = apologies_blocks(self.attendance, self.members)
        if apologies and apologies_item is None:
            apologies = [block(Kind.LABEL, "Apologies for Absence"), *apologies]
        placed.setdefault(apologies_item, []).extend(apologies)
        declared = declaration_blocks(
            [d for d in self.declarations if d.agenda_item_id not in self.exempt],
            {i.id: i for i in self.items},
            self.meeting.no_declarations,
        )
        if declared and declarations_item is None:
            declared = [block(Kind.LABEL, "Declarations of Interest"), *declared]
        placed.setdefault(declarations_item, []).extend(declared)
        return placed

    def item_blocks(self, item: AgendaItem, depth: int, opening: list[Block]) -> list[Block]:
        kinds = standing_kinds(item.title)
        notes = self.notes.get(item.id, [])
        updates = self.updates.get(item.id, [])
        actions = [a for a in self.actions if a.agenda_item_id == item.id]
        blocks = [_item_heading(item, depth, self.minutes.get(item.id))]
        narrated = any(n.kind is NoteKind.NARRATIVE for n in notes)
        if item.presenter and not kinds and not narrated:
            # The narrative, when there is one, says who introduced the item, as the
            # board's own minutes do; else the agenda's presenter is recorded here.
            blocks.append(block(Kind.PRESENTER, f"Presented by {item.presenter}."))
        came, went = self.quorum_blocks(item)
        blocks += came
        blocks += _note_blocks(item, notes, self.board.name, self.votes)
        blocks += opening
        if updates:
            body = body_word(self.board.name)
            about = (
                "actions from previous meetings"
                if item.id == self.matters_arising_item
                else "the action plan"
            )
            blocks.append(block(Kind.PARAGRAPH, f"The {body} noted the updates on {about}:"))
            blocks += [block(Kind.BULLET, _update_text(said)) for said in updates]
        blocks += [
            block(Kind.ACTION, _action_text(a), lead=f"Action {self.refs[a.id]}:") for a in actions
        ]
        if (
            Standing.ANY_OTHER_BUSINESS in kinds
            and not (notes or updates or actions)
            and self.meeting.actual_end is not None
        ):
            blocks.append(block(Kind.PARAGRAPH, NO_OTHER_BUSINESS))
        return blocks + went

    def quorum_blocks(self, item: AgendaItem) -> tuple[list[Block], list[Block]]:
        """What the minutes say of attendance under an item: those who withdrew for it or
        arrived during it and whether it was taken inquorate, first; those who left, last.
        Part of the item's minute, so an exempt item's go only to the annex."""
        here = self.quorum.items.get(item.id) if self.quorum is not None else None
        if here is None:
            return [], []
        came = [block(Kind.PARAGRAPH, withdrew_for_item(name)) for name in here.withdrew]
        came += [block(Kind.PARAGRAPH, arrived_during_item(name)) for name in here.arrived]
        if not here.state.quorate and item.actual_start is not None:
            came.append(block(Kind.PARAGRAPH, NOT_QUORATE_FOR_ITEM))
        went = [block(Kind.PARAGRAPH, left_during_item(name)) for name in here.left]
        return came, went

    def quorate(self) -> list[Block]:
        """ "The meeting was quorate." when the board has a rule and every item taken met it."""
        if self.quorum is None or self.meeting.actual_start is None:
            return []
        taken = {i.id for i in self.items if i.actual_start is not None}
        held = all(q.state.quorate for item_id, q in self.quorum.items.items() if item_id in taken)
        return [block(Kind.PARAGRAPH, QUORATE)] if held else []

    def close(self) -> list[Block]:
        blocks = []
        if self.meeting.actual_end is not None:
            ended = minutes_time(self.meeting.actual_end)
            blocks += [block(Kind.SPACER), block(Kind.PARAGRAPH, f"The meeting ended at {ended}")]
        chair = next((m.person.name for m in self.members if m.role.value == "chair"), None)
        blocks += [
            block(Kind.SPACER),
            block(Kind.SPACER),
            block(Kind.PARAGRAPH, SIGNATURE_LINE),
            block(Kind.PARAGRAPH, f"Chair, {chair}" if chair else "Chair"),
            block(Kind.PARAGRAPH, self.board.name),
        ]
        # The close and the signature block stay together on one page.
        return [replace(b, keep_with_next=True) for b in blocks[:-1]] + blocks[-1:]

    # -- the documents ---------------------------------------------------------------------

    def header_left(self) -> str:
        return f"{self.board.name.upper()}, {self.meeting.scheduled_start:%d/%m/%Y}"

    def public(self) -> Page:
        opening = self.opening()
        blocks = self.title_block(f"MINUTES OF THE {self.meeting.title.upper()}")
        blocks.append(block(Kind.SPACER))
        blocks += present_blocks(self.attendance, self.members)
        blocks += self.quorate()
        blocks += opening.get(None, [])
        excluded = exclusion_runs(self.outline, self.exempt)
        for item, depth in self.outline:
            if item.id in excluded:
                # Public words: the law and paragraph numbers, never the item itself.
                resolution = exclusion_resolution(self.board.exclusion_rule, excluded[item.id])
                blocks += [
                    block(Kind.LABEL, EXCLUSION_HEADING),
                    block(Kind.PARAGRAPH, resolution),
                ]
            if item.id in self.exempt:
                if item.parent_id not in self.exempt:
                    blocks += [
                        _item_heading(masked(item), depth, self.minutes.get(item.id)),
                        block(Kind.PARAGRAPH, EXEMPT_LINE),
                    ]
                continue
            blocks += self.item_blocks(item, depth, opening.get(item.id, []))
        public_actions = [a for a in self.actions if a.agenda_item_id not in self.exempt]
        blocks += _actions_table(self.refs, public_actions)
        blocks += self.close()
        return Page(self.header_left(), PUBLIC_SECTION, self.draft, tuple(blocks))

    def annex(self) -> Page | None:
        if not self.exempt:
            return None
        blocks = self.title_block(
            f"CONFIDENTIAL ANNEX TO THE MINUTES OF THE {self.meeting.title.upper()}"
        )
        blocks.append(
            block(
                Kind.PARAGRAPH,
                "Not for publication: the minutes of the items considered in the exempt "
                "(Part 2) part of the meeting.",
            )
        )
        declared = [d for d in self.declarations if d.agenda_item_id in self.exempt]
        if declared:
            items = {i.id: i for i in self.items}
            blocks += [
                block(Kind.LABEL, "Declarations of Interest"),
                *declaration_blocks(declared, items, False),
            ]
        for item, depth in self.outline:
            if item.id in self.exempt:
                blocks += self.item_blocks(item, depth, [])
        blocks += _actions_table(
            self.refs, [a for a in self.actions if a.agenda_item_id in self.exempt]
        )
        return Page(self.header_left(), ANNEX_SECTION, self.draft, tuple(blocks))

    @property
    def draft(self) -> bool:
        return self.meeting.status is not MeetingStatus.APPROVED


def paragraphs_to_choose(store: Store, meeting_id: int) -> list[str]:
    """The numbers of the exempt items whose Schedule 12A paragraph the resolution lacks
    (none for a board that excludes the public under the 1960 Act, which cites none)."""
    meeting = store.meeting(meeting_id)
    if not store.board(meeting.board_id).exclusion_rule.asks_paragraph:
        return []
    return [i.number for i in store.agenda(meeting_id) if i.exempt and i.exempt_paragraph is None]


def build_minutes(store: Store, meeting_id: int) -> Minutes:
    builder = _Builder(store, meeting_id)
    day = builder.meeting.scheduled_start.date()
    title = f"Minutes of the {builder.meeting.title}, {day.day} {day:%B %Y}"
    return Minutes(title, builder.public(), builder.annex())


def minutes_text(store: Store, meeting_id: int) -> str:
    """The public minutes as plain text: what the TUI previews before writing."""
    page = build_minutes(store, meeting_id).public
    return blocks_text(page.blocks, page.header_line)


def minutes_file_name(store: Store, meeting_id: int) -> str:
    """ "TAB minutes 2023-10-17.docx": the board's initials, so names stay short."""
    meeting = store.meeting(meeting_id)
    name = store.board(meeting.board_id).name
    initials = "".join(w[0] for w in name.split() if w[:1].isalpha() and w[0].isupper())
    short = file_name_part(initials or name, "Board")  # "../../x" names no other folder
    return f"{short} minutes {meeting.scheduled_start:%Y-%m-%d}.docx"


def write_minutes(
    store: Store,
    meeting_id: int,
    path: Path,
    *,
    template: Path | None = None,
    force: bool = False,
    exempt_annex: Path | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the public minutes (and the confidential annex when asked and there is one).

    Returns the files written. Nothing is written unless every target can be.
    """
    minutes = build_minutes(store, meeting_id)
    template = template or board_template(store, store.meeting(meeting_id).board_id)
    # One file for the minutes, another for the annex: never the annex over the minutes.
    named = [Path(p).expanduser() for p in (path, exempt_annex) if p is not None]
    check_distinct(named, [p for p in (template, store.path) if p is not None])
    pages = [(Path(path), minutes.public)]
    if exempt_annex is not None and minutes.annex is not None:
        pages.append((Path(exempt_annex), minutes.annex))
    for target, _page in pages:
        check_target(target.expanduser(), force=force)
    total = sum(len(page.blocks) + 1 for _target, page in pages)
    written: list[Path] = []
    done = 0
    for target, page in pages:
        offset = done

        def step(n: int, _total: int, offset: int = offset) -> None:
            if progress is not None:
                progress(offset + n, total)

        title = minutes.title if page is minutes.public else f"{minutes.title}: confidential annex"
        written.append(
            write_document(
                page,
                target,
                title,
                template=template,
                force=force,
                progress=step,
                private=page is not minutes.public,  # the confidential annex: owner-only
            )
        )
        done += len(page.blocks) + 1
    return written
