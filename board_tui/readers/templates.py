"""Telling a template from a filled-in document: placeholders where the words should be.

Mail-merge and report templates hold field names where a real agenda or plan holds
words: "{title}", "«Name»", "<<date>>", "[[owner]]", or bare field names such as
"w0_1", "speaker1FirstLastName" or "toastmasterOfDay". A document whose cells are
mostly such names is refused as a template, with a few of them quoted, rather than
imported as items nobody wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["is_placeholder", "template_placeholders"]

_BRACKETED = re.compile(
    r"\{\{?[#/^]?[\w .-]{1,40}\}\}?|«[^»]{1,40}»|<<[^<>]{1,40}>>|\[\[[^\]]{1,40}\]\]"
    r"|\$\{[\w .-]{1,40}\}"
)
_FIELD_NAME = re.compile(
    r"[a-z]+[0-9]*(?:[A-Z][a-z0-9]*)+"  # camelCase: toastmasterOfDay, speaker1Manual
    r"|[a-z]+[0-9]+_[0-9]+"  # w0_1
    r"|[a-z]+_[a-z0-9_]+"  # first_name
    r"|[a-z][0-9][a-z][0-9]"  # e1t1
)
_FORMAT_WORDS = re.compile(r"\b(?:dd/mm/yy(?:yy)?|mm/dd/yy(?:yy)?|yyyy|x{3,})\b", re.I)


def is_placeholder(text: str) -> bool:
    """Whether the text is a placeholder rather than words a person wrote."""
    text = text.strip()
    if not text:
        return False
    if _BRACKETED.search(text) or _FORMAT_WORDS.search(text):
        return True
    return all(_FIELD_NAME.fullmatch(word) for word in text.split())


def template_placeholders(cells: Iterable[str], *, share: float = 0.3) -> list[str]:
    """The placeholders among the texts when they are at least ``share`` of them (and at
    least three); else []."""
    texts = [text.strip() for text in cells if text.strip()]
    found = [text for text in texts if is_placeholder(text)]
    if len(found) < 3 or len(found) < share * len(texts):
        return []
    return found
