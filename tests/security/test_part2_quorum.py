"""A member's withdrawal from a Part 2 item (a pecuniary interest declared on it), and their
leaving during it, are part of that item's minute: the confidential annex carries them, the
public minutes never do (by the one exempt rule, domain.exempt)."""

from __future__ import annotations

from pathlib import Path

from board_tui.domain.model import AttendanceKind, Capacity
from board_tui.domain.quorum import InterestKind, QuorumRule
from board_tui.exporters.minutes import minutes_text, write_minutes
from board_tui.storage.store import Store
from security.part2 import build_part2, docx_text, leaks

WITHDREW = "Robin Member left the meeting for this item."
LEFT = "Alex Chair left the meeting."


def test_withdrawals_on_part2_items_only_in_the_annex(store: Store, clock, tmp_path: Path) -> None:
    part2 = build_part2(store, clock)
    store.set_quorum(part2.board_id, QuorumRule(count=1))
    robin = store.person_named("Robin Member")
    alex = store.person_named("Alex Chair")
    assert robin is not None and alex is not None
    for person in (robin, alex):
        store.record_attendance(
            part2.meeting_id, person.id, AttendanceKind.IN_PERSON, Capacity.MEMBER
        )
    store.add_declaration(
        part2.meeting_id,
        robin.id,
        "Secretinterest: a bidder for the site",
        agenda_item_id=part2.parent_id,
        kind=InterestKind.PECUNIARY,
    )
    store.record_departure(part2.meeting_id, alex.id)  # the meeting is on the exempt sub-item
    public, annex = tmp_path / "minutes.docx", tmp_path / "annex.docx"
    write_minutes(store, part2.meeting_id, public, exempt_annex=annex)
    for text in (docx_text(public), minutes_text(store, part2.meeting_id)):
        flat = " ".join(text.split())
        assert WITHDREW not in flat and LEFT not in flat
        assert leaks(text) == []
    secret = " ".join(docx_text(annex).split())
    assert WITHDREW in secret and LEFT in secret
