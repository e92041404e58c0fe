"""Time frames as clerks write them, and the due dates they give."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from board_tui.domain.timeframes import MAX_LENGTH, describe_rule, parse_time_frame

PLAN_DATE = dt.date(2022, 11, 3)  # the Engagement Leads Group plan's update
MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]


def due(
    words: str, *, reference: dt.date = PLAN_DATE, meetings: Sequence[dt.date] = ()
) -> str | None:
    """The due date as ISO text, so a failing case reads plainly."""
    found = parse_time_frame(words, reference=reference, meetings=meetings)
    return found.isoformat() if found else None


CASES = [
    # End of a month, with a year.
    ("End of Nov 22", "2022-11-30"),
    ("End Oct 2022", "2022-10-31"),
    ("End of Dec 22", "2022-12-31"),
    ("End of Jan 23", "2023-01-31"),
    ("END OF NOV 22", "2022-11-30"),
    ("(End of Nov 22.)", "2022-11-30"),
    ("End-Nov-22", "2022-11-30"),
    ("Nov22", "2022-11-30"),
    ("Nov '22", "2022-11-30"),
    ("end of feb 24", "2024-02-29"),
    # Parts of a year-less month: the year comes from the plan's date.
    ("Mid Nov", "2022-11-15"),
    ("Complete by mid Dec", "2022-12-15"),
    ("Mid-Dec", "2022-12-15"),
    ("Mid\u2013Dec", "2022-12-15"),
    ("Mid\u2011Dec", "2022-12-15"),
    ("By Mid Jan", "2023-01-15"),
    ("Mid February", "2023-02-15"),
    ("Mid-March", "2023-03-15"),
    ("End of April", "2023-04-30"),
    ("End of Dec", "2022-12-31"),
    ("End of Nov", "2022-11-30"),
    ("End of the month of Sept", "2022-09-30"),
    ("Sept", "2022-09-30"),
    ("Sept.", "2022-09-30"),
    ("early March", "2023-03-07"),
    ("Late Jan", "2023-01-25"),
    ("Start of Feb", "2023-02-01"),
    ("beginning of June 2023", "2023-06-01"),
    ("by the end of the\u00a0month of July", "2023-07-31"),
    ("Febuary", "2023-02-28"),
    # Days.
    ("2 Dec", "2022-12-02"),
    ("5th of Jan", "2023-01-05"),
    ("Dec 2nd", "2022-12-02"),
    ("w/c 5 Dec", "2022-12-05"),
    ("5 January 2023", "2023-01-05"),
    ("December 5, 2023", "2023-12-05"),
    ("5-Jan-23", "2023-01-05"),
    # Numbers: UK day-first, and ISO.
    ("5/1/23", "2023-01-05"),
    ("05/01/2023", "2023-01-05"),
    ("5.1.23", "2023-01-05"),
    ("5-1-23", "2023-01-05"),
    ("2023-01-05", "2023-01-05"),
    ("10/11", "2022-11-10"),
    ("29/2/24", "2024-02-29"),
    ("January 2023", "2023-01-31"),
    # Meetings, with no meeting days known: the end of the month.
    ("Feb Board 23", "2023-02-28"),
    ("March 23 Board", "2023-03-31"),
    ("THT Board March 23", "2023-03-31"),
    ("January ELG meeting", "2023-01-31"),
    ("Jan Engagement Leads Group", "2023-01-31"),
    ("Feb Engagement Leads Group meeting", "2023-02-28"),
    ("May meeting– dependant on workshop timing", "2023-05-31"),
    ("Board in March", "2023-03-31"),
    # Ranges, and the first date named as the deadline.
    ("Late Feb to Late March", "2023-03-25"),
    ("Late Feb to Late March - dependant on workshop format", "2023-03-25"),
    ("Late Feb (to Late March)", "2023-03-25"),
    ("Through mid-March to end of March", "2023-03-31"),
    ("End of March for April Board", "2023-03-31"),
    ("End of March, report to April Board", "2023-03-31"),
    ("Nov 22 \u2013 Jan 23", "2023-01-31"),
    ("Nov/Dec", "2022-12-31"),
    ("Jun to Sept", "2023-09-30"),
    ("5 Jan-10 Feb", "2023-02-10"),
    ("22nd-25th Nov", "2022-11-25"),
    ("31/2/23 to 5/3/23", "2023-03-05"),
    ("Late Feb to March Board", "2023-03-31"),
    # Financial-year quarters and years.
    ("Q3 2017/18", "2017-12-31"),
    ("Q4 2022/23", "2023-03-31"),
    ("Q1 23/24", "2023-06-30"),
    ("Q1 2023", "2023-06-30"),
    ("Q3 2023", "2023-12-31"),
    ("Q4 2023", "2024-03-31"),
    ("2023/24 Q3", "2023-12-31"),
    ("Q4", "2023-03-31"),
    ("Q2", "2022-09-30"),
    ("2022/23", "2023-03-31"),
    ("FY22/23", "2023-03-31"),
    ("23/24", "2024-03-31"),
    ("year end", "2023-03-31"),
    ("End of financial year 2023/24", "2024-03-31"),
    # Whole years.
    ("2024", "2024-12-31"),
    ("mid 2024", "2024-06-30"),
    ("start of 2024", "2024-01-01"),
    # "May" the month, and "may" the verb.
    ("by may", "2023-05-31"),
    ("May", "2023-05-31"),
    ("this may slip", None),
    ("May slip to June", "2023-06-30"),
    # No date.
    ("TBC", None),
    ("tbc", None),
    ("On-going", None),
    ("Ongoing", None),
    ("On-going following board decision", None),
    ("New time frame to be developed", None),
    ("Action to be confirmed", None),
    ("Before next meeting", None),
    ("", None),
    ("   ", None),
    ("\u200b\u00a0\t\n", None),
    ("31/2/23", None),
    ("0/0/00", None),
    ("Q5", None),
]


@pytest.mark.parametrize(("words", "expected"), CASES)
def test_phrases_clerks_write(words: str, expected: str | None) -> None:
    assert due(words) == expected


MEETINGS = [
    dt.date(2022, 2, 10),  # a year too early for "Feb Board 23"
    dt.date(2023, 1, 12),
    dt.date(2023, 2, 23),
    dt.date(2023, 2, 9),  # two in February: the first is the one
    dt.date(2023, 3, 2),
    dt.date(2023, 5, 4),
]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Feb Board 23", "2023-02-09"),
        ("March 23 Board", "2023-03-02"),
        ("THT Board March 23", "2023-03-02"),
        ("January ELG meeting", "2023-01-12"),
        ("Jan Engagement Leads Group", "2023-01-12"),
        ("Feb Engagement Leads Group meeting", "2023-02-09"),
        ("May meeting– dependant on workshop timing", "2023-05-04"),
        ("Before next meeting", "2023-01-12"),
        ("next Board", "2023-01-12"),
        # No meeting that month: its end.
        ("April Board", "2023-04-30"),
        # Words that name a day, not a meeting, ignore the meetings.
        ("Mid-March", "2023-03-15"),
        ("End of Feb", "2023-02-28"),
        ("End of March for April Board", "2023-03-31"),
    ],
)
def test_a_meeting_in_the_month_is_the_due_date_when_there_is_one(
    words: str, expected: str
) -> None:
    assert due(words, meetings=MEETINGS) == expected


def test_meeting_days_given_as_datetimes_are_read_as_days() -> None:
    meetings = [dt.datetime(2023, 2, 9, 14, 0)]
    assert due("Feb Board 23", meetings=meetings) == "2023-02-09"
    assert due("next board", meetings=meetings, reference=dt.datetime(2022, 11, 3, 9)) == (
        "2023-02-09"
    )


def test_next_meeting_with_none_after_the_plan_date_has_no_date() -> None:
    assert due("next board", meetings=[dt.date(2022, 10, 6)]) is None


@pytest.mark.parametrize(
    ("words", "reference", "expected"),
    [
        ("Mid Nov", dt.date(2023, 11, 3), "2023-11-15"),
        # Three months back from the plan date is still this year's month ...
        ("End of Aug", PLAN_DATE, "2022-08-31"),
        # ... and the month before that is next year's.
        ("End of Jul", PLAN_DATE, "2023-07-31"),
        ("Mid Jan", dt.date(2023, 1, 20), "2023-01-15"),
        ("Dec", dt.date(2023, 2, 1), "2022-12-31"),
        ("Q1", dt.date(2023, 5, 1), "2023-06-30"),
        ("year end", dt.date(2023, 3, 31), "2023-03-31"),
        ("year end", dt.date(2023, 4, 1), "2024-03-31"),
    ],
)
def test_the_year_of_a_year_less_phrase_follows_the_plan_date(
    words: str, reference: dt.date, expected: str
) -> None:
    assert due(words, reference=reference) == expected


def test_only_the_start_of_a_long_entry_is_read() -> None:
    assert due("End of Nov 22 " + "x" * 1_000_000) == "2022-11-30"
    assert due("x" * MAX_LENGTH + " End of Nov 22") is None


def test_dates_beyond_the_calendar_give_no_date() -> None:
    assert due("Mid Feb", reference=dt.date.max) is None
    assert due("Mid Nov", reference=dt.date.max) == "9999-11-15"
    assert due("Mid Nov", reference=dt.date.min) is None


def test_the_rules_are_documented_once_for_code_and_readme() -> None:
    rules = describe_rule()
    assert "three months before the plan's date" in rules
    assert "early" in rules and "the 7th" in rules and "the 25th" in rules
    assert '"Q4 2023" 31 March 2024' in rules
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert " ".join(rules.split()) in " ".join(readme.split())


# ---------------------------------------------------------------------------------------------
# Properties.

ANY_CHARACTER = st.one_of(
    st.characters(codec=None, exclude_categories=()),
    st.characters(categories=["Cs"]),  # lone surrogates
    st.sampled_from("0123456789/-.'٥١٢٣\u2013\u00a0QqEndofMidLateNovDecMayBoard"),
)
DAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))


@given(
    st.text(ANY_CHARACTER, max_size=300),
    st.dates(),
    st.lists(st.dates(), max_size=4),
)
def test_never_raises_on_any_text(text: str, reference: dt.date, meetings: list[dt.date]) -> None:
    found = parse_time_frame(text, reference=reference, meetings=meetings)
    assert found is None or type(found) is dt.date


@given(st.text(alphabet=" 0123456789/-.Qq'EndofMidLateJanFebMaytoBoardnextFY", max_size=60))
def test_never_raises_on_date_like_noise(text: str) -> None:
    found = parse_time_frame(text, reference=PLAN_DATE, meetings=MEETINGS)
    assert found is None or type(found) is dt.date


@given(st.integers(1, 31), st.integers(1, 12), st.integers(0, 99))
def test_uk_numeric_dates_round_trip(d: int, m: int, yy: int) -> None:
    try:
        day: dt.date | None = dt.date(2000 + yy, m, d)
    except ValueError:
        day = None
    assert parse_time_frame(f"{d}/{m}/{yy:02d}", reference=PLAN_DATE) == day
    assert parse_time_frame(f"{d:02d}/{m:02d}/{2000 + yy}", reference=PLAN_DATE) == day


@st.composite
def phrases(draw: st.DrawFn, *, with_year: bool | None = None) -> str:
    """One date as a clerk might write it, in one of many shapes, with or without a year."""
    day = draw(DAYS)
    month = draw(st.sampled_from([MONTHS[day.month - 1], MONTHS[day.month - 1][:3]]))
    part = draw(st.sampled_from(["", "Early ", "Mid ", "Mid-", "Late ", "End of ", "Start of "]))
    yy = f"{day.year % 100:02d}"
    dated = [
        f"{day.day}/{day.month}/{yy}",
        f"{day:%d/%m/%Y}",
        day.isoformat(),
        f"{day.day} {month} {day.year}",
        f"{part}{month} {yy}",
        f"{part}{month} {day.year}",
        f"{month[:3]} Board {yy}",
        f"Q{day.month % 4 + 1} {day.year}/{(day.year + 1) % 100:02d}",
    ]
    undated = [f"{part}{month}", f"{day.day} {month}", f"Q{day.month % 4 + 1}"]
    shapes = {True: dated, False: undated, None: dated + undated}[with_year]
    return draw(st.sampled_from(shapes))


JOINERS = st.sampled_from([" to ", " - ", " \u2013 ", " until ", " through ", " / ", " or "])


@given(phrases(), phrases(), JOINERS, st.lists(DAYS, max_size=3))
def test_a_range_is_due_no_earlier_than_either_end(
    first: str, second: str, joiner: str, meetings: list[dt.date]
) -> None:
    found = parse_time_frame(first + joiner + second, reference=PLAN_DATE, meetings=meetings)
    for end in (first, second):
        alone = parse_time_frame(end, reference=PLAN_DATE, meetings=meetings)
        if alone is not None:
            assert found is not None and found >= alone


@given(DAYS, DAYS, JOINERS)
def test_a_range_of_dates_is_due_at_its_later_end(a: dt.date, b: dt.date, joiner: str) -> None:
    assert parse_time_frame(f"{a:%d/%m/%Y}{joiner}{b:%d/%m/%Y}", reference=PLAN_DATE) == max(a, b)


@given(
    DAYS,
    st.integers(1, 12),
    st.sampled_from(["", "Early ", "Mid ", "Late ", "End of ", "Beginning of "]),
)
def test_a_year_less_month_falls_in_the_window_around_the_plan_date(
    reference: dt.date, month: int, part: str
) -> None:
    found = parse_time_frame(part + MONTHS[month - 1], reference=reference)
    assert found is not None and found.month == month
    months_from_start = (found.year - reference.year) * 12 + found.month - reference.month + 3
    assert 0 <= months_from_start < 12


@given(phrases())
def test_case_does_not_matter(words: str) -> None:
    expected = parse_time_frame(words, reference=PLAN_DATE)
    assert parse_time_frame(words.upper(), reference=PLAN_DATE) == expected
    assert parse_time_frame(words.lower(), reference=PLAN_DATE) == expected


@given(phrases(with_year=True), DAYS)
def test_words_with_a_year_do_not_depend_on_the_plan_date(words: str, reference: dt.date) -> None:
    expected = parse_time_frame(words, reference=PLAN_DATE)
    assert expected is not None
    assert parse_time_frame(words, reference=reference) == expected
