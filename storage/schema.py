"""The one place that owns the schema: forward migrations, applied in order, each in a transaction.

Migrations are frozen history: never edit one that has shipped, add the next.
A database that has applied a migration this version does not know was written
by a newer board-tui and is refused rather than guessed at.

Longer than the house's ~500 lines on purpose: the migrations are one ordered list that
sqlite-utils applies by name, and reading them top to bottom is reading the schema's
history; split across files, their order would hang on import order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from board_tui.storage.errors import SchemaTooNewError

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "board_tui"
MIGRATIONS_TABLE = "_sqlite_migrations"
"""sqlite-utils' own record of what has been applied, read here without loading it."""

Migration = Callable[["Database"], None]


class MigrationList:
    """The migrations in order, handed to sqlite-utils only when one must run.

    Opening a database whose schema is current (every open but the first after an
    upgrade) then reads one small table and never imports sqlite-utils.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._steps: list[tuple[str, Migration]] = []

    def __call__(self, *, name: str) -> Callable[[Migration], Migration]:
        def register(step: Migration) -> Migration:
            self._steps.append((name, step))
            return step

        return register

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _step in self._steps)

    @cached_property
    def _sqlite_utils(self) -> Migrations:
        from sqlite_utils.migrations import Migrations

        applier = Migrations(self.name)
        for name, step in self._steps:
            applier(name=name)(step)
        return applier

    def pending(self, db: Database | sqlite3.Connection) -> list[str]:
        done = set(applied_migrations(db))
        return [name for name in self.names if name not in done]

    def apply(self, db: Database, *, stop_before: str | None = None) -> None:
        self._sqlite_utils.apply(db, stop_before=stop_before)


migrations = MigrationList(MIGRATION_SET)

_STATUS_CHECK = (
    "'next_step', 'on_track', 'update_due', 'at_risk', 'off_track', 'complete', 'dropped'"
)


def _run(db: Database, statements: Sequence[str]) -> None:
    # One statement at a time: executescript() would commit the migration's transaction.
    for statement in statements:
        db.execute(statement)


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    _run(
        db,
        [
            """CREATE TABLE boards (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(name) <> ''),
                organisation TEXT,
                archived_at TEXT,
                created_at TEXT NOT NULL
            )""",
            """CREATE TABLE people (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL CHECK (trim(name) <> ''),
                title TEXT,
                organisation TEXT,
                email TEXT,
                created_at TEXT NOT NULL
            )""",
            "CREATE INDEX people_name ON people (name COLLATE NOCASE)",
            """CREATE TABLE memberships (
                id INTEGER PRIMARY KEY,
                board_id INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
                person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
                role TEXT NOT NULL
                    CHECK (role IN ('chair', 'member', 'independent', 'officer', 'observer')),
                position TEXT,
                sort_order INTEGER NOT NULL DEFAULT 0,
                UNIQUE (board_id, person_id)
            )""",
            """CREATE TABLE meetings (
                id INTEGER PRIMARY KEY,
                board_id INTEGER NOT NULL REFERENCES boards (id) ON DELETE RESTRICT,
                title TEXT NOT NULL,
                scheduled_start TEXT NOT NULL,
                venue TEXT,
                status TEXT NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'live', 'closed', 'approved')),
                actual_start TEXT,
                actual_end TEXT,
                no_declarations INTEGER NOT NULL DEFAULT 0 CHECK (no_declarations IN (0, 1)),
                approved_at TEXT,
                approved_by_meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            "CREATE INDEX meetings_board ON meetings (board_id, scheduled_start)",
            """CREATE TABLE meeting_events (
                id INTEGER PRIMARY KEY,
                meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
                kind TEXT NOT NULL
                    CHECK (kind IN ('started', 'ended', 'reopened', 'approved')),
                at TEXT NOT NULL,
                detail TEXT
            )""",
            "CREATE INDEX meeting_events_meeting ON meeting_events (meeting_id, at)",
            """CREATE TABLE attendance (
                id INTEGER PRIMARY KEY,
                meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
                person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
                kind TEXT NOT NULL
                    CHECK (kind IN ('in_person', 'remote', 'apologies', 'absent')),
                capacity TEXT NOT NULL CHECK (capacity IN ('member', 'officer', 'guest')),
                arrived_at TEXT,
                left_at TEXT,
                UNIQUE (meeting_id, person_id)
            )""",
            """CREATE TABLE agenda_items (
                id INTEGER PRIMARY KEY,
                meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
                parent_id INTEGER REFERENCES agenda_items (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                number TEXT NOT NULL DEFAULT '',
                title TEXT NOT NULL,
                presenter TEXT,
                fixed_start TEXT,
                duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes >= 0),
                papers TEXT,
                exempt INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1)),
                chair_note TEXT,
                comments_lead_in TEXT,
                actual_start TEXT,
                actual_end TEXT,
                created_at TEXT NOT NULL
            )""",
            "CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position)",
            """CREATE TABLE declarations (
                id INTEGER PRIMARY KEY,
                meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
                person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
                agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
                interest TEXT NOT NULL,
                created_at TEXT NOT NULL
            )""",
            """CREATE TABLE action_plans (
                id INTEGER PRIMARY KEY,
                board_id INTEGER NOT NULL REFERENCES boards (id) ON DELETE RESTRICT,
                title TEXT NOT NULL CHECK (trim(title) <> ''),
                introduction TEXT,
                dated TEXT,
                legend TEXT NOT NULL DEFAULT '[]',
                archived_at TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (board_id, title)
            )""",
            f"""CREATE TABLE plan_items (
                id INTEGER PRIMARY KEY,
                plan_id INTEGER NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
                ref TEXT NOT NULL,
                position INTEGER NOT NULL,
                section TEXT,
                recommendation TEXT NOT NULL,
                lead TEXT,
                status TEXT NOT NULL CHECK (status IN ({_STATUS_CHECK})),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (plan_id, ref)
            )""",
            "CREATE INDEX plan_items_plan ON plan_items (plan_id, position)",
            """CREATE TABLE agenda_item_links (
                agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
                plan_item_id INTEGER NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
                PRIMARY KEY (agenda_item_id, plan_item_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX agenda_item_links_plan_item ON agenda_item_links (plan_item_id)",
            """CREATE TABLE notes (
                id INTEGER PRIMARY KEY,
                meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
                agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('narrative', 'comment', 'decision')),
                body TEXT NOT NULL,
                plan_item_id INTEGER REFERENCES plan_items (id) ON DELETE SET NULL,
                created_at TEXT NOT NULL,
                edited_at TEXT,
                deleted_at TEXT
            )""",
            "CREATE INDEX notes_item ON notes (agenda_item_id, id)",
            "CREATE INDEX notes_meeting ON notes (meeting_id, id)",
            # A note's item must belong to the note's meeting.
            """CREATE TRIGGER notes_item_in_meeting BEFORE INSERT ON notes
               WHEN NEW.agenda_item_id IS NOT NULL AND NEW.meeting_id IS NOT
                    (SELECT meeting_id FROM agenda_items WHERE id = NEW.agenda_item_id)
               BEGIN SELECT RAISE(ABORT, 'note item belongs to another meeting'); END""",
            f"""CREATE TABLE actions (
                id INTEGER PRIMARY KEY,
                plan_item_id INTEGER REFERENCES plan_items (id) ON DELETE CASCADE,
                meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
                agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
                position INTEGER NOT NULL DEFAULT 0,
                description TEXT NOT NULL,
                owner TEXT,
                owner_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
                time_frame TEXT,
                due_date TEXT,
                status TEXT NOT NULL CHECK (status IN ({_STATUS_CHECK})),
                label TEXT CHECK (label IS NULL OR label IN ('new', 'revised')),
                closed_reason TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                CHECK (plan_item_id IS NOT NULL OR meeting_id IS NOT NULL)
            )""",
            "CREATE INDEX actions_plan_item ON actions (plan_item_id, position)",
            "CREATE INDEX actions_meeting ON actions (meeting_id, agenda_item_id)",
            f"""CREATE TABLE status_updates (
                id INTEGER PRIMARY KEY,
                action_id INTEGER REFERENCES actions (id) ON DELETE CASCADE,
                plan_item_id INTEGER REFERENCES plan_items (id) ON DELETE CASCADE,
                meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
                label TEXT,
                body TEXT NOT NULL DEFAULT '',
                old_status TEXT CHECK (old_status IS NULL OR old_status IN ({_STATUS_CHECK})),
                new_status TEXT NOT NULL CHECK (new_status IN ({_STATUS_CHECK})),
                recorded_at TEXT NOT NULL,
                CHECK ((action_id IS NULL) <> (plan_item_id IS NULL))
            )""",
            "CREATE INDEX status_updates_action ON status_updates (action_id, recorded_at)",
            "CREATE INDEX status_updates_plan_item ON status_updates (plan_item_id, recorded_at)",
            # The history is never overwritten.
            """CREATE TRIGGER status_updates_append_only BEFORE UPDATE ON status_updates
               BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END""",
            """CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )""",
        ],
    )


@migrations(name="0002_live_meeting")
def m0002_live_meeting(db: Database) -> None:
    """Where a live meeting is, which item walks the matters arising, undoable actions, drafts."""
    _run(
        db,
        [
            "ALTER TABLE meetings ADD COLUMN current_item_id INTEGER"
            " REFERENCES agenda_items (id) ON DELETE SET NULL",
            "ALTER TABLE meetings ADD COLUMN matters_arising_item_id INTEGER"
            " REFERENCES agenda_items (id) ON DELETE SET NULL",
            "ALTER TABLE actions ADD COLUMN deleted_at TEXT",
            # Text typed in an open dialog, saved on each pause, so a crash loses seconds.
            """CREATE TABLE drafts (
                key TEXT PRIMARY KEY,
                meeting_id INTEGER REFERENCES meetings (id) ON DELETE CASCADE,
                payload TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
        ],
    )


