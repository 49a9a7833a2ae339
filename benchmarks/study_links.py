"""Study links from cues other than registration numbers (reviewkit.dedup.study_cues), measured.

``python -m benchmarks study-links``

Truth: records that share a trial registration number (PubMed's DataBankList, an abstract's
'NCT…') report one study; two records that each carry numbers and share none report two
(known negatives). The numbers are hidden from the cues (StudyCues without numbers), and each
cue, and the rule that combines them, is counted on those pairs: recall on the true pairs,
false suggestions among the known negatives, precision on the two together. Pairs are pairs of
studies: duplicate copies of one publication (one PMID twice in the snapshot; bib-dedupe's
labelled duplicate clusters) are one study first, as dedup makes them before study links.

Sets: the offline PubMed snapshot (50,788 records), bib-dedupe's ten labelled sets (their
duplicate labels make the studies), Review B's 50 studies (truth: the report authors' notes
that two rows are one trial), and the 15 screening sets (reviews of 310 to 2,544 records, no
truth: how many suggestions a review of that size gets, and a sample to read).

Writes ``results/study-links.json`` and ``results/study-links.md``.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from reviewkit.dedup.registers import numbers_in_text
from reviewkit.dedup.study_cues import StudyCues, compare, cue_links, study_cues, word_weights
from reviewkit.dedup.study_numbers import number_links
from reviewkit.records import Record

HERE = Path(__file__).resolve().parent
SHARED = Path("/work/shared/data")  # as bench_ranking's DATA: outside the repository
BIB_SETS = (
    "cardiac",
    "cytology_screening",
    "depression",
    "diabetes",
    "digital_work",
    "haematology",
    "neuroimaging",
    "respiratory",
    "srsr",
    "stroke",
)
CUES = ("name", "authors", "team", "words", "team+words", "rule")

# Review B's rows that are one trial, as the report's authors wrote it in the intervention
# column: ref 15 "2-year follow-up of the same participants as ref 14", 37 "based on the ref-36
# trial", 50-52 "Same low-back-pain trial" (50: "Same multidisciplinary intervention for low
# back pain"), 62 "secondary analysis of the ref-61 trial", 66 "same programme as ref 65".
REVIEW_B_TRIALS = (("14", "15"), ("36", "37"), ("50", "51", "52"), ("61", "62"), ("65", "66"))


def _numbers(rec: Record) -> set[str]:
    return set(numbers_in_text("\n".join((rec.title, rec.abstract, rec.raw))))


def snapshot_studies() -> tuple[dict[str, list[Record]], int]:
    """The PubMed snapshot's records by PMID (an article in both files is one study)."""
    from reviewkit import offline_data
    from reviewkit.formats import pubmed_xml

    studies: dict[str, list[Record]] = defaultdict(list)
    n = 0
    for path in offline_data.pubmed_snapshot_files():
        with open(path, "rb") as fh:
            for rec in pubmed_xml.read(pubmed_xml.open_binary(fh), path.name):
                studies[rec.pmid or f"#{n}"].append(rec)
                n += 1
    return studies, n


def bib_studies(name: str) -> tuple[dict[str, list[Record]], int]:
    """One bib-dedupe set's records by their labelled duplicate cluster."""
    from benchmarks.bench_dedup import load_records, true_clusters

    ids, recs = load_records(name)
    cluster = {i: min(c) for c in true_clusters(name) for i in c}
    studies: dict[str, list[Record]] = defaultdict(list)
    for i, rec in zip(ids, recs, strict=True):
        studies[cluster.get(i, i)].append(rec)
    return studies, len(recs)


def labelled_pairs(numbers: dict[str, set[str]], joint: set[str]) -> tuple[set, set]:
    """(true pairs: a shared number, or two registrations of one trial that a third study
    writes together, as dedup studies joins them; known negatives: numbers on both, no trial
    in common). Not with the notice rule under test (an erratum or a comment joins no
    study): it took its records out of the truth, so that the rule firing on a trial's own
    report would have taken true pairs out unseen. A true pair with a notice is now counted
    (``true_pairs_with_a_notice``), and the rule's refusal of it lowers its recall. The
    several-trials rule (``joint``: such a record bridges no registrations) stays, for want of
    another way to know a record of two trials; it decides bridges only, and no set has one."""
    truth = set(number_links(numbers, joint))
    registered = sorted(s for s, ns in numbers.items() if ns)
    negatives = {
        (a, b) for a, b in combinations(registered, 2) if not numbers[a] & numbers[b]
    } - truth
    return truth, negatives


def _hits(link) -> dict[str, bool]:
    if link is None:
        return dict.fromkeys(CUES, False)
    return {
        "name": bool(link.names),
        "authors": bool(link.authors),
        "team": link.team,
        "words": bool(link.words),
        "team+words": link.team and bool(link.words),
        "rule": link.suggests,
    }


