"""Who counts towards a board's quorum at each item of a meeting: the members present,
arrived or left, and those withdrawn for an interest (domain.quorum holds the rule itself;
this is apart from it so that home, which shows only the rule, is painted before it is made).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from board_tui.domain.quorum import QuorumRule


@dataclass(frozen=True)
class Member:
    """A voting member as the quorum sees them for the meeting."""

    person_id: int
    name: str
    independent: bool
    present: bool
    """Marked present at the roll call (or arrived later)."""
    arrived_at: int | None = None
    """The agenda position (outline index) of the item during which they arrived."""
    left_at: int | None = None
    """The position of the item during which they left."""


@dataclass(frozen=True)
class QuorumState:
    present: int
    needed: int
    independents: int = 0
    independents_needed: int = 0

    @property
    def quorate(self) -> bool:
        return self.present >= self.needed and self.independents >= self.independents_needed

    @property
    def counts(self) -> str:
        """ "5 of 4 needed", with the independent members when the rule asks for some."""
        text = f"{self.present} of {self.needed} needed"
        if self.independents_needed:
            text += f"; {self.independents} of {self.independents_needed} independent"
        return text

    @property
    def words(self) -> str:
        """ "Quorate (5 of 4 needed)" / "NOT QUORATE (3 of 4 needed)"."""
        return f"{'Quorate' if self.quorate else 'NOT QUORATE'} ({self.counts})"


def counted(member: Member, position: int, withdrawn: frozenset[int]) -> bool:
    """Whether the member counts towards the quorum for the item at that position."""
    if not member.present or member.person_id in withdrawn:
        return False
    if member.arrived_at is not None and position < member.arrived_at:
        return False
    return not (member.left_at is not None and position >= member.left_at)


def state_at(
    rule: QuorumRule,
    members: Sequence[Member],
    voting_members: int,
    position: int,
    withdrawn: frozenset[int] = frozenset(),
) -> QuorumState:
    """The quorum for the item at position (its outline index), without those withdrawn."""
    here = [m for m in members if counted(m, position, withdrawn)]
    return QuorumState(
        present=len(here),
        needed=rule.needed(voting_members),
        independents=sum(1 for m in here if m.independent),
        independents_needed=rule.independents,
    )


def by_item(
    rule: QuorumRule,
    members: Sequence[Member],
    voting_members: int,
    item_ids: Sequence[int],
    withdrawals: Mapping[int, frozenset[int]],
) -> dict[int, QuorumState]:
    """Each item's quorum, in agenda (outline) order."""
    return {
        item_id: state_at(rule, members, voting_members, n, withdrawals.get(item_id, frozenset()))
        for n, item_id in enumerate(item_ids)
    }


@dataclass(frozen=True)
class ItemQuorum:
    """An item's quorum and who came, went or withdrew during it, by name."""

    state: QuorumState
    withdrew: tuple[str, ...] = ()
    arrived: tuple[str, ...] = ()
    left: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeetingQuorum:
    """A meeting's quorum: the rule in words, each item's, and where it stands now."""

    rule: QuorumRule
    rule_words: str
    items: Mapping[int, ItemQuorum]
    now: QuorumState

    @property
    def held_throughout(self) -> bool:
        return all(i.state.quorate for i in self.items.values())
