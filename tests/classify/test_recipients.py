"""A weak word another label's person receives is that person's: "training general
practitioners", "advice to employers", "General practitioners attended two training sessions"
are the providers' and the workplace's, not the worker's (reviewkit/classify/recipients.py)."""

from __future__ import annotations

import pytest
from classify.helpers import suggested as labels


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the training's recipient named right after it, in the title
        (
            "General practitioners followed the national guideline.",
            "Training general practitioners to give advice on work",
        ),
        # the subject receives it: every weak word after its verb
        (
            "General practitioners in the intervention practices attended two training sessions "
            "on the national guideline, in which they practised advice on staying at work.",
            "",
        ),
    ],
)
def test_what_the_providers_receive_is_no_worker_level(workplace, text, title):
    assert labels(workplace, "level", text, title) == ["healthcare-provider"]


def test_advice_to_employers_is_no_worker_level(workplace):
    text = "The occupational therapist gave advice to the employer and a training of supervisors."
    assert labels(workplace, "level", text) == ["workplace"]


@pytest.mark.parametrize(
    "text",
    [
        # the workers receive it: the subject names them
        "The workers and their supervisors attended training sessions with exercises.",
        # a person giving it to the workers is no recipient
        "The physiotherapist gave exercise sessions and counselling to the workers.",
        # a list of recipients that names the workers too: theirs as well
        "Education and training for supervisors and the sick-listed workers.",
        "Advice and training of occupational physicians, supervisors and employees.",
    ],
)
def test_what_the_workers_receive_stays_theirs(workplace, text):
    assert "employee" in labels(workplace, "level", text)


def test_a_list_of_a_team_s_people_is_no_recipient(review_b):
    # "team: occupational physician, physiotherapist ..." lists the team, it gives them nothing
    text = (
        "A multidisciplinary team: occupational physician, physiotherapist and psychologist "
        "assessed each worker."
    )
    assert labels(review_b, "model-type", text) == ["multidisciplinary-team"]


def test_a_drug_is_no_person_who_receives(domains):
    # a term with a person's ending that names a drug: the parties' plan stays theirs
    text = "Antidepressants were offered, and the parties agreed a plan."
    assert "service-coordination" in labels(domains, "domain", text)
