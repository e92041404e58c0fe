"""Run every benchmark on the large database and write benchmarks/RESULTS.md.

    python -m benchmarks [--db FILE] [--scale N] [--quick] [--only STEPS] [--out FILE]
    python -m benchmarks --scales 1,3,10 [--db-dir DIR] [--quick] [--only STEPS]

The second is the growth run: the same figures on the database at each scale
(make_db.py --scale), written to RESULTS.md as a table with the ratio of the largest
to the smallest, beside the main table. The team step (team_load.py) writes a section of
its own, clerks and chairs' windows on PostgreSQL and on one SQLite file; each run
rewrites its own part of RESULTS.md and keeps the others' (results_file.py).

Each figure is measured side by side with its floor in the same run, so a
slower or busier machine moves both; the ratio is the result to compare.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from importlib.metadata import version
from pathlib import Path

from benchmarks.figures import BIG_BOARD, Figure, captures, home_and_meeting, plan
from benchmarks.figures import ms as _ms
from benchmarks.figures import p95 as _p95
from benchmarks.floor_app import LAST_ROW
from benchmarks.growth import growth_section
from benchmarks.make_db import Summary, make_db
from benchmarks.results_file import read_parts
from benchmarks.team_load import measure_team
from benchmarks.terminal import Terminal
from benchmarks.word_floor import Content, read_content, write_floor

HERE = Path(__file__).resolve().parent
SEARCHES = (
    "housing", "mental health", "carers", '"task and finish"', "transport barriers",
    "digit*", "healthwatch GP", "winter plan", "Okafor", "the",
)  # fmt: skip


STEPS = ("start", "home", "captures", "plan", "search", "exports", "memory", "team")
"""What --only chooses from ("home" is home and a meeting opened from it; "team" is the
team load test, on no large database, with a section of RESULTS.md of its own)."""

TEAM_SECONDS = 120.0
"""How long the team load test runs on each engine (issue 21 asks for two minutes)."""


def _ids(db: Path) -> Summary:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:

        def one(sql: str, *params: object) -> int:
            return int(conn.execute(sql, params).fetchone()[0])

        board = one("SELECT id FROM boards WHERE name = ?", BIG_BOARD)
        plans = [r[0] for r in conn.execute("SELECT id FROM action_plans ORDER BY id")]
        summary = Summary(
            big_plan_id=plans[0],
            export_plan_id=plans[1],
            big_meeting_id=one(
                "SELECT a.meeting_id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id"
                " WHERE m.board_id = ? GROUP BY a.meeting_id"
                " HAVING count(*) = 20 ORDER BY a.meeting_id DESC LIMIT 1",
                board,
            ),
            next_meeting_id=one(
                "SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'", board
            ),
        )
        for table in ("meetings", "agenda_items", "notes", "plan_items", "actions"):
            summary.counts[table] = one(f"SELECT count(*) FROM {table}")
        summary.counts["status_updates"] = one("SELECT count(*) FROM status_updates")
        summary.counts["people"] = one("SELECT count(*) FROM people")
        return summary
    finally:
        conn.close()


# -- cold start and memory, in a real terminal -------------------------------------------


def _compile_bytecode() -> None:
    """Bytecode for the app's modules, as pip writes when it installs a package."""
    for package in ("board_tui", "screens", "storage", "exporters"):
        compileall.compile_dir(HERE.parent / package, quiet=1)


def cold_start(db: Path, runs: int) -> list[Figure]:
    _compile_bytecode()
    app_command = [sys.executable, "-m", "board_tui", "--db", str(db)]
    floor_command = [sys.executable, str(HERE / "floor_app.py")]
    app_times, floor_times = [], []
    for _ in range(runs):  # alternate, so a busy moment hurts both alike
        with Terminal(floor_command) as floor:
            floor_times.append(floor.wait_for(LAST_ROW))
        with Terminal(app_command) as app:
            app_times.append(app.wait_for("Minutes approved"))
    app_median, floor_median = statistics.median(app_times), statistics.median(floor_times)
    ratio = app_median / floor_median
    return [
        Figure(
            f"Cold start to the first painted screen (home, with its data), median of {runs}",
            _ms(app_median),
            _ms(floor_median),
            f"{ratio:.2f}×",
            "≤ 1.3×",
            ratio <= 1.3,
            key="start",
            amount=app_median,
        )
    ]


