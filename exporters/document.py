"""From blocks to a saved Word file: base document, running header, page numbers, safe write."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from board_tui.exporters.blocks import Block, Progress, render
from board_tui.exporters.safe_write import ExportError, check_target, write_atomically
from board_tui.storage.store import Store


@dataclass(frozen=True)
class Page:
    """A document as blocks under a running header ("BOARD, 17/10/2023<tab>SECTION ONE …")."""

    header_left: str
    header_right: str
    draft: bool
    """Not yet approved by a later meeting: "DRAFT" goes in the header."""
    blocks: tuple[Block, ...]

    @property
    def header_line(self) -> str:
        line = f"{self.header_left}\t{self.header_right}"
        return f"DRAFT \u2013 {line}" if self.draft else line


def board_template(store: Store, board_id: int) -> Path | None:
    """The board's own Word template, when one is set."""
    chosen = store.board(board_id).word_template
    return Path(chosen).expanduser() if chosen else None


def save(document: Any, path: Path, *, force: bool, private: bool = False) -> Path:
    """Save atomically: the whole document lands, or nothing changes (private: owner-only).

    The package is built in memory and then written in one go: a disk that fills
    mid-write would otherwise leave python-docx's zip writer half-closed, and its
    clean-up prints a traceback at exit after the clerk's one-line message.
    """
    from board_tui.exporters.word import end_with_paragraph

    end_with_paragraph(document)
    package = io.BytesIO()
    document.save(package)

    def write(handle: BinaryIO) -> None:
        handle.write(package.getbuffer())

    return write_atomically(path, write, force=force, private=private)


def write_document(
    page: Page,
    path: Path,
    title: str,
    *,
    template: Path | None,
    force: bool,
    progress: Progress | None = None,
    private: bool = False,
) -> Path:
    from board_tui.exporters.style import open_base
    from board_tui.exporters.word import page_number_footer, running_header, word_text

    path = Path(path).expanduser()
    check_target(path, force=force)
    document = open_base(template)
    section = document.sections[0]
    running_header(section, page.header_left, page.header_right, draft=page.draft)
    page_number_footer(section)
    render(document, page.blocks, progress)
    document.core_properties.title = word_text(title)
    written = save(document, path, force=force, private=private)
    if progress is not None:
        progress(len(page.blocks) + 1, len(page.blocks) + 1)
    return written


__all__ = ["ExportError", "Page", "board_template", "save", "write_document"]
