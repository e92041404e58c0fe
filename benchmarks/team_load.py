"""The team load test (issue 21): clerks capturing and chairs' windows following, on one store.

    python -m benchmarks --only team [--team-seconds 120]   # both engines; RESULTS.md's table
    python -m benchmarks.team_load --target FILE-OR-URL [--clerks 5] [--readers 4]
        [--seconds 120] [--json OUT]                         # one engine, on a store you give

Each clerk is a process of its own, with its own Store on the shared store, capturing
comments into its own live meeting at a clerk's pace: one every 0.5 to 2 seconds, and now
and then a burst of three to six a few tenths of a second apart. Each chair's window is a
process with a read-only Store that asks data_version() four times a second, as the chair's
view does (screens/chair.py), and reads the meeting's notes again when it moves.

Then it checks what matters more than speed: every capture a clerk was told was saved is in
the store exactly once, in the order taken, with nothing else beside it; no process met an
error; and every window saw every capture of its meeting. The figures are the save as the
clerk waits for it (add_note, committed and read back), and the follow: from the save's
return to the first read of it in a window.

On PostgreSQL the cluster is a throwaway one (benchmarks/postgres_cluster.py) that flushes
to disk on commit, as SQLite's synchronous=FULL does; on SQLite all the processes share one
file, as a team sharing a file on a drive would. Both run on this machine's cores beside
their clients, so the latencies include waiting for a core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from multiprocessing.sharedctypes import SynchronizedArray
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any, cast

POLL_SECONDS = 0.25
"""How often a window asks whether anything changed: the chair's view's POLL_SECONDS (not
imported: screens/ brings Textual with it)."""

GRACE_SECONDS = 15.0
"""How long a window may take, after the clerks stop, to see the last captures."""

START_TIMEOUT = 180.0
"""How long every process has to start and open its store (25 of them on two cores)."""

AGENDA = (
    "Apologies for absence",
    "Minutes of the previous meeting",
    "Winter pressures plan",
    "Mental health transformation update",
    "Carers strategy refresh",
    "Any other business",
)

_OPENINGS = (
    "Members asked about",
    "The chair noted",
    "Officers confirmed",
    "Healthwatch raised concerns about",
    "The board agreed to follow up",
    "A member questioned",
    "The lead officer reported on",
)
_SUBJECTS = (
    "waiting times for GP appointments",
    "the transport barriers residents described",
    "the carers' survey response rate",
    "the winter plan's bed numbers",
    "digital exclusion among older residents",
    "the task and finish group's terms of reference",
    "funding for the crisis line beyond March",
)


@dataclass
class TeamRun:
    """One engine's run: what was saved and seen, how long it took, and what went wrong."""

    engine: str
    clerks: int
    readers: int
    """Windows in all (readers per meeting × clerks)."""
    seconds: float
    captures: int = 0
    saves: list[float] = field(default_factory=list)
    """Each save as the clerk waited for it, in seconds."""
    begins: list[float] = field(default_factory=list)
    """Each save's BEGIN: on SQLite, the wait for the file's write lock."""
    follows: list[float] = field(default_factory=list)
    """From a save's return to a window's first read of it, for every window and capture."""
    clerk_errors: list[str] = field(default_factory=list)
    reader_errors: list[str] = field(default_factory=list)
    lost: int = 0
    duplicated: int = 0
    out_of_order: int = 0
    extra: int = 0
    """Notes in the meetings that no clerk was told were saved."""
    unseen: int = 0
    """Captures a window never saw (counted once for each window)."""
    anomalies: list[str] = field(default_factory=list)
    """What a window read that the clerk did not write: a note twice, or one gone."""
    server: str = ""

    @property
    def errors(self) -> int:
        return len(self.clerk_errors) + len(self.reader_errors)

    @property
    def correct(self) -> bool:
        return not (
            self.errors
            or self.lost
            or self.duplicated
            or self.out_of_order
            or self.extra
            or self.unseen
            or self.anomalies
        )


# -- the store: boards, meetings, agendas ----------------------------------------------------