@migrations(name="0003_board_contact")
def m0003_board_contact(db: Database) -> None:
    """The board's clerk contact, printed on every agenda's front sheet, and its Word template."""
    _run(
        db,
        [
            "ALTER TABLE boards ADD COLUMN contact TEXT",
            "ALTER TABLE boards ADD COLUMN word_template TEXT",
        ],
    )


# -- 0004: search, residents' voice, the chair's round-up --------------------------------------

SEARCH_CODES = {"agenda_items": 1, "notes": 2, "actions": 3, "plan_items": 4, "status_updates": 5}
"""A record's row in search_index is id * 8 + its table's code: found by rowid, never by a scan."""

_SEARCH_COLUMNS = (
    "rowid, title, body, kind, record_id, board_id, meeting_id, item_id, plan_id, plan_item_id, day"
)
# What each searchable table puts in the index: (values selected from `r`, joins, live rows,
# columns whose change re-indexes it). Context that can be renamed (board names, item
# titles) is joined when searching, so only these words and ids are kept here.
_SEARCH_SOURCES: dict[str, tuple[str, str, str, str]] = {
    "agenda_items": (
        "r.title, trim(coalesce(r.presenter, '') || char(10) || coalesce(r.chair_note, '')"
        " || char(10) || coalesce(r.papers, '')), 'item', r.id, m.board_id, m.id, r.id,"
        " NULL, NULL, date(m.scheduled_start)",
        "JOIN meetings m ON m.id = r.meeting_id",
        "1",
        "title, presenter, chair_note, papers",
    ),
    "notes": (
        "coalesce(r.voice_source, ''), r.body, r.kind, r.id, m.board_id, m.id,"
        " r.agenda_item_id, NULL, NULL, date(m.scheduled_start)",
        "JOIN meetings m ON m.id = r.meeting_id",
        "r.deleted_at IS NULL",
        "body, kind, deleted_at, voice_source",
    ),
    "actions": (
        "coalesce(r.owner, ''), r.description || coalesce(char(10) || r.closed_reason, ''),"
        " 'action', r.id, coalesce(m.board_id, ap.board_id), r.meeting_id, r.agenda_item_id,"
        " ap.id, r.plan_item_id, coalesce(date(m.scheduled_start), ap.dated, date(r.created_at))",
        "LEFT JOIN meetings m ON m.id = r.meeting_id"
        " LEFT JOIN plan_items pi ON pi.id = r.plan_item_id"
        " LEFT JOIN action_plans ap ON ap.id = pi.plan_id",
        "r.deleted_at IS NULL",
        "description, owner, closed_reason, deleted_at, meeting_id, agenda_item_id",
    ),
    "plan_items": (
        "r.ref, r.recommendation || char(10) || coalesce(r.lead, '') || char(10)"
        " || coalesce(r.section, ''), 'plan_item', r.id, ap.board_id, NULL, NULL, ap.id, r.id,"
        " coalesce(ap.dated, date(r.created_at))",
        "JOIN action_plans ap ON ap.id = r.plan_id",
        "1",
        "ref, recommendation, lead, section",
    ),
    "status_updates": (
        "coalesce(r.label, ''), r.body, 'update', r.id,"
        " coalesce(ap.board_id, m.board_id, am.board_id), coalesce(r.meeting_id, am.id),"
        " a.agenda_item_id, ap.id, pi.id,"
        " coalesce(date(m.scheduled_start), date(am.scheduled_start), date(r.recorded_at))",
        "LEFT JOIN actions a ON a.id = r.action_id"
        " LEFT JOIN plan_items pi ON pi.id = coalesce(r.plan_item_id, a.plan_item_id)"
        " LEFT JOIN action_plans ap ON ap.id = pi.plan_id"
        " LEFT JOIN meetings m ON m.id = r.meeting_id"
        " LEFT JOIN meetings am ON am.id = a.meeting_id",
        "trim(r.body) <> '' OR coalesce(r.label, '') <> ''",
        "",  # append-only: never updated
    ),
}


