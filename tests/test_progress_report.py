"""The progress report, read back from Word: the council report's sections in order, three
questions per action, every update in the window once and in date order with its meeting,
statuses in their colours, nothing that is not the store's words or a placeholder."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from export_docs import header_text, open_docx, texts
from progress_docs import NEW_STEPS, SAID, SINCE, Recorded, record_december

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.report_text import ReportChoice
from board_tui.domain.statuses import Status
from board_tui.services.progress_draft import draft_report
from board_tui.services.progress_report import DEFAULT_SECTIONS, export_progress_report
from board_tui.storage.store import Store

QUESTIONS = (
    re.compile(r"What will we have achieved( by .+)?\?"),
    re.compile(r"What progress has been made\?"),
    re.compile(r"What will have been achieved in the next (\w+) months\?"),
)


@pytest.fixture
def recorded(demo_store: Store, clock) -> Recorded:
    return record_december(demo_store, clock)


def _choice(recorded: Recorded, **changes: Any) -> ReportChoice:
    return ReportChoice(recorded.plan_id, recorded.meeting_id, **{"since": SINCE, **changes})


def _write(store: Store, choice: ReportChoice, path: Path, **kwargs: Any) -> Any:
    export_progress_report(store, choice, draft_report(store, choice, **kwargs), path)
    return open_docx(path)


def _between(document: Any, start: str, stop: str | None) -> list[Any]:
    """The paragraphs after the one that starts with `start`, up to the next that starts
    with `stop` (or the next heading or question)."""
    found: list[Any] = []
    inside = False
    for p in document.paragraphs:
        if inside:
            if (stop and p.text.startswith(stop)) or p.style.name.startswith("Heading"):
                break
            found.append(p)
        elif p.text.startswith(start):
            inside = True
    return found


def _fill(p: Any) -> str | None:
    shd = p._p.find(f"{qn('w:pPr')}/{qn('w:shd')}")
    return None if shd is None else shd.get(qn("w:fill"))


def test_the_report_has_the_council_reports_sections_in_order(
    demo_store: Store, recorded: Recorded, tmp_path: Path
) -> None:
    document = _write(demo_store, _choice(recorded), tmp_path / "report.docx")
    assert texts(document, "Heading 1") == [
        "Executive Summary",
        "Recommendations",
        *(title for title, _asks in DEFAULT_SECTIONS),
        "Appendices and Background Documents",
    ]
    refs = [str(n) for n in range(1, 16)]
    assert texts(document, "Heading 2") == [
        *(f"Action {ref}" for ref in refs),
        "Appendices",
        "Background Documents",
        "Contact officer",
    ]
    # Each action: its recommendation as its heading, its status, the three questions.
    plan_items = demo_store.plan_items(recorded.plan_id)
    threes = texts(document, "Heading 3")
    assert threes[::4] == [i.recommendation for i in plan_items]
    questions = [t for n, t in enumerate(threes) if n % 4]
    assert len(questions) == 3 * len(plan_items)
    for index, question in enumerate(questions):
        number, words = question.split(" ", 1)
        assert number == f"3.{index + 1}"
        assert QUESTIONS[index % 3].fullmatch(words), question
    assert questions[0] == "3.1 What will we have achieved by the end of March 2024?"
    assert questions[2] == "3.3 What will have been achieved in the next six months?"

    cover = [p.text for p in document.paragraphs[:4]]
    assert cover == [
        "Transformation Advisory Board Monday 11 December 2023",
        "Report of Tower Hamlets Together",
        "Classification: Unrestricted",
        f"{demo_store.plan(recorded.plan_id).title} \u2013 Progress Report",
    ]
    officer = "Jon Williams, Engagement and Community Communications Manager for Tower Hamlets"
    assert [[c.text for c in row.cells] for row in document.tables[0].rows] == [
        ["Lead Officer", officer],
        ["Contact Officers", officer],
        ["Executive Key Decision?", "[Yes or No]"],
    ]
    assert header_text(document) == (
        "TRANSFORMATION ADVISORY BOARD, 11/12/2023\tPROGRESS REPORT (UNRESTRICTED)"
    )
    labels = [row.cells[0].paragraphs[0].runs[0] for row in document.tables[0].rows]
    assert [run.style.name for run in labels] == ["Strong"] * 3  # bold, as councils set them
    contact = _between(document, "Contact officer", None)
    assert [p.text for p in contact] == [
        f"{officer}, NHS North East London",
        "jon.williams7@nhs.net",
    ]
    assert contact[0].paragraph_format.keep_with_next  # the email never alone on a page


def test_every_update_in_the_window_once_in_date_order_with_its_meeting(
    demo_store: Store, recorded: Recorded, tmp_path: Path
) -> None:
    document = _write(demo_store, _choice(recorded), tmp_path / "report.docx")
    progress = _between(document, "3.2 What progress has been made?", "3.3")
    assert [p.text for p in progress] == [
        "3 November 2022, on the action plan: Draft public comms on the purpose and aim of"
        " THT: Next step \u2192 Complete.",
        "3 November 2022, on the action plan: Review of other models and options (e.g."
        " Foundation Trust governing bodies): Next step \u2192 On track.",
        "3 November 2022, on the action plan: Engagement Manager to identify forums to discuss"
        " THT accountability and transparency: Next step \u2192 On track.",
        "11 December 2023, Transformation Advisory Board: Review of other models and options"
        " (e.g. Foundation Trust governing bodies): On track \u2192 Complete. Review of other"
        " models completed.",
        "11 December 2023, Transformation Advisory Board: Develop options paper for THT Board:"
        " Next step \u2192 At risk. Options paper delayed: the Board asked for it in March.",
        "11 December 2023, Transformation Advisory Board: Next step set: Bring the"
        " accountability options paper to the THT Board (End of March 2024).",
    ]
    assert all(p.style.name == "List Bullet" for p in progress)
    assert [p.runs[0].text for p in progress][-1] == (
        "11 December 2023, Transformation Advisory Board:"
    )
    whole = "\n".join(p.text for p in document.paragraphs)
    for said in (s[4] for s in SAID):
        assert whole.count(said) == 1, said
    for words in (s[2] for s in NEW_STEPS):
        assert whole.count(f"Next step set: {words}") == 1, words
    # Every update in the store said in the window is there, and nothing else is.
    plan_items = demo_store.plan_items(recorded.plan_id)
    in_window = [
        e
        for item in plan_items
        for e in demo_store.history(plan_item_id=item.id, public=True)
        if e.event == "update" and e.at.date() >= SINCE
    ]
    updates = [p for p in document.paragraphs if re.match(r"\d+ \w+ 20\d\d, ", p.text)]
    assert len(updates) == len(in_window) + len(NEW_STEPS)
    # Within each action, the updates are in date order.
    for ref in ("1", "12"):
        index = [i.ref for i in plan_items].index(ref)
        progress = _between(document, f"3.{3 * index + 2} What progress", None)
        days = [dt.datetime.strptime(p.runs[0].text.split(",")[0], "%d %B %Y") for p in progress]
        assert days == sorted(days) and len(days) >= 2


def test_statuses_in_their_colours_and_the_summary_says_where_each_stands(
    demo_store: Store, recorded: Recorded, tmp_path: Path
) -> None:
    document = _write(demo_store, _choice(recorded), tmp_path / "report.docx")
    shaded = [(p.text, _fill(p)) for p in document.paragraphs if p.text.startswith("Status:")]
    plan_items = demo_store.plan_items(recorded.plan_id)
    assert shaded == [(f"Status: {i.status.label}", i.status.fill) for i in plan_items]
    assert shaded[0] == ("Status: Next step", Status.NEXT_STEP.fill)  # item 1: no update to it
    assert shaded[11] == ("Status: On track", Status.ON_TRACK.fill)  # item 12, said in December

    summary = _between(document, "The actions reported on", "Recommendations")
    lines = [p.text for p in summary]
    assert lines[0].startswith("Action 1: Consider options for THT board critical friends")
    assert lines[1] == (
        "Next step. Next steps: 5 (1 next step, 1 on track, 1 at risk, 2 complete)."
        " Completed in this period: Draft public comms on the purpose and aim of THT; Review of"
        " other models and options (e.g. Foundation Trust governing bodies)."
        " Overdue: Engagement Manager to identify forums to discuss THT accountability and"
        " transparency (End of Dec 22); Develop options paper for THT Board (Feb Board 23)."
    )
    assert lines[3] == (
        "Complete. Next steps: 4 (all complete). Completed in this period: Draft and circulate"
        " Job Description; Review and design recruitment process; Open recruitment and share"
        " through local networks and contacts; Interviews."
    )


def test_the_window_the_actions_and_the_next_months(
    demo_store: Store, recorded: Recorded, tmp_path: Path
) -> None:
    # Only two actions, from after the plan's own updates to the day before the meeting.
    choice = _choice(
        recorded, refs=("12", "1"), since=dt.date(2022, 12, 1), until=dt.date(2023, 12, 10)
    )
    document = _write(demo_store, choice, tmp_path / "before.docx")
    assert texts(document, "Heading 2")[:2] == ["Action 1", "Action 12"]
    whole = "\n".join(p.text for p in document.paragraphs)
    assert "3 November 2022" not in whole and "11 December 2023," not in whole
    assert "Bring the accountability options paper" not in whole  # set after the window
    assert "Status: On track" not in whole  # item 12 was put on track in December
    assert whole.count("[No update recorded from 1 December 2022 to 10 December 2023") == 2

    # The next four months from the meeting: the step due at the end of March 2024 is in,
    # the May 2024 one is not.
    document = _write(
        demo_store, _choice(recorded, refs=("1", "12"), months=4), tmp_path / "4.docx"
    )
    coming = _between(document, "3.3 What will have been achieved in the next four months?", None)
    assert [p.text for p in coming] == [
        "Bring the accountability options paper to the THT Board (End of March 2024)"
    ]
    later = _between(document, "3.6 What will have been achieved", None)
    assert [p.text for p in later] == [
        "[No open next step is due by 11 April 2024: what will be achieved]"
    ]
    six = _write(demo_store, _choice(recorded, refs=("12",)), tmp_path / "6.docx")
    coming = _between(six, "3.3 What will have been achieved in the next six months?", None)
    assert [p.text for p in coming] == [
        "Report the workshops' findings to the THT Board (May Board 24)"
    ]
    assert "3.1 What will we have achieved by May Board 24?" in texts(six, "Heading 3")

    with pytest.raises(BoardTuiError, match="no item 99"):
        draft_report(demo_store, _choice(recorded, refs=("99",)))
    with pytest.raises(BoardTuiError, match="no section 'Health'"):
        draft_report(demo_store, _choice(recorded, section="Health"))
    with pytest.raises(BoardTuiError, match=r"starts .* after it ends"):
        draft_report(demo_store, _choice(recorded, since=dt.date(2024, 1, 1)))


def test_a_section_of_the_plan(store: Store, tmp_path: Path) -> None:
    board = store.create_board("Health and Wellbeing Board", "London Borough of Tower Hamlets")
    plan = store.create_plan(board.id, "Health and Wellbeing Strategy", dated=dt.date(2017, 4, 1))
    for ref, section in (("1.1", "Communities Driving Change"), ("2.1", "Employment and Health")):
        store.add_plan_item(plan.id, ref, f"Action {ref} words", section=section)
    choice = ReportChoice(plan.id, section="communities driving change", until=dt.date(2017, 9, 5))
    body = draft_report(store, choice)
    assert "## Action 1.1" in body and "## Action 2.1" not in body
    assert "Title: Health and Wellbeing Strategy, communities driving change" in body
    assert "Meeting: [The date of the meeting]" in body  # no meeting chosen: the officer says
    assert "Lead Officer: [Lead Officer]" in body  # the board has no officer
    document = _write(store, choice, tmp_path / "section.docx")
    assert "Report of London Borough of Tower Hamlets" in [p.text for p in document.paragraphs]


# -- no invented text ---------------------------------------------------------------------------

FRAMES = (
    "Report of",
    "Classification: Unrestricted",
    "Progress Report",
    "Lead Officer Contact Officers Executive Key Decision?",
    "Executive Summary The actions reported on, from to :",
    "Action : Next steps: ( all ). Completed in this period: ; Overdue:",
    "Recommendations The is recommended to: 1.",
    "DETAILS OF REPORT Lead: Status:",
    "What will we have achieved by the ? What progress has been made?",
    "What will have been achieved in the next six months?",
    "on the action plan Next step set: \u2192 Appendices and Background Documents Contact officer",
)
"""The report's own words: headings, questions and the frames around the store's words."""


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text.casefold()))


def test_every_word_is_the_stores_or_the_reports_frame(
    demo_store: Store, recorded: Recorded, tmp_path: Path
) -> None:
    """Take away the placeholders, the store's words and the fixed frames: nothing is left."""
    document = _write(demo_store, _choice(recorded), tmp_path / "report.docx")
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n" + "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    text = re.sub(r"\[[^\]]+\]", " ", text)  # placeholders the officer fills
    store_words: set[str] = set()
    plan = demo_store.plan(recorded.plan_id)
    store_words |= _words(plan.title)
    for item in demo_store.plan_items(plan.id):
        store_words |= _words(f"{item.recommendation} {item.lead or ''}")
        for step in demo_store.next_steps(item.id):
            store_words |= _words(f"{step.description} {step.time_frame or ''}")
        for update in demo_store.status_history(plan_item_id=item.id):
            store_words |= _words(f"{update.body} {update.label or ''}")
    for board in demo_store.boards():
        store_words |= _words(f"{board.name} {board.organisation or ''}")
    for person in demo_store.people():
        store_words |= _words(f"{person.name} {person.title} {person.organisation} {person.email}")
    store_words |= _words(" ".join(s.label for s in Status))
    store_words |= _words("Monday December November NEW ACTION Revised")
    frames = _words(" ".join(FRAMES)) | {
        title.casefold() for t, _a in DEFAULT_SECTIONS for title in _words(t)
    }
    left = _words(text) - store_words - frames
    assert left == set()


