"""The parser against real plans with hand counts (tests/corpus/plans, see docs/parser.md):
the figures may only get better."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.outline import unaccounted_text
from domain.parser import parse_file
from tests.corpus.score import HERE, PLANS, score_folder

ONE_LINE = HERE / "oneline"  # the hold-out plans with their line breaks removed

OUTLINE_AT_LEAST = 0.95
LEAD_AT_LEAST = 0.95
HEADER_AT_LEAST = 0.85  # titles: 26 of 29 today


@pytest.fixture(scope="module")
def score():
    return score_folder(PLANS)


def test_the_corpus_is_there(score) -> None:
    assert len(score.plans) >= 29
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


def test_plans_that_lost_their_line_breaks() -> None:
    """The same real plans copied without their line breaks (as from a web page): the
    outline and the notes are read as from the original; the header is not promised."""
    score = score_folder(ONE_LINE)
    assert len(score.plans) >= 10
    assert score.outline >= 0.90, [(p.name, p.misses) for p in score.plans]
    for habit, tally in score.habits().items():
        assert tally.share >= LEAD_AT_LEAST, (habit, tally)
