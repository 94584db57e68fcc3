"""The sample plan (Qingdao 2020, Traditional characters) and the sample directory of
departments and leaders behind ``--demo``, the tests and the benchmarks.

They are package data, so a checkout, an installed copy and the bundled program all find
them the same way.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from importlib.resources import as_file, files
from pathlib import Path

PLAN = "qingdao-2020-education-workplan.txt"
DEPARTMENTS = "departments.txt"
LEADERS = "leaders.txt"


def read_text(name: str) -> str:
    """The text of one of the sample files."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def sample_file(name: str) -> AbstractContextManager[Path]:
    """A real file path for one of the sample files, for ``with`` (it is one already in a
    checkout, an installed copy and the bundle)."""
    return as_file(files(__name__).joinpath(name))
