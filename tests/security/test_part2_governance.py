"""The governance records of Part 2 business stay in the confidential annex: a vote on an
exempt item (its counts, names and casting vote) never reaches a public output, while the
public decision's vote is in the public minutes as usual."""

from __future__ import annotations

from pathlib import Path

import pytest

from board_tui.exporters.minutes import minutes_text, write_minutes
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
