"""What `board-tui list` prints: plain records, so text and JSON output share one source."""

from __future__ import annotations

from typing import Any

from board_tui.storage.store import Store


def listing_rows(store: Store, kind: str, board_name: str | None = None) -> list[dict[str, Any]]:
    board_id = store.board_by_name(board_name).id if board_name else None
    if kind == "boards":
        return [
            {"id": b.id, "name": b.name, "organisation": b.organisation}
            for b in store.boards()
            if board_id is None or b.id == board_id
        ]
    board_names = {b.id: b.name for b in store.boards(include_archived=True)}
    if kind == "meetings":
        return [
            {
                "id": m.id,
                "date": m.scheduled_start.date().isoformat(),
                "time": m.scheduled_start.strftime("%H:%M"),
                "board": board_names[m.board_id],
                "status": m.status.value,
                "title": m.title,
            }
            for m in store.meetings(board_id)
        ]
    if kind == "plans":
        return [
            {
                "id": p.id,
                "board": board_names[p.board_id],
                "dated": p.dated.isoformat() if p.dated else None,
                "items": store.count_plan_items(p.id),
                "title": p.title,
            }
            for p in store.plans(board_id)
        ]
    raise ValueError(kind)
