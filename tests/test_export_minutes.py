"""Minutes exports read back with python-docx: the demo's 17 October 2023 minutes as the reference
has them, DRAFT until approved, exempt items kept out of the public minutes, templates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from export_docs import all_text, header_text, open_docx, strong_leads, texts

from board_tui.domain.model import AttendanceKind, Capacity, Meeting, MeetingStatus, NoteKind
from board_tui.exporters.minutes import EXEMPT_LINE, minutes_text, write_minutes
from board_tui.exporters.safe_write import ExportError
from board_tui.storage.store import Store

OCTOBER = dt.date(2023, 10, 17)


def october(store: Store) -> int:
    board = store.board_by_name("Transformation Advisory Board")
    return store.meeting_on(board.id, OCTOBER).id


@pytest.fixture
def minutes(demo_store: Store, tmp_path: Path):
    path = tmp_path / "minutes.docx"
    assert write_minutes(demo_store, october(demo_store), path) == [path]
    return open_docx(path)


def test_title_block_and_header_as_councils_write_them(minutes) -> None:
    assert texts(minutes, "Masthead") == [
        "LONDON BOROUGH OF TOWER HAMLETS",
        "HELD AT 2.18 P.M. ON TUESDAY, 17 OCTOBER 2023",
        "COUNCIL CHAMBER - TOWN HALL, WHITECHAPEL",
    ]
    assert texts(minutes, "Heading 1") == ["MINUTES OF THE TRANSFORMATION ADVISORY BOARD"]
    assert (
        header_text(minutes)
        == "TRANSFORMATION ADVISORY BOARD, 17/10/2023\tSECTION ONE (UNRESTRICTED)"
    )
    assert " PAGE " in minutes.sections[0].footer._element.xml


def test_items_numbered_as_on_the_agenda(minutes) -> None:
    assert texts(minutes, "Heading 2") == [
        "1. WELCOME AND APOLOGIES",
        "2. LGA CORPORATE PEER CHALLENGE",
        "3. TRANSFORMATION DASHBOARD PROPOSAL",
        "4. NEW TARGET OPERATING MODEL",
        "5. ANNUAL RESIDENTS SURVEY",
        "6. ANY OTHER BUSINESS",
        "ACTIONS ARISING",
    ]
    assert texts(minutes, "Heading 3") == ["6.1 Budget Monitoring 23/24 Q1"]


def test_comments_are_bullets_under_their_lead_in_and_decisions_stand_out(minutes) -> None:
    assert len(texts(minutes, "List Bullet")) == 26
    decisions = texts(minutes, "Decision")
    assert len(decisions) == 2
    assert all(d.startswith("It was agreed that") for d in decisions)
    assert minutes.styles["Decision"].font.bold is True
    body = [p.text for p in minutes.paragraphs]
    lead_in = body.index("The Board reviewed the report and made a number of comments, including:")
    assert body[lead_in + 1].startswith("There is a lot that the Council already does well")
    assert "A few issues were discussed during any other business including:" in body


def test_attendance_tables_apologies_declarations_and_close(minutes) -> None:
    text = all_text(minutes)
    assert texts(minutes, "Label")[:2] == [
        "Members Present in Person:",
        "Officers Present in Person:",
    ]
    members, officers, _actions = minutes.tables
    assert len(members.rows) == 12 and len(officers.rows) == 6
    assert [c.text for c in members.rows[0].cells] == ["Mayor Lutfur Rahman", ""]
    assert members.rows[1].cells[1].text == "(Independent non-executive member)"
    assert members.style.name != "Table Grid"  # borderless
    # The paper said all were present; the board's roster is today's, with a member who
    # joined after October and has no mark that day, so the minutes claim no more than
    # the roll call shows.
    assert "All Members were present" not in text
    assert "There were no apologies for absence." in text
    assert "There were no declarations of interest." in text
    assert "The meeting ended at 4.19 p.m." in text
    assert text.rstrip().endswith("Chair, Mayor Lutfur Rahman\nTransformation Advisory Board")
    # The close and the signature lines never split across a page.
    ended = next(i for i, p in enumerate(minutes.paragraphs) if p.text.startswith("The meeting"))
    closing = minutes.paragraphs[ended:]
    assert [p.paragraph_format.keep_with_next for p in closing] == [True] * (len(closing) - 1) + [
        None
    ]


def test_actions_arising_listed_under_their_item_and_gathered_at_the_end(minutes) -> None:
    actions = minutes.tables[2]
    assert [c.text for c in actions.rows[0].cells] == ["Ref", "Action", "Owner", "Time frame"]
    assert [r.cells[0].text for r in actions.rows[1:]] == ["A1", "A2", "A3"]
    assert actions.rows[1].cells[2].text == "Stephen Bramah"
    assert actions.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert strong_leads(minutes)[:3] == ["Action A1:", "Action A2:", "Action A3:"]


def test_preview_text_reads_the_same(demo_store: Store) -> None:
    text = minutes_text(demo_store, october(demo_store))
    assert text.startswith("TRANSFORMATION ADVISORY BOARD, 17/10/2023")
    assert "HELD AT 2.18 P.M. ON TUESDAY, 17 OCTOBER 2023" in text
    assert "\n  \u2022 Focus and pace was important." in text
    assert "2. LGA CORPORATE PEER CHALLENGE" in text
    assert "DRAFT" not in text


def _closed_meeting(store: Store, clock, day: dt.date) -> int:
    board = store.board_by_name("Transformation Advisory Board")
    start = dt.datetime.combine(day, dt.time(14, 0))
    meeting = store.create_meeting(board.id, start, venue="Committee Room 1")
    item = store.add_agenda_item(meeting.id, "Welcome and Apologies")
    store.add_note(item.id, NoteKind.NARRATIVE, "The Chair welcomed everyone.")
    clock.now = start
    store.start_meeting(meeting.id)
    store.end_meeting(meeting.id, at=start + dt.timedelta(minutes=50))
    return meeting.id


def test_draft_in_the_header_until_a_later_meeting_approves(
    demo_store: Store, clock, tmp_path
) -> None:
    meeting_id = _closed_meeting(demo_store, clock, dt.date(2024, 1, 15))
    later = demo_store.create_meeting(
        demo_store.meeting(meeting_id).board_id, dt.datetime(2024, 2, 19, 14, 0)
    )
    write_minutes(demo_store, meeting_id, tmp_path / "draft.docx")
    header = open_docx(tmp_path / "draft.docx").sections[0].header.paragraphs[0]
    assert header.text.startswith("DRAFT \u2013 TRANSFORMATION ADVISORY BOARD, 15/01/2024")
    assert header.runs[0].style.name == "Strong"

    assert _id(demo_store.previous_held_meeting(later.id)) == meeting_id
    approved = demo_store.approve_previous_minutes(later.id)
    assert approved is not None and approved.status is MeetingStatus.APPROVED
    assert approved.approved_by_meeting_id == later.id
    assert demo_store.approve_previous_minutes(later.id) is None  # already approved
    write_minutes(demo_store, meeting_id, tmp_path / "approved.docx")
    assert "DRAFT" not in header_text(open_docx(tmp_path / "approved.docx"))


def _id(meeting: Meeting | None) -> int | None:
    return meeting.id if meeting is not None else None


def test_previous_held_meeting_is_the_latest_held_before(demo_store: Store, clock) -> None:
    board = demo_store.board_by_name("Transformation Advisory Board")
    december = demo_store.meeting_on(board.id, dt.date(2023, 12, 11))
    assert _id(demo_store.previous_held_meeting(december.id)) == october(demo_store)
    assert demo_store.previous_held_meeting(october(demo_store)) is None
    # a meeting still to be held is never "the previous meeting"
    demo_store.create_meeting(board.id, dt.datetime(2023, 11, 20, 14, 0))
    assert _id(demo_store.previous_held_meeting(december.id)) == october(demo_store)


def test_apologies_from_the_meetings_own_roll_call(demo_store: Store, clock, tmp_path) -> None:
    meeting_id = _closed_meeting(demo_store, clock, dt.date(2024, 1, 15))
    penn = demo_store.person_named("Richard Penn")
    esom = demo_store.person_named("Martin Esom")
    assert penn is not None and esom is not None
    demo_store.record_attendance(meeting_id, penn.id, AttendanceKind.APOLOGIES, Capacity.MEMBER)
    demo_store.record_attendance(meeting_id, esom.id, AttendanceKind.REMOTE, Capacity.MEMBER)
    write_minutes(demo_store, meeting_id, tmp_path / "m.docx")
    document = open_docx(tmp_path / "m.docx")
    text = all_text(document)
    assert "Apologies for absence were received from Richard Penn." in text
    assert "All Members were present" not in text
    assert texts(document, "Label") == ["Members Present Remotely:"]
    assert document.tables[0].rows[0].cells[0].text == "Martin Esom"


def test_exempt_items_only_in_the_annex(demo_store: Store, clock, tmp_path) -> None:
    meeting_id = _closed_meeting(demo_store, clock, dt.date(2024, 1, 15))
    secret = demo_store.add_agenda_item(meeting_id, "Property Disposal", exempt=True)
    demo_store.add_note(secret.id, NoteKind.DECISION, "It was agreed to sell the depot.")
    demo_store.add_action("Instruct agents", agenda_item_id=secret.id, owner="Julie Lorraine")

    public, annex = tmp_path / "public.docx", tmp_path / "annex.docx"
    assert write_minutes(demo_store, meeting_id, public) == [public]
    assert not annex.exists()
    text = all_text(open_docx(public))
    assert EXEMPT_LINE in text and "2. EXEMPT ITEM (PART 2)" in text
    assert "PROPERTY DISPOSAL" not in text.upper()
    assert "depot" not in text and "Instruct agents" not in text
    assert "depot" not in minutes_text(demo_store, meeting_id)

    assert write_minutes(demo_store, meeting_id, public, force=True, exempt_annex=annex) == [
        public,
        annex,
    ]
    annexed = open_docx(annex)
    assert "CONFIDENTIAL \u2013 Part 2: SECTION TWO (RESTRICTED)" in header_text(annexed)
    assert "2. PROPERTY DISPOSAL" in all_text(annexed)
    assert texts(annexed, "Decision") == ["It was agreed to sell the depot."]
    assert annexed.tables[0].rows[1].cells[1].text == "Instruct agents"


def _template(path: Path, *, drop: tuple[str, ...] = ()) -> Path:
    document = docx.Document()
    document.styles["Normal"].font.name = "Courier New"
    document.sections[0].header.paragraphs[0].text = "ACME COUNCIL LETTERHEAD"
    document.add_paragraph("Template body text that must not survive")
    for name in drop:
        element = document.styles[name].element
        element.getparent().remove(element)
    document.save(str(path))
    return path


def test_a_template_changes_the_look(demo_store: Store, tmp_path: Path) -> None:
    template = _template(tmp_path / "house.docx", drop=("List Bullet", "Table Grid"))
    out = tmp_path / "m.docx"
    write_minutes(demo_store, october(demo_store), out, template=template)
    document = open_docx(out)
    assert document.styles["Normal"].font.name == "Courier New"
    assert "ACME COUNCIL LETTERHEAD" in header_text(document)
    assert "SECTION ONE (UNRESTRICTED)" in header_text(document)
    assert "Template body text" not in all_text(document)
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) == 26
    assert bullets[0].style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None


def test_the_boards_template_is_the_default(demo_store: Store, tmp_path: Path) -> None:
    template = _template(tmp_path / "house.docx")
    demo_store.set_board_template(
        demo_store.board_by_name("Transformation Advisory Board").id, str(template)
    )
    write_minutes(demo_store, october(demo_store), tmp_path / "m.docx")
    assert open_docx(tmp_path / "m.docx").styles["Normal"].font.name == "Courier New"


def test_a_damaged_template_is_refused_by_name(demo_store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ExportError, match=r"template broken\.docx"):
        write_minutes(demo_store, october(demo_store), tmp_path / "m.docx", template=bad)
    assert not (tmp_path / "m.docx").exists()


def test_a_roll_call_left_half_done_is_not_everyone_present(
    demo_store: Store, clock, tmp_path
) -> None:
    """Six of the board's members marked present, the rest never marked: the minutes may
    not say all were present (there were simply no apologies)."""
    meeting_id = _closed_meeting(demo_store, clock, dt.date(2024, 1, 15))
    board_id = demo_store.meeting(meeting_id).board_id
    members = [m for m in demo_store.members(board_id) if m.role.value != "officer"]
    assert len(members) > 6
    for member in members[:6]:
        demo_store.record_attendance(
            meeting_id, member.person.id, AttendanceKind.IN_PERSON, Capacity.MEMBER
        )
    write_minutes(demo_store, meeting_id, tmp_path / "m.docx")
    text = all_text(open_docx(tmp_path / "m.docx"))
    assert "All Members were present" not in text
    for member in members[6:]:
        demo_store.record_attendance(
            meeting_id, member.person.id, AttendanceKind.IN_PERSON, Capacity.MEMBER
        )
    write_minutes(demo_store, meeting_id, tmp_path / "m2.docx", force=True)
    assert "All Members were present" in all_text(open_docx(tmp_path / "m2.docx"))
