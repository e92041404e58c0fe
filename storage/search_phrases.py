"""What full-text search says differently to SQLite (FTS5) and to PostgreSQL (a tsvector).

storage.search keeps one body of SQL for both engines; these few phrases are the ones
that cannot be the same: how a record matches the query, its words marked and its
score, a month and day of a date, and the ranked hits read back from JSON.
PostgreSQL's search_index is an ordinary table (storage.postgres_search) whose
`document` is the title (weight A) and the body (weight B) in LANGUAGE's words.
"""

from __future__ import annotations

from board_tui.storage.dialect import SQLITE, Dialect
from board_tui.storage.search_ranking import HIGHLIGHT_END, HIGHLIGHT_START, WEIGHTS

LANGUAGE = "english"
"""The text search configuration a record's words are read in (storage.postgres_search
builds the document with it) and a query's. Kept here, with the query side, so the app's
start does not import the PostgreSQL schema's module."""

_QUERY = f"to_tsquery('{LANGUAGE}', :query)"
"""PostgreSQL: the :query parameter (storage.search.ts_query's text) read as a tsquery."""

HEADLINE_OPTIONS = f"HighlightAll=true, StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_END}"
"""ts_headline's options: the whole column, each matched word marked as highlight() marks it."""

_RANK_WEIGHTS = f"'{{0, 0, {WEIGHTS[1] / WEIGHTS[0]:.4f}, 1}}'"
"""ts_rank's weights for D, C, B (the body) and A (the title): as bm25's, the title's words
count three times the body's (storage.search_ranking.WEIGHTS)."""

RANK_NORMALIZATION = 1
"""ts_rank divides by 1 + the logarithm of the record's length: a long record does not
win by its length alone, as bm25's length normalization has it."""


def match(dialect: Dialect) -> str:
    """SQL: the search_index row `s` matches :query."""
    if dialect is SQLITE:
        return "search_index MATCH :query"
    return f"s.document @@ {_QUERY}"


def candidates(dialect: Dialect, chosen: str) -> str:
    """SQL: the ids, day, title and body with each matched word marked, and rowid of the
    search_index rows `s` that `chosen` (WHERE … ORDER BY … LIMIT) picks, and on PostgreSQL
    their score by ts_rank (less is better, as bm25's scores go; SQLite's are worked out in
    Python, storage.search_ranking). Marked and scored once picked: a common word's search
    costs what it keeps, not what it matches."""
    ids = "s.kind, s.record_id, s.board_id, s.meeting_id, s.item_id, s.plan_id, s.plan_item_id"
    if dialect is SQLITE:
        return f"""SELECT {ids}, s.day,
                          highlight(search_index, 0, :start, :end),
                          highlight(search_index, 1, :start, :end), s.rowid
                   FROM search_index s {chosen}"""
    marked = [
        f"ts_headline('{LANGUAGE}', coalesce(s.{column}, ''), {_QUERY}, :headline)"
        for column in ("title", "body")
    ]
    return f"""SELECT {ids}, s.day, {marked[0]}, {marked[1]}, s.rowid,
                      -ts_rank({_RANK_WEIGHTS}, s.document, {_QUERY}, {RANK_NORMALIZATION})
               FROM (SELECT * FROM search_index s {chosen}) AS s"""


def on_month_day(dialect: Dialect, column: str) -> str:
    """SQL: the ISO date or time `column` falls on :md, a month ("10", :mdformat "%m") or a
    month and day ("10-17", "%m-%d"): PostgreSQL reads it from the text, as dates are."""
    if dialect is SQLITE:
        return f"strftime(:mdformat, {column}) = :md"
    return f"substr({column}, 6, length(:md)) = :md"


def ranked_hits(dialect: Dialect) -> str:
    """SQL: the ranked candidates' ids, day and score from the JSON list :hits, with their
    place in it (`candidate`)."""
    if dialect is SQLITE:
        return """SELECT value ->> 0 AS kind, value ->> 1 AS record_id,
                         value ->> 2 AS board_id, value ->> 3 AS meeting_id,
                         value ->> 4 AS item_id, value ->> 5 AS plan_id,
                         value ->> 6 AS plan_item_id, value ->> 7 AS day,
                         value ->> 8 AS score, key AS candidate
                  FROM json_each(:hits)"""
    ids = ("record_id", "board_id", "meeting_id", "item_id", "plan_id", "plan_item_id")
    columns = ", ".join(f"CAST(value ->> {n} AS BIGINT) AS {id}" for n, id in enumerate(ids, 1))
    return f"""SELECT value ->> 0 AS kind, {columns}, value ->> 7 AS day,
                      CAST(value ->> 8 AS DOUBLE PRECISION) AS score, ordinality - 1 AS candidate
               FROM json_array_elements(CAST(:hits AS json)) WITH ORDINALITY"""
