"""The governance records of Part 2 business stay in the confidential annex: a vote on an
exempt item (its counts, names and casting vote) and the Schedule 12A paragraph it was taken
under never reach a public output, except that the resolution excluding the public, which
is public, cites the paragraph's number (never the item or the paragraph's words)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from board_tui.domain.exclusion import SCHEDULE_12A, exclusion_resolution
from board_tui.exporters.action_plan import write_action_plan
from board_tui.exporters.agenda import write_agenda
from board_tui.exporters.minutes import EXCLUSION_HEADING, minutes_text, write_minutes
from board_tui.services.chair_view import ChairFilter, read_chair
from board_tui.services.roundup import draft_roundup
from board_tui.storage.store import Store
from security.part2 import PART2_VOTES, PUBLIC_VOTE, Part2, build_part2, docx_text, leaks


@pytest.fixture
def part2(store: Store, clock) -> Part2:
    return build_part2(store, clock)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_votes_on_part2_decisions_only_in_the_annex(
    store: Store, part2: Part2, tmp_path: Path
) -> None:
    public, annex = tmp_path / "minutes.docx", tmp_path / "annex.docx"
    write_minutes(store, part2.meeting_id, public, exempt_annex=annex)
    for text in (docx_text(public), minutes_text(store, part2.meeting_id)):
        flat = _one_line(text)
        assert PUBLIC_VOTE in flat
        assert [v for v in PART2_VOTES if v in flat] == []
        assert leaks(text) == []
    secret = _one_line(docx_text(annex))
    assert [v for v in PART2_VOTES if v not in secret] == []
    assert "For: Cllr Secretvoter." in secret and PUBLIC_VOTE not in secret


def test_votes_on_part2_decisions_stay_off_public_screens(store: Store, part2: Part2) -> None:
    meeting = store.meeting(part2.meeting_id)
    shown = _one_line(repr(read_chair(store, meeting, ChairFilter(public=True))))
    assert [v for v in PART2_VOTES if v in shown] == []
    roundup = _one_line(draft_roundup(store, part2.meeting_id))
    assert [v for v in PART2_VOTES if v in roundup] == [] and leaks(roundup) == []


PARAGRAPH_WORDS = "financial or business affairs"
"""From paragraph 3's words, which the scenario's exempt item is taken under."""


def test_the_exclusion_resolution_is_public_and_says_no_more(
    store: Store, part2: Part2, tmp_path: Path
) -> None:
    assert PARAGRAPH_WORDS in SCHEDULE_12A[3]
    resolution = exclusion_resolution(store.board(part2.board_id).exclusion_rule, [3])
    public, annex = tmp_path / "minutes.docx", tmp_path / "annex.docx"
    write_minutes(store, part2.meeting_id, public, exempt_annex=annex)
    for text in (docx_text(public), minutes_text(store, part2.meeting_id)):
        flat = _one_line(text)
        assert resolution in flat and EXCLUSION_HEADING in flat
        assert PARAGRAPH_WORDS not in flat and leaks(text) == []
    paragraphs = [p.text for p in docx.Document(str(public)).paragraphs]
    at = paragraphs.index(resolution)  # once, just before the exempt item's one line
    assert paragraphs.count(resolution) == 1 and paragraphs[at + 1] == "4. EXEMPT ITEM (PART 2)"


def test_the_paragraph_of_a_part2_item_is_in_no_other_public_output(
    store: Store, part2: Part2, tmp_path: Path
) -> None:
    assert store.agenda_item(part2.parent_id).exempt_paragraph == 3
    agenda = docx_text(write_agenda(store, part2.meeting_id, tmp_path / "agenda.docx"))
    plan = docx_text(write_action_plan(store, part2.plan_id, tmp_path / "plan.docx"))
    shown = repr(read_chair(store, store.meeting(part2.meeting_id), ChairFilter(public=True)))
    for text in (agenda, plan, shown):
        assert PARAGRAPH_WORDS not in text and "Schedule 12A" not in text
        assert leaks(text) == []
    assert "exempt_paragraph=3" not in shown and "exempt_paragraph=None" in shown