def peak_memory(db: Path) -> list[Figure]:
    """The app's peak resident memory after opening the 2,000-item plan and searching."""
    with Terminal([sys.executable, str(HERE / "floor_app.py")]) as floor:
        floor.wait_for(LAST_ROW)
        floor_kib = floor.peak_memory_kib()
    with Terminal([sys.executable, "-m", "board_tui", "--db", str(db)]) as app:
        app.wait_for("Minutes approved")
        # Home opens on the meetings: shift+tab to the boards, end (the big board is the
        # last), tab tab to its plans, enter.
        mark = app.keys(b"\x1b[Z\x1b[F")
        app.wait_for(f"{BIG_BOARD} Action Plan", since=mark)  # its plan is listed
        mark = app.keys(b"\t\t\r")
        app.wait_for("Showing 2000 of 2000", since=mark)
        mark = app.keys(b"\x06")  # ctrl+f: search everything
        time.sleep(0.5)
        mark = app.keys(b"housing")
        app.wait_for("housing", since=mark)
        time.sleep(1.0)
        app_kib = app.peak_memory_kib()
    return [
        Figure(
            "Peak memory (VmHWM): home, the 2,000-item plan, a search",
            f"{app_kib / 1024:.0f} MiB",
            f"{floor_kib / 1024:.0f} MiB",
            f"{app_kib / floor_kib:.2f}×",
            "≤ 1.3×",
            app_kib / floor_kib <= 1.3,
            key="memory",
            amount=app_kib / 1024,
        )
    ]


# -- search and exports, in this process ---------------------------------------------------


def search(db: Path, repeats: int) -> list[Figure]:
    from board_tui.storage.store import Store

    times: list[float] = []
    with Store.open(db, read_only=True) as store:
        for _ in range(repeats):
            for words in SEARCHES:
                started = time.perf_counter()
                store.search(words)
                times.append(time.perf_counter() - started)
    median = statistics.median(times)
    return [
        Figure(
            f"Full-text search across the database ({len(SEARCHES)} queries × {repeats}), median",
            _ms(median),
            target="≤ 20 ms",
            met=median <= 0.020,
            key="search_median",
            amount=median,
        ),
        Figure(
            "… 95th percentile / slowest",
            f"{_ms(_p95(times))} / {_ms(max(times))}",
            target="≤ 20 ms",
            met=_p95(times) <= 0.020,
            key="search_p95",
            amount=_p95(times),
        ),
    ]


