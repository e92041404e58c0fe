"""RESULTS.md's parts: the main run's report, the growth run's section, the team load test's.

Each run rewrites its own part and keeps the others' as they were: `--only team` leaves
the main table and the growth table alone, and a main run keeps the team table.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

GROWTH_HEADING = "## Growth: the same screens on a larger archive"
TEAM_HEADING = "## Team mode: clerks and chairs' windows on one store"


@dataclass(frozen=True)
class Parts:
    main: str = ""
    growth: str | None = None
    team: str | None = None

    def with_main(self, text: str) -> Parts:
        return replace(self, main=text)

    def with_growth(self, text: str) -> Parts:
        return replace(self, growth=text)

    def with_team(self, text: str) -> Parts:
        return replace(self, team=text)

    def text(self) -> str:
        """The file: the main report, then the growth section, then the team section."""
        sections = [self.main.strip("\n")]
        sections += [part.strip("\n") for part in (self.growth, self.team) if part]
        return "\n\n".join(section for section in sections if section) + "\n"


def read_parts(path: Path) -> Parts:
    """RESULTS.md cut at its sections' headings (a part it does not have is None)."""
    if not path.exists():
        return Parts()
    text = path.read_text(encoding="utf-8")
    team = None
    if TEAM_HEADING in text:
        text, rest = text.split(TEAM_HEADING, 1)
        team = TEAM_HEADING + rest
    growth = None
    if GROWTH_HEADING in text:
        text, rest = text.split(GROWTH_HEADING, 1)
        growth = GROWTH_HEADING + rest
    return Parts(text, growth, team)
