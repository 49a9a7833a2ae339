"""The ``own-aim`` prefill of an unlabelled abstract that opens by saying what was asked in the
passive ("The effects of adrenaline on the Na+ influx were studied with the perfused head
technique."): that opening is its aim, where further on the passive tells the methods and a
general statement ("Amyloid proteins are widely studied ...") or the literature's work ("X was
previously studied") is none."""

from __future__ import annotations

import pytest

from reviewkit.extract import prefill_value
from reviewkit.records import AbstractSection, Record

RESULTS = "Adrenaline raised the influx by 60%."


def _aim_cell(field, *parts: tuple[str, str]) -> str:
    sections = [AbstractSection(label, text) for label, text in parts]
    return prefill_value(Record(title="Adrenaline in trout", abstract_sections=sections), field)


# general statements, the literature's work, a clause hanging on another, a finding, the
# sentence before's subject: no aim, as an opening or further on
NOT_AIMS = (
    "Amyloid proteins are widely studied for their biophysical properties.",
    "Return to work was previously studied in large cohorts.",
    "Sick leave has been investigated in many countries.",
    # earlier work told by an adverb of the past before or after the participle
    "Burnout was originally described in 1974 but was of little interest until recently.",
    "The sequence of the receptor was determined previously (Smith, 1990).",
    "Workers' claims were formerly examined by a medical panel.",
    "It was determined that most of the label is in lanosterol.",
    "Ever since the first structures were determined in the 1960s, biologists have needed tools.",
    "Many phenomena are described by mathematical models.",
    "Energy homeostasis is determined by food intake and energy expenditure.",
    "Sick leave is common in Norway and few interventions are tested.",
    # a cohort's methods
    "In a cohort of 12,000 employees, pain and anxiety were measured at baseline.",
    "This was examined in a later report.",
)


@pytest.mark.parametrize(
    "opening",
    [
        "The effects of adrenaline on the Na+ and Cl- influxes were studied with the perfused "
        "head technique.",
        "Thyroxine uptake from amniotic fluid was investigated in fetal sheep.",
        "The cases of 70 consecutive patients having a hypophysectomy are reviewed.",
        "Taste preferences, fluid intake and histology of tongue epithelium were studied in rats.",
        "The presence of microplastic particles from five beaches was assessed.",
        "The evolution of local atomic configuration of KNbO3 is investigated using simulations.",
        "Outcomes of 587 patients treated with radiotherapy were retrospectively compared.",
        # "initially": the study's own first round, not earlier work
        "Sick leave at two plants was initially studied in 2004 and later revisited in 2010.",
    ],
)
@pytest.mark.parametrize("which", ["demo", "review_a"])
def test_an_unlabelled_abstract_opening_with_what_was_asked_states_its_aim(which, opening, request):
    field = next(f for f in request.getfixturevalue(which).extraction if f.id == "aim")
    assert _aim_cell(field, ("", f"{opening} {RESULTS}")) == opening
    for other in NOT_AIMS:
        assert _aim_cell(field, ("", f"{other} {RESULTS}")) == ""
        # further on, the passive tells the methods
        assert _aim_cell(field, ("", f"{other} {opening} {RESULTS}")) == ""


@pytest.mark.parametrize("which", ["demo", "review_a"])
def test_a_stated_aim_or_a_labelled_abstract_comes_before_the_passive_opening(which, request):
    field = next(f for f in request.getfixturevalue(which).extraction if f.id == "aim")
    opening = "The effects of adrenaline on the influx were studied in ten trout."
    aim = "We aimed to find where adrenaline acts."
    assert _aim_cell(field, ("", f"{opening} {aim} {RESULTS}")) == aim
    assert _aim_cell(field, ("", f"{opening} {RESULTS}")) == opening
    # a labelled abstract's Background is taken whole, as before
    labelled = ("BACKGROUND", opening), ("RESULTS", RESULTS)
    assert _aim_cell(field, *labelled) == opening
    methods = ("BACKGROUND", "Trout live in the sea."), ("METHODS", opening)
    assert _aim_cell(field, *methods) == "Trout live in the sea."
