"""The capture half of the live meeting screen: comments, decisions, actions, updates, their
edits, removals and undo, the lead-in, and drafts.

Every dialog saves into the store before it closes (a refusal keeps it open with its
words), keeps its words in a draft slot of its own, and is undone by ctrl+z with its
words offered back in the same dialog.
"""

from __future__ import annotations

from textual.screen import Screen

from board_tui.domain.drafts import Draft, DraftKind, DraftTarget
from board_tui.domain.errors import NotFoundError
from board_tui.domain.meeting_records import AgendaItem, Note
from board_tui.domain.minutes_words import default_lead_in, minutes_agreed
from board_tui.domain.model import Meeting, MeetingStatus, NoteKind
from board_tui.domain.plan_records import PlanItem, UpdateSaid
from board_tui.domain.standing_items import Standing, standing_kinds
from board_tui.domain.votes import Vote, vote_from_json
from board_tui.screens.dialogs.capture import (
    ActionDialog,
    ActionInput,
    LeadInDialog,
    NoteDialog,
    NoteInput,
    UpdateDialog,
    UpdateInput,
)
from board_tui.screens.meeting.hold import MeetingHold
from board_tui.screens.shell.survival import guard
from board_tui.services.drafts import StoreDraftSlot
from board_tui.services.meeting_view import MinutedLine, Tracked
from board_tui.services.undo import UndoStack
from board_tui.storage.store import Store

NOTE_DRAFTS = {
    NoteKind.COMMENT: DraftKind.COMMENT,
    NoteKind.DECISION: DraftKind.DECISION,
    NoteKind.NARRATIVE: DraftKind.NARRATIVE,
}


