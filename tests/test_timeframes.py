"""Time frames as clerks write them, and the due dates they give."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from board_tui.timeframes import parse_time_frame

PLAN_DATE = dt.date(2022, 11, 3)  # the Engagement Leads Group plan's update

CASES = [
    ("End of Nov 22", "2022-11-30"),
    ("End Oct 2022", "2022-10-31"),
    ("End of Dec 22", "2022-12-31"),
    ("End of Jan 23", "2023-01-31"),
    ("Mid Nov", "2022-11-15"),
    ("Complete by mid Dec", "2022-12-15"),
    ("Mid-Dec", "2022-12-15"),
    ("By Mid Jan", "2023-01-15"),
    ("Mid February", "2023-02-15"),
    ("Mid-March", "2023-03-15"),
    ("End of April", "2023-04-30"),
    ("End of Dec", "2022-12-31"),
    ("2 Dec", "2022-12-02"),
    ("Sept", "2022-09-30"),
    ("early March", "2023-03-07"),
    ("beginning of June 2023", "2023-06-01"),
    ("5/1/23", "2023-01-05"),
    ("05/01/2023", "2023-01-05"),
    ("2023-01-05", "2023-01-05"),
    ("5 January 2023", "2023-01-05"),
    ("5th of Jan", "2023-01-05"),
    ("January 2023", "2023-01-31"),
    ("Feb Board 23", "2023-02-28"),
    ("March 23 Board", "2023-03-31"),
    ("THT Board March 23", "2023-03-31"),
    ("January ELG meeting", "2023-01-31"),
    ("Jan Engagement Leads Group", "2023-01-31"),
    ("Feb Engagement Leads Group meeting", "2023-02-28"),
    ("May meeting– dependant on workshop timing", "2023-05-31"),
    ("Late Feb to Late March", "2023-03-25"),
    ("Late Feb to Late March - dependant on workshop format", "2023-03-25"),
    ("Through mid-March to end of March", "2023-03-31"),
    ("End of March for April Board", "2023-03-31"),
    ("Q3 2017/18", "2017-12-31"),
    ("Q4 2022/23", "2023-03-31"),
    ("Q1 23/24", "2023-06-30"),
    ("Q3 2023", "2023-12-31"),
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
    ("31/2/23", None),
]


@pytest.mark.parametrize(("words", "due"), CASES)
def test_phrases_clerks_write(words: str, due: str | None) -> None:
    found = parse_time_frame(words, reference=PLAN_DATE)
    assert (found.isoformat() if found else None) == due


def test_a_board_meeting_in_the_month_is_the_due_date_when_it_exists() -> None:
    meetings = [dt.date(2023, 2, 9), dt.date(2023, 3, 2), dt.date(2023, 5, 4)]
    assert parse_time_frame("Feb Board 23", reference=PLAN_DATE, meetings=meetings) == dt.date(
        2023, 2, 9
    )
    assert parse_time_frame("March 23 Board", reference=PLAN_DATE, meetings=meetings) == dt.date(
        2023, 3, 2
    )
    assert parse_time_frame(
        "May meeting– dependant on workshop timing", reference=PLAN_DATE, meetings=meetings
    ) == dt.date(2023, 5, 4)
    # A phrase that names a day, not a meeting, ignores the meetings.
    assert parse_time_frame("Mid-March", reference=PLAN_DATE, meetings=meetings) == dt.date(
        2023, 3, 15
    )


def test_the_year_of_a_year_less_phrase_follows_the_plan_date() -> None:
    assert parse_time_frame("Mid Nov", reference=dt.date(2023, 11, 3)) == dt.date(2023, 11, 15)
    # Three months back from the plan date still counts as this year's month ...
    assert parse_time_frame("End of Aug", reference=PLAN_DATE) == dt.date(2022, 8, 31)
    # ... and the month before that is next year's.
    assert parse_time_frame("End of Jul", reference=PLAN_DATE) == dt.date(2023, 7, 31)


@given(st.text(max_size=400))
def test_never_raises_on_any_text(text: str) -> None:
    found = parse_time_frame(text, reference=PLAN_DATE)
    assert found is None or isinstance(found, dt.date)


@given(st.text(alphabet=" 0123456789/-.QqEndofMidLateJanFebtoBoard", max_size=60))
def test_never_raises_on_date_like_noise(text: str) -> None:
    found = parse_time_frame(text, reference=PLAN_DATE)
    assert found is None or isinstance(found, dt.date)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_uk_numeric_dates_round_trip(day: dt.date) -> None:
    short = f"{day.day}/{day.month}/{day.year % 100:02d}"
    long = f"{day.day:02d}/{day.month:02d}/{day.year}"
    assert parse_time_frame(short, reference=PLAN_DATE) == day
    assert parse_time_frame(long, reference=PLAN_DATE) == day


@given(
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.sampled_from([" to ", " - ", " – ", " until "]),
)
def test_a_range_is_due_at_its_later_end(a: dt.date, b: dt.date, joiner: str) -> None:
    text = f"{a:%d/%m/%Y}{joiner}{b:%d/%m/%Y}"
    assert parse_time_frame(text, reference=PLAN_DATE) == max(a, b)
