"""`board-tui search`, `history`, `roundup` and `export you-said-we-did`: finding what was
said and agreed before, and closing the loop with residents.

The export joins the `export` group when this module is imported, so every
Word export is listed under `board-tui export --help`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from board_tui.cli.export import (
    _meeting_id,
    _meeting_options,
    _output_options,
    _run_export,
    export_group,
)
from board_tui.cli.support import db_arg, db_option, open_store, user_errors
from board_tui.domain.errors import BoardTuiError, NotFoundError
from board_tui.services.search_words import KIND_WORDS, history_line, hit_place

if TYPE_CHECKING:
    from board_tui.domain.model import SearchHit
    from board_tui.storage.store import Store

_DATE = click.DateTime(formats=["%Y-%m-%d"])


def _hit_record(hit: SearchHit) -> dict[str, Any]:
    from board_tui.storage.search import plain_snippet, snippet_parts

    return {
        "kind": hit.kind,
        "id": hit.record_id,
        "board": hit.board_name,
        "meeting_id": hit.meeting_id,
        "date": hit.day.isoformat() if hit.day else None,
        "item": hit.item_label,
        "plan": hit.plan_title,
        "plan_item": hit.plan_item_ref,
        "snippet": plain_snippet(hit.snippet),
        "matched": [text for text, matched in snippet_parts(hit.snippet) if matched],
        "score": round(hit.score, 4),
    }


@click.command(name="search")
@click.argument("query")
@click.option("--board", "board_name", metavar="NAME", help="Only this board's records.")
@click.option("--since", type=_DATE, metavar="YYYY-MM-DD", help="Only records from this date on.")
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON, for scripts.")
@db_option
def search_command(
    query: str, board_name: str | None, since: dt.datetime | None, limit: int, as_json: bool
) -> None:
    """Find words in items, comments, decisions, actions, plan items and updates.

    Words must all match; "a phrase" in quotes, a prefix* and a OR b work too.
    """
    from board_tui.config import database_path
    from board_tui.storage.search import snippet_parts

    with open_store(database_path(db_arg())) as store, user_errors():
        board_id = store.board_by_name(board_name).id if board_name else None
        hits = store.search(
            query, board_id=board_id, since=since.date() if since else None, limit=limit
        )
    if as_json:
        click.echo(json.dumps([_hit_record(h) for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(f"Nothing found for {query}.")
        return
    for hit in hits:
        click.echo(f"{hit_place(hit)} ({KIND_WORDS.get(hit.kind, hit.kind)})")
        snippet = "".join(
            click.style(text, bold=True) if matched else text
            for text, matched in snippet_parts(hit.snippet)
        )
        click.echo(f"    {' '.join(snippet.split())}")


def find_history_target(store: Store, plan: str, ref: str) -> tuple[int, int | None]:
    """(plan item id, next step id or None) for REF ("9") or REF.STEP ("9.2")."""
    found = store.plan(int(plan)) if plan.strip().isdigit() else store.plan_titled(plan)
    items = {item.ref: item for item in store.plan_items(found.id)}
    ref = ref.strip()
    if ref in items:
        return items[ref].id, None
    step = re.fullmatch(r"(.+)\.(\d+)", ref)
    if step and step.group(1) in items:
        item = items[step.group(1)]
        steps = store.next_steps(item.id)
        number = int(step.group(2))
        if 1 <= number <= len(steps):
            return item.id, steps[number - 1].id
        raise NotFoundError(f"item {item.ref} has no next step {number}")
    raise NotFoundError(f"no item {ref!r} in {found.title!r}")


@click.command(name="history")
@click.argument("ref")
@click.option("--plan", required=True, metavar="PLAN", help="The plan (an id or a title).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON, for scripts.")
@db_option
def history_command(ref: str, plan: str, as_json: bool) -> None:
    """A plan item's whole life (REF, e.g. 9) or one next step's (REF.STEP, e.g. 9.2)."""
    from board_tui.config import database_path
    from board_tui.domain.formatting import short_date

    with open_store(database_path(db_arg())) as store, user_errors():
        item_id, step_id = find_history_target(store, plan, ref)
        entries = (
            store.history(action_id=step_id)
            if step_id is not None
            else store.history(plan_item_id=item_id)
        )
        item = store.plan_item(item_id)
    if as_json:
        records = [
            {
                "event": e.event,
                "at": e.at.isoformat(),
                "meeting": e.meeting_label,
                "where": e.where,
                "step": e.step,
                "subject": e.subject,
                "said": e.said,
                "label": e.label,
                "old_status": e.old_status.value if e.old_status else None,
                "new_status": e.new_status.value if e.new_status else None,
            }
            for e in entries
        ]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    click.echo(f"{item.ref}. {item.recommendation}  [{item.status.label}]")
    for entry in entries:
        click.echo(f"  {short_date(entry.at.date()):>11}  {history_line(entry)}")


@click.command(name="roundup")
@_meeting_options
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="Write it: Word for .docx, else Markdown (default: print it).",
)
@click.option("--fresh", is_flag=True, help="A new first draft, not the draft kept in the app.")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.option("--template", type=click.Path(path_type=Path), metavar="FILE.docx")
@db_option
def roundup_command(
    meeting: str | None,
    board_name: str | None,
    day: dt.datetime | None,
    output: Path | None,
    fresh: bool,
    force: bool,
    template: Path | None,
) -> None:
    """The chair's round-up of a meeting: the draft kept in the app, else a first draft."""
    from board_tui.config import database_path
    from board_tui.exporters.roundup import write_roundup
    from board_tui.services.roundup import draft_roundup, roundup_text

    with open_store(database_path(db_arg())) as store, user_errors():
        meeting_id = _meeting_id(store, meeting, board_name, day)
        body = draft_roundup(store, meeting_id) if fresh else roundup_text(store, meeting_id)
        if output is None:
            click.echo(body, nl=False)
            return
        written = write_roundup(store, meeting_id, body, output, template=template, force=force)
    click.echo(f"Wrote the round-up to {written}")


@export_group.command(name="you-said-we-did")
@click.option("--board", "board_name", required=True, metavar="NAME", help="The board.")
@click.option("--since", type=_DATE, metavar="YYYY-MM-DD", help="Meetings from this date on.")
@click.option("--until", type=_DATE, metavar="YYYY-MM-DD", help="Meetings up to this date.")
@_output_options
def export_you_said_we_did(
    board_name: str,
    since: dt.datetime | None,
    until: dt.datetime | None,
    output: Path,
    force: bool,
    template: Path | None,
) -> None:
    """Write the "You said, we did" report: residents' voice and what the board did."""
    from board_tui.exporters.you_said_we_did import write_you_said

    if since and until and until < since:
        with user_errors():
            raise BoardTuiError("--until is before --since")
    written = _run_export(
        "Writing the report",
        lambda store, step: write_you_said(
            store,
            store.board_by_name(board_name).id,
            output,
            since=since.date() if since else None,
            until=until.date() if until else None,
            template=template,
            force=force,
            progress=step,
        ),
    )
    click.echo(f'Wrote "You said, we did" to {written}')
