"""The outline window on the sample plan (real widgets, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTreeView
from sqlite_utils import Database

from db.plans import list_plans
from qtapp.models.outline_model import OutlineModel

pytestmark = pytest.mark.gui


def test_outline_model_passes_the_model_tester(qtmodeltester, seeded_db: Database) -> None:
    model = OutlineModel()
    model.load(seeded_db, list_plans(seeded_db))
    qtmodeltester.check(model)
    plan_index = model.index(0, 0)
    assert model.data(plan_index) == "2020年全市教育工作要點"
    assert model.rowCount(plan_index) == 6
    section = model.index(0, 0, plan_index)
    assert model.data(section) == "一、加強黨的領導,提升教育治理水平"
    assert model.rowCount(section) == 5
    assert model.data(model.index(0, 0, section)) == "1.深入學習貫徹黨的十九屆四中全會精神。"


def test_window_opens_on_the_demo_database(qtbot, tmp_path) -> None:
    from cli.demo import prepare_demo
    from qtapp.app import build_window

    window = build_window(prepare_demo(tmp_path / "demo.sqlite3"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    tree = window.findChild(QTreeView, "outlineTree")
    assert tree is not None
    model = tree.model()
    assert model.rowCount(model.index(0, 0)) == 6
