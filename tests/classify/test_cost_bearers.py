"""Who bears the cost is not an actor: "costly for employers and society" names the employer as
one who pays, no evidence of the employer's part (Review A's GP/employer topic, which takes
precedence over the diagnosis; Review B's workplace type). Review A's own run over the
snapshot's 28 return-to-work records suggested the topic for a meta-analysis of stress
interventions from that one word."""

from __future__ import annotations

import pytest
from classify.helpers import suggested

from reviewkit import protocol as protocol_mod

STRESS = (
    "This review evaluates stress management interventions for workers with anxiety or depression."
)


def groups(review_a: protocol_mod.Protocol, abstract: str, title: str = "") -> list[str]:
    return suggested(review_a, "diagnosis-group", abstract, title)


@pytest.mark.parametrize(
    "cost",
    [
        "Employee stress is not only damaging for those that experience it, but is also costly "
        "for employers and society at large.",
        "Sick leave is a heavy burden for individuals, their families, employers and society.",
        "Absence from work brings considerable costs to employers.",
        "Mental ill-health is expensive for the employer and the social insurance.",
    ],
)
def test_the_employer_who_pays_is_no_evidence_of_the_employer_s_part(review_a, cost):
    assert groups(review_a, f"{cost} {STRESS}") == ["mental"]


@pytest.mark.parametrize(
    "acting",
    [
        # the employer acts, or is acted on: the employer's part
        "Costly absences were reduced when employers offered modified work. ",
        # a verb ends the list: the employer is contacted, not paying
        "The costs for workers who contacted their employer were recorded. ",
        # cost-effectiveness is no cost someone bears
        "The cost-effectiveness to employers of supervisor training was assessed. ",
    ],
)
def test_the_employer_acting_or_acted_on_stays_evidence(review_a, acting):
    assert groups(review_a, f"{acting}{STRESS}") == ["gp-employer"]


def test_the_workplace_type_loses_the_payer_too(review_b):
    """Review B's workplace-centred type has the employer as its own word: a coordinator's
    study that names the employer only as one who pays is the coordinator's (it read as a tie
    of coordinator and workplace)."""
    text = "Sick leave is costly for employers and society. A coordinator followed each worker."
    assert suggested(review_b, "model-type", text) == ["coordinator"]