def build_meetings(target: Path | str, clerks: int) -> list[tuple[int, list[int]]]:
    """One board per clerk, each with a live meeting of AGENDA: (meeting id, item ids)."""
    from board_tui.storage.store import Store

    meetings = []
    today = dt.datetime.now().replace(hour=14, minute=0, second=0, microsecond=0)
    with Store.open(target) as store:
        for number in range(1, clerks + 1):
            board = store.create_board(f"Team board {number}", "Load test council")
            meeting = store.create_meeting(board.id, today, title=f"Team board {number}")
            items = [store.add_agenda_item(meeting.id, title).id for title in AGENDA]
            store.start_meeting(meeting.id)
            meetings.append((meeting.id, items))
    return meetings


class _TimedBegin:
    """The store's connection, timing each BEGIN: on SQLite, the wait for the write lock
    (BEGIN IMMEDIATE waits up to the busy timeout while another process writes)."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self.waited = 0.0

    def execute(self, sql: str, params: Any = ()) -> Any:
        if not sql.lstrip().upper().startswith("BEGIN"):
            return self._conn.execute(sql, params)
        started = time.monotonic()
        try:
            return self._conn.execute(sql, params)
        finally:
            self.waited += time.monotonic() - started

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


# -- the processes ---------------------------------------------------------------------------


def _gaps(rng: random.Random) -> Iterator[float]:
    """Seconds between one capture saved and the next begun: a clerk's pace, with bursts."""
    while True:
        if rng.random() < 0.08:
            for _ in range(rng.randint(3, 6)):
                yield rng.uniform(0.15, 0.4)
        yield rng.uniform(0.5, 2.0)


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(_OPENINGS)} {rng.choice(_SUBJECTS)}."


@dataclass
class _Start:
    """Every process opens its store, says so, and waits for the word to begin together."""

    ready: Any
    go: Event
    abandon: Event

    def wait(self, errors: list[str]) -> bool:
        with self.ready.get_lock():
            self.ready.value += 1
        waited = time.monotonic() + START_TIMEOUT
        while not self.go.wait(0.1):
            if self.abandon.is_set() or time.monotonic() > waited:
                errors.append("abandoned: not every process started (see the others' errors)")
                return False
        return True


def _write(out: str, result: dict[str, Any]) -> None:
    Path(out).write_text(json.dumps(result), encoding="utf-8")


def clerk(
    target: Path | str,
    number: int,
    items: Sequence[int],
    seconds: float,
    seed: int,
    start: _Start,
    out: str,
) -> None:
    """Capture comments into one meeting for `seconds`; write what was saved, and when."""
    from board_tui.domain.model import NoteKind
    from board_tui.storage.store import Store

    saved: list[dict[str, Any]] = []
    errors: list[str] = []
    try:
        store = Store.open(target)
    except Exception as error:
        errors.append(f"clerk {number} could not open the store: {error}")
        start.wait(errors)
        _write(out, {"saved": saved, "errors": errors})
        return
    timed = _TimedBegin(store.conn)
    store.conn = cast(sqlite3.Connection, timed)
    rng = random.Random(seed)
    gaps = _gaps(rng)
    try:
        if start.wait(errors):
            now = time.monotonic()
            stop = now + seconds
            due = now + rng.uniform(0, 1.0)  # the clerks do not all begin on the same instant
            item = 0
            while due < stop:
                time.sleep(max(0.0, due - time.monotonic()))
                if rng.random() < 0.05:  # the meeting moves on to the next item
                    item = (item + 1) % len(items)
                text = f"{_sentence(rng)} [clerk {number}, capture {len(saved) + len(errors) + 1}]"
                timed.waited = 0.0
                began = time.monotonic()
                try:
                    note = store.add_note(items[item], NoteKind.COMMENT, text)
                except Exception as error:
                    errors.append(f"clerk {number}: {type(error).__name__}: {error}")
                else:
                    done = time.monotonic()
                    saved.append(
                        {"text": text, "id": note.id, "began": began, "saved": done,
                         "begin": timed.waited}
                    )  # fmt: skip
                due = time.monotonic() + next(gaps)
    finally:
        store.close()
        _write(out, {"saved": saved, "errors": errors})


