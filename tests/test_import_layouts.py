"""Layouts beyond the real fixtures, built with python-docx: other languages' tables, heading
agendas, merged owners, headers in content controls, a RAG column beside progress words,
an organisation's name above the plan's. Each is a shape the issue names; none is a copy
of a fixture, so the readers are held to rules, not to files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.oxml import parse_xml
from plan_docs import fill_cell, write_table

from board_tui.domain.statuses import Status
from board_tui.readers.agenda import read_agenda
from board_tui.readers.plan import read_action_plan

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


# -- Agendas ----------------------------------------------------------------------------------


def test_a_welsh_agenda_table_with_welsh_times(tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "agenda.docx",
        ("Eitem", "Pwnc", "Amser", "Cyflwynydd"),
        [
            ("1", "Croeso ac ymddiheuriadau", "2:00yh", "Cadeirydd"),
            ("2", "Cofnodion y cyfarfod diwethaf", "2:10yh", ""),
            ("3", "Adroddiad y Prif Weithredwr", "2:20yh", "Prif Weithredwr"),
        ],
        title="Pwyllgor Craffu",
        before=["Dydd Mawrth 14 Gorffennaf 2026", "Lleoliad: Siambr y Cyngor"],
    )
    agenda = read_agenda(path)
    assert (agenda.date, agenda.venue) == (dt.date(2026, 7, 14), "Siambr y Cyngor")
    assert [(i.number, i.title, i.start, i.presenter) for i in agenda.items] == [
        ("1", "Croeso ac ymddiheuriadau", t("14:00"), "Cadeirydd"),
        ("2", "Cofnodion y cyfarfod diwethaf", t("14:10"), None),
        ("3", "Adroddiad y Prif Weithredwr", t("14:20"), "Prif Weithredwr"),
    ]


def test_a_french_agenda_table_with_times_in_hours(tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "ordre-du-jour.docx",
        ("N°", "Sujet", "Horaire", "Intervenant"),
        [
            ("1", "Accueil", "14h00", "La présidente"),
            ("2", "Approbation du compte rendu", "14h10", ""),
            ("3", "Budget 2026", "14h30", "Le trésorier"),
        ],
        before=["Réunion du conseil", "mardi 1er juillet 2026 à 14h, salle B"],
    )
    agenda = read_agenda(path)
    assert (agenda.date, agenda.start) == (dt.date(2026, 7, 1), t("14:00"))
    assert agenda.venue == "salle B"
    assert [(i.title, i.start) for i in agenda.items] == [
        ("Accueil", t("14:00")),
        ("Approbation du compte rendu", t("14:10")),
        ("Budget 2026", t("14:30")),
    ]


def test_a_spanish_typed_list_under_orden_del_dia(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Comité de vecinos", style="Title")
    document.add_paragraph(
        "Se celebrará el jueves 3 de septiembre de 2026, a las 19:00, en el salón."
    )
    document.add_paragraph("Orden del día", style="Heading 1")
    for line in (
        "1) Lectura del acta anterior",
        "2) Informe de tesorería: Marta",
        "a) Cuotas pendientes",
        "b) Presupuesto de fiestas",
        "3) Ruegos y preguntas",
    ):
        document.add_paragraph(line)
    document.add_paragraph("Atentamente,")
    document.add_paragraph("La secretaria")
    path = tmp_path / "orden.docx"
    document.save(str(path))
    agenda = read_agenda(path)
    assert (agenda.date, agenda.start) == (dt.date(2026, 9, 3), t("19:00"))
    assert [(i.depth, i.number, i.title, i.presenter) for i in agenda.items] == [
        (0, "1", "Lectura del acta anterior", None),
        (0, "2", "Informe de tesorería", "Marta"),
        (1, "a", "Cuotas pendientes", None),
        (1, "b", "Presupuesto de fiestas", None),
        (0, "3", "Ruegos y preguntas", None),
    ]  # the signature is no item


def test_paragraphs_under_an_agenda_heading_up_to_the_signature(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Friends of the Park", style="Title")
    document.add_paragraph("Dear members,")
    document.add_paragraph("The committee will meet on 12 May 2025 at 7.30 p.m. in the Lodge.")
    document.add_paragraph("Agenda", style="Heading 2")
    for line in ("Apologies", "Minutes of the last meeting", "Treasurer's report", "AOB"):
        document.add_paragraph(line)
    document.add_paragraph("Kind regards,")
    document.add_paragraph("Sam Patel, Secretary")
    path = tmp_path / "letter.docx"
    document.save(str(path))
    agenda = read_agenda(path)
    assert agenda.layout == "paragraphs"
    assert [i.title for i in agenda.items] == [
        "Apologies",
        "Minutes of the last meeting",
        "Treasurer's report",
        "AOB",
    ]
    assert (agenda.date, agenda.start, agenda.venue) == (
        dt.date(2025, 5, 12),
        t("19:30"),
        "the Lodge",
    )


def test_a_timetable_led_by_its_time_column_with_a_part_2_heading(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Cabinet, 2 March 2026", style="Title")
    rows = [
        ("10:00", "Welcome", "Leader"),
        ("10:10", "Budget monitoring", "Finance Director"),
        ("", "The report is to note.", ""),
        None,  # Part 2 heading merged across
        ("11:30", "Contract award", "Procurement"),
        ("12:00", "Close", ""),
    ]
    table = document.add_table(rows=len(rows), cols=3)
    for row, values in zip(table.rows, rows, strict=True):
        if values is None:
            cells = row.cells
            fill_cell(cells[0].merge(cells[-1]), "Part 2 – exempt items")
            continue
        for cell, text in zip(row.cells, values, strict=True):
            fill_cell(cell, text)
    path = tmp_path / "cabinet.docx"
    document.save(str(path))
    agenda = read_agenda(path)
    assert [(i.title, i.start, i.presenter, i.exempt, i.note) for i in agenda.items] == [
        ("Welcome", t("10:00"), "Leader", False, None),
        ("Budget monitoring", t("10:10"), "Finance Director", False, "The report is to note."),
        ("Contract award", t("11:30"), "Procurement", True, None),
        ("Close", t("12:00"), None, True, None),
    ]


# -- Plans and action logs --------------------------------------------------------------------


def test_a_welsh_action_log_with_rag_fills(tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "cynllun.docx",
        ("Cam gweithredu", "Cyfrifol", "Dyddiad cau", "Statws"),
        [
            ("Cyhoeddi'r adroddiad", "Swyddog Craffu", "31/03/2026", "Wedi'i gwblhau"),
            ("Trefnu'r fforwm", "Rheolwr Ymgysylltu", "Mehefin 2026", "Ar waith"),
        ],
        title="Cynllun Gweithredu 2026",
    )
    plan = read_action_plan(path)
    assert plan.title == "Cynllun Gweithredu 2026"
    assert [(i.ref, i.recommendation, i.lead, i.status) for i in plan.items] == [
        ("1", "Cyhoeddi'r adroddiad", "Swyddog Craffu", Status.COMPLETE),
        ("2", "Trefnu'r fforwm", "Rheolwr Ymgysylltu", Status.ON_TRACK),
    ]
    assert [i.next_steps[0].time_frame for i in plan.items] == ["31/03/2026", "Mehefin 2026"]


def test_an_owner_merged_down_over_three_actions(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Action", "Owner", "Due"), strict=True):
        fill_cell(cell, text)
    owner = table.rows[1].cells[1].merge(table.rows[3].cells[1])
    fill_cell(owner, "Jane Smith")
    for row, (action, due) in zip(
        table.rows[1:],
        (("Book the hall", "May"), ("Print flyers", "June"), ("Hold it", "July")),
        strict=True,
    ):
        fill_cell(row.cells[0], action)
        fill_cell(row.cells[2], due)
    path = tmp_path / "log.docx"
    document.save(str(path))
    plan = read_action_plan(path)
    assert [(i.ref, i.recommendation, i.lead, i.next_steps[0].time_frame) for i in plan.items] == [
        ("1", "Book the hall", "Jane Smith", "May"),
        ("2", "Print flyers", "Jane Smith", "June"),
        ("3", "Hold it", "Jane Smith", "July"),
    ]


def test_the_rag_column_decides_before_the_progress_words(tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "plan.docx",
        ("Action", "Lead", "RAG", "Progress"),
        [("Refresh the strategy", "Head of Policy", "Amber", "due to complete by early October")],
    )
    (item,) = read_action_plan(path).items
    assert item.status is Status.AT_RISK
    assert item.next_steps[0].status is Status.AT_RISK  # not "complete"


def test_an_amber_row_with_progress_words_is_not_complete(tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "plan.docx",
        ("#", "Recommendation", "Next steps", "Status"),
        [("1", "Refresh the strategy", "Draft it", "due to complete by early October")],
        fills=["F9CB9C"],
    )
    (item,) = read_action_plan(path).items
    assert item.next_steps[0].status is Status.AT_RISK


def _wrap_header_cells_in_content_controls(path: Path) -> None:
    document = docx.Document(str(path))
    tr = document.tables[0].rows[0]._tr
    for tc in list(
        tr.iterchildren("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tc")
    ):
        sdt = parse_xml(f"<w:sdt {_W}><w:sdtPr/><w:sdtContent/></w:sdt>")
        tc.addprevious(sdt)
        sdt[1].append(tc)
    document.save(str(path))


def test_headers_inside_content_controls(tmp_path: Path) -> None:
    path = write_table(
        tmp_path / "minutes.docx",
        ("Action items", "Person responsible", "Deadline"),
        [("Update the website", "Ann", "Friday"), ("Send the survey", "Raj", "1 May")],
    )
    _wrap_header_cells_in_content_controls(path)
    assert len(docx.Document(str(path)).tables[0].rows[0].cells) == 0  # python-docx sees none
    plan = read_action_plan(path)
    assert [(i.recommendation, i.lead) for i in plan.items] == [
        ("Update the website", "Ann"),
        ("Send the survey", "Raj"),
    ]


def _org_plan(path: Path, name: str) -> Path:
    document = docx.Document()
    document.add_paragraph("London Borough of Example", style="Title")
    document.add_paragraph(name, style="Heading 1")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("#", "Recommendation", "Lead"), strict=True):
        fill_cell(cell, text)
    for cell, text in zip(table.rows[1].cells, ("1", "Do the thing", "Ann"), strict=True):
        fill_cell(cell, text)
    document.save(str(path))
    return path


def test_the_plans_name_is_its_heading_not_the_organisation_above(tmp_path: Path) -> None:
    first = read_action_plan(_org_plan(tmp_path / "a.docx", "Resident Engagement Improvements"))
    second = read_action_plan(_org_plan(tmp_path / "b.docx", "Youth Services Review"))
    assert (first.title, second.title) == (
        "Resident Engagement Improvements",
        "Youth Services Review",
    )


def test_two_tables_of_actions_are_joined_in_order(tmp_path: Path) -> None:
    document = docx.Document()
    for heading, rows in (
        ("Actions from the last meeting", (("Chase the quotes", "Ann"),)),
        ("New actions", (("Book the room", "Raj"), ("Send the agenda", "Ann"))),
    ):
        document.add_paragraph(heading, style="Heading 2")
        table = document.add_table(rows=1 + len(rows), cols=2)
        for cell, text in zip(table.rows[0].cells, ("Action", "Who"), strict=True):
            fill_cell(cell, text)
        for row, values in zip(table.rows[1:], rows, strict=True):
            for cell, text in zip(row.cells, values, strict=True):
                fill_cell(cell, text)
    path = tmp_path / "two.docx"
    document.save(str(path))
    plan = read_action_plan(path)
    assert plan.layout == "tables"
    assert [(i.ref, i.recommendation, i.section) for i in plan.items] == [
        ("1", "Chase the quotes", "Actions from the last meeting"),
        ("2", "Book the room", "New actions"),
        ("3", "Send the agenda", "New actions"),
    ]