def _search_fill(table: str, where: str) -> str:
    values, joins, live, _watched = _SEARCH_SOURCES[table]
    return (
        f"INSERT INTO search_index ({_SEARCH_COLUMNS})"
        f" SELECT r.id * 8 + {SEARCH_CODES[table]}, {values} FROM {table} r {joins}"
        f" WHERE ({live}) AND {where}"
    )


def _search_triggers(table: str) -> list[str]:
    """Keep the index in step with every write to the table, whichever code path makes it."""
    code = SEARCH_CODES[table]
    watched = _SEARCH_SOURCES[table][3]
    drop = f"DELETE FROM search_index WHERE rowid = OLD.id * 8 + {code};"
    statements = [
        f"""CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table}
            BEGIN {_search_fill(table, "r.id = NEW.id")}; END""",
        f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN {drop} END",
    ]
    if watched:
        statements.append(
            f"""CREATE TRIGGER search_{table}_update AFTER UPDATE OF {watched} ON {table}
                BEGIN {drop} {_search_fill(table, "r.id = NEW.id")}; END"""
        )
    return statements


@migrations(name="0004_search_and_voices")
def m0004_search_and_voices(db: Database) -> None:
    """Full-text search kept by triggers; comments as residents' voice and what answered them;
    the chair's round-up draft."""
    statements = [
        "ALTER TABLE notes ADD COLUMN voice INTEGER NOT NULL DEFAULT 0 CHECK (voice IN (0, 1))",
        "ALTER TABLE notes ADD COLUMN voice_source TEXT",
        """CREATE TABLE voice_answers (
            id INTEGER PRIMARY KEY,
            voice_note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
            decision_note_id INTEGER REFERENCES notes (id) ON DELETE CASCADE,
            action_id INTEGER REFERENCES actions (id) ON DELETE CASCADE,
            cannot_do INTEGER NOT NULL DEFAULT 0 CHECK (cannot_do IN (0, 1)),
            reason TEXT,
            created_at TEXT NOT NULL,
            CHECK ((decision_note_id IS NULL) <> (action_id IS NULL)),
            CHECK (cannot_do = 0 OR (decision_note_id IS NOT NULL AND trim(reason) <> ''))
        )""",
        "CREATE UNIQUE INDEX voice_answers_decision ON voice_answers (voice_note_id,"
        " decision_note_id) WHERE decision_note_id IS NOT NULL",
        "CREATE UNIQUE INDEX voice_answers_action ON voice_answers (voice_note_id, action_id)"
        " WHERE action_id IS NOT NULL",
        "CREATE INDEX notes_voice ON notes (meeting_id) WHERE voice = 1",
        """CREATE TABLE roundups (
            meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            generated_at TEXT NOT NULL,
            edited_at TEXT
        )""",
        """CREATE VIRTUAL TABLE search_index USING fts5 (
            title, body, kind UNINDEXED, record_id UNINDEXED, board_id UNINDEXED,
            meeting_id UNINDEXED, item_id UNINDEXED, plan_id UNINDEXED,
            plan_item_id UNINDEXED, day UNINDEXED,
            tokenize = 'porter unicode61 remove_diacritics 2'
        )""",
        # A meeting or a plan moved to another date carries its records' dates with it.
        """CREATE TRIGGER search_meeting_moved AFTER UPDATE OF scheduled_start ON meetings
           BEGIN UPDATE search_index SET day = date(NEW.scheduled_start)
                 WHERE meeting_id = NEW.id; END""",
        """CREATE TRIGGER search_plan_redated AFTER UPDATE OF dated ON action_plans
           WHEN NEW.dated IS NOT NULL
           BEGIN UPDATE search_index SET day = NEW.dated
                 WHERE plan_id = NEW.id AND meeting_id IS NULL AND kind <> 'update'; END""",
    ]
    for table in SEARCH_CODES:
        statements += _search_triggers(table)
        statements.append(_search_fill(table, "1"))
    _run(db, statements)


