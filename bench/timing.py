"""Timing: medians of several runs, and a figure set beside its baseline."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


def median_seconds(
    run: Callable[[], Any], *, repeat: int = 5, setup: Callable[[], Any] | None = None
) -> float:
    """The median wall time of ``run`` over ``repeat`` runs (``setup`` before each, untimed).
    The garbage collector is run before, not during, each timing."""
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        gc.collect()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


@dataclass
class Figure:
    """One measured figure: ``value`` against ``baseline`` (both seconds, medians), the ratio
    value/baseline, and the target when the project has one."""

    name: str
    scale: str  # "150 tasks", "50,000 tasks / 1,000,000 entries" …
    value: float
    baseline: float | None
    baseline_name: str
    target: str = ""  # "≤ 0.100 s", "ratio ≤ 2", "baseline/value ≥ 10" …
    met: bool | None = None  # None: no target
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio}


def ms(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.2f} ms"
