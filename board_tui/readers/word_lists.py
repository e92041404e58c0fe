"""Word's list numbering: the number or bullet Word draws before each list paragraph.

A Word numbered list keeps no number in its text: the paragraph names a list (``w:numId``)
and a level (``w:ilvl``), directly or through its style, and numbering.xml says how each
level counts (decimal, letters, roman numerals, bullets), where it starts and how its
label is written ("%1.%2" gives "3.1"). :class:`Numbering` replays that count through the
document in order, as Word does, so a reader gets the labels a clerk sees on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from board_tui.readers.word_package import W

__all__ = ["ListLabel", "Numbering", "letters", "roman"]

_LEVELS = 9
_BULLET_FORMATS = {"bullet"}
_NO_NUMBER = {"none", ""}
_LETTER_FORMATS = {"lowerLetter", "upperLetter"}
_ROMAN_FORMATS = {"lowerRoman", "upperRoman"}


@dataclass(frozen=True)
class ListLabel:
    """What Word draws before a list paragraph."""

    list_key: str
    """Which count it belongs to: paragraphs with the same key continue one list."""
    level: int
    """0 for the outer level, 1 for the level inside it, …"""
    label: str
    """As drawn: "3.1", "a.", "(ii)", "•" (bullets keep their glyph)."""
    kind: str
    """ "number", "letter", "roman", "bullet" or "none"."""
    value: int | None
    """This level's count (None for a bullet)."""

    @property
    def numbered(self) -> bool:
        return self.kind in ("number", "letter", "roman")


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None
    """lvlRestart: the level whose use restarts this one (None: any outer level)."""
    legal: bool = False
    style: str | None = None
    """A paragraph style bound to this level (heading numbering)."""


@dataclass
class _Definition:
    levels: dict[int, _Level] = field(default_factory=dict)
    style_link: str | None = None
    """numStyleLink: the numbering lives in the list style of this id."""


@dataclass
class _Instance:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    """startOverride per level: the list starts again, here, for this instance."""
    levels: dict[int, _Level] = field(default_factory=dict)


def _val(element: Any, path: str) -> str | None:
    found = element.find(path)
    return None if found is None else found.get(f"{W}val")


def _number(text: str | None, default: int | None) -> int | None:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _level(lvl: Any, base: _Level | None = None) -> _Level:
    level = _Level() if base is None else _Level(**base.__dict__)
    fmt = _val(lvl, f"{W}numFmt")
    if fmt is not None:
        level.fmt = fmt
    text = _val(lvl, f"{W}lvlText")
    if text is not None:
        level.text = text
    level.start = _number(_val(lvl, f"{W}start"), level.start) or 0
    restart = _val(lvl, f"{W}lvlRestart")
    if restart is not None:
        level.restart = _number(restart, None)
    legal = lvl.find(f"{W}isLgl")
    if legal is not None:
        level.legal = legal.get(f"{W}val") not in ("0", "false", "off")
    style = _val(lvl, f"{W}pStyle")
    if style is not None:
        level.style = style
    return level


