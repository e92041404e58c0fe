"""The team load test (benchmarks/team_load.py), small and short, on both engines.

Two clerk processes capture into a meeting each for ten seconds while four read-only
windows (two a meeting) follow them; then every capture a clerk was told was saved must be
in the store once, in order, with nothing beside it, and seen by every window of its
meeting, with no error in any process. Correctness only: the timings are the benchmark's
(`python -m benchmarks --only team`), never asserted here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLERKS, READERS, SECONDS = 2, 2, 10


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_clerks_and_windows_on_one_store(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    target = (
        request.getfixturevalue("postgres_url")
        if engine == "postgresql"
        else str(tmp_path / "team.sqlite3")
    )
    out = tmp_path / "run.json"
    finished = subprocess.run(
        [sys.executable, "-m", "benchmarks.team_load", "--target", target,
         "--clerks", str(CLERKS), "--readers", str(READERS), "--seconds", str(SECONDS),
         "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert out.exists(), finished.stderr
    run = json.loads(out.read_text(encoding="utf-8"))
    assert run["engine"] == ("PostgreSQL" if engine == "postgresql" else "SQLite")
    assert run["clerk_errors"] == [] and run["reader_errors"] == [], finished.stdout
    assert run["anomalies"] == []
    assert run["captures"] >= CLERKS * 3  # a capture every 2 s at the slowest
    assert (run["lost"], run["duplicated"], run["out_of_order"], run["extra"]) == (0, 0, 0, 0)
    assert run["unseen"] == 0
    assert len(run["follows"]) == run["captures"] * READERS  # every window saw every capture
    assert run["correct"] is True
    assert finished.returncode == 0
