"""Ranking a common word's candidates in Python, and their snippets (see storage.search).

SQLite's bm25() first counts every record holding each word of the query, so it costs as
much as the word is common; highlight() does not. The candidates' scores are bm25's
formula worked out from their highlighted words, the snippets cut from the same text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NamedTuple

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
"""Around each matched word in a snippet; screens and the command line style them."""
SNIPPET_WORDS = 14
WEIGHTS = (3.0, 1.0)
"""search_index's columns in bm25: words in a record's short title (an item's title, a
plan item's ref) count for more than its body's."""
_K1, _B = 1.2, 0.75  # bm25's own constants, as SQLite's fts5 has them


class Candidate(NamedTuple):
    """A match ranked in Python: its ids, day and score (as search_index orders them), and
    its title and body with the matched words highlighted."""

    ids: tuple[Any, ...]
    title: str
    body: str

    def snippet(self) -> str:
        return snippet_of(self.title, self.body)


KINDS_OF = {
    "agenda_items": ("item",),
    "notes": ("comment", "decision", "narrative"),
    "actions": ("action",),
    "plan_items": ("plan_item",),
    "status_updates": ("update",),
}
"""The kinds of record each indexed table's rows are (search_index.kind)."""


def unmarked(marked: str) -> str:
    return marked.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def _length(marked: str) -> int:
    """Words in a highlighted column, as the index counts its tokens (near enough)."""
    return len(marked.split())


_MARKED_TOKEN = re.compile(f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]|\\w+")


def snippet_of(title_marked: str, body_marked: str) -> str:
    """SQLite's snippet() made from the highlighted columns, as fts5 makes it: the column
    with the most matches, cut to the SNIPPET_WORDS words holding the most (the earliest
    such), "…" where it was cut. Made in Python: snippet() costs five times highlight()."""
    marked = max((title_marked, body_marked), key=lambda c: c.count(HIGHLIGHT_START))
    tokens: list[tuple[int, int, bool]] = []  # start, end, matched
    inside = False
    for found in _MARKED_TOKEN.finditer(marked):
        mark = found.group()
        if mark in (HIGHLIGHT_START, HIGHLIGHT_END):
            inside = mark == HIGHLIGHT_START
        else:
            tokens.append((found.start(), found.end(), inside))
    if len(tokens) <= SNIPPET_WORDS:
        return marked
    matched = [int(hit) for _start, _end, hit in tokens]
    counts = [sum(matched[n : n + SNIPPET_WORDS]) for n in range(len(tokens) - SNIPPET_WORDS + 1)]
    first = counts.index(max(counts))
    last = first + SNIPPET_WORDS - 1
    text = marked[tokens[first][0] : tokens[last][1]]
    if tokens[first][2]:
        text = HIGHLIGHT_START + text  # the cut fell inside a highlighted phrase
    if tokens[last][2]:
        text += HIGHLIGHT_END
    return ("…" if first > 0 else "") + text + ("…" if last < len(tokens) - 1 else "")


def rank(found: Sequence[tuple[Any, ...]]) -> list[Candidate]:
    """Rows of (kind, record_id, board_id, meeting_id, item_id, plan_id, plan_item_id, day,
    highlighted title, highlighted body, rowid[, score]), best first: by the score when the
    engine gave one (PostgreSQL's ts_rank), else bm25's formula with the title weighted as
    search_index's bm25 weighs it, every word of the query alike (see storage.search)."""
    lengths = [_length(r[8]) + _length(r[9]) for r in found]
    average = max(sum(lengths) / len(lengths), 1.0) if lengths else 1.0
    ranked: list[Candidate] = []
    for r, length in zip(found, lengths, strict=True):
        if len(r) > 11:
            score = float(r[11])
        else:
            frequency = WEIGHTS[0] * r[8].count(HIGHLIGHT_START) + WEIGHTS[1] * r[9].count(
                HIGHLIGHT_START
            )
            norm = _K1 * (1 - _B + _B * length / average)
            score = -frequency * (_K1 + 1) / (frequency + norm)
        ranked.append(Candidate((*r[:8], score), r[8], r[9]))
    ranked.sort(key=lambda c: c.ids[7] or "", reverse=True)  # ties: the latest first
    ranked.sort(key=lambda c: c.ids[8])
    return ranked
