"""search_index on PostgreSQL: an ordinary table with a weighted tsvector, kept by triggers.

The triggers are made from the same table of sources as SQLite's (storage.schema's
`_SEARCH_SOURCES`), with its two SQLite-only spellings translated, so the two engines'
indexes cannot drift apart: a record's row has the same rowid, kind, ids and day on both.
"""

from __future__ import annotations

import re

from board_tui.storage.schema import _SEARCH_COLUMNS, _SEARCH_SOURCES, SEARCH_CODES
from board_tui.storage.search_phrases import LANGUAGE

DOCUMENT = (
    f"setweight(to_tsvector('{LANGUAGE}', coalesce(title, '')), 'A')"
    f" || setweight(to_tsvector('{LANGUAGE}', coalesce(body, '')), 'B')"
)
"""What a row is found by: SQLite's porter stemmer is closest to the 'english' configuration;
the title weighs more, as the title column does in bm25 (storage.search_ranking)."""

TABLE = f"""CREATE TABLE search_index (
    rowid BIGINT PRIMARY KEY,
    title TEXT,
    body TEXT,
    kind TEXT,
    record_id BIGINT,
    board_id BIGINT,
    meeting_id BIGINT,
    item_id BIGINT,
    plan_id BIGINT,
    plan_item_id BIGINT,
    day TEXT,
    document tsvector GENERATED ALWAYS AS ({DOCUMENT}) STORED
)"""

INDEXES = (
    "CREATE INDEX search_index_document ON search_index USING gin (document)",
    # FTS5 scans for these two triggers; a table as large as the archive need not.
    "CREATE INDEX search_index_meeting ON search_index (meeting_id)",
    "CREATE INDEX search_index_plan ON search_index (plan_id) WHERE meeting_id IS NULL",
)

_SQLITE_DATE = re.compile(r"\bdate\(([^()]*)\)")


def translate(sql: str) -> str:
    """SQLite's date(x) of the app's ISO text is its first ten characters; char() is chr()."""
    translated = _SQLITE_DATE.sub(r"substr(\1, 1, 10)", sql).replace("char(10)", "chr(10)")
    if re.search(r"\b(date|char)\(", translated):
        raise ValueError(f"an SQLite function left untranslated: {translated}")
    return translated


def _function(name: str, body: str) -> str:
    """A trigger function named as SQLite's trigger is; AFTER triggers' result is ignored."""
    return (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN\n{body}\nRETURN NULL;\nEND\n$$"
    )


def _trigger(name: str, event: str, table: str, when: str = "") -> str:
    condition = f" WHEN ({when})" if when else ""
    return (
        f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{condition}"
        f" EXECUTE FUNCTION {name}()"
    )


def fill(table: str, where: str) -> str:
    """schema._search_fill in PostgreSQL: the table's live rows matching `where`, indexed."""
    values, joins, live, _watched = _SEARCH_SOURCES[table]
    live = "TRUE" if live == "1" else live
    return translate(
        f"INSERT INTO search_index ({_SEARCH_COLUMNS})"
        f" SELECT r.id * 8 + {SEARCH_CODES[table]}, {values} FROM {table} r {joins}"
        f" WHERE ({live}) AND {where}"
    )


def triggers(table: str) -> list[str]:
    """schema._search_triggers in PostgreSQL: insert, delete and (where the table is ever
    edited) update of the columns its index row is made from."""
    code = SEARCH_CODES[table]
    watched = _SEARCH_SOURCES[table][3]
    drop = f"DELETE FROM search_index WHERE rowid = OLD.id * 8 + {code};"
    add = f"{fill(table, 'r.id = NEW.id')};"
    made = {"insert": ("INSERT", add), "delete": ("DELETE", drop)}
    if watched:
        made["update"] = (f"UPDATE OF {watched}", f"{drop}\n{add}")
    statements: list[str] = []
    for suffix, (event, body) in made.items():
        name = f"search_{table}_{suffix}"
        statements += [_function(name, body), _trigger(name, event, table)]
    return statements


def moved_and_redated() -> list[str]:
    """A meeting or a plan moved to another date carries its records' dates with it."""
    return [
        _function(
            "search_meeting_moved",
            "UPDATE search_index SET day = substr(NEW.scheduled_start, 1, 10)"
            " WHERE meeting_id = NEW.id;",
        ),
        _trigger("search_meeting_moved", "UPDATE OF scheduled_start", "meetings"),
        _function(
            "search_plan_redated",
            "UPDATE search_index SET day = NEW.dated"
            " WHERE plan_id = NEW.id AND meeting_id IS NULL AND kind <> 'update';",
        ),
        _trigger("search_plan_redated", "UPDATE OF dated", "action_plans", "NEW.dated IS NOT NULL"),
    ]


def undone() -> list[str]:
    """Migration 0006: an update marked undone leaves the index."""
    code = SEARCH_CODES["status_updates"]
    name = "search_status_update_undone"
    return [
        _function(name, f"DELETE FROM search_index WHERE rowid = NEW.update_id * 8 + {code};"),
        _trigger(name, "INSERT", "status_update_undos"),
    ]


def created() -> list[str]:
    """Migration 0004's search: the table, its triggers, and the records already there."""
    statements = [TABLE, *INDEXES, *moved_and_redated()]
    for table in SEARCH_CODES:
        statements += [*triggers(table), fill(table, "TRUE")]
    return statements