# -- 0005: where a status update was said ------------------------------------------------------

_APPEND_ONLY_UPDATES = """CREATE TRIGGER status_updates_append_only BEFORE UPDATE ON status_updates
               BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END"""


def _said_on(db: Database) -> dict[int, int]:
    """For updates said in a meeting before 0005: the agenda item each was most likely said on.

    The items of that meeting linked to the update's plan item (or its step's), and the
    step's own item. When any of them is Part 2 (by the one rule, domain.exempt), that one:
    a guess that can only hide an update, never show one. Else the only candidate, if one.
    """
    from board_tui.domain.exempt import Part2
    from board_tui.storage.base import ItemFlag

    part2 = Part2.of(
        ItemFlag(int(r[0]), r[1], bool(r[2]))
        for r in db.execute("SELECT id, parent_id, exempt FROM agenda_items").fetchall()
    )
    found: dict[int, int] = {}
    rows = db.execute(
        """SELECT u.id, i.id FROM status_updates u
           LEFT JOIN actions a ON a.id = u.action_id
           JOIN agenda_items i ON i.meeting_id = u.meeting_id AND (
               i.id = a.agenda_item_id
               OR i.id IN (SELECT agenda_item_id FROM agenda_item_links
                           WHERE plan_item_id = coalesce(u.plan_item_id, a.plan_item_id)))
           WHERE u.meeting_id IS NOT NULL
           ORDER BY u.id, i.parent_id IS NOT NULL, i.position, i.id"""
    ).fetchall()
    candidates: dict[int, list[int]] = {}
    for update_id, item_id in rows:
        candidates.setdefault(int(update_id), []).append(int(item_id))
    for update_id, items in candidates.items():
        exempt = [i for i in items if part2.item(i)]
        if exempt:
            found[update_id] = exempt[0]
        elif len(set(items)) == 1:
            found[update_id] = items[0]
    return found


