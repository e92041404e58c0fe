"""Clerks' own Word documents as templates: every export is written, whatever the file.

Real documents leave out what python-docx expects to find: no list definitions (a
document typed with no lists), no page size or margins (left to Word's defaults), a
main part named word/document2.xml, Word's style names in another language. Each real
fixture is used as the template of the minutes and the action plan: both must come out
as Word documents, with no warning printed on the way.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from board_tui.exporters.action_plan import write_action_plan
from board_tui.exporters.minutes import write_minutes
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

REAL = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "real"
TEMPLATES = sorted(p.name for p in REAL.glob("*.docx")) if REAL.is_dir() else []


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Store:
    with Store.open(tmp_path_factory.mktemp("demo") / "board.sqlite3") as store:
        build_demo(store)
    return Store.open(store.path or Path(), read_only=True)


@pytest.mark.skipif(not TEMPLATES, reason="real fixtures not found beside the checkout")
@pytest.mark.parametrize("name", TEMPLATES)
@pytest.mark.filterwarnings("error::UserWarning")  # a warning would reach the clerk's terminal
def test_every_export_is_written_on_a_real_document(demo: Store, name: str, tmp_path: Path) -> None:
    template = REAL / name
    plan = write_action_plan(demo, demo.plans()[0].id, tmp_path / "plan.docx", template=template)
    held = next(m for m in demo.meetings() if m.status.value == "approved")
    (minutes,) = write_minutes(demo, held.id, tmp_path / "minutes.docx", template=template)
    plan_text = "\n".join(p.text for p in docx.Document(str(plan)).paragraphs)
    assert "Engagement Leads Group" in plan_text
    assert docx.Document(str(plan)).tables, "the plan's table"
    minutes_text = "\n".join(p.text for p in docx.Document(str(minutes)).paragraphs)
    assert "Transformation Advisory Board".upper() in minutes_text.upper()
    assert "17 October 2023".upper() in minutes_text.upper()
