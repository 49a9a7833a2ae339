"""`make demo`: the whole job on the offline PubMed snapshot, from stored searches to report tables.

``python -m reviewkit.demo [--fresh] [--work-dir DIR] [--out DIR] [--snapshot FILE ...]``;
see :mod:`reviewkit.demo.run` for the steps and :mod:`reviewkit.demo.reviewers` for the rule
the simulated reviewers follow.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from reviewkit import reader_gone
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
    # `make demo | head`: ends as the reviewkit commands and `cat` do (exit 141, nothing said)
    try:  # the messages below, written to a closed pipe, too
        with reader_gone.noticed():
            code = _run(run_demo, args)
            reader_gone.flush()  # now, not at exit: a short output meets a closed pipe only here
    except reader_gone.ReaderGone:
        return reader_gone.leave_quietly()
    return code


def _run(run_demo: Callable[..., object], args: argparse.Namespace) -> int:
    """The demo run as ``args`` ask; its exit code, with a message on bad input or Ctrl-C."""
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
