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

Accuracy and recall per label, counted as ``reviewkit classify --evaluate`` counts them.
Targets (with descriptions): model type >= 85 %, diagnosis >= 90 %; titles alone: model type
>= 60 %. Writes ``results/classify.json`` and ``results/classify.md``.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import replace
from pathlib import Path

from reviewkit import protocol as protocol_mod
from reviewkit.classify import choose, cross_validate, read_gold, score, score_labels
from reviewkit.records import AbstractSection, Record

ROOT = Path(__file__).resolve().parents[1]
PROTOCOL = ROOT / "protocols" / "work-health-collaboration.toml"
DEFAULT_DATA = ROOT.parent.parent / "shared" / "data" / "classification" / "review_b_studies.csv"
DESCRIPTIONS = ("INTERVENTION", "POPULATION")
SCHEMES = (("model-type", "model_type"), ("diagnosis", "diagnosis"))
TARGETS = {("model-type", "descriptions"): 0.85, ("diagnosis", "descriptions"): 0.90,
           ("model-type", "titles"): 0.60}  # fmt: skip


def data_path() -> Path:
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


def author_links(path: Path) -> dict[int, tuple[int, ...]]:
    """Row index -> the other rows of its study, from descriptions that cite another row."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
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


def _figures(result) -> dict:
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


def run_one(scheme, records, golds, links: dict[int, tuple[int, ...]] | None = None) -> dict:
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
    for name, use_rules in (("model", False), ("combined", True)):
        _, _, mp = cross_validate(scheme, records, golds, use_rules=use_rules)
        out[name] = _figures(score(scheme, golds, mp, [False] * len(golds), method=name))
    out["rules_disagreements"] = [
        {
            "row": i + 1,
            "gold": golds[i],
            "predicted": preds[i],
            "tie": ties[i],
            "title": records[i].title[:80],
        }
        for i in rules.wrong_rows
    ]
    return out


def main(results_dir: Path) -> dict:
    protocol = protocol_mod.load(PROTOCOL)
    path = data_path()
    links = author_links(path)
    figures: dict = {
        "data": path.name,
        "protocol": PROTOCOL.name,
        "links": sorted({tuple(sorted((i, *g))) for i, g in links.items()}),
        "results": {},
    }
    for scheme_id, column in SCHEMES:
        scheme = protocol.scheme(scheme_id)
        records, golds, _ = read_gold(scheme, path, column)
        # only the two description columns: the CSV's design column would also read as a section
        records = [
            replace(
                r, abstract_sections=[s for s in r.abstract_sections if s.label in DESCRIPTIONS]
            )
            for r in records
        ]
        titles = [replace(r, abstract_sections=[]) for r in records]
        for (text, recs), linked in (
            (t, lk) for lk in (False, True) for t in (("titles", titles), ("descriptions", records))
        ):
            res = run_one(scheme, recs, golds, links if linked else None)
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
    (results_dir / "classify.md").write_text(markdown(figures), encoding="utf-8")
    return figures


REMAINING = """## Errors that remain, and why

**Model type.** Most disagreements are *multidisciplinary team* against *team plus coordinator*.
By the types' definitions a team with a case manager or coordinator is the fourth type, and the
combination label says exactly that; but the authors sorted a study by what its intervention
*mainly* emphasises and by the trial a publication belongs to, so a team that lists a case
manager among its members stays a team, while the follow-ups of a trial they called team plus
coordinator say only "same trial" or name no coordinator. Neither the words of a title nor the
short descriptions carry that judgement, and 50 studies are too few for the model to learn it
(it adds nothing to the rules on the descriptions). Other errors of the same kind: publications
whose description is only "same trial as ref N" (no words of their own); Dutch "integrated care"
(a workplace intervention plus graded activity, run by an occupational physician) reads as a
team; a Cochrane review of work-directed interventions for depression names no workplace word;
a coordinator employed by the social security agency who works through the workplace reads as
workplace-centred. On titles alone many studies name neither the model nor its parts
("Effects of a vocational rehabilitation programme …", "coordinated and tailored …"); the
learnt model, leave-one-out, carries what the rules cannot there.

**Diagnosis.** With the descriptions every study agrees. On titles alone, studies of both
kinds name one diagnosis or none in the title ("… women with long-term sick leave due to pain
syndromes"; "… sick-listed primary health care patients"): the population is described only in
the abstract, so the rules cannot see it and 50 titles are too few for the model to guess it.

"""


def markdown(figures: dict) -> str:
    lines = [
        "# Classification on Review B's 50 studies (the report authors' own sorting)",
        "",
        f"Data: `{figures['data']}`; protocol `protocols/{figures['protocol']}`. "
        "Rules as `reviewkit classify` runs them; model = words only, combined = words + rule "
        "evidence (the model the tool trains), both leave-one-out over the 50 studies.",
        "",
        "| scheme | text | rules | model (LOO) | combined (LOO) | target |",
        "|---|---|---|---|---|---|",
    ]
    for key, res in figures["results"].items():
        scheme, text = key.split("/")
        cells = [
            f"{res[m]['accuracy']:.0%} ({res[m]['correct']}/{res[m]['n']})"
            for m in ("rules", "model", "combined")
        ]
        target = f"≥ {res['target']:.0%}" if res["target"] else "—"
        lines.append(f"| {scheme} | {text} | {' | '.join(cells)} | {target} |")
    lines += ["", "## Recall per label", ""]
    for key, res in figures["results"].items():
        lines.append(f"**{key}**")
        lines.append("")
        lines.append("| label | support | rules | model | combined |")
        lines.append("|---|---|---|---|---|")
        for lab, r in res["rules"]["recall"].items():
            vals = [
                res[m]["recall"].get(lab, {}).get("recall", 0.0)
                for m in ("rules", "model", "combined")
            ]
            lines.append(
                f"| {lab} | {r['support']} | " + " | ".join(f"{v:.2f}" for v in vals) + " |"
            )
        lines.append("")
    lines.append(REMAINING)
    lines += ["## The rules' disagreements (titles with descriptions)", ""]
    for key, res in figures["results"].items():
        if not key.endswith("descriptions"):
            continue
        lines += [f"**{key}**", "", "| row | gold | rules | title |", "|---|---|---|---|"]
        for d in res["rules_disagreements"]:
            got = " / ".join(d["predicted"]) + (" (tie)" if d["tie"] else "")
            lines.append(f"| {d['row']} | {' + '.join(d['gold'])} | {got} | {d['title']} |")
        lines.append("")
    return "\n".join(lines) + "\n"
