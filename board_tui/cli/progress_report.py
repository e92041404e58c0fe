"""`board-tui export progress-report`: the lead officer's report on an action plan, in Word.

The command is one of the `export` group's (cli.main adds it). It writes the draft
kept in the app for that plan and meeting (the officer's edits), else a first draft from
the store; asking for other actions or another window than the kept draft's is refused
unless --fresh says to draft again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from board_tui.cli.arguments import Day, PlanRef, RecordId, Text
from board_tui.cli.export import (
    check_outputs,
    output_options,
    plan_id_from,
    run_export,
    write_pdfs,
)
from board_tui.cli.support import say, user_errors
from board_tui.domain.errors import BoardTuiError

if TYPE_CHECKING:
    from board_tui.storage.store import Store


def _refs(value: str | None) -> tuple[str, ...]:
    return tuple(r.strip() for r in (value or "").split(",") if r.strip())


@click.command(name="progress-report")
@click.argument("plan", type=PlanRef())
@click.option("--items", type=Text(), metavar="1.1,1.2", help="Only these actions, by ref.")
@click.option("--section", type=Text(), metavar="NAME", help="Only the actions of this section.")
@click.option(
    "--since",
    type=Day(),
    metavar="YYYY-MM-DD",
    help="Progress from this date (default: the plan's).",
)
@click.option(
    "--until",
    type=Day(),
    metavar="YYYY-MM-DD",
    help="Progress up to this date (default: the meeting's, else today).",
)
@click.option(
    "--for-meeting",
    "meeting",
    type=RecordId("meeting"),
    metavar="MEETING",
    help="The meeting it goes to (an id from board-tui list meetings).",
)
@click.option(
    "--lead-officer",
    type=Text(),
    metavar="NAME",
    help="The lead officer (default: the plan's board's officer).",
)
@click.option(
    "--next-months",
    type=click.IntRange(1, 36),
    metavar="N",
    help='How far "What will have been achieved in the next … months?" looks (default 6).',
)
@click.option(
    "--confidential",
    is_flag=True,
    help='The confidential version: Part 2 included, "CONFIDENTIAL – Part 2" on every page.',
)
@click.option("--fresh", is_flag=True, help="A new first draft, not the draft kept in the app.")
@output_options
def export_progress_report(
    plan: int | str,
    items: str | None,
    section: str | None,
    since: dt.date | None,
    until: dt.date | None,
    meeting: int | None,
    lead_officer: str | None,
    next_months: int | None,
    confidential: bool,
    fresh: bool,
    output: Path,
    force: bool,
    template: Path | None,
    pdf: bool,
) -> None:
    """Write the progress report on an action plan (PLAN is an id or a title)."""
    from board_tui.services.progress_draft import draft_report
    from board_tui.services.progress_report import export_progress_report

    check_outputs(output, template=template, pdf=pdf, force=force)
    refs = _refs(items)
    with user_errors():
        if refs and section:
            raise BoardTuiError("choose the actions with --items or --section, not both")
        if since and until and until < since:
            raise BoardTuiError("--until is before --since")
    asked: dict[str, Any] = {
        "refs": refs or None,
        "section": section,
        "since": since,
        "until": until,
        "lead_officer": lead_officer,
        "months": next_months,
    }
    asked = {name: value for name, value in asked.items() if value is not None}
    bodies: list[str] = []
    # Here, not at the top: the report's text rules are not needed to start the app.
    from board_tui.domain.report_text import ReportChoice, unfilled

    def write(store: Store, step: Callable[[int, int], None]) -> Path:
        choice = replace(
            ReportChoice(
                plan_id_from(store, plan),
                store.meeting(meeting).id if meeting is not None else None,
                confidential=confidential,
            ),
            **asked,
        )
        kept = store.progress_report(choice.plan_id, choice.meeting_id, confidential=confidential)
        if kept is not None and not fresh:
            if any(getattr(kept.choice, name) != value for name, value in asked.items()):
                raise BoardTuiError(
                    "a draft edited in the app is kept for this report, for other actions or"
                    " dates: export it as kept (without --items, --section, --since, --until,"
                    " --lead-officer or --next-months), or draft it again with --fresh"
                )
            choice, body = kept.choice, kept.body
        else:
            body = draft_report(store, choice, template=template)
        bodies.append(body)
        return export_progress_report(
            store, choice, body, output, template=template, force=force, progress=step
        )

    written = run_export("Writing the progress report", write)
    say(f"Wrote the progress report to {written}")
    still = unfilled(bodies[-1]) if bodies else []
    sections = [s for s in still if not s.startswith("Action ")]
    actions = len(still) - len(sections)
    if actions:
        sections.append(f"{actions} action{'s' * (actions > 1)}")
    if sections:
        say(f"Still to fill (in [brackets]): {', '.join(sections)}", err=True)
    write_pdfs(pdf, written, force=force)
