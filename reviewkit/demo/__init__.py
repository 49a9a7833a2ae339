"""`make demo`: the whole job on the offline PubMed snapshot, from stored searches to report tables.

``python -m reviewkit.demo [--fresh] [--work-dir DIR] [--out DIR] [--snapshot FILE ...]``;
see :mod:`reviewkit.demo.run` for the steps and :mod:`reviewkit.demo.reviewers` for the rule
the simulated reviewers follow.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewkit.errors import UserError


def main(argv: list[str] | None = None) -> int:
    """The demo's command line; exit code 2 with a message on bad input."""
    from reviewkit.demo.run import OUT_DIR, WORK_DIR, run_demo
    from reviewkit.demo.source import DEMO_SEED

    parser = argparse.ArgumentParser(
        prog="python -m reviewkit.demo",
        description="make demo: the whole job on the offline PubMed snapshot, from stored "
        "searches to filled report tables. An existing demo project is kept unless --fresh.",
    )
    parser.add_argument(
        "--fresh", action="store_true", help="rebuild the demo projects from scratch"
    )
    parser.add_argument(
        "--work-dir",
        type=Path,
        default=WORK_DIR,
        help="where the demo projects go (default: build/demo)",
    )
    parser.add_argument(
        "--out", type=Path, default=OUT_DIR, help="where the reports go (default: exports)"
    )
    parser.add_argument(
        "--snapshot",
        type=Path,
        action="append",
        metavar="FILE",
        help="PubMed XML file(s) to serve instead of the offline snapshot, read as"
        " 'reviewkit pubmed serve --snapshot' reads them (NLM's pubmedYYnNNNN files by year and"
        " number, baseline before update files; other files in the order given)",
    )
    parser.add_argument(
        "--seed", type=int, default=DEMO_SEED, help="seed of the simulated reviewers"
    )
    args = parser.parse_args(argv)
    try:
        run_demo(
            args.work_dir, args.out, fresh=args.fresh, snapshot_files=args.snapshot, seed=args.seed
        )
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; the next run rebuilds the unfinished demo project", file=sys.stderr)
        return 130
    return 0
