"""The Part 2 scenario: an exempt item, its unflagged sub-item, and every kind of capture on both.

Every confidential word in it contains "secret" (in some case) and no public word does, so
a public output is clean when `leaks(text)` is empty. The public item beside them carries
PUBLIC_WORD in each kind of capture, so a test can tell an empty output from a clean one.

Import it from any test (`from security.part2 import build_part2, leaks`): the `serve`
websocket check uses it as the in-app and `chair` process checks do.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from board_tui.domain.model import MembershipRole, NoteKind, Status
from board_tui.domain.votes import Side, Vote
from board_tui.storage.store import Store

MARKER = "secret"
"""In every Part 2 word of the scenario, in one case or another."""
PUBLIC_VOTE = "11 for, 1 against, 2 abstentions"
"""How the public decision's vote went: in the public minutes."""
PART2_VOTES = ("9 for, 8 against", "6 for, 6 against", "casting vote")
"""How the Part 2 decisions' votes went: only in the confidential annex."""
PUBLIC_WORD = "Hubopening"
"""In the public item's captures: proof that an output held the meeting at all."""
_MARKED = re.compile(r"[^\s]*secret[^\s]*", re.IGNORECASE)


def leaks(text: str) -> list[str]:
    """The Part 2 words found in text (any case): empty when the text is clean."""
    return sorted(set(_MARKED.findall(text)))


@dataclass(frozen=True)
class Part2:
    """Ids of everything the scenario made, for tests that look closer."""

    board_id: int
    board_name: str
    meeting_id: int
    plan_id: int
    plan_title: str
    public_item_id: int
    parent_id: int
    """Flagged exempt."""
    sub_id: int
    """Under the parent, not flagged itself."""
    plan_item_id: int
    """A public plan item, linked to all three: updated in public and in Part 2."""
    other_plan_item_id: int
    public_step_id: int
    """A public next step on it, dropped in Part 2 with a secret reason."""
    part2_step_ids: tuple[int, int]
    """Next steps set in Part 2 on the public plan item (on the parent, on the sub-item)."""
    annex_words: tuple[str, ...]
    """What the confidential annex must carry: a word of each capture on both items."""