def measure(studies: dict[str, list[Record]], n_records: int, truth=None) -> dict:
    """Per-cue counts on the labelled pairs and the rule's suggestions over the whole set.
    ``truth``: (true pairs, known negatives); else from the records' registration numbers."""
    numbers = {sid: _numbers_of(recs) for sid, recs in studies.items()}
    cues = {sid: study_cues(recs) for sid, recs in studies.items()}  # numbers hidden
    joint = {sid for sid, c in cues.items() if c.several_trials}
    notices = {sid for sid, c in cues.items() if c.notice}
    # what dedup studies suggests from the numbers
    by_number = number_links(numbers, joint, notices)
    bridged = {p: link for p, link in by_number.items() if not link.shared}
    if truth is None:
        truth = labelled_pairs(numbers, joint)
    true_pairs, negatives = truth
    weight = word_weights(cues)
    per_cue = {c: {"true": 0, "false": 0} for c in CUES}
    found = []
    # 'rule' is what dedup studies suggests: cue_links, with its guards (a name or an author on
    # more than MAX_SHARING studies joins no pair), which compare alone does not apply
    suggested = cue_links(cues)
    for pairs, key in ((true_pairs, "true"), (negatives, "false")):
        for a, b in sorted(pairs):
            hits = _hits(compare(cues[a], cues[b], weight)) | {"rule": (a, b) in suggested}
            for c in CUES:
                per_cue[c][key] += hits[c]
            if key == "true":
                found.append((a, b, hits["rule"]))
    return {
        "records": n_records,
        "studies": len(studies),
        "true_pairs": len(true_pairs),
        "true_pairs_with_a_notice": sum(1 for a, b in true_pairs if a in notices or b in notices),
        "known_negatives": len(negatives),
        "per_cue": per_cue,
        "number_pairs": len(by_number),
        "bridged_pairs": len(bridged),
        "bridged_read": [
            {"a": a, "b": b, "evidence": link.evidence(), "titles": _titles(studies, a, b)}
            for (a, b), link in sorted(bridged.items())[:12]
        ],
        "suggestions": len(suggested),
        "per_1000_records": round(1000 * len(suggested) / max(n_records, 1), 2),
        "suggested_by_cues": _by_cues(suggested),
        "true_pairs_read": [_pair_row(studies, cues, weight, a, b, s) for a, b, s in found],
        "sample": [_pair_row(studies, cues, weight, a, b, True) for a, b in sorted(suggested)[:12]],
    }


def _numbers_of(recs: list[Record]) -> set[str]:
    return set().union(*(_numbers(r) for r in recs))


def _by_cues(suggested: dict) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for link in suggested.values():
        out["+".join(link.cues)] += 1
    return dict(sorted(out.items()))


def _titles(studies, a: str, b: str) -> list[str]:
    return [studies[a][0].title[:110], studies[b][0].title[:110]]


def _pair_row(studies, cues: dict[str, StudyCues], weight, a: str, b: str, suggested: bool) -> dict:
    link = compare(cues[a], cues[b], weight)
    return {
        "a": a,
        "b": b,
        "titles": _titles(studies, a, b),
        "suggested": suggested,
        "evidence": link.evidence() if link else "(guard: years apart)",
    }


