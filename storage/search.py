"""Full-text search over everything a board has said, decided and tracked.

The index (search_index, SQLite FTS5) is kept by triggers made in migration
0004, so every write through any code path is searchable at once and a removed
note drops out. What the clerk types is read as words, "quoted phrases" and
prefix* terms joined by AND (OR between terms widens), never as raw FTS syntax,
so a stray quote or bracket cannot break a search. A query holds at most
MAX_SEARCH_WORDS words: each more term makes SQLite's work grow faster than the
query (1,600 `b* OR` terms took 10 s), and no clerk types that many.

A common word matches most of the archive ("the": 57,000 records, 570,000 in ten
times the archive), and SQLite's bm25() first counts every record holding each word,
so ranking by it grew with the archive (130 ms for "the", 2.5 s at ten times). A search
instead ranks the newest CANDIDATES_PER_KIND matching records of each kind (items,
notes, actions, plan items, updates) — all of them while a kind has no more — found
by walking the index back from each table's newest record, by bm25's formula in Python
(storage.search_ranking): the same order for a one-word query, the query's words
weighted alike for more. A search then reads as many rows as it keeps, however large
the archive grows.

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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from board_tui.domain.errors import BoardTuiError
from board_tui.domain.model import Person
from board_tui.storage import rows, search_phrases
from board_tui.storage.base import StoreBase
from board_tui.storage.dialect import SQLITE
from board_tui.storage.schema import SEARCH_CODES
from board_tui.storage.search_hits import (
    hit_from_row,
    in_order,
    item_label,
    part2_sql,
    with_details,
)
from board_tui.storage.search_ranking import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    KINDS_OF,
    SNIPPET_WORDS,
    Candidate,
    rank,
    unmarked,
)

if TYPE_CHECKING:
    from board_tui.domain.search_records import PersonFound, SearchFacets, SearchHit

__all__ = ["HIGHLIGHT_END", "HIGHLIGHT_START", "SNIPPET_WORDS"]  # the screens style them

SEARCH_LIMIT = 50
CANDIDATES_PER_KIND = 100
"""The newest matching records of each kind that a search ranks (all, for a kind with no
more): the ranking then costs the same at any size of archive."""
FACET_LIMIT = 10_000
"""Matches counted by board, kind and meeting at most: past this a common word is said to
match "more than" it, since counting all (570,000 for "the" in a council's twenty years)
took seconds."""
MAX_SEARCH_WORDS = 32
"""Words, prefixes and the words of phrases together; 32 `b* OR` terms take a few ms."""
_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class SearchQueryError(BoardTuiError):
    """The words typed cannot be searched for: the message says what to type instead."""


def _quoted(words: str) -> str:
    return '"' + words.replace('"', '""') + '"'


class _Term(NamedTuple):
    """One thing to find, as typed: a phrase's words or one word, as a prefix or not,
    either it or what came before (OR) rather than both."""

    words: str
    prefix: bool
    either: bool


def _terms(text: str) -> list[_Term]:
    """What the clerk typed, read as terms (see fts_query); raises SearchQueryError for a
    query with nothing to find or too many words, on either engine alike."""
    terms: list[_Term] = []
    pending_or = False
    words = 0
    for match in _TERM.finditer(_CONTROL.sub(" ", text)):
        phrase, word = match.group(1), match.group(2)
        if word == "OR":
            pending_or = bool(terms)
            continue
        if phrase is not None:
            term = _Term(phrase, False, pending_or) if re.search(r"\w", phrase) else None
        else:
            bare = word.strip("*")
            term = _Term(bare, word.endswith("*"), pending_or) if re.search(r"\w", bare) else None
        if term is None:
            continue
        words += max(len(re.findall(r"\w+", phrase if phrase is not None else word)), 1)
        if words > MAX_SEARCH_WORDS:
            raise SearchQueryError(
                f"too many words to search for at once (at most {MAX_SEARCH_WORDS})"
            )
        terms.append(term)
        pending_or = False
    if not terms:
        raise SearchQueryError("type a word to search for")
    return terms


def fts_query(text: str) -> str:
    """Turn what the clerk typed into a safe FTS5 query.

    `youth council` finds both words anywhere in a record, `"youth council"` the
    phrase, `consult*` any word starting so, and `a OR b` either. Raises
    SearchQueryError when nothing searchable is left.
    """
    parts: list[str] = []
    for term in _terms(text):
        if term.either:
            parts.append("OR")
        parts.append(_quoted(term.words) + ("*" if term.prefix else ""))
    return " ".join(parts)


def ts_query(text: str) -> str:
    """The same query for PostgreSQL's to_tsquery: each term one quoted lexeme, which
    PostgreSQL's parser splits into words as it split the record's (a phrase's words must
    follow one another, `<->`), `:*` for a prefix (on each of its words), `&` between
    terms and `|` for OR, which binds looser than `&` as FTS5's OR does. Whatever was
    typed stays inside the quotes: it is a parameter's text, and no operator of it.
    """
    parts: list[str] = []
    for term in _terms(text):
        if parts:
            parts.append("|" if term.either else "&")
        quoted = term.words.replace("\\", "\\\\").replace("'", "''")
        parts.append(f"'{quoted}'" + (":*" if term.prefix else ""))
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


class _Where(NamedTuple):
    """What every search of one query shares: its FTS query (none for a date alone) and
    filters, as SQL over search_index `s` and its parameters."""

    query: str | None
    sql: str
    params: dict[str, object]


class SearchMixin(StoreBase):
    def _where(
        self,
        text: str,
        *,
        board_id: int | None,
        since: dt.date | None,
        until: dt.date | None,
        kinds: Sequence[str] | None,
        public: bool,
    ) -> _Where:
        from board_tui.domain.query_dates import split_dates

        words, when = split_dates(text)
        as_query = fts_query if self.dialect is SQLITE else ts_query
        query = as_query(words) if words.strip() or when is None else None
        first, last = since, until
        span = when.range() if when else None
        if span is not None:
            first = max(first, span[0]) if first else span[0]
            last = min(last, span[1]) if last else span[1]
        params: dict[str, object] = {
            "query": query,
            "board": board_id,
            "first": first.isoformat() if first else None,
            "last": last.isoformat() if last else None,
            "md": when.pattern() if when is not None and when.year is None else None,
            "mdformat": "%m-%d" if when is not None and when.day is not None else "%m",
            "kinds": json.dumps(list(kinds)) if kinds else None,
            "part2": json.dumps(sorted(self.part2().item_ids)),
            "public": int(public),
        }
        dialect = self.dialect
        sql = f"""{f"{search_phrases.match(dialect)} AND" if query else ""}
                  ({dialect.id_or_null(":board")} IS NULL OR s.board_id = :board)
                  AND (:first IS NULL OR s.day >= :first)
                  AND (:last IS NULL OR s.day <= :last)
                  AND (:md IS NULL OR {search_phrases.on_month_day(dialect, "s.day")})
                  AND (:kinds IS NULL OR s.kind IN {dialect.texts_in(":kinds")})
                  AND (:public = 0 OR NOT {part2_sql("s", dialect)})"""
        return _Where(query, sql, params)

    def search(
        self,
        text: str,
        *,
        board_id: int | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        kinds: Sequence[str] | None = None,
        limit: int = SEARCH_LIMIT,
        public: bool = False,
    ) -> list[SearchHit]:
        """The best matches first (bm25's measure, among the newest of each kind: see the
        module's doc), each with its board, meeting, item or plan, and the
        record's own words and owner. Dates typed as a clerk writes them ("17 October",
        "October 2023") narrow it like --since and --until; a date alone lists that day's
        (or month's) records. A person's name finds their declarations too. No one meeting
        or plan takes more than half the results while others match.

        public: for a public audience, with nothing of Part 2 (the `limit` best of the rest).
        Raises SearchQueryError for a query that cannot be searched for.
        """
        where = self._where(
            text, board_id=board_id, since=since, until=until, kinds=kinds, public=public
        )
        params = {
            **where.params,
            "start": HIGHLIGHT_START,
            "end": HIGHLIGHT_END,
            "headline": search_phrases.HEADLINE_OPTIONS,
            "words": SNIPPET_WORDS,
            "limit": min(limit * 4, 2000),
        }
        marked: dict[tuple[str, int], Candidate] = {}
        declared: list[SearchHit] = []
        if where.query:
            with _as_search_error(text):
                ranked = self._rank_candidates(where, kinds, params)
                hits_sql = search_phrases.ranked_hits(self.dialect)
                ordered = self._rows(in_order(hits_sql), {"hits": _ids_of(ranked)})
            if not kinds or "declaration" in kinds:
                best_score = min((float(r["score"]) for r in ordered), default=0.0)
                declared = self._declarations(text, where, best_score - 1.0)
            # Spread first, then read the details of only the hits kept.
            sources = [_source(h.meeting_id, h.plan_id) for h in declared]
            sources += [_source(r["meeting_id"], r["plan_id"]) for r in ordered]
            chosen = _spread_places(sources, limit)
            first = len(declared)  # the ranked hits' places follow the declarations'
            best = [ranked[ordered[n - first]["candidate"]] for n in chosen if n >= first]
            declared = [declared[n] for n in chosen if n < first]
            with _as_search_error(text):
                found = self._rows(
                    with_details(hits_sql, self.dialect),
                    {"hits": _ids_of(best), "part2": where.params["part2"]},
                )
            for r in found:  # the words stay here: through SQLite as JSON they cost more
                r["indexed_body"] = unmarked(best[r["candidate"]].body)
                r["snippet"] = ""  # made below, for the hits kept
            marked = {(c.ids[0], c.ids[1]): c for c in best}
        else:  # a date alone: that day's (or month's) records
            with _as_search_error(text):
                found = self._rows(
                    with_details(
                        f"""SELECT s.kind, s.record_id, s.board_id, s.meeting_id, s.item_id,
                                   s.plan_id, s.plan_item_id, s.day, s.body AS indexed_body,
                                   substr(s.body, 1, 400) AS snippet, 0.0 AS score
                            FROM search_index s
                            WHERE {where.sql}
                            ORDER BY score, s.day DESC LIMIT :limit""",
                        self.dialect,
                    ),
                    params,
                )
        hits = declared + [hit_from_row(r) for r in found]
        kept = hits if where.query else _spread(hits, limit)  # a query's are spread above
        if marked:
            kept = [
                replace(h, snippet=marked[(h.kind, h.record_id)].snippet())
                if (h.kind, h.record_id) in marked
                else h
                for h in kept
            ]
        return kept

    def _rank_candidates(
        self, where: _Where, kinds: Sequence[str] | None, params: dict[str, object]
    ) -> list[Candidate]:
        """The best of the newest CANDIDATES_PER_KIND matches of each kind, within the
        filters, ranked by bm25's formula (see the module's doc; on PostgreSQL by ts_rank),
        the best first; with the words the SQL that joins their details does not carry.

        Each kind's walk starts at the newest record of its table and goes back by rowid
        (id * 8 + the table's code), so it reads as many rows as it keeps, not every match;
        a word with fewer matches than a kind's share is found in one walk of them all.
        """
        chosen = search_phrases.candidates  # the columns, of the rows a WHERE picks
        # The newest matches of every kind first: a rare word's are all there are.
        found = self.conn.execute(
            chosen(self.dialect, f"WHERE {where.sql} ORDER BY s.rowid DESC LIMIT :per_kind"),
            {**params, "per_kind": CANDIDATES_PER_KIND},
        ).fetchall()
        if len(found) < CANDIDATES_PER_KIND:
            return rank(found)[: int(str(params["limit"]))]
        below = min(r[10] for r in found)  # each kind's walk goes on from here
        for table, code in SEARCH_CODES.items():
            wanted = CANDIDATES_PER_KIND - sum(1 for r in found if r[10] % 8 == code)
            if wanted <= 0 or (kinds and not set(kinds) & set(KINDS_OF[table])):
                continue
            newest = self._scalar(f"SELECT max(id) FROM {table}")
            if newest is None:
                continue
            found += self.conn.execute(
                chosen(
                    self.dialect,
                    f"""WHERE s.rowid <= :top AND s.rowid % 8 = :code AND {where.sql}
                        ORDER BY s.rowid DESC LIMIT :wanted""",
                ),
                {
                    **params,
                    "top": min(int(newest) * 8 + code, below - 1),
                    "code": code,
                    "wanted": wanted,
                },
            ).fetchall()
        ranked = rank(found)
        return ranked[: int(str(params["limit"]))]

    def _declarations(self, text: str, where: _Where, score: float) -> list[SearchHit]:
        """What the people named by the words declared, within the same filters."""
        from board_tui.domain.search_records import SearchHit

        people = [p.id for p in self._people_named(text)]
        if not people:
            return []
        params = {**where.params, "people": json.dumps(people)}
        dialect = self.dialect
        part2, day = dialect.ids_in(":part2"), dialect.day_of("m.scheduled_start")
        found = self._rows(
            f"""SELECT d.id, d.interest, d.meeting_id, d.agenda_item_id, p.name,
                       m.board_id, {day} AS day, b.name AS board_name,
                       m.title AS meeting_title, ai.number AS item_number,
                       ai.title AS item_title,
                       coalesce(d.agenda_item_id, -1) IN {part2}
                           AS part2
                FROM declarations d
                JOIN people p ON p.id = d.person_id
                JOIN meetings m ON m.id = d.meeting_id
                JOIN boards b ON b.id = m.board_id
                LEFT JOIN agenda_items ai ON ai.id = d.agenda_item_id
                WHERE d.person_id IN {dialect.ids_in(":people")}
                  AND ({dialect.id_or_null(":board")} IS NULL OR m.board_id = :board)
                  AND (:first IS NULL OR {day} >= :first)
                  AND (:last IS NULL OR {day} <= :last)
                  AND (:md IS NULL OR {search_phrases.on_month_day(dialect, "m.scheduled_start")})
                  AND (:public = 0 OR coalesce(d.agenda_item_id, -1) NOT IN
                       {part2})
                ORDER BY m.scheduled_start DESC, d.id""",
            params,
        )
        return [
            SearchHit(
                kind="declaration",
                record_id=r["id"],
                board_id=r["board_id"],
                board_name=r["board_name"],
                meeting_id=r["meeting_id"],
                meeting_title=r["meeting_title"],
                day=rows.day(r["day"]),
                item_id=r["agenda_item_id"],
                item_label=item_label(r),
                plan_id=None,
                plan_title=None,
                plan_item_id=None,
                plan_item_ref=None,
                snippet=r["interest"],
                score=score,
                part2=bool(r["part2"]),
                words=r["interest"],
                who=r["name"],
            )
            for r in found
        ]

    def _people_named(self, text: str) -> list[Person]:
        """The people whose name holds every word typed (two letters or more), if any."""
        from board_tui.domain.query_dates import split_dates

        typed = _CONTROL.sub(" ", split_dates(text)[0])  # as the query reads them
        words = [w.strip('*"').lower() for w in typed.split() if w != "OR"]
        words = [w for w in words if len(w) >= 2]
        if not words:
            return []
        found = self._rows(
            "SELECT * FROM people WHERE "
            + " AND ".join(self.dialect.holds("lower(name)", "?") for _ in words)
            + " ORDER BY name LIMIT 20",
            words,
        )
        return [rows.person(r) for r in found]

    def people_found(self, text: str, *, public: bool = False) -> list[PersonFound]:
        """The people a search names, with what they presented, own, lead and declared."""
        from board_tui.domain.search_records import PersonFound

        part2 = json.dumps(sorted(self.part2().item_ids))
        found: list[PersonFound] = []
        for person in self._people_named(text):
            like = f"%{person.name}%"
            hidden = f"(:public = 1 AND {{}} IN {self.dialect.ids_in(':part2')})"
            presenter, owner, lead = (
                self.dialect.like(column, ":like")
                for column in ("ai.presenter", "a.owner", "pi.lead")
            )
            counts = self._rows(
                f"""SELECT
                    (SELECT count(*) FROM agenda_items ai WHERE {presenter}
                        AND NOT {hidden.format("ai.id")}) AS presented,
                    (SELECT count(*) FROM actions a WHERE {owner}
                        AND a.deleted_at IS NULL
                        AND NOT {hidden.format("coalesce(a.agenda_item_id, -1)")}) AS owns,
                    (SELECT count(*) FROM plan_items pi WHERE {lead}) AS leads,
                    (SELECT count(*) FROM declarations d WHERE d.person_id = :person
                        AND NOT {hidden.format("coalesce(d.agenda_item_id, -1)")}) AS declared
                """,
                {"like": like, "person": person.id, "part2": part2, "public": int(public)},
            )[0]
            found.append(
                PersonFound(
                    person, counts["presented"], counts["owns"], counts["leads"], counts["declared"]
                )
            )
        return found

    def search_facets(
        self,
        text: str,
        *,
        board_id: int | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        kinds: Sequence[str] | None = None,
        public: bool = False,
    ) -> SearchFacets:
        """How every match falls by board, kind and meeting or plan (declarations apart);
        past FACET_LIMIT matches, only that there are more (`SearchFacets.more`)."""
        from board_tui.domain.search_records import SearchFacets

        where = self._where(
            text, board_id=board_id, since=since, until=until, kinds=kinds, public=public
        )
        counted = self._scalar(
            f"""SELECT count(*) FROM (SELECT 1 FROM search_index s WHERE {where.sql} LIMIT :cap)
                AS counted""",
            {**where.params, "cap": FACET_LIMIT + 1},
        )
        if int(counted) > FACET_LIMIT:
            return SearchFacets(total=FACET_LIMIT, boards=(), kinds=(), sources=(), more=True)
        same = self.dialect.any_value  # the same for every row of the group
        found = self._rows(
            f"""SELECT s.kind, {same("b.name")} AS board_name, s.meeting_id, s.plan_id,
                       {same("s.day")} AS day, {same("ap.title")} AS plan_title, count(*) AS n
                FROM search_index s
                LEFT JOIN boards b ON b.id = s.board_id
                LEFT JOIN action_plans ap ON ap.id = s.plan_id
                WHERE {where.sql}
                GROUP BY s.kind, s.board_id, s.meeting_id, s.plan_id""",
            where.params,
        )
        boards: dict[str, int] = {}
        kinds_found: dict[str, int] = {}
        sources: dict[str, int] = {}
        for r in found:
            n = int(r["n"])
            board = r["board_name"] or ""
            boards[board] = boards.get(board, 0) + n
            kinds_found[r["kind"]] = kinds_found.get(r["kind"], 0) + n
            source = source_label(board, rows.day(r["day"]), r["meeting_id"], r["plan_title"])
            sources[source] = sources.get(source, 0) + n

        def ranked(counts: dict[str, int]) -> tuple[tuple[str, int], ...]:
            return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

        return SearchFacets(
            total=sum(boards.values()),
            boards=ranked(boards),
            kinds=ranked(kinds_found),
            sources=ranked(sources),
        )

    def search_index_count(self) -> int:
        """How many records the index holds: for checks that it is in step."""
        return int(self._scalar("SELECT count(*) FROM search_index"))


def source_label(
    board: str | None, day: dt.date | None, meeting_id: int | None, plan_title: str | None
) -> str:
    """Where a record comes from: a board's meeting on a day, or a plan."""
    if meeting_id is not None and day is not None:
        return f"{board or ''}, {day.day} {day:%b %Y}".strip(", ")
    return plan_title or board or ""


@contextmanager
def _as_search_error(text: str) -> Iterator[None]:
    """SQLite refusing the query (FTS5's syntax) as one line for the clerk; a search
    stopped by a newer one as it is."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if getattr(error, "sqlite_errorname", "") == "SQLITE_INTERRUPT":
            raise  # stopped by a newer search, not a bad query
        raise SearchQueryError(
            f'cannot search for {text.strip()!r}: use words, "a phrase" or a prefix*'
        ) from None


def _ids_of(candidates: list[Candidate]) -> str:
    """The candidates as the JSON list ranked_hits reads."""
    return json.dumps([c.ids for c in candidates])


def _source(meeting_id: int | None, plan_id: int | None) -> tuple[int | None, int | None]:
    """Where a hit comes from, for the spread: its meeting, else its plan."""
    return (meeting_id, plan_id if meeting_id is None else None)


def _spread_places(sources: list[tuple[int | None, int | None]], limit: int) -> list[int]:
    """The places of the best `limit`, in order, with no meeting or plan taking more than
    half while others match: "engagement" once gave 19 of its first 20 from one plan."""
    cap = max(limit // 2, 1)
    taken: list[int] = []
    held: list[int] = []
    per_source: dict[tuple[int | None, int | None], int] = {}
    for place, source in enumerate(sources):
        if per_source.get(source, 0) < cap:
            per_source[source] = per_source.get(source, 0) + 1
            taken.append(place)
        else:
            held.append(place)
        if len(taken) == limit:
            break
    return sorted(taken + held[: limit - len(taken)])


def _spread(hits: list[SearchHit], limit: int) -> list[SearchHit]:
    """The best `limit` hits, spread (see _spread_places)."""
    places = _spread_places([_source(h.meeting_id, h.plan_id) for h in hits], limit)
    return [hits[n] for n in places]
