"""The dedup rules audit: each rule asked alone on every candidate pair of the labelled sets.

``python -m benchmarks.dedup_audit [SET ...]`` (default: the six benchmark sets and the four
held-out ones) reads each set the way :mod:`benchmarks.bench_dedup` does, forms the candidate
pairs the engine compares (:func:`reviewkit.dedup.block.candidate_pairs`) and asks every rule of
:data:`reviewkit.dedup.rules.RULES` on each pair by itself, not only the first rule that
applies as :func:`reviewkit.dedup.rules.compare` does. A rule "alone" counts the pairs it would
merge; of them, those the labels keep apart, by set and by the rule that decides them first.
Writes ``benchmarks/results/dedup-audit.md`` (for the sets named: naming some replaces the
table of all ten); the figures quoted in ``dedup.md`` ("The audit")
come from it. Not a ``bench_*`` module, so ``python -m benchmarks`` does not run it.
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.bench_dedup import HELD_OUT, SETS, load_records, pairs_of, true_clusters

RESULTS = Path(__file__).resolve().parent / "results" / "dedup-audit.md"


@dataclass
class RuleTally:
    """One rule asked alone: pairs it would merge per set, those labelled apart per set, and
    which rule decides those apart pairs when the table is asked in order."""

    alone: Counter = field(default_factory=Counter)
    apart: Counter = field(default_factory=Counter)
    apart_first: Counter = field(default_factory=Counter)


def audit_set(name: str, tallies: dict[str, RuleTally]) -> int:
    """Ask every rule alone on every candidate pair of set ``name``, adding to ``tallies``;
    returns the number of candidate pairs."""
    from reviewkit.dedup.block import candidate_pairs
    from reviewkit.dedup.matching import shared_dois
    from reviewkit.dedup.normalise import keys_for
    from reviewkit.dedup.pair import Pair
    from reviewkit.dedup.rules import RULES
    from reviewkit.dedup.score import DUPLICATE, Context

    ids, recs = load_records(name)
    keys = {i: keys_for(i, r) for i, r in enumerate(recs)}
    truth = pairs_of(true_clusters(name))
    ctx = Context(shared_dois(keys.values()))
    compared = 0
    for a, b in candidate_pairs(keys.values(), None):
        compared += 1
        pair = Pair(keys[a], keys[b], ctx)
        first = ""
        merging = []
        for rule in RULES:
            outcome = rule.test(pair)
            if outcome is None:
                continue
            first = first or rule.name
            if outcome[0] == DUPLICATE:
                merging.append(rule.name)
        if not merging:
            continue
        labelled_true = tuple(sorted((ids[a], ids[b]))) in truth
        for rule_name in merging:
            tally = tallies[rule_name]
            tally.alone[name] += 1
            if not labelled_true:
                tally.apart[name] += 1
                tally.apart_first[first] += 1
    return compared


def _counts(counter: Counter) -> str:
    return ", ".join(f"{k} {v}" for k, v in counter.most_common()) or "–"


def write_table(tallies: dict[str, RuleTally], compared: dict[str, int], path: Path) -> None:
    """The audit as a Markdown table, rules in the order the table asks them."""
    from reviewkit.dedup.rules import RULES

    lines = [
        "# Dedup rules asked alone (bib-dedupe 0.7.2 labelled sets)",
        "",
        "Written by `python -m benchmarks.dedup_audit`. Every rule is asked by itself on every",
        "candidate pair (not only where it is the first rule that applies). 'alone': pairs it",
        "would merge; 'apart': of them, pairs the labels keep apart (before clustering); 'decided",
        "first by': the rule that decides those apart pairs when the table is asked in order.",
        "Rules that never merge a candidate pair are left out.",
        "",
        "Candidate pairs: " + ", ".join(f"{n} {c:,}" for n, c in compared.items()) + ".",
        "",
        "| rule | sets | alone | alone by set | apart | apart by set | apart decided first by |",
        "|---|---:|---:|---|---:|---|---|",
    ]
    for rule in RULES:
        t = tallies.get(rule.name)
        if t is None or not t.alone:
            continue
        lines.append(
            f"| {rule.name} | {len(t.alone)} | {sum(t.alone.values())} | {_counts(t.alone)}"
            f" | {sum(t.apart.values())} | {_counts(t.apart)} | {_counts(t.apart_first)} |"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    """Audit the sets named in ``argv`` (default: all ten) and write the table."""
    names = argv or [*SETS, *HELD_OUT]
    unknown = [n for n in names if n not in (*SETS, *HELD_OUT)]
    if unknown:
        known = ", ".join((*SETS, *HELD_OUT))
        print(f"unknown set(s): {', '.join(unknown)}; known: {known}", file=sys.stderr)
        return 2
    tallies: dict[str, RuleTally] = defaultdict(RuleTally)
    compared: dict[str, int] = {}
    for name in names:
        started = time.process_time()
        compared[name] = audit_set(name, tallies)
        print(f"{name}: {compared[name]:,} pairs, {time.process_time() - started:.1f} s CPU")
    write_table(tallies, compared, RESULTS)
    print(f"-> {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
