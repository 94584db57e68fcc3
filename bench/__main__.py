"""python -m bench [--quick] [--json PATH] [--repeat N] — see bench/README.md."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

Say = Callable[[str], None]
BUILD_VERSION = 1  # bump when bench/synthetic.py makes different files
# tasks, plans in the file, with progress periods, which figures
SCALES = {
    150: (1, True, ("parse", "startup", "desk", "docs", "dashboard", "targets")),
    5_000: (1, True, ("parse", "startup", "desk", "docs", "dashboard", "targets")),
    10_000: (1, False, ("table",)),
    50_000: (2, True, ("parse", "startup", "desk", "docs", "dashboard", "targets")),
}


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("Duban", appauthor=False)) / "bench" / f"v{BUILD_VERSION}"


def built(tasks: int, rebuild: bool, say: Say) -> tuple[Path, dict]:
    """The synthetic database of ``tasks`` tasks, built once and kept in the cache."""
    from bench.synthetic import build_database

    plans, periods, _ = SCALES[tasks]
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"tasks-{tasks}.sqlite3"
    info_path = path.with_suffix(".json")
    if rebuild or not (path.exists() and info_path.exists()):
        for stale in folder.glob(f"tasks-{tasks}*"):
            stale.unlink()
        say(f"building the {tasks:,}-task database (once; kept in {folder}) …")
        started = time.perf_counter()
        info = build_database(path, tasks, plans=plans, periods=periods)
        info["build_seconds"] = round(time.perf_counter() - started, 1)
        info_path.write_text(json.dumps(info), encoding="utf-8")
    return path, json.loads(info_path.read_text(encoding="utf-8"))


def run(tasks: int, repeat: int, rebuild: bool, say: Say, only: tuple[str, ...] = ()) -> list:
    from bench import figures
    from bench.figures import Scale

    source, info = built(tasks, rebuild, say)
    _plans, _periods, wanted = SCALES[tasks]
    out = []
    with tempfile.TemporaryDirectory(prefix="duban-bench-") as tmp:
        work = Path(tmp)
        plan_file = source.with_name(f"{source.stem}-plan2020.txt")  # made with the file
        scale = Scale(tasks, figures.copy_database(source, work), plan_file, work, repeat,
                      info["plan_id"], info["entries"])  # fmt: skip
        steps = {
            "parse": figures.parse_and_import,
            "startup": figures.startup,
            "desk": lambda s: figures.desk(s, assign=True),
            "table": lambda s: figures.desk(s, assign=False),
            "docs": lambda s: figures.docs(s, naive_repeat=1 if tasks >= 50_000 else None),
            "dashboard": figures.dashboard_figures,
            "targets": figures.target_lights,
        }
        for name in wanted:
            if only and name not in only:
                continue
            say(f"  {tasks:,} tasks: {name} …")
            out += steps[name](scale)
    return out


def table(rows: list) -> str:
    from bench.timing import ms

    head = ("figure", "scale", "value", "baseline", "ratio", "target", "met?")
    lines = [
        (
            f.name,
            f.scale,
            ms(f.value),
            f"{ms(f.baseline)} ({f.baseline_name})",
            f"{f.ratio:.2f}" if f.ratio is not None else "—",
            f.target or "—",
            {True: "yes", False: "NO", None: "—"}[f.met],
        )
        for f in rows
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *lines, strict=True)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([fmt.format(*head), fmt.format(*("-" * w for w in widths))] +
                     [fmt.format(*line) for line in lines])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="only the small scale (150 tasks)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures here")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--rebuild", action="store_true", help="build the databases again")
    parser.add_argument("--scale", type=int, action="append", choices=sorted(SCALES),
                        help="only these scales (repeatable)")  # fmt: skip
    parser.add_argument("--only", action="append", default=[], metavar="STEP",
                        choices=sorted({n for *_, names in SCALES.values() for n in names}),
                        help="only these groups of figures, e.g. dashboard")  # fmt: skip
    args = parser.parse_args(argv)

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    scales = args.scale or ([150] if args.quick else sorted(SCALES))
    repeat = min(args.repeat, 3) if args.quick else args.repeat
    started = time.perf_counter()
    rows = []
    for tasks in scales:
        rows += run(tasks, repeat, args.rebuild, say, tuple(args.only))
    print(table(rows))
    missed = [f for f in rows if f.met is False]
    print(f"\n{len(rows)} figures, {sum(f.met is True for f in rows)} targets met, "
          f"{len(missed)} missed; {time.perf_counter() - started:.0f} s")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps({
            "machine": {"python": platform.python_version(), "system": platform.platform(),
                        "cpus": os.cpu_count()},
            "repeat": repeat,
            "figures": [f.as_dict() for f in rows],
        }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
