"""Which meeting `board-tui live` opens when the clerk does not say."""

from __future__ import annotations

from board_tui.domain.errors import NotFoundError
from board_tui.domain.model import Meeting, MeetingStatus
from board_tui.storage.store import Store


def meeting_to_run(store: Store, meeting_id: int | None = None) -> Meeting:
    """The meeting asked for; else one left live; else the soonest not yet held."""
    if meeting_id is not None:
        try:
            return store.meeting(meeting_id)
        except NotFoundError:
            raise NotFoundError(
                f"no meeting with id {meeting_id} (see: board-tui list meetings)"
            ) from None
    live = store.live_meeting()
    if live is not None:
        return live
    upcoming = [m for m in store.meetings() if m.status is MeetingStatus.DRAFT]
    if not upcoming:
        raise NotFoundError("no meeting to run: every meeting has been held")
    return min(upcoming, key=lambda m: m.scheduled_start)
