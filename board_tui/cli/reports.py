"""`board-tui roundup` and `export you-said-we-did`: the reports that close the loop.

The export joins the `export` group when this module is imported, so every
Word export is listed under `board-tui export --help`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from board_tui.cli.arguments import Day, FileName, Text
from board_tui.cli.export import (
    check_outputs,
    export_group,
    meeting_id_from,
    meeting_options,
    output_options,
    run_export,
    write_pdfs,
)
from board_tui.cli.support import chosen_database, db_option, open_store, say, user_errors
from board_tui.domain.errors import BoardTuiError


@click.command(name="roundup")
@meeting_options
@click.option(
    "-o",
    "--output",
    type=FileName(),
    metavar="FILE",
    help="Write it: Word for .docx, else Markdown (default: print it).",
)
@click.option("--fresh", is_flag=True, help="A new first draft, not the draft kept in the app.")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.option(
    "--template",
    type=FileName(),
    metavar="FILE.docx",
    help="A Word file whose styles, headers and logo the .docx takes (the board's own).",
)
@db_option
def roundup_command(
    meeting: int | None,
    board_name: str | None,
    day: dt.date | None,
    output: Path | None,
    fresh: bool,
    force: bool,
    template: Path | None,
) -> None:
    """The chair's round-up of a meeting: the draft kept in the app, else a first draft.

    It is for the newsletter: one that repeats Part 2 business is refused.
    """
    from board_tui.services.roundup import (
        check_no_part2,
        draft_roundup,
        export_roundup,
        roundup_text,
    )

    check_outputs(output, template=template)
    with open_store(chosen_database(existing=True)) as store, user_errors():
        meeting_id = meeting_id_from(store, meeting, board_name, day)
        body = draft_roundup(store, meeting_id) if fresh else roundup_text(store, meeting_id)
        if output is None:
            check_no_part2(store, meeting_id, body)
            say(body, nl=False)
            return
        written = export_roundup(store, meeting_id, body, output, template=template, force=force)
    say(f"Wrote the round-up to {written}")


@export_group.command(name="you-said-we-did")
@click.option(
    "--board", "board_name", required=True, type=Text(), metavar="NAME", help="The board."
)
@click.option("--since", type=Day(), metavar="YYYY-MM-DD", help="Meetings from this date on.")
@click.option("--until", type=Day(), metavar="YYYY-MM-DD", help="Meetings up to this date.")
@output_options
def export_you_said_we_did(
    board_name: str,
    since: dt.date | None,
    until: dt.date | None,
    output: Path,
    force: bool,
    template: Path | None,
    pdf: bool,
) -> None:
    """Write the "You said, we did" report: residents' voice and what the board did."""
    from board_tui.exporters.you_said_we_did import write_you_said

    check_outputs(output, template=template, pdf=pdf, force=force)
    if since and until and until < since:
        with user_errors():
            raise BoardTuiError("--until is before --since")
    written = run_export(
        "Writing the report",
        lambda store, step: write_you_said(
            store,
            store.board_by_name(board_name).id,
            output,
            since=since,
            until=until,
            template=template,
            force=force,
            progress=step,
        ),
    )
    say(f'Wrote "You said, we did" to {written}')
    write_pdfs(pdf, written, force=force)
