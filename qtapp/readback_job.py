"""Reading returned forms on the worker thread: the files not read yet, the period they were
sent for, and the preview of what they would change."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlite_utils import Database

from db.connection import connect
from db.progress import list_periods
from db.readback import ReadbackPreview, preview_readback
from exports.readback import FilledForm, FormError, read_filled_form

Forms = dict[Path, FilledForm | FormError]


def read_and_preview(
    db_path: str,
    paths: list[Path],
    cached: Forms,
    plan_id: int,
    period_id: int | None,
    choose_period: bool,
) -> tuple[Forms, int | None, ReadbackPreview | None]:
    """Runs on the worker thread: read the files not read yet, take the period from the
    forms when asked, and preview."""
    forms = {p: cached[p] if p in cached else read_filled_form(p) for p in paths}
    db = connect(db_path)
    try:
        if choose_period:
            period_id = forms_period(db, plan_id, forms) or period_id
        preview = (
            preview_readback(db, list(forms.values()), plan_id=plan_id, period_id=period_id)
            if forms and period_id is not None
            else None
        )
    finally:
        db.close()
    return forms, period_id, preview


def forms_period(db: Database, plan_id: int, forms: Forms) -> int | None:
    """The period most of the forms were exported for (of this plan's periods; the later
    one on a tie), None when no form names one."""
    known = {p.id: p.ends_on for p in list_periods(db, plan_id)}
    named = Counter(
        f.form_id.period_id
        for f in forms.values()
        if isinstance(f, FilledForm)
        and f.form_id
        and f.form_id.plan_id == plan_id
        and f.form_id.period_id in known
    )
    return max(named, key=lambda p: (named[p], known[p])) if named else None
