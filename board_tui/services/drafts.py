"""A dialog's own draft slot in the store: one per dialog opened, so none overwrites another."""

from __future__ import annotations

from board_tui.domain.drafts import Draft, DraftTarget
from board_tui.storage.store import Store


class StoreDraftSlot:
    """Keeps one dialog's words under a key of its own (kind, meeting, time, random part)."""

    def __init__(
        self, store: Store, meeting_id: int, target: DraftTarget, *, key: str | None = None
    ) -> None:
        self.store = store
        self.meeting_id = meeting_id
        self.target = target
        self.key = key or store.new_draft_key(target, meeting_id)

    @classmethod
    def resuming(cls, store: Store, draft: Draft) -> StoreDraftSlot:
        """The slot of a draft being restored: saving or discarding it ends that draft."""
        assert draft.meeting_id is not None
        return cls(store, draft.meeting_id, draft.target, key=draft.key)

    def keep(self, fields: dict[str, str]) -> None:
        self.store.save_draft(self.key, self.target, fields, self.meeting_id)

    def discard(self) -> None:
        self.store.discard_draft(self.key)
