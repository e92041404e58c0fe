"""Profile one benchmark with pyinstrument, to see where its time goes.

    pip install -e '.[bench]'
    python -m benchmarks.profile captures|plan|export|start [--db FILE]

Prints pyinstrument's call tree (only the timed part for captures and plan:
from the key to the screen repainted). PROFILES.md records what these showed.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any

from benchmarks import ui
from benchmarks.figures import BIG_BOARD
from benchmarks.make_db import make_db
from benchmarks.run import _ids
from benchmarks.terminal import Terminal


def _profile_keys(run: Callable[[], Coroutine[Any, Any, Any]]) -> str:
    """Run the screen benchmark with the profiler on only while each timed key is handled."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005, async_mode="disabled")  # the app's own work, not the waits
    timed = ui._timed_key

    async def profiled(*args: Any) -> float:
        profiler.start()
        try:
            return await timed(*args)
        finally:
            profiler.stop()

    ui._timed_key = profiled  # type: ignore[assignment]
    try:
        asyncio.run(run())
    finally:
        ui._timed_key = timed
    return str(profiler.output_text(unicode=True, color=False))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Profile one benchmark with pyinstrument.")
    parser.add_argument("what", choices=("captures", "plan", "export", "start"))
    parser.add_argument("--db", type=Path, help="The large database (made if missing).")
    args = parser.parse_args(argv)
    from board_tui.storage.store import Store

    with tempfile.TemporaryDirectory(prefix="board-tui-profile-") as folder:
        work = Path(folder)
        db = args.db or work / "ten-years.sqlite3"
        if not db.exists():
            make_db(db)
        ids = _ids(db)
        copy = work / "copy.sqlite3"
        shutil.copyfile(db, copy)
        if args.what in ("captures", "plan"):
            with Store.open(copy) as store:
                if args.what == "captures":
                    report = _profile_keys(
                        lambda: ui.capture_latencies(store, ids.next_meeting_id, 30)
                    )
                else:
                    report = _profile_keys(lambda: ui.plan_timings(store, BIG_BOARD, 3))
        elif args.what == "export":
            from pyinstrument import Profiler

            from board_tui.exporters.action_plan import write_action_plan

            with Store.open(copy, read_only=True) as store, Profiler(interval=0.001) as profiler:
                write_action_plan(store, ids.export_plan_id, work / "plan.docx", force=True)
            report = profiler.output_text(unicode=True, color=False)
        else:
            output = work / "start.txt"
            command = [sys.executable, "-m", "pyinstrument", "-i", "0.0005", "-r", "text"]
            command += ["-o", str(output), "-m", "board_tui", "--db", str(copy)]
            with Terminal(command) as app:
                app.wait_for("Minutes approved")
                app.keys(b"\x11")  # ctrl+q: pyinstrument writes its report as the app ends
                app.wait_for_exit()
            report = output.read_text()
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
