"""Search a year later: results in context, grouped by meeting or plan, dates as clerks write
them, a person's name, next steps by their number, and `history` of one step."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from board_tui.cli.main import cli
from board_tui.domain.model import NoteKind
from board_tui.domain.query_dates import DateFilter, split_dates
from board_tui.storage.store import Store

OCTOBER = dt.date(2023, 10, 17)
DECEMBER = dt.date(2023, 12, 11)


def run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)])
    return result.exit_code, result.output


def found(db: Path, *args: str) -> list[dict[str, object]]:
    limit = () if "--limit" in args else ("--limit", "200")
    code, output = run(db, "search", *args, "--json", *limit)
    assert code == 0, output
    records: list[dict[str, object]] = json.loads(output)
    return records


def test_dates_as_clerks_write_them() -> None:
    assert split_dates("17 October") == ("", DateFilter(10, 17, None, "17 October"))
    assert split_dates("engagement October 2023") == (
        "engagement",
        DateFilter(10, None, 2023, "October 2023"),
    )
    assert split_dates("2023-10-17")[1] == DateFilter(10, 17, 2023, "2023-10-17")
    assert split_dates("17/10/2023 budget")[0] == "budget"
    assert split_dates("3rd Nov 2022")[1] == DateFilter(11, 3, 2022, "3rd Nov 2022")
    assert split_dates("October") == ("", DateFilter(10, words="October"))
    assert split_dates("the October meeting") == ("the October meeting", None)  # a word
    assert split_dates('"17 October"') == ('"17 October"', None)  # a phrase stays a phrase
    assert split_dates("31 February") == ("31 February", None)
    assert DateFilter(2, None, 2024).range() == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))


def test_a_date_alone_lists_that_meetings_records(demo_store: Store, db_path: Path) -> None:
    for query in ("17 October", "October 2023", "2023-10-17", "17/10/2023", "October"):
        hits = found(db_path, query)
        assert hits, query
        assert {h["date"] for h in hits} == {OCTOBER.isoformat()}, query
        assert "item" in {h["kind"] for h in hits} and "decision" in {h["kind"] for h in hits}
    code, output = run(db_path, "search", "17 October")
    assert code == 0
    lines = output.splitlines()
    assert lines[0].startswith("Found 49 (showing 20): ")
    assert lines[2] == "Transformation Advisory Board · meeting of 17 Oct 2023"
    assert lines[3:5] == [
        "  1. Welcome and Apologies · agenda item",
        "      presented by Mayor Lutfur Rahman",
    ]
    assert found(db_path, "17 December") == []
    assert {h["date"] for h in found(db_path, "engagement 17 October")} == {OCTOBER.isoformat()}


def test_until_narrows_and_results_are_grouped_in_context(demo_store: Store, db_path: Path) -> None:
    hits = found(db_path, "engagement", "--until", "2023-11-01")
    assert hits and all(str(h["date"]) <= "2023-11-01" for h in hits)
    assert DECEMBER.isoformat() not in {h["date"] for h in hits}
    assert {h["plan"] for h in hits if h["plan"]} and OCTOBER.isoformat() in {
        h["date"] for h in hits
    }
    code, output = run(db_path, "search", "--until", "2023-11-01", "engagement")
    lines = output.splitlines()
    assert lines[0].startswith("Found 29 (showing 20): ")
    assert "Transformation Advisory Board, 17 Oct 2023 (2)" in lines[0]
    # A next step is a next step, by the number history takes; with its own words and when.
    step = lines.index("  item 12 · next step 12.1")
    assert lines[step + 1] == (
        "      Mapping of current engagement work including engagement groups. · 2 Dec · Next step"
    )
    assert "  item 3 · plan item" in lines
    assert "Transformation Advisory Board · meeting of 17 Oct 2023" in lines
    assert "(action)" not in output
    code, output = run(
        db_path, "search", "engagement", "--since", "2023-12-01", "--until", "2023-11-01"
    )
    assert code == 1 and "--until is before --since" in output


def test_no_one_plan_fills_the_first_page(demo_store: Store, db_path: Path) -> None:
    hits = found(db_path, "engagement", "--limit", "20")
    from_plan = [h for h in hits if h["plan"] and not h["meeting_id"]]
    assert len(hits) == 20 and len(from_plan) <= 17  # the three from meetings are in
    assert {h["date"] for h in hits} >= {OCTOBER.isoformat(), DECEMBER.isoformat()}
    assert len(found(db_path, "engagement", "--kind", "plan_item")) == 13


def test_a_persons_name_finds_what_they_own_said_and_declared(
    demo_store: Store, db_path: Path
) -> None:
    store = demo_store
    december = store.meeting_on(store.board_by_name("Transformation Advisory Board").id, DECEMBER)
    item = store.agenda(december.id)[4]  # 5. Partnership Working, which she presents
    kirsty = next(p for p in store.people() if p.name == "Kirsty Roberts")
    store.add_declaration(
        december.id, kirsty.id, "Trustee of a local carers' charity", agenda_item_id=item.id
    )
    store.add_action(
        "Circulate the partnership map",
        agenda_item_id=item.id,
        owner="Kirsty Roberts",
        time_frame="End of Jan",
    )
    store.add_note(
        item.id, NoteKind.COMMENT, "Kirsty Roberts said the map would be ready in January."
    )
    hits = found(db_path, "Kirsty")
    assert hits[0]["kind"] == "declaration"  # what they declared leads
    assert sorted(str(h["kind"]) for h in hits) == ["action", "comment", "declaration", "item"]
    _code, output = run(db_path, "search", "Kirsty")
    lines = output.splitlines()
    assert lines[1] == (
        "Kirsty Roberts, Strategy and Policy Lead: "
        "presented 1 item; owns 1 action; declared 1 interest"
    )
    assert "      Kirsty Roberts declared: Trustee of a local carers' charity" in lines
    assert "      presented by Kirsty Roberts, Strategy and Policy Lead" in lines
    assert (
        "      Circulate the partnership map · owner Kirsty Roberts · End of Jan · Next step"
        in lines
    )
    assert "      Kirsty Roberts said the map would be ready in January." in lines
    results = [line for line in lines if line.startswith("      ")]
    assert len(results) == len(set(results))  # distinct, never the same line again


def test_history_of_a_step_shows_that_step(demo_store: Store, db_path: Path) -> None:
    code, output = run(db_path, "history", "9.2", "--plan", "1")
    assert code == 0, output
    first, second = output.splitlines()[:2]
    assert (
        first.startswith("9.2. Public Engagement on setting THT priorities")
        and "[Next step]" in first
    )
    assert second.startswith("    next step of item 9: The Board works with the Engagement Leads")
    code, output = run(db_path, "history", "9", "--plan", "1")
    assert output.splitlines()[0].startswith("9. The Board works with the Engagement Leads Group")