def reader(
    target: Path | str,
    meeting_id: int,
    slot: int,
    start: _Start,
    done: Event,
    expected: SynchronizedArray[int],
    out: str,
) -> None:
    """Follow one meeting as the chair's window does until the clerks stop and every capture
    has been seen (or GRACE_SECONDS pass); write when each note was first read."""
    from board_tui.storage.store import Store

    seen: dict[str, float] = {}
    errors: list[str] = []
    anomalies: list[str] = []
    try:
        store = Store.open(target, read_only=True)
    except Exception as error:
        errors.append(f"a window on meeting {meeting_id} could not open the store: {error}")
        start.wait(errors)
        _write(out, {"seen": seen, "errors": errors, "anomalies": anomalies})
        return
    try:
        if start.wait(errors):
            version: object = None
            before: list[str] = []
            due = time.monotonic()
            deadline: float | None = None
            while True:
                if done.is_set():
                    deadline = deadline or time.monotonic() + GRACE_SECONDS
                    if len(seen) >= expected[slot] or time.monotonic() > deadline:
                        break
                due = max(due + POLL_SECONDS, time.monotonic())
                time.sleep(max(0.0, due - time.monotonic()))
                try:
                    current = store.data_version()  # first, as the chair's reload reads it
                    if current == version:
                        continue
                    notes = [note.body for note in store.notes(meeting_id)]
                except Exception as error:
                    errors.append(
                        f"a window on meeting {meeting_id}: {type(error).__name__}: {error}"
                    )
                    version = None
                    continue
                now = time.monotonic()
                for body in notes:
                    seen.setdefault(body, now)
                if len(set(notes)) != len(notes):
                    anomalies.append(f"meeting {meeting_id}: a note read twice in one list")
                if notes[: len(before)] != before:
                    anomalies.append(f"meeting {meeting_id}: notes read before are gone or moved")
                before, version = notes, current
    finally:
        store.close()
        _write(out, {"seen": seen, "errors": errors, "anomalies": anomalies})


# -- one run ---------------------------------------------------------------------------------


def _read_result(path: Path, who: str, code: int | None) -> dict[str, Any]:
    try:
        return cast(dict[str, Any], json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {"errors": [f"{who} exited ({code}) without its results"]}


def run_team(
    target: Path | str,
    *,
    clerks: int = 5,
    readers: int = 4,
    seconds: float = 120.0,
    seed: int = 2026,
) -> TeamRun:
    """Build the meetings in `target` (a new file, or an empty PostgreSQL database), run
    `clerks` clerk processes and `readers` windows on each meeting, and check the result."""
    from board_tui.storage.store import Store

    engine = "PostgreSQL" if isinstance(target, str) and "://" in target else "SQLite"
    meetings = build_meetings(target, clerks)
    run = TeamRun(engine, clerks, clerks * readers, seconds)
    spawn = multiprocessing.get_context("spawn")  # a fresh interpreter each, as a clerk's app
    start = _Start(spawn.Value("i", 0), spawn.Event(), spawn.Event())
    done = spawn.Event()
    expected = spawn.Array("i", clerks)
    with tempfile.TemporaryDirectory(prefix="board-tui-team-") as folder:
        results = Path(folder)
        clerk_processes = [
            spawn.Process(
                target=clerk,
                args=(target, n + 1, items, seconds, seed + n, start, str(results / f"c{n}")),
            )
            for n, (_meeting, items) in enumerate(meetings)
        ]
        reader_processes = [
            spawn.Process(
                target=reader,
                args=(target, meeting, n, start, done, expected, str(results / f"r{n}-{r}")),
            )
            for n, (meeting, _items) in enumerate(meetings)
            for r in range(readers)
        ]
        for process in clerk_processes + reader_processes:
            process.start()
        processes = clerk_processes + reader_processes
        waited = time.monotonic() + START_TIMEOUT
        while start.ready.value < len(processes):
            if any(p.exitcode is not None for p in processes) or time.monotonic() > waited:
                start.abandon.set()
                break
            time.sleep(0.05)
        else:
            start.go.set()
        for process in clerk_processes:
            process.join(seconds + START_TIMEOUT)
        written: list[list[dict[str, Any]]] = []
        for n, process in enumerate(clerk_processes):
            result = _read_result(results / f"c{n}", f"clerk {n + 1}", process.exitcode)
            written.append(result.get("saved", []))
            run.clerk_errors += result["errors"]
            expected[n] = len(written[n])
        done.set()
        for process in reader_processes:
            process.join(GRACE_SECONDS + START_TIMEOUT)
        seen: list[list[dict[str, float]]] = [[] for _ in meetings]
        for index, process in enumerate(reader_processes):
            if process.is_alive():
                process.terminate()
                process.join()
            n, r = divmod(index, readers)
            result = _read_result(results / f"r{n}-{r}", f"window {r + 1}", process.exitcode)
            seen[n].append(result.get("seen", {}))
            run.reader_errors += result["errors"]
            run.anomalies += result.get("anomalies", [])
    with Store.open(target, read_only=True) as store:
        stored = [[note.body for note in store.notes(meeting)] for meeting, _items in meetings]
    for saved, kept, windows in zip(written, stored, seen, strict=True):
        _check(run, saved, kept, windows)
    return run


def _check(
    run: TeamRun, saved: list[dict[str, Any]], kept: list[str], windows: list[dict[str, float]]
) -> None:
    """One meeting: the clerk's saves against what the store holds, and what its windows saw."""
    texts = [capture["text"] for capture in saved]
    counts = Counter(kept)
    run.captures += len(saved)
    run.lost += sum(1 for text in texts if text not in counts)
    run.duplicated += sum(n - 1 for n in counts.values() if n > 1)
    run.extra += sum(n for text, n in counts.items() if text not in set(texts))
    in_store = [text for text in dict.fromkeys(kept) if text in set(texts)]
    present = [text for text in texts if text in counts]
    run.out_of_order += sum(1 for a, b in zip(in_store, present, strict=True) if a != b)
    run.saves += [capture["saved"] - capture["began"] for capture in saved]
    run.begins += [capture["begin"] for capture in saved]
    for window in windows:
        for capture in saved:
            first = window.get(capture["text"])
            if first is None:
                run.unseen += 1
            else:  # a window can read the note before the clerk's call returns: 0
                run.follows.append(max(0.0, first - capture["saved"]))


# -- the figures -----------------------------------------------------------------------------


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(fraction * len(ordered)) - 1)] if ordered else float("nan")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds == seconds else "–"


