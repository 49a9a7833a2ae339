"""Each reach limit and word list of ``reviewkit/classify/`` varied alone, on every set the
classify benchmark reads: ``python -m benchmarks.classify_limits`` writes
``results/classify-limits.md``.

A limit set from one sentence of one set can fail on another review's prose; this measures
what each setting changes. Per setting:

* **held-out**: the rules' right rows summed over every held-out set and scheme
  (:mod:`benchmarks.classify_heldout`: Review B's kind 1-8, Review A's, the domain,
  depression, workplace, CMD and coordination reviews' own schemes), and the cells that
  differ from the setting in the code.
* **Review B**: the rules' right rows summed over its 8 cells (two schemes; titles and
  descriptions; with and without the authors' links), and how many of the 400 rows' label
  scores differ at all: the model is words only, and the combined model reads the rules'
  scores, so where no score moves the model and combined columns cannot move either.
* **demo**: of the demo project's 355 records x 2 schemes (710 suggestions, as
  ``reviewkit classify --all`` gives them, each on its study's evidence), how many suggestions
  differ, and how many records' scores differ.

The rules only; no model is fitted (see Review B's score count for why none is needed).
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from benchmarks import classify_heldout
from benchmarks.classify_review_b import DESCRIPTIONS, SCHEMES, author_links, data_path
from benchmarks.classify_speed import demo_project
from reviewkit import protocol as protocol_mod
from reviewkit.classify import (
    actors,
    choose,
    comparator,
    negation,
    outcomes,
    recipients,
    score_labels,
    variables,
)
from reviewkit.classify.evaluate import read_gold

ROOT = Path(__file__).resolve().parents[1]
PROTOCOL = ROOT / "protocols" / "work-health-collaboration.toml"
NONE = 10**6  # "no limit": more words than any abstract has

_IRREGULAR = frozenset({"drew", "made", "gave", "wrote", "took", "kept", "set", "went"})
_MORE_IRREGULAR = frozenset(
    {"held", "sent", "told", "spoke", "saw", "found", "got", "began", "brought", "led", "paid"}
)
# (module, name, kind in English prose, settings to try; the code's value first)
LIMITS = (
    (outcomes, "GAP", "words between health words and a measure word", (3, 1, 2, 6, NONE)),
    (outcomes, "REACH", "words between an instrument and health words", (3, 1, 6, NONE)),
    (outcomes, "TIME_REACH", "words from 'in' to its time word", (3, 1, 2, 4, 6, NONE)),
    (outcomes, "THRESHOLD_REACH", "words either side to a threshold", (8, 2, 4, 12, 16, NONE)),
    (negation, "NEGATION_REACH", "words from a negation cue", (5, 2, 3, 4, 8, 10)),
    (negation, "PARTY_REACH", "words from a contact word on", (8, 4, 5, 6, 7, 12, 16, NONE)),
    (comparator, "OPENING", "a sentence's first words", (6, 1, 2, 3, 9, NONE)),
    (comparator, "WHOM_REACH", "words from in/among/for to its people", (3, 1, 2, 6)),
    (comparator, "ALLOCATED_REACH", "words from randomised to 'to'", (3, 1, 2, 6)),
    (comparator, "COMPARE_REACH", "words from 'compare' to its 'with'", (8, 2, 4, 6, 12, NONE)),
    (recipients, "TO_WHOM_REACH", "words between a weak term and its person", (2, 0, 1, 3, 4)),
    (recipients, "SUBJECT_REACH", "words before a verb of receiving", (8, 2, 4, 6, 12, NONE)),
    (actors, "AGENT_REACH", "characters from 'by' to the agent", (40, 10, 20, 60, 80, NONE)),
    (variables, "REACH", "words from health words to a role", (12, 6, 9, 18, 24, NONE)),
    (variables, "ADJUST_REACH", "words from 'adjusted for' on", (6, 2, 3, 9, 12)),
    (variables, "POPULATION_REACH", "words back to a population word", (4, 1, 2, 6, 8)),
    (variables, "SUBGROUP_REACH", "words from a subgroup cue", (8, 4, 6, 12, 16, NONE)),
)
WORD_LISTS = (
    (
        actors,
        "STOPS",
        "words that end the parties contacted",
        (
            ("as in the code", actors.STOPS),
            ("none", frozenset()),
            ("without irregular past verbs", actors.STOPS - _IRREGULAR),
            ("+ 11 irregular past verbs", actors.STOPS | _MORE_IRREGULAR),
        ),
    ),
    (
        comparator,
        "_CURRENCY",
        "currency codes before an amount",
        (
            ("as in the code", comparator._CURRENCY),
            ("none (before this task)", re.compile(r"(?!)(\d+)?")),
        ),
    ),
)


NOTES = """
## What the table says (task 30)