@migrations(name="0005_update_said_on")
def m0005_update_said_on(db: Database) -> None:
    """Each status update keeps the agenda item it was said on, so one said in Part 2 stays
    Part 2 even on a public plan item; earlier updates get the item they were said on where
    the links show it (the history stays append-only: its trigger is lifted only for this)."""
    _run(
        db,
        [
            "ALTER TABLE status_updates ADD COLUMN agenda_item_id INTEGER"
            " REFERENCES agenda_items (id)",
            "CREATE INDEX status_updates_item ON status_updates (agenda_item_id)"
            " WHERE agenda_item_id IS NOT NULL",
            # What Store.part2() reads: flagged items and sub-items, never the whole table.
            "CREATE INDEX agenda_items_part2 ON agenda_items (meeting_id)"
            " WHERE exempt = 1 OR parent_id IS NOT NULL",
        ],
    )
    said_on = _said_on(db)
    if said_on:
        db.execute("DROP TRIGGER status_updates_append_only")
        for update_id, item_id in said_on.items():
            db.execute(
                "UPDATE status_updates SET agenda_item_id = ? WHERE id = ?", (item_id, update_id)
            )
        db.execute(_APPEND_ONLY_UPDATES)


# -- 0006: updates undone, and where the earlier meetings' updates were said -------------------


