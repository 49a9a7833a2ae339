"""What each signal term of the shipped protocols fires on in Review B's 50 studies, and how the
figures change when a row is classified without the terms that fire on that row alone.

Used by :mod:`benchmarks.bench_classify` (the tables "Terms and what they fire on" and
"Leave-terms-out" in ``results/classify.md``).

* **Audit**: for every distinct term of every label (all three shipped protocols), the refs of the
  rows it is found in, on the titles and on the titles with the two description columns, and
  the reason the protocol gives for it (the comment on its line).
* **Leave-terms-out**: a term found in one row only is the kind a protocol gains when one row
  is "fixed"; for each row, the scheme loses the terms (of any label) that fire on that row
  alone, and the row is classified again (rules; and the combined model, trained on the other
  49 rows with the same reduced scheme). A cheap proxy for terms written for a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from reviewkit.classify import choose, fit, record_fields, score_labels
from reviewkit.classify.fields import Field
from reviewkit.classify.term_syntax import distinct_terms, drop_recounted_words
from reviewkit.classify.terms import find_term
from reviewkit.protocol import Protocol, Scheme
from reviewkit.protocol.model import SignalTerm
from reviewkit.records import Record

# a term as the protocol writes it: in double quotes, or in single quotes (a TOML literal
# string, which holds a term written as found, '"employment worker*"', quotes and all)
_QUOTED = re.compile(r"'([^']+)'|\"([^\"]+)\"")


@dataclass
class TermHits:
    """One term of one label and the rows (refs) it is found in."""

    protocol: str
    scheme: str
    label: str
    term: str
    language: str
    weight: float
    titles: list[str]
    descriptions: list[str]
    reason: str


def term_reasons(toml_path: Path) -> dict[tuple[str, str], str]:
    """(language list, term) -> the comment the protocol gives for it.

    A term on its own line has the line's comment; terms listed together on one line
    (``terms_no = ["a", "b"]  # A; B``) take their part of a comment separated by ';'; a
    comment on a line of its own speaks for the term on the next line."""
    out: dict[tuple[str, str], str] = {}
    key = ""  # the term list the line is in ('' outside one)
    above = ""
    for line in toml_path.read_text(encoding="utf-8").splitlines():
        code, _, comment = line.partition("#")
        m = re.match(r"\s*(terms(?:_\w\w)?|negative_terms)\s*=", code)
        if m:
            key = m.group(1)
        elif re.match(r"\s*(\w+\s*=|\[)", code):
            key = ""
        if not key:
            continue
        if not code.strip():  # a comment on its own line speaks for the term below it
            above = comment.strip()
            continue
        words = [a or b for a, b in _QUOTED.findall(code) if (a or b) not in ("term", "weight")]
        comment = comment.strip() or above
        parts = [p.strip() for p in comment.split(";")]
        if len(parts) != len(words):  # one comment for the whole line
            parts = [comment] * len(words)
        above = ""
        for w, reason in zip(words, parts, strict=True):
            out.setdefault((key, w), reason)
        if code.rstrip().endswith("]"):
            key = ""
    return out


_LIST_OF = {"en": "terms", "no": "terms_no", "sv": "terms_sv", "da": "terms_da"}


def audit(
    protocol: Protocol, toml_path: Path, texts: dict[str, list[Record]], refs: list[str]
) -> list[TermHits]:
    """Every distinct term of every label of the protocol with the rows it fires on."""
    reasons = term_reasons(toml_path)
    fields = {name: [record_fields(r) for r in recs] for name, recs in texts.items()}
    out = []
    for scheme in protocol.schemes.values():
        for lab in scheme.labels:
            terms = distinct_terms(lab.terms)
            for term in terms:
                hits = {
                    name: [refs[i] for i, f in enumerate(fs) if _found(term, terms, f, lab.id)]
                    for name, fs in fields.items()
                }
                reason = reasons.get((_LIST_OF.get(term.language, "terms"), term.text), "")
                out.append(
                    TermHits(
                        toml_path.name,
                        scheme.id,
                        lab.id,
                        term.shown,  # a sign of several terms by all of them
                        term.language,
                        term.weight,
                        hits["titles"],
                        hits["descriptions"],
                        reason,
                    )  # fmt: skip
                )
    return out


def _found(
    term: SignalTerm, terms: tuple[SignalTerm, ...], fields: list[Field], label: str
) -> bool:
    """Whether the term counts as evidence in a record (as the rules count it)."""
    return bool(drop_recounted_words(term, find_term(term, fields, label), terms))


def only_on(scheme: Scheme, records: list[Record]) -> dict[int, set[tuple[str, str, str]]]:
    """Row index -> the terms (label, language, text) of the scheme found in that row and no other."""
    fields = [record_fields(r) for r in records]
    rows: dict[int, set[tuple[str, str, str]]] = {}
    for lab in scheme.labels:
        terms = distinct_terms(lab.terms)
        for term in terms:
            found = [i for i, f in enumerate(fields) if _found(term, terms, f, lab.id)]
            if len(found) == 1:
                rows.setdefault(found[0], set()).add((lab.id, term.language, term.shown))
    return rows


def without(scheme: Scheme, dropped: set[tuple[str, str, str]]) -> Scheme:
    """The scheme without the given terms (label, language, text)."""
    labels = tuple(
        replace(
            lab,
            terms=tuple(t for t in lab.terms if (lab.id, t.language, t.shown) not in dropped),
        )
        for lab in scheme.labels
    )
    return replace(scheme, labels=labels)


def leave_terms_out(scheme: Scheme, records: list[Record], golds: list[list[str]]) -> dict:
    """Rules and combined model (leave-one-out) with each row classified without its own terms.

    Returns the counts right with all terms and without, and the rows that change."""
    own = only_on(scheme, records)
    rules_all, rules_out, comb_all, comb_out, changed = 0, 0, 0, 0, []
    for i, (record, gold) in enumerate(zip(records, golds, strict=True)):
        train = [j for j in range(len(records)) if j != i]
        answers = []
        # a row with no terms of its own is classified by the whole scheme twice: once is enough
        for s in (scheme, without(scheme, own[i])) if own.get(i) else (scheme,):
            rules = [x.label for x in choose(s, score_labels(record, s))]
            model = fit(s, [records[j] for j in train], [golds[j] for j in train], True)
            comb = model.predict([record])[0] if model else rules
            answers.append((rules, comb))
        (r_all, c_all), (r_out, c_out) = answers[0], answers[-1]
        # as --evaluate counts one label per study: right when it is one of the gold labels
        ok = [len(x) == 1 and x[0] in gold for x in (r_all, r_out, c_all, c_out)]
        rules_all += ok[0]
        rules_out += ok[1]
        comb_all += ok[2]
        comb_out += ok[3]
        if own.get(i):
            changed.append(
                {
                    "row": i,
                    "terms": sorted(f"{lab}:{t}" for lab, _, t in own[i]),
                    "gold": gold,
                    "rules": [r_all, r_out],
                    "combined": [c_all, c_out],
                }
            )
    return {
        "n": len(records),
        "rules": [rules_all, rules_out],
        "combined": [comb_all, comb_out],
        "rows": changed,
    }


def _refs(refs: list[str], limit: int = 6) -> str:
    if not refs:
        return "—"
    return ", ".join(refs) if len(refs) <= limit else f"{len(refs)} rows"


# Terms found in one row of Review B only, and why each describes a kind, not that row: checked
# by hand against the label's definition (DOMAIN.md), MeSH and the Scandinavian words.
ONE_ROW_NOTES = (
    "Every term found in one row only (on either text) was checked against the label's "
    "definition: each is a word of the definition, a standard synonym or title of the role "
    "(interdisciplinary, employment consultant, care manager, coaching), a named method of the "
    "kind (multimodal rehabilitation, individual placement and support), a Scandinavian word for "
    "it (samverkan, arbetsgivare, arbetsplats*, psykisk ohälsa), or a spelling of the two kinds "
    "named together (mental and/or musculoskeletal). None serves one row and no kind, so none "
    "was removed for that reason. The one term that served a row beyond its kind was the "
    "Swedish compound pattern `*team`: it also found the bare English word 'team', so a word the "
    "protocol calls weak (0.5) counted 1.5; ref 16 ('co-located team, care manager + employment "
    "consultant') was right only through that. The pattern now adds compounds only "
    "(samverkansteam, rehabteam), the bare word counts once at its own weight, and ref 16 is "
    "lost (see the figures)."
)


def audit_markdown(hits: list[TermHits]) -> list[str]:
    """The section 'Terms and what they fire on': one table per protocol of the terms found in
    some row, and the terms found in none listed per label."""
    lines = [
        "## Terms and what they fire on",
        "",
        "Every distinct term of the three shipped protocols, and the rows of "
        "`review_b_studies.csv` (by ref) it is found in: on the titles, and on the titles with "
        "the two description columns. 'reason' is the protocol's own comment on the term. "
        "Terms found in one row only are marked **1**.",
        "",
        ONE_ROW_NOTES,
        "",
    ]
    for protocol in dict.fromkeys(h.protocol for h in hits):
        mine = [h for h in hits if h.protocol == protocol]
        lines += [f"**{protocol}**", ""]
        lines += ["| scheme / label | term | lang | weight | titles | descriptions | reason |"]
        lines += ["|---|---|---|---|---|---|---|"]
        silent: dict[str, list[str]] = {}
        for h in mine:
            key = f"{h.scheme} / {h.label}"
            if not h.titles and not h.descriptions:
                silent.setdefault(key, []).append(h.term)
                continue
            one = len(set(h.titles) | set(h.descriptions)) == 1
            term = f"`{h.term}`" + (" **1**" if one else "")
            reason = h.reason.replace("|", "/")
            lines.append(
                f"| {key} | {term} | {h.language} | {h.weight:g} | {_refs(h.titles)} | "
                f"{_refs(h.descriptions)} | {reason} |"
            )
        ones = [h for h in mine if len(set(h.titles) | set(h.descriptions)) == 1]
        lines += ["", "Found in one row only (each checked: a word of its label's definition):", ""]
        lines.append(
            ", ".join(
                f"`{h.term}` ({h.label}, ref {(h.titles or h.descriptions)[0]})" for h in ones
            )
        )
        lines += ["", "Found in no row of Review B (other words of the same definitions):", ""]
        lines += [
            f"* {key}: " + ", ".join(f"`{t}`" for t in terms) for key, terms in silent.items()
        ]
        lines.append("")
    return lines


LEAVE_OUT_READING = """How to read it: the rows lost are rows whose only sign is a domain word that \
occurs once in 50 studies (IPS and the model's name, a Swedish title's "arbetsgivare", \
burnout, distress, chronic pain, pain syndrome); each is a word of its label's definition \
(see the next section), not a word written for the row. What it does show is how thin the \
evidence of a row is: diagnosis with descriptions is 100 % with every term and 96 % without \
(ref 17's "pain syndrome", ref 23's "mental and/or musculoskeletal" are each the one sign of \
a row), so expect less than 100 % on another review's studies. The combined model holds model \
type with descriptions (42 -> 43 of 50): it reads the other words too. On titles 3-6 rows are \
lost: a title names the model or the diagnosis in one word when it names it at all."""


def leave_out_markdown(results: dict[str, dict], refs: list[str]) -> list[str]:
    """The section 'Leave-terms-out': each cell with and without the terms of a row's own."""
    lines = [
        "## Leave-terms-out: each row without the terms found in it alone",
        "",
        "For each row, the scheme loses every term (of any label) found in that row and in no "
        "other, and the row is classified again: by the rules, and by the combined model "
        "trained on the other 49 rows with the same reduced scheme. A term written for one row "
        "would show here as a row lost. Without study links.",
        "",
        "| cell | rules: all terms | without the row's own | combined: all terms | without |",
        "|---|---|---|---|---|",
    ]
    for key, res in results.items():
        n = res["n"]
        r, c = res["rules"], res["combined"]
        lines.append(f"| {key} | {r[0]}/{n} | {r[1]}/{n} | {c[0]}/{n} | {c[1]}/{n} |")
    lines += ["", LEAVE_OUT_READING, "", "Rows whose answer changes without their own terms:", ""]
    lines += ["| cell | ref | gold | terms found in it alone | rules | combined |"]
    lines += ["|---|---|---|---|---|---|"]
    for key, res in results.items():
        for row in res["rows"]:
            if row["rules"][0] == row["rules"][1] and row["combined"][0] == row["combined"][1]:
                continue
            rules = " → ".join("/".join(x) for x in row["rules"])
            comb = " → ".join("/".join(x) for x in row["combined"])
            terms = ", ".join(f"`{t}`" for t in row["terms"])
            lines.append(
                f"| {key} | {refs[row['row']]} | {'/'.join(row['gold'])} | {terms} | {rules} | {comb} |"
            )
    lines.append("")
    return lines


# --- terms by study: right and wrong on Review B ------------------------------------------------

# Every term of work-health-collaboration.toml that fires on exactly one of Review B's studies,
# and the standard it is an expression of (a term with none would be a fit to one row, to remove).
ONE_STUDY_SOURCES = {
    "interdisciplinary": "synonym of multidisciplinary (MeSH Interdisciplinary Communication)",
    "multimodal rehabilitation": "the Swedish national team programme's name (MMR)",
    "*team": "Swedish compounds of team (rehabteam, samverkansteam)",
    "samverkan": "Swedish for inter-agency collaboration (the Finsam law's word)",
    "individual placement and support": "the model's name (IPS)",
    '"employment specialist*"': "the IPS role's title (IPS fidelity scale)",
    '"employment consultant*"': "the same role's title in supported employment (e.g. Australia)",
    "job specialist*": "the model type's own name (its one study here, ref 21, is a team's member)",
    "care manager*": "the coordinating role of collaborative care",
    "case management*": "MeSH Case Management",
    "job search": "IPS fidelity scale's principle 'rapid job search' (weak; task 28)",
    "coordinating*": "the definition's verb ('one person coordinates')",
    "coordinates*": "the definition's verb ('one person coordinates')",
    "coaching": "the definition's word ('often with coaching')",
    "occupational health service*": "MeSH Occupational Health Services; the definition's word",
    "occupational health care": "the same service, Finnish and Dutch usage",
    "arbetsgivare": "Swedish for employer",
    "arbetsplats*": "Swedish for workplace",
    "distress": "psychological distress (MeSH Psychological Distress)",
    "burnout": "MeSH Burnout, Psychological; DOMAIN.md",
    "bipolar": "ICD-10 F31",
    "psykisk ohälsa": "Swedish for mental ill-health",
    "shoulder": "MeSH Shoulder Pain; DOMAIN.md",
    "pain syndrome*": "chronic pain syndrome (ICD-10-CM G89.4; ICD-11 chronic primary pain)",
    "mental and/or musculoskeletal": "both kinds named in one phrase",
    "musculoskeletal and/or mental": "both kinds named in one phrase",
    "musculoskeletal or mental": "both kinds named in one phrase",
}


def by_study(
    hits: list[TermHits],
    golds: dict[str, dict[str, list[str]]],
    combines: dict[str, dict[str, tuple[str, ...]]],
) -> list[dict]:
    """Each term of the schemes with gold labels, the studies it fires on (titles with
    descriptions), and how many of them the authors put in its label: right when the study's
    gold is the term's label or a combination of it (a coordinator word on a team-plus-
    coordinator study), wrong otherwise."""
    out = []
    for h in hits:
        gold = golds.get(h.scheme)
        if gold is None or not h.descriptions:
            continue
        parts = combines.get(h.scheme, {})
        right = [
            r for r in h.descriptions if any(g == h.label or h.label in parts.get(g, ()) for g in gold[r])
        ]  # fmt: skip
        out.append(
            {
                "scheme": h.scheme,
                "label": h.label,
                "term": h.term,
                "weight": h.weight,
                "studies": len(h.descriptions),
                "right": len(right),
                "wrong": [r for r in h.descriptions if r not in right],
            }
        )
    return out


def by_study_markdown(rows: list[dict]) -> list[str]:
    """The section 'Terms by study'."""
    lines = [
        "## Terms by study",
        "",
        "Every term of `work-health-collaboration.toml` found in Review B's studies (titles with "
        "the two description columns): the number of studies it fires on, how many the authors "
        "put in the term's label (or in a combination of it: a coordinator word on a "
        "team-plus-coordinator study, a mental word on a 'both' study), and the refs of the "
        "others. Review B excluded severe mental illness, so every study it fires on counts "
        "wrong for that flag. A term that fires on exactly one study stays only as a standard "
        "expression of its label's concept; the last column names the standard (no term of "
        "this protocol failed that check, so none was removed).",
        "",
        "| scheme / label | term | weight | studies | right | wrong (refs) | one study: standard |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        one = ONE_STUDY_SOURCES.get(r["term"], "**unchecked**") if r["studies"] == 1 else ""
        wrong = f"{len(r['wrong'])}" + (f" ({', '.join(r['wrong'])})" if r["wrong"] else "")
        lines.append(
            f"| {r['scheme']} / {r['label']} | `{r['term']}` | {r['weight']:g} | {r['studies']} | "
            f"{r['right']} | {wrong} | {one} |"
        )
    lines.append("")
    return lines