Most limits are flat: every set gives the same figures from well below to well above the code's
value, often to no limit at all, because the clause or sentence ends the reach first. Each such
limit stays, its comment in `reviewkit/classify/` saying its kind (a noun phrase, a list, a
clause, a time phrase) and the measured range. The limits that move:

* `outcomes.LIST_REACH` (25): 21 or fewer lose set 7's 22-word list of outcomes; 22 to none
  the same. Task 32 replaced it by the list's kind, its sentence (no word limit; a test reads
  a list of 47 words), so the table no longer varies it.
* `outcomes.TIME_REACH` (3): 2 or fewer lose set 7's "in the next 12 months"; 3 to 6 the same.
* `negation.NEGATION_REACH` (5, NegEx's window): 2 loses a set-7 row and two of Review B's; 3
  to 10 the same. NegEx's 5 kept; `tests/classify/test_reach_limits.py` pins 5.
* `negation.PARTY_REACH` (8): 4 and 5 lose set-7 rows; 6 to none the same on the sets.
  `tests/classify/test_reach_limits.py` pins 7-8: a party 7 words after "no contact" is left
  out, an employer 9 words on after another act ("and met the employer") is not.
* `variables.REACH` (12): 6 loses 8 rows (sets 4 of both kinds); 9 to none the same;
  `tests/classify/test_reach_limits.py` pins 11 or more (a role after a time phrase).
* `variables.SUBGROUP_REACH` (8): 6 or fewer lose a set-5 row; 8 to none the same.
* `actors.STOPS`: without its irregular past verbs, or with 11 more, the same; with none, set 8
  gains one row (T20) by reading every party to the sentence's end as a contact, a rule that
  would count "met the citizen and agreed a plan" as contact: kept.
* `comparator._CURRENCY` (new): a currency code before an amount ("less than CAD $50",
  "NOK 5000") makes "than" a quantity; no set has one in a comparator's place, so no figure
  moves (`tests/classify/test_comparator_quantities.py`).

No value changed: no setting gives any set more right rows but `STOPS` none (a row, not a
kind). `comparator.OPENING` (6) is flat from 1 to none on the sets (the clause-subject reach
reads most openings); a test pins it at 2 or more.

## Task 31: the comparator's limits measured afresh, and three new limits

The comparator's reaches are cached per text (`comparator._reach_of`), and until this task a
setting's run reused the reaches of the code's values: the comparator's limits (OPENING,
WHOM_REACH, ALLOCATED_REACH, _CURRENCY) were measured flat whatever their value. Each setting
now clears the cache. Measured afresh, `comparator.OPENING` 1 and 2 each move one demo record's
scores (no suggestion, no set's figure); the others are as before. Every other row is what the
last run gave, with the workplace set's 48 rows added to the held-out total (566/577).

* `comparator.COMPARE_REACH` (8, new): "To compare a workplace-oriented intervention with
  graded exercise" has its *with* 5 words after the verb; 2 and 4 lose that workplace row, 6 to
  none the same.
* `recipients.SUBJECT_REACH` (8, new): "General practitioners in the intervention practices
  attended" has its verb 6 words in; 2 and 4 lose that row, 6 to none the same.
* `recipients.TO_WHOM_REACH` (2, new): 0 to 4 the same on every set (the title's "Training
  general practitioners" has nothing between; the sentence rule reads the rest).

## Task 32: the fifth review's set added; values set from one row

The held-out total now includes the CMD review's 48 rows (613/625 at the code's values). Every
row is what the last run gave but these: `outcomes.LIST_REACH` is gone (the list's sentence
bounds it); `comparator.COMPARE_REACH` 2 and 4 also lose the CMD set's "To compare a workplace
dialogue intervention with cognitive behavioural therapy" (its *with* 5 words after the verb),
and 12 and no limit now move one demo record's scores (no suggestion): "compare A to B" reads
a "to" as B's start, and a longer reach finds one in a demo abstract; 8, the code's value,
moves none. `comparator._CURRENCY` now matches capitals only; the shipped sets have no amount
after "than", so it stays flat. `variables.SUBGROUP_REACH` stays 8: 4 and 6 lose set 5's row,
and a sentence-wide reach, flat here, fails a test of its kind (a disorder in a later clause
is the population).

## Task 33: the sixth review's set added

The held-out total now includes the coordination review's 72 rows (683/697 at the code's
values, the set's 70 right rows at every setting of every limit): no limit moves a row of it,
and every other row is what the last run gave. The one code change of the task
(`rules.longest_spans` in multi-label schemes) has no limit.
"""


@contextlib.contextmanager
def setting(module, name: str, value) -> Iterator[None]:
    """``module.name`` set to ``value`` for the block, with the comparator's reaches read
    afresh: they are cached per text (``comparator._reach_of``), so without clearing a
    setting's run would reuse the reaches of the code's values (task 31 found the comparator's
    limits measured so before: flat whatever their value)."""
    old = getattr(module, name)
    setattr(module, name, value)
    comparator._reach_of.cache_clear()
    try:
        yield
    finally:
        setattr(module, name, old)
        comparator._reach_of.cache_clear()


def _review_b() -> list[tuple[str, object, list, list, list[dict]]]:
    """Review B's 8 cells: (name, scheme, records, golds, siblings per row)."""
    protocol = protocol_mod.load(PROTOCOL)
    path = data_path()
    links = author_links(path)
    cells = []
    for scheme_id, column in SCHEMES:
        scheme = protocol.scheme(scheme_id)
        records, golds, _ = read_gold(scheme, path, column)
        records = [
            replace(
                r, abstract_sections=[s for s in r.abstract_sections if s.label in DESCRIPTIONS]
            )
            for r in records
        ]
        titles = [replace(r, abstract_sections=[]) for r in records]
        for text, recs in (("titles", titles), ("descriptions", records)):
            for linked in (False, True):
                sibs = [
                    {f"row {j + 1}": recs[j] for j in (links.get(i, ()) if linked else ())}
                    for i in range(len(recs))
                ]
                name = f"{scheme_id}/{text}" + (" + links" if linked else "")
                cells.append((name, scheme, recs, golds, sibs))
    return cells


def _demo():
    """The demo project's records, their study's other reports, and its schemes."""
    from reviewkit.classify.stage import study_records
    from reviewkit.classify.studies import report_name, sibling_reports
    from reviewkit.project import open_project
    from reviewkit.reports.studies import all_reports

    project = open_project(demo_project())
    try:
        ids = all_reports(project)
        records = study_records(project, ids)
        sibs = sibling_reports(project.db)
        schemes = list(project.protocol.schemes.values())
    finally:
        project.close()
    return [
        (scheme, records[r], {report_name(s): records[s] for s in sibs.get(r, ())})
        for scheme in schemes
        for r in ids
    ]


def _print(scores) -> tuple:
    """What a record's scores are, to compare between settings."""
    return tuple((s.label, round(s.score, 6), s.passes) for s in scores)


def measure(review_b, demo) -> dict:
    """The figures of one setting: held-out cells, Review B's cells and scores, the demo's."""
    sets = classify_heldout.run(protocol_mod.load(PROTOCOL))
    heldout = {f"{s['file']}:{k}": c["correct"] for s in sets for k, c in s["cells"].items()}
    b_right, b_prints = {}, []
    for name, scheme, recs, golds, sibs in review_b:
        right = 0
        for r, gold, sib in zip(recs, golds, sibs, strict=True):
            scores = score_labels(r, scheme, sib)
            b_prints.append(_print(scores))
            right += sorted(s.label for s in choose(scheme, scores)) == sorted(gold)
        b_right[name] = right
    demo_prints, demo_labels = [], []
    for scheme, record, sib in demo:
        scores = score_labels(record, scheme, sib)
        demo_prints.append(_print(scores))
        demo_labels.append(tuple(sorted(s.label for s in choose(scheme, scores))))
    return {
        "heldout": heldout,
        "heldout_n": sum(c["n"] for s in sets for c in s["cells"].values()),
        "review_b": b_right,
        "b_prints": b_prints,
        "demo_prints": demo_prints,
        "demo_labels": demo_labels,
    }


def _row(base: dict, got: dict) -> dict:
    """One setting's figures against the code's."""
    cells = [
        f"{k.removeprefix('heldout_').removesuffix('.csv')} {base['heldout'][k]}→{v}"
        for k, v in got["heldout"].items()
        if v != base["heldout"][k]
    ]
    cells += [
        f"B {k} {base['review_b'][k]}→{v}"
        for k, v in got["review_b"].items()
        if v != base["review_b"][k]
    ]
    return {
        "heldout": sum(got["heldout"].values()),
        "review_b": sum(got["review_b"].values()),
        "b_scores": sum(a != b for a, b in zip(base["b_prints"], got["b_prints"], strict=True)),
        "demo": sum(a != b for a, b in zip(base["demo_labels"], got["demo_labels"], strict=True)),
        "demo_scores": sum(
            a != b for a, b in zip(base["demo_prints"], got["demo_prints"], strict=True)
        ),
        "changed": cells,
    }


def _shown(value) -> str:
    return "none" if value == NONE else str(value)


def main(out: Path, only: tuple[str, ...] = ()) -> int:
    """Measure every setting (or those of the limits named in ``only``) and write ``out``."""
    review_b, demo = _review_b(), _demo()
    base = measure(review_b, demo)
    n_held = base["heldout_n"]
    lines = [
        "# Classification's limits and word lists, each varied alone",
        "",
        "Written by `python -m benchmarks.classify_limits` (see its docstring). The code's value "
        "is the first row of each limit. **held-out**: the rules' right rows over every held-out "
        f"set and scheme ({sum(base['heldout'].values())}/{n_held} at the code's values); **Review B**: the rules' right rows "
        f"over its 8 cells ({sum(base['review_b'].values())} at the code's values), and how many "
        f"of its {len(base['b_prints'])} rows' label scores moved (none: the model and combined "
        "columns cannot move); **demo**: suggestions that differ of the demo project's "
        f"{len(demo)} (records x schemes), and records whose scores moved.",
        "",
        "| limit | kind | setting | held-out | Review B | B scores moved | demo suggestions "
        "changed | demo scores moved | cells that change |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    runs = [
        (f"{m.__name__.rsplit('.', 1)[1]}.{name}", kind, _shown(v), m, name, v)
        for m, name, kind, values in LIMITS
        for v in values
    ] + [
        (f"{m.__name__.rsplit('.', 1)[1]}.{name}", kind, shown, m, name, v)
        for m, name, kind, values in WORD_LISTS
        for shown, v in values
    ]
    for label, kind, shown, module, name, value in runs:
        if only and label not in only:
            continue
        if getattr(module, name) == value:  # the code's value: the baseline itself
            row = _row(base, base)
        else:
            with setting(module, name, value):
                row = _row(base, measure(review_b, demo))
        lines.append(
            f"| {label} | {kind} | {shown} | {row['heldout']}/{n_held} | {row['review_b']} | "
            f"{row['b_scores']} | {row['demo']} | {row['demo_scores']} | "
            f"{'; '.join(row['changed']) or '—'} |"
        )
        print(lines[-1], flush=True)
    out.write_text("\n".join(lines) + "\n" + NOTES, encoding="utf-8")
    return 0


if __name__ == "__main__":
    target = ROOT / "benchmarks" / "results" / "classify-limits.md"
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else target, tuple(sys.argv[2:])))