def spread(values: Sequence[float]) -> str:
    """p50 / p95 / max, in milliseconds."""
    if not values:
        return "–"
    return " / ".join(
        _ms(v) for v in (statistics.median(values), _percentile(values, 0.95), max(values))
    )


def rows(runs: Sequence[TeamRun]) -> list[tuple[str, list[str]]]:
    """The table's rows: a label, then one value for each run."""

    def each(value: Callable[[TeamRun], object]) -> list[str]:
        return [str(value(run)) for run in runs]

    return [
        ("Captures saved", each(lambda r: f"{r.captures:,}")),
        (
            "Save (add_note, committed and read back), p50 / p95 / max",
            each(lambda r: spread(r.saves)),
        ),
        (
            "… of which BEGIN (on SQLite, the wait for the write lock), p50 / p95 / max",
            each(lambda r: spread(r.begins)),
        ),
        (
            "Follow (saved → first read in a window), p50 / p95 / max",
            each(lambda r: spread(r.follows)),
        ),
        (
            "Errors (clerks / windows)",
            each(lambda r: f"{len(r.clerk_errors)} / {len(r.reader_errors)}"),
        ),
        (
            "Lost / duplicated / out of order / extra",
            each(lambda r: f"{r.lost} / {r.duplicated} / {r.out_of_order} / {r.extra}"),
        ),
        ("Captures a window never saw", each(lambda r: r.unseen)),
    ]


def _problems(run: TeamRun) -> list[str]:
    """The distinct errors and anomalies of a run, each with how often it happened."""
    counted = Counter(run.clerk_errors + run.reader_errors + run.anomalies)
    return [f"{message} (×{n})" if n > 1 else message for message, n in counted.most_common(8)]


def summary(run: TeamRun) -> str:
    lines = [
        f"{run.engine}: {run.clerks} clerks, {run.readers} windows, {run.seconds:.0f} s"
        + (f" ({run.server})" if run.server else "")
    ]
    lines += [f"  {label}: {values[0]}" for label, values in rows([run])]
    lines += [f"  ! {problem}" for problem in _problems(run)]
    lines.append("  correct" if run.correct else "  NOT CORRECT")
    return "\n".join(lines)