class CapturesMixin(Screen[None]):
    """What the clerk records on the item on screen. The meeting screen builds on it."""

    store: Store
    meeting_id: int
    meeting: Meeting
    undo_stack: UndoStack
    viewing_id: int | None
    hold: MeetingHold

    # The meeting screen provides these.
    @property
    def current_item(self) -> AgendaItem | None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def selected_minuted(self) -> MinutedLine | None:
        raise NotImplementedError

    def selected_note(self) -> Note | None:
        raise NotImplementedError

    def selected_tracked(self) -> Tracked | None:
        raise NotImplementedError

    def select_minuted(self, key: str) -> None:
        raise NotImplementedError

    # -- the shared steps --------------------------------------------------------------

    def _can_capture(self) -> bool:
        if not self.hold.allows_writing():
            return False  # told why (not held yet), or on its way to the read-only view
        status = self.meeting.status
        if status is MeetingStatus.LIVE:
            return True
        if status is MeetingStatus.DRAFT:
            self.notify("Start the meeting first (s), then capture.", severity="warning")
        else:
            self.notify("The meeting is closed: reopen it (o) to correct it.", severity="warning")
        return False

    def _slot(self, target: DraftTarget, resuming: Draft | None) -> StoreDraftSlot:
        if resuming is not None:
            return StoreDraftSlot.resuming(self.store, resuming)
        return StoreDraftSlot(self.store, self.meeting_id, target)

    def _after_save(self, then: object) -> None:
        """A dialog closed having saved: show it (a failure here is told, never fatal)."""
        del then
        with guard(self.app):
            self.reload()

    # -- comments, decisions, narrative ------------------------------------------------

    def action_capture(self, kind: str) -> None:
        item = self.current_item
        if item is not None and self._can_capture():
            self.open_note_dialog(NoteKind(kind), item, text=self._suggested(NoteKind(kind), item))

    def _suggested(self, kind: NoteKind, item: AgendaItem) -> str:
        """The previous minutes' decision comes worded as councils record it, to confirm."""
        if kind is not NoteKind.DECISION:
            return ""
        if Standing.PREVIOUS_MINUTES not in standing_kinds(item.title):
            return ""
        if any(n.kind is NoteKind.DECISION for n in self.store.notes(self.meeting_id)
               if n.agenda_item_id == item.id):  # fmt: skip
            return ""
        held = self.store.previous_held_meeting(self.meeting_id)
        return minutes_agreed(held.scheduled_start.date()) if held is not None else ""

    def open_note_dialog(
        self,
        kind: NoteKind,
        item: AgendaItem,
        *,
        text: str = "",
        vote: Vote | None = None,
        resuming: Draft | None = None,
        given_back: bool = False,
    ) -> None:
        slot = self._slot(DraftTarget(NOTE_DRAFTS[kind], agenda_item_id=item.id), resuming)
        saved: list[Note] = []

        def save(value: NoteInput) -> None:
            self.hold.check()
            with self.store.transaction():  # the decision and its vote, or neither
                note = self.store.add_note(item.id, value.kind, value.body)
                if value.vote is not None:
                    self.store.set_vote(note.id, value.vote)
                slot.discard()
            saved.append(note)

        def done(value: NoteInput | None) -> None:
            if value is None or not saved:
                return
            note = saved[-1]
            self.undo_stack.push(
                f"the {kind.value}",
                lambda: self.store.remove_note(note.id),
                lambda: self.open_note_dialog(
                    kind, item, text=note.body, vote=value.vote, given_back=True
                ),
            )
            self._after_save(value)
            self.select_minuted(f"note:{note.id}")

        dialog = NoteDialog(
            kind, f"{item.number}. {item.title}", text=text, vote=vote, draft=slot, save=save
        )
        dialog.given_back = given_back
        self.app.push_screen(dialog, done)

    def action_edit(self) -> None:
        if self.query_one("#tracked").has_focus:
            self.action_update()
            return
        line = self.selected_minuted()
        if isinstance(line, UpdateSaid):
            self.notify("An update is corrected by a new one (u), or taken back with ctrl+z.")
            return
        note = self.selected_note()
        if note is None:
            self.notify("Choose a note to edit (up/down in Minuted).")
            return
        if self._can_capture():
            self.open_edit_dialog(note, text=note.body, vote=self.store.vote(note.id))

    def open_edit_dialog(
        self, note: Note, *, text: str, vote: Vote | None, resuming: Draft | None = None
    ) -> None:
        target = DraftTarget(DraftKind.EDIT, agenda_item_id=note.agenda_item_id, note_id=note.id)
        slot = self._slot(target, resuming)
        was = self.store.vote(note.id)

        def save(value: NoteInput) -> None:
            self.hold.check()
            with self.store.transaction():
                if value.body != note.body:
                    self.store.edit_note(note.id, value.body)
                if value.vote != was:
                    self.store.set_vote(note.id, value.vote)
                slot.discard()

        def done(value: NoteInput | None) -> None:
            if value is None or (value.body == note.body and value.vote == was):
                return

            def undo() -> None:
                with self.store.transaction():
                    self.store.edit_note(note.id, note.body, note.kind)
                    self.store.set_vote(note.id, was)

            self.undo_stack.push("the edit", undo)
            self._after_save(value)
            self.select_minuted(f"note:{note.id}")

        self.app.push_screen(
            NoteDialog(note.kind, "the note", text=text, vote=vote, draft=slot, save=save), done
        )

    def action_remove(self) -> None:
        if self.query_one("#tracked").has_focus:
            self._remove_action()
            return
        note = self.selected_note()
        if note is None or not self._can_capture():
            return
        self.store.remove_note(note.id)
        self.undo_stack.push("the removal", lambda: self.store.restore_note(note.id))
        self.reload()
        self.notify("Note removed; ctrl+z brings it back.")

    def _remove_action(self) -> None:
        row = self.selected_tracked()
        if row is None or row.action is None or row.action.meeting_id != self.meeting_id:
            self.notify("Only an action set in this meeting can be removed here.")
            return
        if not self._can_capture():
            return
        action = row.action
        self.store.remove_action(action.id)
        self.undo_stack.push("the removal", lambda: self.store.restore_action(action.id))
        self.reload()
        self.notify("Action removed; ctrl+z brings it back.")

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo.")
            return
        if not self._can_capture():
            return
        step = self.undo_stack.pop()
        assert step is not None
        self.reload()
        if step.reopen is not None:
            self.notify(f"Undid {step.label}: its words are back for you to correct or drop.")
            step.reopen()
        else:
            self.notify(f"Undid {step.label}.")

    # -- actions -----------------------------------------------------------------------

    def action_action(self) -> None:
        item = self.current_item
        if item is not None and self._can_capture():
            self.open_action_dialog(item, {})

    def open_action_dialog(
        self,
        item: AgendaItem,
        fields: dict[str, str],
        *,
        resuming: Draft | None = None,
        given_back: bool = False,
    ) -> None:
        # The board's people first, so the likeliest names are offered first.
        board_people = [m.person.name for m in self.store.members(self.meeting.board_id)]
        people = board_people + [p.name for p in self.store.people() if p.name not in board_people]
        meetings = [m.scheduled_start.date() for m in self.store.meetings(self.meeting.board_id)]
        slot = self._slot(DraftTarget(DraftKind.ACTION, agenda_item_id=item.id), resuming)
        saved: list[int] = []
        dialog: ActionDialog

        def save(value: ActionInput) -> None:
            self.hold.check()
            with self.store.transaction():
                owner = self.store.person_named(value.owner) if value.owner else None
                action = self.store.add_action(
                    value.description,
                    agenda_item_id=item.id,
                    plan_item_id=value.plan_item_id,
                    owner=owner.name if owner else value.owner,
                    owner_person_id=owner.id if owner else None,
                    time_frame=value.time_frame,
                )
                slot.discard()
            saved.append(action.id)

        def done(value: ActionInput | None) -> None:
            if value is None or not saved:
                return
            action_id, words = saved[-1], dialog.fields()
            self.undo_stack.push(
                "the action",
                lambda: self.store.remove_action(action_id),
                lambda: self.open_action_dialog(item, words, given_back=True),
            )
            self._after_save(value)

        dialog = ActionDialog(
            f"{item.number}. {item.title}",
            people=people,
            find_plan_items=lambda text: self.store.find_plan_items(text, 5),
            reference=self.meeting.scheduled_start.date(),
            meetings=meetings,
            fields=fields,
            draft=slot,
            save=save,
        )
        dialog.given_back = given_back
        self.app.push_screen(dialog, done)

    # -- status updates ----------------------------------------------------------------

    def action_update(self) -> None:
        tracked = self.query_one("#tracked")
        row = self.selected_tracked()
        if not tracked.has_focus or row is None:
            if row is None:
                self.notify("Link a plan item (l) or set an action (a) first, then choose it.")
            else:
                tracked.focus()
                self.notify("Choose the plan item or action (up/down), then u.")
            return
        if self._can_capture():
            self.open_update_dialog(row, {})

    def open_update_dialog(
        self,
        row: Tracked,
        fields: dict[str, str],
        *,
        resuming: Draft | None = None,
        given_back: bool = False,
    ) -> None:
        assert row.status is not None
        action_id = row.action.id if row.action else None
        plan_item_id = row.plan_item.id if row.plan_item and row.action is None else None
        item = self.current_item
        item_id = item.id if item else None
        target = DraftTarget(
            DraftKind.UPDATE, agenda_item_id=item_id, action_id=action_id, plan_item_id=plan_item_id
        )
        slot = self._slot(target, resuming)
        saved: list[int] = []

        def save(value: UpdateInput) -> None:
            self.hold.check()
            with self.store.transaction():
                update = self.store.record_status_update(
                    value.status,
                    value.said,
                    action_id=action_id,
                    plan_item_id=plan_item_id,
                    meeting_id=self.meeting_id,
                    agenda_item_id=item_id,
                )
                slot.discard()
            saved.append(update.id)

        def done(value: UpdateInput | None) -> None:
            if value is None or not saved:
                return
            update_id = saved[-1]
            words = {"status": value.status.value, "said": value.said}

            def reopen() -> None:
                fresh = self._fresh_row(row)
                if fresh is not None:
                    self.open_update_dialog(fresh, words, given_back=True)

            self.undo_stack.push(
                "the update", lambda: self.store.undo_status_update(update_id), reopen
            )
            self._after_save(value)

        update_dialog = UpdateDialog(row.title, row.status, fields=fields, draft=slot, save=save)
        update_dialog.given_back = given_back
        self.app.push_screen(update_dialog, done)

    def _fresh_row(self, row: Tracked) -> Tracked | None:
        """The same plan item or action as read now (its status may have changed)."""
        if row.action is not None:
            return Tracked(plan_item=row.plan_item, action=self.store.action(row.action.id))
        if row.plan_item is not None:
            return Tracked(plan_item=self.store.plan_item(row.plan_item.id))
        return None

    # -- links, residents' voice, the lead-in ------------------------------------------

    def action_link(self) -> None:
        from board_tui.screens.dialogs.link import LinkDialog

        item = self.current_item
        if item is None or not self._can_capture():
            return

        def linked() -> set[int]:
            return {p.id for p in self.store.linked_plan_items(item.id)}

        def toggle(plan_item: PlanItem) -> None:
            if not self.hold.allows_writing():
                return
            if plan_item.id in linked():
                self.store.unlink_plan_item(item.id, plan_item.id)
            else:
                self.store.link_plan_item(item.id, plan_item.id)

        self.app.push_screen(
            LinkDialog(
                f"{item.number}. {item.title}",
                find=lambda text: self.store.find_plan_items(text),
                linked=linked,
                toggle=toggle,
            ),
            self._after_save,
        )

    def action_voice(self) -> None:
        """Mark the chosen comment as residents' voice and link what answered it."""
        from board_tui.screens.voice import open_voice_dialog

        note = self.selected_note()
        if note is None:
            self.notify("Choose a comment (up/down in Minuted), then y.")
            return
        if not self.hold.allows_writing():
            return
        open_voice_dialog(self.app, self.store, note, self.reload)

    def action_lead_in(self) -> None:
        """The words before the item's comments in the minutes, changed during the meeting."""
        item = self.current_item
        if item is None or not self.hold.allows_writing():
            return
        board = self.store.board(self.meeting.board_id).name
        default = default_lead_in(item.title, board)

        def save(text: str) -> None:
            self.hold.check()
            self.store.update_agenda_item(item.id, comments_lead_in=text or None)

        self.app.push_screen(
            LeadInDialog(
                f"{item.number}. {item.title}",
                typed=item.comments_lead_in or "",
                default=default,
                save=save,
            ),
            self._after_save,
        )

    # -- drafts ------------------------------------------------------------------------

    def action_drafts(self) -> None:
        from board_tui.screens.dialogs.drafts import DraftsDialog

        drafts = self.store.drafts(self.meeting_id)
        if not drafts:
            self.notify("No drafts kept for this meeting.")
            return

        def chosen(draft: Draft | None) -> None:
            if draft is not None:
                with guard(self.app):
                    self.restore_draft(draft)

        self.app.push_screen(
            DraftsDialog(drafts, self.store.discard_draft, title="Drafts kept"), chosen
        )

    def restore_draft(self, draft: Draft) -> None:
        """Reopen the dialog the words were typed in, with the words, where they were typed."""
        if not self._can_capture():
            self.notify("The words are kept as a draft until the meeting is live again.")
            return
        target, fields = draft.target, draft.fields
        item_id = target.agenda_item_id
        if item_id is not None and item_id != self.meeting.current_item_id:
            self.viewing_id = item_id  # show it, without moving the live meeting
        self.reload()
        item = self.current_item
        if target.kind is DraftKind.DECLARATION:
            from board_tui.screens.rollcall import RollCallScreen

            roll_call = RollCallScreen(self.store, self.meeting_id)
            self.app.push_screen(roll_call, lambda _: self.reload())
            self.call_after_refresh(roll_call.open_declaration, fields, draft)
        elif target.kind is DraftKind.EDIT and target.note_id is not None:
            self.open_edit_dialog(
                self.store.note(target.note_id),
                text=fields.get("body", ""),
                vote=vote_from_json(fields.get("vote")),
                resuming=draft,
            )
        elif target.kind is DraftKind.ACTION and item is not None:
            self.open_action_dialog(item, fields, resuming=draft)
        elif target.kind is DraftKind.UPDATE:
            row = self._update_row(target)
            if row is None:
                self.notify(
                    "That plan item or action is gone: the words stay in the drafts (k).",
                    severity="warning",
                )
            else:
                self.open_update_dialog(row, fields, resuming=draft)
        elif item is not None:
            kind = next((k for k, v in NOTE_DRAFTS.items() if v is target.kind), NoteKind.COMMENT)
            self.open_note_dialog(
                kind,
                item,
                text=fields.get("body", ""),
                vote=vote_from_json(fields.get("vote")),
                resuming=draft,
            )

    def _update_row(self, target: DraftTarget) -> Tracked | None:
        try:
            if target.action_id is not None:
                return Tracked(action=self.store.action(target.action_id))
            if target.plan_item_id is not None:
                return Tracked(plan_item=self.store.plan_item(target.plan_item_id))
        except NotFoundError:
            return None
        return None
