"""The tests' throwaway PostgreSQL cluster, which lives in benchmarks/postgres_cluster.py.

The team load test (benchmarks/team_load.py) starts one too, and the benchmarks cannot
import from here; pytest puts only this folder on the path, so the repository's root is
added (at the end: nothing installed is shadowed) for this one import.
"""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.append(_ROOT)

from benchmarks.postgres_cluster import PORT, Cluster, server_bin, throwaway_cluster  # noqa: E402

__all__ = ["PORT", "Cluster", "server_bin", "throwaway_cluster"]
