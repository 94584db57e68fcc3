"""The reliability figures in docs/reliability.md, measured again:

    python -m tests.reliability                 # 120 kills, the corpus, 20 restores, office faults
    python -m tests.reliability --kills 12 --restores 5 --rounds 1 --json figures.json

Exit status 0 only when every kill was survived, every bad input handled cleanly, every
damaged file restored and every office-fault scenario held.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.reliability", description=__doc__)
    parser.add_argument("--kills", type=int, default=120, help="SIGKILL rounds (default 120)")
    parser.add_argument("--restores", type=int, default=20, help="damage-and-restore rounds")
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of each office-fault scenario (default 3)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures here")
    args = parser.parse_args(argv)

    from tests.reliability.bad_inputs import run_corpus
    from tests.reliability.crash import run_kills
    from tests.reliability.office_faults import run_office_faults
    from tests.reliability.restores import run_restores

    figures: dict[str, dict] = {}
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="duban-reliability-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        crash = run_kills(args.kills, work / "crash", seed=args.seed)
        figures["kills"] = {"survived": crash.survived, "total": crash.kills,
                            "operations": crash.operations, "interrupted": crash.interrupted,
                            "leftovers": len(crash.leftovers),
                            "cleaned_leftovers": crash.cleaned_leftovers,
                            "wal_left": crash.wal_left,
                            "seconds": round(time.perf_counter() - started, 1)}  # fmt: skip
        failures += [f"kill: {f}" for f in crash.failures]
        print(f"Crash safety   {crash.summary()}", flush=True)

        started = time.perf_counter()
        corpus = run_corpus(work / "corpus")
        peaks = [o.peak_rss_mb for o in corpus.outcomes if o.peak_rss_mb is not None]
        figures["bad_inputs"] = {"clean": corpus.clean, "tried": corpus.tried,
                                 "files": len({o.case for o in corpus.outcomes}),
                                 "peak_mb_in_children": round(max(peaks, default=0), 1),
                                 "seconds": round(time.perf_counter() - started, 1)}  # fmt: skip
        failures += [f"bad input: {f}" for f in corpus.failures]
        print(f"Bad inputs     {corpus.clean}/{corpus.tried} handled cleanly", flush=True)

        started = time.perf_counter()
        restores = run_restores(work / "restores", rounds=args.restores, seed=args.seed)
        figures["restores"] = {"restored": restores.restored, "tried": restores.tried,
                               "by_damage": restores.by_damage,
                               "seconds": round(time.perf_counter() - started, 1)}  # fmt: skip
        failures += [f"restore: {f}" for f in restores.failures]
        print(f"Backups        {restores.restored}/{restores.tried} damaged files restored")

        started = time.perf_counter()
        office = run_office_faults(work / "office", rounds=args.rounds, seed=args.seed)
        figures["office_faults"] = {"passed": office.passed, "tried": office.tried,
                                    "by_scenario": office.by_scenario, "figures": office.figures,
                                    "seconds": round(time.perf_counter() - started, 1)}  # fmt: skip
        failures += [f"office fault: {f}" for f in office.failures]
        print(f"Office faults  {office.passed}/{office.tried} runs held "
              f"({len(office.by_scenario)} scenarios)")  # fmt: skip
        for name, (held, tried) in office.by_scenario.items():
            print(f"  {name:<42} {held}/{tried}")
        for name, value in office.figures.items():
            print(f"  {name:<42} {value}")
    for failure in failures:
        print(f"  FAILED {failure}")
    if args.json:
        args.json.write_text(
            json.dumps({**figures, "failures": failures}, ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