def _timed(write: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        write()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def exports(db: Path, work: Path, ids: Summary, runs: int) -> list[Figure]:
    from board_tui.exporters.action_plan import write_action_plan
    from board_tui.exporters.minutes import write_minutes
    from board_tui.storage.store import Store

    figures = []
    with Store.open(db, read_only=True) as store:
        minutes = work / "minutes.docx"
        plan = work / "plan.docx"
        cases: list[tuple[str, Callable[[], object], Path]] = [
            (
                "Minutes of a 20-item meeting",
                lambda: write_minutes(store, ids.big_meeting_id, minutes, force=True),
                minutes,
            ),
            (
                "Updated action plan of 1,000 items",
                lambda: write_action_plan(store, ids.export_plan_id, plan, force=True),
                plan,
            ),
        ]
        for (what, write, path), key in zip(cases, ("minutes_export", "plan_export"), strict=True):
            app_time = _timed(write, runs)
            content = read_content(path)
            floor_path = path.with_name(f"floor-{path.name}")

            def floor(content: Content = content, target: Path = floor_path) -> None:
                write_floor(content, target)

            floor_time = _timed(floor, runs)
            size = f"{content.paragraphs} paragraphs, {content.table_rows} table rows"
            figures.append(
                Figure(
                    f"{what} to Word ({size}), median of {runs}",
                    _ms(app_time),
                    _ms(floor_time),
                    f"{app_time / floor_time:.2f}×",
                    "≤ 1.0×" if key == "plan_export" else "",
                    app_time <= floor_time if key == "plan_export" else None,
                    key=key,
                    amount=app_time,
                )
            )
    return figures


# -- the report ----------------------------------------------------------------------------


def calibration_ms() -> float:
    """A fixed piece of pure Python, timed: how fast this machine was just then.

    A virtual machine's speed moves with its neighbours; this, taken at the start and
    the end of a run, shows how far (the ratios to the floors move much less).
    """
    times = []
    for _ in range(5):
        started = time.perf_counter()
        sum(i * i for i in range(1_000_000))
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _machine() -> list[str]:
    cpu = "unknown"
    with_cpuinfo = Path("/proc/cpuinfo")
    if with_cpuinfo.exists():
        for line in with_cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kib = int(meminfo.read_text().split()[1])
        memory = f", {total_kib / 1024 / 1024:.0f} GiB memory"
    try:
        commit = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=HERE,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return [
        f"- Machine: {platform.system()} {platform.machine()}, {cpu}, "
        f"{os.cpu_count()} cores{memory}; load average at the start "
        f"{os.getloadavg()[0]:.2f}",
        f"- Python {platform.python_version()}, Textual {version('textual')}, "
        f"SQLite {sqlite3.sqlite_version}, python-docx {version('python-docx')}",
        f"- board-tui at {commit}, run on {dt.date.today():%d %B %Y}",
    ]


def _table(figures: Sequence[Figure]) -> list[str]:
    lines = [
        "| What | board-tui | Floor | Ratio | Target | Met |",
        "|---|---:|---:|---:|---|---|",
    ]
    for f in figures:
        met = "" if f.met is None else ("yes" if f.met else "**no**")
        lines.append(f"| {f.what} | {f.value} | {f.floor} | {f.ratio} | {f.target} | {met} |")
    return lines


def report(
    figures: Sequence[Figure], ids: Summary, took: float, quick: bool, speed: tuple[float, float]
) -> str:
    counts = ", ".join(f"{n:,} {table.replace('_', ' ')}" for table, n in ids.counts.items())
    notes_path = HERE / "PROFILES.md"
    lines = [
        "# Benchmark results",
        "",
        "Written by `python -m benchmarks` (see benchmarks/README.md); do not edit by hand.",
        "",
        *_machine(),
        f"- The large database (benchmarks/make_db.py, seed 2026): {counts}",
        f"- The whole run took {took:.0f} s" + (" (--quick: fewer repeats)" if quick else ""),
        f"- Machine speed (a fixed loop, lower is faster): {speed[0]:.0f} ms at the start,"
        f" {speed[1]:.0f} ms at the end",
        "",
        *_table(figures),
        "",
        "Floors: cold start and memory against a bare Textual app (a Header, a Footer and a",
        "20-row table) started the same way in the same terminal; each export against the same",
        "paragraphs and table cells written with nothing but python-docx. Screen timings run",
        "from the key reaching the app to the screen repainted with the result; their floors",
        "(benchmarks/floor_screens.py) are bare Textual apps doing the same on screen with no",
        "store: a one-field dialog whose words join a list, and a 40-row table refilled from",
        "the plan's 2,000 recommendations on each key typed (the floor for o, s, l, t too).",
        "",
    ]
    if notes_path.exists():
        lines += ["See benchmarks/PROFILES.md for what was profiled and fixed.", ""]
    return "\n".join(lines)


def measure(db: Path, work: Path, ids: Summary, quick: bool, only: Sequence[str]) -> list[Figure]:
    """The figures of the steps in `only`, in the order of STEPS."""
    steps: dict[str, Callable[[], list[Figure]]] = {
        "start": lambda: cold_start(db, 3 if quick else 9),
        "home": lambda: home_and_meeting(db, work, ids, 3 if quick else 9),
        "captures": lambda: captures(db, work, ids, 40 if quick else 200),
        "plan": lambda: plan(db, work, ids, 3 if quick else 9),
        "search": lambda: search(db, 3 if quick else 20),
        "exports": lambda: exports(db, work, ids, 1 if quick else 3),
        "memory": lambda: peak_memory(db),
    }
    figures: list[Figure] = []
    for name in STEPS:
        if name in only and name in steps:
            print(f"Measuring {name} …", flush=True)
            figures += steps[name]()
    return figures


def _scales(text: str) -> list[int]:
    return sorted({int(part) for part in text.split(",") if part.strip()})


def _steps(text: str) -> list[str]:
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in STEPS]
    if unknown:
        raise argparse.ArgumentTypeError(f"no step {', '.join(unknown)}: one of {', '.join(STEPS)}")
    return chosen


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the benchmarks; write RESULTS.md.")
    parser.add_argument("--db", type=Path, help="Use this large database (made if missing).")
    parser.add_argument(
        "--scale", type=int, default=1, help="The size of the database made (make_db --scale)."
    )
    parser.add_argument("--scales", type=_scales, help="The growth run: these scales, e.g. 1,3,10.")
    parser.add_argument(
        "--db-dir", type=Path, help="The growth run's databases: reused (or kept) here."
    )
    parser.add_argument("--quick", action="store_true", help="Fewer repeats, for a try-out.")
    parser.add_argument(
        "--only", type=_steps, default=list(STEPS), help=f"Some of: {','.join(STEPS)}."
    )
    parser.add_argument(
        "--team-seconds",
        type=float,
        help=f"How long the team step runs on each engine ({TEAM_SECONDS:.0f} s; 20 with --quick).",
    )
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    parts = read_parts(args.out)
    with tempfile.TemporaryDirectory(prefix="board-tui-bench-") as folder:
        work = Path(folder)
        if args.scales:
            results: dict[int, dict[str, float]] = {}
            counts: dict[int, Summary] = {}
            for scale in args.scales:
                db = (args.db_dir or work) / f"scale-{scale}.sqlite3"
                if not db.exists():
                    print(f"Making the database at {scale}× …", flush=True)
                    make_db(db, scale=scale)
                counts[scale] = _ids(db)
                print(f"At {scale}×:", flush=True)
                at_scale = measure(db, work, counts[scale], args.quick, args.only)
                results[scale] = {f.key: f.amount for f in at_scale if f.amount is not None}
            commit = _machine()[2].split(" at ", 1)[1]
            took = time.perf_counter() - started
            section = growth_section(results, counts, commit, took, args.quick)
            args.out.write_text(parts.with_growth(section).text(), encoding="utf-8")
            print(section)
            return 0
        figures: list[Figure] = []
        if any(step != "team" for step in args.only):
            speed_before = calibration_ms()
            db = args.db or work / "ten-years.sqlite3"
            if not db.exists():
                print("Making the large database …", flush=True)
                make_db(db, scale=args.scale)
            ids = _ids(db)
            figures = measure(db, work, ids, args.quick, args.only)
            speed = (speed_before, calibration_ms())
            text = report(figures, ids, time.perf_counter() - started, args.quick, speed)
            parts = parts.with_main(text)
            args.out.write_text(parts.text(), encoding="utf-8")
            print(text)
        team_correct = True
        if "team" in args.only:
            seconds = args.team_seconds or (20.0 if args.quick else TEAM_SECONDS)
            section, team_correct = measure_team(work, seconds, _machine())
            args.out.write_text(parts.with_team(section).text(), encoding="utf-8")
            print(section)
    return 0 if all(f.met is not False for f in figures) and team_correct else 1
