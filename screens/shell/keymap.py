"""The keyboard map, in one place: the help screen shows it, tests hold the README and the
screens' real bindings to it, and a user's own key map file changes it.

Clerks build muscle memory on these keys, so a change here is a change to the README in
the same commit. Each row names the bindings it describes by id ("meeting.comment"):
those ids are what a user's key map file (keymap.toml in the config folder) remaps.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

KEYMAP_FILE = "keymap.toml"


class Key(NamedTuple):
    keys: str
    does: str
    ids: tuple[str, ...] = ()
    """The bindings this row describes, by id; none for keys the widgets themselves own."""


KEYMAP: dict[str, tuple[Key, ...]] = {
    "Everywhere": (
        Key("?", "Show this help", ("app.help", "home.help")),
        Key("ctrl+p", "Command palette: jump to any board, meeting or plan"),
        Key("ctrl+f", "Search every board's meetings, actions and plans", ("app.search",)),
        Key("escape", "Back to the previous screen"),
        Key("ctrl+q", "Quit", ("app.quit", "home.quit")),
    ),
    "Home": (
        Key("up / down", "Move in the focused list"),
        Key("tab / shift+tab", "Move between boards, meetings and action plans"),
        Key("enter", "Open the highlighted meeting (to run it) or action plan"),
        Key(
            "m",
            "New meeting for the highlighted board: date, start, venue, standing items",
            ("home.new-meeting",),
        ),
        Key("e", "Edit the highlighted meeting's agenda", ("home.edit-agenda",)),
        Key(
            "x",
            "Export the highlighted meeting's minutes to Word (preview first)",
            ("home.export-minutes",),
        ),
        Key(
            "o",
            "Each owner's actions from the highlighted meeting: a Word letter and an email draft",
            ("home.export-owner-letters",),
        ),
        Key(
            "i",
            "Import an agenda (Word pack or text outline); a new board name makes the board",
            ("home.import-agenda",),
        ),
        Key(
            "I", "Import a Word or CSV action plan for the highlighted board", ("home.import-plan",)
        ),
        Key(
            "p",
            "The highlighted board's people, and the directory every board shares",
            ("home.people",),
        ),
        Key("b", "New board (name, organisation, contact for enquiries)", ("home.new-board",)),
        Key(
            "r",
            "Edit the highlighted board: rename it, its organisation and contact",
            ("home.edit-board",),
        ),
        Key(
            "A",
            "Archive the highlighted board (asks first; nothing is deleted)",
            ("home.archive-board",),
        ),
        Key(
            "/",
            "Search: items, comments, decisions, actions, plan items and updates",
            ("home.search",),
        ),
        Key(
            "y",
            "“You said, we did” for the highlighted board's last quarter, to Word",
            ("home.you-said",),
        ),
        Key(
            "w",
            "The chair's round-up of the highlighted meeting: a first draft to edit",
            ("home.roundup",),
        ),
    ),
    "Agenda editor": (
        Key("up / down", "Move through the items; the chosen item's note shows below"),
        Key(
            "a",
            "Add an item below the chosen one (title, presenter, minutes, papers, …)",
            ("agenda.add",),
        ),
        Key(
            "enter",
            "Edit the chosen item, its note to the chair and its comments lead-in",
            ("agenda.edit",),
        ),
        Key("delete", "Delete the chosen item and its sub-items (asks first)", ("agenda.delete",)),
        Key(
            "shift+up / shift+down",
            "Move the item, with its sub-items, up or down",
            ("agenda.up", "agenda.down"),
        ),
        Key(
            "tab / shift+tab",
            "Indent (make it a sub-item: 5 becomes 4.1) / outdent",
            ("agenda.indent", "agenda.outdent"),
        ),
        Key(
            "+ / -",
            "Five minutes more / less; the times after it follow",
            ("agenda.longer", "agenda.shorter"),
        ),
        Key(
            "x",
            "Mark the item exempt (Part 2), with its Schedule 12A paragraph, or not",
            ("agenda.exempt",),
        ),
        Key("m", "Meeting details: date, start time, venue, title", ("agenda.meeting",)),
        Key("s", "Copy the standing items of the board's last meeting", ("agenda.standing",)),
        Key("l", "Run the meeting live", ("agenda.run",)),
    ),
    "People": (
        Key("tab / shift+tab", "Move between the board's members and the directory"),
        Key("a", "New person in the directory", ("people.add",)),
        Key("enter", "Edit the chosen person (a rename shows on every board)", ("people.edit",)),
        Key("b", "Put the chosen directory person on the board, with a role", ("people.join",)),
        Key(
            "r",
            "Change the chosen member's role and the words shown after their name",
            ("people.role",),
        ),
        Key(
            "delete",
            "Take the chosen member off the board (past minutes keep them)",
            ("people.leave",),
        ),
    ),
    "Live meeting": (
        Key(
            "s", "Start the meeting (asks first; records the actual start time)", ("meeting.start",)
        ),
        Key(
            "n / p",
            "Next / previous agenda item (records when each starts and ends)",
            ("meeting.next", "meeting.previous"),
        ),
        Key("c", "New comment on the current item", ("meeting.comment",)),
        Key("d", "New decision on the current item", ("meeting.decision",)),
        Key(
            "t",
            "New text paragraph (narrative: who introduced the item, what was noted)",
            ("meeting.narrative",),
        ),
        Key("a", "New action: description, owner, time frame, plan item", ("meeting.action",)),
        Key(
            "u",
            "Status update on the chosen plan item or action: new status and what was said",
            ("meeting.update",),
        ),
        Key(
            "l",
            "Link the current item to plan items (type a ref or words; enter links)",
            ("meeting.link",),
        ),
        Key("r", "Roll call and declarations of interest", ("meeting.roll-call",)),
        Key("tab", "Move between the minuted notes and the plan items and actions"),
        Key(
            "enter",
            "Edit the chosen note (or update the chosen plan item or action)",
            ("meeting.edit",),
        ),
        Key(
            "delete",
            "Remove the chosen note, or an action set in this meeting",
            ("meeting.remove",),
        ),
        Key(
            "ctrl+z",
            "Undo the last capture, edit, update, removal or move (while live)",
            ("meeting.undo",),
        ),
        Key(
            "y",
            "Mark the chosen comment as residents' voice: where heard, what answered it",
            ("meeting.voice",),
        ),
        Key(
            "m",
            "Walk the matters arising (earlier meetings' open actions) under this item",
            ("meeting.matters",),
        ),
        Key("e", "End the meeting (records the end time)", ("meeting.end",)),
        Key(
            "o",
            "Reopen a closed meeting for corrections (recorded; its own times are kept)",
            ("meeting.reopen",),
        ),
        Key("v", "The chair's view, for the screen share (v comes back)", ("meeting.chair-view",)),
        Key(
            "i",
            "Change the lead-in the minutes print before the item's comments",
            ("meeting.lead-in",),
        ),
        Key("k", "Drafts kept for this meeting: restore one, or discard it", ("meeting.drafts",)),
    ),
    "In every capture dialog": (
        Key("tab / shift+tab", "Next / previous field (the first field has the focus)"),
        Key("ctrl+s", "Save: committed to the database at once", ("form.save",)),
        Key(
            "escape",
            "Leave; with words typed it asks: k keep as a draft, d discard, escape back",
            ("form.cancel",),
        ),
        Key("right", "Accept the name shown under a name field (owner, who declared)"),
        Key("up / down", "Choose among the names or plan items shown under the field"),
        Key(
            "n o u a r c d", "In a status update: the new status by its letter (shown in the list)"
        ),
    ),
    "Decision dialog": (
        Key(
            "ctrl+r",
            "Put the decision to the vote: for, against, abstained, names, casting vote",
            ("decision.vote",),
        ),
    ),
    "Schedule 12A paragraph": (
        Key("1 - 7", "The paragraph the item is exempt under (each shown in its words)"),
        Key("0", "Not chosen yet: exempt, and the minutes' resolution shows a placeholder"),
        Key("escape", "Leave the item as it was"),
    ),
    "Roll call": (
        Key(
            "i / m / a / x",
            "Present in person / remote / apologies / absent (then the next row)",
            ("rollcall.present", "rollcall.remote", "rollcall.apologies", "rollcall.absent"),
        ),
        Key(
            "t / o",
            "Arrived now / left now, during the current item (the quorum counts from it)",
            ("rollcall.arrived", "rollcall.left"),
        ),
        Key("g", "Add a guest or officer not on the board's list", ("rollcall.guest",)),
        Key("d", "Add a declaration of interest", ("rollcall.declaration",)),
        Key(
            "n", "Record that there were no declarations of interest", ("rollcall.no-declarations",)
        ),
    ),
    "Chair's view": (
        Key(
            "p",
            "Public share off (asks first; a red band says so while off) or on again",
            ("chair.public",),
        ),
        Key("a", "Actions: this item's linked plan items, or the whole plan", ("chair.scope",)),
        Key("o", "Overdue only, on or off", ("chair.overdue",)),
        Key("l", "The next lead in turn (after the last: all leads)", ("chair.lead",)),
        Key("s", "The next status in turn (after the last: all statuses)", ("chair.status",)),
        Key("t", "Theme: default or high contrast for a projector (remembered)", ("chair.theme",)),
        Key("pgdn / pgup", "Scroll the actions (home / end: top and foot)"),
        Key("v / escape", "Back to the clerk's screen (in the app)", ("chair.back",)),
        Key("q / ctrl+q", "Quit the chair's own window (board-tui chair)", ("chair-window.quit",)),
    ),
    "Action plan": (
        Key("up / down", "Move through the plan; the item's next steps and history show below"),
        Key("o", "Overdue only (an open step due before today), on or off", ("plan.overdue",)),
        Key(
            "l",
            "Only this row's lead, on or off (so l then o: overdue for this lead)",
            ("plan.lead",),
        ),
        Key("s", "Only this row's status, on or off", ("plan.status",)),
        Key(
            "/", "Filter by words, a ref or a lead (enter goes back to the table)", ("plan.filter",)
        ),
        Key("x", "Clear the filters", ("plan.clear",)),
        Key("t", "Sort by ref, nearest due date, status or lead in turn", ("plan.sort",)),
        Key("enter", "Into the next steps (enter there edits the chosen step)"),
        Key(
            "u",
            "Status update on the item, or on the chosen next step (close or drop: say why)",
            ("plan.update",),
        ),
        Key(
            "a",
            "Add a next step (time frame as written; NEW ACTION / Revised Action label)",
            ("plan.add-step",),
        ),
        Key("e", "Edit the item's words, or the chosen next step", ("plan.edit",)),
        Key("i", "New plan item", ("plan.new-item",)),
        Key("w", "Export the plan to Word (preview first)", ("plan.export",)),
        Key(
            "r",
            "The progress report to the board: drafted from the plan, edited, then to Word",
            ("plan.progress-report",),
        ),
    ),
    "Export to Word": (
        Key("ctrl+s", "Write the document (asks before replacing a file)", ("export.write",)),
        Key("tab", "Move to the preview to scroll it"),
        Key("escape", "Close without writing", ("export.cancel",)),
    ),
    "Search": (
        Key("down", "From the words to the results (enter too)", ("search.to-results",)),
        Key("enter", "On a result: open the meeting at its item, or the plan at its item"),
        Key("escape", "Back to the words, then back to where you were", ("search.back",)),
    ),
    "You said, we did": (
        Key("tab", "Where heard → what answered it → why it cannot be done → the voice tick"),
        Key("space", "Tick or untick a decision or action that answered it"),
        Key(
            "ctrl+s",
            "Save (with a reason, the ticked decisions say the board cannot do it)",
            ("voice.save",),
        ),
        Key("escape", "Cancel: nothing is saved", ("voice.cancel",)),
    ),
    "Chair's round-up": (
        Key(
            "ctrl+e",
            "Export: Word for a .docx name, Markdown for .md (preview first)",
            ("roundup.export",),
        ),
        Key(
            "ctrl+g",
            "A new first draft from the minutes (asks first if edited)",
            ("roundup.fresh",),
        ),
        Key("escape", "Back; the draft is kept as you type", ("roundup.back",)),
    ),
    "Progress report": (
        Key("ctrl+e", "Export to Word (preview first)", ("report.export",)),
        Key(
            "ctrl+o",
            "Choose the report: meeting, actions, period, lead officer, confidential",
            ("report.choose",),
        ),
        Key(
            "ctrl+l",
            "Make it the paper of an item on the meeting's agenda (the agenda names it)",
            ("report.paper",),
        ),
        Key("ctrl+g", "A new draft from the plan (asks first if edited)", ("report.fresh",)),
        Key("escape", "Back; the draft is kept as you type", ("report.back",)),
    ),
}


def keymap_path() -> Path:
    from platformdirs import user_config_path

    from board_tui.config import APP_NAME

    return user_config_path(APP_NAME, appauthor=False) / KEYMAP_FILE


def binding_ids() -> set[str]:
    return {binding for section in KEYMAP.values() for key in section for binding in key.ids}


def load_user_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The user's own keys ({binding id: "keys"}), and a one-line problem if the file has one.

    A missing file is no keymap; a damaged one, or one naming bindings that do not exist,
    is told and the rest of it used, so a typo never costs the clerk every key.
    """
    path = path or keymap_path()
    try:
        text = path.read_text(encoding="utf-8")
        import tomllib  # only for a clerk who has a keymap: most never write one

        raw = tomllib.loads(text)
    except FileNotFoundError:
        return {}, None
    except (OSError, ValueError) as error:  # unreadable, not UTF-8, or not TOML
        return {}, f"{path}: could not be read ({error}); the usual keys are used"
    known = binding_ids()
    keymap = {k: v for k, v in raw.items() if k in known and isinstance(v, str) and v.strip()}
    unknown = sorted(set(raw) - set(keymap))
    problem = (
        f"{path}: no such key binding {', '.join(unknown)} (see ? help for the names)"
        if unknown
        else None
    )
    return keymap, problem


def shown_keys(key: Key, keymap: dict[str, str]) -> str:
    """The keys a row shows, with the user's own where their key map changes them."""
    if not any(i in keymap for i in key.ids):
        return key.keys
    parts = key.keys.split(" / ")
    if len(parts) != len(key.ids):
        parts = [key.keys] * len(key.ids)
    return " / ".join(keymap.get(i, part) for i, part in zip(key.ids, parts, strict=True))
