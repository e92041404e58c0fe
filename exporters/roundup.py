"""The chair's round-up as a Word document or a Markdown file, written atomically."""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

from board_tui.exporters.blocks import Block, Kind, Progress, block
from board_tui.exporters.document import Page, board_template, write_document
from board_tui.exporters.safe_write import write_atomically
from board_tui.storage.store import Store

__all__ = ["roundup_blocks", "roundup_file_name", "roundup_title", "write_roundup"]


def roundup_title(store: Store, meeting_id: int) -> str:
    meeting = store.meeting(meeting_id)
    day = meeting.scheduled_start
    return f"Chair's round-up: {meeting.title}, {day.day} {day:%B %Y}"


def paragraphs(body: str) -> list[str]:
    """Blank lines separate paragraphs; single line breaks inside one are joined."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]


def roundup_blocks(store: Store, meeting_id: int, body: str) -> tuple[Block, ...]:
    return (
        block(Kind.HEADING1, roundup_title(store, meeting_id)),
        *(block(Kind.PARAGRAPH, p) for p in paragraphs(body)),
    )


def roundup_file_name(store: Store, meeting_id: int, suffix: str = ".docx") -> str:
    meeting = store.meeting(meeting_id)
    return f"Chair's round-up {meeting.scheduled_start:%Y-%m-%d}{suffix}"


def write_roundup(
    store: Store,
    meeting_id: int,
    body: str,
    path: Path,
    *,
    template: Path | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Word for a .docx name, otherwise Markdown; nothing changes on failure."""
    path = Path(path).expanduser()
    title = roundup_title(store, meeting_id)
    if path.suffix.lower() != ".docx":
        text = f"# {title}\n\n" + "\n\n".join(paragraphs(body)) + "\n"

        def markdown(handle: BinaryIO) -> None:
            handle.write(text.encode("utf-8"))

        return write_atomically(path, markdown, force=force)
    board_id = store.meeting(meeting_id).board_id
    page = Page(
        store.board(board_id).name.upper(),
        "CHAIR'S ROUND-UP",
        False,
        roundup_blocks(store, meeting_id, body),
    )
    return write_document(
        page,
        path,
        title,
        template=template or board_template(store, board_id),
        force=force,
        progress=progress,
    )
