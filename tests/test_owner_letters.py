"""Each owner's actions: a Word letter and an .eml draft per owner named, read back as sent."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import os
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from board_tui.cli.main import cli
from board_tui.domain.model import NoteKind, Status
from board_tui.domain.owners import owners_named
from board_tui.exporters import owner_letters
from board_tui.exporters.safe_write import ExportError, write_atomically
from board_tui.screens.export_dialog import ExportDialog
from board_tui.screens.shell.app import BoardApp
from board_tui.storage.store import Store


def _meeting(store: Store) -> int:
    """A held meeting: a shared action, an action of an officer with no email, a plan step
    of hers updated, and an action nobody owns."""
    board = store.create_board("Health and Wellbeing Board", "Example Council")
    store.add_person("Afazul Hoque", email="afazul.hoque@example.org")
    store.add_person("Sharon Godman", email="sharon.godman@example.org")
    store.add_person("Jo Officer")
    plan = store.create_plan(board.id, "Wellbeing Plan", dated=dt.date(2024, 1, 1))
    item = store.add_plan_item(plan.id, "4", "Healthy homes", lead="Jo Officer")
    step = store.add_action(
        "Survey damp in council homes", plan_item_id=item.id, time_frame="By the summer"
    )
    meeting = store.create_meeting(board.id, dt.datetime(2024, 3, 5, 14, 0), venue="Town Hall")
    first = store.add_agenda_item(meeting.id, "Better Care Fund", duration_minutes=20)
    second = store.add_agenda_item(meeting.id, "Housing and health", duration_minutes=20)
    store.start_meeting(meeting.id)
    store.move_to_item(meeting.id, first.id)
    store.add_note(first.id, NoteKind.DECISION, "It was agreed to pool the fund.")
    store.add_action(
        "Draft the pooled budget",
        agenda_item_id=first.id,
        owner="Afazul Hoque / Sharon Godman",
        time_frame="March Board 24",
    )
    store.move_to_item(meeting.id, second.id)
    store.add_action(
        "Report on mould complaints", agenda_item_id=second.id, owner="Jo Officer", time_frame="Q2"
    )
    store.add_action("Thank the residents' panel", agenda_item_id=second.id)
    store.record_status_update(
        Status.AT_RISK, "Contractor delayed", action_id=step.id, meeting_id=meeting.id
    )
    store.end_meeting(meeting.id)
    return meeting.id


def _run(db_path: Path, *args: str):
    return CliRunner().invoke(cli, ["export", "actions-by-owner", *args, "--db", str(db_path)])


def _eml(path: Path) -> email.message.EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    return message


def _word(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_an_owner_field_naming_two_gives_each_a_letter() -> None:
    assert owners_named("Afazul Hoque / Sharon Godman") == ["Afazul Hoque", "Sharon Godman"]
    assert owners_named("THT Chair & Engagement Manager; Legal") == [
        "THT Chair",
        "Engagement Manager",
        "Legal",
    ]
    assert owners_named("Strategy and Improvement Team") == ["Strategy and Improvement Team"]
    assert owners_named("Smith, Jo / smith,  jo") == ["Smith, Jo"]
    assert owners_named(" / ") == [] and owners_named(None) == []


def test_each_owner_gets_a_letter_and_an_email_draft(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    meeting_id = _meeting(store)
    out = tmp_path / "letters"
    out.mkdir()
    result = _run(db_path, str(meeting_id), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Wrote 3 letters" in result.output
    assert "Jo Officer: 1 new, 1 updated (no email in the directory" in result.output
    assert "No owner written for action A3" in result.output
    stem = "HWB actions 2024-03-05"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{stem} {who}.{ext}"
        for who in ("Afazul Hoque", "Sharon Godman", "Jo Officer")
        for ext in ("docx", "eml")
    )

    afazul = _word(out / f"{stem} Afazul Hoque.docx")
    assert "Dear Afazul Hoque," in afazul
    assert "A1: Draft the pooled budget" in afazul
    assert "Time frame: March Board 24" in afazul
    assert "Agreed: Item 1, Better Care Fund: It was agreed to pool the fund." in afazul
    assert "Shared with: Sharon Godman" in afazul
    assert "mould" not in afazul  # another owner's action

    jo = _word(out / f"{stem} Jo Officer.docx")
    assert "A2: Report on mould complaints" in jo and "Time frame: Q2" in jo
    assert "Updated at the meeting" in jo
    assert "Plan item 4: Survey damp in council homes" in jo
    assert "Said: At risk (was Next step). Contractor delayed" in jo
    assert "Time frame: By the summer" in jo
    assert "residents' panel" not in jo + afazul  # nobody owns it

    sent = _eml(out / f"{stem} Afazul Hoque.eml")
    assert sent["To"] == "Afazul Hoque <afazul.hoque@example.org>"
    assert sent["Subject"] == "Health and Wellbeing Board, Tuesday, 5 March 2024: your actions"
    assert sent["X-Unsent"] == "1"
    body = sent.get_content()
    assert sent.get_content_type() == "text/plain"
    assert "A1: Draft the pooled budget" in body and "Shared with: Sharon Godman" in body
    assert "Agreed: Item 1, Better Care Fund: It was agreed to pool the fund." in " ".join(
        body.split()
    )
    unaddressed = _eml(out / f"{stem} Jo Officer.eml")
    assert unaddressed["To"] is None
    assert "Report on mould complaints" in unaddressed.get_content()


def test_bad_input_gets_one_line_and_nothing_is_written(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    meeting_id = _meeting(store)
    empty = store.create_meeting(store.meeting(meeting_id).board_id, dt.datetime(2024, 6, 1, 14))
    out = tmp_path / "letters"
    out.mkdir()
    for args, words in (
        (("999", "-o", str(out)), "no such meeting: 999"),
        ((str(empty.id), "-o", str(out)), "no letters to write"),
        ((str(meeting_id), "-o", str(tmp_path / "missing")), "does not exist"),
    ):
        result = _run(db_path, *args)
        assert result.exit_code == 1, result.output
        assert words in result.output and len(result.output.strip().splitlines()) == 1
    assert list(out.iterdir()) == []

    # One letter already there: refused without --force, and no other file is written.
    kept = out / "HWB actions 2024-03-05 Jo Officer.eml"
    kept.write_bytes(b"the clerk's own")
    result = _run(db_path, str(meeting_id), "-o", str(out))
    assert result.exit_code == 1 and "use --force" in result.output
    assert list(out.iterdir()) == [kept]
    assert _run(db_path, str(meeting_id), "-o", str(out), "--force").exit_code == 0
    assert kept.read_bytes().startswith(b"Subject:") and len(list(out.iterdir())) == 6


def test_an_unwritable_folder_is_one_line(
    store: Store, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = _meeting(store)
    out = tmp_path / "locked"
    out.mkdir()
    access = os.access  # root may write anywhere: the folder says no instead
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != out and access(path, mode))
    result = _run(db_path, str(meeting_id), "-o", str(out))
    assert result.exit_code == 1 and "the folder is not writable" in result.output
    assert list(out.iterdir()) == []


def test_a_failure_midway_takes_back_the_letters_already_written(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = _meeting(store)
    real = write_atomically
    calls = []

    def fails_third(path, write, **kwargs):
        calls.append(path)
        if len(calls) == 3:
            raise ExportError(f"cannot write {path}: the disk is full; nothing was changed")
        return real(path, write, **kwargs)

    monkeypatch.setattr("board_tui.exporters.owner_letters.write_atomically", fails_third)
    out = tmp_path / "letters"
    out.mkdir()
    with pytest.raises(ExportError, match="disk is full"):
        owner_letters.write_owner_letters(store, meeting_id, out)
    assert len(calls) == 3
    assert list(out.iterdir()) == []


async def test_o_on_the_home_screen_previews_and_writes_the_letters(
    store: Store, tmp_path: Path
) -> None:
    _meeting(store)
    out = tmp_path / "letters"
    out.mkdir()
    app = BoardApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-path").value = str(out)  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert len(list(out.glob("*.docx"))) == 3 and len(list(out.glob("*.eml"))) == 3
