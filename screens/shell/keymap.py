"""The keyboard map, in one place: the help screen shows it and a test holds the README to it.

Clerks build muscle memory on these keys, so a change here is a change to the
README in the same commit.
"""

from __future__ import annotations

from typing import NamedTuple


class Key(NamedTuple):
    keys: str
    does: str


KEYMAP: dict[str, tuple[Key, ...]] = {
    "Everywhere": (
        Key("?", "Show this help"),
        Key("ctrl+p", "Command palette: jump to any board, meeting or plan"),
        Key("ctrl+f", "Search every board's meetings, actions and plans"),
        Key("escape", "Back to the previous screen"),
        Key("ctrl+q", "Quit"),
    ),
    "Home": (
        Key("up / down", "Move in the focused list"),
        Key("tab / shift+tab", "Move between boards, meetings and action plans"),
        Key("enter", "Open the highlighted meeting (to run it) or action plan"),
        Key("m", "New meeting for the highlighted board: date, start, venue, standing items"),
        Key("e", "Edit the highlighted meeting's agenda"),
        Key("x", "Export the highlighted meeting's minutes to Word (preview first)"),
        Key("i", "Import an agenda (Word pack or text outline); a new board name makes the board"),
        Key("I", "Import a Word or CSV action plan for the highlighted board"),
        Key("p", "The highlighted board's people, and the directory every board shares"),
        Key("b", "New board (name, organisation, contact for enquiries)"),
        Key("r", "Edit the highlighted board: rename it, its organisation and contact"),
        Key("A", "Archive the highlighted board (asks first; nothing is deleted)"),
        Key("/", "Search: items, comments, decisions, actions, plan items and updates"),
        Key("y", "“You said, we did” for the highlighted board's last quarter, to Word"),
        Key("w", "The chair's round-up of the highlighted meeting: a first draft to edit"),
    ),
    "Agenda editor": (
        Key("up / down", "Move through the items; the chosen item's note shows below"),
        Key("a", "Add an item below the chosen one (title, presenter, minutes, papers, …)"),
        Key("enter", "Edit the chosen item, its note to the chair and its comments lead-in"),
        Key("delete", "Delete the chosen item and its sub-items (asks first)"),
        Key("shift+up / shift+down", "Move the item, with its sub-items, up or down"),
        Key("tab / shift+tab", "Indent (make it a sub-item: 5 becomes 4.1) / outdent"),
        Key("+ / -", "Five minutes more / less; the times after it follow"),
        Key("x", "Mark the item exempt (Part 2, confidential), or not"),
        Key("m", "Meeting details: date, start time, venue, title"),
        Key("s", "Copy the standing items of the board's last meeting"),
        Key("l", "Run the meeting live"),
    ),
    "People": (
        Key("tab / shift+tab", "Move between the board's members and the directory"),
        Key("a", "New person in the directory"),
        Key("enter", "Edit the chosen person (a rename shows on every board)"),
        Key("b", "Put the chosen directory person on the board, with a role"),
        Key("r", "Change the chosen member's role and the words shown after their name"),
        Key("delete", "Take the chosen member off the board (past minutes keep them)"),
    ),
    "Live meeting": (
        Key("s", "Start the meeting (asks first; records the actual start time)"),
        Key("n / p", "Next / previous agenda item (records when each starts and ends)"),
        Key("c", "New comment on the current item"),
        Key("d", "New decision on the current item"),
        Key("t", "New text paragraph (narrative: who introduced the item, what was noted)"),
        Key("a", "New action: description, owner, time frame, plan item"),
        Key("u", "Status update on the chosen plan item or action: new status and what was said"),
        Key("l", "Link the current item to plan items (type a ref or words; enter links)"),
        Key("r", "Roll call and declarations of interest"),
        Key("tab", "Move between the minuted notes and the plan items and actions"),
        Key("enter", "Edit the chosen note (or update the chosen plan item or action)"),
        Key("delete", "Remove the chosen note, or an action set in this meeting"),
        Key("ctrl+z", "Undo the last capture, edit, update, removal or move (while live)"),
        Key("y", "Mark the chosen comment as residents' voice: where heard, what answered it"),
        Key("m", "Walk the matters arising (earlier meetings' open actions) under this item"),
        Key("e", "End the meeting (records the end time)"),
        Key("o", "Reopen a closed meeting for corrections (recorded; its own times are kept)"),
        Key("v", "The chair's view, for the screen share (v comes back)"),
    ),
    "In every capture dialog": (
        Key("tab / shift+tab", "Next / previous field (the first field has the focus)"),
        Key("ctrl+s", "Save: committed to the database at once"),
        Key("escape", "Cancel: nothing is saved"),
        Key("right", "Accept the suggested name in the owner field"),
        Key("up / down", "Choose among the plan items matched under the plan item field"),
    ),
    "Roll call": (
        Key("i / m / a / x", "Present in person / remote / apologies / absent (then the next row)"),
        Key("t / o", "Arrived now (late arrival) / left now (early departure)"),
        Key("g", "Add a guest or officer not on the board's list"),
        Key("d", "Add a declaration of interest"),
        Key("n", "Record that there were no declarations of interest"),
    ),
    "Chair's view": (
        Key("p", "Public share on or off (on: exempt items, their decisions and actions hidden)"),
        Key("a", "Actions: this item's linked plan items, or the whole plan"),
        Key("o", "Overdue only, on or off"),
        Key("l", "The next lead in turn (after the last: all leads)"),
        Key("s", "The next status in turn (after the last: all statuses)"),
        Key("t", "Theme: default or high contrast for a projector (remembered)"),
        Key("v / escape", "Back to the clerk's screen (in the app)"),
        Key("q / ctrl+q", "Quit the chair's own window (board-tui chair)"),
    ),
    "Action plan": (
        Key("up / down", "Move through the plan; the item's next steps and history show below"),
        Key("o", "Overdue only (an open step due before today), on or off"),
        Key("l", "Only this row's lead, on or off (so l then o: overdue for this lead)"),
        Key("s", "Only this row's status, on or off"),
        Key("/", "Filter by words, a ref or a lead (enter goes back to the table)"),
        Key("x", "Clear the filters"),
        Key("t", "Sort by ref, nearest due date, status or lead in turn"),
        Key("enter", "Into the next steps (enter there edits the chosen step)"),
        Key("u", "Status update on the item, or on the chosen next step (close or drop: say why)"),
        Key("a", "Add a next step (time frame as written; NEW ACTION / Revised Action label)"),
        Key("e", "Edit the item's words, or the chosen next step"),
        Key("i", "New plan item"),
        Key("w", "Export the plan to Word (preview first)"),
    ),
    "Export to Word": (
        Key("ctrl+s", "Write the document (asks before replacing a file)"),
        Key("tab", "Move to the preview to scroll it"),
        Key("escape", "Close without writing"),
    ),
    "Search": (
        Key("down", "From the words to the results (enter too)"),
        Key("enter", "On a result: open the meeting at its item, or the plan at its item"),
        Key("escape", "Back to the words, then back to where you were"),
    ),
    "You said, we did": (
        Key("tab", "Where heard → what answered it → why it cannot be done → the voice tick"),
        Key("space", "Tick or untick a decision or action that answered it"),
        Key("ctrl+s", "Save (with a reason, the ticked decisions say the board cannot do it)"),
        Key("escape", "Cancel: nothing is saved"),
    ),
    "Chair's round-up": (
        Key("ctrl+e", "Export: Word for a .docx name, Markdown for .md (preview first)"),
        Key("ctrl+g", "A new first draft from the minutes (asks first if edited)"),
        Key("escape", "Back; the draft is kept as you type"),
    ),
}
