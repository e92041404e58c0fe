"""Each owner's actions after a meeting: a short Word letter and an email draft per owner.

Clerks send every officer a note of what they now own after the board meets; written by
hand it is where actions get lost. One letter per owner lists the actions set on them at
the meeting (with the minutes' ref, so they find it in the minutes) and the plan steps
and items of theirs updated there, each with its time frame in the clerk's own words and
what was agreed. The email draft (.eml) carries the same words, addressed to the owner's
email from the directory; it is written to disk and never sent.

Part 2: by the one rule (domain.exempt), an action set on an exempt item, and an update
said on one or about a step set on one, is left out unless the confidential version is
asked for. Then each such entry is marked CONFIDENTIAL – Part 2, its letter is headed so
and is readable by its owner only. A public letter carries no Part 2 words.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import default as email_policy
from pathlib import Path
from typing import BinaryIO

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.exempt import CONFIDENTIAL
from board_tui.domain.formatting import long_date
from board_tui.domain.model import Board, Meeting, NoteKind, Person
from board_tui.domain.owners import owner_key, owners_named
from board_tui.domain.plan_records import Action
from board_tui.domain.safe_text import CONTROL_CHARACTERS, file_name_part
from board_tui.exporters.blocks import Block, Kind, Progress, block, blocks_text
from board_tui.exporters.document import Page, board_template, write_document
from board_tui.exporters.minute_refs import action_refs, actions_in_order, minute_numbers
from board_tui.exporters.safe_write import (
    ExportError,
    check_distinct,
    check_target,
    write_atomically,
)
from board_tui.storage.store import Store

__all__ = [
    "Entry",
    "Letter",
    "OwnerLetters",
    "build_owner_letters",
    "letter_blocks",
    "letter_email",
    "letter_paths",
    "letters_text",
    "write_owner_letters",
]

_EML_POLICY = email_policy.clone(linesep="\r\n")
"""Mail files keep the internet's line ends (RFC 5322), which every mail program opens."""
EMAIL_WIDTH = 72
"""Plain-text email lines, as mail programs expect them."""


@dataclass(frozen=True)
class Entry:
    """One thing an owner is to do or was updated on, as their letter lists it."""

    ref: str
    """The minutes' ref ("A1") for a new action; "Plan item 12" for an update."""
    text: str
    due: str | None
    """The time frame as the clerk wrote it (else the due date), or None."""
    agreed: str
    """What was agreed: the item it was set or said at, and its decisions."""
    said: str | None = None
    """An update's new status and what was said."""
    shared_with: tuple[str, ...] = ()
    part2: bool = False


@dataclass(frozen=True)
class Letter:
    owner: str
    """As the clerk wrote it (the directory's spelling when it knows the person)."""
    person: Person | None
    new: tuple[Entry, ...]
    updated: tuple[Entry, ...]

    @property
    def email(self) -> str | None:
        return _address(self.person.email if self.person is not None else None)

    @property
    def confidential(self) -> bool:
        return any(e.part2 for e in (*self.new, *self.updated))


@dataclass(frozen=True)
class OwnerLetters:
    board: Board
    meeting: Meeting
    letters: tuple[Letter, ...]
    left_out: int = 0
    """Part 2 entries not in these (public) letters."""
    unowned: tuple[str, ...] = field(default=())
    """Refs of new actions with no owner written: nobody gets a letter for them."""


def _address(email: str | None) -> str | None:
    """The email when it is one a mail program can address (the directory's may be anything)."""
    if not email or "@" not in email:
        return None
    try:
        Address(addr_spec=email.strip())
    except (ValueError, IndexError):
        return None
    return email.strip()


def _person_for(store: Store, name: str, people: Sequence[Person]) -> Person | None:
    """The directory's person by name, else the one person whose title the owner is."""
    found = store.person_named(name)
    if found is not None:
        return found
    titled = [p for p in people if p.title and owner_key(p.title) == owner_key(name)]
    return titled[0] if len(titled) == 1 else None


def _due(action: Action) -> str | None:
    if action.time_frame and action.time_frame.strip():
        return " ".join(action.time_frame.split())
    return long_date(action.due_date) if action.due_date else None


