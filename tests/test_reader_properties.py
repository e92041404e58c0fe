"""Properties of the readers' parsers: times, dates, item numbers, Word list numbering and
header words, each checked over many generated inputs rather than a few examples."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from board_tui.readers.agenda.columns import DURATION, PRESENTER, TIME, TITLE, header_columns
from board_tui.readers.agenda.marks import split_number
from board_tui.readers.calendar import find_date
from board_tui.readers.clock import afternoon, read_clock
from board_tui.readers.plan.columns import columns as plan_columns
from board_tui.readers.word_lists import Numbering, letters, roman

# -- Times ------------------------------------------------------------------------------------

_CLOCKS = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))


def _twelve(time: dt.time) -> tuple[int, str]:
    hour = time.hour % 12 or 12
    return hour, "am" if time.hour < 12 else "pm"


@given(_CLOCKS, st.sampled_from(["{h}:{m:02d}{ap}", "{h}.{m:02d} {ap}", "{h}:{m:02d} {dots}"]))
def test_twelve_hour_times_with_am_or_pm(time: dt.time, form: str) -> None:
    hour, ap = _twelve(time)
    dots = f"{ap[0]}.m."
    clock = read_clock(form.format(h=hour, m=time.minute, ap=ap, dots=dots))
    assert clock is not None and (clock.start, clock.end) == (time, None)
    assert not clock.start_ambiguous


@given(
    _CLOCKS, st.sampled_from(["{H:02d}:{m:02d}", "{H:02d}{m:02d}", "{H}h{m:02d}", "{H} h {m:02d}"])
)
def test_twenty_four_hour_times(time: dt.time, form: str) -> None:
    clock = read_clock(form.format(H=time.hour, m=time.minute))
    assert clock is not None and clock.start == time


@given(_CLOCKS)
def test_welsh_afternoon_and_morning_marks(time: dt.time) -> None:
    hour, ap = _twelve(time)
    mark = "yh" if ap == "pm" else "yb"
    clock = read_clock(f"{hour}:{time.minute:02d}{mark}")
    assert clock is not None and clock.start == time


@given(_CLOCKS, _CLOCKS, st.sampled_from(["-", "–", " - ", " to "]))
def test_ranges_in_twenty_four_hours(first: dt.time, second: dt.time, dash: str) -> None:
    start, end = sorted((first, second))
    clock = read_clock(f"{start:%H:%M}{dash}{end:%H:%M}")
    assert clock is not None and (clock.start, clock.end) == (start, end)


@given(
    st.integers(7 * 60, 11 * 60).flatmap(
        lambda first: st.lists(st.integers(5, 90), min_size=1, max_size=12).map(
            lambda gaps: [first, *gaps]
        )
    )
)
def test_afternoon_times_written_without_pm_are_read_in_the_afternoon(steps: list[int]) -> None:
    """A day's times written as a clock face shows them ("11:55", "1:00") come back in
    order: each one that would go back before the one above it is p.m."""
    minutes = [sum(steps[: i + 1]) for i in range(len(steps))]
    assume(minutes[-1] < 20 * 60)
    times = [dt.time(m // 60, m % 60) for m in minutes]
    written = [f"{t.hour % 12 or 12}:{t.minute:02d}" for t in times]
    read = afternoon([read_clock(text) for text in written])
    assert [c.start for c in read if c is not None] == times


# -- Dates ------------------------------------------------------------------------------------

_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre"
    " diciembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "cy": "Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr",
}
_FORMS = {
    "en": ["{d} {month} {y}", "{month} {d}, {y}", "Saturday, {d} {month} {y}"],
    "es": ["{d} de {month} de {y}", "Martes {d} de {month} {y}"],
    "fr": ["{d} {month} {y}", "mardi {d} {month} {y}"],
    "cy": ["{d} {month} {y}", "Dydd Mawrth {d} {month} {y}"],
}


@given(
    st.dates(dt.date(1990, 1, 1), dt.date(2080, 12, 31)),
    st.sampled_from(sorted(_MONTHS)),
    st.data(),
)
def test_dates_in_four_languages(day: dt.date, language: str, data: st.DataObject) -> None:
    month = _MONTHS[language].split()[day.month - 1]
    form = data.draw(st.sampled_from(_FORMS[language]))
    text = "The meeting: " + form.format(d=day.day, month=month, y=day.year) + ", at 2pm"
    found = find_date(text)
    assert found is not None and found.date == day


@given(st.dates(dt.date(2000, 1, 1), dt.date(2080, 12, 31)))
def test_numeric_dates_are_day_first_unless_they_cannot_be(day: dt.date) -> None:
    found = find_date(f"{day.day}/{day.month}/{day.year}")
    assert found is not None and found.date == day
    american = find_date(f"{day.month}/{day.day}/{day.year}")
    assert american is not None
    if day.day > 12:
        assert american.date == day  # no month 13: it can only be month first
    else:
        assert american.date == dt.date(day.year, day.day, day.month)


# -- Item numbers -----------------------------------------------------------------------------

_TITLES = st.from_regex(r"[A-Z][a-z]{2,12}( [a-z]{2,10}){0,4}", fullmatch=True)


@given(st.integers(1, 199), _TITLES, st.sampled_from(["{n}. ", "{n}) ", "{n} ", "Item {n}: "]))
def test_typed_item_numbers(number: int, title: str, form: str) -> None:
    assert split_number(form.format(n=number) + title) == (str(number), title)


@given(st.integers(1, 99), st.integers(1, 20), _TITLES, st.sampled_from(["{n}.{k} ", "{n}{a} "]))
def test_typed_sub_item_numbers(number: int, sub: int, title: str, form: str) -> None:
    letter = letters(min(sub, 26))
    written = form.format(n=number, k=sub, a=letter)
    assert split_number(written + title) == (written.strip(), title)


# -- Word list numbering ----------------------------------------------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_LEVEL_FORMATS = {
    "dotted": (("decimal", "%1."), ("decimal", "%1.%2")),
    "lettered": (("decimal", "%1."), ("lowerLetter", "%2.")),
    "roman": (("upperRoman", "%1."), ("lowerRoman", "(%2)")),
}


def _numbered_document(path: Path, levels: list[int], style: str, start: int) -> Path:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start if i == 0 else 1}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(_LEVEL_FORMATS[style])
    )
    numbering.insert(
        0, parse_xml(f'<w:abstractNum {_W} w:abstractNumId="90">{lvls}</w:abstractNum>')
    )
    numbering.append(parse_xml(f'<w:num {_W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for index, level in enumerate(levels):
        paragraph = document.add_paragraph(f"Entry {index}")
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {_W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )
    document.save(str(path))
    return path


def _expected(levels: list[int], style: str, start: int) -> list[str]:
    labels: list[str] = []
    top, sub = start - 1, 0
    for level in levels:
        if level == 0:
            top, sub = top + 1, 0
            labels.append(f"{roman(top).upper() if style == 'roman' else top}.")
        else:
            sub += 1
            shown = {
                "dotted": f"{top}.{sub}",
                "lettered": f"{letters(sub)}.",
                "roman": f"({roman(sub)})",
            }
            labels.append(shown[style])
    return labels


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(st.sampled_from([0, 1]), min_size=1, max_size=14).map(lambda ls: [0, *ls]),
    st.sampled_from(sorted(_LEVEL_FORMATS)),
    st.integers(1, 9),
)
def test_word_list_labels_are_what_word_draws(
    tmp_path: Path, levels: list[int], style: str, start: int
) -> None:
    path = _numbered_document(tmp_path / "list.docx", levels, style, start)
    document = docx.Document(str(path))
    numbering = Numbering(document)
    labels = [numbering.label(p._p) for p in document.paragraphs]
    assert [label.label for label in labels if label is not None] == _expected(levels, style, start)


# -- Header words -----------------------------------------------------------------------------

_AGENDA_WORDS = {
    TITLE: ["Title", "Subject", "Tema", "Sujet", "Pwnc", "Asunto", "Titre", "Teitl"],
    TIME: ["Time", "Hora", "Heure", "Amser", "Horario", "Start"],
    PRESENTER: ["Presenter", "Expone o dirige", "Intervenant", "Cyflwynydd", "Speaker", "Lead"],
    DURATION: ["Duración prevista", "Durée", "Hyd", "Duration", "Minutes"],
}


def _cased(text: str, how: str) -> str:
    return {"upper": text.upper(), "lower": text.lower(), "as is": text}[how]


@given(
    st.data(), st.permutations(sorted(_AGENDA_WORDS)), st.sampled_from(["upper", "lower", "as is"])
)
def test_agenda_header_words_in_any_order_language_or_case(
    data: st.DataObject, roles: list[str], how: str
) -> None:
    header = [_cased(data.draw(st.sampled_from(_AGENDA_WORDS[role])), how) for role in roles]
    found = header_columns(header, 0)
    assert found is not None
    assert {role: found.roles[role] for role in roles} == {r: i for i, r in enumerate(roles)}


_PLAN_WORDS = {
    "recommendation": ["Action", "Action items", "Task", "Acción", "Tâche", "Hành động", "Tasg"],
    "lead": ["Owner", "Person responsible", "Lead", "Who", "Responsable", "Porteur", "Cyfrifol"],
    "time_frame": ["Deadline", "Due", "By when", "Due date", "Plazo", "Échéance", "Thời hạn"],
    "lines": ["Status", "Progress", "Estado", "Statut", "Trạng thái", "Cynnydd"],
}


@given(
    st.data(), st.permutations(sorted(_PLAN_WORDS)), st.sampled_from(["upper", "lower", "as is"])
)
def test_action_log_header_words_in_any_order_language_or_case(
    data: st.DataObject, roles: list[str], how: str
) -> None:
    header = [_cased(data.draw(st.sampled_from(_PLAN_WORDS[role])), how) for role in roles]
    found = plan_columns(header)
    assert found is not None and found.ref is None
    assert {role: getattr(found, role) for role in roles} == {r: i for i, r in enumerate(roles)}


@pytest.mark.parametrize(
    "header", [("Name", "Role"), ("Nombre", "Cargo"), ("Tiêu chí", "Đánh giá")]
)
def test_tables_that_are_no_agenda_or_plan(header: tuple[str, ...]) -> None:
    assert header_columns(list(header), 0) is None
    assert plan_columns(list(header)) is None
