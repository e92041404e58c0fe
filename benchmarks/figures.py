"""A figure of the results table, and the screen figures measured headless.

Each screen benchmark runs in a process of its own (benchmarks/ui.py), so one
benchmark's garbage (and its collector's pauses) is not measured in the next; its floor
(benchmarks/floor_screens.py) runs the same way.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.make_db import BOARDS, Summary

HERE = Path(__file__).resolve().parent
BIG_BOARD = BOARDS[0][0]  # the board with the 2,000-item plan and the 20-item meeting


@dataclass
class Figure:
    what: str
    value: str
    floor: str = ""
    ratio: str = ""
    target: str = ""
    met: bool | None = None
    key: str = ""
    """The figure's row in the growth table (GROWTH), if it has one."""
    amount: float | None = None
    """The value, in seconds (or MiB for memory), for the growth table."""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def copy_db(db: Path, folder: Path, name: str) -> Path:
    """A fresh copy for a benchmark that writes, so each starts from the same database."""
    target = folder / name
    shutil.copyfile(db, target)
    return target


# -- the screens, headless ---------------------------------------------------------------


def _in_own_process(*args: object) -> Any:
    """One screen benchmark in a fresh process (benchmarks/ui.py), its timings as JSON."""
    command = [sys.executable, "-m", "benchmarks.ui", *map(str, args)]
    done = subprocess.run(command, cwd=HERE.parent, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[2:])} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def captures(db: Path, work: Path, ids: Summary, count: int) -> list[Figure]:
    from benchmarks.ui import CAPTURES_PER_ITEM as ui_per_item

    meeting = copy_db(db, work, "captures.sqlite3")
    latencies: list[float] = _in_own_process("captures", meeting, ids.next_meeting_id, count)
    floor_latencies: list[float] = _in_own_process("floor-captures", count)
    median, floor_median = statistics.median(latencies), statistics.median(floor_latencies)
    return [
        Figure(
            f"Key (ctrl+s) to the saved comment shown, median of {count}"
            f" ({ui_per_item} on each item in turn)",
            ms(median),
            ms(floor_median),
            f"{median / floor_median:.2f}×",
            "≤ 1.25×",
            median <= 1.25 * floor_median,
            key="capture",
            amount=median,
        ),
        Figure(
            f"… 95th percentile of {count}",
            ms(p95(latencies)),
            ms(p95(floor_latencies)),
            f"{p95(latencies) / p95(floor_latencies):.2f}×",
        ),
    ]


def home_and_meeting(db: Path, work: Path, ids: Summary, opens: int) -> list[Figure]:
    """Home opened, and a meeting opened from it, beside a bare table screen opened."""
    copy = copy_db(db, work, "home.sqlite3")
    timings: dict[str, list[float]] = _in_own_process(
        "home-meeting", copy, BIG_BOARD, ids.big_meeting_id, opens
    )
    floor: dict[str, list[float]] = _in_own_process("floor-open", db, ids.big_plan_id, opens)
    floor_opened = statistics.median(floor["open"])
    home, meeting = statistics.median(timings["home"]), statistics.median(timings["meeting"])
    return [
        Figure(
            f"Opening home (its board's meetings and plans listed), median of {opens}",
            ms(home),
            ms(floor_opened),
            f"{home / floor_opened:.2f}×",
            key="home",
            amount=home,
        ),
        Figure(
            f"Opening a meeting of 20 items from home (enter), median of {opens}",
            ms(meeting),
            ms(floor_opened),
            f"{meeting / floor_opened:.2f}×",
            key="meeting",
            amount=meeting,
        ),
    ]


def plan(db: Path, work: Path, ids: Summary, opens: int) -> list[Figure]:
    copy = copy_db(db, work, "plan.sqlite3")
    timings: dict[str, list[float]] = _in_own_process("plan", copy, BIG_BOARD, opens)
    floor: dict[str, list[float]] = _in_own_process("floor-plan", db, ids.big_plan_id, opens)
    opened, floor_opened = statistics.median(timings["open"]), statistics.median(floor["open"])
    words = statistics.median(timings["filter_words"])
    keys = statistics.median(timings["filter_keys"])
    floor_words = statistics.median(floor["filter_words"])
    return [
        Figure(
            f"Opening the action plan screen on {ids.counts['plan_items'] and 2000} items "
            f"(enter on home), median of {opens}",
            ms(opened),
            ms(floor_opened),
            f"{opened / floor_opened:.2f}×",
            "≤ 300 ms",
            opened <= 0.300,
            key="plan_open",
            amount=opened,
        ),
        Figure(
            "Applying a filter: each key typed into / (words), median of "
            f"{len(timings['filter_words'])}",
            ms(words),
            ms(floor_words),
            f"{words / floor_words:.2f}×",
            "≤ 1.1×",
            words <= 1.1 * floor_words,
            key="filter_words",
            amount=words,
        ),
        Figure(
            "Applying a filter: o, s, l and t (overdue, status, lead, sort), median of "
            f"{len(timings['filter_keys'])}",
            ms(keys),
            ms(floor_words),
            f"{keys / floor_words:.2f}×",
            "≤ 1.1×",
            keys <= 1.1 * floor_words,
            key="filter_keys",
            amount=keys,
        ),
    ]
