"""The vote on a decision, opened from the decision dialog (ctrl+r).

Counts for, against and abstaining, the names on each side for a recorded vote, and the
chair's casting vote. Carried or lost is shown as the counts are typed, never typed. A
wrong vote is told on one line in the dialog and goes nowhere; the decision dialog keeps
a right one until the decision is saved with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select

from board_tui.domain.votes import Side, Vote, vote_problem, vote_summary
from board_tui.screens.dialogs.form import FormDialog, dialog_box

_SIDES = (
    ("for", "For", "votes_for", "names_for"),
    ("against", "Against", "against", "names_against"),
    ("abstain", "Abstained", "abstentions", "names_abstaining"),
)
VOTE_KEYS = "tab next field · ctrl+s keep the vote · escape cancel"
CLEAR_HINT = "Leave every count empty and ctrl+s to take the vote off the decision."


@dataclass(frozen=True)
class VoteChoice:
    """What the dialog gives back: the vote, or None to take the vote off the decision."""

    vote: Vote | None


def _names(text: str) -> tuple[str, ...]:
    """ "Cllr Ahmed, Cllr Blake; Cllr Chen": commas or semicolons between names."""
    return tuple(" ".join(n.split()) for n in text.replace(";", ",").split(",") if n.strip())


class VoteDialog(FormDialog[VoteChoice]):
    """Three sides, a count and the names on each, and the casting vote."""

    def __init__(self, context: str, vote: Vote | None) -> None:
        super().__init__(f"Vote on the decision: {context}")
        self.vote = vote

    def compose(self) -> ComposeResult:
        vote = self.vote
        with dialog_box(self.dialog_title, VOTE_KEYS):
            yield Label("How many voted, and (for a recorded vote) who, names split by commas")
            for side, word, count_attr, names_attr in _SIDES:
                count = getattr(vote, count_attr) if vote else None
                names = getattr(vote, names_attr) if vote else ()
                with Horizontal(classes="vote-side"):
                    yield Label(word, classes="vote-word")
                    yield Input(
                        "" if count is None else str(count),
                        id=f"{side}_count",
                        type="integer",
                        placeholder="0",
                        classes="vote-count",
                    )
                    yield Input(
                        ", ".join(names),
                        id=f"{side}_names",
                        placeholder="names (recorded vote)",
                        classes="vote-names",
                    )
            yield Label("Chair's casting vote (only on a tie)")
            yield Select(
                [("For", Side.FOR.value), ("Against", Side.AGAINST.value)],
                value=vote.casting.value if vote and vote.casting else Select.NULL,
                prompt="No casting vote",
                id="casting",
            )
            yield Label(CLEAR_HINT, classes="hint")
            yield Label("", id="outcome")
            yield Label("", id="problem")

    def on_mount(self) -> None:
        self.query_one("#for_count", Input).focus()
        self._show()

    def fields(self) -> dict[str, str]:
        values = {}
        for side, _word, _count, _names_attr in _SIDES:
            values[f"{side}_count"] = self.query_one(f"#{side}_count", Input).value
            values[f"{side}_names"] = self.query_one(f"#{side}_names", Input).value
        casting = self.query_one("#casting", Select).value
        values["casting"] = casting if isinstance(casting, str) else ""
        return values

    def _read(self) -> tuple[Vote | None, str | None]:
        """The vote typed (None: nothing typed), or the one-line reason it cannot be."""
        values = self.fields()
        if not any(v.strip() for v in values.values()):
            return None, None
        counts: dict[str, int] = {}
        names: dict[str, tuple[str, ...]] = {}
        for side, word, _count, _names_attr in _SIDES:
            names[side] = _names(values[f"{side}_names"])
            typed = values[f"{side}_count"].strip()
            if not typed:
                counts[side] = len(names[side])  # names alone give the count
                continue
            try:
                counts[side] = int(typed)
            except ValueError:
                return None, f"“{typed}” is not a number of votes ({word.lower()})."
        vote = Vote(
            votes_for=counts["for"],
            against=counts["against"],
            abstentions=counts["abstain"],
            casting=Side(values["casting"]) if values["casting"] else None,
            names_for=names["for"],
            names_against=names["against"],
            names_abstaining=names["abstain"],
        )
        return vote, vote_problem(vote)

    @on(Input.Changed)
    @on(Select.Changed)
    def _show(self) -> None:
        """Carried or lost follows the counts as they are typed; a problem shows at once."""
        if not self.is_mounted:
            return
        vote, problem = self._read()
        shown = f"The recommendation is {vote_summary(vote)}" if vote and not problem else ""
        self.query_one("#outcome", Label).update(shown)
        self.query_one("#problem", Label).update(problem or "")

    def result(self) -> VoteChoice | None:
        vote, problem = self._read()
        if problem is not None:
            self.query_one("#problem", Label).update(problem)
            return None
        return VoteChoice(vote)
