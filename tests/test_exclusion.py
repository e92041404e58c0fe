"""Excluding the press and public: the Schedule 12A paragraph an exempt item is taken under
(chosen in the agenda editor, read from an imported agenda), and the resolution the public
minutes record before exempt business, in a council's or an NHS board's words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from export_docs import all_text, open_docx
from notices import Notices
from textual.widgets import DataTable, OptionList, Select, Static

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.exclusion import (
    PARAGRAPH_PLACEHOLDER,
    SCHEDULE_12A,
    ExclusionRule,
    exclusion_resolution,
)
from board_tui.domain.model import NoteKind
from board_tui.exporters.minutes import EXCLUSION_HEADING, minutes_text, write_minutes
from board_tui.readers.agenda.marks import exempt_paragraph
from board_tui.readers.agenda.outline_text import read_outline
from board_tui.screens.agenda import AgendaScreen
from board_tui.screens.dialogs.exclusion import ParagraphDialog
from board_tui.screens.dialogs.setup import AgendaItemDialog, BoardDialog
from board_tui.screens.export_dialog import ExportDialog, open_minutes_export
from board_tui.screens.shell.app import BoardApp
from board_tui.services.agenda_import import preview_lines, write_agenda
from board_tui.storage.store import Store

ONE_ITEM = (
    "RESOLVED that, under Section 100A(4) of the Local Government Act 1972, the press and"
    " public be excluded from the meeting for the following item of business on the grounds"
    " that it involves the likely disclosure of exempt information as defined in paragraph 3"
    " of Part 1 of Schedule 12A to the Act."
)

# -- the words ----------------------------------------------------------------------------


def test_the_seven_paragraphs_in_their_statutory_words() -> None:
    assert list(SCHEDULE_12A) == [1, 2, 3, 4, 5, 6, 7]
    assert SCHEDULE_12A[1] == "Information relating to any individual."
    assert SCHEDULE_12A[3] == (
        "Information relating to the financial or business affairs of any particular person"
        " (including the authority holding that information)."
    )
    assert SCHEDULE_12A[5] == (
        "Information in respect of which a claim to legal professional privilege could be"
        " maintained in legal proceedings."
    )
    assert SCHEDULE_12A[7].endswith("prevention, investigation or prosecution of crime.")


def test_the_resolution_for_one_item_and_for_several() -> None:
    assert exclusion_resolution(ExclusionRule.LGA_1972, [3]) == ONE_ITEM
    several = exclusion_resolution(ExclusionRule.LGA_1972, [3, 1, 3])
    assert "for the following items of business on the grounds that they involve" in several
    assert "as defined in paragraphs 1 and 3 of Part 1 of Schedule 12A to the Act." in several


def test_a_missing_paragraph_is_a_placeholder_never_a_guess() -> None:
    assert f"paragraph {PARAGRAPH_PLACEHOLDER} of Part 1" in exclusion_resolution(
        ExclusionRule.LGA_1972, [None]
    )
    assert f"paragraphs 3 and {PARAGRAPH_PLACEHOLDER} of" in exclusion_resolution(
        ExclusionRule.LGA_1972, [3, None]
    )


def test_an_nhs_board_excludes_the_public_under_the_1960_act() -> None:
    words = exclusion_resolution(ExclusionRule.NHS_1960, [None])
    assert words == (
        "RESOLVED that representatives of the press and other members of the public be"
        " excluded from the meeting for the following item of business, having regard to the"
        " confidential nature of the business to be transacted, publicity on which would be"
        " prejudicial to the public interest (Section 1(2), Public Bodies (Admission to"
        " Meetings) Act 1960)."
    )
    assert "Schedule 12A" not in words and PARAGRAPH_PLACEHOLDER not in words


# -- the store ----------------------------------------------------------------------------


def _meeting(store: Store) -> tuple[int, int]:
    board = store.create_board("Cabinet", "Example Council")
    meeting = store.create_meeting(board.id, dt.datetime(2024, 3, 6, 17, 30))
    return board.id, meeting.id


def test_the_paragraph_and_the_boards_rule_are_kept(
    store: Store, db_path: Path, database: str
) -> None:
    board_id, meeting_id = _meeting(store)
    item = store.add_agenda_item(meeting_id, "Depot sale", exempt=True, exempt_paragraph=3)
    store.set_exclusion_rule(board_id, ExclusionRule.NHS_1960)
    store.close()
    with Store.open(database) as reopened:
        assert reopened.agenda_item(item.id).exempt_paragraph == 3
        assert reopened.board(board_id).exclusion_rule is ExclusionRule.NHS_1960
        with pytest.raises(BoardTuiError, match="paragraphs 1 to 7"):
            reopened.update_agenda_item(item.id, exempt_paragraph=8)
        assert reopened.agenda_item(item.id).exempt_paragraph == 3


# -- the minutes ----------------------------------------------------------------------------


def _agenda(store: Store) -> tuple[int, int]:
    board_id, meeting_id = _meeting(store)
    store.add_agenda_item(meeting_id, "Welcome")
    first = store.add_agenda_item(meeting_id, "Depot sale", exempt=True, exempt_paragraph=3)
    store.add_note(first.id, NoteKind.DECISION, "It was agreed to sell the depot.")
    store.add_agenda_item(meeting_id, "Staff restructure", exempt=True, exempt_paragraph=1)
    store.add_agenda_item(meeting_id, "Libraries strategy")
    store.add_agenda_item(meeting_id, "Legal advice on the claim", exempt=True)
    return board_id, meeting_id


def test_the_public_minutes_record_the_resolution_before_each_run_of_exempt_business(
    store: Store, tmp_path: Path
) -> None:
    _board_id, meeting_id = _agenda(store)
    path = tmp_path / "minutes.docx"
    write_minutes(store, meeting_id, path)
    paragraphs = [p.text for p in open_docx(path).paragraphs]
    resolutions = [n for n, text in enumerate(paragraphs) if text.startswith("RESOLVED")]
    assert len(resolutions) == 2  # the public came back for the libraries strategy
    first, second = resolutions
    assert paragraphs[first - 1] == EXCLUSION_HEADING
    assert paragraphs[first + 1] == "2. EXEMPT ITEM (PART 2)"
    assert "following items of business" in paragraphs[first]
    assert "paragraphs 1 and 3 of Part 1 of Schedule 12A" in paragraphs[first]
    assert paragraphs[second + 1] == "5. EXEMPT ITEM (PART 2)"
    assert f"paragraph {PARAGRAPH_PLACEHOLDER} of Part 1" in paragraphs[second]
    text = all_text(open_docx(path))
    assert "Depot" not in text and "Staff" not in text and "Legal advice" not in text
    # The clerk sees the placeholder in the preview before the minutes are written.
    assert PARAGRAPH_PLACEHOLDER in minutes_text(store, meeting_id)


def test_an_nhs_board_gets_its_own_words(store: Store, tmp_path: Path) -> None:
    board_id, meeting_id = _agenda(store)
    store.set_exclusion_rule(board_id, ExclusionRule.NHS_1960)
    text = " ".join(minutes_text(store, meeting_id).split())
    assert text.count("Public Bodies (Admission to Meetings) Act 1960") == 2
    assert "Schedule 12A" not in text and PARAGRAPH_PLACEHOLDER not in text


def test_no_exempt_business_no_resolution(store: Store) -> None:
    _board_id, meeting_id = _meeting(store)
    store.add_agenda_item(meeting_id, "Welcome")
    assert "RESOLVED" not in minutes_text(store, meeting_id)


# -- the agenda editor and the import --------------------------------------------------------


def _rows(screen: AgendaScreen) -> list[str]:
    table = screen.query_one("#agenda-items", DataTable)
    return [str(table.get_row_at(r)[3]).strip() for r in range(table.row_count)]


async def test_x_asks_for_the_paragraph_with_its_words(store: Store) -> None:
    _board_id, meeting_id = _meeting(store)
    store.add_agenda_item(meeting_id, "Welcome")
    sale = store.add_agenda_item(meeting_id, "Depot sale")
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(AgendaScreen(store, meeting_id))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        await pilot.press("down", "x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ParagraphDialog)
        options = dialog.query_one("#paragraphs", OptionList)
        words = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        assert words[2] == f"3 – {SCHEDULE_12A[3]}" and words[7].startswith("0 – Not chosen")
        await pilot.press("escape")  # changed their mind: nothing marked
        await pilot.pause()
        assert not store.agenda_item(sale.id).exempt
        await pilot.press("x", "3")
        await pilot.pause()
        assert not isinstance(app.screen, ParagraphDialog)
        assert (store.agenda_item(sale.id).exempt, store.agenda_item(sale.id).exempt_paragraph) == (
            True,
            3,
        )
        assert _rows(screen)[1] == "Depot sale [Part 2 · para 3]"
        detail = str(screen.query_one("#agenda-detail", Static).content)
        assert "Schedule 12A, paragraph 3 – Information relating to the financial" in detail
        await pilot.press("x")  # public again: the paragraph goes with the mark
        await pilot.pause()
        assert store.agenda_item(sale.id).exempt_paragraph is None


async def test_an_nhs_boards_x_asks_nothing(store: Store) -> None:
    board_id, meeting_id = _meeting(store)
    store.set_exclusion_rule(board_id, ExclusionRule.NHS_1960)
    sale = store.add_agenda_item(meeting_id, "Contract award")
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(AgendaScreen(store, meeting_id))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        await pilot.press("x")
        await pilot.pause()
        assert not isinstance(app.screen, ParagraphDialog)
        assert store.agenda_item(sale.id).exempt
        assert _rows(screen) == ["Contract award [Part 2]"]


def test_an_imported_agenda_brings_its_paragraphs(store: Store, tmp_path: Path) -> None:
    outline = tmp_path / "agenda.txt"
    outline.write_text(
        "# Cabinet\nDate: 2024-03-06\nTime: 5:30pm\n\n"
        "1. Welcome | 5m\n"
        "2. Depot sale (Exempt - paragraph 3) | 15m\n"
        "3. Staff restructure | Part 2 para 1 | 15m\n"
        "4. Legal advice | Part 2 | 10m\n",
        encoding="utf-8",
    )
    read = read_outline(outline)
    assert [(i.title, i.exempt_paragraph) for i in read.items] == [
        ("Welcome", None),
        ("Depot sale", 3),
        ("Staff restructure", 1),
        ("Legal advice", None),
    ]
    preview = preview_lines(read, dt.datetime(2024, 3, 6, 17, 30))
    assert preview[1].endswith("Depot sale [Part 2 · para 3]")
    assert preview[3].endswith("Legal advice [Part 2]")
    summary = write_agenda(store, read, board_name="Cabinet", source="agenda.txt")
    assert [i.exempt_paragraph for i in store.agenda(summary.meeting_id)] == [None, 3, 1, None]


def test_only_words_about_exemption_give_a_paragraph() -> None:
    assert exempt_paragraph(["Land sale", "Not for publication: paragraph 3 of Schedule 12A"]) == 3
    assert exempt_paragraph(["Land sale (Part 2 - para. 1)"]) == 1
    assert exempt_paragraph(["See paragraph 4 of the report"]) is None
    assert exempt_paragraph(["Exempt: see paragraph 2.3 of the report"]) is None


async def test_the_item_dialog_changes_the_paragraph(store: Store) -> None:
    _board_id, meeting_id = _meeting(store)
    sale = store.add_agenda_item(meeting_id, "Depot sale", exempt=True)
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(AgendaScreen(store, meeting_id))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AgendaItemDialog)
        dialog.query_one("#paragraph", Select).value = 5
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert store.agenda_item(sale.id).exempt_paragraph == 5


async def test_the_board_dialog_sets_the_nhs_wording(store: Store) -> None:
    board_id, _meeting_id = _meeting(store)
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, BoardDialog)
        rule = dialog.query_one("#exclusion", Select)
        assert rule.value == ExclusionRule.LGA_1972.value
        rule.value = ExclusionRule.NHS_1960.value
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert store.board(board_id).exclusion_rule is ExclusionRule.NHS_1960


async def test_the_export_says_which_items_lack_a_paragraph(store: Store) -> None:
    _board_id, meeting_id = _agenda(store)  # item 5 has none
    app = BoardApp(store)
    told = Notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        open_minutes_export(app, store, meeting_id)
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
    assert (
        f"No Schedule 12A paragraph chosen for exempt item 5: the resolution excluding the"
        f" public says {PARAGRAPH_PLACEHOLDER}" in str(told)
    )
