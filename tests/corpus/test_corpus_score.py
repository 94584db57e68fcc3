"""The parser against real plans with hand counts (tests/corpus/plans, see docs/parser.md):
the figures may only get better."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.outline import unaccounted_text
from domain.parser import parse_file
from tests.corpus.score import PLANS, score_folder

OUTLINE_AT_LEAST = 0.95
LEAD_AT_LEAST = 0.95
HEADER_AT_LEAST = 0.90


@pytest.fixture(scope="module")
def score():
    return score_folder(PLANS)


def test_the_corpus_is_there(score) -> None:
    assert len(score.plans) >= 19
    for plan in score.plans:
        assert (PLANS / f"{plan.name}.expected.json").exists()


def test_outline_score(score) -> None:
    assert score.outline >= OUTLINE_AT_LEAST, [(p.name, p.misses) for p in score.plans]


def test_lead_suggestions_in_every_habit(score) -> None:
    habits = score.habits()
    assert {"fields", "fields-commas", "lead-coop-paren", "unit-list"} <= set(habits)
    for habit, tally in habits.items():
        assert tally.share >= LEAD_AT_LEAST, (habit, tally)


def test_header_fields(score) -> None:
    for field, share in score.header().items():
        assert share >= HEADER_AT_LEAST, field


@pytest.mark.parametrize("path", sorted(PLANS.glob("*.txt")), ids=lambda p: p.stem)
def test_nothing_is_lost_in_any_real_plan(path: Path) -> None:
    plan, source = parse_file(path)
    assert unaccounted_text(source.lines, plan) == ("", "")
