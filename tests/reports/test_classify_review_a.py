"""Review A's shipped protocol on hand-made review titles, one group of kinds per test.

Review A (a review of systematic reviews) is measured on titles only, on reviews that are not
in the repository. These titles are written from the groups' definitions (DOMAIN.md), one kind
each, not taken from any real review: several diagnoses in one title (mixed), no single
diagnosis (mixed by fallback), the GP's or the employer's role, implementation and the system
level, and a review that belongs in a diagnosis table and a topic table at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.records import Record

PROTOCOL = Path(__file__).resolve().parents[2] / "protocols" / "rtw-systematic-reviews.toml"
SR = ": a systematic review"


@pytest.fixture(scope="module")
def groups():
    return protocol_mod.load(PROTOCOL).scheme("diagnosis-group")


def _suggested(scheme, title: str) -> list[str]:
    sugg = classify.suggest(Record(title=title), scheme)
    assert not any(s.tie for s in sugg), f"a tie for {title!r}"
    return [s.label for s in sugg]


@pytest.mark.parametrize(
    "title",
    [
        # two diagnosis groups named together
        "Return-to-work interventions for workers with common mental disorders or musculoskeletal disorders",
        "Return to work of workers with depression, anxiety or musculoskeletal pain",
        "Sickness absence in workers with mental health problems or back pain",
        "Return to work in patients with somatic and mental disorders",
        # the group's own words: chronic conditions, health conditions in general
        "Workplace interventions for workers with chronic diseases",
        "Vocational rehabilitation for people with chronic health conditions",
        "Return to work among employees with long-term conditions",
        "Work disability prevention for workers with multimorbidity",
        "Interventions for workers with common health problems: an overview of reviews",
        # no single diagnosis named: workers with any diagnosis (the protocol's fallback)
        "Effectiveness of return-to-work interventions for workers with health conditions",
        "Return-to-work interventions for sick-listed employees",
    ],
)
def test_several_or_no_single_diagnosis_is_mixed(groups, title):
    assert _suggested(groups, title + SR) == ["mixed"]


@pytest.mark.parametrize(
    "title",
    [
        "The role of the general practitioner in sick leave and return to work",
        "Sickness certification by GPs",
        "The fit note and return to work",
        "The role of primary care physicians in return to work of patients with mental health problems",
        "Communication between general practitioners and employers about sick-listed patients",
        "Employers' perspectives on return to work of employees with depression",
        "Supervisor support and return to work after musculoskeletal injury",
        "Line managers' experiences of employees returning to work after stroke",
        "Fastlegens rolle i sykefraværsarbeidet",
    ],
)
def test_the_gp_or_the_employer_role_beats_a_diagnosis(groups, title):
    assert _suggested(groups, title + SR) == ["gp-employer"]


@pytest.mark.parametrize(
    "title",
    [
        "Sickness certification practice of physicians",
        "Physicians' sick-listing practices and long-term sick leave",
        "Sickness certification practices in patients with musculoskeletal disorders",
        "Sykmeldingspraksis og sykefravær",
        "Läkares sjukskrivningspraxis",
    ],
)
def test_certification_as_the_physicians_practice_is_the_gp_role(groups, title):
    """A study of certification practice is about the certifying physicians, the doctor's part
    in sick leave (it read mixed: two weak synonyms on one phrase). Certification named as the
    common block names it, of a sick-listed population, stays weak: the diagnosis decides."""
    assert _suggested(groups, title + SR) == ["gp-employer"]
    mention = "Return to work and sickness certification in workers with depression"
    assert _suggested(groups, mention + SR) == ["mental"]


@pytest.mark.parametrize(
    "title",
    [
        "Barriers and facilitators to implementing workplace mental health interventions",
        "Implementing evidence-based practice in vocational rehabilitation",
        "System-level interventions for work disability prevention",
        "Organizational-level interventions to reduce sickness absence",
        "Integrated care and cross-sector collaboration for return to work",
        "Interagency collaboration between health and employment services for return to work",
        "Inter-sectoral collaboration for sick-listed workers with back pain",
        "Return to work in different welfare systems",
        "Social security systems and work disability",
    ],
)
def test_implementation_and_the_system_level_beat_a_diagnosis(groups, title):
    assert _suggested(groups, title + SR) == ["implementation"]


@pytest.mark.parametrize(
    ("group", "title"),
    [
        ("mental", "Return to work for employees with psychological problems"),
        ("mental", "Mental ill-health and return to work"),
        ("musculoskeletal", "Return to work after total hip or knee arthroplasty"),
        ("musculoskeletal", "Return to work after lumbar disc surgery"),
        ("chronic-pain", "Multidisciplinary pain rehabilitation and return to work"),
        ("chronic-pain", "Interdisciplinary pain programmes and work outcomes"),
        ("cancer", "Return to work after head and neck cancer"),  # the neck here is a cancer site
        ("cancer", "Work ability in patients with haematological malignancies"),
    ],
)
def test_a_diagnosis_group_in_other_words(groups, group, title):
    assert _suggested(groups, title + SR) == [group]


def test_a_review_in_a_diagnosis_table_and_a_topic_table(groups, tmp_path):
    """The authors put one review in two tables; a one-label suggestion of either agrees."""
    title = "The employer's role in return to work of cancer survivors" + SR
    assert _suggested(groups, title) == ["gp-employer"]
    gold = tmp_path / "gold.csv"
    gold.write_text(
        f'title,gold\n"{title}",cancer;gp-employer\n'
        f'"Return to work in patients with somatic and mental disorders{SR}",mixed\n',
        encoding="utf-8",
    )
    result = classify.evaluate(protocol_mod.load(PROTOCOL), "diagnosis-group", gold)
    assert result.accuracy == 1.0 and not result.disagreements
