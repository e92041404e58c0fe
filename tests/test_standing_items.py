"""Which standing item a title is: real agenda titles, and business that only looks like one."""

from __future__ import annotations

import pytest

from board_tui.domain.standing_items import (
    Standing,
    is_business,
    matters_arising_home,
    standing_kinds,
)

W, AP, D, PM, MA, AOB, NM, CL = (
    Standing.WELCOME,
    Standing.APOLOGIES,
    Standing.DECLARATIONS,
    Standing.PREVIOUS_MINUTES,
    Standing.MATTERS_ARISING,
    Standing.ANY_OTHER_BUSINESS,
    Standing.NEXT_MEETING,
    Standing.CLOSE,
)


@pytest.mark.parametrize(
    ("title", "kinds"),
    [
        # The seeds: the Transformation Advisory Board's agenda and minutes.
        ("Welcome and Apologies", {W, AP}),
        ("1. Welcome and Apologies", {W, AP}),
        ("Declarations of Interest", {D}),
        ("Minutes of the Previous Meeting", {PM}),
        ("Any Other Business and Close", {AOB, CL}),
        ("Any Other Business", {AOB}),
        # Variants clerks write.
        ("Minutes from the previous meeting", {PM}),
        ("Minutes of the last meeting", {PM}),
        ("Previous minutes", {PM}),
        ("Minutes", {PM}),
        ("Approval of the minutes", {PM}),
        ("To approve the minutes of the meeting held on 17 October 2023", {PM}),
        ("Minutes – 17 October 2023", {PM}),
        ("Minutes and matters arising", {PM, MA}),
        ("Matters arising and action log", {MA}),
        ("Action log", {MA}),
        ("Review of actions from the last meeting", {MA}),
        ("Apologies for absence", {AP}),
        ("Apologies", {AP}),
        ("Declarations of disclosable pecuniary interests", {D}),
        ("Disclosures of interest", {D}),
        ("Declarations (if any)", {D}),
        ("A.O.B.", {AOB}),
        ("AOB", {AOB}),
        ("Any other urgent business", {AOB}),
        ("Urgent business", {AOB}),
        ("Date of next meeting", {NM}),
        ("Date and time of the next meeting", {NM}),
        ("Close", {CL}),
        ("Chair's welcome", {W}),
        ("Introductions", {W}),
        # The board's business, even when a word looks standing.
        ("Community Engagement Strategy", set()),
        ("Partnership Working", set()),
        ("Proposed closure of two day centres", set()),
        ("Declaration of a Climate Emergency: one year on", set()),
        ("Minutes of the Health Scrutiny Sub-Committee (for noting)", set()),
        ("School attendance strategy", set()),
        ("THT action plan update", set()),
        ("Welcome Centre funding bid", set()),
    ],
)
def test_what_each_title_is(title: str, kinds: set[Standing]) -> None:
    assert standing_kinds(title) == kinds


def test_business_includes_any_other_business_but_no_other_standing_item() -> None:
    assert is_business("Partnership Working")
    assert is_business("Any Other Business")
    assert not is_business("Minutes from the previous meeting")
    assert not is_business("Welcome and Apologies")


def test_matters_arising_are_walked_under_their_own_item_else_the_previous_minutes() -> None:
    agenda = [(1, "Welcome"), (2, "Minutes from the previous meeting"), (3, "Budget")]
    assert matters_arising_home(agenda) == 2
    agenda.append((4, "Matters arising"))
    assert matters_arising_home(agenda) == 4
    assert matters_arising_home([(1, "Welcome"), (2, "Budget")]) is None
