"""A meeting's abstract against a same-year record without a volume: one listing, one
definition, the labels' count (issue 14, dedup41). ``python -m benchmarks.dedup_meeting_abstracts``
writes ``results/dedup-meeting-abstracts.md``; not named ``bench_*``, so ``python -m benchmarks``
does not run it (about a minute of CPU on the ten labelled sets).

Two counts of this kind were never reconciled: stop 39 (q39d) found the labels join 43 pairs and
keep 8 apart, stop 40 found 3 joined and 10 apart "titles alike". Both are counted here from one
enumeration, each step of the definition a row, so the step that moves the count is seen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.bench_dedup import HELD_OUT, SETS, load_records, pairs_of, true_clusters

HERE = Path(__file__).resolve().parent
RESULT = HERE / "results" / "dedup-meeting-abstracts.md"
# The pairs: those the engine compares (blocking's candidate pairs) in one labelled set, of one
# year, titles at least 80 alike (the engine's title similarity), one side a meeting's abstract
# read loosely: a conference in the journal's name, a supplement, or a supplement's 'S' page.
# Each definition below narrows them by one step.
DEFINITIONS = (
    (
        "stop 39: the other side without a volume and not itself an abstract, titles 90+",
        lambda f: f["t"] >= 90 and f["no_volume"],
    ),
    (
        "... the other side online first (no volume, issue, page, supplement, conference)",
        lambda f: f["t"] >= 90 and f["online_first"],
    ),
    ("... titles 80+ (stop 40's floor)", lambda f: f["online_first"]),
    (
        "stop 40: ... the abstract as the rules read it (unplaced._printed_as_abstract)",
        lambda f: f["online_first"] and f["rules_abstract"],
    ),
)


# What the table says (dedup41; written under it, rerun to see whether it still holds).
READING = (
    "## Reading (dedup41)",
    "",
    "- Reconciled: stop 39's 43 joined is the first row (its 8 apart: the row gives 19 record",
    "  pairs, 12 of them one diabetes abstract in two exports against six exports of the",
    "  Mediators Inflamm article; the 8 is not reproduced). Stop 40's 3 / 10 is the last row,",
    "  exactly. The counts differ by definition, not by data: stop 39 took 'without a volume'",
    "  for online first, and the 35 joined pairs that requiring online first (no issue or page",
    "  either) drops are one record indexed again with the same page but its volume elsewhere",
    "  or lost (Ovid's 'Clinical neuropharmacology.15 Suppl 1' in the journal field, IEEE EMBC",
    "  proceedings papers, 'Acta Psychiatr Scand Suppl' numbering its supplements as issues):",
    "  not online first, and no meeting abstract against an article; all but one merged.",
    "  Lowering the titles to 80 adds diabetes' 8 apart (EASD abstracts in Diabetologia against",
    "  the ADA abstract in Diabetes without its supplement: two congresses); reading the abstract",
    "  as the rules do drops the 5 joined pairs whose abstract is a conference-named record",
    "  without a volume (diabetes' four, depression's Neural Plasticity one).",
    "- No rule: on every row no pair labelled apart is merged (the apart pairs are queued, by",
    "  biblio_partial, or apart, by biblio_differs, doi_differs, title_numbers_differ), and the",
    "  joined pairs are merged but for a few queued for a person (biblio_partial: an abstract",
    "  against another congress's record or its paper, which the labels join here and keep",
    "  apart elsewhere in the rows: no field tells the two apart).",
    "  A same-year meeting abstract against an online-first record is as often the abstract",
    "  indexed again as the team's paper: meeting_abstract_online_first rightly asks only",
    "  across years.",
)


def _loose_abstract(k) -> bool:
    return bool(k.conference or k.supplement or k.page_section == "s")


def _place(r) -> str:
    return f"{r.journal[:38]} {r.volume} ({r.issue}) {r.pages}".replace("|", "/")


def listing(name: str) -> list[dict]:
    """The set's pairs (see :data:`DEFINITIONS`) with each step's fact, the label and the
    engine's verdict."""
    from reviewkit.dedup.block import candidate_pairs
    from reviewkit.dedup.matching import shared_dois
    from reviewkit.dedup.normalise import keys_for
    from reviewkit.dedup.pair import Pair
    from reviewkit.dedup.rules import compare
    from reviewkit.dedup.score import Context
    from reviewkit.dedup.unplaced import _online_first, _printed_as_abstract

    ids, recs = load_records(name)
    keys = [keys_for(i, r) for i, r in enumerate(recs)]
    truth = pairs_of(true_clusters(name))
    ctx = Context(shared_dois(keys))
    rows = []
    for a, b in candidate_pairs(keys):
        ka, kb = keys[a], keys[b]
        if not (ka.year and ka.year == kb.year):
            continue
        sides = [(x, y) for x, y in ((ka, kb), (kb, ka)) if _loose_abstract(x)]
        sides = [(x, y) for x, y in sides if not y.volume] or sides[:0]
        if not sides:
            continue
        t = Pair(ka, kb, ctx).t
        if t < 80:
            continue
        abstract, other = sides[0]
        verdict = compare(ka, kb, ctx)
        rows.append(
            {
                "set": name,
                "t": t,
                "joined": tuple(sorted((ids[a], ids[b]))) in truth,
                "no_volume": not _loose_abstract(other),
                "online_first": _online_first(other),
                "rules_abstract": _printed_as_abstract(abstract),
                "verdict": f"{verdict.verdict} ({verdict.rule})",
                "abstract": _place(recs[abstract.id]),
                "other": _place(recs[other.id]),
                "title": recs[abstract.id].title[:60].replace("|", "/"),
            }
        )
    return rows


