"""What the store says differently to SQLite and to PostgreSQL, in one small place.

Most of the store's SQL is the same on both engines, or differs only in ways
storage.postgres_sql rewrites mechanically. The few phrases that mean something
different (case-insensitive matching, a JSON list of ids, a leading number in a
reference, a date of a time) are chosen here where the SQL is written; full-text search's
own are in storage.search_phrases.
"""

from __future__ import annotations

SERVER_URL_PREFIXES = ("postgresql://", "postgres://")


def server_label(url: str) -> str:
    """The URL as a message may show it: any password in it is left out."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    if parts.username:
        host = f"{parts.username}@{host}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


class Dialect:
    """One engine's way of saying the phrases below (a plain class: the store's module is
    imported before the first screen paints, where each dataclass made costs time)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def same_text(self, column: str, param: str = "?") -> str:
        """The column equals the parameter, ignoring case."""
        if self.name == "sqlite":
            return f"{column} = {param} COLLATE NOCASE"
        return f"lower({column}) = lower({param})"

    def ignoring_case(self, column: str) -> str:
        """The column as it orders ignoring case."""
        return f"{column} COLLATE NOCASE" if self.name == "sqlite" else f"lower({column})"

    def ids_in(self, param: str) -> str:
        """The ids in a JSON list parameter, as a subquery for IN."""
        if self.name == "sqlite":
            return f"(SELECT value FROM json_each({param}))"
        return (
            f"(SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST({param} AS json)))"
        )

    def id_or_null(self, param: str) -> str:
        """A parameter holding an id or NULL, where it is first used: PostgreSQL types a
        parameter where it first meets it, and a NULL tested `IS NULL` would be text."""
        return param if self.name == "sqlite" else f"CAST({param} AS BIGINT)"

    def texts_in(self, param: str) -> str:
        """The strings in a JSON list parameter, as a subquery for IN."""
        if self.name == "sqlite":
            return f"(SELECT value FROM json_each({param}))"
        return f"(SELECT value FROM json_array_elements_text(CAST({param} AS json)))"

    def day_of(self, column: str) -> str:
        """The date (YYYY-MM-DD) of an ISO date or date-and-time column, as text."""
        return f"date({column})" if self.name == "sqlite" else f"substr({column}, 1, 10)"

    def holds(self, column: str, param: str) -> str:
        """The column's text holds the parameter's, as it is (no pattern, no case folding)."""
        if self.name == "sqlite":
            return f"instr({column}, {param}) > 0"
        return f"strpos({column}, {param}) > 0"

    def like(self, column: str, param: str) -> str:
        """The column matches the LIKE pattern, ignoring case (SQLite's LIKE does already)."""
        return f"{column} {'LIKE' if self.name == 'sqlite' else 'ILIKE'} {param}"

    def any_value(self, column: str) -> str:
        """A column in a GROUP BY that is the same on every row of the group: SQLite takes it
        bare, PostgreSQL asks for an aggregate."""
        return column if self.name == "sqlite" else f"min({column})"

    def leading_number(self, column: str) -> str:
        """The whole number a reference starts with ("12" of "12a"), else NULL."""
        if self.name == "sqlite":
            return (
                f"CASE WHEN CAST({column} AS INTEGER) = 0 AND {column} NOT GLOB '0*' THEN NULL"
                f" ELSE CAST({column} AS INTEGER) END"
            )
        return f"CAST(substring(ltrim({column}) from '^[0-9]{{1,18}}') AS BIGINT)"


SQLITE = Dialect("sqlite")
POSTGRES = Dialect("postgres")
