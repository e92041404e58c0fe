"""Whether a meeting is quorate, item by item: the one rule for the roll call, the live
screen and the minutes.

A board's rule is a number of members ("4") or a fraction of its voting members, rounded
up ("1/3"), optionally "including at least N independent member(s)". Who counts for an
item: voting members (chair, members, independent members; never officers or observers)
marked present (in person; remote too for NHS boards, whose standing orders allow it,
where English councils' members must be in the room), less those who arrived after the
item or left before or during it, less those who withdrew for it after declaring a
disclosable pecuniary or other prejudicial interest.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

from board_tui.domain.errors import BoardTuiError

VOTING_ROLES = frozenset({"chair", "member", "independent"})


class InterestKind(StrEnum):
    """What kind of interest was declared: the first two mean the member withdraws."""

    PECUNIARY = "pecuniary"
    PREJUDICIAL = "prejudicial"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            InterestKind.PECUNIARY: "Disclosable pecuniary interest (withdraws)",
            InterestKind.PREJUDICIAL: "Other prejudicial interest (withdraws)",
            InterestKind.OTHER: "Other interest (stays)",
        }[self]

    @property
    def withdraws(self) -> bool:
        return self is not InterestKind.OTHER


@dataclass(frozen=True)
class QuorumRule:
    """A number of members, or numerator/denominator of the voting members (rounded up)."""

    count: int | None = None
    numerator: int | None = None
    denominator: int | None = None
    independents: int = 0

    def needed(self, voting_members: int) -> int:
        if self.count is not None:
            return self.count
        assert self.numerator is not None and self.denominator is not None
        return max(math.ceil(voting_members * self.numerator / self.denominator), 1)

    @property
    def text(self) -> str:
        """As the clerk types it, and `parse` reads it back: "4", "1/3", "1/3 +1"."""
        base = str(self.count) if self.count is not None else f"{self.numerator}/{self.denominator}"
        return f"{base} +{self.independents}" if self.independents else base

    def words(self, voting_members: int) -> str:
        """ "4 members", "one third of the 12 voting members (4)", "…, including 1 independent"."""
        if self.count is not None:
            base = f"{self.count} member{'s' if self.count != 1 else ''}"
        else:
            base = (
                f"{self.numerator}/{self.denominator} of the {voting_members} voting members,"
                f" rounded up ({self.needed(voting_members)})"
            )
        if self.independents:
            plural = "s" if self.independents != 1 else ""
            base += f", including {self.independents} independent member{plural}"
        return base


def parse_rule(text: str) -> QuorumRule | None:
    """ "" → no rule; "4"; "1/3"; either with "+1" (at least one independent member)."""
    flat = " ".join(text.split())
    if not flat:
        return None
    found = re.fullmatch(r"(?:(\d+)|(\d+)\s*/\s*(\d+))(?:\s*\+\s*(\d+))?", flat)
    if found is None:
        raise BoardTuiError(
            f"cannot read the quorum {text!r}: type a number of members (4) or a fraction"
            " of the voting members (1/3), with +1 for at least one independent member"
        )
    count, numerator, denominator, independents = found.groups()
    rule = QuorumRule(
        count=int(count) if count else None,
        numerator=int(numerator) if numerator else None,
        denominator=int(denominator) if denominator else None,
        independents=int(independents or 0),
    )
    if rule.count == 0 or rule.numerator == 0 or rule.denominator == 0:
        raise BoardTuiError("a quorum needs at least one member")
    if (
        rule.numerator is not None
        and rule.denominator is not None
        and (rule.numerator > rule.denominator)
    ):
        raise BoardTuiError("a quorum cannot be more than all the members")
    return rule
