"""Ten years of five boards' work, generated the same way every time (seeded).

The benchmarks need a database the size a long-serving clerk's becomes, with text
as long as real minutes and names from a real city's directory. Rows go in with
plain INSERTs in one transaction, after the store has made the schema, so the
search index's triggers fill the index exactly as the app's own writes would.

--scale N keeps those five boards exactly as they are (the figures are measured on
them, so they stay comparable) and adds N - 1 more groups of five boards around them,
each as large: at 10 a council's archive of 50 committees, 2,500 meetings, 200,000
notes, 33,000 plan items and 300,000 status updates.

    python -m benchmarks.make_db FILE [--seed N] [--scale N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from board_tui.domain.timeframes import parse_time_frame
from board_tui.storage.store import Store

BOARDS = (
    ("Transformation Advisory Board", "Borough Council"),
    ("Health and Wellbeing Board", "Borough Council"),
    ("Engagement Leads Group", "Integrated Care Partnership"),
    ("Children and Young People's Partnership", "Borough Council"),
    ("Safer Communities Partnership", "Community Safety Partnership"),
)
MEETINGS_PER_BOARD = 50  # 49 held over ten years, and the next one, not yet held
PEOPLE = 400
FIRST_DAY = dt.date(2016, 1, 14)
# The action plans: one long partnership plan (the plan screen is measured on it), one of
# 1,000 items (the Word export is measured on it) and three of the usual size.
PLAN_SIZES = (2000, 1000, 100, 100, 100)
NEXT_STEPS = 10_000
STATUS_UPDATES = 30_000
NOTES = 20_000
BIG_MEETING_ITEMS = 20  # the minutes export is measured on a meeting this long

STATUSES = ("next_step", "on_track", "update_due", "at_risk", "off_track", "complete", "dropped")
STATUS_WEIGHTS = (12, 30, 10, 8, 5, 30, 5)

FIRST_NAMES = (
    "Aisha", "Amir", "Anwen", "Bethan", "Brónach", "Chloé", "Ciarán", "Dafydd", "Dorota",
    "Eilís", "Emma", "Fatima", "François", "Gareth", "Grzegorz", "Hannah", "Ifeoma", "Iqbal",
    "Jasmine", "José", "Kwame", "Łukasz", "Mairéad", "Mohammed", "Nadia", "Niamh", "Oluwaseun",
    "Priya", "Rhiannon", "Rúben", "Saoirse", "Shanthi", "Siân", "Søren", "Tomasz", "Zoë",
    "রহিম", "ফাতেমা", "سارة", "יעל", "Øystein", "Ngozi", "Mei", "Hiroshi", "Ana-María",
)  # fmt: skip
SURNAMES = (
    "Ahmed", "Begum", "Brennan", "Chowdhury", "Davies", "Evans", "Fernández", "Gallagher",
    "Hughes", "Igwe", "Jones", "Kowalczyk", "Lewandowski", "MacDonald", "Mensah", "Morgan",
    "Ní Bhriain", "Nowak", "O'Connor", "Ó Súilleabháin", "Okafor", "Patel", "Price", "Rahman",
    "Roberts", "Singh", "Smith", "Thomas", "Uddin", "Williams", "Wiśniewski", "Zieliński",
    "হোসেন", "الحسن", "כהן", "Nguyễn", "Müller", "Lefèvre", "Åberg", "García-Márquez",
)  # fmt: skip
TITLES = (
    "Director of Public Health", "Chief Executive", "Head of Adult Social Care",
    "Clinical Lead", "Programme Manager", "Engagement Officer", "Cabinet Member for Health",
    "Councillor", "Democratic Services Officer", "Healthwatch Manager", "Head of Housing",
    "Assistant Director, Commissioning", "Voluntary Sector Representative",
)  # fmt: skip
TOPICS = (
    "Better Care Fund Quarter {q} Report", "Joint Strategic Needs Assessment Refresh",
    "Pharmaceutical Needs Assessment", "Winter Pressures Plan", "Mental Health Transformation",
    "Digital Inclusion Programme", "Community Hubs Update", "Health Inequalities Action Plan",
    "Carers' Strategy Progress", "Housing and Health Partnership", "Children's Services Ofsted",
    "Drug and Alcohol Strategy", "Healthy Weight Programme", "Social Prescribing Evaluation",
    "Engagement with Seldom-Heard Groups", "Budget Monitoring Quarter {q}",
    "Integrated Care Partnership Strategy", "Dementia Friendly Borough", "Air Quality Plan",
    "Workforce Recruitment and Retention", "Domestic Abuse Partnership Report",
    "Cost of Living Support", "Suicide Prevention Plan", "Primary Care Access",
)  # fmt: skip
OPENING = (
    "Welcome and Apologies", "Declarations of Interest", "Minutes of the Previous Meeting",
    "Matters Arising and Action Log",
)  # fmt: skip
_PROSE = (
    "the board noted that residents had raised concerns about access to services in the east "
    "of the borough and asked officers to bring back a fuller report with options and costs "
    "partners agreed the priorities for the coming year including prevention early help "
    "housing and mental health support for young people waiting times in primary care "
    "remained a concern members welcomed the progress on the community hubs and the "
    "voluntary sector's contribution the chair thanked officers for a clear report funding "
    "from the better care fund would be reviewed at the next meeting the engagement leads "
    "would consult carers groups faith groups and schools before the strategy was finalised "
    "a councillor asked how the data would be shared safely and whether the digital offer "
    "excluded older residents the director confirmed that paper forms would remain available "
    "the risk register was updated to reflect workforce pressures and the winter plan "
    "performance against the targets was mixed with delayed discharges improving slowly "
    "it was agreed that a task and finish group would look at the transport barriers "
    "healthwatch reported feedback from two hundred residents on GP appointments "
    "£1.2m was allocated for 2024/25 subject to the cabinet's approval in March"
)
WORDS = tuple(_PROSE.split())
TIME_FRAMES = (
    "End of Nov 22", "Feb Board 23", "TBC", "Ongoing", "March 2024", "Q3 2023/24", "By April",
    "End of June", "Next board", "Autumn 2025", "31/03/2025", "Summer", "Early Jan",
    "Late Feb to Late March", "Dec 2021", "Jul 19", "Sept 2020", "2026",
)  # fmt: skip
LABELS = (None, None, None, "new", "revised")
# The places of the groups --scale adds, each with five boards named like the first five
# ("Bexley Health and Wellbeing Board"). All sort before "Transformation …", so the
# measured board stays the last in home's list, where the benchmarks find it.
PLACES = (
    "Ashford", "Barnet", "Bexley", "Camden", "Dudley", "Ealing", "Enfield", "Fylde",
    "Gedling", "Harrow", "Hounslow", "Islington", "Kirklees", "Lambeth", "Medway", "Newham",
    "Oldham", "Redbridge", "Salford",
)  # fmt: skip
MAX_SCALE = len(PLACES) + 1


@dataclass
class Summary:
    """What was generated, for the results table."""

    counts: dict[str, int] = field(default_factory=dict)
    big_plan_id: int = 0
    export_plan_id: int = 0
    big_meeting_id: int = 0
    next_meeting_id: int = 0


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _stamp(value: dt.datetime) -> str:
    return value.replace(microsecond=0).isoformat(timespec="seconds")


class _Builder:
    """Writes one group of five boards a table at a time, remembering the ids later tables
    point at.

    The first group (place None) is the database every earlier result was measured on,
    drawn from the random stream exactly as before. A group --scale adds draws its words
    with one call a sentence (random.choices), so the 10x database builds in about a minute.
    """

    def __init__(
        self, conn: sqlite3.Connection, rng: random.Random, place: str | None = None, group: int = 0
    ) -> None:
        self.conn = conn
        self.rng = rng
        self.place = place
        self.group = group
        self.boards_named = tuple(
            (f"{place} {name}" if place else name, organisation) for name, organisation in BOARDS
        )
        self.summary = Summary()
        self.people: list[tuple[int, str]] = []
        self.boards: list[int] = []
        self.meetings: dict[int, list[tuple[int, dt.datetime]]] = {}
        self.items: dict[int, list[int]] = {}  # meeting id -> agenda item ids

    def _sentence(self, low: int, high: int) -> str:
        if self.place is None:
            return _sentence(self.rng, low, high)
        text = " ".join(self.rng.choices(WORDS, k=self.rng.randint(low, high)))
        return text[0].upper() + text[1:] + "."

    def _paragraph(self, sentences: int, low: int = 8, high: int = 24) -> str:
        return " ".join(self._sentence(low, high) for _ in range(sentences))

    def _insert(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        self.conn.executemany(sql, rows)

    def _last_ids(self, table: str, count: int) -> list[int]:
        top = self.conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
        return list(range(top - count + 1, top + 1))

    def people_and_boards(self) -> None:
        rng = self.rng
        made = dt.datetime.combine(FIRST_DAY, dt.time(9))
        names = [f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" for _ in range(PEOPLE)]
        self._insert(
            "INSERT INTO people (name, title, organisation, email, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (name, rng.choice(TITLES), rng.choice(self.boards_named)[1], None, _stamp(made))
                for name in names
            ],
        )
        self.people = list(zip(self._last_ids("people", PEOPLE), names, strict=True))
        self._insert(
            "INSERT INTO boards (name, organisation, created_at) VALUES (?, ?, ?)",
            [(name, organisation, _stamp(made)) for name, organisation in self.boards_named],
        )
        self.boards = self._last_ids("boards", len(BOARDS))
        memberships = []
        for board_id in self.boards:
            members = rng.sample(self.people, 18)
            for order, (person_id, _name) in enumerate(members):
                role = "chair" if order == 0 else ("officer" if order > 12 else "member")
                memberships.append((board_id, person_id, role, order))
        self._insert(
            "INSERT INTO memberships (board_id, person_id, role, sort_order) VALUES (?, ?, ?, ?)",
            memberships,
        )

    def meetings_and_agendas(self) -> None:
        rng = self.rng
        for number, board_id in enumerate(self.boards):
            name = self.boards_named[number][0]
            held: list[tuple[int, dt.datetime]] = []
            for n in range(MEETINGS_PER_BOARD):
                # A later group meets a day or two after: the measured board's meeting stays
                # the next one, where home opens.
                day = FIRST_DAY + dt.timedelta(days=73 * n + 7 * number + self.group)
                start = dt.datetime.combine(day, dt.time(14))
                upcoming = n == MEETINGS_PER_BOARD - 1
                last_held = n == MEETINGS_PER_BOARD - 2
                status = "draft" if upcoming else ("closed" if last_held else "approved")
                cursor = self.conn.execute(
                    "INSERT INTO meetings (board_id, title, scheduled_start, venue, status,"
                    " actual_start, actual_end, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        board_id,
                        name,
                        _stamp(start),
                        "Council Chamber, Civic Centre",
                        status,
                        None if upcoming else _stamp(start),
                        None if upcoming else _stamp(start + dt.timedelta(hours=2)),
                        _stamp(start - dt.timedelta(days=21)),
                        _stamp(start),
                    ),
                )
                meeting_id = cursor.lastrowid
                assert meeting_id is not None
                held.append((meeting_id, start))
                big = number == 0 and last_held
                self._agenda(meeting_id, start, BIG_MEETING_ITEMS if big else rng.randint(8, 16))
                if big:
                    self.summary.big_meeting_id = meeting_id
                if upcoming and number == 0:
                    self.summary.next_meeting_id = meeting_id
            self.meetings[board_id] = held

    def _agenda(self, meeting_id: int, start: dt.datetime, count: int) -> None:
        rng = self.rng
        titles = list(OPENING) + [
            rng.choice(TOPICS).format(q=rng.randint(1, 4)) for _ in range(count - len(OPENING) - 1)
        ]
        titles.append("Any Other Business")
        rows = [
            (
                meeting_id,
                position,
                str(position + 1),
                title,
                rng.choice(self.people)[1],
                rng.choice((5, 10, 15, 20, 30)),
                _stamp(start - dt.timedelta(days=14)),
            )
            for position, title in enumerate(titles)
        ]
        self._insert(
            "INSERT INTO agenda_items (meeting_id, position, number, title, presenter,"
            " duration_minutes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        self.items[meeting_id] = self._last_ids("agenda_items", len(rows))

    def attendance_and_notes(self) -> None:
        rng = self.rng
        held = [(m, start) for board in self.boards for m, start in self.meetings[board][:-1]]
        per_meeting = NOTES // len(held)
        extra = NOTES - per_meeting * len(held)
        for index, (meeting_id, start) in enumerate(held):
            board_id = self._board_of(meeting_id)
            members = self.conn.execute(
                "SELECT person_id, role FROM memberships WHERE board_id = ?", (board_id,)
            ).fetchall()
            self._insert(
                "INSERT INTO attendance (meeting_id, person_id, kind, capacity)"
                " VALUES (?, ?, ?, ?)",
                [
                    (
                        meeting_id,
                        person_id,
                        rng.choices(("in_person", "remote", "apologies"), (7, 2, 1))[0],
                        "officer" if role == "officer" else "member",
                    )
                    for person_id, role in members
                ],
            )
            items = self.items[meeting_id]
            count = per_meeting + (1 if index < extra else 0)
            notes = []
            for n in range(count):
                kind = rng.choices(("comment", "decision", "narrative"), (70, 20, 10))[0]
                body = self._paragraph(rng.randint(1, 4) if kind != "decision" else 1)
                at = start + dt.timedelta(minutes=n)
                notes.append((meeting_id, rng.choice(items), kind, body, _stamp(at)))
            self._insert(
                "INSERT INTO notes (meeting_id, agenda_item_id, kind, body, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                notes,
            )
            # Two actions arising from each meeting, owned by a member, in the clerk's words.
            self._insert(
                "INSERT INTO actions (meeting_id, agenda_item_id, position, description, owner,"
                " time_frame, status, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        meeting_id,
                        rng.choice(items),
                        position,
                        self._sentence(8, 20),
                        rng.choice(self.people)[1],
                        rng.choice(TIME_FRAMES),
                        rng.choices(STATUSES, STATUS_WEIGHTS)[0],
                        _stamp(start),
                        _stamp(start),
                    )
                    for position in (1, 2)
                ],
            )

    def _board_of(self, meeting_id: int) -> int:
        return int(
            self.conn.execute(
                "SELECT board_id FROM meetings WHERE id = ?", (meeting_id,)
            ).fetchone()[0]
        )

    def plans(self) -> None:
        rng = self.rng
        step_owners = [name for _id, name in self.people]
        steps_left = NEXT_STEPS
        items_left = sum(PLAN_SIZES)
        step_rows: list[tuple[object, ...]] = []
        for number, (board_id, size) in enumerate(zip(self.boards, PLAN_SIZES, strict=True)):
            meeting_days = [start.date() for _m, start in self.meetings[board_id]]
            dated = meeting_days[-2]
            title = f"{self.boards_named[number][0]} Action Plan"
            created = _stamp(dt.datetime.combine(FIRST_DAY, dt.time(10)))
            cursor = self.conn.execute(
                "INSERT INTO action_plans (board_id, title, introduction, dated, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                (board_id, title, self._paragraph(3), dated.isoformat(), created, created),
            )
            plan_id = cursor.lastrowid
            assert plan_id is not None
            if number == 0:
                self.summary.big_plan_id = plan_id
            if number == 1:
                self.summary.export_plan_id = plan_id
            sections = [f"Priority {n}: {rng.choice(TOPICS).format(q=n)}" for n in range(1, 9)]
            items = [
                (
                    plan_id,
                    str(position + 1),
                    position,
                    sections[position * len(sections) // size],
                    self._paragraph(rng.randint(1, 3)),
                    rng.choice(step_owners),
                    rng.choices(STATUSES, STATUS_WEIGHTS)[0],
                    created,
                    created,
                )
                for position in range(size)
            ]
            self._insert(
                "INSERT INTO plan_items (plan_id, ref, position, section, recommendation, lead,"
                " status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                items,
            )
            # Each plan reads its 18 time frames against the same meetings: once each.
            due_of: dict[str, dt.date | None] = {}
            for item_id in self._last_ids("plan_items", size):
                share = round(steps_left / items_left)
                steps_left -= share
                items_left -= 1
                for position in range(share):
                    frame = rng.choice(TIME_FRAMES)
                    if frame not in due_of:
                        due_of[frame] = parse_time_frame(
                            frame, reference=dated, meetings=meeting_days
                        )
                    due = due_of[frame]
                    label = rng.choice(LABELS)
                    step_rows.append(
                        (
                            item_id,
                            position + 1,
                            self._sentence(8, 30),
                            rng.choice(step_owners),
                            frame,
                            due.isoformat() if due else None,
                            rng.choices(STATUSES, STATUS_WEIGHTS)[0],
                            label,
                            created,
                            created,
                        )
                    )
        self._insert(
            "INSERT INTO actions (plan_item_id, position, description, owner, time_frame,"
            " due_date, status, label, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            step_rows,
        )
        step_ids = self._last_ids("actions", len(step_rows))
        updates = []
        start = dt.datetime.combine(FIRST_DAY, dt.time(15))
        for n in range(STATUS_UPDATES):
            action_id = step_ids[n % len(step_ids)]
            old, new = rng.choices(STATUSES, STATUS_WEIGHTS, k=2)
            at = start + dt.timedelta(minutes=n * 175)  # spread over the ten years
            label = "Update:" if rng.random() < 0.5 else None
            updates.append((action_id, label, self._paragraph(rng.randint(1, 2)), old, new, at))
        self._insert(
            "INSERT INTO status_updates (action_id, label, body, old_status, new_status,"
            " recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
            [(*u[:5], _stamp(u[5])) for u in updates],
        )

    def counts(self) -> None:
        tables = (
            "boards", "people", "memberships", "meetings", "agenda_items", "attendance",
            "notes", "action_plans", "plan_items", "actions", "status_updates",
        )  # fmt: skip
        self.summary.counts = {
            table: int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in tables
        }


def make_db(path: Path, *, seed: int = 2026, scale: int = 1) -> Summary:
    """Write the large database to `path` (which must not exist yet); `scale` times as large,
    the first five boards the same at every scale."""
    if path.exists():
        raise FileExistsError(f"{path}: already exists; remove it or choose another name")
    if not 1 <= scale <= MAX_SCALE:
        raise ValueError(f"the scale is 1 to {MAX_SCALE}, not {scale}")
    with Store.open(path):
        pass  # the schema, migrated exactly as the app makes it
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN")
        first = _Builder(conn, random.Random(seed))
        groups = [first] + [
            _Builder(conn, random.Random(f"{seed}/{place}"), place, group)
            for group, place in enumerate(PLACES[: scale - 1], start=1)
        ]
        for builder in groups:
            builder.people_and_boards()
            builder.meetings_and_agendas()
            builder.attendance_and_notes()
            builder.plans()
        first.counts()
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return first.summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("file", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--scale",
        type=int,
        default=1,
        choices=range(1, MAX_SCALE + 1),
        metavar=f"1-{MAX_SCALE}",
        help="times as many boards, meetings, notes and plans (1: the usual database)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        summary = make_db(args.file, seed=args.seed, scale=args.scale)
    except FileExistsError as error:
        print(error, file=sys.stderr)
        return 1
    took = time.perf_counter() - started
    print(f"{args.file}: built in {took:.1f} s")
    for table, count in summary.counts.items():
        print(f"  {table:<15} {count:>7,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
