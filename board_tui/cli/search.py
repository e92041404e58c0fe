"""`board-tui search` and `history`: finding what was said and agreed before."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

import click

from board_tui.cli.arguments import Day, PlanRef, Text
from board_tui.cli.export import plan_id_from
from board_tui.cli.support import chosen_database, db_option, open_store, say, say_json, user_errors
from board_tui.domain.errors import BoardTuiError, NotFoundError
from board_tui.domain.exempt import CONFIDENTIAL
from board_tui.domain.safe_text import for_terminal
from board_tui.domain.search_records import SEARCH_KINDS
from board_tui.services.search_words import (
    facets_line,
    history_line,
    hit_context,
    hit_kind,
    hit_source,
    hit_within,
    one_line,
    person_line,
    snippet_adds,
)

if TYPE_CHECKING:
    from board_tui.domain.search_records import SearchHit
    from board_tui.storage.store import Store


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
        "part2": hit.part2,
        "what": hit_kind(hit),
        "words": hit.words,
        "who": hit.who,
        "status": hit.status.value if hit.status else None,
        "time_frame": hit.time_frame,
        "step": hit.step_ref,
        "about": hit.about,
        "minute": hit.minute_ref,
    }


@click.command(name="search")
@click.argument("query", type=Text())
@click.option(
    "--board", "board_name", type=Text(), metavar="NAME", help="Only this board's records."
)
@click.option("--since", type=Day(), metavar="YYYY-MM-DD", help="Only records from this date on.")
@click.option("--until", type=Day(), metavar="YYYY-MM-DD", help="Only records up to this date.")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(SEARCH_KINDS),
    help="Only this kind of record (again for more kinds).",
)
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON, for scripts.")
@click.option(
    "--public",
    is_flag=True,
    help="For a public audience: nothing said, decided or set in Part 2 (exempt items).",
)
@db_option
def search_command(
    query: str,
    board_name: str | None,
    since: dt.date | None,
    until: dt.date | None,
    kinds: tuple[str, ...],
    limit: int,
    as_json: bool,
    public: bool,
) -> None:
    """Find words in items, comments, decisions, actions, plan items and updates.

    Words must all match; "a phrase" in quotes, a prefix* and a OR b work too. Dates as
    clerks write them narrow it ("17 October", "October 2023", 2023-10-17), alone they list
    that day's records; a person's name finds what they presented, own and declared.
    Results come grouped by meeting or plan. Without --public, results from Part 2 say
    "CONFIDENTIAL – Part 2".
    """
    from board_tui.services.search_refs import with_minute_refs
    from board_tui.storage.search import snippet_parts

    if since and until and until < since:
        with user_errors():
            raise BoardTuiError("--until is before --since")
    filters = {"since": since, "until": until, "kinds": kinds or None, "public": public}
    with open_store(chosen_database(existing=True)) as store, user_errors():
        board_id = store.board_by_name(board_name).id if board_name else None
        hits = store.search(query, board_id=board_id, limit=limit, **filters)  # type: ignore[arg-type]
        hits = with_minute_refs(store, hits)
        if not as_json:
            facets = store.search_facets(query, board_id=board_id, **filters)  # type: ignore[arg-type]
            people = store.people_found(query, public=public) if hits else []
    if as_json:
        say_json([_hit_record(h) for h in hits])
        return
    if not hits:
        say(f"Nothing found for {for_terminal(query, one_line=True)}.")
        return
    say(facets_line(facets, len(hits)))
    for found in people:
        say(person_line(found))
    groups: dict[str, list[SearchHit]] = {}
    for hit in hits:  # best first: each group where its best result ranks
        groups.setdefault(hit_source(hit), []).append(hit)
    for source, members in groups.items():
        say()
        # Made safe first, then styled: the style's own codes must stay.
        click.echo(click.style(for_terminal(source, one_line=True), bold=True))
        for hit in members:
            where = hit_within(hit)
            mark = f" · {CONFIDENTIAL}" if hit.part2 else ""
            say(f"  {where + ' · ' if where else ''}{hit_kind(hit)}{mark}")
            context = hit_context(hit)
            if context:
                say(f"      {context}")
            # The matched words in bold, where they are not already the words shown above.
            pieces = [(for_terminal(t), m) for t, m in snippet_parts(hit.snippet)]
            if snippet_adds(hit, [t for t, m in pieces if m], context):
                styled = "".join(click.style(t, bold=True) if m else t for t, m in pieces)
                click.echo(f"      {' '.join(styled.split())}")


def find_history_target(
    store: Store, plan: int | str, ref: str, *, public: bool = False
) -> tuple[int, int | None]:
    """(plan item id, next step id or None) for REF ("9") or REF.STEP ("9.2").

    public: steps are numbered as a public audience sees them, without those set in Part 2.
    """
    found = store.plan(plan_id_from(store, plan))
    items = {item.ref: item for item in store.plan_items(found.id)}
    ref = ref.strip()
    if ref in items:
        return items[ref].id, None
    step = re.fullmatch(r"(.+)\.(\d+)", ref)
    if step and step.group(1) in items:
        item = items[step.group(1)]
        steps = store.next_steps(item.id)
        if public:
            part2 = store.part2()
            steps = [s for s in steps if not part2.action(s)]
        number = int(step.group(2))
        if 1 <= number <= len(steps):
            return item.id, steps[number - 1].id
        raise NotFoundError(f"item {item.ref} has no next step {number}")
    raise NotFoundError(f"no item {ref!r} in {found.title!r}")


@click.command(
    name="history", short_help="The whole life of a plan item (9) or of one next step (9.2)."
)
@click.argument("ref", type=Text())
@click.option(
    "--plan", required=True, type=PlanRef(), metavar="PLAN", help="The plan (an id or a title)."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON, for scripts.")
@click.option(
    "--public",
    is_flag=True,
    help="For a public audience: no step set, and no update said, in Part 2.",
)
@db_option
def history_command(ref: str, plan: int | str, as_json: bool, public: bool) -> None:
    """A plan item's whole life (REF, e.g. 9) or one next step's (REF.STEP, e.g. 9.2).

    Without --public, what was set or said in Part 2 says "CONFIDENTIAL – Part 2".
    """
    from board_tui.domain.formatting import short_date

    with open_store(chosen_database(existing=True)) as store, user_errors():
        item_id, step_id = find_history_target(store, plan, ref, public=public)
        entries = (
            store.history(action_id=step_id, public=public)
            if step_id is not None
            else store.history(plan_item_id=item_id, public=public)
        )
        item = store.plan_item(item_id)
        if public:
            item = store.part2().public_plan_item(item, store.status_history(plan_item_id=item_id))
        step = store.action(step_id) if step_id is not None else None
        if step is not None and public:
            step = store.part2().public_action(step, store.status_history(action_id=step.id))
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
                "part2": e.part2,
            }
            for e in entries
        ]
        say_json(records)
        return
    if step is not None:
        # The history of a step is headed by that step, with the item it belongs to under it.
        when = f" ({step.time_frame})" if step.time_frame else ""
        say(f"{ref.strip()}. {step.description}{when}  [{step.status.label}]")
        say(f"    next step of item {item.ref}: {one_line(item.recommendation, 100)}")
    else:
        say(f"{item.ref}. {item.recommendation}  [{item.status.label}]")
    for entry in entries:
        say(f"  {short_date(entry.at.date()):>11}  {history_line(entry)}")
