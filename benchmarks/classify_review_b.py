"""Review B's 50 studies for :mod:`benchmarks.bench_classify`: the data, the report authors' own
links between reports of one trial, and one cell's figures (the rules, and the model and
combined model leave-one-out, on one text of the records)."""

from __future__ import annotations

import csv
import os
import re
from dataclasses import replace
from pathlib import Path

from reviewkit.classify import (
    EvaluationResult,
    choose,
    cross_validate,
    score,
    score_labels,
)
from reviewkit.protocol import Scheme
from reviewkit.records import AbstractSection, Record

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent.parent / "shared" / "data" / "classification" / "review_b_studies.csv"
DESCRIPTIONS = ("INTERVENTION", "POPULATION")
SCHEMES = (("model-type", "model_type"), ("diagnosis", "diagnosis"))
TARGETS = {("model-type", "descriptions"): 0.85, ("diagnosis", "descriptions"): 0.90,
           ("model-type", "titles"): 0.60}  # fmt: skip


def data_path() -> Path:
    """Review B's CSV: $REVIEWKIT_CLASSIFY_DATA, else the shared data folder."""
    env = os.environ.get("REVIEWKIT_CLASSIFY_DATA")
    if env:
        return Path(env)
    for p in (DEFAULT_DATA, Path("/work/shared/data/classification/review_b_studies.csv")):
        if p.exists():
            return p
    return DEFAULT_DATA


# A description that cites another row of the table: the authors' link between two reports of
# one trial ("same participants as ref 14", "based on the ref-36 trial", "same programme as ref 65").
CITED_ROW = re.compile(r"\bref[- ](\d+)\b", re.IGNORECASE)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def author_links(path: Path) -> dict[int, tuple[int, ...]]:
    """Row index -> the other rows of its study, from descriptions that cite another row."""
    rows = read_rows(path)
    index = {r["ref"].strip(): i for i, r in enumerate(rows)}
    groups: dict[int, set[int]] = {}
    for i, r in enumerate(rows):
        text = f"{r.get('intervention', '')} {r.get('population', '')}"
        for ref in CITED_ROW.findall(text):
            j = index.get(ref)
            if j is not None and j != i:
                group = groups.get(i, {i}) | groups.get(j, {j})
                for k in group:
                    groups[k] = group
    return {i: tuple(sorted(g - {i})) for i, g in groups.items()}


def _together(record: Record, siblings: list[Record]) -> Record:
    """One record holding the text of a report and its sibling reports, for the model."""
    sections = list(record.abstract_sections)
    for s in siblings:
        sections += [AbstractSection("", s.title), *s.abstract_sections]
    return replace(record, abstract_sections=sections)


def _figures(result: EvaluationResult) -> dict:
    return {
        "accuracy": round(result.accuracy, 4),
        "correct": round(result.accuracy * result.n),
        "n": result.n,
        "ties": result.ties,
        "recall": {
            lab: {"recall": round(m["recall"], 3), "support": int(m["support"])}
            for lab, m in result.per_label.items()
            if m["support"]
        },
    }


def run_one(
    scheme: Scheme,
    records: list[Record],
    golds: list[list[str]],
    links: dict[int, tuple[int, ...]] | None = None,
    refs: list[str] | None = None,
) -> dict:
    """One cell: the rules, and the model and combined model leave-one-out, on one text of the
    records (with ``links``, each row scored with its linked rows as sibling reports)."""
    links = links or {}
    siblings = [{f"row {j + 1}": records[j] for j in links.get(i, ())} for i in range(len(records))]
    suggestions = [
        choose(scheme, score_labels(r, scheme, sib))
        for r, sib in zip(records, siblings, strict=True)
    ]
    preds = [[s.label for s in sugg] for sugg in suggestions]
    ties = [any(s.tie for s in sugg) for sugg in suggestions]
    rules = score(scheme, golds, preds, ties)
    out = {"rules": _figures(rules)}
    if links:
        records = [
            _together(r, list(sib.values())) for r, sib in zip(records, siblings, strict=True)
        ]
    # a linked row's reports are held out together, as the tool's leave-one-out does (a
    # sibling left in training would carry the held-out row's words and answer)
    groups = [min((i, *links.get(i, ()))) for i in range(len(records))]
    for name, use_rules in (("model", False), ("combined", True)):
        _, _, mp = cross_validate(scheme, records, golds, use_rules=use_rules, groups=groups)
        out[name] = _figures(score(scheme, golds, mp, [False] * len(golds), method=name))
    out["rules_disagreements"] = [
        {
            "row": i + 1,
            "ref": refs[i] if refs else "",
            "gold": golds[i],
            "predicted": preds[i],
            "tie": ties[i],
            "title": records[i].title[:80],
        }
        for i in rules.wrong_rows
    ]
    return out
