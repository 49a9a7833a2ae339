"""Run the benchmarks: ``python -m benchmarks [NAME ...]`` (``make bench`` runs them all).

Each ``benchmarks/bench_NAME.py`` defines ``main(results_dir: Path) -> dict`` that measures,
writes ``results/NAME.json`` and returns the figures. Results are committed so that closing
notes can quote them; rerun to refresh.

The sweeps' last-run files (``results/bad-input-sweep-last-run.md``,
``results/mutation-sweep-last-run.md``: a whole run's counts and every flag, written over by
the next whole run) are results too, and are committed with the commit whose code they ran: the
flags a reviewer reads are those of the code merged, and a file left out of git was read by no
one (the mutation sweep's was never committed). Their rounds are kept by hand beside them.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


def available() -> list[str]:
    return sorted(
        m.name[len("bench_") :]
        for m in pkgutil.iter_modules([str(HERE)])
        if m.name.startswith("bench_")
    )


def main(argv: list[str]) -> int:
    if argv[:1] == ["dedup-stress"]:  # its own arguments; not in the default run (minutes)
        from benchmarks.dedup_stress import main as dedup_stress

        return dedup_stress(argv[1:])
    if argv[:1] == ["notices"]:  # its own module (notices attached to their articles)
        from benchmarks.notices import main as notices

        return notices(argv[1:])
    if argv[:1] == ["study-links"]:  # its own module (study links from cues; about 2 minutes)
        from benchmarks.study_links import main as study_links

        return study_links(argv[1:])
    names = argv or available()
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available())}",
            file=sys.stderr,
        )
        return 2
    RESULTS.mkdir(exist_ok=True)
    for name in names:
        print(f"== benchmark {name}", flush=True)
        started = time.time()
        module = importlib.import_module(f"benchmarks.bench_{name}")
        figures = module.main(RESULTS)
        (RESULTS / f"{name}.json").write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
        print(
            f"   done in {time.time() - started:.1f} s -> {RESULTS / (name + '.json')}", flush=True
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
