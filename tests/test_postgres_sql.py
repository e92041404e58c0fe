"""The store's SQLite SQL said for PostgreSQL: parameters, quoted text, NULLs in order."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from board_tui.storage.postgres_sql import (
    TABLES_WITHOUT_ID,
    UntranslatableSQL,
    nulls_as_in_sqlite,
    to_postgres,
)


def test_parameters_by_position_and_by_name() -> None:
    by_position = to_postgres("SELECT * FROM notes WHERE meeting_id = ? AND id > ?")
    assert (
        by_position.sql == ("SELECT * FROM notes WHERE meeting_id = %s AND id > %s")
        and not by_position.named
    )
    by_name = to_postgres("UPDATE notes SET body = :body WHERE id = :id")
    assert by_name.sql == "UPDATE notes SET body = %(body)s WHERE id = %(id)s" and by_name.named
    with pytest.raises(UntranslatableSQL):
        to_postgres("SELECT ? , :a")


def test_quoted_text_and_comments_are_left_as_written_with_percent_doubled() -> None:
    said = to_postgres("SELECT 'a ? :b 50%' AS \"x?\" -- why? :c\n FROM t WHERE y LIKE ?")
    assert said.sql == ("SELECT 'a ? :b 50%%' AS \"x?\" -- why? :c\n FROM t WHERE y LIKE %s")


def test_null_safe_equals_inserts_and_transactions() -> None:
    assert to_postgres("SELECT 1 FROM a WHERE p IS ? AND q IS NOT ?").sql == (
        "SELECT 1 FROM a WHERE p IS NOT DISTINCT FROM %s AND q IS DISTINCT FROM %s"
    )
    assert to_postgres("SELECT 1 FROM a WHERE p IS NULL").sql.endswith("p IS NULL")
    ignored = to_postgres("INSERT OR IGNORE INTO agenda_item_links (a, b) VALUES (?, ?)")
    assert ignored.sql == (
        "INSERT INTO agenda_item_links (a, b) VALUES (%s, %s) ON CONFLICT DO NOTHING"
    )
    assert not ignored.returns_id
    made = to_postgres("INSERT INTO notes (body) VALUES (?)")
    assert made.sql.endswith(" RETURNING id") and made.returns_id
    assert to_postgres("BEGIN IMMEDIATE").sql == "BEGIN"
    with pytest.raises(UntranslatableSQL):
        to_postgres("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)")


def test_nulls_take_sqlites_places_in_every_order_by() -> None:
    assert nulls_as_in_sqlite("SELECT * FROM t ORDER BY a, b DESC LIMIT 3") == (
        "SELECT * FROM t ORDER BY a NULLS FIRST, b DESC NULLS LAST LIMIT 3"
    )
    assert nulls_as_in_sqlite(
        "SELECT (SELECT x FROM u ORDER BY due) AS d, row_number() OVER (ORDER BY f(a, b) DESC)"
        " FROM t ORDER BY CASE s WHEN 'a, b' THEN 1 END, c NULLS LAST"
    ) == (
        "SELECT (SELECT x FROM u ORDER BY due NULLS FIRST) AS d,"
        " row_number() OVER (ORDER BY f(a, b) DESC NULLS LAST)"
        " FROM t ORDER BY CASE s WHEN 'a, b' THEN 1 END NULLS FIRST, c NULLS LAST"
    )


_WORDS = st.text(alphabet="abc ?:%,()'\"-\n", max_size=12)


@given(st.lists(st.tuples(_WORDS, st.booleans()), max_size=6))
def test_any_quoted_text_comes_through_whole(parts: list[tuple[str, bool]]) -> None:
    """Whatever a quoted string holds (?, :name, %, commas, brackets) reaches PostgreSQL as
    it was written, with only % doubled; and every ? outside quotes becomes one %s."""
    literals = [text.replace("'", "''") for text, _ in parts]
    sql = "SELECT " + ", ".join(
        f"'{literal}'" if quoted else "?"
        for literal, (_, quoted) in zip(literals, parts, strict=True)
    )
    out = to_postgres(sql).sql
    for literal, (_, quoted) in zip(literals, parts, strict=True):
        if quoted:
            assert f"'{literal.replace('%', '%%')}'" in out
    outside = re.sub(r"'(?:[^']|'')*'", "", out)
    assert outside.count("%s") == sum(1 for _, quoted in parts if not quoted)


def test_the_tables_without_an_id_are_the_schemas(postgres_url: str) -> None:
    """An INSERT is given RETURNING id unless its table has no id: the list must be the
    schema's, or a new table's INSERT fails on PostgreSQL alone."""
    import psycopg

    with psycopg.connect(postgres_url) as conn:
        found = conn.execute(
            """SELECT table_name FROM information_schema.tables t
               WHERE table_schema = 'public' AND NOT EXISTS (
                   SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public'
                   AND c.table_name = t.table_name AND c.column_name = 'id')"""
        ).fetchall()
    assert {row[0] for row in found} == TABLES_WITHOUT_ID


def test_a_parameter_tested_for_null_is_given_a_type() -> None:
    assert to_postgres("SELECT 1 WHERE (? IS NULL OR d >= ?)").sql == (
        "SELECT 1 WHERE (CAST(%s AS TEXT) IS NULL OR d >= %s)"
    )
    assert to_postgres("SELECT 1 WHERE :a IS NOT NULL AND d = :a").sql == (
        "SELECT 1 WHERE CAST(%(a)s AS TEXT) IS NOT NULL AND d = %(a)s"
    )
