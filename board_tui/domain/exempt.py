"""Exempt (Part 2) business: the one rule every output applies.

Business taken in private under the Local Government Act 1972, Schedule 12A, is
confidential: one line of it on a public screen share or in a newsletter is a serious
incident. So there is one rule, here, and every output asks it:

- An agenda item is exempt when it, or any item above it, is flagged exempt. A sub-item
  of a Part 2 item is Part 2 whatever its own flag says.
- Everything said, decided, set or updated on an exempt item is exempt with it: its
  comments, decisions and narrative (and their marks as residents' voice), the actions
  and next steps set on it, the status updates said while the meeting was on it (even on
  a public plan item or step), and the declarations made on it. A next step set in Part 2
  is exempt whole, with every update said about it later.
- A public output shows an exempt item only as EXEMPT_TITLE (its number and timing,
  nothing else) or leaves it out. A public plan item or step shows the status it had when
  it was last updated in public, and a public answer to residents' voice leaves out the
  decisions and actions taken in Part 2.
- A private output that shows Part 2 says so on its face: CONFIDENTIAL.

The store offers queries that call this rule (`Store.part2()`, public search and history);
the rule itself lives nowhere else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from board_tui.domain.statuses import Status

if TYPE_CHECKING:
    from board_tui.domain.meeting_records import AgendaItem, Declaration, Note, ResidentVoice
    from board_tui.domain.plan_records import Action, PlanItem, StatusUpdate

__all__ = ["CONFIDENTIAL", "EXEMPT_TITLE", "Flagged", "Part2", "masked"]

EXEMPT_TITLE = "Exempt item (Part 2)"
"""All a public output says about an exempt item."""
CONFIDENTIAL = "CONFIDENTIAL \u2013 Part 2"
"""On the face of every private output that shows Part 2 business."""


class Flagged(Protocol):
    """An agenda item as far as the rule needs it: an AgendaItem, or a row of the store."""

    @property
    def id(self) -> int: ...

    @property
    def parent_id(self) -> int | None: ...

    @property
    def exempt(self) -> bool: ...


def masked(item: AgendaItem) -> AgendaItem:
    """An exempt item as a public output shows it: its number and timing, nothing else (the
    paragraph it is exempt under is cited only by the exclusion resolution, domain.exclusion)."""
    return replace(
        item,
        title=EXEMPT_TITLE,
        presenter=None,
        papers=None,
        chair_note=None,
        comments_lead_in=None,
        exempt_paragraph=None,
    )


def _said_order(update: StatusUpdate) -> tuple[dt.datetime, int]:
    return update.recorded_at, update.id


@dataclass(frozen=True)
class Part2:
    """Which agenda items are exempt, and so which records said on them are."""

    sources: Mapping[int, int] = field(default_factory=dict, hash=False)
    """Each exempt item's id, with the id of the flagged item it is exempt by (itself,
    or the nearest flagged item above it)."""

    @classmethod
    def of(cls, items: Iterable[Flagged]) -> Part2:
        """The rule over these items. An item whose parent is not among them is judged
        by its own flag and whatever of its line is there; a loop in the parents is cut."""
        parents: dict[int, int | None] = {}
        flagged: set[int] = set()
        for item in items:
            parents[item.id] = item.parent_id
            if item.exempt:
                flagged.add(item.id)
        sources: dict[int, int] = {}
        for item_id in parents:
            seen: set[int] = set()
            at: int | None = item_id
            while at is not None and at not in seen:
                if at in flagged:
                    sources[item_id] = at
                    break
                seen.add(at)
                at = parents.get(at)
        return cls(sources)

    @property
    def item_ids(self) -> frozenset[int]:
        return frozenset(self.sources)

    def __bool__(self) -> bool:
        """True when there is any Part 2 business at all."""
        return bool(self.sources)

    # -- what is exempt --------------------------------------------------------------------

    def item(self, item_id: int | None) -> bool:
        """Is the agenda item exempt (None, no item: never)?"""
        return item_id is not None and item_id in self.sources

    def inherited_from(self, item_id: int | None) -> int | None:
        """The flagged item above that makes this one exempt; None when it is exempt by its
        own flag, or not at all."""
        if item_id is None:
            return None
        source = self.sources.get(item_id)
        return source if source is not None and source != item_id else None

    def note(self, note: Note) -> bool:
        """A comment, decision or narrative paragraph (and its residents'-voice mark)."""
        return self.item(note.agenda_item_id)

    def action(self, action: Action) -> bool:
        """An action arising, or a next step, set on an exempt item."""
        return self.item(action.agenda_item_id)

    def declaration(self, declaration: Declaration) -> bool:
        return self.item(declaration.agenda_item_id)

    def update(self, update: StatusUpdate, action: Action | None = None) -> bool:
        """A status update said on an exempt item, or about an action set on one."""
        return self.item(update.agenda_item_id) or (action is not None and self.action(action))

    # -- what a public output may show --------------------------------------------------------

    def shown(self, item: AgendaItem) -> AgendaItem:
        """The item as a public output shows it: masked when exempt."""
        return masked(item) if self.item(item.id) else item

    def voice(self, voice: ResidentVoice) -> ResidentVoice | None:
        """A comment in residents' voice with only its public answers; None when the comment
        itself was made in Part 2."""
        if self.note(voice.note):
            return None
        answers = tuple(
            a
            for a in voice.answers
            if not (a.decision is not None and self.note(a.decision))
            and not (a.action is not None and self.action(a.action))
        )
        return voice if len(answers) == len(voice.answers) else replace(voice, answers=answers)

    def public_updates(
        self, updates: Iterable[StatusUpdate], steps: Iterable[Action] = ()
    ) -> list[StatusUpdate]:
        """The updates a public audience may see, oldest first.

        Updates said in Part 2 are left out, and so are the updates about any of `steps`
        that was set in Part 2. Each update kept shows as its old status the status the
        public last saw, so "on track → at risk" never reveals an "off track" said in private.
        """
        hidden = {s.id for s in steps if self.action(s)}
        before: dict[tuple[int | None, int | None], Status | None] = {}
        shown: list[StatusUpdate] = []
        for update in sorted(updates, key=_said_order):
            if update.action_id in hidden:
                continue
            target = (update.action_id, update.plan_item_id)
            seen = before.setdefault(target, update.old_status)
            if self.update(update):
                continue
            shown.append(update if update.old_status is seen else replace(update, old_status=seen))
            before[target] = update.new_status
        return shown

    def _public_state(
        self, updates: Sequence[StatusUpdate], status: Status, reason: str | None
    ) -> tuple[Status, str | None]:
        """(status, closing reason) as last said in public, from one target's updates."""
        ordered = sorted(updates, key=_said_order)
        if not any(self.update(u) for u in ordered):
            return status, reason
        shown = self.public_updates(ordered)
        if not shown:
            # Never updated in public: as it was before the first update.
            return ordered[0].old_status or Status.NEXT_STEP, None
        last = shown[-1]
        return last.new_status, None if last.new_status.is_open else last.body.strip()

    def public_plan_item(self, item: PlanItem, updates: Iterable[StatusUpdate]) -> PlanItem:
        """The plan item with the status it had when last updated in public.

        `updates` may be its whole history (its steps' updates are passed over).
        """
        own = [u for u in updates if u.action_id is None and u.plan_item_id == item.id]
        status, _reason = self._public_state(own, item.status, None)
        return item if status is item.status else replace(item, status=status)

    def public_action(self, action: Action, updates: Iterable[StatusUpdate]) -> Action:
        """The step or action with the status (and closing reason) it had when last updated
        in public. `updates` may hold other targets' updates too."""
        own = [u for u in updates if u.action_id == action.id]
        status, reason = self._public_state(own, action.status, action.closed_reason)
        if status is action.status and reason == action.closed_reason:
            return action
        return replace(action, status=status, closed_reason=reason)
