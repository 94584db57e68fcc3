"""The benchmark suite runs (``python -m bench --quick``): every figure is measured against
its baseline and written to the JSON file. Timings are not judged here — a test machine is
too noisy for that; ``python -m bench`` on a quiet machine is where the targets are checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.__main__ import main
from bench.startup import bundled_program

pytestmark = pytest.mark.gui

EXPECTED = {
    "parse a plan",
    "import a plan",
    "start-up to a filled table",
    "table: open a plan (load + fill)",
    "table: a filter keystroke",
    "assign 150 tasks (one undo step)",
    "undo assigning 150 tasks",
    "decomposition table vs naive python-docx",
    "decomposition table vs the floor",
    "progress report (通报)",
    "dashboard figures",
    "dashboard lights with 阶段目标",
}


def test_the_quick_benchmark_measures_every_figure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "figures.json"
    assert main(["--quick", "--repeat", "1", "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    figures = data["figures"]
    # The bundled program is measured beside the others when it has been built.
    bundled = {"start-up, bundled program"} if bundled_program() else set()
    assert {f["name"] for f in figures} == EXPECTED | bundled
    for figure in figures:
        assert figure["scale"] == "150 tasks"
        assert figure["value"] > 0 and figure["baseline"] > 0, figure
        assert figure["ratio"] == pytest.approx(figure["value"] / figure["baseline"])
        assert (figure["met"] is None) == (figure["target"] == ""), figure
    printed = capsys.readouterr().out
    assert "start-up to a filled table" in printed and "targets met" in printed
