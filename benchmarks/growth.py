"""The growth run's table: each figure at each scale of the archive, and how much it grew.

RESULTS.md holds the main run's report and, below it, the growth run's section; each
run rewrites its own part and keeps the others' (benchmarks/results_file.py).
"""

from __future__ import annotations

from benchmarks.make_db import Summary
from benchmarks.results_file import GROWTH_HEADING

GROWTH: dict[str, str] = {
    "start": "Cold start to home painted, median",
    "home": "Home opened (its board's meetings listed), median",
    "meeting": "A meeting opened from home (enter), median",
    "capture": "ctrl+s to the saved comment shown, median",
    "plan_open": "The 2,000-item plan opened from home, median",
    "filter_words": "A key typed into the plan's filter, median",
    "filter_keys": "o, s, l, t on the plan, median",
    "search_median": "Search, median of the ten queries",
    "search_p95": "Search, 95th percentile",
    "minutes_export": "Minutes of a 20-item meeting to Word",
    "plan_export": "Action plan of 1,000 items to Word",
    "memory": "Peak memory: home, the plan, a search",
}


def _growth_value(key: str, amount: float) -> str:
    return f"{amount:.0f} MiB" if key == "memory" else f"{amount * 1000:.1f} ms"


def growth_section(
    results: dict[int, dict[str, float]],
    counts: dict[int, Summary],
    commit: str,
    took: float,
    quick: bool,
) -> str:
    """The growth table: each figure at each scale, and the largest scale's over the smallest."""
    scales = sorted(results)
    first, last = scales[0], scales[-1]
    lines = [
        GROWTH_HEADING,
        "",
        "Written by `python -m benchmarks --scales …` (see benchmarks/README.md); the same",
        "screens, the same 2,000-item plan, 20-item meeting and 1,000-item export at every",
        "scale, with more boards, meetings and plans around them (make_db.py --scale).",
        "",
        f"- board-tui at {commit}",
        f"- The whole growth run took {took:.0f} s" + (" (--quick)" if quick else ""),
    ]
    for scale in scales:
        c = counts[scale].counts
        lines.append(
            f"- {scale}×: {c['meetings']:,} meetings, {c['notes']:,} notes,"
            f" {c['plan_items']:,} plan items, {c['status_updates']:,} status updates,"
            f" {c['people']:,} people"
        )
    header = " | ".join(f"{scale}×" for scale in scales)
    lines += [
        "",
        f"| What | {header} | {last}×/{first}× |",
        "|---|" + "---:|" * len(scales) + "---:|",
    ]
    for key, what in GROWTH.items():
        if not all(key in results[scale] for scale in scales):
            continue
        values = " | ".join(_growth_value(key, results[scale][key]) for scale in scales)
        ratio = results[last][key] / results[first][key]
        lines.append(f"| {what} | {values} | {ratio:.2f} |")
    return "\n".join(lines) + "\n"
