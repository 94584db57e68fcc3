"""Errors raised for bad input files.

Every error names the file and, where it can, the place in it, and says what the
clerk can do next. The command line turns these into exit code 2; the window shows
the message as it is.
"""

from __future__ import annotations

from pathlib import Path


class PlanInputError(Exception):
    """A work-plan file that cannot be read or understood.

    ``where`` is a human place such as "line 12" or "word/document.xml"; ``reason``
    says what is wrong and, where possible, what to do about it.
    """

    def __init__(
        self,
        path: str | Path | None,
        reason: str,
        where: str | None = None,
        *,
        code: str = "unreadable",
    ) -> None:
        self.path = str(path) if path is not None else None
        self.reason = reason
        self.where = where
        # A stable short code ("empty", "not_docx", "too_large", ...) so the window can
        # show its own translated wording; ``reason`` is the English text.
        self.code = code
        super().__init__(self.message)

    @property
    def message(self) -> str:
        parts = [p for p in (self.path, self.where) if p]
        prefix = ": ".join(parts)
        return f"{prefix}: {self.reason}" if prefix else self.reason
