"""What an intervention mainly emphasises, in Review B's shipped protocol, on hand-made
descriptions: a case manager named among a team's members leaves a team a team; a coordinator
who leads, or a case manager who coordinates, makes it team plus coordinator; what a study did
*not* have ("without a fixed workplace") is no evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.records import AbstractSection, Record

PROTOCOLS = Path(__file__).resolve().parents[2] / "protocols"


@pytest.fixture(scope="module")
def model_type():
    return protocol_mod.load(PROTOCOLS / "work-health-collaboration.toml").scheme("model-type")


def _labels(scheme, title: str, intervention: str = "", population: str = "") -> list[str]:
    sections = [AbstractSection("INTERVENTION", intervention)] if intervention else []
    sections += [AbstractSection("POPULATION", population)] if population else []
    rec = Record(title=title, abstract_sections=sections)
    return [s.label for s in classify.suggest(rec, scheme)]


@pytest.mark.parametrize(
    ("member", "lead"),
    [
        ("a social worker as case manager", "a social worker as coordinator"),
        (
            "a case manager from the job centre",
            "a case manager coordinating the return-to-work plan",
        ),
        ("a care manager", "a return-to-work coordinator who meets the employer"),
    ],
)
def test_a_case_manager_among_members_stays_a_team_a_coordinator_who_leads_does_not(
    model_type, member, lead
):
    team = "Multidisciplinary team (physician, psychologist, physiotherapist"
    title = "Rehabilitation for sick-listed workers"
    assert _labels(model_type, title, f"{team}, {member})") == ["multidisciplinary-team"]
    assert _labels(model_type, title, f"{team}) with {lead}") == ["team-coordinator"]


def test_a_case_manager_alone_needs_a_second_sign(model_type):
    assert _labels(model_type, "Sick-listed workers", "A case manager at the insurer") == ["none"]
    assert _labels(
        model_type, "Sick-listed workers", "A case manager coordinating the parties, with coaching"
    ) == ["coordinator"]


def test_what_a_study_did_without_is_no_evidence(model_type):
    population = "Sick-listed unemployed workers without a fixed workplace"
    text = "A return-to-work coordinator employed by the insurer agrees a plan with the worker"
    assert _labels(model_type, "A return-to-work intervention", text, population) == ["coordinator"]
    # without negation the same words are evidence; "with or without" negates nothing
    assert _labels(model_type, "Workers with a fixed workplace: dialogue with the employer") == [
        "workplace"
    ]
    dx = protocol_mod.load(PROTOCOLS / "work-health-collaboration.toml").scheme("diagnosis")
    rec = Record(title="Sick leave for back pain with or without depression")
    assert [s.label for s in classify.suggest(rec, dx)] == ["both"]
    rec = Record(title="Sick leave for back pain without depression")
    assert [s.label for s in classify.suggest(rec, dx)] == ["musculoskeletal"]
