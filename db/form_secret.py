"""The per-database secret that signs the keys printed on feedback forms, and the stamp a
form export carries.

The secret is made with the database (``m003_database_identity_and_generations``; a secret
an earlier version kept in ``settings`` moved there), so reading never has to write it: an
export or a dry run works read-only, also while the window holds the file. It is never
shown or exported with the settings, and travels with the database file, so forms sent
from one office's data are recognised when they come back to the same data.

A ``FormStamp`` binds a form to more than row ids (which a restore can hand out again):
the database's identity, the plan's generation (new when the plan is imported again), and
the database generation and change sequence the form was exported at (``db.identity``);
the stamp itself and the keys it signs are ``domain.form_keys``.
"""

from __future__ import annotations

from sqlite_utils import Database

from db.identity import change_seq, current_generation, database_identity
from domain.form_keys import GENERATION_DIGITS, FormStamp

__all__ = ["GENERATION_DIGITS", "FormStamp", "form_secret", "form_stamp"]


def form_secret(db: Database) -> bytes:
    """The secret (read only: it is made with the database)."""
    return database_identity(db).form_secret


def form_stamp(db: Database, plan_id: int, plan_generation: str) -> FormStamp:
    """The stamp for forms of ``plan_id`` exported now (read only)."""
    identity = database_identity(db)
    return FormStamp(
        secret=identity.form_secret,
        identity=identity.identity,
        plan_id=plan_id,
        plan_generation=plan_generation,
        generation=current_generation(db).generation[:GENERATION_DIGITS],
        seq=change_seq(db),
    )