@migrations(name="0006_updates_undone")
def m0006_updates_undone(db: Database) -> None:
    """An undo marks an update undone instead of appending a counter-entry: history, search
    and every export leave it out, and the same words said again later show as any update
    does. Updates 0005 could not place get the item the minutes would put them under."""
    _run(
        db,
        [
            """CREATE TABLE status_update_undos (
                update_id INTEGER PRIMARY KEY REFERENCES status_updates (id) ON DELETE CASCADE,
                undone_at TEXT NOT NULL
            )""",
            f"""CREATE TRIGGER search_status_update_undone AFTER INSERT ON status_update_undos
                BEGIN DELETE FROM search_index
                      WHERE rowid = NEW.update_id * 8 + {SEARCH_CODES["status_updates"]}; END""",
            "CREATE INDEX status_updates_meeting ON status_updates (meeting_id, agenda_item_id)",
        ],
    )
    _backfill_said_under(db)
    _convert_undone_entries(db)


def _backfill_said_under(db: Database) -> None:
    """Updates 0005 left without an item: the matters-arising item, for an earlier meeting's
    action updated in a meeting with no Part 2 business (where a guess could show Part 2
    words, the update stays unplaced, out of the minutes as before)."""
    from board_tui.domain.standing_items import matters_arising_home

    with_part2 = {
        int(r[0])
        for r in db.execute("SELECT DISTINCT meeting_id FROM agenda_items WHERE exempt = 1")
    }
    homes: dict[int, int | None] = {}
    for meeting in db.query("SELECT id, matters_arising_item_id FROM meetings"):
        if meeting["id"] in with_part2:
            continue
        titled = [
            (int(r["id"]), str(r["title"]))
            for r in db.query(
                "SELECT id, title FROM agenda_items WHERE meeting_id = ?"
                " ORDER BY parent_id IS NOT NULL, position",
                (meeting["id"],),
            )
        ]
        homes[meeting["id"]] = meeting["matters_arising_item_id"] or matters_arising_home(titled)
    said: list[tuple[int, int]] = []
    for u in db.query(
        """SELECT u.id, u.meeting_id, u.plan_item_id, a.meeting_id AS set_at
           FROM status_updates u LEFT JOIN actions a ON a.id = u.action_id
           WHERE u.meeting_id IS NOT NULL AND u.agenda_item_id IS NULL"""
    ):
        if u["plan_item_id"] is not None or u["set_at"] == u["meeting_id"]:
            continue  # 0005 placed what the links or the action's own item show
        item = homes.get(u["meeting_id"])
        if item is not None:
            said.append((item, u["id"]))
    if said:
        # The history is append-only; this one backfill is the exception, made here.
        db.execute("DROP TRIGGER status_updates_append_only")
        db.conn.executemany("UPDATE status_updates SET agenda_item_id = ? WHERE id = ?", said)
        db.execute(_APPEND_ONLY_UPDATES)


def _convert_undone_entries(db: Database) -> None:
    """Before 0005 an undo appended an "Undone" entry: mark it, and the update it undid."""
    for undo in db.query(
        "SELECT id, action_id, plan_item_id, recorded_at FROM status_updates"
        " WHERE label = 'Undone' ORDER BY id"
    ):
        undid = db.execute(
            """SELECT id FROM status_updates
               WHERE action_id IS ? AND plan_item_id IS ? AND id < ?
                 AND coalesce(label, '') <> 'Undone'
                 AND id NOT IN (SELECT update_id FROM status_update_undos)
               ORDER BY id DESC LIMIT 1""",
            (undo["action_id"], undo["plan_item_id"], undo["id"]),
        ).fetchone()
        for update_id in (undo["id"], undid[0] if undid else None):
            if update_id is not None:
                db.execute(
                    "INSERT OR IGNORE INTO status_update_undos (update_id, undone_at)"
                    " VALUES (?, ?)",
                    (update_id, undo["recorded_at"]),
                )


# -- progress reports: the lead officer's report to a meeting, drafted from the plan ----------


@migrations(name="0007_progress_reports")
def m0007_progress_reports(db: Database) -> None:
    """A progress report's draft, kept as the officer edits it: one per plan, meeting it is
    for (or none) and public or confidential version; the agenda item it is the paper for."""
    _run(
        db,
        [
            """CREATE TABLE progress_reports (
                id INTEGER PRIMARY KEY,
                plan_id INTEGER NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
                meeting_id INTEGER REFERENCES meetings (id) ON DELETE CASCADE,
                confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
                selection TEXT NOT NULL DEFAULT '{}',
                body TEXT NOT NULL,
                generated_at TEXT NOT NULL,
                edited_at TEXT,
                agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
                paper_words TEXT
            )""",
            "CREATE UNIQUE INDEX progress_reports_key"
            " ON progress_reports (plan_id, coalesce(meeting_id, 0), confidential)",
        ],
    )


