"""The status vocabulary: clerks' words and cell colours map onto seven statuses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from board_tui.domain.statuses import (
    STYLES,
    Status,
    parse_status,
    status_from_fill,
    status_from_words,
)


@pytest.mark.parametrize(
    ("words", "status"),
    [
        ("Completed", Status.COMPLETE),
        ("Done", Status.COMPLETE),
        ("Done (End of Nov)", Status.COMPLETE),
        ("On track", Status.ON_TRACK),
        ("Update: Deadlines adjusted to reflect more realistic delivery", Status.UPDATE_DUE),
        ("Deadlines adjusted", Status.UPDATE_DUE),
        ("Red", Status.OFF_TRACK),
        ("R", Status.OFF_TRACK),
        ("Amber", Status.AT_RISK),
        ("a", Status.AT_RISK),
        ("GREEN", Status.ON_TRACK),
        ("Not on track", Status.OFF_TRACK),
        ("Not started", Status.NEXT_STEP),
        ("Next step Actions", Status.NEXT_STEP),
        ("Delayed to Jan 23", Status.AT_RISK),
        ("Withdrawn - no longer required", Status.DROPPED),
        ("Actions complete", Status.COMPLETE),
        ("In progress", Status.ON_TRACK),
    ],
)
def test_words_clerks_write(words: str, status: Status) -> None:
    assert status_from_words(words) is status


@pytest.mark.parametrize("words", ["", "   ", "Pick up with Improvement Advisor", "A/G", "TBC"])
def test_words_that_name_no_status(words: str) -> None:
    assert status_from_words(words) is None


@pytest.mark.parametrize(
    ("fill", "status"),
    [
        ("D9EAD3", Status.COMPLETE),  # the Engagement Leads Group legend, exactly
        ("FFE599", Status.UPDATE_DUE),
        ("CFE2F3", Status.NEXT_STEP),
        ("#cfe2f3", Status.NEXT_STEP),
        ("00B050", Status.ON_TRACK),  # saturated RAG fills
        ("FFC000", Status.AT_RISK),
        ("FF0000", Status.OFF_TRACK),
        ("C6EFCE", Status.COMPLETE),  # Excel's "good" green, a near miss
    ],
)
def test_fills_clerks_use(fill: str, status: Status) -> None:
    assert status_from_fill(fill) is status


@pytest.mark.parametrize("fill", [None, "", "auto", "FFFFFF", "D9D9D9", "000000", "nonsense"])
def test_fills_that_carry_no_status(fill: str | None) -> None:
    assert status_from_fill(fill) is None


def test_every_status_has_a_style_and_the_legend_fills_are_kept() -> None:
    assert set(STYLES) == set(Status)
    assert (Status.COMPLETE.fill, Status.UPDATE_DUE.fill, Status.NEXT_STEP.fill) == (
        "D9EAD3",
        "FFE599",
        "CFE2F3",
    )
    assert not Status.COMPLETE.is_open
    assert not Status.DROPPED.is_open
    assert Status.AT_RISK.is_open


def test_parse_status_takes_values_and_words() -> None:
    assert parse_status("update_due") is Status.UPDATE_DUE
    assert parse_status("Update due") is Status.UPDATE_DUE
    assert parse_status("done") is Status.COMPLETE
    with pytest.raises(ValueError, match="not a status"):
        parse_status("purple")


@given(st.text(max_size=300))
def test_reading_words_never_raises(text: str) -> None:
    assert status_from_words(text) is None or isinstance(status_from_words(text), Status)


@given(st.text(max_size=12))
def test_reading_fills_never_raises(text: str) -> None:
    assert status_from_fill(text) is None or isinstance(status_from_fill(text), Status)