# -- the board's own report template ------------------------------------------------------------


def _template(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("REPORT TITLE", style="Title")
    document.add_paragraph("Cover words before any section.")
    document.add_paragraph("Executive Summary", style="Heading 1")
    document.add_paragraph("Summarise the report here.")
    document.add_paragraph("1. Reasons for the Decision", style="Heading 1")
    document.add_paragraph("1.1 Say why the Board should agree the recommendations.")
    document.add_paragraph("2. Alternative Options", style="Heading 1")
    document.add_paragraph("3. Progress against the Plan", style="Heading 1")
    document.add_paragraph("4. Finance Comments", style="Heading 1")
    document.add_paragraph("4.1 To be provided by Finance.")
    bold = document.add_paragraph()
    bold.add_run("5. LEGAL COMMENTS").bold = True
    document.add_paragraph("Appendices", style="Heading 2")
    document.add_paragraph("NONE", style="List Bullet")
    document.add_paragraph("Contact Officer", style="Heading 2")
    document.add_paragraph("[Name, title, email]")
    document.save(str(path))
    return path


def test_the_boards_template_gives_the_fixed_sections(
    demo_store: Store, recorded: Recorded, tmp_path: Path
) -> None:
    board = demo_store.board_by_name("Transformation Advisory Board")
    demo_store.set_board_template(board.id, str(_template(tmp_path / "template.docx")))
    choice = _choice(recorded, refs=("1",))
    body = draft_report(demo_store, choice)
    assert "Summarise the report here." not in body  # the report drafts its own summary
    document = _write(demo_store, choice, tmp_path / "report.docx")
    assert texts(document, "Heading 1") == [
        "Executive Summary",
        "Recommendations",
        "1. Reasons for the Decision",
        "2. Alternative Options",
        "3. Progress against the Plan",
        "4. Finance Comments",
        "5. LEGAL COMMENTS",
    ]
    assert texts(document, "Heading 2") == ["Action 1", "Appendices", "Contact Officer"]
    whole = [p.text for p in document.paragraphs]
    assert "1.1 Say why the Board should agree the recommendations." in whole
    assert "[2. Alternative Options: to be written]" in whole
    assert "4.1 To be provided by Finance." in whole
    assert texts(document, "Heading 3")[1].startswith("3.1 What will we have achieved")
    assert "NONE" in texts(document, "List Bullet")
    assert "[Name, title, email]" not in whole and "jon.williams7@nhs.net" in whole

    # A template of styles only has no sections: the council's usual ones are used.
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    demo_store.set_board_template(board.id, str(plain))
    assert "# 10. CRIME AND DISORDER REDUCTION IMPLICATIONS" in draft_report(demo_store, choice)


# -- the command line -------------------------------------------------------------------------


def test_the_command_writes_the_kept_draft_or_a_first_one(
    demo_store: Store, recorded: Recorded, db_path: Path, tmp_path: Path, database: str
) -> None:
    from click.testing import CliRunner

    from board_tui.cli.main import cli

    runner = CliRunner()
    out = tmp_path / "report.docx"
    base = ["export", "progress-report", "THT Engagement Lead Group Action Plan - 3 November"]
    base[-1] = demo_store.plan(recorded.plan_id).title
    meeting = ["--for-meeting", str(recorded.meeting_id), "--db", database]
    first = runner.invoke(cli, [*base, *meeting, "--since", "2022-11-01", "-o", str(out)])
    assert first.exit_code == 0, first.output
    assert f"Wrote the progress report to {out}" in first.output
    assert "Still to fill (in [brackets]): Executive Key Decision?, Recommendations" in first.output
    assert first.output.rstrip().endswith("Background Documents, 13 actions")
    assert len(texts(open_docx(out), "Heading 2")) == 18

    again = runner.invoke(cli, [*base, *meeting, "-o", str(out)])
    assert again.exit_code == 1 and "already exists" in again.output
    assert again.output.count("\n") == 1

    # The officer's edits, kept in the app, are what the command writes.
    choice = _choice(recorded, refs=("1", "12"))
    edited = draft_report(demo_store, choice).replace(
        "[The reasons for the recommendations]", "The plan was agreed in November 2022."
    )
    demo_store.save_progress_report(choice, edited)
    kept = runner.invoke(cli, [*base, *meeting, "-o", str(out), "--force"])
    assert kept.exit_code == 0, kept.output
    document = open_docx(out)
    assert "The plan was agreed in November 2022." in [p.text for p in document.paragraphs]
    assert texts(document, "Heading 2")[:2] == ["Action 1", "Action 12"]
    # Asked for other actions than the kept draft's: refused, until --fresh.
    other = runner.invoke(cli, [*base, *meeting, "--items", "3", "-o", str(out), "--force"])
    assert other.exit_code == 1 and "--fresh" in other.output
    fresh = runner.invoke(
        cli, [*base, *meeting, "--items", "3", "--fresh", "-o", str(out), "--force"]
    )
    assert fresh.exit_code == 0, fresh.output
    assert texts(open_docx(out), "Heading 2")[0] == "Action 3"
    same = runner.invoke(cli, [*base, *meeting, "--items", "1,12", "-o", str(out), "--force"])
    assert same.exit_code == 0, same.output  # the kept draft's own choice, given again


def test_the_command_refuses_bad_choices_in_one_line(
    demo_store: Store, db_path: Path, tmp_path: Path, database: str
) -> None:
    from click.testing import CliRunner

    from board_tui.cli.main import cli

    runner = CliRunner()
    out = tmp_path / "report.docx"
    base = ["export", "progress-report", "1", "--db", database, "-o", str(out)]
    for extra, words, code in (
        (["--items", "1", "--section", "A"], "--items or --section, not both", 1),
        (["--since", "2023-01-01", "--until", "2022-01-01"], "--until is before --since", 1),
        (["--items", "99"], "the plan has no item 99", 1),
        (["--for-meeting", "77"], "no such meeting", 1),
        (["--template", str(out)], "which this export reads", 2),
    ):
        result = runner.invoke(cli, [*base, *extra])
        assert result.exit_code == code, (extra, result.output)
        assert words in result.output and result.output.count("\n") == 1, result.output
        assert not out.exists()
    months = runner.invoke(cli, [*base, "--next-months", "0"])
    assert months.exit_code == 2 and "'--next-months': 0 is not in the range" in months.output
    missing = runner.invoke(cli, [*base[:2], "No such plan", *base[3:]])
    assert missing.exit_code == 1 and "no action plan called" in missing.output


# -- in the app ---------------------------------------------------------------------------------


async def test_the_officer_drafts_edits_attaches_and_exports_in_the_app(
    demo_store: Store, clock, tmp_path: Path
) -> None:
    from textual.widgets import Input, Select, TextArea

    from board_tui.screens.export_dialog import ExportDialog
    from board_tui.screens.plan import PlanScreen
    from board_tui.screens.progress_report import (
        PaperDialog,
        ProgressReportScreen,
        ReportChoiceDialog,
    )
    from board_tui.screens.shell.app import BoardApp

    recorded = record_december(demo_store, clock)
    app = BoardApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(PlanScreen(demo_store, recorded.plan_id, today=dt.date(2023, 12, 12)))
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReportChoiceDialog)
        # The meeting the plan last went to is offered; the officer picks two actions and
        # the period from November 2022.
        assert dialog.query_one("#meeting", Select).value == recorded.meeting_id
        await pilot.press("tab", *"1, 12", "tab", "tab", *"2022-11-01", "ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProgressReportScreen)
        area = screen.query_one("#report-text", TextArea)
        assert area.text.startswith("Board: Transformation Advisory Board\n")
        assert "## Action 1\n" in area.text and "## Action 12\n" in area.text
        assert "## Action 4\n" not in area.text

        # Fill a placeholder, then leave: the words are kept.
        row = area.text.splitlines().index("[The reasons for the recommendations]")
        area.move_cursor((row, 0))
        await pilot.press("shift+end", *"The plan was agreed in November 2022.")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        kept = demo_store.progress_report(recorded.plan_id, recorded.meeting_id)
        assert kept is not None and kept.edited_at is not None
        assert "\nThe plan was agreed in November 2022.\n" in kept.body
        assert kept.choice.refs == ("1", "12") and kept.choice.since == SINCE

        # r again opens the report kept; ctrl+l makes it the paper of item 5.
        await pilot.press("r")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ProgressReportScreen)
        assert "November 2022." in report.query_one("#report-text", TextArea).text
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, PaperDialog)
        await pilot.press("down", "down", "down", "down", "enter")
        await pilot.pause()
        item = demo_store.agenda_item(recorded.agenda["5"])
        title = f"{demo_store.plan(recorded.plan_id).title} \u2013 Progress Report"
        assert item.papers == f"(PAGES 45 - 56); {title}"
        assert item.chair_note == f"Paper: {title}"

        # ctrl+e: the preview, then the Word file.
        await pilot.press("ctrl+e")
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportDialog)
        assert "3.2 What progress has been made?" in export.preview
        assert "The plan was agreed in November 2022." in export.preview
        target = tmp_path / "report.docx"
        export.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target.exists()
    document = open_docx(target)
    assert "The plan was agreed in November 2022." in [p.text for p in document.paragraphs]
    assert texts(document, "Heading 2")[:2] == ["Action 1", "Action 12"]


