"""Errors raised by the store. Each names the file and says what to do next."""

from __future__ import annotations


class StoreError(Exception):
    """Base class for problems with the database file."""

    code = "store"

    def __init__(self, path: str, reason: str, *, code: str | None = None) -> None:
        self.path = path
        self.reason = reason
        if code is not None:
            # A stable short name for the problem ("lock_unwritable", ...): the window and
            # the command line say it in the clerk's language; ``reason`` is the English.
            self.code = code
        super().__init__(f"{path}: {reason}")


class NotADubanDatabase(StoreError):
    """The file exists but is not a Duban database (another SQLite file, or not SQLite)."""

    code = "not_duban"


class NewerSchemaError(StoreError):
    """The file was written by a newer version of Duban; it is left untouched."""

    code = "newer_schema"


class NotFound(LookupError):
    """A record asked for by id or name does not exist."""


class InvalidValue(ValueError):
    """A value given to a repository function breaks a rule (empty name, duplicate, ...)."""
