"""Part 2 never reaches a public output: every capture on an exempt item and on its unflagged
sub-item is left out of the minutes, the agenda, the action plan, the progress report, the
round-up, "You said, we did", the chair's view and a public search or history, and is all in
the confidential annex.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from board_tui.cli.main import cli
from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import NoteKind, Status
from board_tui.domain.report_text import ReportChoice
from board_tui.exporters.action_plan import plan_rows, plan_text, write_action_plan
from board_tui.exporters.agenda import write_agenda
from board_tui.exporters.minutes import minutes_text
from board_tui.exporters.roundup import write_roundup
from board_tui.exporters.you_said_we_did import build_you_said, write_you_said, you_said_text
from board_tui.services.chair_view import EXEMPT_TITLE, ChairFilter, Scope, read_chair
from board_tui.services.progress_draft import draft_report
from board_tui.services.progress_report import export_progress_report
from board_tui.services.progress_report import part2_quotes as part2_report_quotes
from board_tui.services.roundup import draft_roundup, export_roundup, part2_quotes, roundup_text
from board_tui.storage.store import Store
from security.part2 import PUBLIC_WORD, Part2, build_part2, docx_text, leaks

CONFIDENTIAL = "CONFIDENTIAL \u2013 Part 2"


@pytest.fixture
def part2(store: Store, clock) -> Part2:
    return build_part2(store, clock)


def _clean(text: str, *, public: str = PUBLIC_WORD) -> None:
    """No Part 2 word in the text, and the public business is there (so it is not empty)."""
    assert leaks(text) == []
    assert public.casefold() in text.casefold()


def test_the_scenario_is_what_it_says(store: Store, part2: Part2) -> None:
    """Every kind of capture on the exempt item and on its sub-item, which is not flagged
    itself; so every check below has Part 2 words it could leak."""
    items = {i.id: i for i in store.agenda(part2.meeting_id)}
    assert items[part2.parent_id].exempt and not items[part2.sub_id].exempt
    assert items[part2.sub_id].parent_id == part2.parent_id
    notes = store.notes(part2.meeting_id)
    actions = store.actions_arising(part2.meeting_id)
    declarations = store.declarations(part2.meeting_id)
    updates = store.status_history(plan_item_id=part2.plan_item_id)
    for item_id in (part2.parent_id, part2.sub_id):
        said = [n for n in notes if n.agenda_item_id == item_id]
        assert {n.kind for n in said} == set(NoteKind)
        assert [bool(n.voice_source and leaks(n.voice_source)) for n in said if n.voice] == [True]
        set_here = [a for a in actions if a.agenda_item_id == item_id]
        assert sorted(a.plan_item_id is not None for a in set_here) == [False, True]
        assert len([d for d in declarations if d.agenda_item_id == item_id]) == 1
        assert [leaks(u.body) != [] for u in updates if u.agenda_item_id == item_id] == [True]
    assert all(leaks(n.body) for n in notes if n.agenda_item_id in (part2.parent_id, part2.sub_id))
    private = read_chair(store, store.meeting(part2.meeting_id), ChairFilter(public=False))
    assert leaks(repr(private)) != []


# -- the minutes and the confidential annex ---------------------------------------------------


def test_minutes_keep_part2_for_the_annex(
    store: Store, part2: Part2, db_path: Path, tmp_path: Path
) -> None:
    public, annex = tmp_path / "minutes.docx", tmp_path / "annex.docx"
    result = CliRunner().invoke(
        cli,
        [
            "export",
            "minutes",
            str(part2.meeting_id),
            "-o",
            str(public),
            "--exempt-annex",
            str(annex),
            "--db",
            str(db_path),
        ],
    )
    assert result.exit_code == 0, result.output
    _clean(docx_text(public))
    _clean(minutes_text(store, part2.meeting_id))
    assert EXEMPT_TITLE.upper() in docx_text(public)  # the one line the exempt item leaves

    secret = docx_text(annex).casefold()
    assert [w for w in part2.annex_words if w.casefold() not in secret] == []
    assert CONFIDENTIAL.casefold() in secret
    assert PUBLIC_WORD.casefold() not in secret  # the annex is only Part 2


# -- the agenda -------------------------------------------------------------------------------


def test_the_agenda_shows_part2_only_as_exempt_items(
    store: Store, part2: Part2, tmp_path: Path
) -> None:
    path = write_agenda(store, part2.meeting_id, tmp_path / "agenda.docx")
    text = docx_text(path)
    _clean(text)
    # The flagged item and its sub-item, each with its number and nothing else of it.
    assert f"4. {EXEMPT_TITLE}" in text and f"4.1 {EXEMPT_TITLE}" in text


# -- the updated action plan ------------------------------------------------------------------


def test_the_action_plan_leaves_out_steps_and_updates_said_in_part2(
    store: Store, part2: Part2, tmp_path: Path
) -> None:
    path = write_action_plan(store, part2.plan_id, tmp_path / "plan.docx")
    _clean(docx_text(path), public="Publish the engagement calendar")
    _clean(
        plan_text(store, part2.plan_id, store.clock().date()),
        public="Publish the engagement calendar",
    )


def test_statuses_set_in_part2_do_not_show(store: Store, part2: Part2) -> None:
    """The public plan item was put off track, and its public step dropped, in Part 2:
    public outputs show them as they were last said in public."""
    row = next(r for r in plan_rows(store, part2.plan_id) if r.ref == "1")
    assert row.status is Status.ON_TRACK
    assert [text for _lead, text in row.steps] == ["Publish the engagement calendar"]
    assert row.time_frames == ("End of March 24",)
    assert [line for line in row.status_lines if line[1]] == []

    store.move_to_item(part2.meeting_id, part2.public_item_id)
    meeting = store.meeting(part2.meeting_id)
    state = read_chair(store, meeting, ChairFilter())
    shown = {
        (r.plan_item.id if r.plan_item else None, r.action.id if r.action else None): r
        for r in state.rows
    }
    assert shown[(part2.plan_item_id, None)].status is Status.ON_TRACK
    assert shown[(None, part2.public_step_id)].status is Status.NEXT_STEP
    assert all(a not in {k[1] for k in shown} for a in part2.part2_step_ids)

    whole = read_chair(store, meeting, ChairFilter(scope=Scope.PLAN))
    first = next(r for r in whole.rows if r.plan_item and r.plan_item.id == part2.plan_item_id)
    assert (first.status, first.open_steps, first.next_time_frame) == (
        Status.ON_TRACK,
        1,
        "End of March 24",
    )
    assert [
        r.plan_item.ref
        for r in read_chair(
            store, meeting, ChairFilter(scope=Scope.PLAN, status=Status.OFF_TRACK)
        ).rows
        if r.plan_item
    ] == []


# -- the chair's round-up and "You said, we did" ------------------------------------------------


def test_the_roundup_leaves_part2_out(store: Store, part2: Part2, tmp_path: Path) -> None:
    body = draft_roundup(store, part2.meeting_id)
    _clean(body)
    _clean(roundup_text(store, part2.meeting_id))
    word = write_roundup(store, part2.meeting_id, body, tmp_path / "roundup.docx")
    _clean(docx_text(word))
    markdown = write_roundup(store, part2.meeting_id, body, tmp_path / "roundup.md")
    _clean(markdown.read_text(encoding="utf-8"))


def test_the_roundup_command_leaves_part2_out(part2: Part2, db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["roundup", str(part2.meeting_id), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    _clean(result.output)


def test_a_kept_roundup_that_repeats_part2_is_refused(
    store: Store, part2: Part2, db_path: Path, tmp_path: Path
) -> None:
    """A draft kept from before the item was marked exempt (or from an older board-tui),
    then edited by the chair: it is never printed or written, and the refusal quotes none of it."""
    store.update_agenda_item(part2.parent_id, exempt=False)
    leaky = draft_roundup(store, part2.meeting_id)
    store.update_agenda_item(part2.parent_id, exempt=True)
    assert leaks(leaky) != []
    store.save_roundup(part2.meeting_id, leaky + "\n\nThe chair's own closing words.\n")
    assert part2_quotes(store, part2.meeting_id, leaky) == ["4", "4.1"]
    assert part2_quotes(store, part2.meeting_id, draft_roundup(store, part2.meeting_id)) == []

    runner = CliRunner()
    printed = runner.invoke(cli, ["roundup", str(part2.meeting_id), "--db", str(db_path)])
    assert printed.exit_code == 1 and leaks(printed.output) == []
    assert "repeats Part 2 business (item 4, 4.1)" in printed.output
    target = tmp_path / "roundup.docx"
    written = runner.invoke(
        cli, ["roundup", str(part2.meeting_id), "-o", str(target), "--db", str(db_path)]
    )
    assert written.exit_code == 1 and not target.exists()
    with pytest.raises(BoardTuiError, match="Part 2"):
        export_roundup(store, part2.meeting_id, leaky, tmp_path / "roundup.md")
    fresh = runner.invoke(cli, ["roundup", str(part2.meeting_id), "--fresh", "--db", str(db_path)])
    assert fresh.exit_code == 0
    _clean(fresh.output)


def test_you_said_we_did_leaves_part2_out(store: Store, part2: Part2, tmp_path: Path) -> None:
    report = build_you_said(store, part2.board_id)
    _clean(you_said_text(report))
    assert len(report.rows) == 1  # only the public comment in residents' voice
    did = " ".join(text for _lead, text in report.rows[0][1])
    assert f"extend the {PUBLIC_WORD} hours" in did and "new Hubopening times" in did
    _clean(docx_text(write_you_said(store, part2.board_id, tmp_path / "ysd.docx")))


# -- the chair's view, as the service gives it to all three windows -----------------------------


@pytest.mark.parametrize("scope", list(Scope))
@pytest.mark.parametrize("where", ["public_item_id", "parent_id", "sub_id"])
def test_the_public_chair_view_holds_no_part2(
    store: Store, part2: Part2, scope: Scope, where: str
) -> None:
    store.move_to_item(part2.meeting_id, getattr(part2, where))
    meeting = store.meeting(part2.meeting_id)
    state = read_chair(store, meeting, ChairFilter(scope=scope))
    assert leaks(repr(state)) == []
    masked = [i for i in state.items if i.id in (part2.parent_id, part2.sub_id)]
    assert [i.title for i in masked] == [EXEMPT_TITLE, EXEMPT_TITLE]
    assert leaks(repr(read_chair(store, meeting, ChairFilter(public=False, scope=scope)))) != []


# -- search and history for a public audience --------------------------------------------------


def test_a_public_search_finds_no_part2(part2: Part2, db_path: Path) -> None:
    """The command line's; the store's own answers: test_part2_search, on both engines."""
    runner = CliRunner()
    words = "secret* OR bids OR valuation OR tenants"
    found = runner.invoke(cli, ["search", words, "--public", "--db", str(db_path)])
    assert found.exit_code == 0, found.output
    assert found.output == f"Nothing found for {words}.\n"
    as_json = runner.invoke(
        cli, ["search", "secret* OR hubopening", "--public", "--json", "--db", str(db_path)]
    )
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.output) != [] and leaks(as_json.output) == []

    private = runner.invoke(cli, ["search", "secret*", "--db", str(db_path)])
    assert CONFIDENTIAL in private.output  # the clerk's own search says what is Part 2

    # A person's name finds what they declared: in public, only what they declared in public.
    for person in ("Robin Member", "Alex Chair", "Robin"):
        public = runner.invoke(cli, ["search", person, "--public", "--db", str(db_path)])
        assert public.exit_code == 0, public.output
        assert leaks(public.output) == [], person
    assert (
        PUBLIC_WORD
        in runner.invoke(cli, ["search", "Robin Member", "--public", "--db", str(db_path)]).output
    )


def test_a_public_history_shows_no_part2(part2: Part2, db_path: Path) -> None:
    """The command line's; the store's own answers: test_part2_search, on both engines."""
    runner = CliRunner()
    for ref in ("1", "1.1"):
        result = runner.invoke(
            cli, ["history", ref, "--plan", part2.plan_title, "--public", "--db", str(db_path)]
        )
        assert result.exit_code == 0, result.output
        assert leaks(result.output) == []
    item = runner.invoke(
        cli, ["history", "1", "--plan", part2.plan_title, "--public", "--db", str(db_path)]
    )
    assert "[On track]" in item.output and "Publish the engagement calendar" in item.output
    hidden = runner.invoke(
        cli, ["history", "1.2", "--plan", part2.plan_title, "--public", "--db", str(db_path)]
    )
    assert hidden.exit_code == 1 and leaks(hidden.output) == []

    private = runner.invoke(
        cli, ["history", "1", "--plan", part2.plan_title, "--json", "--db", str(db_path)]
    )
    assert leaks(private.output) != [] and '"part2": true' in private.output


# -- the progress report on the plan ------------------------------------------------------------


def test_the_progress_report_leaves_part2_out(
    store: Store, part2: Part2, db_path: Path, tmp_path: Path
) -> None:
    """Nothing set or said on the exempt item: no step set there, no update said there, the
    plan item and its public step as last said in public; the confidential version has it
    all, says so at the head of every page, and is its owner's only."""
    choice = ReportChoice(part2.plan_id, part2.meeting_id)
    body = draft_report(store, choice)
    _clean(body)
    assert "Status: On track" in body  # item 1 was put off track only in Part 2
    assert "- Publish the engagement calendar (End of March 24)" in body  # dropped in Part 2
    path = export_progress_report(store, choice, body, tmp_path / "report.docx")
    _clean(docx_text(path))
    assert CONFIDENTIAL not in docx_text(path)

    runner = CliRunner()
    out = tmp_path / "cli.docx"
    args = ["export", "progress-report", part2.plan_title, "--for-meeting"]
    result = runner.invoke(
        cli, [*args, str(part2.meeting_id), "-o", str(out), "--db", str(db_path)]
    )
    assert result.exit_code == 0, result.output
    _clean(docx_text(out))

    secret = ReportChoice(part2.plan_id, part2.meeting_id, confidential=True)
    private = export_progress_report(
        store, secret, draft_report(store, secret), tmp_path / "confidential.docx"
    )
    text = docx_text(private)
    for word in ("Secretupdate", "Secretstep", "Secretsubstep", "Secretsubreason"):
        assert word in text, word
    document = docx.Document(str(private))
    assert all(CONFIDENTIAL in s.header.paragraphs[0].text for s in document.sections)
    assert "Classification: " + CONFIDENTIAL in [p.text for p in document.paragraphs]
    assert private.stat().st_mode & 0o777 == 0o600