def test_the_report_as_an_items_paper_is_named_on_the_agenda(
    demo_store: Store, recorded: Recorded, tmp_path: Path
) -> None:
    from board_tui.exporters.agenda import write_agenda
    from board_tui.services.progress_report import attach_report

    choice = _choice(recorded, refs=("1",))
    body = draft_report(demo_store, choice)
    note = demo_store.agenda_item(recorded.agenda["4"]).chair_note
    assert note and note.startswith("Please note the evaluation report")
    attach_report(demo_store, choice, body, recorded.agenda["5"])
    title = f"{demo_store.plan(recorded.plan_id).title} \u2013 Progress Report"
    five = demo_store.agenda_item(recorded.agenda["5"])
    assert (five.papers, five.chair_note) == (f"(PAGES 45 - 56); {title}", f"Paper: {title}")
    agenda = open_docx(write_agenda(demo_store, recorded.meeting_id, tmp_path / "agenda.docx"))
    cells = [c.text for t in agenda.tables for r in t.rows for c in r.cells]
    assert f"(PAGES 45 - 56); {title}" in cells and f"Paper: {title}" in cells
    kept = demo_store.progress_report(recorded.plan_id, recorded.meeting_id)
    assert kept is not None and kept.agenda_item_id == recorded.agenda["5"]
    # The live meeting's item panel names it too.
    from rich.console import Console
    from rich.text import Text

    from board_tui.screens.meeting.render import item_header

    console = Console(width=400, record=True)
    console.print(item_header(five, False, Text()))
    shown = console.export_text()
    assert f"Papers (PAGES 45 - 56); {title}" in shown
    assert f"Note to the chair: Paper: {title}" in shown

    # The paper of another item: the first one's words are taken back out.
    attach_report(demo_store, choice, body, recorded.agenda["4"])
    five = demo_store.agenda_item(recorded.agenda["5"])
    four = demo_store.agenda_item(recorded.agenda["4"])
    assert (five.papers, five.chair_note) == ("(PAGES 45 - 56)", None)
    assert four.papers == f"(PAGES 9 - 44); {title}"
    assert four.chair_note == f"{note}; Paper: {title}"
    attach_report(demo_store, choice, body, None)
    four = demo_store.agenda_item(recorded.agenda["4"])
    assert (four.papers, four.chair_note) == ("(PAGES 9 - 44)", note)

    # Only an item of the meeting it is for; a confidential report only with a Part 2 item.
    october = demo_store.agenda(1)[0]
    with pytest.raises(BoardTuiError, match="of the meeting it is for"):
        attach_report(demo_store, choice, body, october.id)
    secret = _choice(recorded, confidential=True)
    with pytest.raises(BoardTuiError, match="Part 2"):
        attach_report(demo_store, secret, draft_report(demo_store, secret), recorded.agenda["5"])
    demo_store.update_agenda_item(recorded.agenda["6"], exempt=True)
    attach_report(demo_store, secret, draft_report(demo_store, secret), recorded.agenda["6"])
    agenda = open_docx(write_agenda(demo_store, recorded.meeting_id, tmp_path / "again.docx"))
    shown_again = " ".join(c.text for t in agenda.tables for r in t.rows for c in r.cells)
    assert "Progress Report" not in shown_again  # the Part 2 item shows only as exempt


def test_an_undone_update_is_not_progress(demo_store: Store, clock) -> None:
    board = demo_store.board_by_name("Transformation Advisory Board")
    meeting = demo_store.meeting_on(board.id, dt.date(2023, 12, 11))
    plan = demo_store.plans()[0]
    item = next(i for i in demo_store.plan_items(plan.id) if i.ref == "6")
    clock.now = dt.datetime(2023, 12, 11, 14, 2)
    demo_store.start_meeting(meeting.id)
    said = demo_store.record_status_update(
        Status.OFF_TRACK,
        "Said by mistake and taken back.",
        plan_item_id=item.id,
        meeting_id=meeting.id,
    )
    demo_store.undo_status_update(said.id)
    body = draft_report(demo_store, ReportChoice(plan.id, meeting.id, refs=("6",)))
    assert "taken back" not in body and "Status: Update due" in body
