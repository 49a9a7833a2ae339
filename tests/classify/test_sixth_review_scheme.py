"""A sixth review's own schemes through the CLI: Vogel et al. 2017's return-to-work
coordination programmes, by the coordinator's base, the programme's components (multi-label)
and the health problem (protocols/rtw-coordination.toml, written from the review's
definitions alone), on 24 abstracts labelled by those definitions before the classifier read
them. First reading (commit ccb5bc4): base 22/24, components 17/24, condition 24/24
(benchmarks/results/classify.md says what changed since)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from classify.helpers import correct_through_cli
from classify.helpers import suggested as labels

from reviewkit import classify
from reviewkit.records import AbstractSection, Record

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-coordination.toml"
FIXTURE = ROOT / "tests" / "reports" / "fixtures" / "heldout_coordination_abstracts.csv"


@pytest.mark.parametrize(
    ("scheme", "correct"), [("base", 23), ("components", 23), ("condition", 24)]
)
def test_the_coordination_reviews_schemes_through_the_cli(capsys, scheme, correct):
    assert correct_through_cli(capsys, PROTOCOL, FIXTURE, scheme, scheme, 24) >= correct


@pytest.mark.parametrize(
    "text",
    [
        "The coordinator drew up a stepwise return-to-work plan with the worker.",
        "The coordinator agreed a graded return to work plan with each worker.",
    ],
)
def test_a_chain_of_two_labels_phrases_is_both_in_a_multi_label_scheme(coordination, text):
    # "stepwise return" and "return-to-work plan" share "return": a plan, and a return in steps
    assert sorted(labels(coordination, "components", text)) == ["graded-work", "rtw-plan"]


def test_a_chain_of_two_labels_phrases_is_one_sign_in_a_single_label_scheme(coordination):
    # where the labels compete, one phrase is one sign: the longer match keeps the words
    scheme = replace(coordination.scheme("components"), multi_label=False)
    rec = Record(
        title="A study",
        abstract_sections=[
            AbstractSection("METHODS", "The coordinator drew up a stepwise return-to-work plan.")
        ],
    )
    assert [s.label for s in classify.suggest(rec, scheme)] == ["rtw-plan"]


def test_a_phrase_inside_another_labels_phrase_is_still_the_longer_ones(coordination):
    # "workplace" (contact's weak word) inside "workplace adjustments" (graded or modified
    # work) is the adjustment's: with the supervisors' weak word it would make a contact
    text = "Workers were recruited through their supervisors; the coordinator arranged workplace adjustments."
    assert labels(coordination, "components", text) == ["graded-work"]


# The protocol's changes after its first reading, each a kind (protocols/rtw-coordination.toml)


@pytest.mark.parametrize(
    ("text", "base"),
    [
        # a profession works in several places: the service names the base
        (
            "A clinical occupational physician of the hospital coordinated the return.",
            "health-care",
        ),
        ("The occupational physician coordinated the return.", "not-stated"),
        (
            "The occupational physician of the occupational health service coordinated the return.",
            "employer-occupational",
        ),
        # an independent research team that measured is no base; the team's coordinators are
        (
            "A coordinator met the worker. An independent research team assessed the outcomes.",
            "not-stated",
        ),
        ("The coordinators of the research team met each worker.", "independent"),
        # the employer's own staff named as such
        ("Each company's own return-to-work coordinator met the worker.", "employer-occupational"),
        # a hazard ratio is no human-resources department
        ("A coordinator met the worker. Return to work came sooner (HR 1.9).", "not-stated"),
        # but "HR" before an organisation's noun is one, wherever the abstract has a ratio too
        ("The HR department's coordinator met each worker on sick leave.", "employer-occupational"),
        (
            "An HR officer coordinated the return. Return came sooner (HR 1.9, 95% CI 1.2-2.8).",
            "employer-occupational",
        ),
    ],
)
def test_the_base_is_the_service_not_the_profession(coordination, text, base):
    assert labels(coordination, "base", text) == [base]


@pytest.mark.parametrize(
    "text",
    [
        "The coordinator contacted the employer within a week.",
        "The nurse called the supervisor to discuss suitable tasks.",
        "The case manager telephoned the line manager every month.",
        "The coordinator held a meeting at the workplace with the worker.",
        # any determiner, none, or the passive: not the first reading's "the" alone
        "The coordinator contacted each employer within a week.",
        "The nurse telephoned the worker's supervisor.",
        "The case manager phoned employers to discuss suitable tasks.",
        "Employers were contacted by the coordinator within a week.",
        # the nouns of contact the same way
        "The coordinator kept in contact with their employer.",
        "The coordinator held meetings with supervisors and workers.",
        # the three-party negotiation: two weak signs together
        "The occupational physician, the worker and the supervisor held a return-to-work negotiation.",
    ],
)
def test_a_contact_written_as_a_verb_is_contact_with_the_workplace(coordination, text):
    assert labels(coordination, "components", text) == ["workplace-contact"]


@pytest.mark.parametrize(
    "text",
    [
        # "were called" names; a follow-up call to the participants contacts no workplace
        "Supervisors were called coaches in the programme; the coordinator met each worker.",
        "Participants were contacted by telephone at 6 months; their employer paid the course.",
    ],
)
def test_a_call_that_contacts_no_workplace(coordination, text):
    assert labels(coordination, "components", text) == ["coordination-only"]


def test_the_reconciliation_meeting_is_a_case_conference_with_the_workplace(coordination):
    text = "The coordinator took part in the reconciliation meeting (avstämningsmöte)."
    assert sorted(labels(coordination, "components", text)) == [
        "multidisciplinary",
        "workplace-contact",
    ]


@pytest.mark.parametrize(
    ("text", "components"),
    [
        # the contact named in Norwegian, Swedish and Danish, as in English
        ("Koordinatoren hadde kontakt med arbeidsgiveren hver uke.", ["workplace-contact"]),
        ("Koordinatorn hade möten med arbetsgivaren.", ["workplace-contact"]),
        ("Koordinatoren holdt et møde på arbejdspladsen med lederen.", ["workplace-contact"]),
        # the party alone is weak, as "employer" is: recruited through the employer is no contact
        ("Sykmeldte arbeidstakere ble rekruttert via arbeidsgiver.", ["coordination-only"]),
        ("Sygemeldte blev rekrutteret gennem deres arbejdsgiver.", ["coordination-only"]),
    ],
)
def test_a_scandinavian_contact_reads_as_an_english_one(coordination, text, components):
    assert labels(coordination, "components", text) == components


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # a spinal cord injury is neurological: the review's "other"
        (
            "Employed adults with traumatic spinal cord injury were randomised to a coordinator.",
            "other",
        ),
        (
            "Workers sick-listed with spinal pain were randomised to a coordinator.",
            "musculoskeletal",
        ),
    ],
)
def test_the_spinal_cord_is_no_back_disorder(coordination, text, condition):
    assert labels(coordination, "condition", text) == [condition]


@pytest.mark.parametrize(
    "text",
    [
        # whom the coordinator is independent of is no base of it, as "without" names none
        "A coordinator, independent of the employer and the insurer, met each worker.",
        "The coordinator worked independently of the hospital and met each worker.",
    ],
)
def test_independent_of_a_party_is_not_its_base(coordination, text):
    assert labels(coordination, "base", text) == ["not-stated"]


def test_independent_of_the_workplace_is_no_contact(coordination):
    text = "Coordinators independent of the employer and the workplace met each worker at home."
    assert labels(coordination, "components", text) == ["coordination-only"]


@pytest.mark.parametrize(
    "text",
    [
        "The case manager visited the workplace.",
        "The nurse visited each employer in the first month.",
    ],
)
def test_a_visit_written_as_a_verb_is_contact_with_the_workplace(coordination, text):
    assert labels(coordination, "components", text) == ["workplace-contact"]
