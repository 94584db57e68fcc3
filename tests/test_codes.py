"""Task codes as typed: one matcher for the window's search and the command line."""

from __future__ import annotations

import pytest

from domain.codes import code_matches, code_query

CODES = ["1.1.1-1", "1.1.1-2", "1.1.1-10", "1.1.2-1", "11.1.1-1", "4-2", "14-2"]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("1.1.1-1", ["1.1.1-1"]),  # not 1.1.1-10
        ("1.1.1-", ["1.1.1-1", "1.1.1-2", "1.1.1-10"]),  # every task of the item
        ("４－２", ["4-2"]),  # full-width, as a Chinese input method types it
        ("4-", ["4-2"]),  # not 14-2
        (" 14-2 ", ["14-2"]),
    ],
)
def test_a_code_names_exactly_its_tasks(typed: str, found: list[str]) -> None:
    query = code_query(typed)
    assert query is not None
    assert [c for c in CODES if code_matches(c, query)] == found


@pytest.mark.parametrize("typed", ["学习", "2020", "1.5亿", "4 - 2", "-2", ""])
def test_words_and_numbers_are_not_codes(typed: str) -> None:
    assert code_query(typed) is None


def test_the_command_line_finds_a_task_by_the_same_rule(seeded_db) -> None:
    from cli.task_commands import find_task
    from db.plans import list_plans
    from db.tasks import list_tasks

    rows = list_tasks(seeded_db)
    plan = list_plans(seeded_db)[0]
    assert find_task(rows, plan, "４－２").code == "4-2"
    assert find_task(rows, plan, "1-1").code == "1-1"  # not 1-10 … or 11-1