def test_a_kept_progress_report_that_repeats_part2_is_refused(
    store: Store, part2: Part2, db_path: Path, tmp_path: Path
) -> None:
    """A draft kept from before the item was marked exempt is never written, and the refusal
    quotes none of it; a new draft is clean."""
    choice = ReportChoice(part2.plan_id, part2.meeting_id)
    store.update_agenda_item(part2.parent_id, exempt=False)
    leaky = draft_report(store, choice)
    store.update_agenda_item(part2.parent_id, exempt=True)
    assert leaks(leaky) != []
    store.save_progress_report(choice, leaky)
    assert part2_report_quotes(store, choice, leaky) == ["1"]
    with pytest.raises(BoardTuiError, match=r"repeats Part 2 business \(action 1\)"):
        export_progress_report(store, choice, leaky, tmp_path / "report.docx")
    target = tmp_path / "cli.docx"
    args = ["export", "progress-report", str(part2.plan_id), "--for-meeting", str(part2.meeting_id)]
    refused = CliRunner().invoke(cli, [*args, "-o", str(target), "--db", str(db_path)])
    assert refused.exit_code == 1 and leaks(refused.output) == [] and not target.exists()
    fresh = CliRunner().invoke(cli, [*args, "--fresh", "-o", str(target), "--db", str(db_path)])
    assert fresh.exit_code == 0, fresh.output
    _clean(docx_text(target))


