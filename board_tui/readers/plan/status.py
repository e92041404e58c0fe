"""A plan's status words, beyond the clerk's English ones, and which of a step's signs wins.

:func:`words_status` reads the domain's vocabulary (:mod:`board_tui.domain.statuses`) and
also Spanish, French, Welsh and Vietnamese progress words ("en curso", "terminé", "wedi'i
gwblhau", "đang làm"), task-list markers ("DONE", "WIP"), percentages ("70% complete" is
under way, "100%" done), and never takes a future "due to complete by October" for done.

:func:`step_status` decides between a step's signs: its row's RAG rating, then a status
its line names ("On track: …", "Done"), then its row's colour when the line is progress
words, then those words.
"""

from __future__ import annotations

import re

from board_tui.domain.statuses import Status, status_from_fill, status_from_words
from board_tui.readers.calendar import fold

__all__ = ["MARKERS", "leading_status", "split_marker", "step_status", "words_status"]

_MORE_WORDS: tuple[tuple[str, Status], ...] = (
    # Spanish
    (r"no iniciad[oa]|sin (?:empezar|iniciar)|por hacer|pendiente", Status.NEXT_STEP),
    (r"en curso|en progreso|en proceso|en marcha", Status.ON_TRACK),
    (r"retrasad[oa]|atrasad[oa]|pospuest[oa]|aplazad[oa]", Status.AT_RISK),
    (r"bloquead[oa]|vencid[oa]", Status.OFF_TRACK),
    (r"completad[oa]|complet[oa]|hecho|terminad[oa]|finalizad[oa]|cumplid[oa]", Status.COMPLETE),
    (r"cancelad[oa]|descartad[oa]", Status.DROPPED),
    # French
    (r"a faire|pas commence|non commence|prevu", Status.NEXT_STEP),
    (r"en cours", Status.ON_TRACK),
    (r"en retard|reporte", Status.AT_RISK),
    (r"bloque", Status.OFF_TRACK),
    (r"termine|achevee?|realisee?|fait|faite", Status.COMPLETE),
    (r"annulee?|abandonnee?", Status.DROPPED),
    # Welsh
    (r"heb ddechrau|i'w wneud", Status.NEXT_STEP),
    (r"ar y trywydd(?: iawn)?|ar waith|yn mynd rhagddo", Status.ON_TRACK),
    (r"oedi|wedi'i ohirio", Status.AT_RISK),
    (r"wedi'i gwblhau|wedi ei gwblhau|cwblhawyd|cyflawnwyd|wedi gorffen", Status.COMPLETE),
    (r"wedi'i ganslo|wedi'i ollwng", Status.DROPPED),
    # Vietnamese
    (r"chua bat dau|chua lam|chua thuc hien", Status.NEXT_STEP),
    (r"dang lam|dang thuc hien|dang tien hanh", Status.ON_TRACK),
    (r"tre han|cham tien do", Status.OFF_TRACK),
    (r"hoan thanh|da xong|xong", Status.COMPLETE),
    (r"da huy|huy bo", Status.DROPPED),
    # English progress words the shared vocabulary leaves out
    (r"postponed|deferred|rescheduled|on hold", Status.AT_RISK),
    (r"successful(?:ly)?|resolved", Status.COMPLETE),
    (r"wip|work in progress|underway|under way|started", Status.ON_TRACK),
    (r"todo|to-do", Status.NEXT_STEP),
)
_MORE = tuple(
    (re.compile(rf"(?<![\w'])(?:{words})(?![\w'])"), status) for words, status in _MORE_WORDS
)
_FUTURE = re.compile(
    r"\b(?:due|expected|planned|scheduled|aim(?:ing)?|hope|hoping|will|going|set|yet|not)"
    r"(?:\s+(?:to|be|been|yet))*\s+(?:be\s+)?(?:complete[ds]?|completion|done|finish(?:ed)?)\b",
    re.I,
)
_PERCENT = re.compile(r"(?<![\d.])(\d{1,3})\s?%")
MARKERS = re.compile(
    r"(?:(?<=[a-z0-9)\]])|\s+)(DONE|COMPLETED?|TODO|TO DO|WIP|IN PROGRESS|BLOCKED|CANCELLED|"
    r"HI(?:GH)? PRIO(?:RITY)?|LOW PRIO(?:RITY)?|MED(?:IUM)? PRIO(?:RITY)?)\s*[.!]*$"
)
"""A task list's marker typed after the task: "Login DONE", "Buy button HI PRIO"."""
_LEADING_STATUS = re.compile(r"^(?P<status>[^:]{1,30}):\s*(?P<rest>.*)$", re.S)


def words_status(text: str) -> Status | None:
    """The status words name, or None when they name none."""
    cleaned = text.strip()
    if not cleaned:
        return None
    folded = fold(cleaned)
    if _FUTURE.search(folded):
        return Status.ON_TRACK  # "due to complete by early October": under way, not done
    percent = _PERCENT.search(folded)
    if percent is not None:
        value = int(percent.group(1))
        if value >= 100:
            return Status.COMPLETE
        return Status.NEXT_STEP if value == 0 else Status.ON_TRACK
    found = status_from_words(cleaned)
    if found is not None:
        return found
    earliest: tuple[int, Status] | None = None
    for pattern, status in _MORE:
        match = pattern.search(folded)
        if match is not None and (earliest is None or match.start() < earliest[0]):
            earliest = (match.start(), status)
    return earliest[1] if earliest is not None else None


def split_marker(text: str) -> tuple[str, str | None]:
    """ "Sign UpDONE" → ("Sign Up", "DONE"); text without a marker comes back whole."""
    match = MARKERS.search(text)
    if match is None or not text[: match.start()].strip():
        return text, None
    return text[: match.start()].rstrip(" -–:"), match.group(1)


def leading_status(line: str) -> tuple[Status, str] | None:
    """ "On track: the hall is booked" → (ON_TRACK, "the hall is booked"): a status named
    before a colon, and what is said after it."""
    match = _LEADING_STATUS.match(line.strip())
    if match is None:
        return None
    head = match["status"].strip()
    status = status_from_words(head) or words_status(head)
    if status is None or len(head.split()) > 4 or head.lower().startswith("update"):
        return None
    return status, match["rest"].strip()


def _only_status(line: str) -> Status | None:
    """A line that is no more than a status ("Done", "On track", "Completed (End of Nov)")."""
    words = re.sub(r"\([^)]*\)", " ", line).split()
    if not words or len(words) > 4:
        return None
    return words_status(line)


def step_status(
    line: str | None, rating: str | None, fill: str | None, *, implicit: bool
) -> tuple[Status | None, str | None]:
    """(status, what was said) for a step: its row's RAG rating, a status its line leads with
    or is, its row's colour (for a line of other words, or a step that is the row itself),
    then the line's words."""
    said = line.strip() if line else None
    if said and (led := leading_status(said)) is not None:
        named: Status | None = led[0]
        said = led[1] or None
    elif said:
        named = _only_status(said)
        if named is not None:
            said = None
    else:
        named = None
    rated = words_status(rating) if rating else None
    if rated is not None:
        return rated, said
    if named is not None:
        return named, said
    coloured = status_from_fill(fill)
    if coloured is not None and (said or implicit):
        return coloured, said
    return (words_status(said) if said else None), said