def review_b() -> dict:
    """Review B's 50 studies (titles, authors, years; no abstracts)."""
    studies: dict[str, list[Record]] = {}
    with open(SHARED / "classification" / "review_b_studies.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            authors = [a.strip() for a in row["authors"].split(",") if a.strip()]
            studies[row["ref"]] = [Record(title=row["title"], authors=authors, year=row["year"])]
    truth = {p for g in REVIEW_B_TRIALS for p in combinations(g, 2)}
    others = set(combinations(sorted(studies, key=int), 2)) - truth
    figures = measure(studies, len(studies), (truth, set()))
    cues = {sid: study_cues(recs) for sid, recs in studies.items()}
    weight = word_weights(cues)
    figures["other_suggestions"] = [
        _pair_row(studies, cues, weight, a, b, True)
        for a, b in sorted(cue_links(cues))
        if (a, b) in others
    ]
    return figures


def screening_sets() -> dict:
    """Suggestions on each labelled screening set (a review's records: no truth)."""
    out = {}
    for path in sorted((SHARED / "screening").glob("*.csv")):
        studies: dict[str, list[Record]] = {}
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                authors = [a.strip() for a in (row.get("authors") or "").split(";")]
                rec = Record(title=row["title"] or "", authors=[a for a in authors if a])
                studies[row["record_id"]] = [rec]
        out[path.stem] = measure(studies, len(studies), (set(), set()))
    return out


def _rate(hits: int, of: int) -> str:
    return f"{hits}/{of}" if of else "-"


def _cue_table(rows: dict[str, dict]) -> list[str]:
    """One line per set: each cue's true pairs found and known negatives hit."""
    lines = [
        "| set | records | true pairs | known negatives | "
        + " | ".join(f"{c}: recall / false" for c in CUES)
        + " | rule's suggestions | per 1,000 records |",
        "|---|---:|---:|---:|" + "---:|" * len(CUES) + "---:|---:|",
    ]
    for name, f in rows.items():
        cells = [
            f"{_rate(f['per_cue'][c]['true'], f['true_pairs'])} / {f['per_cue'][c]['false']}"
            for c in CUES
        ]
        lines.append(
            f"| {name} | {f['records']} | {f['true_pairs']} | {f['known_negatives']} | "
            + " | ".join(cells)
            + f" | {f['suggestions']} | {f['per_1000_records']} |"
        )
    return lines


def _number_table(sets: dict[str, dict]) -> list[str]:
    """The pairs the numbers join (dedup studies' 'registration' suggestions), and of them the
    ones joined through a third study carrying two registers' numbers; the bridged pairs read."""
    lines = [
        "**Pairs joined by registration numbers** (what `dedup studies` suggests from them; "
        "'bridged': no number shared, two registrations of one trial that a third study writes "
        "together)",
        "",
        "| set | pairs | bridged |",
        "|---|---:|---:|",
    ]
    lines += [f"| {n} | {f['number_pairs']} | {f['bridged_pairs']} |" for n, f in sets.items()]
    lines.append("")
    for name, f in sets.items():
        if f["bridged_read"]:
            rows = [{**r, "suggested": True} for r in f["bridged_read"]]
            lines += _pairs_read(f"{name}: bridged pairs", rows)
    return lines


def _pairs_read(title: str, rows: list[dict]) -> list[str]:
    out = [f"**{title}**", ""]
    for r in rows:
        mark = "suggested" if r["suggested"] else "not suggested"
        out.append(f"- {r['a']} / {r['b']} ({mark}): {r['evidence']}")
        out.extend(f"  - {t}" for t in r["titles"])
    return out + [""]


def write_markdown(figures: dict, path: Path) -> None:
    """results/study-links.md from the figures (the prose part lives in study_links_notes)."""
    from benchmarks.study_links_notes import NOTES

    truth_sets = {"PubMed snapshot": figures["snapshot"], **figures["bib_dedupe"]}
    lines = ["# Study links from cues (no registration number)", "", *NOTES, ""]
    lines += ["## Truth from registration numbers (numbers hidden from the cues)", ""]
    lines += _cue_table(truth_sets) + [""]
    lines += _number_table(truth_sets)
    for name, f in truth_sets.items():
        if f["true_pairs_read"]:
            lines += _pairs_read(f"{name}: the true pairs", f["true_pairs_read"])
    lines += ["## Review B (truth: the report authors' notes)", ""]
    lines += _cue_table({"Review B": figures["review_b"]}) + [""]
    lines += _pairs_read("Review B: the true pairs", figures["review_b"]["true_pairs_read"])
    lines += _pairs_read(
        "Review B: the other suggestions", figures["review_b"]["other_suggestions"]
    )
    lines += ["## Reviews' records (no truth): suggestions per 1,000 records", ""]
    lines += [
        "| set | records | suggestions | per 1,000 | by cues |",
        "|---|---:|---:|---:|---|",
    ]
    for name, f in figures["screening"].items():
        cues = ", ".join(f"{k} {v}" for k, v in f["suggested_by_cues"].items())
        lines.append(
            f"| {name} | {f['records']} | {f['suggestions']} | {f['per_1000_records']} | {cues} |"
        )
    lines.append("")
    for name in ("Cohen_2006_ACEInhibitors", "Nagtegaal_2019"):
        lines += _pairs_read(
            f"{name}: the first suggestions, to read", figures["screening"][name]["sample"]
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    """Measure every set, write results/study-links.json and .md."""
    if argv:
        print("usage: python -m benchmarks study-links", file=sys.stderr)
        return 2
    started = time.time()
    figures: dict = {"snapshot": measure(*snapshot_studies()), "bib_dedupe": {}}
    print(f"   snapshot done ({time.time() - started:.0f} s)", flush=True)
    for name in BIB_SETS:
        figures["bib_dedupe"][name] = measure(*bib_studies(name))
        print(f"   {name} done ({time.time() - started:.0f} s)", flush=True)
    figures["review_b"] = review_b()
    figures["screening"] = screening_sets()
    results = HERE / "results"
    (results / "study-links.json").write_text(
        json.dumps(figures, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    write_markdown(figures, results / "study-links.md")
    print(f"   done in {time.time() - started:.0f} s -> {results / 'study-links.md'}", flush=True)
    return 0