class _Gatherer:
    """Reads the meeting once and files each entry under every owner it names."""

    def __init__(self, store: Store, meeting_id: int, *, confidential: bool) -> None:
        self.store = store
        self.meeting = store.meeting(meeting_id)
        self.board = store.board(self.meeting.board_id)
        self.items = {i.id: i for i in store.agenda(meeting_id)}
        self.part2 = store.part2()  # every meeting's: a step set in Part 2 earlier stays so
        self.confidential = confidential
        self.decisions: dict[int | None, list[str]] = {}
        for note in store.notes(meeting_id):
            if note.kind is NoteKind.DECISION:
                self.decisions.setdefault(note.agenda_item_id, []).append(note.body)
        self.people = store.people()
        self.left_out = 0
        self.owners: dict[str, str] = {}
        self.new: dict[str, list[Entry]] = {}
        self.updated: dict[str, list[Entry]] = {}

    def agreed(self, item_id: int | None) -> str:
        item = self.items.get(item_id) if item_id is not None else None
        if item is None:
            return "Agreed at the meeting."
        decisions = " ".join(" ".join(d.split()) for d in self.decisions.get(item.id, []))
        where = f"Item {item.number}, {' '.join(item.title.split())}"
        return f"{where}: {decisions}" if decisions else f"{where}."

    def names(self, owner: str | None) -> list[str]:
        """The owners a field names; a directory name is never split ("Smith & Jones Ltd")."""
        if owner and self.store.person_named(owner) is not None:
            return [" ".join(owner.split())]
        return owners_named(owner)

    def file(self, names: list[str], entry: Entry, into: dict[str, list[Entry]]) -> None:
        for name in names:
            key = owner_key(name)
            self.owners.setdefault(key, name)
            others = tuple(n for n in names if owner_key(n) != key)
            into.setdefault(key, []).append(replace(entry, shared_with=others))

    def keep(self, part2: bool) -> bool:
        if part2 and not self.confidential:
            self.left_out += 1
            return False
        return True

    def new_actions(self) -> list[str]:
        """File the actions set at the meeting; returns the refs of those nobody owns."""
        ordered = actions_in_order(
            list(self.items.values()), self.store.actions_arising(self.meeting.id)
        )
        refs = action_refs(ordered, minute_numbers(self.store, self.meeting.id))
        unowned: list[str] = []
        for action in ordered:
            part2 = self.part2.action(action)
            owner = action.owner
            if not owner and action.plan_item_id is not None:
                owner = self.store.plan_item(action.plan_item_id).lead
            names = self.names(owner)
            if not names:
                if not part2 or self.confidential:
                    unowned.append(refs[action.id])
                continue
            if not self.keep(part2):
                continue
            entry = Entry(
                refs[action.id],
                " ".join(action.description.split()),
                _due(action),
                self.agreed(action.agenda_item_id),
                part2=part2,
            )
            self.file(names, entry, self.new)
        return unowned

    def updates(self) -> None:
        """File the status updates said at the meeting under the step's or item's owner."""
        arising = {a.id for a in self.store.actions_arising(self.meeting.id)}
        for said in self.store.said_updates(self.meeting.id):
            update = said.update
            action = self.store.action(update.action_id) if update.action_id else None
            if action is not None and action.id in arising:
                continue  # set and updated at once: the new action says it
            part2 = self.part2.update(update, action)
            plan_item_id = action.plan_item_id if action is not None else update.plan_item_id
            plan_item = self.store.plan_item(plan_item_id) if plan_item_id else None
            owner = (action.owner if action is not None else None) or (
                plan_item.lead if plan_item is not None else None
            )
            names = self.names(owner)
            if not names or not self.keep(part2):
                continue
            status = update.new_status.label
            if update.old_status is not None and update.old_status is not update.new_status:
                status += f" (was {update.old_status.label})"
            body = " ".join(update.body.split())
            if action is not None:
                text = " ".join(action.description.split())
            elif plan_item is not None:
                text = " ".join(plan_item.recommendation.split())
            else:
                text = said.subject
            entry = Entry(
                f"Plan item {plan_item.ref}" if plan_item is not None else "Update",
                text,
                _due(action) if action is not None else None,
                self.agreed(update.agenda_item_id),
                said=f"{status}. {body}" if body else f"{status}.",
                part2=part2,
            )
            self.file(names, entry, self.updated)