def build_part2(store: Store, clock: Any) -> Part2:
    """Build the scenario on an empty store; the meeting is left live on the sub-item.

    `clock` is the store's FakeClock: it is moved on between captures so that every
    status update has its own time, as in a real meeting.
    """
    clock.now = dt.datetime(2023, 12, 1, 9, 0)
    board = store.create_board("Scenario Board", "Example Council")
    chair = store.add_person("Alex Chair")
    member = store.add_person("Robin Member")
    store.add_member(board.id, chair.id, MembershipRole.CHAIR)
    store.add_member(board.id, member.id, MembershipRole.MEMBER, "Cabinet Member")

    plan = store.create_plan(board.id, "Engagement Plan", dated=dt.date(2023, 11, 3))
    item = store.add_plan_item(
        plan.id, "1", "Widen public engagement", lead="Pat Lead", status=Status.ON_TRACK
    )
    other = store.add_plan_item(plan.id, "2", "Run a public forum", lead="Jo Lead")
    public_step = store.add_action(
        "Publish the engagement calendar", plan_item_id=item.id, time_frame="End of March 24"
    )
    store.add_action("Book the forum venue", plan_item_id=other.id, time_frame="Feb 24")

    meeting = store.create_meeting(board.id, dt.datetime(2023, 12, 11, 14, 0), venue="Town Hall")
    welcome = store.add_agenda_item(meeting.id, "Welcome and Apologies", duration_minutes=5)
    store.add_agenda_item(meeting.id, "Declarations of Interest", duration_minutes=5)
    public = store.add_agenda_item(
        meeting.id,
        f"{PUBLIC_WORD} community hub programme",
        presenter="Kim Officer",
        duration_minutes=20,
        papers="Report A",
        chair_note=f"{PUBLIC_WORD}: the Board is asked to agree the hours.",
    )
    parent = store.add_agenda_item(
        meeting.id,
        "Secretparent land disposal",
        presenter="Secretpresenter Parent",
        duration_minutes=20,
        papers="Secretpapers Parent",
        exempt=True,
        exempt_paragraph=3,
        chair_note="Secretnote to the chair on the parent",
        comments_lead_in="Secretleadin The Board discussed the bids:",
    )
    sub = store.add_agenda_item(
        meeting.id,
        "Secretsub valuation of the site",
        parent_id=parent.id,
        presenter="Secretpresenter Sub",
        duration_minutes=10,
        papers="Secretpapers Sub",
        chair_note="Secretnote to the chair on the sub-item",
    )
    store.add_agenda_item(meeting.id, "Any Other Business", duration_minutes=5)
    for agenda_item in (public, parent, sub):
        store.link_plan_item(agenda_item.id, item.id)
    store.link_plan_item(public.id, other.id)

    clock.now = dt.datetime(2023, 12, 11, 14, 2)
    store.start_meeting(meeting.id)
    store.move_to_item(meeting.id, welcome.id)

    # -- the public item: every kind of capture, in public ------------------------------
    clock.now = dt.datetime(2023, 12, 11, 14, 10)
    store.move_to_item(meeting.id, public.id)
    voice = store.add_note(public.id, NoteKind.COMMENT, f"{PUBLIC_WORD} hours should be longer.")
    store.add_note(
        public.id, NoteKind.NARRATIVE, f"Kim Officer introduced the {PUBLIC_WORD} report."
    )
    public_decision = store.add_note(
        public.id, NoteKind.DECISION, f"It was agreed to extend the {PUBLIC_WORD} hours."
    )
    store.set_vote(public_decision.id, Vote(11, 1, 2))
    public_action = store.add_action(
        f"Draft the new {PUBLIC_WORD} times",
        agenda_item_id=public.id,
        owner="Kim Officer",
        time_frame="Jan Board 24",
    )
    clock.now = dt.datetime(2023, 12, 11, 14, 15)
    store.record_status_update(
        Status.ON_TRACK,
        f"{PUBLIC_WORD} forum planned",
        plan_item_id=other.id,
        meeting_id=meeting.id,
    )
    store.add_declaration(meeting.id, member.id, f"{PUBLIC_WORD} trustee", agenda_item_id=public.id)

    # -- the exempt item: every kind of capture, in Part 2 ------------------------------
    clock.now = dt.datetime(2023, 12, 11, 14, 30)
    store.move_to_item(meeting.id, parent.id)
    parent_comment = store.add_note(parent.id, NoteKind.COMMENT, "Secretcomment on the bids.")
    store.add_note(parent.id, NoteKind.NARRATIVE, "Secretnarrative: the officer explained.")
    parent_decision = store.add_note(
        parent.id, NoteKind.DECISION, "It was agreed to accept the Secretdecision bid."
    )
    parent_action = store.add_action(
        "Secretaction negotiate the terms",
        agenda_item_id=parent.id,
        owner="Secretowner Legal",
        time_frame="End of Jan 24 (secret timing)",
    )
    parent_step = store.add_action(
        "Secretstep brief the bidders",
        plan_item_id=item.id,
        agenda_item_id=parent.id,
        owner="Secretowner Step",
        time_frame="End of Jan 24 (secret timing)",
    )
    # A recorded vote, its names Part 2 words and its counts found nowhere public.
    store.set_vote(
        parent_decision.id,
        Vote(9, 8, 0, names_for=("Cllr Secretvoter",), names_against=("Cllr Secretopponent",)),
    )
    clock.now = dt.datetime(2023, 12, 11, 14, 35)
    store.record_status_update(
        Status.OFF_TRACK,
        "Secretupdate: the plan item slips",
        plan_item_id=item.id,
        meeting_id=meeting.id,
    )
    store.add_declaration(
        meeting.id, member.id, "Secretinterest in a bidder", agenda_item_id=parent.id
    )
    store.set_voice(
        parent_comment.id,
        source="Secretsource tenants' letter",
        decision_ids={parent_decision.id},
        action_ids={parent_action.id},
    )

    # -- its sub-item, not flagged itself: the same again --------------------------------
    clock.now = dt.datetime(2023, 12, 11, 14, 45)
    store.move_to_item(meeting.id, sub.id)
    sub_comment = store.add_note(sub.id, NoteKind.COMMENT, "Secretsubcomment on the valuation.")
    store.add_note(sub.id, NoteKind.NARRATIVE, "Secretsubnarrative: the valuer explained.")
    sub_decision = store.add_note(
        sub.id, NoteKind.DECISION, "It was agreed to note the Secretsubdecision valuation."
    )
    sub_action = store.add_action(
        "Secretsubaction instruct a second valuer",
        agenda_item_id=sub.id,
        owner="Secretowner Estates",
        time_frame="Secret: end of Feb 24",
    )
    sub_step = store.add_action(
        "Secretsubstep tell the tenants",
        plan_item_id=item.id,
        agenda_item_id=sub.id,
        time_frame="Secret: end of Feb 24",
    )
    store.set_vote(sub_decision.id, Vote(6, 6, 0, casting=Side.AGAINST))
    clock.now = dt.datetime(2023, 12, 11, 14, 50)
    store.record_status_update(
        Status.DROPPED,
        "Secretsubreason: the calendar waits for the sale",
        action_id=public_step.id,
        meeting_id=meeting.id,
    )
    store.add_declaration(
        meeting.id, chair.id, "Secretsubinterest: lives near the site", agenda_item_id=sub.id
    )
    store.set_voice(
        sub_comment.id,
        source="Secretsubsource residents' petition",
        decision_ids={sub_decision.id},
        action_ids={sub_action.id},
    )
    # A public comment in residents' voice, answered in public and in Part 2 alike.
    store.set_voice(
        voice.id,
        source=f"{PUBLIC_WORD} ward forum",
        decision_ids={public_decision.id, parent_decision.id, sub_decision.id},
        action_ids={public_action.id, sub_action.id},
    )
    clock.now = dt.datetime(2023, 12, 11, 14, 55)
    return Part2(
        board_id=board.id,
        board_name=board.name,
        meeting_id=meeting.id,
        plan_id=plan.id,
        plan_title=plan.title,
        public_item_id=public.id,
        parent_id=parent.id,
        sub_id=sub.id,
        plan_item_id=item.id,
        other_plan_item_id=other.id,
        public_step_id=public_step.id,
        part2_step_ids=(parent_step.id, sub_step.id),
        annex_words=(
            "Secretparent",
            "Secretsub",
            "Secretcomment",
            "Secretnarrative",
            "Secretdecision",
            "Secretaction",
            "Secretstep",
            "Secretinterest",
            "Secretsubcomment",
            "Secretsubnarrative",
            "Secretsubdecision",
            "Secretsubaction",
            "Secretsubstep",
            "Secretsubinterest",
            "Secretvoter",
            "Secretopponent",
        ),
    )


def docx_text(path: Path) -> str:
    """Every word a Word file holds: body, tables (nested too), headers, footers, properties."""
    import docx

    document = docx.Document(str(path))
    parts: list[str] = []

    def paragraphs(container: Any) -> None:
        parts.extend(p.text for p in container.paragraphs)
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    paragraphs(cell)

    paragraphs(document)
    for section in document.sections:
        for part in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
            section.even_page_header,
            section.even_page_footer,
        ):
            paragraphs(part)
    properties = document.core_properties
    parts += [properties.title or "", properties.subject or "", properties.keywords or ""]
    # Whatever python-docx does not model (text boxes, fields) is still in the XML.
    parts.append("".join(document.element.xpath("//w:t/text()")))
    return "\n".join(parts)
