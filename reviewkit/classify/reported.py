"""A comparator named again where the results are reported is still the comparator.

A trial's Results report every arm by its name ("sickness absence was 21 days with internet CBT
and 26 days with escitalopram"), and its Conclusions often restate the comparison ("an
alternative to sertraline"). The comparator's description in the Methods or the title is no
evidence (:mod:`reviewkit.classify.comparator`), but the same label's words in those reporting
sections would make it look tested: a trial of CBT against an antidepressant read as CBT *with*
medication, a coordinator against a team as a team with a coordinator.

So a label whose evidence lies only in the reporting sections of a structured abstract (Results,
Findings, Conclusions, Interpretation, Discussion) or in its context (Background, Introduction:
what others did, "burnout is treated with psychological treatment or with workplace
measures"), while the record names one of its terms as a comparator arm where it describes the
study (the title, objective, methods: not the reporting sections, whose "less than CAD $50 ...
return to work" is no arm, nor the context), has no evidence: the study never describes it as
what it tested. A label also found where the study is described (title,
objective, methods, an unstructured abstract, keywords, MeSH) keeps all its evidence, and a
health state or disorder is never a comparator, so population schemes are untouched.
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewkit.abstract_headings import category
from reviewkit.classify.evidence import Evidence
from reviewkit.classify.fields import Field
from reviewkit.classify.places import in_context
from reviewkit.classify.term_syntax import distinct_terms
from reviewkit.classify.terms import find_term
from reviewkit.protocol import Label

# Sections that report what the others described ("RESULTS", "MAIN RESULTS", "CONCLUSIONS");
# "DISCUSSION" too, which NLM's structured-abstract categories file under CONCLUSIONS
_REPORTING = ("RESULT", "FINDINGS", "CONCLUSION", "INTERPRETATION", "DISCUSSION")


def _reporting(where: str) -> bool:
    """Whether a place ('abstract:RESULTS', 'title', …) is a section that reports results."""
    kind, _, section = where.partition(":")
    return kind == "abstract" and any(r in category(section) for r in _REPORTING)


def reported_arms(
    labels: Sequence[Label], found: list[Evidence], fields: Sequence[list[Field]]
) -> list[Evidence]:
    """``found`` without the evidence of each label that a record (``fields``: its reports'
    fields) names, where it describes the study, only as a comparator, and otherwise only in its
    reporting sections (see the module docstring)."""
    dropped = set()
    described = [
        [fl for fl in f if not (_reporting(fl.where) or in_context(fl.where))] for f in fields
    ]
    for lab in labels:
        mine = [e for e in found if e.label == lab.id and not e.negative]
        if not mine or not all(_reporting(e.where) or in_context(e.where) for e in mine):
            continue
        terms = distinct_terms(lab.terms)
        if any(find_term(t, f, lab.id, arm=True) for f in described for t in terms):
            dropped.add(lab.id)
    return [e for e in found if e.label not in dropped]
