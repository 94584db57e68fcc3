"""Crash safety: a working Duban process is SIGKILLed at random moments and nothing it
reported as saved may be lost, nothing may be left half-written (see
``tests/reliability/crash.py`` for what each round checks).

Every test run does a fast subset: 10 kills on one database (about 15–20 s). The full run of
120 kills (about 3 minutes) is skipped unless the environment asks for it:

    DUBAN_KILLS=120 .venv/bin/python -m pytest tests/test_crash_safety.py -k full

``DUBAN_KILLS`` is the number of kills (at least 1); ``DUBAN_KILLS_SEED`` picks another
schedule (default 0). The reliability report (``python -m tests.reliability``) calls the
same ``run_kills(120, …)``.

Also here: the clean-up of temporary files that a killed export leaves beside the documents.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from docx import Document

from exports.files import STALE_TEMP_SECONDS, remove_stale_temps, write_atomic
from tests.reliability.crash import CrashResult, run_kills

FAST_KILLS = 10


def _explain(result: CrashResult) -> str:
    return result.summary() + "\n" + "\n".join(result.failures[:30])


def test_kills_at_random_moments_lose_nothing(tmp_path: Path) -> None:
    result = run_kills(FAST_KILLS, tmp_path / "crash", seed=7)
    assert result.failures == [], _explain(result)
    assert (result.kills, result.survived) == (FAST_KILLS, FAST_KILLS), _explain(result)
    # The workers did real work between the kills, and were not all killed at start-up.
    assert sum(result.operations.values()) >= FAST_KILLS, _explain(result)
    assert result.interrupted.get("startup", 0) < FAST_KILLS


@pytest.mark.slow
@pytest.mark.skipif(
    not os.environ.get("DUBAN_KILLS"), reason="the full crash run: set DUBAN_KILLS=120"
)
def test_full_crash_run(tmp_path: Path) -> None:
    kills = max(1, int(os.environ["DUBAN_KILLS"]))
    seed = int(os.environ.get("DUBAN_KILLS_SEED", "0"))
    result = run_kills(kills, tmp_path / "crash", seed=seed)
    assert result.failures == [], _explain(result)
    assert result.survived == result.kills == kills, _explain(result)


# -- temporary files left by a killed export --------------------------------------------------


def _age(path: Path, seconds: float) -> None:
    old = time.time() - seconds
    os.utime(path, (old, old))


def test_stale_temporary_files_are_removed_by_the_next_export(tmp_path: Path) -> None:
    """A kill between writing and renaming leaves ``.name.1a2b3c4d.part`` (or ``.staged``
    for a folder of forms); Windows shows it beside the documents. The next export into
    the folder removes it once it is clearly nobody's (older than STALE_TEMP_SECONDS)."""
    stale = [
        tmp_path / ".通报.1a2b3c4d.part",
        tmp_path / ".01-组织干部处-进展情况反馈表.0f0f0f0f.staged",
        tmp_path / "..01-组织干部处-进展情况反馈表.0f0f0f0f.12345678.part",
    ]
    young = tmp_path / ".分解表.abcdef01.part"  # an export still writing: kept
    other = [tmp_path / ".hidden-notes.txt", tmp_path / "草稿.part", tmp_path / ".x.1234.part"]
    for path in [*stale, young, *other]:
        path.write_bytes(b"PK\x03\x04 half a document")
    for path in [*stale, *other]:
        _age(path, STALE_TEMP_SECONDS + 60)

    doc = Document()
    doc.add_paragraph("进展情况")
    buffer = io.BytesIO()
    doc.save(buffer)
    target = write_atomic(buffer.getvalue(), tmp_path / "进展情况通报.docx")

    assert Document(str(target)).paragraphs[0].text == "进展情况"
    assert not any(p.exists() for p in stale)
    assert young.exists() and all(p.exists() for p in other)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith((".part", ".staged"))) == [
        ".x.1234.part",
        ".分解表.abcdef01.part",
        "草稿.part",
    ]


def test_removing_stale_temporary_files_never_fails(tmp_path: Path) -> None:
    assert remove_stale_temps(tmp_path / "missing") == 0
    folder = tmp_path / ".名称.1a2b3c4d.part"  # a folder with a temporary file's name
    folder.mkdir()
    _age(folder, STALE_TEMP_SECONDS + 60)
    assert remove_stale_temps(tmp_path) == 0 and folder.is_dir()
