"""Named schema migrations.

Rules: a migration is never edited once it has shipped; later work adds a new
``mNNN_what`` step. The first step already covers the whole supervision loop
(plans → outline → tasks → assignments → deadlines → periods → progress → audit),
so later steps add columns, not redesigns.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "duban"
MigrationFn = Callable[[Database], None]

migrations = Migrations(MIGRATION_SET)
# The names this version knows, in order: a file that records any other name was
# written by a newer Duban and is refused.
MIGRATION_NAMES: list[str] = []
MIGRATION_STEPS: list[tuple[str, MigrationFn]] = []  # (name, function), for tests of upgrades


def step(name: str) -> Callable[[MigrationFn], MigrationFn]:
    def register(fn: MigrationFn) -> MigrationFn:
        MIGRATION_NAMES.append(name)
        MIGRATION_STEPS.append((name, fn))
        return migrations(name=name)(fn)

    return register


@step("m001_core_tables")
def m001_core_tables(db: Database) -> None:
    # AUTOINCREMENT: an id is never reused, so a removed plan's audit rows and a feedback
    # form exported from it can never be taken for a later plan's.
    db.executescript(
        """
        CREATE TABLE plans (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            year INTEGER,                          -- plan year: deadlines resolve against it
            doc_number TEXT NOT NULL DEFAULT '',   -- 发文编号 as written
            issuer TEXT NOT NULL DEFAULT '',       -- 发文机关
            issued_on TEXT,                        -- ISO date the plan was issued
            received_on TEXT,                      -- ISO date the office registered it
            preamble TEXT NOT NULL DEFAULT '',     -- intro paragraphs before 一、
            cover TEXT NOT NULL DEFAULT '',        -- cover notice / metadata lines before the title
            source_name TEXT NOT NULL DEFAULT '',
            source_sha256 TEXT NOT NULL DEFAULT '',
            source_size INTEGER,
            imported_at TEXT NOT NULL,
            carried_from_plan_id INTEGER REFERENCES plans(id) ON DELETE SET NULL
        );
        CREATE INDEX plans_source_sha256 ON plans(source_sha256);

        CREATE TABLE outline_nodes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            parent_id INTEGER REFERENCES outline_nodes(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('section', 'subsection', 'item', 'subitem')),
            label TEXT NOT NULL DEFAULT '',        -- as written: 一、 （一） 1. １． ①
            number INTEGER,                        -- the value of the label, 4 for 四、
            title TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',        -- lines such as 责任单位：… kept with the node
            position INTEGER NOT NULL              -- order among siblings, from 0
        );
        CREATE INDEX outline_nodes_plan ON outline_nodes(plan_id, parent_id, position);

        CREATE TABLE departments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE,
            short_name TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,             -- the office's official order
            active INTEGER NOT NULL DEFAULT 1,
            merged_into_id INTEGER REFERENCES departments(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL
        );

        CREATE TABLE department_aliases (
            alias TEXT PRIMARY KEY,
            department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE
        );
        CREATE INDEX department_aliases_department ON department_aliases(department_id);

        CREATE TABLE leaders (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',        -- 副局长 …
            position INTEGER NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );

        CREATE TABLE leader_departments (
            leader_id INTEGER NOT NULL REFERENCES leaders(id) ON DELETE CASCADE,
            department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
            PRIMARY KEY (leader_id, department_id)
        );

        CREATE TABLE tasks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            node_id INTEGER NOT NULL REFERENCES outline_nodes(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,             -- order within the node, from 0
            text TEXT NOT NULL,
            origin TEXT NOT NULL CHECK (origin IN ('imported', 'split', 'added', 'carried')),
            leader_id INTEGER REFERENCES leaders(id) ON DELETE SET NULL,
            suggested_lead TEXT NOT NULL DEFAULT '',
            suggested_cooperating TEXT NOT NULL DEFAULT '[]',   -- JSON list of names
            suggested_deadline TEXT NOT NULL DEFAULT '',
            carried_from_task_id INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
            closed_on TEXT,                        -- 办结 date
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX tasks_node ON tasks(node_id, position);
        CREATE INDEX tasks_plan ON tasks(plan_id);
        CREATE INDEX tasks_leader ON tasks(leader_id);

        CREATE TABLE assignments (
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE RESTRICT,
            role TEXT NOT NULL CHECK (role IN ('lead', 'cooperating')),
            position INTEGER NOT NULL DEFAULT 0,   -- order of cooperating departments
            PRIMARY KEY (task_id, department_id)
        );
        -- Exactly one lead at most: the lead department reports for the task.
        CREATE UNIQUE INDEX assignments_one_lead ON assignments(task_id) WHERE role = 'lead';
        CREATE INDEX assignments_department ON assignments(department_id, role);

        CREATE TABLE deadlines (
            task_id INTEGER PRIMARY KEY REFERENCES tasks(id) ON DELETE CASCADE,
            phrase TEXT NOT NULL,                  -- exactly as typed: 6月底前, 长期坚持
            due_on TEXT,                           -- resolved ISO date; NULL: open-ended/unknown
            kind TEXT NOT NULL,
            milestones TEXT NOT NULL DEFAULT '[]'  -- JSON [{phrase, due, percent}]
        );
        CREATE INDEX deadlines_due ON deadlines(due_on);

        CREATE TABLE reporting_periods (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            name TEXT NOT NULL,                    -- 2020年3月, 2020年第一季度
            kind TEXT NOT NULL CHECK (kind IN ('month', 'quarter', 'half', 'year', 'custom')),
            starts_on TEXT NOT NULL,
            ends_on TEXT NOT NULL,
            feedback_due_on TEXT,                  -- the day departments must report by
            UNIQUE (plan_id, name),
            CHECK (starts_on <= ends_on)
        );
        CREATE INDEX reporting_periods_plan ON reporting_periods(plan_id, ends_on);

        CREATE TABLE progress_entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            period_id INTEGER NOT NULL REFERENCES reporting_periods(id) ON DELETE CASCADE,
            status TEXT NOT NULL
                CHECK (status IN ('not_started', 'on_track', 'behind', 'done', 'postponed')),
            percent INTEGER CHECK (percent BETWEEN 0 AND 100),
            progress TEXT NOT NULL DEFAULT '',     -- 进展情况
            problems TEXT NOT NULL DEFAULT '',     -- 存在问题
            next_steps TEXT NOT NULL DEFAULT '',   -- 下步打算
            reporter TEXT NOT NULL DEFAULT '',
            reported_on TEXT,
            source TEXT NOT NULL DEFAULT 'manual', -- manual / cli / readback
            updated_at TEXT NOT NULL,
            UNIQUE (task_id, period_id)            -- one entry per task and period
        );
        CREATE INDEX progress_entries_period ON progress_entries(period_id, status);

        -- No foreign keys: the log outlives what it describes (a removed plan stays explained).
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT '',        -- the OS user
            source TEXT NOT NULL DEFAULT '',       -- window / cli / import / readback
            action TEXT NOT NULL,                  -- plan.import, task.edit, assign, ...
            entity TEXT NOT NULL,                  -- plan / task / department / ...
            entity_id INTEGER,
            plan_id INTEGER,
            field TEXT NOT NULL DEFAULT '',
            old_value TEXT,
            new_value TEXT,
            summary TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
        CREATE INDEX audit_log_plan ON audit_log(plan_id, id);
        -- The log is append-only: nothing in the program edits or deletes it.
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL                    -- JSON
        );
        """
    )


@step("m002_person_and_original_text")
def m002_person_and_original_text(db: Database) -> None:
    db.executescript(
        """
        -- 责任人: a person in the lead department who answers for the task (optional).
        ALTER TABLE tasks ADD COLUMN person TEXT NOT NULL DEFAULT '';

        -- The text of a plan as the file had it, for each field a conversion changed
        -- (Traditional → Simplified characters): nothing of the file is lost, and the
        -- conversion can be undone.
        CREATE TABLE original_texts (
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            entity TEXT NOT NULL CHECK (entity IN ('plan', 'node', 'task')),
            entity_id INTEGER NOT NULL,
            field TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (entity, entity_id, field)
        );
        CREATE INDEX original_texts_plan ON original_texts(plan_id);
        """
    )


@step("m003_database_identity_and_generations")
def m003_database_identity_and_generations(db: Database) -> None:
    """Who this database is, and which line of its history is the live one.

    - ``database_identity``: one row made here, never changed: a random identity (backups
      carry it, so a backup is restored only into its own database) and the secret that
      signs the keys on feedback forms (made here, so reading never has to write it; a
      secret an earlier version kept in ``settings`` moves here). ``legacy_forms_seq``: the
      change sequence when this step ran — forms of the first format were exported before it.
    - ``database_generations``: a random generation per line of history. A restore starts a
      new one after the change sequence of the restored content (``base_seq``), so a form
      exported from content the restore threw away is recognised.
    - ``plans.generation``: random per plan, new when a plan is imported again.
    - ``progress_entries``: the change sequence of the entry's last write (``recorded_seq``,
      the ``audit_log`` id, which never goes back), and for an entry read from a form, which
      form export it came from and when the sender says it was saved.

    The change sequence is the highest ``audit_log`` id: every change writes the log.
    """
    import datetime as dt
    import json
    import secrets

    row = db.execute("SELECT value FROM settings WHERE key = 'forms.secret'").fetchone()
    secret = secrets.token_hex(16)
    if row is not None:
        try:
            secret = str(json.loads(row[0]))
        except ValueError:
            secret = str(row[0])
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    seq = db.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
    # One statement at a time: executescript() would commit the migration's transaction.
    for statement in M003_STATEMENTS:
        db.execute(statement)
    db.execute("UPDATE progress_entries SET recorded_seq = ?", [seq])
    db.execute(
        "INSERT INTO database_identity (id, identity, form_secret, legacy_forms_seq, created_at)"
        " VALUES (1, ?, ?, ?, ?)",
        [secrets.token_hex(16), secret, seq, now],
    )
    db.execute(
        "INSERT INTO database_generations (generation, base_seq, started_at, reason)"
        " VALUES (?, 0, ?, ?)",
        [secrets.token_hex(16), now, "upgraded" if seq else "created"],
    )


M003_STATEMENTS = (
    """CREATE TABLE database_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        identity TEXT NOT NULL,                -- random, made once
        form_secret TEXT NOT NULL,             -- signs feedback form keys
        legacy_forms_seq INTEGER NOT NULL,     -- first-format forms predate this change
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE database_generations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,  -- order of descent
        generation TEXT NOT NULL UNIQUE,       -- random; a restore starts a new one
        base_seq INTEGER NOT NULL,             -- the change sequence it starts after
        started_at TEXT NOT NULL,
        reason TEXT NOT NULL                   -- created / upgraded / restored
    )""",
    "ALTER TABLE plans ADD COLUMN generation TEXT NOT NULL DEFAULT ''",
    "UPDATE plans SET generation = lower(hex(randomblob(16)))",
    "ALTER TABLE progress_entries ADD COLUMN recorded_seq INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE progress_entries ADD COLUMN form_export TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE progress_entries ADD COLUMN form_saved_at TEXT",
    "DELETE FROM settings WHERE key = 'forms.secret'",
    # Every plan gets its generation, whichever code inserts it (import, carry-over, …).
    """CREATE TRIGGER plans_generation AFTER INSERT ON plans WHEN NEW.generation = ''
        BEGIN UPDATE plans SET generation = lower(hex(randomblob(16))) WHERE id = NEW.id; END""",
)


@step("m004_supervision_workflow")
def m004_supervision_workflow(db: Database) -> None:
    """The steps of a 督办 system beyond 分解 → 反馈 → 通报 (docs/workflow.md).

    - ``plans.kind``: ``work_plan`` (imported from a 工作要点 or a 分解表) or ``ledger``
      (a 督办事项台账 the clerk fills by hand or from a table).
    - ``tasks.source`` (来源: '' = the plan's default, or one of ``domain.workflow.SOURCES``)
      and ``tasks.focus`` (重点督办, 0/1).
    - ``task_targets``: 阶段目标, at most one per task and reporting period.
    - ``postponements``: every 延期 of a task's deadline, old → new, why and who approved;
      the task's original deadline is the ``old_phrase`` of its first postponement.
    - ``instructions``: 领导批示 on a task (date, leader, text).
    - ``confirmation_exports`` / ``confirmation_replies`` / ``confirmation_proposals``: the
      分工确认 round trip — which forms went out, what came back, and each proposed change
      with the clerk's decision.
    """
    for statement in M004_STATEMENTS:
        db.execute(statement)


M004_STATEMENTS = (
    "ALTER TABLE plans ADD COLUMN kind TEXT NOT NULL DEFAULT 'work_plan'"
    " CHECK (kind IN ('work_plan', 'ledger'))",
    "ALTER TABLE tasks ADD COLUMN source TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE tasks ADD COLUMN focus INTEGER NOT NULL DEFAULT 0 CHECK (focus IN (0, 1))",
    """CREATE TABLE task_targets (
        task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        period_id INTEGER NOT NULL REFERENCES reporting_periods(id) ON DELETE CASCADE,
        text TEXT NOT NULL DEFAULT '',         -- 完成初稿
        percent INTEGER CHECK (percent BETWEEN 0 AND 100),
        origin TEXT NOT NULL DEFAULT 'manual', -- manual / plan / confirmation
        updated_at TEXT NOT NULL,
        PRIMARY KEY (task_id, period_id)
    )""",
    "CREATE INDEX task_targets_period ON task_targets(period_id)",
    """CREATE TABLE postponements (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        old_phrase TEXT NOT NULL,              -- the deadline before, as written
        old_due_on TEXT,
        new_phrase TEXT NOT NULL,
        new_due_on TEXT,
        reason TEXT NOT NULL,
        approved_by TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT 'manual', -- manual / confirmation
        recorded_at TEXT NOT NULL
    )""",
    "CREATE INDEX postponements_task ON postponements(task_id, id)",
    """CREATE TABLE instructions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        given_on TEXT NOT NULL,                -- ISO date of the 批示
        leader TEXT NOT NULL,                  -- who gave it, as written
        text TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    )""",
    "CREATE INDEX instructions_task ON instructions(task_id, given_on)",
    """CREATE TABLE confirmation_exports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
        export_key TEXT NOT NULL,              -- the form's identifier, signed
        exported_at TEXT NOT NULL
    )""",
    "CREATE INDEX confirmation_exports_plan ON confirmation_exports(plan_id, department_id)",
    """CREATE TABLE confirmation_replies (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
        export_key TEXT NOT NULL DEFAULT '',
        file_name TEXT NOT NULL DEFAULT '',
        file_sha256 TEXT NOT NULL DEFAULT '',
        signer TEXT NOT NULL DEFAULT '',       -- who filled it in, as written on the form
        received_at TEXT NOT NULL,
        agreed INTEGER NOT NULL DEFAULT 0,     -- rows marked 同意
        objected INTEGER NOT NULL DEFAULT 0    -- rows marked 需调整
    )""",
    "CREATE INDEX confirmation_replies_plan ON confirmation_replies(plan_id, department_id)",
    """CREATE TABLE confirmation_proposals (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        reply_id INTEGER NOT NULL REFERENCES confirmation_replies(id) ON DELETE CASCADE,
        task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
        field TEXT NOT NULL
            CHECK (field IN ('lead', 'cooperating', 'deadline', 'person', 'target')),
        old_value TEXT NOT NULL DEFAULT '',
        proposed_value TEXT NOT NULL,          -- names as written; JSON list for cooperating
        reason TEXT NOT NULL DEFAULT '',
        decision TEXT CHECK (decision IN ('accepted', 'rejected')),  -- NULL: not decided yet
        decided_at TEXT
    )""",
    "CREATE INDEX confirmation_proposals_task ON confirmation_proposals(task_id)",
    "CREATE INDEX confirmation_proposals_reply ON confirmation_proposals(reply_id)",
    # What a proposal names, resolved when the form was read: JSON of the department id
    # (lead), the department ids (cooperating), or the target's period id, text and percent.
    "ALTER TABLE confirmation_proposals ADD COLUMN resolved TEXT NOT NULL DEFAULT ''",
)
