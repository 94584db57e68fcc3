"""A PC whose clock is wrong, for a child process: Python imports this module at start-up
when its folder is on PYTHONPATH, and it moves the process's clock by ``DUBAN_TEST_CLOCK_DAYS``
days (negative: back, as after a flat CMOS battery) — ``datetime.now()``, ``date.today()``
and ``time.time()`` alike. Used by ``tests.unprivileged.run_main(clock_days=…)`` only."""

import datetime as _datetime
import os as _os
import time as _time

_DAYS = float(_os.environ.get("DUBAN_TEST_CLOCK_DAYS") or 0)

if _DAYS:
    _OFFSET = _datetime.timedelta(days=_DAYS)
    _real_time = _time.time

    class _WrongDatetime(_datetime.datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def]
            return super().now(tz) + _OFFSET

        @classmethod
        def today(cls):  # type: ignore[no-untyped-def]
            return super().today() + _OFFSET

    class _WrongDate(_datetime.date):
        @classmethod
        def today(cls):  # type: ignore[no-untyped-def]
            return _WrongDatetime.now().date()

    _datetime.datetime = _WrongDatetime  # type: ignore[misc]
    _datetime.date = _WrongDate  # type: ignore[misc]
    _time.time = lambda: _real_time() + _OFFSET.total_seconds()
