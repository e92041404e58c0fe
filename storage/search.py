"""Full-text search over everything a board has said, decided and tracked.

The index (search_index, SQLite FTS5) is kept by triggers made in migration
0004, so every write through any code path is searchable at once and a removed
note drops out. What the clerk types is read as words, "quoted phrases" and
prefix* terms joined by AND (OR between terms widens), never as raw FTS syntax,
so a stray quote or bracket cannot break a search. A query holds at most
MAX_SEARCH_WORDS words: each more term makes SQLite's work grow faster than the
query (1,600 `b* OR` terms took 10 s), and no clerk types that many.

Every hit says whether it is Part 2 (SearchHit.part2), and a search for a public
audience (public=True) leaves those out. Which items are Part 2 is the one rule's
(domain.exempt, through Store.part2()); here a record is Part 2 when it was said or
set on one of them, as the rule says: an item itself, a note or action on it, a status
update said on it or about an action set on it, and a public step whose closing words
(which the index holds) were said in Part 2.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import SearchHit
from board_tui.storage import rows
from board_tui.storage.base import StoreBase

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
"""Around each matched word in a snippet; screens and the command line style them."""

SEARCH_LIMIT = 50
MAX_SEARCH_WORDS = 32
"""Words, prefixes and the words of phrases together; 32 `b* OR` terms take a few ms."""
SNIPPET_WORDS = 14
# Words in a record's short title (an item's title, a plan item's ref) count for more.
_WEIGHTS = (3.0, 1.0)

_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _part2(hit: str) -> str:
    """SQL: is the search_index row `hit` said or set on a Part 2 item (see the module's doc);
    :part2 holds those items' ids."""
    return f"""(
    coalesce({hit}.item_id, -1) IN (SELECT value FROM json_each(:part2))
    OR ({hit}.kind = 'update' AND coalesce((SELECT u.agenda_item_id FROM status_updates u
            WHERE u.id = {hit}.record_id), -1) IN (SELECT value FROM json_each(:part2)))
    OR ({hit}.kind = 'action' AND EXISTS (
            SELECT 1 FROM actions a JOIN status_updates u ON u.id =
                (SELECT max(id) FROM status_updates WHERE action_id = a.id)
            WHERE a.id = {hit}.record_id AND a.closed_reason IS NOT NULL
              AND u.agenda_item_id IN (SELECT value FROM json_each(:part2)))))"""


class SearchQueryError(BoardTuiError):
    """The words typed cannot be searched for: the message says what to type instead."""


def _quoted(words: str) -> str:
    return '"' + words.replace('"', '""') + '"'


def fts_query(text: str) -> str:
    """Turn what the clerk typed into a safe FTS5 query.

    `youth council` finds both words anywhere in a record, `"youth council"` the
    phrase, `consult*` any word starting so, and `a OR b` either. Raises
    SearchQueryError when nothing searchable is left.
    """
    parts: list[str] = []
    pending_or = False
    words = 0
    for match in _TERM.finditer(_CONTROL.sub(" ", text)):
        phrase, word = match.group(1), match.group(2)
        if word == "OR":
            pending_or = bool(parts)
            continue
        if phrase is not None:
            term = _quoted(phrase) if re.search(r"\w", phrase) else ""
        else:
            prefix = word.endswith("*")
            bare = word.strip("*")
            term = _quoted(bare) + ("*" if prefix else "") if re.search(r"\w", bare) else ""
        if not term:
            continue
        words += max(len(re.findall(r"\w+", phrase if phrase is not None else word)), 1)
        if words > MAX_SEARCH_WORDS:
            raise SearchQueryError(
                f"too many words to search for at once (at most {MAX_SEARCH_WORDS})"
            )
        if pending_or:
            parts.append("OR")
        parts.append(term)
        pending_or = False
    if not parts:
        raise SearchQueryError("type a word to search for")
    return " ".join(parts)


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, is_match) runs, for styling."""
    runs: list[tuple[str, bool]] = []
    for n, piece in enumerate(re.split(f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]", snippet)):
        if piece:
            runs.append((piece, n % 2 == 1))
    return runs


def plain_snippet(snippet: str, mark: str = "") -> str:
    """The snippet with its highlights as `mark` (nothing by default)."""
    return "".join(f"{mark}{text}{mark}" if hit else text for text, hit in snippet_parts(snippet))


class SearchMixin(StoreBase):
    def search(
        self,
        text: str,
        *,
        board_id: int | None = None,
        since: dt.date | None = None,
        limit: int = SEARCH_LIMIT,
        public: bool = False,
    ) -> list[SearchHit]:
        """The best matches first (bm25), each with its board, meeting, item or plan.

        public: for a public audience, with nothing of Part 2 (the `limit` best of the rest).
        Raises SearchQueryError for a query that cannot be searched for.
        """
        query = fts_query(text)
        part2 = json.dumps(sorted(self.part2().item_ids))
        try:
            found = self._rows(
                f"""WITH hits AS (
                      SELECT s.kind, s.record_id, s.board_id, s.meeting_id, s.item_id, s.plan_id,
                             s.plan_item_id, s.day,
                             snippet(search_index, -1, :start, :end, '…', :words) AS snippet,
                             bm25(search_index, {_WEIGHTS[0]}, {_WEIGHTS[1]}) AS score
                      FROM search_index s
                      WHERE search_index MATCH :query
                        AND (:board IS NULL OR s.board_id = :board)
                        AND (:since IS NULL OR s.day >= :since)
                        AND (:public = 0 OR NOT {_part2("s")})
                      ORDER BY score, s.day DESC LIMIT :limit)
                   SELECT hits.*, {_part2("hits")} AS part2,
                          b.name AS board_name, m.title AS meeting_title,
                          ai.number AS item_number, ai.title AS item_title,
                          ap.title AS plan_title, pi.ref AS plan_item_ref
                   FROM hits
                   LEFT JOIN boards b ON b.id = hits.board_id
                   LEFT JOIN meetings m ON m.id = hits.meeting_id
                   LEFT JOIN agenda_items ai ON ai.id = hits.item_id
                   LEFT JOIN action_plans ap ON ap.id = hits.plan_id
                   LEFT JOIN plan_items pi ON pi.id = hits.plan_item_id
                   ORDER BY hits.score, hits.day DESC""",
                {
                    "start": HIGHLIGHT_START,
                    "end": HIGHLIGHT_END,
                    "words": SNIPPET_WORDS,
                    "query": query,
                    "board": board_id,
                    "since": since.isoformat() if since else None,
                    "limit": limit,
                    "part2": part2,
                    "public": int(public),
                },
            )
        except sqlite3.OperationalError as error:
            if getattr(error, "sqlite_errorname", "") == "SQLITE_INTERRUPT":
                raise  # stopped by a newer search, not a bad query
            raise SearchQueryError(
                f'cannot search for {text.strip()!r}: use words, "a phrase" or a prefix*'
            ) from None
        return [_hit(r) for r in found]

    def search_index_count(self) -> int:
        """How many records the index holds: for checks that it is in step."""
        return int(self._scalar("SELECT count(*) FROM search_index"))


def _hit(r: rows.Row) -> SearchHit:
    item_label = None
    if r["item_title"] is not None:
        item_label = f"{r['item_number']}. {r['item_title']}" if r["item_number"] else None
        item_label = item_label or r["item_title"]
    return SearchHit(
        kind=r["kind"],
        record_id=r["record_id"],
        board_id=r["board_id"],
        board_name=r["board_name"],
        meeting_id=r["meeting_id"],
        meeting_title=r["meeting_title"],
        day=rows.day(r["day"]),
        item_id=r["item_id"],
        item_label=item_label,
        plan_id=r["plan_id"],
        plan_title=r["plan_title"],
        plan_item_id=r["plan_item_id"],
        plan_item_ref=r["plan_item_ref"],
        snippet=r["snippet"] or "",
        score=float(r["score"]),
        part2=bool(r["part2"]),
    )
