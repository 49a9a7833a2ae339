"""The score of a merge that a rule makes over a contradiction it explains (a page an export
garbled, a number typo in a name, a reprint's other volume and DOI): the title and the fields
that agree, the contradiction not counted. The score orders merges for the chaining guard
(strongest first) and is shown to a reviewer; it decides no merge."""

from __future__ import annotations

from dedup.helpers import keys

from reviewkit.dedup.pair import W_SUPPORT, W_TITLE, Pair
from reviewkit.dedup.rules import compare
from reviewkit.dedup.score import Context

_TITLE = "Loss of p16(INK4a) expression in sick-listed workers with chronic pain"
_TEXT = (
    "Background: sickness absence after chronic pain is long. Methods: we followed 400 "
    "sick-listed workers for two years in a cohort and measured expression in blood samples "
    "taken at inclusion and after one year. Results: loss of expression predicted a longer "
    "absence. Conclusions: the marker may help to plan return-to-work services early."
)


def _explained(a, b, rule: str) -> None:
    pair, v = Pair(a, b, Context()), compare(a, b)
    assert (v.verdict, v.rule) == ("duplicate", rule)
    assert pair.conflicts + pair.numbers_differ + pair.doi_differs > 0  # a contradiction
    agreeing = W_TITLE * pair.t / 100 + W_SUPPORT * pair.support
    assert v.score == round(agreeing, 4)
    assert v.score > pair.score  # the contradiction it explains is not counted against it


def test_a_merge_over_an_explained_contradiction_scores_its_agreeing_evidence():
    # a first page garbled by one export
    a, b = keys(1, issue="3", pages="278-286"), keys(2, issue="3", pages="224")
    _explained(a, b, "same_issue_other_page")
    # a number typo in a name, journal, volume, issue and page the same
    a = keys(1, title=_TITLE, issue="3", pages="245-253")
    b = keys(2, title=_TITLE.replace("p16(INK4a)", "p6INK4a"), issue="3", pages="245-253")
    _explained(a, b, "title_number_typo")
    # a reprint in the next volume, page for page, under its own DOI
    first = dict(
        abstract_sections=[{"label": "", "text": _TEXT}],
        year=2019,
        volume="45",
        pages="245-253",
        doi="10.1000/sjweh.3790",
    )
    again = dict(first, year=2020, volume="46", pages="112-120", doi="10.1000/sjweh.3902")
    _explained(keys(1, **first), keys(2, **again), "printed_again_next_volume")
