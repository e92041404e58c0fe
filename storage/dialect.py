"""What the store says differently to SQLite and to PostgreSQL, in one small place.

Most of the store's SQL is the same on both engines, or differs only in ways
storage.postgres_sql rewrites mechanically. The few phrases that mean something
different (case-insensitive matching, a JSON list of ids, a leading number in a
reference) are chosen here where the SQL is written.
"""

from __future__ import annotations

SERVER_URL_PREFIXES = ("postgresql://", "postgres://")


def is_server_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(SERVER_URL_PREFIXES)


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
