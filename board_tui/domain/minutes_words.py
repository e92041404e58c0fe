"""The council's standard sentences for minutes, and which lead-in goes before an item's comments.

Written once, for the minutes export and for the live screen that shows the clerk what
will be printed: standing items get the standard sentences unless the clerk typed
their own words, and no business lead-in ("The Board reviewed the report …").
"""

from __future__ import annotations

import datetime as dt

from board_tui.domain.formatting import long_date
from board_tui.domain.quorum import InterestKind
from board_tui.domain.standing_items import Standing, is_standing, standing_kinds

BODY_WORDS = (
    "Board",
    "Group",
    "Committee",
    "Sub-Committee",
    "Partnership",
    "Panel",
    "Forum",
    "Cabinet",
    "Council",
    "Commission",
    "Network",
)
ALL_PRESENT = "All Members were present and so there were no apologies for absence."
NO_APOLOGIES = "There were no apologies for absence."
NO_DECLARATIONS = "There were no declarations of interest."
NO_OTHER_BUSINESS = "There was no other business."
OTHER_BUSINESS_LEAD_IN = "A few issues were discussed during any other business including:"


def body_word(board_name: str) -> str:
    """What the minutes call the body: "the Group" for an Engagement Leads Group."""
    last = board_name.split()[-1].casefold() if board_name.split() else ""
    return next((word for word in BODY_WORDS if word.casefold() == last), "Board")


def business_lead_in(board_name: str) -> str:
    return (
        f"The {body_word(board_name)} reviewed the report and made a number of comments, including:"
    )


def default_lead_in(title: str, board_name: str) -> str | None:
    """The lead-in before an item's comments when the clerk gave none: any other business
    has its own, other standing items none, business the council's usual one."""
    if Standing.ANY_OTHER_BUSINESS in standing_kinds(title):
        return OTHER_BUSINESS_LEAD_IN
    if is_standing(title):
        return None
    return business_lead_in(board_name)


def lead_in(typed: str | None, title: str, board_name: str) -> str | None:
    return typed.strip() if typed and typed.strip() else default_lead_in(title, board_name)


def minutes_agreed(held: dt.date) -> str:
    """The decision that approves the previous minutes, as councils record it."""
    day = long_date(held).split(", ", 1)[-1]
    return f"The minutes of the meeting held on {day} were agreed as a correct record."


INTEREST_WORDS = {
    InterestKind.PECUNIARY: "a disclosable pecuniary interest",
    InterestKind.PREJUDICIAL: "a prejudicial interest",
    InterestKind.OTHER: "an interest",
}


def declaration_sentence(
    name: str, interest: str, where: str | None, kind_words: str = "an interest"
) -> str:
    """One sentence per declaration. What the clerk typed is kept: if it already reads as a
    sentence about the declaration ("… declared a non-pecuniary interest …"), it is the
    sentence; otherwise the member and the item lead into the words typed."""
    words = " ".join(interest.split()).rstrip(".")
    if "declared" in words.casefold() or words.casefold().startswith(name.casefold()):
        if where and "item" not in words.casefold():
            return f"{words} in relation to {where}."
        return f"{words}."
    place = f" in {where}" if where else ""
    return f"{name} declared {kind_words}{place}: {words}."


QUORATE = "The meeting was quorate."
NOT_QUORATE_FOR_ITEM = "The meeting was not quorate for this item."


def withdrew_for_item(name: str) -> str:
    """A member who declared a pecuniary or prejudicial interest, as council minutes say it."""
    return f"{name} left the meeting for this item."


def arrived_during_item(name: str) -> str:
    return f"{name} arrived at the meeting during this item."


def left_during_item(name: str) -> str:
    return f"{name} left the meeting."