def letters(value: int) -> str:
    """1 → "a", 26 → "z", 27 → "aa" (Word repeats the letter)."""
    if value <= 0:
        return str(value)
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
    (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def roman(value: int) -> str:
    """4 → "iv"; numbers below 1 or past 3999 stay in figures."""
    if not 0 < value < 4000:
        return str(value)
    out = []
    for amount, digits in _ROMAN:
        while value >= amount:
            out.append(digits)
            value -= amount
    return "".join(out)


def _formatted(value: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return letters(value)
    if fmt == "upperLetter":
        return letters(value).upper()
    if fmt == "lowerRoman":
        return roman(value)
    if fmt == "upperRoman":
        return roman(value).upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _kind(fmt: str) -> str:
    if fmt in _BULLET_FORMATS:
        return "bullet"
    if fmt in _NO_NUMBER:
        return "none"
    if fmt in _LETTER_FORMATS:
        return "letter"
    if fmt in _ROMAN_FORMATS:
        return "roman"
    return "number"


class Numbering:
    """Replays a document's list counts: call :meth:`label` for each paragraph in order."""

    def __init__(self, document: Any) -> None:
        self._definitions: dict[str, _Definition] = {}
        self._instances: dict[str, _Instance] = {}
        self._styles: dict[str, tuple[str | None, int | None, str | None]] = {}
        """style id -> (numId, ilvl, basedOn)."""
        self._counts: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        self._read_styles(document)
        self._read_numbering(document)

    # -- reading the definitions --------------------------------------------------------

    def _read_styles(self, document: Any) -> None:
        try:
            root = document.styles.element
        except Exception:  # a document without a styles part, or a broken one
            return
        for style in root.iterchildren(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if not style_id:
                continue
            num_id = _val(style, f"{W}pPr/{W}numPr/{W}numId")
            ilvl = _number(_val(style, f"{W}pPr/{W}numPr/{W}ilvl"), None)
            self._styles[style_id] = (num_id, ilvl, _val(style, f"{W}basedOn"))

    def _read_numbering(self, document: Any) -> None:
        try:
            root = document.part.numbering_part.element
        except Exception:  # no numbering part: no lists
            return
        for abstract in root.iterchildren(f"{W}abstractNum"):
            key = abstract.get(f"{W}abstractNumId")
            if key is None:
                continue
            definition = _Definition(style_link=_val(abstract, f"{W}numStyleLink"))
            for lvl in abstract.iterchildren(f"{W}lvl"):
                index = _number(lvl.get(f"{W}ilvl"), None)
                if index is not None and 0 <= index < _LEVELS:
                    definition.levels[index] = _level(lvl)
            self._definitions[key] = definition
        for num in root.iterchildren(f"{W}num"):
            num_id = num.get(f"{W}numId")
            abstract_id = _val(num, f"{W}abstractNumId")
            if num_id is None or abstract_id is None:
                continue
            instance = _Instance(abstract_id)
            for override in num.iterchildren(f"{W}lvlOverride"):
                index = _number(override.get(f"{W}ilvl"), None)
                if index is None or not 0 <= index < _LEVELS:
                    continue
                start = _number(_val(override, f"{W}startOverride"), None)
                if start is not None:
                    instance.starts[index] = start
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    base = self._definition(abstract_id).levels.get(index)
                    instance.levels[index] = _level(lvl, base)
            self._instances[num_id] = instance

    def _definition(self, abstract_id: str, depth: int = 0) -> _Definition:
        definition = self._definitions.get(abstract_id, _Definition())
        if definition.style_link and depth < 4:  # a list style: its numbering is elsewhere
            num_id, _, _ = self._styles.get(definition.style_link, (None, None, None))
            instance = self._instances.get(num_id or "")
            if instance is not None and instance.abstract != abstract_id:
                return self._definition(instance.abstract, depth + 1)
        return definition

    # -- a paragraph's label ------------------------------------------------------------

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            num_id, ilvl, based_on = self._styles.get(style_id, (None, None, None))
            if num_id is not None:
                return num_id, ilvl
            style_id = based_on
        return None, None

    def _num_pr(self, p: Any) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, style id) of the paragraph, its style filling in what it omits."""
        p_pr = p.find(f"{W}pPr")
        style_id = None if p_pr is None else _val(p_pr, f"{W}pStyle")
        num_id = ilvl = None
        if p_pr is not None:
            num_id = _val(p_pr, f"{W}numPr/{W}numId")
            ilvl = _number(_val(p_pr, f"{W}numPr/{W}ilvl"), None)
        if num_id is None:
            num_id, style_ilvl = self._style_numbering(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        return num_id, ilvl, style_id

    def label(self, p: Any) -> ListLabel | None:
        """The label Word draws before ``p``, counting it; None for a paragraph in no list.

        Call it for every paragraph in document order: the counts carry on from one call
        to the next, as Word's do.
        """
        num_id, ilvl, style_id = self._num_pr(p)
        if not num_id or num_id == "0":
            return None
        instance = self._instances.get(num_id)
        if instance is None:
            return None
        definition = self._definition(instance.abstract)
        levels = {**definition.levels, **instance.levels}
        if ilvl is None:  # a heading style bound to a level of the list
            ilvl = next((i for i, lv in levels.items() if style_id and lv.style == style_id), 0)
        ilvl = min(max(ilvl, 0), _LEVELS - 1)
        level = levels.get(ilvl, _Level())
        key = f"num{num_id}" if instance.starts else f"abstract{instance.abstract}"
        counts = self._counts.setdefault(key, [None] * _LEVELS)
        if key not in self._started:
            self._started.add(key)
            for index, start in instance.starts.items():
                counts[index] = start - 1
        kind = _kind(level.fmt)
        value: int | None = None
        if kind != "bullet":
            current = counts[ilvl]
            value = level.start if current is None else current + 1
            counts[ilvl] = value
            for deeper in range(ilvl + 1, _LEVELS):
                restart = levels.get(deeper, _Level()).restart
                if restart is None or (restart != 0 and ilvl < restart):
                    counts[deeper] = None
        text = level.text
        for index in range(_LEVELS):
            marker = f"%{index + 1}"
            if marker not in text:
                continue
            shown = counts[index] if index != ilvl else value
            if shown is None:
                shown = levels.get(index, _Level()).start
            fmt = levels.get(index, _Level()).fmt
            if level.legal and index != ilvl:
                fmt = "decimal"
            text = text.replace(marker, _formatted(shown, fmt))
        return ListLabel(key, ilvl, text.strip(), kind, value)
