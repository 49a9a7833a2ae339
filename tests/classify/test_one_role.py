"""The professions in a parenthesis after a role are that role's people, not a team: "case
managers (nurses, physiotherapists, occupational therapists and psychologists)" (the seventh
held-out set's Fit for Work case managers)."""

from __future__ import annotations

from classify.helpers import suggested

from reviewkit import protocol as protocol_mod


def labels(protocol: protocol_mod.Protocol, abstract: str) -> list[str]:
    return suggested(protocol, "model-type", abstract)


def test_a_roles_professions_are_one_sign(review_b):
    text = (
        "Interviews with 28 case managers (nurses, physiotherapists, occupational therapists "
        "and psychologists), who agreed one return to work plan with each employee and kept "
        "coordinating it."
    )
    assert labels(review_b, text) == ["coordinator"]


def test_a_teams_members_stay_apart(review_b):
    # after the team's own word the parenthesis lists its members: several signs, as before
    text = (
        "A team (physiotherapists, psychologists and occupational therapists) assessed each worker."
    )
    assert labels(review_b, text) == ["multidisciplinary-team"]
