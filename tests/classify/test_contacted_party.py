"""The party contacted is not the actor: a return-to-work coordinator's "first contact with the
employer" or "meeting at the workplace" is the coordinator's work (DOMAIN.md's type 3), not
workplace-centred collaboration, where the employer or occupational health service acts (the
eighth held-out set)."""

from __future__ import annotations

import pytest
from classify.helpers import suggested

from reviewkit import protocol as protocol_mod


def labels(protocol: protocol_mod.Protocol, abstract: str, title: str = "A study") -> list[str]:
    return suggested(protocol, "model-type", abstract, title)


def test_the_coordinator_s_contact_with_the_employer_is_no_workplace_evidence(review_b):
    text = (
        "The return-to-work coordinator made the first contact with the employer, arranged a "
        "meeting at the workplace with the worker and the supervisor, and drew up a plan."
    )
    assert labels(review_b, text) == ["coordinator"]
    # the workplace acting keeps its evidence: the occupational health physician meets
    acting = (
        "The occupational health physician met the employee and the line manager at the "
        "workplace; the coordinator was informed."
    )
    assert labels(review_b, acting) == ["workplace"]


def test_a_pronoun_s_actor_is_the_sentence_before(review_b):
    text = (
        "The coordinator's first task was to contact the employer; she then held a meeting at "
        "the workplace with the supervisor and the occupational health physician."
    )
    assert labels(review_b, text) == ["coordinator"]


def test_a_passive_s_agent_is_the_actor(review_b):
    title = "Early contact with the employer by a return-to-work coordinator"
    text = "A coordinator for workers on sick leave: contact with the supervisor by a coordinator."
    assert labels(review_b, text, title) == ["coordinator"]


def test_a_plan_after_another_verb_is_no_party(review_b):
    # "met ... and agreed a return-to-work plan": the plan is the team's act, not its contact;
    # the employer after "contacted" is the case manager's contact
    text = (
        "A team of a psychologist, a psychiatrist and a caseworker assessed each worker in a "
        "joint meeting and agreed a return-to-work plan. One member was appointed case manager, "
        "contacted the employer, the line manager and the supervisor, and visited the workplace."
    )
    assert labels(review_b, text) == ["team-coordinator"]


def test_a_passive_without_an_agent_is_the_sentence_before_s_act(review_b):
    # nobody is named as arranging the meeting: the coordinator of the sentence before did
    text = (
        "A return-to-work coordinator drew up a plan with each worker. A meeting at the "
        "workplace with the worker and the line manager was arranged when needed."
    )
    assert labels(review_b, text) == ["coordinator"]


def test_a_passive_before_the_contact_word_is_another_act(review_b):
    # "who were referred" is said of the workers, who meet their supervisor themselves: the
    # coordinator of the sentence before is not this meeting's actor
    text = (
        "A return-to-work coordinator drew up a plan with each worker. Workers who were "
        "referred met their supervisor at the workplace."
    )
    assert labels(review_b, text) == ["workplace"]
    # the contact put in the passive after it still takes the sentence before's actor
    put = (
        "A return-to-work coordinator drew up a plan with each worker. Workers who were "
        "sick-listed were contacted, and a meeting at the workplace with the supervisor was held."
    )
    assert labels(review_b, put) == ["coordinator"]


@pytest.mark.parametrize(
    ("text", "got"),
    [
        # what is coordinated is no party, a thing (the plan, the contacts) or people's acts
        (
            "A team of a physician and a physiotherapist examined the worker, and a case "
            "manager coordinated the rehabilitation plan with the employer.",
            ["multidisciplinary", "rtw-plan"],
        ),
        (
            "A case manager from the team then coordinated contacts with the workplace.",
            ["workplace-contact"],
        ),
    ],
)
def test_what_a_person_coordinates_is_no_party(coordination, text, got):
    assert sorted(suggested(coordination, "components", text)) == got


@pytest.mark.parametrize(
    ("text", "got"),
    [
        # the people coordinated are parties, as those met or called, after "with" or not
        (
            "A case manager contacted each worker and coordinated the actions of the employer, "
            "the general practitioner and the insurance office.",
            ["case-manager"],
        ),
        (
            "Case managers described coordinating between employees, GPs and line managers.",
            ["case-manager"],
        ),
        # the agent after "by" is the actor, never a party
        (
            "Physiotherapists gave back school and graded activity, all coordinated by a case "
            "manager.",
            ["case-manager", "physio-ot"],
        ),
    ],
)
def test_whom_a_person_coordinates_is_a_party(providers, text, got):
    assert sorted(suggested(providers, "provider", text)) == got


def test_whom_a_person_coordinates_with_stays_a_party(review_b):
    # the parties after "with" are the coordinator's contacts, as those she meets or calls
    text = "The coordinator coordinated the return with the supervisor and the employer."
    assert labels(review_b, text) == ["coordinator"]