def build_owner_letters(
    store: Store, meeting_id: int, *, confidential: bool = False
) -> OwnerLetters:
    """The letters for a meeting, one per owner named, in the order owners were first named.

    Raises BoardTuiError when no owner has anything to be told (with why)."""
    gather = _Gatherer(store, meeting_id, confidential=confidential)
    unowned = gather.new_actions()
    gather.updates()
    letters = tuple(
        Letter(
            _directory_name(store, name),
            _person_for(store, name, gather.people),
            tuple(gather.new.get(key, ())),
            tuple(gather.updated.get(key, ())),
        )
        for key, name in gather.owners.items()
    )
    if not letters:
        why = f"meeting {meeting_id} set or updated no action with an owner"
        if gather.left_out:
            why += f" in public ({gather.left_out} in Part 2: --confidential writes those)"
        raise BoardTuiError(f"no letters to write: {why}")
    return OwnerLetters(gather.board, gather.meeting, letters, gather.left_out, tuple(unowned))


def _directory_name(store: Store, name: str) -> str:
    person = store.person_named(name)
    return person.name if person is not None else name


# -- the words -------------------------------------------------------------------------------


def _meeting_words(board: Board, meeting: Meeting) -> str:
    day = meeting.scheduled_start.date()  # the day the papers and the subject line name
    return f"the meeting of the {' '.join(board.name.split())} on {long_date(day)}"


def _entry_blocks(entry: Entry) -> list[Block]:
    lead = f"{CONFIDENTIAL}. {entry.ref}:" if entry.part2 else f"{entry.ref}:"
    blocks = [block(Kind.ACTION, entry.text, lead=lead)]
    if entry.said:
        blocks.append(block(Kind.BULLET, entry.said, lead="Said:"))
    blocks.append(block(Kind.BULLET, entry.due or "none given", lead="Time frame:"))
    blocks.append(block(Kind.BULLET, entry.agreed, lead="Agreed:"))
    if entry.shared_with:
        blocks.append(block(Kind.BULLET, ", ".join(entry.shared_with), lead="Shared with:"))
    return blocks


def letter_blocks(letters: OwnerLetters, letter: Letter) -> list[Block]:
    """The letter as blocks: Word lays them out, and the email draft is their text."""
    board, meeting = letters.board, letters.meeting
    blocks: list[Block] = []
    if letter.confidential:
        blocks.append(block(Kind.LABEL, f"{CONFIDENTIAL}: not for publication"))
    if board.organisation:
        blocks.append(block(Kind.MASTHEAD, " ".join(board.organisation.split()).upper()))
    blocks += [
        block(Kind.HEADING1, f"Your actions from {_meeting_words(board, meeting)}"),
        block(Kind.PARAGRAPH, f"Dear {letter.owner},"),
        block(
            Kind.PARAGRAPH,
            f"At {_meeting_words(board, meeting)} you were named as owner of the following."
            " The refs are those of the minutes.",
        ),
    ]
    if letter.new:
        blocks.append(block(Kind.HEADING2, "New actions"))
        for entry in letter.new:
            blocks += _entry_blocks(entry)
    if letter.updated:
        blocks.append(block(Kind.HEADING2, "Updated at the meeting"))
        for entry in letter.updated:
            blocks += _entry_blocks(entry)
    contact = board.contact
    ask = "Please reply to the clerk if anything here is not as you understood it."
    blocks += [block(Kind.SPACER), block(Kind.PARAGRAPH, ask)]
    if contact is not None:
        signed = ", ".join(p for p in (contact.name, contact.role) if p)
        blocks.append(block(Kind.PARAGRAPH, signed))
        if contact.email:
            blocks.append(block(Kind.PARAGRAPH, contact.email))
    blocks.append(block(Kind.PARAGRAPH, " ".join(board.name.split())))
    return blocks


def _page(letters: OwnerLetters, letter: Letter) -> Page:
    left = f"{letters.board.name.upper()}, {letters.meeting.scheduled_start:%d/%m/%Y}"
    right = CONFIDENTIAL if letter.confidential else "ACTIONS"
    return Page(left, right, False, tuple(letter_blocks(letters, letter)))


def letters_text(letters: OwnerLetters, width: int = 88) -> str:
    """Every letter as text, one after another: what the app previews before writing."""
    parts = [
        blocks_text(letter_blocks(letters, letter), f"To: {letter.owner}", width)
        for letter in letters.letters
    ]
    return ("\n" + "-" * width + "\n\n").join(parts)


