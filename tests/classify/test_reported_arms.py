"""A comparator named again in the Results or Conclusions is still the comparator: a label found
only there, and named as a comparator arm where the study is described, has no evidence
(reviewkit/classify/reported.py)."""

from __future__ import annotations

import pytest

from reviewkit import classify
from reviewkit.records import AbstractSection, Record

METHODS = (
    "Employed patients with major depression were randomised to guided internet CBT with a "
    "psychologist. The comparison intervention consisted of escitalopram prescribed by a "
    "psychiatrist."
)


def _labels(protocol, scheme: str, sections: list[tuple[str, str]], title: str = "A trial"):
    rec = Record(title=title, abstract_sections=[AbstractSection(h, t) for h, t in sections])
    return [s.label for s in classify.suggest(rec, protocol.scheme(scheme))]


@pytest.mark.parametrize("last", ["CONCLUSIONS", "DISCUSSION"])
def test_the_comparator_in_the_results_is_still_the_comparator(depression, last):
    # NLM files a "Discussion" heading under CONCLUSIONS: it reports the arms as they do
    results = "Sickness absence was 21 days with internet CBT and 26 days with escitalopram."
    conclusions = "Escitalopram and internet CBT both shortened sick leave."
    sections = [("METHODS", METHODS), ("RESULTS", results), (last, conclusions)]
    assert _labels(depression, "clinical-type", sections) == ["psychological"]


def test_a_label_described_as_tested_keeps_its_results(depression):
    # the same results, but the Methods give both treatments to one arm: combined treatment
    methods = "Patients received internet CBT with a psychologist together with escitalopram."
    results = "Sickness absence was 21 days with internet CBT and escitalopram."
    conclusions = "Escitalopram and internet CBT together shortened sick leave."
    sections = [("METHODS", methods), ("RESULTS", results), ("CONCLUSIONS", conclusions)]
    assert _labels(depression, "clinical-type", sections) == ["psychological-and-medication"]


def test_a_label_only_in_the_results_without_a_comparator_stays(depression):
    # no comparator names it: the rule leaves the Results' evidence alone
    sections = [("METHODS", "Employed patients with depression took part."),
                ("CONCLUSIONS", "Escitalopram shortened sick leave.")]  # fmt: skip
    assert _labels(depression, "clinical-type", sections) == ["pharmacological"]


def test_a_comparison_within_the_results_names_no_arm(depression):
    # only where the study is described does a comparator name an arm: "less than CAD $50",
    # "shorter than before escitalopram" in the Results are no comparator of the trial
    sections = [("METHODS", "Employed patients with depression took part."),
                ("RESULTS", "Absence was shorter than before escitalopram was started."),
                ("CONCLUSIONS", "Escitalopram shortened sick leave.")]  # fmt: skip
    assert _labels(depression, "clinical-type", sections) == ["pharmacological"]
