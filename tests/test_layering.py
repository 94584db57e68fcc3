"""The layers stay apart: the store, the documents, the domain rules and the command
line never load Qt (they run in scripts and worker threads without a GUI)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _modules(package: str) -> list[str]:
    return sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in (ROOT / package).rglob("*.py")
    )


@pytest.mark.parametrize("package", ["db", "exports", "domain", "cli"])
def test_package_imports_no_pyside6(package: str) -> None:
    modules = _modules(package)
    assert modules, f"{package}/ has no modules to check"
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(len(sys.modules)); sys.exit(1 if loaded else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"{package}/ loads PySide6:\n{result.stdout}{result.stderr}"
    assert int(result.stdout.strip()) > 20  # the modules really were imported


def test_the_store_does_not_import_the_documents() -> None:
    """db/ sits below exports/: what both need (form keys, statuses) lives in domain/."""
    modules = _modules("db")
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'exports' or m.startswith('exports.'))\n"
        "print(loaded); sys.exit(1 if loaded else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"db/ loads exports/: {result.stdout}{result.stderr}"


def test_ui_package_holds_no_sql() -> None:
    """SQL lives in db/: no widget or model module talks to SQLite directly."""
    offenders = []
    for path in (ROOT / "qtapp").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for marker in ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "import sqlite3"):
            if marker in text:
                offenders.append(f"{path.relative_to(ROOT)}: {marker.strip()}")
    assert not offenders, offenders