def team_section(runs: Sequence[TeamRun], machine: Sequence[str], took: float) -> str:
    """RESULTS.md's team table: the engines side by side, then what went wrong, if anything."""
    from benchmarks.results_file import TEAM_HEADING

    first = runs[0]
    server = next((run.server for run in runs if run.server), "")
    lines = [
        TEAM_HEADING,
        "",
        "Written by `python -m benchmarks --only team` (benchmarks/team_load.py; see",
        "benchmarks/README.md). Issue 21's load test: clerk processes capturing into a meeting",
        "each (a comment every 0.5–2 s, and bursts of 3–6 at 0.15–0.4 s) while read-only",
        "processes follow them as the chair's window does (data_version() every 0.25 s, the",
        "meeting's notes read again when it moves), all on one store. The follow is from the",
        "save's return to the first read of the note in a window, for every window.",
        "",
        *machine,
        f"- {first.clerks} clerks and {first.readers} windows ({first.readers // first.clerks}"
        f" a meeting) on each engine, {first.seconds:.0f} s each; the whole step took"
        f" {took:.0f} s",
        f"- PostgreSQL: {server or 'not run'}, a throwaway cluster on a Unix socket with"
        " fsync and synchronous_commit on (each commit flushed, as SQLite's synchronous=FULL)",
        f"- SQLite {sqlite3.sqlite_version}: one file shared by every process (WAL,"
        " synchronous=FULL, busy_timeout 5 s), as a team sharing a file would",
        "- Every process, the server included, shares the machine's cores: the latencies"
        " include waiting for one, and move from run to run",
        "",
        "| | " + " | ".join(run.engine for run in runs) + " |",
        "|---|" + "---:|" * len(runs),
    ]
    for label, values in rows(runs):
        lines.append(f"| {label} | " + " | ".join(values) + " |")
    lines.append(
        "| Correct (0 errors, lost, duplicated, extra; every capture seen) | "
        + " | ".join("yes" if run.correct else "**no**" for run in runs)
        + " |"
    )
    for run in runs:
        problems = _problems(run)
        if problems:
            lines += ["", f"{run.engine}'s errors:", ""] + [f"- {p}" for p in problems]
    return "\n".join(lines) + "\n"


def measure_team(work: Path, seconds: float, machine: Sequence[str]) -> tuple[str, bool]:
    """Both engines, PostgreSQL first: the team section, and whether PostgreSQL's run was
    correct (SQLite's errors, if it has any, are the comparison's point, not a failure)."""
    from benchmarks.postgres_cluster import server_bin, throwaway_cluster

    started = time.perf_counter()
    runs: list[TeamRun] = []
    try:
        server_bin()
    except RuntimeError as error:
        print(f"PostgreSQL not measured: {error}", flush=True)
    else:
        with throwaway_cluster(durable=True) as cluster:
            url = cluster.new_database()
            print(f"Team load on PostgreSQL, {seconds:.0f} s …", flush=True)
            run = run_team(url, seconds=seconds)
            run.server = _server_version(url)
            runs.append(run)
            print(summary(run), flush=True)
    print(f"Team load on SQLite, {seconds:.0f} s …", flush=True)
    sqlite_run = run_team(work / "team.sqlite3", seconds=seconds)
    print(summary(sqlite_run), flush=True)
    runs.append(sqlite_run)
    section = team_section(runs, machine, time.perf_counter() - started)
    return section, bool(runs) and runs[0].engine == "PostgreSQL" and runs[0].correct


def _server_version(url: str) -> str:
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    server = f"PostgreSQL {row[0].split()[0]}" if row else "PostgreSQL"
    return f"{server} through psycopg {psycopg.__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="One engine's team load test on a store you give; exit 1 unless correct."
    )
    parser.add_argument("--target", required=True, help="A new SQLite file, or a postgresql:// URL")
    parser.add_argument("--clerks", type=int, default=5)
    parser.add_argument("--readers", type=int, default=4, help="Windows on each meeting.")
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--json", type=Path, help="Write the run's figures here.")
    args = parser.parse_args(argv)
    target: Path | str = args.target if "://" in args.target else Path(args.target)
    run = run_team(target, clerks=args.clerks, readers=args.readers, seconds=args.seconds)
    print(summary(run))
    if args.json:
        args.json.write_text(json.dumps({**asdict(run), "correct": run.correct}), encoding="utf-8")
    return 0 if run.correct else 1


if __name__ == "__main__":
    sys.exit(main())
