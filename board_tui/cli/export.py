"""`board-tui export minutes|actions|agenda|actions-by-owner`: Word documents from the store.

Every export refuses before doing any work when its file cannot be written (a
missing or read-only folder, an existing file without --force) and writes
atomically, so a failure changes nothing. Progress goes to stderr, only on a terminal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from board_tui.cli.arguments import ArgumentError, Day, FileName, PlanRef, RecordId, Text
from board_tui.cli.support import chosen_database, db_option, open_store, say, user_errors
from board_tui.domain.errors import BoardTuiError

if TYPE_CHECKING:
    from board_tui.storage.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def pdf_option(func: F) -> F:
    """--pdf, which every export takes: councils publish PDFs."""
    return click.option(
        "--pdf",
        is_flag=True,
        help="Also write a PDF beside each Word file (needs LibreOffice).",
    )(func)


def output_options(func: F) -> F:
    """-o FILE, --force, --template and --pdf, which every export takes."""
    func = pdf_option(func)
    func = click.option(
        "--template",
        type=FileName(),
        metavar="FILE.docx",
        help="Word template for the house style (default: the board's, else built-in).",
    )(func)
    func = click.option("--force", is_flag=True, help="Replace the file if it exists.")(func)
    func = click.option(
        "-o",
        "--output",
        type=FileName(),
        required=True,
        metavar="FILE.docx",
        help="Where to write the document.",
    )(func)
    return db_option(func)


def check_outputs(
    *outputs: Path | None, template: Path | None = None, pdf: bool = False, force: bool = False
) -> None:
    """Before anything is written: each output its own file, and none of them the database or
    the template the export reads (`-o X --exempt-annex X` once wrote the minutes, then the
    annex over them with --force). A clash is a usage error: one line, exit 2.

    With --pdf each output's PDF is one of the outputs too (`-o minutes.pdf` would convert
    the Word file over itself), and a PDF already there without --force is refused now,
    before the Word file is written, not after."""
    from board_tui.exporters.pdf import pdf_path
    from board_tui.exporters.safe_write import ExportError, check_distinct, check_target

    named = [p for p in outputs if p is not None]
    pdfs = [pdf_path(p) for p in named] if pdf else []
    for path in named:
        if pdf and path.suffix.lower() == ".pdf":
            raise ArgumentError(
                f"--pdf writes the PDF beside the Word file: name it .docx, not {path}"
            )
    try:
        inputs = [p for p in (template, chosen_database()) if isinstance(p, Path)]
        check_distinct([*named, *pdfs], inputs)
    except (ExportError, BoardTuiError) as error:
        raise ArgumentError(str(error)) from None
    with user_errors():
        for target in pdfs:
            check_target(target, force=force)


def write_pdfs(pdf: bool, written: Path | Sequence[Path], *, force: bool) -> None:
    """--pdf: the PDF beside each Word file written. No LibreOffice, or a conversion that
    fails, is one line and exit 1; the Word files stay written, and the line says so."""
    if not pdf:
        return
    from board_tui.exporters.pdf import write_pdf

    files = [written] if isinstance(written, Path) else list(written)
    with user_errors():
        for path in files:
            if path.suffix.lower() == ".docx":
                say(f"Wrote the PDF to {write_pdf(path, force=force)}")


def meeting_options(func: F) -> F:
    func = click.option(
        "--date", "day", type=Day(), metavar="YYYY-MM-DD", help="The meeting's date."
    )(func)
    func = click.option(
        "--board",
        "board_name",
        type=Text(),
        metavar="NAME",
        help="With --date: the board that met.",
    )(func)
    return click.argument("meeting", required=False, type=RecordId("meeting"), metavar="[MEETING]")(
        func
    )


def meeting_id_from(
    store: Store, meeting: int | None, board_name: str | None, day: dt.date | None
) -> int:
    """MEETING as an id from `board-tui list meetings`, or --board NAME --date YYYY-MM-DD."""
    if meeting is not None:
        return store.meeting(meeting).id
    if board_name is None or day is None:
        raise BoardTuiError("name the meeting: an id, or --board NAME --date YYYY-MM-DD")
    return store.meeting_on(store.board_by_name(board_name).id, day).id


def plan_id_from(store: Store, plan: int | str) -> int:
    """PLAN as an id from `board-tui list plans`, or a plan's title."""
    return store.plan(plan).id if isinstance(plan, int) else store.plan_titled(plan).id


