"""A search hit's details: the SQL that joins each match to its board, meeting, item or plan
and its own words, whether it is Part 2, and the SearchHit made from the row (storage.search)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from board_tui.domain.model import Status
from board_tui.storage import rows
from board_tui.storage.dialect import Dialect

if TYPE_CHECKING:
    from board_tui.domain.search_records import SearchHit


def part2_sql(hit: str, dialect: Dialect) -> str:
    """SQL: is the search_index row `hit` said or set on a Part 2 item (see the module's doc);
    :part2 holds those items' ids."""
    part2 = dialect.ids_in(":part2")
    return f"""(
    coalesce({hit}.item_id, -1) IN {part2}
    OR ({hit}.kind = 'update' AND coalesce((SELECT u.agenda_item_id FROM status_updates u
            WHERE u.id = {hit}.record_id), -1) IN {part2})
    OR ({hit}.kind = 'action' AND EXISTS (
            SELECT 1 FROM actions a JOIN status_updates u ON u.id =
                (SELECT max(id) FROM status_updates WHERE action_id = a.id)
            WHERE a.id = {hit}.record_id AND a.closed_reason IS NOT NULL
              AND u.agenda_item_id IN {part2})))"""


_HITS_ORDER = """hits.score, hits.day DESC, hits.meeting_id, hits.item_id,
                 hits.kind <> 'item', hits.kind, hits.record_id"""


def with_details(hits: str, dialect: Dialect) -> str:
    """SQL: the hits `hits` selects (at most the search's limit), with their board, meeting,
    item or plan and the record's own words and owner, the best first."""
    return f"""WITH hits AS ({hits})
               SELECT hits.*, {part2_sql("hits", dialect)} AS part2,
                      b.name AS board_name, m.title AS meeting_title,
                      ai.number AS item_number, ai.title AS item_title,
                      ai.presenter AS item_presenter, ai.position AS item_position,
                      ap.title AS plan_title, pi.ref AS plan_item_ref,
                      pi.recommendation AS plan_item_words, pi.lead AS plan_item_lead,
                      pi.status AS plan_item_status,
                      a.description AS action_words, a.owner AS action_owner,
                      a.time_frame AS action_time_frame, a.status AS action_status,
                      a.plan_item_id AS action_plan_item,
                      {_step_number("a")} AS action_step,
                      u.body AS update_words, u.new_status AS update_status,
                      ua.description AS update_action_words,
                      {_step_number("ua")} AS update_step
               FROM hits
               LEFT JOIN boards b ON b.id = hits.board_id
               LEFT JOIN meetings m ON m.id = hits.meeting_id
               LEFT JOIN agenda_items ai ON ai.id = hits.item_id
               LEFT JOIN action_plans ap ON ap.id = hits.plan_id
               LEFT JOIN plan_items pi ON pi.id = hits.plan_item_id
               LEFT JOIN actions a ON hits.kind = 'action' AND a.id = hits.record_id
               LEFT JOIN status_updates u ON hits.kind = 'update' AND u.id = hits.record_id
               LEFT JOIN actions ua ON ua.id = u.action_id
               ORDER BY {_HITS_ORDER}"""


def in_order(hits: str) -> str:
    """SQL: the hits `hits` selects in with_details' order, with no more than the spread
    needs (their place in `hits`, meeting, plan and score): the details are then read for
    the hits kept, not for the four times as many ranked."""
    return f"""WITH hits AS ({hits})
               SELECT hits.candidate, hits.meeting_id, hits.plan_id, hits.score FROM hits
               ORDER BY {_HITS_ORDER}"""


def _step_number(action: str) -> str:
    """SQL: a next step's number under its plan item, as the plan and `history` count."""
    return f"""(SELECT count(*) FROM actions x WHERE x.plan_item_id = {action}.plan_item_id
                AND x.deleted_at IS NULL AND (x.position < {action}.position
                OR (x.position = {action}.position AND x.id <= {action}.id)))"""


def item_label(r: rows.Row) -> str | None:
    if r["item_title"] is None:
        return None
    return f"{r['item_number']}. {r['item_title']}" if r["item_number"] else r["item_title"]


def _status(value: str | None) -> Status | None:
    return Status(value) if value else None


def hit_from_row(r: rows.Row) -> SearchHit:
    from board_tui.domain.search_records import SearchHit

    kind = r["kind"]
    words = who = time_frame = step_ref = about = None
    status: Status | None = None
    if kind == "item":
        words, who = r["item_title"], r["item_presenter"]
    elif kind in ("comment", "decision", "narrative"):
        words = r["indexed_body"]
    elif kind == "action":
        words, who, time_frame = r["action_words"], r["action_owner"], r["action_time_frame"]
        status = _status(r["action_status"])
        if r["action_plan_item"] is not None and r["plan_item_ref"]:
            step_ref = f"{r['plan_item_ref']}.{r['action_step']}"
    elif kind == "plan_item":
        words, who = r["plan_item_words"], r["plan_item_lead"]
        status = _status(r["plan_item_status"])
    elif kind == "update":
        words, status = r["update_words"], _status(r["update_status"])
        if r["update_action_words"] is not None:
            about = r["update_action_words"]
            if r["plan_item_ref"] and r["update_step"]:
                step_ref = f"{r['plan_item_ref']}.{r['update_step']}"
        else:
            about = r["plan_item_words"]
    return SearchHit(
        kind=kind,
        record_id=r["record_id"],
        board_id=r["board_id"],
        board_name=r["board_name"],
        meeting_id=r["meeting_id"],
        meeting_title=r["meeting_title"],
        day=rows.day(r["day"]),
        item_id=r["item_id"],
        item_label=item_label(r),
        plan_id=r["plan_id"],
        plan_title=r["plan_title"],
        plan_item_id=r["plan_item_id"],
        plan_item_ref=r["plan_item_ref"],
        snippet=r["snippet"] or "",
        score=float(r["score"]),
        part2=bool(r["part2"]),
        words=words,
        who=who,
        status=status,
        time_frame=time_frame,
        step_ref=step_ref,
        about=about,
    )
