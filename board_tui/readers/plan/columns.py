"""Which column of an action plan or action log holds what, by its header words.

An action plan's header may read ``# | Recommendation | Lead | Next steps | Time frame |
Status`` or an action log's ``Action items | Person responsible | Deadline``, in any order
and in English, Spanish, French, Welsh or Vietnamese (accents and case aside). Only the
action column is needed: a table without a number column is numbered in order. A second
action-like column beside the first ("Action | Task") holds the next steps.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from board_tui.readers.calendar import fold
from board_tui.readers.word_package import collapse

__all__ = [
    "LEAD",
    "RECOMMENDATION",
    "REF",
    "STATUS",
    "STEPS",
    "TIME_FRAME",
    "Columns",
    "columns",
    "role",
]

REF, RECOMMENDATION, LEAD, STEPS, TIME_FRAME, STATUS = (
    "ref",
    "recommendation",
    "lead",
    "steps",
    "time_frame",
    "status",
)

_REF_HEADER = re.compile(
    r"#|no\.?|nos?\.?|n[º°o]\.?|num(?:ber)?|numero|ref(?:erence)?\.?(?: ?(?:no\.?|#|number))?"
    r"|item(?: ?(?:no\.?|#))?|id|rhif|stt|tt|so"
)
_STATUS_HEADER = re.compile(
    r"\b(?:status|update[sd]?|progress|rag|rating|on track|on-track|estado|avance|situacion"
    r"|statut|etat|avancement|statws|cynnydd|trang thai|tien do)\b"
)
_RATING_HEADER = re.compile(r"\b(?:rag|rating)\b|^status$|^estado$|^statut$|^statws$")
_STEPS_HEADER = re.compile(
    r"\b(?:next steps?|steps?|sub-?tasks?|detailed tasks?|tasks? details?|siguientes pasos"
    r"|pasos|prochaines etapes|etapes|camau nesaf|camau|nhiem vu chi tiet)\b"
)
_TIME_FRAME_HEADER = re.compile(
    r"\b(?:time ?frames?|time ?scales?|due|due dates?|deadlines?|by when|target(?: date)?"
    r"|completion date|when|dates?|plazo|fecha(?: limite)?|echeance|date limite|delai"
    r"|dyddiad(?: cau)?|erbyn|thoi gian|thoi han|han)\b"
)
_DUE_HEADER = re.compile(
    r"\b(?:time ?frames?|time ?scales?|due|deadlines?|by when|target|completion|plazo"
    r"|limite|echeance|delai|cau|erbyn|thoi han|han)\b"
)
_LEAD_HEADER = re.compile(
    r"\b(?:lead|leads|owners?|responsible|responsibility|who|assigned(?: to)?|action by"
    r"|actionee|person|responsable|encargad[oa]|quien|porteur|pilote|qui|arweinydd|cyfrifol"
    r"|pwy|nguoi phu trach|phu trach)\b"
)
_RECOMMENDATION_HEADER = re.compile(
    r"\b(?:recommendations?|actions?|action items?|action points?|tasks?|descriptions?"
    r"|objectives?|what|acciones|accion|tareas?|actividad(?:es)?|taches?|mesures?|gweithredu"
    r"|gweithred(?:oedd)?|tasgau|tasg|hanh dong|nhiem vu|cong viec)\b"
)


def role(header: str) -> str | None:
    """Which column a header names; the status words are tried first ("Is the action on
    track"), then the next steps, the dates, the lead and the action."""
    text = fold(collapse(header))
    if not text:
        return None
    if _REF_HEADER.fullmatch(text):
        return REF
    for pattern, found in (
        (_STATUS_HEADER, STATUS),
        (_STEPS_HEADER, STEPS),
        (_TIME_FRAME_HEADER, TIME_FRAME),
        (_LEAD_HEADER, LEAD),
        (_RECOMMENDATION_HEADER, RECOMMENDATION),
    ):
        if pattern.search(text):
            return found
    return None


@dataclass(frozen=True)
class Columns:
    """Grid column indexes of each role in the plan table."""

    ref: int | None
    """None when the table has no number column: its rows are numbered in order."""
    recommendation: int
    lead: int | None
    steps: int | None
    time_frame: int | None
    lines: int | None
    """The status column read paragraph by paragraph, lined up with the next steps."""
    rating: int | None
    """An item-level RAG rating column (beside a progress column, or alone as "Status")."""
    header: tuple[str, ...]

    @property
    def known(self) -> int:
        """How many of the table's columns have a role."""
        found = (self.ref, self.recommendation, self.lead, self.steps, self.time_frame)
        return sum(1 for i in (*found, self.lines, self.rating) if i is not None)


def columns(header: Sequence[str | None]) -> Columns | None:
    """The columns, when the row is a plan header: an action column and at least one other
    (a number, a lead, a date or a status)."""
    found: dict[str, int] = {}
    statuses: list[int] = []
    actions: list[int] = []
    dates: list[int] = []
    for index, text in enumerate(header):
        kind = role(text or "")
        if kind == STATUS:
            statuses.append(index)
        elif kind == RECOMMENDATION:
            actions.append(index)
        elif kind == TIME_FRAME:
            dates.append(index)
        elif kind is not None and kind not in found:
            found[kind] = index
    if dates:  # "Due date" over "Date raised"
        due = [i for i in dates if _DUE_HEADER.search(fold(collapse(header[i] or "")))]
        found[TIME_FRAME] = (due or dates)[0]
    if not actions:
        return None
    if len(actions) > 1 and STEPS not in found:
        found[STEPS] = actions[1]  # "Action | Task": the second holds the steps
    if not ({REF, LEAD, TIME_FRAME, STEPS} & found.keys() or statuses):
        return None
    rating: int | None = None
    lines: int | None = statuses[0] if statuses else None
    folded = [fold(collapse(header[i] or "")) for i in range(len(header))]
    if len(statuses) > 1:
        ratings = [i for i in statuses if _RATING_HEADER.search(folded[i])]
        if ratings:
            rating = ratings[0]
            lines = next(i for i in statuses if i != rating)
    return Columns(
        ref=found.get(REF),
        recommendation=actions[0],
        lead=found.get(LEAD),
        steps=found.get(STEPS),
        time_frame=found.get(TIME_FRAME),
        lines=lines,
        rating=rating,
        header=tuple(collapse(text or "") for text in header),
    )