@contextmanager
def _progress(what: str) -> Iterator[Callable[[int, int], None]]:
    """A rich progress bar on stderr, drawn only when stderr is a terminal."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    console = Console(stderr=True)
    bar = Progress(
        TextColumn(what),
        BarColumn(),
        TaskProgressColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    task = bar.add_task(what, total=None)
    with bar:

        def step(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield step


T = TypeVar("T")


def run_export(what: str, write: Callable[[Store, Callable[[int, int], None]], T]) -> T:
    """Open the database, write with a progress bar, and turn bad input into one line."""

    path = chosen_database(existing=True)
    with open_store(path) as store, user_errors(), _progress(what) as step:
        return write(store, step)


@click.group(name="export")
def export_group() -> None:
    """Write minutes, the updated action plan or an agenda as a Word document."""


@export_group.command(name="minutes")
@meeting_options
@click.option(
    "--exempt-annex",
    type=FileName(),
    metavar="FILE.docx",
    help="Also write the exempt (Part 2) items to this confidential annex.",
)
@output_options
def export_minutes(
    meeting: int | None,
    board_name: str | None,
    day: dt.date | None,
    exempt_annex: Path | None,
    output: Path,
    force: bool,
    template: Path | None,
    pdf: bool,
) -> None:
    """Write a meeting's minutes (DRAFT until a later meeting approves them)."""
    from board_tui.exporters.minutes import write_minutes

    check_outputs(output, exempt_annex, template=template, pdf=pdf, force=force)
    written = run_export(
        "Writing the minutes",
        lambda store, step: write_minutes(
            store,
            meeting_id_from(store, meeting, board_name, day),
            output,
            template=template,
            force=force,
            exempt_annex=exempt_annex,
            progress=step,
        ),
    )
    say(f"Wrote the minutes to {written[0]}")
    if len(written) > 1:
        say(f"Wrote the confidential annex to {written[1]}")
    elif exempt_annex is not None:
        say("No exempt (Part 2) items: no annex written")
    write_pdfs(pdf, written, force=force)


@export_group.command(name="actions")
@click.argument("plan", type=PlanRef())
@click.option(
    "--status", type=Text(), metavar="STATUS", help="Only items with this status (e.g. on_track)."
)
@click.option(
    "--lead", type=Text(), metavar="WORDS", help="Only items whose lead includes these words."
)
@click.option(
    "--changed-since",
    type=Day(),
    metavar="YYYY-MM-DD",
    help='"Update:" lines said since this date (default: the plan\'s date).',
)
@output_options
def export_actions(
    plan: int | str,
    status: str | None,
    lead: str | None,
    changed_since: dt.date | None,
    output: Path,
    force: bool,
    template: Path | None,
    pdf: bool,
) -> None:
    """Write the updated action plan (PLAN is an id or a title from `board-tui list plans`)."""
    from board_tui.domain.statuses import parse_status
    from board_tui.exporters.action_plan import write_action_plan

    check_outputs(output, template=template, pdf=pdf, force=force)
    with user_errors():
        try:
            wanted = parse_status(status) if status else None
        except ValueError:
            raise BoardTuiError(f"{status!r} is not a status") from None

    def write(store: Store, step: Callable[[int, int], None]) -> Path:
        return write_action_plan(
            store,
            plan_id_from(store, plan),
            output,
            template=template,
            force=force,
            status=wanted,
            lead=lead,
            changed_since=changed_since,
            progress=step,
        )

    written = run_export("Writing the action plan", write)
    say(f"Wrote the action plan to {written}")
    write_pdfs(pdf, written, force=force)


@export_group.command(name="agenda")
@meeting_options
@output_options
def export_agenda(
    meeting: int | None,
    board_name: str | None,
    day: dt.date | None,
    output: Path,
    force: bool,
    template: Path | None,
    pdf: bool,
) -> None:
    """Write a meeting's front sheet and agenda."""
    from board_tui.exporters.agenda import write_agenda

    check_outputs(output, template=template, pdf=pdf, force=force)
    written = run_export(
        "Writing the agenda",
        lambda store, step: write_agenda(
            store,
            meeting_id_from(store, meeting, board_name, day),
            output,
            template=template,
            force=force,
            progress=step,
        ),
    )
    say(f"Wrote the agenda to {written}")
    write_pdfs(pdf, written, force=force)


@export_group.command(name="actions-by-owner")
@meeting_options
@click.option(
    "-o",
    "--output",
    type=FileName(),
    required=True,
    metavar="FOLDER",
    help="The folder to write each owner's letter and email draft in.",
)
@click.option(
    "--confidential",
    is_flag=True,
    help="Include actions set and updates said in Part 2, marked CONFIDENTIAL (owner-only files).",
)
@click.option(
    "--template",
    type=FileName(),
    metavar="FILE.docx",
    help="Word template for the house style (default: the board's, else built-in).",
)
@click.option("--force", is_flag=True, help="Replace the letters if they exist.")
@pdf_option
@db_option
def export_actions_by_owner(
    meeting: int | None,
    board_name: str | None,
    day: dt.date | None,
    output: Path,
    confidential: bool,
    template: Path | None,
    force: bool,
    pdf: bool,
) -> None:
    """Write each owner's actions from a meeting: a Word letter and an unsent .eml draft each.

    Without --confidential, actions set and updates said on Part 2 items are left out.
    """
    from board_tui.exporters.owner_letters import write_owner_letters

    check_outputs(template=template)
    letters, written = run_export(
        "Writing the letters",
        lambda store, step: write_owner_letters(
            store,
            meeting_id_from(store, meeting, board_name, day),
            output,
            confidential=confidential,
            template=template,
            force=force,
            pdf=pdf,
            progress=step,
        ),
    )
    count = len(letters.letters)
    say(f"Wrote {count} letter{'s' * (count != 1)} and email draft{'s' * (count != 1)} to {output}")
    for letter in letters.letters:
        to = letter.email or "no email in the directory: the draft has no To, add it by hand"
        say(f"  {letter.owner}: {len(letter.new)} new, {len(letter.updated)} updated ({to})")
    if letters.unowned:
        say(f"No owner written for action {', '.join(letters.unowned)}: in no letter")
    if letters.left_out:
        say(f"Left out {letters.left_out} set or said in Part 2 (--confidential includes them)")
    write_pdfs(pdf, written, force=force)
