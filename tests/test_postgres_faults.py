"""The team's server goes away mid-meeting: every refusal is a notice, words typed are kept
on the clerk's computer, and the store carries on when the server is back, nothing lost and
nothing saved twice."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from postgres_cluster import Cluster, throwaway_cluster
from terminal import busy_machine, query, running

from board_tui.domain.drafts import DraftKind, DraftTarget
from board_tui.domain.model import NoteKind
from board_tui.services.demo import build_demo
from board_tui.storage.errors import StoreRefusedError
from board_tui.storage.postgres import UNREACHABLE, PostgresConnection
from board_tui.storage.store import Store


@pytest.fixture
def own_cluster() -> Iterator[Cluster]:
    """A cluster of this test's own: stopping it must not stop anyone else's tests."""
    with throwaway_cluster() as cluster:
        yield cluster


@pytest.fixture
def server(
    own_cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Cluster, Store, int, int]]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = own_cluster.new_database()
    store = Store.open(url)
    board = store.create_board("Health and Wellbeing Board")
    meeting = store.create_meeting(board.id, dt.datetime(2024, 3, 4, 14, 0))
    item = store.add_agenda_item(meeting.id, "Carers Strategy")
    store.start_meeting(meeting.id)
    yield own_cluster, store, meeting.id, item.id
    store.close()


def test_the_server_away_is_a_notice_and_the_drafts_stay_on_this_computer(
    server: tuple[Cluster, Store, int, int],
) -> None:
    cluster, store, meeting_id, item_id = server
    store.add_note(item_id, NoteKind.COMMENT, "Before the outage.")
    target = DraftTarget(DraftKind.COMMENT, agenda_item_id=item_id)
    cluster.stop()
    with pytest.raises(StoreRefusedError, match="cannot be reached") as refused:
        store.add_note(item_id, NoteKind.COMMENT, "During the outage.")
    assert str(refused.value) == UNREACHABLE
    with pytest.raises(StoreRefusedError):  # a read is refused the same way: no crash
        store.notes(meeting_id)
    # The words being typed are kept, locally, while the server is away.
    key = store.new_draft_key(target, None)
    store.save_draft(key, target, {"body": "During the outage."})
    assert [d.fields["body"] for d in store.drafts()] == ["During the outage."]

    cluster.start()
    store.add_note(item_id, NoteKind.COMMENT, "During the outage.")  # the form's retry
    store.discard_draft(key)
    bodies = [n.body for n in store.notes(meeting_id)]
    assert bodies == ["Before the outage.", "During the outage."]
    assert store.drafts() == []


def test_a_follower_hears_changes_again_after_the_server_returns(
    server: tuple[Cluster, Store, int, int],
) -> None:
    cluster, store, meeting_id, item_id = server
    assert store.url is not None
    follower = Store.open(store.url, read_only=True)
    try:
        cluster.stop()
        cluster.start()
        before = follower.data_version()  # reconnects, LISTENs again, says "read afresh"
        store.add_note(item_id, NoteKind.DECISION, "Agreed after the restart.")
        for _ in range(100):
            if follower.data_version() != before:
                break
            psycopg.connect(store.url).close()  # let the notice travel
        assert follower.data_version() != before
        assert "Agreed after the restart." in [n.body for n in follower.notes(meeting_id)]
    finally:
        follower.close()


def test_a_commit_whose_answer_was_lost_is_not_saved_twice(
    server: tuple[Cluster, Store, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server kept the transaction but the connection broke before it said so: the
    store asks (txid_status) and the save stands, once, with no retry needed."""
    _cluster, store, meeting_id, item_id = server
    connection = store.conn
    assert isinstance(connection, PostgresConnection)
    real_commit = PostgresConnection._commit

    def commit_then_break(self: PostgresConnection) -> object:
        raw = self.raw
        real_cursor = raw.cursor

        class Breaking:
            def execute(self, sql: str) -> None:
                real_cursor().execute(sql)  # the server keeps the transaction…
                raw.close()  # …and its answer is lost with the connection
                raise psycopg.OperationalError("server closed the connection unexpectedly")

        monkeypatch.setattr(raw, "cursor", Breaking)
        return real_commit(self)

    monkeypatch.setattr(PostgresConnection, "_commit", commit_then_break)
    store.add_note(item_id, NoteKind.COMMENT, "Said once.")
    monkeypatch.undo()
    assert [n.body for n in store.notes(meeting_id)] == ["Said once."]


def test_the_server_stopped_for_ten_seconds_mid_capture_loses_no_word(
    own_cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a real terminal, on a busy machine: the server stops while a comment is being
    saved and stays away ten seconds; the clerk is told at once, keeps typing, and every
    word is saved once, in order, when it returns."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = own_cluster.new_database()
    with Store.open(url) as store:
        meeting_id = build_demo(store).next_meeting_id

    def bodies() -> list[str]:
        try:
            found = query(
                url,
                "SELECT body FROM notes WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY id",
                (meeting_id,),
            )
        except psycopg.OperationalError:
            return ["(server away)"]
        return [str(r[0]) for r in found]

    words = [f"Comment {n} said while the server came and went." for n in range(3)]
    with busy_machine(), running(["live", "--meeting", str(meeting_id), "--db", url]) as term:
        term.wait_for_text("Comment")
        term.press("s")
        term.wait_for_text("Record that the meeting has started")
        term.press("y")
        term.press("c", words[0], "ctrl+s")
        term.wait_for(lambda: bodies() == words[:1], "the first comment")
        own_cluster.stop()
        started = time.monotonic()
        mark = term.press("c", words[1], "ctrl+s")
        term.wait_for_text("Not saved yet", since=mark)
        term.wait_for_text("cannot be reached", since=mark)
        term.press(" More words.")  # the clerk carries on typing into the open dialog
        while time.monotonic() - started < 10:
            time.sleep(0.2)
        assert term.process.poll() is None  # the app carried on throughout
        own_cluster.start()
        term.wait_for(lambda: len(bodies()) == 2, "the retried save")
        term.press("c", words[2], "ctrl+s")
        term.wait_for(lambda: len(bodies()) == 3, "the later comment")
    assert bodies() == [words[0], words[1] + " More words.", words[2]]
