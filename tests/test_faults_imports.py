"""Every Word importer against every kind of malformed file, through the real command line:
one line naming the file and the problem, exit 1, no traceback, and the database untouched.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from faults import assert_one_line_error, db_state, run_cli
from plan_docs import COUNCIL_HEADER, council_plan, write_table, zip_bomb
from test_agenda_reader import council_agenda

from board_tui.readers.word_package import MAX_UNCOMPRESSED_BYTES
from board_tui.services.demo import build_demo
from board_tui.storage.store import Store

PLAN_BOARD = "Tower Hamlets Together Engagement Leads Group"
AGENDA_BOARD = "Transformation Advisory Board"
AGENDA_HEADER = ("ITEM TITLE", "TIME", "PRESENTER", "PAGES")

Maker = Callable[[Path], Path]


def _good(kind: str, path: Path) -> Path:
    return council_plan(path) if kind == "actions" else council_agenda(path)


def _entity_text(kind: str) -> bytes:
    """Words of the good document that an entity stands in for in the bad one."""
    return b"Publish the residents" if kind == "actions" else b"Action log"


def truncated(kind: str, folder: Path) -> Path:
    good = _good(kind, folder / "good.docx").read_bytes()
    path = folder / "truncated.docx"
    path.write_bytes(good[: len(good) // 2])
    return path


def with_entities(kind: str, folder: Path) -> Path:
    """The good document with a DOCTYPE declaring an entity that stands for some of its words."""
    good = _good(kind, folder / "good.docx")
    path = folder / "entities.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                words = _entity_text(kind)
                assert words in data
                doctype = b'<!DOCTYPE w:document [<!ENTITY a "' + words + b'">]>'
                data = data.replace(b"?>", b"?>" + doctype, 1).replace(words, b"&a;")
            target.writestr(info, data)
    return path


def huge(kind: str, folder: Path) -> Path:
    return zip_bomb(folder / "huge.docx", MAX_UNCOMPRESSED_BYTES + 1024 * 1024)


def renamed_text(kind: str, folder: Path) -> Path:
    path = folder / "renamed.docx"
    path.write_text("1. Welcome and apologies\n2. Any other business\n", encoding="utf-8")
    return path


def only_headers(kind: str, folder: Path) -> Path:
    header = COUNCIL_HEADER if kind == "actions" else AGENDA_HEADER
    return write_table(folder / "headers.docx", header, [])


CASES: dict[str, tuple[Callable[[str, Path], Path], dict[str, str]]] = {
    "truncated": (truncated, {"*": "damaged .docx (the zip package cannot be read)"}),
    "entities": (with_entities, {"*": "declares XML entities"}),
    "huge": (huge, {"*": "too large (51 MB unpacked; the limit is 50 MB)"}),
    "renamed text": (renamed_text, {"*": "not a Word .docx file"}),
    "only headers": (
        only_headers,
        {
            "actions": "the action-plan table has only its header row",
            "agenda": "the agenda table has no items",
        },
    ),
}


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "board.sqlite3"
    with Store.open(path) as store:
        build_demo(store)
    return path


def _import(kind: str, path: Path, db: Path) -> list[str]:
    board = PLAN_BOARD if kind == "actions" else AGENDA_BOARD
    return ["import", kind, str(path), "--board", board, "--db", str(db)]


@pytest.mark.parametrize("kind", ["actions", "agenda"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_malformed_file_is_one_line_and_changes_nothing(
    tmp_path: Path, demo_db: Path, kind: str, case: str
) -> None:
    make, problems = CASES[case]
    folder = tmp_path / "papers"
    folder.mkdir()
    path = make(kind, folder)
    before = db_state(demo_db)
    done = run_cli(*_import(kind, path, demo_db))
    line = assert_one_line_error(done, path.name, problems.get(kind, problems.get("*", "")))
    assert line.startswith(f"Error: {path}: ") or line.startswith(f"Error: {path.name}: ")
    assert db_state(demo_db) == before


@pytest.mark.parametrize("kind", ["actions", "agenda"])
def test_the_undamaged_documents_do_import(tmp_path: Path, demo_db: Path, kind: str) -> None:
    """The faults above are made from these documents, which change the database when whole:
    so "unchanged" above is the refusal, not a document that could never be read."""
    path = _good(kind, tmp_path / "good.docx")
    before = db_state(demo_db)
    done = run_cli(*_import(kind, path, demo_db))
    assert done.returncode == 0, done.stderr
    assert db_state(demo_db) != before
