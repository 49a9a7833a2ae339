"""Notices attached to the articles they concern (reviewkit.dedup.concerns), measured.

``python -m benchmarks notices``

The PubMed snapshot gives the truth: a notice's link to its article ('RetractionOf',
'ErratumFor', 'CommentOn' …) and an article's to its notice ('RetractionIn' …), where both
PMIDs are among the snapshot's records. The links are then hidden, and the rules that work
without them (the DOI a notice names, the article's title in the notice's) are counted on
those pairs: recall, and the pairs they make that PubMed does not (read, not all wrong: a
notice PubMed has not linked). bib-dedupe's ten labelled sets have no such truth: how many
notices each attaches and by what, and how many of those the labels call one record with the
article (a copy of the article taken for a notice would be one), with a sample to read.

Writes ``results/notices.json`` and ``results/notices.md``.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from reviewkit.dedup.concerns import (
    ARTICLE_SIDE,
    NOTICE_SIDE,
    SERIOUS,
    concerns_among,
    notice_kind,
)
from reviewkit.records import Record

HERE = Path(__file__).resolve().parent
EXTRA = "pairs without the links: not linked by PubMed"


def _snapshot() -> list[Record]:
    from reviewkit import offline_data
    from reviewkit.formats import pubmed_xml

    out = []
    for path in offline_data.pubmed_snapshot_files():
        with open(path, "rb") as fh:
            out.extend(pubmed_xml.read(pubmed_xml.open_binary(fh), path.name))
    return out


def _pairs(found) -> set[tuple[int, int]]:
    """(notice, article) of every concern with a notice among the records."""
    return {(c.notice, a) for a, cs in found.items() for c in cs if c.notice is not None}


def snapshot_figures() -> dict:
    records = dict(enumerate(_snapshot()))
    by_pmid: dict[str, int] = {}
    for i, r in records.items():
        by_pmid.setdefault(r.pmid, i)
    truth: dict[tuple[int, int], str] = {}  # (notice, article) -> the link's kind
    own = Counter()
    for i, r in records.items():
        for c in r.comments_corrections:
            other = by_pmid.get(c.pmid)
            if c.ref_type in ARTICLE_SIDE:
                own[ARTICLE_SIDE[c.ref_type]] += 1
                if other is not None and other != i:
                    truth[other, i] = ARTICLE_SIDE[c.ref_type]
            elif c.ref_type in NOTICE_SIDE and other is not None and other != i:
                truth[i, other] = NOTICE_SIDE[c.ref_type]
    retracted = sum(
        any(t.casefold() == "retracted publication" for t in r.publication_types)
        for r in records.values()
    )
    with_links = concerns_among(records)
    hidden = {i: replace(r, comments_corrections=[]) for i, r in records.items()}
    started = time.process_time()
    without = concerns_among(hidden)
    cpu = time.process_time() - started
    found = _pairs(without)
    by_how = Counter(c.how for cs in without.values() for c in cs if c.notice is not None)
    linked = _pairs(with_links)
    missed = sorted(set(truth) - found)
    extra = sorted(found - set(truth))
    serious = {p for p, kind in truth.items() if kind in SERIOUS}

    elsewhere = _from_another_database(records, truth)

    def sample(pairs: list[tuple[int, int]]) -> list[dict[str, str]]:
        return [
            {"notice": records[n].title[:120], "article": records[a].title[:120]}
            for n, a in pairs[:8]
        ]

    return {
        "records": len(records),
        "article links (kind: count)": dict(own),
        "retracted publication type": retracted,
        "true pairs (both PMIDs in the snapshot)": len(truth),
        "true pairs by kind": dict(Counter(truth.values())),
        "pairs with the links": len(linked & set(truth)),
        "pairs without the links: found": len(found & set(truth)),
        "serious pairs (retraction, erratum, concern)": len(serious),
        "serious pairs without the links: found": len(found & serious),
        "serious pairs with the links": len(linked & serious),
        "true pairs found by (without the links)": dict(
            Counter(c.how for a, cs in without.items() for c in cs if (c.notice, a) in truth)
        ),
        "extra pairs by the notice's kind": dict(
            Counter(notice_kind(records[n]) for n, _ in extra)
        ),
        EXTRA: len(extra),
        "found by (without the links)": dict(by_how),
        "cpu seconds, rules without links": round(cpu, 2),
        **elsewhere,
        "missed sample": sample(missed),
        "missed with the links sample": sample(sorted(set(truth) - linked)),
        "serious missed without the links sample": sample(sorted(serious - found)),
        "not PubMed's sample": sample(extra),
    }


ELSEWHERE = "articles from another database: found"
ELSEWHERE_NO_ABBREVIATION = "articles from another database, no journal abbreviation: found"


def _from_another_database(
    records: dict[int, Record], truth: dict[tuple[int, int], str]
) -> dict[str, object]:
    """The true pairs found when every article of one came from another database (Embase, an
    RIS file): the notice in PubMed with its link, whose PMID no record has then (the record
    has none), the article without its PMID, PubMed's links and publication types; then also
    without the journal's abbreviation (an RIS record may give the journal's name alone). The
    Lancet's 'Department of Error.' names its article by nothing but that link's citation."""
    articles = {a for _, a in truth}
    out: dict[str, object] = {}
    for label, drop in ((ELSEWHERE, {}), (ELSEWHERE_NO_ABBREVIATION, {"journal_abbreviation": ""})):
        moved = {
            i: replace(r, pmid="", comments_corrections=[], publication_types=[], **drop)
            if i in articles
            else r
            for i, r in records.items()
        }
        found = concerns_among(moved)
        pairs = {
            (c.notice, a): c.how for a, cs in found.items() for c in cs if c.notice is not None
        }
        out[label] = len(set(pairs) & set(truth))
        out[label + " by"] = dict(Counter(how for p, how in pairs.items() if p in truth))
        serious = sorted(p for p, kind in truth.items() if kind in SERIOUS)
        out[label + ", serious"] = sum(p in pairs for p in serious)
        out[label + ", serious missed sample"] = [
            {"notice": records[n].title[:120], "article": records[a].title[:120]}
            for n, a in [p for p in serious if p not in pairs][:8]
        ]
    return out


def bib_figures() -> dict:
    from benchmarks.bench_dedup import load_records, true_clusters
    from benchmarks.study_links import BIB_SETS

    out = {}
    for name in BIB_SETS:
        ids, recs = load_records(name)
        records = dict(enumerate(recs))
        cluster = {i: min(c) for c in true_clusters(name) for i in c}
        found = concerns_among(records)
        pairs = _pairs(found)
        same = [
            (n, a) for n, a in pairs if cluster.get(ids[n], ids[n]) == cluster.get(ids[a], ids[a])
        ]
        out[name] = {
            "records": len(recs),
            "notices attached": len(pairs),
            "by": dict(Counter(c.how for cs in found.values() for c in cs if c.notice is not None)),
            "own marks": dict(
                Counter(
                    c.how for cs in found.values() for c in cs if c.notice is None and not c.pmid
                )
            ),
            "labelled one record with its article": len(same),
            "sample": [
                {"notice": records[n].title[:110], "article": records[a].title[:110]}
                for n, a in sorted(pairs)[:6]
            ],
            "labelled one sample": [
                {"notice": records[n].title[:110], "article": records[a].title[:110]}
                for n, a in sorted(same)[:4]
            ],
        }
    return out


def _by(counts: dict[str, int]) -> str:
    return ", ".join(f"{how} {n}" for how, n in sorted(counts.items()))


def main(argv: list[str]) -> int:
    figures = {"snapshot": snapshot_figures(), "bib-dedupe": bib_figures()}
    results = HERE / "results"
    (results / "notices.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    s = figures["snapshot"]
    lines = [
        "# Notices attached to their articles (reviewkit.dedup.concerns)",
        "",
        f"PubMed snapshot, {s['records']:,} records: {s['true pairs (both PMIDs in the snapshot)']}"
        f" notice/article pairs linked by PubMed with both in the snapshot; with the links"
        f" {s['pairs with the links']} found. Links hidden: {s['pairs without the links: found']}"
        f" found by DOI, title or citation, {s['pairs without the links: not linked by PubMed']} pairs PubMed does"
        f" not link ({s['cpu seconds, rules without links']} CPU s).",
        "",
        "| the article | pairs found | serious (retraction, erratum, concern) | by |",
        "|---|---|---|---|",
        f"| in PubMed, with the links | {s['pairs with the links']}"
        f" | {s['serious pairs with the links']} of {s['serious pairs (retraction, erratum, concern)']}"
        " | PubMed's link |",
        f"| in PubMed, links hidden | {s['pairs without the links: found']}"
        f" | {s['serious pairs without the links: found']}"
        f" of {s['serious pairs (retraction, erratum, concern)']}"
        f" | {_by(s['true pairs found by (without the links)'])} |",
        *(
            f"| {label} | {s[key]} | {s[key + ', serious']}"
            f" of {s['serious pairs (retraction, erratum, concern)']} | {_by(s[key + ' by'])} |"
            for label, key in (
                ("from another database (no PMID, links or types)", ELSEWHERE),
                ("… and no journal abbreviation", ELSEWHERE_NO_ABBREVIATION),
            )
        ),
        "",
        "An article from another database: every article of a true pair made an Embase or RIS"
        " record (no PMID, none of PubMed's links or publication types), its notice left in"
        " PubMed with its link: the link's PMID then names no record, and the link's citation"
        " ('Lancet. 2021 Mar 27;397(10280):1195-1203') names the article at its journal, year,"
        " volume and first page (The Lancet's 'Department of Error.' by nothing else). Of"
        f" {s['true pairs (both PMIDs in the snapshot)']} true pairs; 'by' counts the true"
        " pairs found. The record keeps PubMed's journal name ('Lancet (London, England)'); an"
        " Embase record's own ('The Lancet') is not measured here. Read (sample in"
        " notices.json): the serious pairs missed are notices titled with no title"
        " ('Correction.', 'Corrigendum.'), errata of errata, and The Lancet's 'Department of"
        " Error.' whose link cites its article online first ('Lancet. 2021 May 20;:', no"
        " volume nor page: Measure Up 1 and 2; 15 of the snapshot's 252 erratum and"
        " retraction links cite so).",
        "",
        "Read (samples in notices.json): the misses are notices whose title names no title"
        " ('Department of Error.', 'Correction.'), errata of errata, and comments whose title is"
        " their own (a journal's 'In Brief' pieces). Of the 4 notices titled with a citation"
        " alone ('Correction to Lancet Oncol 2021; 22: 872-82.'), the one whose article the"
        " snapshot holds is found by its citation; the other 3 articles are not in it. The"
        " pairs PubMed does not link are all comments and"
        " replies titled with the article ('Reply to: COVID-19 and Coagulopathy.'). PubMed"
        " links none of them (29 of the first 30 carry no CommentsCorrections; one links the"
        " article's other-language version). All 32 read: right but for 2 in doubt, two"
        " replies titled as two letters of one title each attached to both; Lancet Oncology's"
        " 'Authors' reply', titled as the letters it answers together, is attached to each;"
        " the 2 found since stop 40 are replies headed 'Response', read through dedup's"
        " heading."
        " Comments are shown on the screening screen only, so none of them reaches `status`"
        " or the report.",
        "",
        "bib-dedupe's sets: the notices attached by the DOI they name (srsr) are PLOS's and"
        " Elsevier's corrections citing the article's DOI; those 'labelled one with its"
        " article' are errata the labels count as a duplicate of their article ('Erratum:"
        " Gain-of-function mutations in complement factor B …', 'CORRECTION TO: …'):"
        " merged with the article or not, the erratum is shown with it.",
        "",
        "| set | records | notices attached | by | labelled one with its article |",
        "|---|---|---|---|---|",
    ]
    for name, f in figures["bib-dedupe"].items():
        by = ", ".join(f"{k} {v}" for k, v in sorted(f["by"].items()))
        lines.append(
            f"| {name} | {f['records']} | {f['notices attached']} | {by} |"
            f" {f['labelled one record with its article']} |"
        )
    (results / "notices.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