def main(argv: list[str]) -> int:
    names = tuple(argv) or SETS + HELD_OUT
    rows = [row for name in names for row in listing(name)]
    out = [
        "# A meeting's abstract against a same-year record without a volume (dedup41)",
        "",
        "`python -m benchmarks.dedup_meeting_abstracts` (benchmarks/dedup_meeting_abstracts.py);",
        "sets: " + ", ".join(names) + ". The pairs: the engine's candidate pairs of one year,",
        "titles 80+ alike, one side a meeting's abstract read loosely (a conference in the",
        "journal's name, a supplement, or an 'S' page), the other without a volume. Each row",
        "narrows the one above by one step; the engine's verdicts are the pairs' now.",
        "",
        "| definition | joined | apart | merged | queued |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, test in DEFINITIONS:
        hit = [r for r in rows if test(r)]
        joined = sum(r["joined"] for r in hit)
        merged = sum(r["verdict"].startswith("duplicate") for r in hit)
        queued = sum(r["verdict"].startswith("uncertain") for r in hit)
        out.append(f"| {label} | {joined} | {len(hit) - joined} | {merged} | {queued} |")
    out += [
        "",
        "## The pairs",
        "",
        "Steps: v = the other side is no abstract (stop 39's count), o = it is online first,",
        "r = the rules read the abstract as one.",
        "",
        "| set | label | title sim. | steps | verdict now | the abstract | the other | title |",
        "|---|---|---:|---|---|---|---|---|",
    ]
    for r in sorted(rows, key=lambda r: (r["set"], -r["t"], r["title"])):
        steps = "".join(
            c
            for c, k in zip("vor", ("no_volume", "online_first", "rules_abstract"), strict=True)
            if r[k]
        )
        out.append(
            f"| {r['set']} | {'joined' if r['joined'] else 'apart'} | {r['t']:.0f} | {steps} |"
            f" {r['verdict']} | {r['abstract']} | {r['other']} | {r['title']} |"
        )
    out += ["", *READING]
    RESULT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print("\n".join(out[:16]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
