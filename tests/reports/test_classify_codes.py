"""Task 26's kinds: a population named by its diagnosis codes or chapter only (ICD-10, ICPC-2),
a specialist in the team is no diagnosis, and a diagnosis named as a subgroup of the population
is not the population."""

from __future__ import annotations

import pytest

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.classify.terms import compile_term, parse_term
from reviewkit.records import AbstractSection, Record


def labels(protocol: protocol_mod.Protocol, scheme: str, abstract: str, title: str = "A study"):
    rec = Record(title=title, abstract_sections=[AbstractSection("METHODS", abstract)])
    return [s.label for s in classify.suggest(rec, protocol.scheme(scheme))]


CODED = [
    ("Workers sick-listed with F32, F33 or F41 were followed for one year.", "mental"),
    ("All spells certified with an F-diagnosis in the registers were followed.", "mental"),
    ("Sick-listed workers with a diagnosis in ICD-10 chapter V were included.", "mental"),
    ("Patients sick-listed with ICPC-2 codes P74 or P76 were included.", "mental"),
    ("Workers sick-listed with M54 or M75 were followed for one year.", "musculoskeletal"),
    ("All spells certified with M-diagnoses in the registers were followed.", "musculoskeletal"),
    ("Sick-listed workers with diagnoses in ICD-10 chapter XIII were included.", "musculoskeletal"),
    ("Patients sick-listed with L-diagnoses (ICPC-2) were included.", "musculoskeletal"),
]


@pytest.mark.parametrize(("abstract", "label"), CODED)
def test_a_population_named_by_codes_or_chapter(review_a, review_b, abstract, label):
    assert labels(review_b, "diagnosis", abstract) == [label]
    assert labels(review_a, "diagnosis-group", abstract) == [label]


def test_both_chapters_are_both_kinds(review_a, review_b):
    text = "Workers sick-listed with F43.2 or M54.5 were offered a coordinator."
    assert labels(review_b, "diagnosis", text) == ["both"]
    assert labels(review_a, "diagnosis-group", text) == ["mixed"]


def test_a_code_range_finds_its_codes_only():
    part = parse_term("F30-F48")[0][0]
    assert [
        w for w in ("F30", "F43", "F48", "F29", "F49", "f43", "M43", "F4") if part.matches(w)
    ] == ["F30", "F43", "F48"]
    assert compile_term("F30-F48").findall("with F43.2 or F10") == ["F43", "F10"]


def test_a_code_outside_the_labels_ranges_is_no_evidence(review_b):
    # F10 (alcohol use) is in chapter V but not among the label's disorders (F20-F48)
    assert labels(review_b, "diagnosis", "Workers sick-listed with F10 were followed.") == ["none"]
    assert labels(review_b, "diagnosis", "Workers sick-listed with F41 were followed.") == [
        "mental"
    ]


def test_a_specialist_in_the_team_is_no_diagnosis(review_a, review_b):
    team = (
        "Workers sick-listed with low back pain were assessed by a psychologist, a "
        "physiotherapist and a caseworker; two psychologists held the group sessions. "
        "Psychological distress was high."
    )
    # 'psychological' (weak, 0.5) once from the distress, not again from the psychologists
    rec = Record(title="A study", abstract_sections=[AbstractSection("METHODS", team)])
    mental = next(
        s for s in classify.score_labels(rec, review_b.scheme("diagnosis")) if s.label == "mental"
    )
    assert sorted(e.text for e in mental.evidence if e.term == "psychological") == ["Psychological"]
    part = parse_term("psychological")[0][0]
    assert not part.matches("psychologist") and not part.matches("psychologists")
    assert parse_term("psychologist")[0][0].matches("psychologists")


SUBGROUPS = [
    "All sick-listed workers were followed, with subgroup analyses for spells certified with "
    "depression and back pain.",
    "Spells were shorter with back pain than with depression.",
    "Results were stratified by depression and back pain.",
]


@pytest.mark.parametrize("sentence", SUBGROUPS)
def test_a_subgroup_is_not_the_population(review_b, sentence):
    assert labels(review_b, "diagnosis", sentence) == ["none"]
    # a people word between the cue and the disorder names a population of its own
    text = "Subgroup analyses on return to work in sick-listed employees with low back pain."
    assert labels(review_b, "diagnosis", text, title=text) == ["musculoskeletal"]


def test_a_code_range_may_run_across_letters():
    """ICD-10's chapters do: S00-T98 (injuries), C00-D48 (neoplasms), A00-B99 (infections)."""
    part = parse_term("S00-T98")[0][0]
    words = ("S00", "S72", "T14", "T98", "T99", "R99", "U07", "s72")
    assert [w for w in words if part.matches(w)] == ["S00", "S72", "T14", "T98"]
    assert [w for w in ("C50", "D48", "D50") if parse_term("D48-C00")[0][0].matches(w)] == [
        "C50",
        "D48",
    ]
    assert compile_term("S00-T98").findall("after S72.0 or T14, not R52") == ["S72", "T14"]


@pytest.mark.parametrize(
    ("abstract", "flagged"),
    [
        ("Unemployed adults with ICD-10 F20 or F25 diagnoses were offered IPS.", ["smi"]),
        ("Patients with a diagnosis of F31.1 were referred to supported employment.", ["smi"]),
        ("Workers sick-listed with F32, F33 or F41 were followed for one year.", []),
    ],
)
def test_severe_mental_illness_named_by_its_codes(review_b, abstract, flagged):
    """ICD-10 F20-F29 (psychotic disorders) and F30-F31 (mania, bipolar) are the flag's codes;
    F32 onwards (depression, anxiety) are common mental disorders, not flagged."""
    got = [lab for lab in labels(review_b, "severe-mental-illness", abstract) if lab != "none"]
    assert got == flagged
