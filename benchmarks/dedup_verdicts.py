"""Every candidate pair's verdict on the ten labelled dedup sets, and what moved between two runs.

``python -m benchmarks.dedup_verdicts dump OUT.json [SET ...]`` writes, for the code on
PYTHONPATH, each set's candidate pairs that the rules merge or queue (verdict, rule, whether the
labels join them); ``python -m benchmarks.dedup_verdicts diff A.json B.json [--pairs]`` says, per
set, which pairs moved between merged / queued / apart from run A to run B and whether the labels
call them true or false, with ``--pairs`` each moved pair and its two records. Dump on main, dump
on a branch, diff: a change to a rule shows every pair it moves, not only the totals of
``python -m benchmarks dedup``. A pair not in a dump is apart (not a candidate, or kept apart).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from benchmarks.bench_dedup import HELD_OUT, SETS, load_records, pairs_of, true_clusters

# the engine's verdicts in the words of the results files
STATES = {"duplicate": "merged", "uncertain": "queued", "not_duplicate": "apart"}
APART = ("apart", "", None)


def set_verdicts(name: str) -> dict[str, list]:
    """'id_a|id_b' -> [merged or queued, rule, labelled true] for one set's candidate pairs that
    are not kept apart (record ids as the set's files give them, the lower first)."""
    from reviewkit.dedup.block import candidate_pairs
    from reviewkit.dedup.matching import shared_dois
    from reviewkit.dedup.normalise import keys_for
    from reviewkit.dedup.rules import compare
    from reviewkit.dedup.score import Context

    ids, recs = load_records(name)
    keys = {i: keys_for(i, r) for i, r in enumerate(recs)}
    truth = pairs_of(true_clusters(name))
    ctx = Context(shared_dois(keys.values()))
    out = {}
    for a, b in candidate_pairs(keys.values(), None):
        v = compare(keys[a], keys[b], ctx)
        if v.verdict != "not_duplicate":
            pair = tuple(sorted((ids[a], ids[b])))
            out["|".join(pair)] = [STATES[v.verdict], v.rule, pair in truth]
    return out


def dump(path: Path, sets: tuple[str, ...] = SETS + HELD_OUT) -> None:
    out = {}
    for name in sets:
        out[name] = set_verdicts(name)
        print(f"{name}: {len(out[name])} pairs merged or queued", file=sys.stderr, flush=True)
    path.write_text(json.dumps(out, indent=0, sort_keys=True) + "\n")


def moves(before: dict, after: dict) -> dict[str, list[tuple[str, list, list, bool]]]:
    """Per set (of both runs): the pairs whose state or rule differs, as (pair, [state, rule,
    true] before, the same after, labelled true), sorted by pair."""
    out = {}
    for name in sorted(set(before) & set(after)):
        b, a = before[name], after[name]
        moved = []
        for pair in sorted(set(b) | set(a)):
            vb, va = b.get(pair, list(APART)), a.get(pair, list(APART))
            if vb[:2] != va[:2]:
                moved.append((pair, vb, va, bool(vb[2] if vb[2] is not None else va[2])))
        out[name] = moved
    return out


def summary(moved: dict[str, list]) -> list[str]:
    """One line per set: how many labelled-true and labelled-false pairs went from which state
    to which (a rule change within one state is counted as 'merged -> merged' and so on)."""
    lines = []
    for name, rows in moved.items():
        tally = Counter((vb[0], va[0], true) for _, vb, va, true in rows)
        parts = [
            f"{n} {'true' if true else 'false'} {s} -> {t}"
            for (s, t, true), n in sorted(tally.items(), key=lambda x: (not x[0][2], x[0]))
        ]
        lines.append(f"{name}: {len(rows)} moved" + (": " + ", ".join(parts) if parts else ""))
    return lines


def _record_line(rec) -> str:
    place = f"{rec.journal[:35]} {rec.year};{rec.volume}({rec.issue}):{rec.pages}"
    return f"      {rec.title[:80]} | {place} | {'; '.join(rec.authors[:2])[:50]}"


def pair_lines(moved: dict[str, list]) -> list[str]:
    """Each moved pair with its two records (the sets are read again for them)."""
    lines = []
    for name, rows in moved.items():
        if not rows:
            continue
        ids, recs = load_records(name)
        by_id = dict(zip(ids, recs, strict=True))
        lines.append(f"## {name}")
        for pair, vb, va, true in rows:
            lines.append(
                f"  {'TRUE' if true else 'false'} {pair}: {vb[0]}/{vb[1] or '-'} -> "
                f"{va[0]}/{va[1] or '-'}"
            )
            lines.extend(_record_line(by_id[i]) for i in pair.split("|"))
    return lines


def main(argv: list[str]) -> int:
    usage = (
        "usage: python -m benchmarks.dedup_verdicts dump OUT.json [SET ...]\n"
        "       python -m benchmarks.dedup_verdicts diff A.json B.json [--pairs]"
    )
    if len(argv) >= 2 and argv[0] == "dump":
        unknown = [s for s in argv[2:] if s not in SETS + HELD_OUT]
        if unknown:
            print(f"unknown set(s) {', '.join(unknown)}; the sets: {', '.join(SETS + HELD_OUT)}")
            return 2
        dump(Path(argv[1]), tuple(argv[2:]) or SETS + HELD_OUT)
        return 0
    if len(argv) in (3, 4) and argv[0] == "diff" and argv[3:] in ([], ["--pairs"]):
        before, after = (json.loads(Path(p).read_text()) for p in argv[1:3])
        moved = moves(before, after)
        print("\n".join(summary(moved) + (pair_lines(moved) if argv[3:] else [])))
        return 0
    print(usage)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
