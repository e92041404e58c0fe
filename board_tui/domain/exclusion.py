"""Excluding the press and public: the statutory grounds, and the resolution the minutes record.

A council may exclude the public only for information of a description in Part 1 of
Schedule 12A to the Local Government Act 1972 (as substituted for England in 2006), and
must say which paragraph in the resolution (s100A(4)). NHS bodies exclude the public
under the Public Bodies (Admission to Meetings) Act 1960, s1(2), in words of their own.
The resolution is public: it names paragraph numbers only, never an item's title.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

__all__ = [
    "PARAGRAPH_PLACEHOLDER",
    "SCHEDULE_12A",
    "ExclusionRule",
    "exclusion_resolution",
    "paragraph_words",
]

SCHEDULE_12A: dict[int, str] = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any particular person"
    " (including the authority holding that information).",
    4: "Information relating to any consultations or negotiations, or contemplated"
    " consultations or negotiations, in connection with any labour relations matter"
    " arising between the authority or a Minister of the Crown and employees of, or office"
    " holders under, the authority.",
    5: "Information in respect of which a claim to legal professional privilege could be"
    " maintained in legal proceedings.",
    6: "Information which reveals that the authority proposes (a) to give under any"
    " enactment a notice under or by virtue of which requirements are imposed on a person;"
    " or (b) to make an order or direction under any enactment.",
    7: "Information relating to any action taken or to be taken in connection with the"
    " prevention, investigation or prosecution of crime.",
}
"""Part 1 of Schedule 12A (England): the descriptions of exempt information, by paragraph."""

PARAGRAPH_PLACEHOLDER = "[PARAGRAPH NOT YET CHOSEN]"
"""In the resolution where an exempt item has no paragraph: seen in the preview, to fix."""


class ExclusionRule(StrEnum):
    """Which law a board excludes the public under: a board setting."""

    LGA_1972 = "lga1972"
    NHS_1960 = "nhs1960"

    @property
    def label(self) -> str:
        return {
            ExclusionRule.LGA_1972: "Local Government Act 1972, s100A(4) and Schedule 12A"
            " (councils)",
            ExclusionRule.NHS_1960: "Public Bodies (Admission to Meetings) Act 1960, s1(2)"
            " (NHS boards)",
        }[self]

    @property
    def asks_paragraph(self) -> bool:
        """Only Schedule 12A has paragraphs to cite."""
        return self is ExclusionRule.LGA_1972


def paragraph_words(paragraph: int) -> str:
    """ "3 – Information relating to the financial or business affairs …" for a list."""
    return f"{paragraph} \u2013 {SCHEDULE_12A[paragraph]}"


def _and(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def exclusion_resolution(rule: ExclusionRule, paragraphs: Sequence[int | None]) -> str:
    """The resolution recorded before a run of exempt items, one entry of `paragraphs` per
    item (None where the clerk has not chosen one yet: the placeholder says so)."""
    several = len(paragraphs) > 1
    items = "items" if several else "item"
    if rule is ExclusionRule.NHS_1960:
        return (
            "RESOLVED that representatives of the press and other members of the public be"
            f" excluded from the meeting for the following {items} of business, having regard"
            " to the confidential nature of the business to be transacted, publicity on which"
            " would be prejudicial to the public interest (Section 1(2), Public Bodies"
            " (Admission to Meetings) Act 1960)."
        )
    chosen = sorted({p for p in paragraphs if p is not None})
    cited = [str(p) for p in chosen]
    if None in paragraphs or not cited:
        cited.append(PARAGRAPH_PLACEHOLDER)
    word = "paragraphs" if len(cited) > 1 else "paragraph"
    grounds = "they involve" if several else "it involves"
    return (
        "RESOLVED that, under Section 100A(4) of the Local Government Act 1972, the press and"
        f" public be excluded from the meeting for the following {items} of business on the"
        f" grounds that {grounds} the likely disclosure of exempt information as defined in"
        f" {word} {_and(cited)} of Part 1 of Schedule 12A to the Act."
    )
