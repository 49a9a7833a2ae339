"""A health word inside the name of an outcome measure is what a study measured, not whom it
studied: a back-pain study reporting SF-36 mental health scores reads musculoskeletal, not both;
a study of workers with depression still reads mental, also when it reports depression scores."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.records import AbstractSection, Record

# (text, Review B's diagnosis, Review A's diagnosis group)
OUTCOMES = [
    (
        "Workers sick-listed with low back pain. Outcomes were days of sick leave and SF-36 mental "
        "health scores.",
        "musculoskeletal",
        "musculoskeletal",
    ),
    (
        "Employees with neck pain; secondary outcomes were the mental health component summary "
        "and the physical component summary.",
        "musculoskeletal",
        "musculoskeletal",
    ),
    (
        "Patients with shoulder disorders. Depression and anxiety scores on the HADS fell in both "
        "arms.",
        "musculoskeletal",
        "musculoskeletal",
    ),
    (
        "Workers with whiplash injuries; depressive symptoms measured with the Beck Depression "
        "Inventory.",
        "musculoskeletal",
        "musculoskeletal",
    ),
]

# A real mental-health population still reads mental, also beside outcome scores: each sentence
# read with the population given (gold for Review B, Review A) and with a back-pain population
# instead (musculoskeletal: the health words left are all inside outcome names).
POPULATIONS = [
    ("Workers on sick leave with {}. SF-36 mental health scores improved.",
     "mental health problems", "mental", "mental"),
    ("Employees on sick leave with {}; outcomes were PHQ-9 depression scores and days of sick "
     "leave.", "depression", "mental", "mental"),
    ("Patients with {} who completed the mental health questionnaire.",
     "anxiety disorders", "mental", "mental"),
    # a population of both kinds is still both, though one of them is also measured
    ("Workers with {}; depression and pain intensity scores were recorded.",
     "back pain and depression", "both", "mixed"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "b", "a"), OUTCOMES)
def test_health_words_in_outcome_names_are_not_the_population(review_a, review_b, text, b, a):
    assert labels(review_b, "diagnosis", text) == [b]
    assert labels(review_a, "diagnosis-group", text) == [a]


@pytest.mark.parametrize(("template", "population", "b", "a"), POPULATIONS)
def test_the_population_still_reads_beside_its_outcomes(
    review_a, review_b, template, population, b, a
):
    text = template.format(population)
    assert labels(review_b, "diagnosis", text) == [b]
    assert labels(review_a, "diagnosis-group", text) == [a]
    back_pain = template.format("low back pain")
    assert labels(review_b, "diagnosis", back_pain) == ["musculoskeletal"]
    assert labels(review_a, "diagnosis-group", back_pain) == ["musculoskeletal"]


def test_only_health_words_are_skipped_in_measure_names(review_b):
    # the IPS fidelity scale is about IPS: a measure named for the model is the model's evidence
    text = (
        "Workers with low back pain. Services were rated on the IPS fidelity scale; outcomes were "
        "SF-36 mental health scores."
    )
    assert labels(review_b, "diagnosis", text) == ["musculoskeletal"]
    assert labels(review_b, "model-type", text) == ["job-specialist"]


def test_a_role_is_no_health_state(review_b):
    # "psychologist assessed": the team member's verb, not a measured outcome
    text = (
        "A physician, a physical therapist and a psychologist assessed each worker with a case "
        "officer from the social insurance office."
    )
    assert labels(review_b, "model-type", text) == ["multidisciplinary-team"]


# A score used as an inclusion threshold names the population (a case definition); the same
# instrument or outcome name reported as a result, or as an exclusion, does not. Each pair: the
# score as a threshold (mental), and the same words in a back-pain study as an outcome.
THRESHOLDS = [
    ("Sick-listed employees with PHQ-9 depression scores of 10 or more were included.",
     "Workers with low back pain were included; outcomes were PHQ-9 depression scores ≥ 10."),
    ("Workers on sick leave with HADS anxiety or depression subscale scores ≥ 8 were eligible.",
     "Workers with low back pain. The proportion with HADS depression scores ≥ 8 fell to 18%."),
    ("Participants were sick-listed workers scoring ≥ 8 on the HADS depression subscale.",
     "Workers with low back pain; those with PHQ-9 depression scores ≥ 20 were excluded."),
    ("Workers with a Hospital Anxiety and Depression Scale score of 8 or higher were included.",
     "Workers with low back pain (pain intensity ≥ 4) reported SF-36 mental health scores."),
    ("Employees on sick leave with a PHQ-9 score ≥ 10 were randomised.",
     "Workers with low back pain. Outcomes were sick leave and PHQ-9 scores."),
    ("Inclusion criteria: sick leave for more than four weeks and a GHQ-12 score ≥ 4.",
     "Workers with low back pain completed the HADS and the GHQ-12 at baseline."),
    ("Employees on sick leave with K-10 scores above 20 were randomised.",
     "Workers with low back pain; K-10 scores fell below 20 in both arms."),
]  # fmt: skip


@pytest.mark.parametrize(("threshold", "outcome"), THRESHOLDS)
def test_a_score_threshold_names_the_population_a_score_outcome_does_not(
    review_a, review_b, threshold, outcome
):
    assert labels(review_b, "diagnosis", threshold) == ["mental"]
    assert labels(review_a, "diagnosis-group", threshold) == ["mental"]
    assert labels(review_b, "diagnosis", outcome) == ["musculoskeletal"]
    assert labels(review_a, "diagnosis-group", outcome) == ["musculoskeletal"]


# "Outcomes were …": a list of what was measured; a population word in between ends it.
LISTS = [
    ("Workers with chronic musculoskeletal pain. Outcomes were return to work, pain intensity "
     "and psychological distress.",
     "Outcomes were compared between workers with psychological distress and workers without."),
    ("Workers with low back pain; secondary outcomes included depression, anxiety and quality of "
     "life.",
     "The primary outcome was return to work in employees with depression."),
    ("Workers with neck pain. Outcomes: sick leave, depression and stress.",
     "Sick-listed workers with depression; outcomes were sick leave days."),
]  # fmt: skip


@pytest.mark.parametrize(("listed", "population"), LISTS)
def test_health_words_in_a_list_of_outcomes_are_not_the_population(
    review_a, review_b, listed, population
):
    assert labels(review_b, "diagnosis", listed) == ["musculoskeletal"]
    assert labels(review_a, "diagnosis-group", listed) == ["musculoskeletal"]
    assert labels(review_b, "diagnosis", population) == ["mental"]
    assert labels(review_a, "diagnosis-group", population) == ["mental"]


def test_a_disorders_acronym_is_no_instrument_without_the_instruments_number(test_protocol):
    """GAD is generalised anxiety disorder; the instrument is GAD-7. A protocol listing "GAD"
    for its mental label found "employees with GAD" until instruments' names became evidence
    only beside a threshold: the stem was taken for the instrument."""
    path = test_protocol.path  # its mental label's terms: "GAD" for "depress*", "common ..."
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"depress*", "common mental disorder*"', '"GAD"'), "utf-8")
    scheme = protocol_mod.load(path).scheme("topic")

    def mental(text: str) -> list[str]:
        rec = Record(title="A study", abstract_sections=[AbstractSection("METHODS", text)])
        scores = {s.label: s for s in classify.score_labels(rec, scheme)}
        return [e.text for e in scores["mental"].evidence]

    assert mental("Return to work for employees on sick leave with GAD.") == ["GAD"]
    # with its number it is the instrument: an outcome alone, the population beside a threshold
    assert mental("Workers with low back pain; GAD-7 scores at baseline.") == []
    assert mental("Employees on sick leave with a GAD-7 score of 10 or more.") == ["GAD"]