# -- 0008: a vote on a decision ----------------------------------------------------------------


@migrations(name="0008_decision_votes")
def m0008_decision_votes(db: Database) -> None:
    """A decision's vote: the counts, the names on each side of a recorded vote (JSON lists)
    and the chair's casting vote, allowed only on a tie. Carried or lost is derived, never
    kept, so it cannot disagree with the counts."""
    _run(
        db,
        [
            """CREATE TABLE decision_votes (
                note_id INTEGER PRIMARY KEY REFERENCES notes (id) ON DELETE CASCADE,
                votes_for INTEGER NOT NULL CHECK (votes_for >= 0),
                votes_against INTEGER NOT NULL CHECK (votes_against >= 0),
                abstentions INTEGER NOT NULL CHECK (abstentions >= 0),
                casting TEXT CHECK (casting IS NULL OR
                    (casting IN ('for', 'against') AND votes_for = votes_against)),
                names_for TEXT NOT NULL DEFAULT '[]',
                names_against TEXT NOT NULL DEFAULT '[]',
                names_abstaining TEXT NOT NULL DEFAULT '[]',
                recorded_at TEXT NOT NULL
            )""",
        ],
    )


# -- 0009: excluding the press and public ----------------------------------------------------


@migrations(name="0009_exclusion_grounds")
def m0009_exclusion_grounds(db: Database) -> None:
    """The Schedule 12A paragraph an exempt item is taken in private under (1-7; NULL until
    the clerk chooses), and the law each board excludes the public under: councils the
    Local Government Act 1972, NHS boards the Public Bodies (Admission to Meetings) Act 1960."""
    _run(
        db,
        [
            "ALTER TABLE agenda_items ADD COLUMN exempt_paragraph INTEGER"
            " CHECK (exempt_paragraph IS NULL OR exempt_paragraph BETWEEN 1 AND 7)",
            "ALTER TABLE boards ADD COLUMN exclusion_rule TEXT NOT NULL DEFAULT 'lga1972'"
            " CHECK (exclusion_rule IN ('lga1972', 'nhs1960'))",
        ],
    )


# -- 0010: minute numbers -------------------------------------------------------------------


@migrations(name="0010_minute_numbers")
def m0010_minute_numbers(db: Database) -> None:
    """Each board's minute numbering (domain.minute_numbers): its scheme ('none', 'running'
    "TAB 23/45", or 'meeting' "3.1"), the prefix, and the number the clerk starts the given
    municipal year from. Existing boards keep their agenda numbers ('none')."""
    _run(
        db,
        [
            "ALTER TABLE boards ADD COLUMN minute_scheme TEXT NOT NULL DEFAULT 'none'"
            " CHECK (minute_scheme IN ('none', 'running', 'meeting'))",
            "ALTER TABLE boards ADD COLUMN minute_prefix TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE boards ADD COLUMN minute_start INTEGER NOT NULL DEFAULT 1"
            " CHECK (minute_start >= 1)",
            "ALTER TABLE boards ADD COLUMN minute_start_year INTEGER"
            " CHECK (minute_start_year IS NULL OR minute_start_year BETWEEN 1900 AND 2999)",
        ],
    )


# -- 0011: quorum, and members coming and going ---------------------------------------------


