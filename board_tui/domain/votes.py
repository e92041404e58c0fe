"""A vote on a decision, and the words the minutes record it in.

The counts are what the clerk types; whether the recommendation was carried or lost is
never typed but derived here, so the minutes cannot say "carried" over a losing count.
A tie is decided by the chair's casting vote, or else the recommendation falls, as
standing orders say. Names make it a recorded vote.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Side",
    "Vote",
    "vote_from_json",
    "vote_problem",
    "vote_summary",
    "vote_to_json",
    "vote_words",
]


class Side(StrEnum):
    FOR = "for"
    AGAINST = "against"


@dataclass(frozen=True)
class Vote:
    """For / against / abstain counts, the names on each side (a recorded vote), and the
    chair's casting vote when the votes were tied."""

    votes_for: int = 0
    against: int = 0
    abstentions: int = 0
    casting: Side | None = None
    names_for: tuple[str, ...] = ()
    names_against: tuple[str, ...] = ()
    names_abstaining: tuple[str, ...] = ()

    @property
    def recorded(self) -> bool:
        """Names were taken: a recorded vote."""
        return bool(self.names_for or self.names_against or self.names_abstaining)

    @property
    def tied(self) -> bool:
        return self.votes_for == self.against

    @property
    def carried(self) -> bool:
        """More for than against; on a tie, the chair's casting vote for (else it falls)."""
        if self.tied:
            return self.casting is Side.FOR
        return self.votes_for > self.against


def vote_problem(vote: Vote) -> str | None:
    """What is wrong with the vote, in one line, or None when it can be recorded."""
    sides = (
        ("for", vote.votes_for, vote.names_for),
        ("against", vote.against, vote.names_against),
        ("abstaining", vote.abstentions, vote.names_abstaining),
    )
    for word, count, names in sides:
        if count < 0:
            return f"The votes {word} cannot be negative."
        if len(names) > count:
            return f"{len(names)} names {word}, but only {count} voted {word}: check the count."
    if vote.votes_for + vote.against + vote.abstentions == 0:
        return "No votes given: type how many voted for, against and abstained."
    if vote.casting is not None and not vote.tied:
        return (
            f"A casting vote only breaks a tie: {vote.votes_for} for and {vote.against}"
            " against is not one."
        )
    return None


def _abstentions(n: int) -> str:
    return f"{n} abstention{'' if n == 1 else 's'}"


def vote_summary(vote: Vote) -> str:
    """ "carried: 7 for, 2 against, 1 abstention": for the clerk's screen."""
    outcome = "carried" if vote.carried else "lost"
    if vote.tied and vote.casting is not None:
        outcome += " on the Chair's casting vote"
    counts = f"{vote.votes_for} for, {vote.against} against, {_abstentions(vote.abstentions)}"
    return f"{outcome}: {counts}"


def _names(label: str, names: tuple[str, ...]) -> str:
    return f"{label}: {', '.join(names)}."


def vote_words(vote: Vote) -> list[str]:
    """The minutes' paragraphs: "On being put to the vote, the recommendation was carried:
    7 for, 2 against, 1 abstention.", and for a recorded vote the names on each side."""
    put = "a recorded vote" if vote.recorded else "the vote"
    lines = [f"On being put to {put}, the recommendation was {vote_summary(vote)}."]
    for label, names in (
        ("For", vote.names_for),
        ("Against", vote.names_against),
        ("Abstained", vote.names_abstaining),
    ):
        if names:
            lines.append(_names(label, names))
    return lines


def vote_to_json(vote: Vote) -> str:
    """The vote as a draft keeps it, among the words of its decision."""
    return json.dumps(
        {
            "for": vote.votes_for,
            "against": vote.against,
            "abstentions": vote.abstentions,
            "casting": vote.casting.value if vote.casting else None,
            "names_for": list(vote.names_for),
            "names_against": list(vote.names_against),
            "names_abstaining": list(vote.names_abstaining),
        }
    )


def vote_from_json(text: str | None) -> Vote | None:
    """A vote a draft kept; None for none, or for one that cannot be read (the decision's
    words are restored whatever happens to the vote)."""
    if not text:
        return None
    try:
        raw = json.loads(text)
        return Vote(
            votes_for=int(raw["for"]),
            against=int(raw["against"]),
            abstentions=int(raw["abstentions"]),
            casting=Side(raw["casting"]) if raw.get("casting") else None,
            names_for=tuple(str(n) for n in raw.get("names_for", ())),
            names_against=tuple(str(n) for n in raw.get("names_against", ())),
            names_abstaining=tuple(str(n) for n in raw.get("names_abstaining", ())),
        )
    except (ValueError, KeyError, TypeError):
        return None