def _header_text(text: str) -> str:
    """One line for a mail header: no line breaks or control characters can be smuggled in."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", text).split())


def letter_email(letters: OwnerLetters, letter: Letter) -> EmailMessage:
    """The letter as an unsent email draft: To the directory's email (else none), plain text.

    X-Unsent marks it a draft, so Outlook opens it ready to send rather than as received mail.
    """
    message = EmailMessage(policy=email_policy)
    board, meeting = letters.board, letters.meeting
    day = meeting.scheduled_start.date()
    subject = f"{board.name}, {long_date(day)}: your actions"
    if letter.confidential:
        subject = f"{CONFIDENTIAL}: {subject}"
    message["Subject"] = _header_text(subject)
    if letter.email is not None:
        message["To"] = Address(_header_text(letter.owner), addr_spec=letter.email)
    contact = board.contact
    sender = _address(contact.email) if contact is not None else None
    if contact is not None and sender is not None:
        message["From"] = Address(_header_text(contact.name), addr_spec=sender)
    message["X-Unsent"] = "1"
    # Centred lines are for a page; a mail program shows them ragged, so they go flush left.
    flush = [
        replace(b, kind=Kind.PARAGRAPH) if b.kind in (Kind.MASTHEAD, Kind.HEADING1) else b
        for b in letter_blocks(letters, letter)
    ]
    body = blocks_text(flush, width=EMAIL_WIDTH).lstrip("\n")
    message.set_content(CONTROL_CHARACTERS.sub("", body), cte="quoted-printable")
    return message


# -- the files -------------------------------------------------------------------------------


def _file_stems(letters: OwnerLetters) -> list[str]:
    """ "TAB actions 2023-10-17 Stephen Bramah": one per letter, never two alike (in any case)."""
    name = letters.board.name
    initials = "".join(w[0] for w in name.split() if w[:1].isalpha() and w[0].isupper())
    start = (
        f"{file_name_part(initials or name, 'Board')} actions"
        f" {letters.meeting.scheduled_start:%Y-%m-%d}"
    )
    stems: list[str] = []
    taken: set[str] = set()
    for n, letter in enumerate(letters.letters, start=1):
        stem = f"{start} {file_name_part(letter.owner, f'owner {n}', max_bytes=80)}"
        candidate, count = stem, 1
        while candidate.casefold() in taken:
            count += 1
            candidate = f"{stem} ({count})"
        taken.add(candidate.casefold())
        stems.append(candidate)
    return stems


def letter_paths(letters: OwnerLetters, folder: Path) -> list[tuple[Path, Path]]:
    """Where each letter's Word file and email draft go."""
    return [(folder / f"{stem}.docx", folder / f"{stem}.eml") for stem in _file_stems(letters)]


def write_owner_letters(
    store: Store,
    meeting_id: int,
    folder: Path,
    *,
    confidential: bool = False,
    template: Path | None = None,
    force: bool = False,
    pdf: bool = False,
    progress: Progress | None = None,
) -> tuple[OwnerLetters, list[Path]]:
    """Write each owner's letter (.docx) and email draft (.eml) into the folder.

    pdf: the PDFs the caller will make beside the letters are checked with them (made by
    exporters.pdf once the letters are written). Every target is checked before the first
    is written; should one fail midway (a full
    disk), the files this run made are taken away again, so nothing is left half-done.
    """
    folder = Path(folder).expanduser()
    if not folder.exists():
        raise ExportError(f"cannot write to {folder}: the folder does not exist")
    if not folder.is_dir():
        raise ExportError(f"cannot write to {folder}: it is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write to {folder}: the folder is not writable")
    letters = build_owner_letters(store, meeting_id, confidential=confidential)
    template = template or board_template(store, letters.meeting.board_id)
    paths = letter_paths(letters, folder)
    check_distinct(
        [p for pair in paths for p in pair], [p for p in (template, store.path) if p is not None]
    )
    for word, eml in paths:
        check_target(word, force=force)
        check_target(eml, force=force)
        if pdf:
            check_target(word.with_suffix(".pdf"), force=force)
    made: list[Path] = []
    total = len(paths)
    try:
        for done, (letter, (word, eml)) in enumerate(
            zip(letters.letters, paths, strict=True), start=1
        ):
            for path in (word, eml):
                if not path.exists():
                    made.append(path)
            title = f"Actions for {letter.owner}: {_meeting_words(letters.board, letters.meeting)}"
            write_document(
                _page(letters, letter),
                word,
                title,
                template=template,
                force=force,
                private=letter.confidential,
            )
            data = letter_email(letters, letter).as_bytes(policy=_EML_POLICY)

            def write(handle: BinaryIO, data: bytes = data) -> None:
                handle.write(data)

            write_atomically(eml, write, force=force, private=letter.confidential)
            if progress is not None:
                progress(done, total)
    except BoardTuiError:
        for path in made:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return letters, [p for pair in paths for p in pair]