@migrations(name="0011_quorum_and_withdrawals")
def m0011_quorum_and_withdrawals(db: Database) -> None:
    """A board's quorum rule (a number of members, or a fraction of its voting members
    rounded up, and how many independent members it must include; NULLs: no rule), the
    item during which someone arrived or left (the times alone cannot say which item a
    quorum was lost on), and a declaration's kind: a disclosable pecuniary or other
    prejudicial interest means the member withdraws for the item."""
    _run(
        db,
        [
            "ALTER TABLE boards ADD COLUMN quorum_count INTEGER"
            " CHECK (quorum_count IS NULL OR quorum_count > 0)",
            "ALTER TABLE boards ADD COLUMN quorum_numerator INTEGER"
            " CHECK (quorum_numerator IS NULL OR quorum_numerator > 0)",
            "ALTER TABLE boards ADD COLUMN quorum_denominator INTEGER"
            " CHECK (quorum_denominator IS NULL OR quorum_denominator > 0)",
            "ALTER TABLE boards ADD COLUMN quorum_independents INTEGER NOT NULL DEFAULT 0"
            " CHECK (quorum_independents >= 0)",
            "ALTER TABLE attendance ADD COLUMN arrived_item_id INTEGER"
            " REFERENCES agenda_items (id) ON DELETE SET NULL",
            "ALTER TABLE attendance ADD COLUMN left_item_id INTEGER"
            " REFERENCES agenda_items (id) ON DELETE SET NULL",
            "ALTER TABLE declarations ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'"
            " CHECK (kind IN ('pecuniary', 'prejudicial', 'other'))",
        ],
    )


# -- 0012: indexes for what the screens read on a large archive ------------------------------


@migrations(name="0012_hot_query_indexes")
def m0012_hot_query_indexes(db: Database) -> None:
    """Indexes found missing by EXPLAIN QUERY PLAN on a council's archive of 50 boards
    (benchmarks/query_plans.py; benchmarks/PROFILES.md): a meeting's declarations, read on
    every reload of the meeting screen and by its quorum, and a person's, read by search,
    were found by scanning every declaration; the meeting left live, which home and the
    chair's window look for, and the next meeting, where home starts, by reading every
    meeting (2,500 in 27 ms)."""
    _run(
        db,
        [
            "CREATE INDEX declarations_meeting ON declarations (meeting_id, id)",
            "CREATE INDEX declarations_person ON declarations (person_id)",
            "CREATE INDEX meetings_live ON meetings (updated_at) WHERE status = 'live'",
            "CREATE INDEX meetings_upcoming ON meetings (scheduled_start, id)"
            " WHERE status IN ('draft', 'live')",
        ],
    )


# -- 0013: a meeting being run is held by one clerk ------------------------------------------


@migrations(name="0013_meeting_holds")
def m0013_meeting_holds(db: Database) -> None:
    """Who holds each meeting being run (storage/holds.py): a name a colleague can read
    ("mmannion on DS-LAPTOP-4"), the holding app's random token, since when, and when it
    last renewed the hold. A lease, not a lock: one not renewed for a while has lapsed (a
    laptop that crashed or was closed), and the next clerk to open the meeting takes it."""
    _run(
        db,
        [
            """CREATE TABLE meeting_holds (
                meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
                holder TEXT NOT NULL,
                token TEXT NOT NULL,
                since TEXT NOT NULL,
                renewed_at TEXT NOT NULL
            )""",
        ],
    )


MIGRATION_NAMES: tuple[str, ...] = migrations.names
SCHEMA_VERSION = len(MIGRATION_NAMES)


def _connection(db: Database | sqlite3.Connection) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def applied_migrations(db: Database | sqlite3.Connection) -> list[str]:
    """The names applied, in the order they were (none on a new file)."""
    conn = _connection(db)
    if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone():
        return []
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        (MIGRATION_SET,),
    )
    return [str(row[0]) for row in rows]


def check_not_newer(db: Database | sqlite3.Connection, label: str) -> None:
    refuse_unknown(applied_migrations(db), label)


def refuse_unknown(applied: Sequence[str], label: str) -> None:
    """Refuse a database that has applied a migration this version does not know, on
    either engine (storage.postgres_schema reads its own list of names)."""
    unknown = [name for name in applied if name not in MIGRATION_NAMES]
    if unknown:
        raise SchemaTooNewError(
            f"{label}: written by a newer version of board-tui (schema {unknown[-1]}); "
            "upgrade board-tui to open it"
        )


def migrate(
    db: Database | sqlite3.Connection, label: str, *, stop_before: str | None = None
) -> list[str]:
    """Bring the schema up to date; returns the names of the migrations applied."""
    if isinstance(db, sqlite3.Connection):
        from sqlite_utils import Database as Wrapped

        db = Wrapped(db, execute_plugins=False)
    check_not_newer(db, label)
    pending = migrations.pending(db)
    if stop_before is not None:
        pending = pending[: pending.index(stop_before)] if stop_before in pending else pending
    migrations.apply(db, stop_before=stop_before)
    return pending