def test_each_owners_letters_leave_part2_out(part2: Part2, db_path: Path, tmp_path: Path) -> None:
    """The owners' letters and email drafts are public: no Part 2 action, step or update, not
    even on a public plan item's lead; --confidential puts them in, marked and owner-only."""
    import email
    import email.policy

    public = tmp_path / "public"
    public.mkdir()
    args = ["export", "actions-by-owner", str(part2.meeting_id), "--db", str(db_path)]
    result = CliRunner().invoke(cli, [*args, "-o", str(public)])
    assert result.exit_code == 0, result.output
    _clean(result.output, public="Kim Officer")
    assert "Left out" in result.output
    letters = sorted(public.iterdir())
    assert [p.name for p in letters if p.suffix == ".docx"] == [
        "SB actions 2023-12-11 Jo Lead.docx",  # the public plan item updated in public
        "SB actions 2023-12-11 Kim Officer.docx",
    ]  # Pat Lead's item and step were updated only in Part 2: no public letter
    words = ""
    for path in letters:
        if path.suffix == ".eml":
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            words += " ".join(f"{k}: {v}" for k, v in message.items())
            words += message.get_content()
        else:
            words += docx_text(path)
        assert CONFIDENTIAL not in words
    _clean(words)

    private = tmp_path / "private"
    private.mkdir()
    result = CliRunner().invoke(cli, [*args, "-o", str(private), "--confidential"])
    assert result.exit_code == 0, result.output
    legal = private / "SB actions 2023-12-11 Secretowner Legal.docx"
    text = docx_text(legal)
    assert f"{CONFIDENTIAL}. A2: Secretaction negotiate the terms" in text
    assert legal.stat().st_mode & 0o777 == 0o600
    assert (private / "SB actions 2023-12-11 Kim Officer.docx").stat().st_mode & 0o077 != 0o077
    assert "Secretupdate" in docx_text(private / "SB actions 2023-12-11 Pat Lead.docx")
