"""Real agendas from public repositories (../shared/fixtures/real/), held to what a reader
sees in each rendered document: numbers, titles, sub-items, presenters, times and days,
the date, start and venue, and a one-line refusal where the file is not an agenda.

The expectations were written from the documents as LibreOffice renders them
(``soffice --headless --convert-to pdf``, read with ``pdftotext -layout``), not from what
the reader happens to give.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from board_tui.readers.agenda import AgendaItemRead, AgendaRead, AgendaReadError, read_agenda

REAL = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "real"


def real(name: str) -> Path:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"real fixtures not found beside the checkout: {REAL}")
    return path


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def outline(items: Sequence[AgendaItemRead]) -> list[tuple[int, str, str]]:
    return [(i.depth, i.number, i.title) for i in items]


def refusal(name: str) -> str:
    with pytest.raises(AgendaReadError) as caught:
        read_agenda(real(name))
    message = str(caught.value)
    assert message.startswith(f"{name}: ") and "\n" not in message
    return message


# -- A college's Word numbered list under a covering letter -----------------------------------

SJ_48 = [
    (0, "1", "Adopt and receive last meeting minutes"),
    (0, "2", "General updates on College life"),
    (0, "3", "Report on the following items:"),
    (1, "3.1", "Constitution review"),
    (1, "3.2", "Recycling arrangement"),
    (1, "3.3", "Dining hall service"),
    (1, "3.4", "Little big things"),
    (1, "3.5", "Re-admission policy"),
    (1, "3.6", "Window screen installation"),
    (0, "4", "Discuss on the following items:"),
    (1, "4.1", "Harassment, bullying and discrimination prevention"),
    (1, "4.2", "Alumni network"),
    (1, "4.3", "High table dinner"),
    (1, "4.4", "Room maintenance"),
    (1, "4.5", "Smoking and behavioural issues"),
    (0, "5", "A.O.B."),
]


def test_sj_48_numbered_list_under_a_covering_letter() -> None:
    agenda = read_agenda(real("sj-48.docx"))
    assert outline(agenda.items) == SJ_48
    # The notice sentence gives the meeting, not the letter's own date (30 March 2021).
    assert (agenda.date, agenda.start, agenda.venue) == (
        dt.date(2021, 4, 10),
        t("09:00"),
        "Senior Common Room",
    )
    assert agenda.board == "Master and Tutors"
    # The addressee line and the signature (Orion Lee, Senior Tutor) are not items.
    assert not any("Orion" in i.title or "Tutors," in i.title for i in agenda.items)
    assert all(i.note is None and i.presenter is None for i in agenda.items)


@pytest.mark.parametrize(
    ("name", "day", "start", "items", "subs", "last_sub"),
    [
        (
            "sj-55.docx",
            dt.date(2021, 11, 6),
            t("09:30"),
            5,
            8,
            "Exchange and returning students in Semester 2",
        ),
        (
            "sj-64.docx",
            dt.date(2022, 9, 3),
            t("09:30"),
            5,
            8,
            "College rules and student behaviours",
        ),
        (
            "sj-agenda.docx",
            dt.date(2021, 2, 6),
            t("09:30"),
            6,
            9,
            "Semester 1 academic performance",
        ),
    ],
)
def test_sj_agendas_in_the_same_layout(
    name: str, day: dt.date, start: dt.time, items: int, subs: int, last_sub: str
) -> None:
    agenda = read_agenda(real(name))
    assert (agenda.date, agenda.start, agenda.venue) == (day, start, "Senior Common Room")
    assert [i.number for i in agenda.items if i.depth == 0] == [str(n) for n in range(1, items + 1)]
    assert sum(i.depth == 1 for i in agenda.items) == subs
    assert agenda.items[-1].title == "A.O.B."
    assert [i.title for i in agenda.items if i.depth == 1][-1] == last_sub


def test_sj_agenda_sentence_after_the_venue_is_not_the_venue() -> None:
    agenda = read_agenda(real("sj-agenda.docx"))
    assert agenda.venue == "Senior Common Room"  # "…Room. Video conferencing setup via Zoom…"
    assert outline(agenda.items)[:2] == [
        (0, "1", "Welcome the new staff"),
        (0, "2", "Adopt and receive last meeting minutes"),
    ]


# -- A Spanish committee: a table, and a numbered list three levels deep ----------------------


def test_comite_0714_spanish_table_with_presenters_and_minutes() -> None:
    agenda = read_agenda(real("comite-0714.docx"))
    assert agenda.layout == "table"
    assert agenda.date == dt.date(2026, 7, 14)  # "Martes 14 de julio 2026"
    assert agenda.start is None  # the document gives no time
    assert [(i.title, i.presenter, i.duration_minutes) for i in agenda.items] == [
        ("Revisión de la agenda", "Carlos", 2),
        ("Comprobación de Quorum y Asistencia", None, None),
        ("Revisión del acta anterior", "Beatriz", 10),
        ("Normas de Comunicación", "Max", 20),
        ("Cambios a cuenta de correo y número Comité", "Carina", 10),
        ("Organización", "Carlos", 20),
        ("Propuesta de Comisión de Tecnología", "Carlos", 20),
        ("Asuntos pendientes en cada comisión", "Cada dirigente de comisión", 20),
        ("Otros asuntos", "miembros presentes", 10),
        ("Frecuencia de las reuniones del Comité", "Carlos", 5),
    ]
    assert all(i.depth == 0 and i.number == "" for i in agenda.items)


def test_comite_0731_spanish_list_with_presenters_after_a_colon() -> None:
    agenda = read_agenda(real("comite-0731.docx"))
    assert (agenda.date, agenda.start, agenda.venue) == (
        dt.date(2026, 7, 31),
        t("19:30"),  # "7:30 pm" in the notice line, not the "Inicio: 7:53pm" actually kept
        "casa de Andrea Montero",
    )
    top = [(i.number, i.presenter) for i in agenda.items if i.depth == 0]
    assert [n for n, _ in top] == [str(n) for n in range(1, 13)]
    assert [p for _, p in top] == [
        "Carlos", "Carlos", "Beatriz", "Carlos", "Carlos", "Carlos", "Carlos",
        "Mariano", "Carlos", "Carlos", "Carlos", None,
    ]  # fmt: skip
    titles = [i.title for i in agenda.items if i.depth == 0]
    assert titles[0] == "Comprobación de Quorum y Asistencia"
    assert titles[4].startswith("Definir la situación ambigua con Andrea Núñez")
    assert titles[-1] == "Varios"
    # Under item 3 a numbered entry ("1. Se aprueba la minuta…"); bullets are notes.
    subs = [i for i in agenda.items if i.depth == 1]
    assert [(s.number, s.title[:27]) for s in subs] == [("1", "Se aprueba la minuta de la ")]
    first = agenda.items[0]
    assert first.note is not None and first.note.startswith("5 personas: Carina, Beatriz")
    assert "Se procederá a su remoción del Comité." in first.note


# -- A working group over five days: lettered sub-items and day headings -----------------------


def test_wcnpo_days_lettered_sub_items_and_an_item_over_two_days() -> None:
    agenda = read_agenda(real("wcnpo.docx"))
    assert agenda.date == dt.date(2024, 4, 15)  # "April 15-19, 2024"
    assert agenda.venue == "Institute of Oceanography, National Taiwan University"
    top = [(i.number, i.title, i.day) for i in agenda.items if i.depth == 0]
    assert top == [
        ("1", "Welcome, Introductions, and Logistics", "April 15"),
        ("2", "WCNPO MLS background", None),
        ("3", "WCNPO MLS Catch", None),
        ("4", "WCNPO MLS Size Data", None),
        ("5", "CPUE standardization", None),
        ("6", "Biological Information", "April 16"),
        ("7", "Reference Points", None),
        ("8", "Base-case Model", "April 17"),
        ("8", "Base-case Model (Continued)", "April 18"),
        ("9", "Recommendations Summary and Review", "April 19"),
    ]
    subs = [i for i in agenda.items if i.depth == 1]
    assert len(subs) == 27
    assert [(s.number, s.title) for s in subs[:5]] == [
        ("a", "Background"),
        ("b", "Review format and approach"),
        ("a", "History"),
        ("b", "Stock boundary"),
        ("c", "Management"),
    ]
    catch = [s.title for s in agenda.items[8:12]]
    assert catch == ["Japan", "Taiwan", "USA", "WCPFC"]


# -- Timetables: header-less tables, time columns, bulleted times -----------------------------


def test_sediment_header_less_tables_with_a_time_column() -> None:
    agenda = read_agenda(real("sediment.docx"))
    assert agenda.date == dt.date(2015, 8, 1)  # "8/1/15 – 8/2/15": two days in August
    assert [(i.title, i.start, i.end, i.day) for i in agenda.items] == [
        ("Introductions – Project Overview", t("08:00"), t("10:00"), "DAY 1"),
        (
            "Break – Go to field site (behind LBJ Hospital or near the Quarry)",
            t("10:00"), t("11:00"), None,
        ),
        ("Go over turbidimeter installation and wiring", t("11:00"), t("13:00"), None),
        ("Lunch", t("13:00"), t("14:00"), None),
        ("Download data from Turbidimeter", t("14:00"), t("15:30"), None),
        ("Drop off samples to Lab", t("15:30"), t("16:00"), None),
        ("Adjourn", t("16:00"), None, None),
        ("Address questions from Day One, recap activities", t("08:00"), t("09:00"), "DAY 2"),
        (
            "Demonstrate how to use Autosampler/retrieve samples (if needed)",
            t("09:00"), t("10:00"), None,
        ),
        ("Demonstrate how to manage data", t("10:00"), t("12:00"), None),
        ("Lunch", t("12:00"), t("13:00"), None),
        ("Basic Data Analysis/QC in Excel", t("14:00"), t("16:00"), None),
        ("Adjourn", t("16:00"), None, None),
    ]  # fmt: skip
    # The untimed lines under a block are its notes, not items of their own.
    assert agenda.items[0].note == (
        "Motivation for the project\n"
        "Overview of event-based SSY for impact assessment/change detection\n"
        "Explain field methods: Discharge, Turbidity, SSC grab samples"
    )


def test_xsam_bulleted_sessions_with_their_times_over_three_days() -> None:
    agenda = read_agenda(real("xsam.docx"))
    assert agenda.date == dt.date(2017, 1, 15)  # "15-17/1-2017"
    assert len(agenda.items) == 19
    days = [(i.title, i.day) for i in agenda.items if i.day]
    assert days == [
        ("Getting started", "Day 1"),
        ("The XSAM framework", "Day 2"),
        ("Forecasting", "Day 3"),
    ]
    assert [(i.start, i.end) for i in agenda.items[:6]] == [
        (t("09:00"), t("10:00")),
        (t("10:00"), t("11:00")),
        (t("11:00"), t("11:30")),
        (t("11:30"), t("12:30")),
        (t("12:30"), t("13:30")),
        (t("13:30"), t("15:30")),
    ]
    last = agenda.items[-1]
    assert (last.title, last.start, last.end) == ("Evaluation of course", t("15:00"), None)
    assert agenda.items[0].note == (
        "Introduction\nSharing course material: "
        "https://github.com/NorskRegnesentral/XSAM_Kurs_Bergen_2018\n"
        "Summary and goals of the course"
    )
    assert all(i.depth == 0 for i in agenda.items)


def test_qhda_sessions_talks_and_afternoon_times_without_pm() -> None:
    agenda = read_agenda(real("qhda-ieee.docx"))
    assert agenda.date is None
    sessions = [(i.number, i.title, i.start, i.end) for i in agenda.items if i.depth == 0]
    assert sessions == [
        ("1", "Academic", t("10:45"), t("12:15")),
        ("2", "Commercial Software", t("13:00"), t("14:30")),
        ("3", "Opensource Software", t("15:15"), t("16:45")),
    ]
    talks = [(i.start, i.title, i.presenter) for i in agenda.items if i.depth == 1]
    assert len(talks) == 14
    assert talks[0] == (t("10:45"), "Introduction", "Nick Bronn")
    # A talk whose title is still "TBD" is named by its speaker, and kept.
    assert talks[1] == (t("10:50"), "David DiVincenzo", None)
    # "1:00" after "11:55" is 1 p.m.; a panel with a time and no title is a talk of its own.
    assert talks[4] == (t("13:00"), "Brian Rautio - Sonnet", None)
    assert talks[8] == (t("14:00"), "Panel Discussion - Moderator: John P. DeVale", None)
    assert talks[-1] == (t("16:15"), "Panel Discussion - Moderator: Yaniv Rosen", None)
    starts = [s for s, _, _ in talks]
    assert starts == sorted(s for s in starts if s is not None)


# -- A club's numbered lists, without a date -----------------------------------------------------


def test_piclub_numbered_list_without_a_date() -> None:
    agenda = read_agenda(real("piclub.docx"))
    assert (agenda.date, agenda.start) == (None, None)
    assert [i.number for i in agenda.items] == [str(n) for n in range(1, 17)]
    assert agenda.items[9].title == "Wire up relay and external circuit"
    assert agenda.items[-1].title == "Thingspeak sample code Handout 6"


def test_piclub_september_list_with_bullets_and_a_picture() -> None:
    agenda = read_agenda(real("piclub-2023-09.docx"))
    assert [(i.number, i.title) for i in agenda.items] == [
        ("1", "Pico W’s RP2040 dual core architecture"),
        (
            "2",
            "Multithreading and Demonstration (countingwithoutthready.py and"
            " countingwiththread.py)",
        ),
        (
            "3",
            "https://youtu.be/Qdu6ixPz43o?si=NW2dNdkILtQ22EOF to find out more about the"
            " architecture.",
        ),
        ("4", "Why autorobot.py is not efficient and how multithreading can solve this problem"),
        ("5", "Practical work."),
    ]  # fmt: skip
    # The bullets under item 2 are its notes; the picture's caption is no item.
    assert agenda.items[1].note == "Parallel execution\nParallel processing\nMulti-tasking"
    assert agenda.items[0].note is None


# -- Not agendas: a refusal that says what was looked for ---------------------------------------


def test_a_mail_merge_template_is_refused() -> None:
    message = refusal("toastmasters.docx")
    assert "a template, not an agenda" in message and "w0_0" in message


def test_a_minutes_template_with_placeholders_is_refused() -> None:
    message = refusal("gopsill-minutes.docx")
    assert "a template, not an agenda" in message and "{title}" in message


def test_a_programme_grid_of_parallel_tracks_is_refused() -> None:
    message = refusal("haiti.docx")
    assert "a programme grid, not an agenda" in message
    assert "several sessions at the same time" in message


def test_minutes_without_an_agenda_are_refused_saying_what_was_looked_for() -> None:
    message = refusal("bradford-minutes.docx")
    assert "no agenda found (looked for a table" in message


# -- The command line: no date asks for one; refusals change nothing ---------------------------


def _import(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "board_tui", "import", "agenda", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_no_date_in_the_document_asks_for_date_and_time(db_path: Path) -> None:
    done = _import(str(real("piclub.docx")), "--board", "Pi Club", "--db", str(db_path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "Error: piclub.docx: no meeting date or start time found; "
        "give them with --date YYYY-MM-DD --time HH:MM"
    ]
    done = _import(
        str(real("piclub.docx")), "--board", "Pi Club", "--date", "2022-03-05",
        "--time", "10:00", "--db", str(db_path),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "16 items" in done.stdout


def test_the_afternoon_session_imports_at_its_afternoon_times(db_path: Path) -> None:
    from board_tui.domain import agenda_order
    from board_tui.storage.store import Store

    done = _import(
        str(real("qhda-ieee.docx")), "--board", "QCE 2021", "--date", "2021-10-18",
        "--db", str(db_path),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with Store.open(db_path) as store:
        meeting = store.meetings()[0]
        items = store.agenda(meeting.id)
        starts = agenda_order.planned_starts(items, meeting.scheduled_start)
        got = [(i.number, f"{starts[i.id]:%H:%M}") for i in items if i.parent_id is None]
    assert got == [("1", "10:45"), ("2", "13:00"), ("3", "15:15")]


@pytest.mark.parametrize("name", ["toastmasters.docx", "haiti.docx", "gopsill-minutes.docx"])
def test_a_refused_document_writes_nothing(name: str, db_path: Path) -> None:
    done = _import(str(real(name)), "--board", "Club", "--db", str(db_path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert re.match(rf"Error: {re.escape(name)}: a (template|programme grid)", done.stderr)
    assert not db_path.exists() or _boards(db_path) == []


def _boards(db_path: Path) -> list[str]:
    from board_tui.storage.store import Store

    with Store.open(db_path) as store:
        return [b.name for b in store.boards()]


def test_every_agenda_here_reads_as_one_of_the_known_layouts() -> None:
    layouts: dict[str, str] = {}
    for name in (
        "sj-48.docx", "sj-55.docx", "sj-64.docx", "sj-agenda.docx", "comite-0714.docx",
        "comite-0731.docx", "wcnpo.docx", "sediment.docx", "xsam.docx", "qhda-ieee.docx",
        "piclub.docx", "piclub-2023-09.docx",
    ):  # fmt: skip
        read: AgendaRead = read_agenda(real(name))
        layouts[name] = read.layout
    assert layouts == {
        "sj-48.docx": "list", "sj-55.docx": "list", "sj-64.docx": "list",
        "sj-agenda.docx": "list", "comite-0714.docx": "table", "comite-0731.docx": "list",
        "wcnpo.docx": "list", "sediment.docx": "table", "xsam.docx": "list",
        "qhda-ieee.docx": "table", "piclub.docx": "list", "piclub-2023-09.docx": "list",
    }  # fmt: skip
