"""Task 26's kinds: a population named by its diagnosis codes or chapter only (ICD-10, ICPC-2),
a specialist in the team is no diagnosis, and a diagnosis named as a subgroup of the population
is not the population."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels

from reviewkit import classify
from reviewkit.classify.term_syntax import compile_term, parse_term
from reviewkit.records import AbstractSection, Record

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


def test_a_written_range_is_read_as_all_its_codes(review_b):
    def smi(abstract: str) -> list[str]:
        return [lab for lab in labels(review_b, "severe-mental-illness", abstract) if lab != "none"]

    # F20-F48 is mostly common mental disorders: not the severe mental illness of F20-F31
    assert smi("Workers sick-listed with mental disorders (ICD-10 F20-F48) were followed.") == []
    assert smi("Workers sick-listed with mental disorders (ICD-10 F20–F48) were followed.") == []
    assert labels(review_b, "diagnosis", "Workers with ICD-10 F20-F48 were followed.") == ["mental"]
    # a range wholly or mostly in the flag's codes is the flag's population
    assert smi("Adults with psychotic disorders (ICD-10 F20-F29) were offered IPS.") == ["smi"]
    assert smi("Adults with diagnoses F20 to F31 were offered supported employment.") == ["smi"]


def test_a_written_range_second_end_is_no_code_of_its_own(review_b):
    # F00-F20: mostly organic and substance use (not the label's); its end F20 is no F20
    text = "Workers sick-listed with diagnoses F00-F20 were followed for one year."
    assert labels(review_b, "diagnosis", text) == ["none"]
    assert labels(review_b, "severe-mental-illness", text) == ["none"]


@pytest.mark.parametrize(
    "abstract",
    [
        "Sick-listed workers were followed; median absence was 30 days (P25 10, P75 60).",
        "Time to return to work: median 42 days, IQR P25-P75 20-90, among sick-listed workers.",
        # ICPC named in the record: a percentile is still no ICPC-2 P code
        "Spells certified by GPs (ICPC-2) lasted a median of 30 days (P25 10, P75 60).",
    ],
)
def test_a_percentile_is_no_code(review_a, review_b, abstract):
    assert labels(review_b, "diagnosis", abstract) == ["none"]
    assert labels(review_a, "diagnosis-group", abstract) != ["mental"]


@pytest.mark.parametrize(
    "abstract",
    [
        "Workers sick-listed with hand eczema (ICD-10 L24) were offered a skin-care programme.",
        "Newborns' mothers with perinatal conditions (P07) were followed back to work.",
    ],
)
def test_an_icd_code_is_not_an_icpc_chapter(review_b, abstract):
    """ICD-10 L (skin) and P (perinatal) share letters with ICPC-2 L (musculoskeletal) and P
    (psychological): an ICPC-2 range finds a code only where the record names ICPC."""
    assert labels(review_b, "diagnosis", abstract) == ["none"]


def test_icpc_named_anywhere_in_the_record_makes_its_codes_icpc(review_b):
    rec = Record(
        title="Sick leave certified by general practitioners (ICPC-2)",
        abstract_sections=[AbstractSection("METHODS", "Spells certified with L03 were followed.")],
    )
    assert [s.label for s in classify.suggest(rec, review_b.scheme("diagnosis"))] == [
        "musculoskeletal"
    ]
    # the nearest classification in the sentence decides where a record names both
    both = "Spells with ICD-10 L24 were compared with spells with ICPC-2 P76."
    rec = Record(title="A study", abstract_sections=[AbstractSection("METHODS", both)])
    assert [s.label for s in classify.suggest(rec, review_b.scheme("diagnosis"))] == ["mental"]


def test_the_classification_of_a_term_range_may_be_written_in_any_case():
    """A protocol's 'icpc-2 L01-L99' is the ICPC-2 range, not a phrase searched as words."""
    from reviewkit.classify.codes import ICPC, parse_range

    assert parse_range("icpc-2 L01-L99") == parse_range("ICPC-2 L01-L99")
    assert parse_range("Icpc-2 L01-L99").system == ICPC


def test_a_written_range_with_decimals_is_one_range(review_b):
    """ICD-10's subcategories are written with decimals ("F20.0-F48.9"): still one range, not
    its first end F20 (a psychotic disorder) and its second end read as codes of their own."""
    text = "Workers sick-listed with mental disorders (ICD-10 F20.0–F48.9) were followed."
    assert labels(review_b, "severe-mental-illness", text) == ["none"]
    assert labels(review_b, "diagnosis", text) == ["mental"]
    bipolar = "Adults with ICD-10 F30.0-F31.9 were offered supported employment."
    assert labels(review_b, "severe-mental-illness", bipolar) == ["smi"]


@pytest.mark.parametrize(
    "abstract",
    [
        "Spells certified with L-diagnoses (diseases of the skin, ICD-10) were followed.",
        "Mothers with conditions of ICD-10 chapter P in their newborns were followed.",
    ],
)
def test_an_icpc_chapter_letter_needs_icpc(review_a, review_b, abstract):
    """ICPC-2's L and P chapters (musculoskeletal, psychological) are ICD-10's skin and
    perinatal chapters: their letters and names count only where the record names ICPC."""
    assert labels(review_b, "diagnosis", abstract) == ["none"]
    assert labels(review_a, "diagnosis-group", abstract) not in (["musculoskeletal"], ["mental"])


def test_an_instrument_is_no_diagnosis_code():
    """A code is a capital and two digits (F43); K10 of that shape is the Kessler scale, and a
    lower-case word is no code."""
    from reviewkit.classify.variables import names_disorder
    from reviewkit.classify.words import tokens

    for word, disorder in (("F43", True), ("M54", True), ("K10", False), ("p25", False)):
        assert names_disorder(tokens(word), 0, 0) is disorder, word
