"""The program's version, from one source: ``version`` in pyproject.toml.

A checkout reads pyproject.toml itself (so a version raised there shows at once, even
before ``pip install -e .`` is run again); an installed copy — ``pip install .``, or the
bundle, which carries the package's metadata — reads the installed metadata.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "duban"
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def pyproject_version(path: Path = PYPROJECT) -> str | None:
    """The version pyproject.toml at ``path`` gives for Duban; None without such a file."""
    try:
        project = tomllib.loads(path.read_text(encoding="utf-8")).get("project", {})
    except (OSError, ValueError):
        return None
    if project.get("name") != DISTRIBUTION:
        return None
    found = project.get("version")
    return found if isinstance(found, str) else None


@functools.cache
def version() -> str:
    """The running program's version, e.g. "0.1.0"."""
    in_checkout = pyproject_version()
    if in_checkout:
        return in_checkout
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"
