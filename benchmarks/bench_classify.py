"""Classification on Review B's 50 studies, sorted by the report's own authors.

Run with ``python -m benchmarks classify``. Data: ``$REVIEWKIT_CLASSIFY_DATA`` or
``../shared/data/classification/review_b_studies.csv`` (see its README; not in the repository).

For the model type and the diagnosis scheme of ``protocols/work-health-collaboration.toml``,
on the titles alone and on the titles with the authors' intervention and population
descriptions (as the INTERVENTION and POPULATION sections of a structured abstract):

* **rules** — the protocol's rules as ``reviewkit classify`` runs them;
* **model** — the learnt model on the words alone, leave-one-out over the 50 studies;
* **combined** — the learnt model on the words and the rules' evidence (the model the tool
  trains), leave-one-out.

Each cell is measured twice: the reports on their own, and **with study links**: the report
authors' own links between reports of one trial (a description that cites another row, "same
participants as ref 14", "based on the ref-36 trial") are taken as the confirmed study links a
reviewer would make in the tool, and each report is then scored as ``reviewkit classify`` scores
a linked study (:mod:`reviewkit.classify.studies`): the rules read the evidence of all its
reports; the model reads the reports' text together (a sibling's title as abstract text).

Accuracy and recall per label, counted as ``reviewkit classify --evaluate`` counts them. A second
table: the rules on hand-made abstracts of other reviews' kinds (:mod:`benchmarks.classify_heldout`),
and each term's studies right and wrong ("Terms by study").
Targets (with descriptions): model type >= 85 %, diagnosis >= 90 %; titles alone: model type
>= 60 %. Then the CPU of ``reviewkit classify`` and of the confirm screen's first model on the
demo project (:mod:`benchmarks.classify_speed`). Writes ``results/classify.json`` and
``results/classify.md``.

This module runs the measurement; the data and one cell's figures are
:mod:`benchmarks.classify_review_b`, the page and its hand-written notes
:mod:`benchmarks.classify_notes` (helpers are not named ``bench_*``: ``python -m benchmarks``
runs every such module as a benchmark).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from benchmarks import classify_heldout, classify_speed, classify_terms
from benchmarks.classify_notes import markdown
from benchmarks.classify_review_b import (
    DESCRIPTIONS,
    ROOT,
    SCHEMES,
    TARGETS,
    author_links,
    data_path,
    read_rows,
    run_one,
)
from reviewkit import protocol as protocol_mod
from reviewkit.classify import read_gold
from reviewkit.records import Record

__all__ = ["author_links", "data_path", "main", "markdown", "run_one"]

PROTOCOL = ROOT / "protocols" / "work-health-collaboration.toml"
AUDITED = ("work-health-collaboration.toml", "rtw-systematic-reviews.toml", "demo-work-health.toml")


def main(results_dir: Path) -> dict:
    """Every scheme on every text, with and without the authors' links: the figures to write."""
    protocol = protocol_mod.load(PROTOCOL)
    path = data_path()
    links = author_links(path)
    refs = [r["ref"].strip() for r in read_rows(path)]
    groups = sorted({tuple(sorted((i, *g))) for i, g in links.items()})
    figures: dict = {
        "data": path.name,
        "protocol": PROTOCOL.name,
        "links": [[refs[i] for i in g] for g in groups],
        "results": {},
    }
    figures["leave_terms_out"] = {}
    # Review B excluded severe mental illness: no study of it carries the flag
    gold_by_ref: dict[str, dict[str, list[str]]] = {
        "severe-mental-illness": {r: ["none"] for r in refs}
    }
    for scheme_id, column in SCHEMES:
        scheme = protocol.scheme(scheme_id)
        records, golds, _ = read_gold(scheme, path, column)
        gold_by_ref[scheme_id] = dict(zip(refs, golds, strict=True))
        # only the two description columns: the CSV's design column would also read as a section
        records = [
            replace(
                r, abstract_sections=[s for s in r.abstract_sections if s.label in DESCRIPTIONS]
            )
            for r in records
        ]
        titles = [replace(r, abstract_sections=[]) for r in records]
        if scheme_id == SCHEMES[0][0]:
            figures["terms"] = _audit({"titles": titles, "descriptions": records}, refs)
        for text, recs in (("titles", titles), ("descriptions", records)):
            out = classify_terms.leave_terms_out(scheme, recs, golds)
            figures["leave_terms_out"][f"{scheme_id}/{text}"] = out
            print(f"   {scheme_id:<11} {text:<21} leave-terms-out rules {out['rules']} "
                  f"combined {out['combined']}", flush=True)  # fmt: skip
        for (text, recs), linked in (
            (t, lk) for lk in (False, True) for t in (("titles", titles), ("descriptions", records))
        ):
            res = run_one(scheme, recs, golds, links if linked else None, refs)
            target = TARGETS.get((scheme_id, text))
            res["target"] = target
            text += " + links" if linked else ""
            figures["results"][f"{scheme_id}/{text}"] = res
            print(
                f"   {scheme_id:<11} {text:<21} rules {res['rules']['accuracy']:.0%}  "
                f"model {res['model']['accuracy']:.0%}  combined {res['combined']['accuracy']:.0%}"
                + (f"  (target {target:.0%})" if target else ""),
                flush=True,
            )
    figures["refs"] = refs
    mine = [
        classify_terms.TermHits(**h) for h in figures["terms"] if h["protocol"] == PROTOCOL.name
    ]
    combines = {s.id: {lab.id: lab.combines for lab in s.labels} for s in protocol.schemes.values()}
    figures["terms_by_study"] = classify_terms.by_study(mine, gold_by_ref, combines)
    figures["heldout"] = classify_heldout.run(protocol)
    for s in figures["heldout"]:
        print(f"   held-out {s['file']}: " + ", ".join(
            f"{k} {c['correct']}/{c['n']} (before {c['before'][0]})" for k, c in s["cells"].items()
        ), flush=True)  # fmt: skip
    figures["speed"] = speed = classify_speed.run()
    print(f"   demo project: classify {speed['classify']['cpu_s']} s CPU, confirm's first model "
          f"{speed['confirm']['cpu_s']} s CPU", flush=True)  # fmt: skip
    (results_dir / "classify.md").write_text(markdown(figures), encoding="utf-8")
    return figures


def _audit(texts: dict[str, list[Record]], refs: list[str]) -> list[dict]:
    """The terms of every shipped protocol and the rows they are found in."""
    out = []
    for name in AUDITED:
        path = ROOT / "protocols" / name
        hits = classify_terms.audit(protocol_mod.load(path), path, texts, refs)
        out += [vars(h) for h in hits]
    return out
