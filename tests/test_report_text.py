"""The progress report's text: the marks the drafter writes are the marks the exporter reads,
words from the store never turn into marks, and the draft is kept as the officer edits it."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from board_tui.domain.report_text import (
    LineKind,
    ReportChoice,
    bullet,
    cover_line,
    heading,
    paragraph,
    placeholder,
    read_report,
    status_line,
    unfilled,
)
from board_tui.domain.statuses import Status
from board_tui.storage.store import Store


def test_the_marks_read_back() -> None:
    body = "\n".join(
        [
            cover_line("Board", "Health and Wellbeing Board"),
            cover_line("Meeting", "Tuesday 5 September 2017"),
            cover_line("Executive Key Decision?", placeholder("Yes or No")),
            "",
            heading(1, "Executive Summary"),
            "",
            paragraph("Implement a 'health creation' programme", lead="Action 1.1:"),
            "",
            heading(2, "Action 1.1"),
            "",
            status_line(Status.AT_RISK),
            "",
            heading(4, "3.1 What will we have achieved by the end of March 2018?"),
            "",
            bullet("Tower Hamlets Healthy Communities Programme in place"),
            bullet("Over the last six months", lead="5 September 2017, Board:"),
            "",
            placeholder("The reasons for the recommendations"),
        ]
    )
    report = read_report(body)
    assert report.cover == (
        ("Board", "Health and Wellbeing Board"),
        ("Meeting", "Tuesday 5 September 2017"),
        ("Executive Key Decision?", "[Yes or No]"),
    )
    assert [(line.kind, line.lead, line.text) for line in report.lines] == [
        (LineKind.HEADING1, "", "Executive Summary"),
        (LineKind.PARAGRAPH, "Action 1.1:", "Implement a 'health creation' programme"),
        (LineKind.HEADING2, "", "Action 1.1"),
        (LineKind.STATUS, "Status:", "At risk"),
        (LineKind.QUESTION, "", "3.1 What will we have achieved by the end of March 2018?"),
        (LineKind.BULLET, "", "Tower Hamlets Healthy Communities Programme in place"),
        (LineKind.BULLET, "5 September 2017, Board:", "Over the last six months"),
        (LineKind.PARAGRAPH, "", "[The reasons for the recommendations]"),
    ]
    assert report.lines[3].status is Status.AT_RISK
    assert unfilled(body) == ["Executive Key Decision?", "Action 1.1"]


def test_words_from_the_store_never_become_marks() -> None:
    said = [
        "# not a heading",
        "- not a bullet",
        "**not** bold",
        "Status: Done",
        "[TBC] by the workstream",
        "Board: a clerk's line",
        "\\ a backslash",
    ]
    body = "\n\n".join(
        [heading(1, "Progress"), *(paragraph(w) for w in said), *(bullet(w) for w in said)]
    )
    lines = read_report(body).lines
    assert [(line.kind, line.text) for line in lines[1:]] == [
        *((LineKind.PARAGRAPH, w) for w in said),
        *((LineKind.BULLET, w) for w in said),
    ]
    assert not any(line.is_placeholder for line in lines)


def test_an_officers_lines_join_and_a_bullet_continues() -> None:
    body = (
        "# Reasons\nThe action plan has been\ndeveloped with partners.\n"
        "- one\n  carried on\n- two\n"
    )
    lines = read_report(body).lines
    assert [(line.kind, line.text) for line in lines] == [
        (LineKind.HEADING1, "Reasons"),
        (LineKind.PARAGRAPH, "The action plan has been developed with partners."),
        (LineKind.BULLET, "one carried on"),
        (LineKind.BULLET, "two"),
    ]


def test_the_draft_is_kept_per_plan_meeting_and_version(store: Store, clock) -> None:
    board = store.create_board("Health and Wellbeing Board")
    plan = store.create_plan(board.id, "Communities Driving Change")
    meeting = store.create_meeting(board.id, dt.datetime(2017, 9, 5, 14))
    choice = ReportChoice(plan.id, meeting.id, refs=("1.1",), since=dt.date(2017, 4, 1))
    assert store.progress_report(plan.id, meeting.id) is None

    first = store.save_progress_report(choice, "First draft.\n", generated=True)
    assert (first.body, first.edited_at, first.choice) == ("First draft.\n", None, choice)
    clock.advance(minutes=5)
    edited = store.save_progress_report(choice, "The officer's words.\n")
    assert edited.edited_at == clock.now and edited.id == first.id
    assert store.progress_report(plan.id, meeting.id) == edited

    secret = ReportChoice(plan.id, meeting.id, confidential=True)
    store.save_progress_report(secret, "Confidential.\n", generated=True)
    other = ReportChoice(plan.id, None, months=3)
    store.save_progress_report(other, "For no meeting.\n", generated=True)
    public = store.progress_report(plan.id, meeting.id)
    assert public is not None and public.body == "The officer's words.\n"
    kept_secret = store.progress_report(plan.id, meeting.id, confidential=True)
    assert kept_secret is not None and kept_secret.body == "Confidential.\n"
    no_meeting = store.progress_report(plan.id, None)
    assert no_meeting is not None and no_meeting.choice.months == 3

    again = store.save_progress_report(
        ReportChoice(plan.id, meeting.id, section="Health creation"), "Again.\n", generated=True
    )
    assert again.edited_at is None and again.choice.section == "Health creation"
    assert again.choice.refs == () and again.id == first.id


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=5))
def test_any_words_read_back_as_themselves(said: list[str]) -> None:
    """Whatever a clerk typed comes back as the same words (on one line), never as a mark."""
    words = [" ".join(w.split()) for w in said]
    words = [w for w in words if w]
    body = "\n\n".join(
        [heading(1, "Progress"), *(paragraph(w) for w in words), *(bullet(w) for w in words)]
    )
    lines = read_report(body).lines
    assert [(line.kind, line.text) for line in lines[1:]] == [
        *((LineKind.PARAGRAPH, w) for w in words),
        *((LineKind.BULLET, w) for w in words),
    ]
