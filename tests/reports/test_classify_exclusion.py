"""What a study left out is not what it is about: a disorder in an exclusion criterion, a party
after "neither ... nor", a party that "was not contacted" (task 27's held-out set: other
reviews' abstracts state eligibility and comparisons in these words)."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels

from reviewkit import classify
from reviewkit.records import AbstractSection, Record


@pytest.mark.parametrize(
    "text",
    [
        # the criterion after the cue
        "Workers sick-listed with low back pain took part. Exclusion criteria were pregnancy "
        "and serious psychiatric disorders.",
        # the excluded named before "were excluded"
        "Workers sick-listed with low back pain took part. Workers with depression or anxiety "
        "were excluded.",
        "Workers sick-listed with low back pain, excluding those with depression, took part.",
        # a group that was "not included" (post-negation)
        "Workers sick-listed with low back pain took part; workers with depression were not "
        "included.",
    ],
)
def test_a_disorder_in_an_exclusion_criterion_is_not_the_population(review_b, text):
    assert labels(review_b, "diagnosis", text) == ["musculoskeletal"]


def test_an_inclusion_word_ends_the_exclusion(review_b):
    # psychosis is excluded; the back pain after "included" is whom the study took in
    text = "Exclusion criteria were psychosis, and the 300 workers included had back pain."
    assert labels(review_b, "diagnosis", text) == ["musculoskeletal"]
    assert labels(review_b, "severe-mental-illness", text) == ["none"]


def test_neither_nor_names_parties_left_out(review_b):
    text = (
        "Psychologists delivered work-focused therapy at the clinic. Neither the employer nor "
        "the supervisor took part."
    )
    assert labels(review_b, "model-type", text) == ["none"]


def test_a_party_that_was_not_contacted_is_left_out(review_b):
    text = (
        "Psychologists delivered work-focused therapy at the clinic. The employer was not "
        "contacted in either arm."
    )
    assert labels(review_b, "model-type", text) == ["none"]


def test_terms_listed_as_alternatives_are_one_sign(review_b):
    # one person's possible professions are not a team; the same titles joined by "and" are
    one = "Each worker was seen by a case manager (a nurse, physiotherapist or psychologist)."
    assert labels(review_b, "model-type", one) != ["multidisciplinary-team"]
    assert labels(review_b, "model-type", "Workers saw a physiotherapist or a psychologist.") == [
        "none"
    ]
    team = "Workers saw a physiotherapist and a psychologist."
    assert labels(review_b, "model-type", team) == ["multidisciplinary-team"]
    # terms of two labels in one "or"-list stay apart
    both = "Workers sick-listed with depression or back pain."
    assert labels(review_b, "diagnosis", both) == ["both"]


@pytest.mark.parametrize(
    "text",
    [
        # "exclusive(ly)" says only, not left out: the disorder is whom the study took in
        "The trial included exclusively workers sick-listed with depression or anxiety.",
        "Workers on exclusive sick leave for depression or anxiety took part.",
        # "social exclusion" is a state of the population studied, not a criterion
        "Social exclusion among workers with depression or anxiety was studied.",
    ],
)
def test_exclusive_and_social_exclusion_are_no_exclusion_criterion(review_b, text):
    assert labels(review_b, "diagnosis", text) == ["mental"]


def test_scandinavian_alternatives_are_one_sign_as_english_ones(review_a):
    # the term lists are also Norwegian, Swedish and Danish: "eller" is their "or", "og" "and"
    def mental_terms(text: str) -> list[str]:
        rec = Record(title="En studie", abstract_sections=[AbstractSection("", text)])
        scores = classify.score_labels(rec, review_a.scheme("diagnosis-group"))
        return [e.term for e in next(s for s in scores if s.label == "mental").evidence]

    assert len(mental_terms("Workers with depression or anxiety took part.")) == 1
    assert len(mental_terms("Sykmeldte med depresjon eller angst deltok.")) == 1
    assert len(mental_terms("Sykmeldte med depresjon og angst deltok.")) == 2


def test_scandinavian_neither_names_parties_left_out(review_a):
    # "verken ... eller" is "neither ... nor" (no; sv "varken", da "hverken")
    def gp_employer(text: str) -> float:
        rec = Record(title="En studie", abstract_sections=[AbstractSection("", text)])
        scores = classify.score_labels(rec, review_a.scheme("diagnosis-group"))
        return next(s for s in scores if s.label == "gp-employer").score

    assert gp_employer("Psykologer ga behandling. Verken arbeidsgiver eller fastlege deltok.") <= 0
    assert gp_employer("Psykologer ga behandling. Arbeidsgiver og fastlege deltok.") > 0
