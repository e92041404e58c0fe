"""The store's SQL, written once for SQLite, said the way PostgreSQL (psycopg 3) reads it.

The store keeps one copy of its SQL. What differs between the engines in that SQL is
small and mechanical, so it is rewritten here rather than written twice: parameters
(`?` and `:name` become `%s` and `%(name)s`, and every `%` is doubled, quoted or not,
as psycopg reads it everywhere), BEGIN
IMMEDIATE (PostgreSQL takes row locks as it writes), `x IS ?` (IS NOT DISTINCT FROM), a
parameter tested for NULL (given a type, as PostgreSQL needs one),
INSERT OR IGNORE (an ON CONFLICT
DO NOTHING), and an INSERT into a table with an id gets `RETURNING id`, which stands
in for sqlite3's lastrowid. Each term of an ORDER BY gets SQLite's place for NULLs
(first going up, last going down; PostgreSQL's are the other way round). Quoted strings,
quoted names and comments are left exactly as written. Anything else that differs is
chosen where the SQL is written (storage.dialect).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_TOKENS = re.compile(
    r"""
      (?P<string>'(?:[^']|'')*')
    | (?P<name>"(?:[^"]|"")*")
    | (?P<comment>--[^\n]*)
    | (?P<cast>::)
    | (?P<same>\bIS\s+(?:NOT\s+)?)(?=\?|:[A-Za-z_])
    | (?P<named_null>(?<![:\w]):[A-Za-z_]\w*)(?=\s+IS\s+(?:NOT\s+)?NULL\b)
    | (?P<positional_null>\?)(?=\s+IS\s+(?:NOT\s+)?NULL\b)
    | (?P<named>(?<![:\w]):[A-Za-z_]\w*)
    | (?P<positional>\?)
    | (?P<percent>%)
    """,
    re.VERBOSE,
)
_INSERT_INTO = re.compile(
    r"^\s*INSERT\s+(?:OR\s+(?P<or>IGNORE|REPLACE)\s+)?INTO\s+(?P<table>\w+)", re.I
)
_RETURNING = re.compile(r"\bRETURNING\b", re.I)
_ON_CONFLICT = re.compile(r"\bON\s+CONFLICT\b", re.I)
_BEGIN_IMMEDIATE = re.compile(
    r"^\s*BEGIN\s+(?:IMMEDIATE|DEFERRED|EXCLUSIVE)(?:\s+TRANSACTION)?\s*;?\s*$", re.I
)

TABLES_WITHOUT_ID = frozenset(
    {
        "agenda_item_links",
        "board_tui_migrations",
        "decision_votes",
        "drafts",
        "meeting_holds",
        "roundups",
        "search_index",
        "settings",
        "status_update_undos",
    }
)
"""Tables whose rows have no `id` column: an INSERT into them returns nothing."""


class Translated(NamedTuple):
    sql: str
    named: bool
    """Parameters by name (a dict), else by position (a sequence)."""
    returns_id: bool
    """An INSERT given RETURNING id by the translation: its first column is the new id."""


class UntranslatableSQL(ValueError):
    """SQL that mixes `?` and `:name`, which neither sqlite3 nor psycopg accepts."""


@lru_cache(maxsize=2048)
def to_postgres(sql: str) -> Translated:
    """The same statement for psycopg (cached: the store runs the same few hundred)."""
    if _BEGIN_IMMEDIATE.match(sql):
        return Translated("BEGIN", named=False, returns_id=False)
    insert = _INSERT_INTO.match(sql)
    ignore = False
    if insert and insert.group("or"):
        if insert.group("or").upper() == "REPLACE":
            raise UntranslatableSQL("INSERT OR REPLACE: write ON CONFLICT … DO UPDATE instead")
        ignore = True
        sql = f"INSERT INTO {insert.group('table')}{sql[insert.end() :]}"
    kinds: set[str] = set()

    def swap(found: re.Match[str]) -> str:
        kind = found.lastgroup
        if kind in ("string", "name", "comment", "cast"):
            # psycopg reads % as its own everywhere, quoted or not: doubled, it stays %.
            return found.group().replace("%", "%%")
        if kind == "percent":
            return "%%"
        if kind == "same":  # SQLite's `x IS ?` matches NULL to NULL, as this does
            return (
                "IS DISTINCT FROM " if "NOT" in found.group().upper() else "IS NOT DISTINCT FROM "
            )
        assert kind is not None
        if kind.endswith("_null"):
            # `? IS NULL` alone tells PostgreSQL nothing of the parameter's type; any type
            # tested for NULL as text is NULL exactly when it is.
            kind = kind.removesuffix("_null")
            kinds.add(kind)
            return (
                "CAST(%s AS TEXT)"
                if kind == "positional"
                else f"CAST(%({found.group()[1:]})s AS TEXT)"
            )
        kinds.add(kind)
        return "%s" if kind == "positional" else f"%({found.group()[1:]})s"

    out = _TOKENS.sub(swap, sql)
    if len(kinds) > 1:
        raise UntranslatableSQL(f"SQL mixes ? and :name parameters: {sql[:60]}")
    if ignore and not _ON_CONFLICT.search(out):
        out = out.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    returns_id = bool(
        insert
        and insert.group("table").lower() not in TABLES_WITHOUT_ID
        and not _RETURNING.search(out)
    )
    if returns_id:
        out = out.rstrip().rstrip(";") + " RETURNING id"
    out = nulls_as_in_sqlite(out)
    return Translated(out, named="named" in kinds, returns_id=returns_id)


_SCAN = re.compile(
    r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|(?P<open>\()|(?P<close>\))|(?P<comma>,)|(?P<semi>;)"""
    r"|(?P<order>\bORDER\s+BY\b)"
    r"|(?P<stop>\b(?:LIMIT|OFFSET|FETCH|FOR|UNION|EXCEPT|INTERSECT|RETURNING|WINDOW)\b)",
    re.I,
)
_HAS_NULLS = re.compile(r"\bNULLS\s+(?:FIRST|LAST)\s*$", re.I)
_DESC = re.compile(r"\bDESC\s*$", re.I)


def _with_nulls(term: str) -> str:
    bare = term.rstrip()
    if not bare or _HAS_NULLS.search(bare):
        return term
    place = " NULLS LAST" if _DESC.search(bare) else " NULLS FIRST"
    return bare + place + term[len(bare) :]


def nulls_as_in_sqlite(sql: str) -> str:
    """Every ORDER BY term places NULLs as SQLite does: first ascending, last descending."""
    if not re.search(r"\bORDER\s+BY\b", sql, re.I):
        return sql
    out: list[str] = []
    # A stack of open ORDER BY clauses: (depth it was opened at, start of its current term).
    clauses: list[tuple[int, int]] = []
    depth = 0
    position = 0

    def close_term(end: int) -> None:
        nonlocal position
        _depth, start = clauses[-1]
        out.append(sql[position:start])
        out.append(_with_nulls(sql[start:end]))
        position = end

    for found in _SCAN.finditer(sql):
        kind = found.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            if clauses and clauses[-1][0] == depth:
                close_term(found.start())
                clauses.pop()
            depth -= 1
        elif kind in ("comma",) and clauses and clauses[-1][0] == depth:
            close_term(found.start())
            clauses[-1] = (depth, found.end())
        elif kind in ("stop", "semi") and clauses and clauses[-1][0] == depth:
            close_term(found.start())
            clauses.pop()
        elif kind == "order":
            clauses.append((depth, found.end()))
    while clauses:
        close_term(len(sql))
        clauses.pop()
    out.append(sql[position:])
    return "".join(out)
