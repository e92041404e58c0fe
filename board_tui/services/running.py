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
                f"no such meeting: {meeting_id} (see: board-tui list meetings)"
            ) from None
    live = store.live_meeting()
    if live is not None:
        return live
    meetings = store.meetings()
    if not meetings:
        raise NotFoundError(
            "no meetings yet: open the app (board-tui) and press m on a board, or import an "
            "agenda (board-tui import agenda FILE --board NAME)"
        )
    upcoming = [m for m in meetings if m.status is MeetingStatus.DRAFT]
    if not upcoming:
        raise NotFoundError(
            f"no meeting to run: all {len(meetings)} meetings have been held "
            "(board-tui live --meeting ID opens one to correct it)"
            if len(meetings) > 1
            else "no meeting to run: the one meeting has been held "
            "(board-tui live --meeting ID opens it to correct it)"
        )
    return min(upcoming, key=lambda m: m.scheduled_start)
