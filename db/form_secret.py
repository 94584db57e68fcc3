"""The per-database secret that signs the keys printed on feedback forms, and the stamp a
form export carries.

The secret is made with the database (``m002_database_identity_and_generations``; a secret
an earlier version kept in ``settings`` moved there), so reading never has to write it: an
export or a dry run works read-only, also while the window holds the file. It is never
shown or exported with the settings, and travels with the database file, so forms sent
from one office's data are recognised when they come back to the same data.

A ``FormStamp`` binds a form to more than row ids (which a restore can hand out again):
the database's identity, the plan's generation (new when the plan is imported again), and
the database generation and change sequence the form was exported at (``db.identity``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlite_utils import Database

from db.identity import change_seq, current_generation, database_identity

GENERATION_DIGITS = 8  # of the database generation, printed in the form id


def form_secret(db: Database) -> bytes:
    """The secret (read only: it is made with the database)."""
    return database_identity(db).form_secret


@dataclass(frozen=True)
class FormStamp:
    """What the keys of one plan's forms are signed over, as exported now."""

    secret: bytes
    identity: str
    plan_id: int
    plan_generation: str
    generation: str  # the first GENERATION_DIGITS of the database generation
    seq: int  # the change sequence at the export
    version: int = 2  # 1: a form of the first format (keys over the row ids alone)

    def of_form(self, plan_id: int, generation: str, seq: int, version: int) -> FormStamp:
        """The stamp a form claims to carry, for checking its keys."""
        return replace(self, plan_id=plan_id, generation=generation, seq=seq, version=version)


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
