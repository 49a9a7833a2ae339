"""The job specialist described by what the worker does, not by a title: IPS's principles (a
rapid job search, attending the treatment team's meetings, time-unlimited support), each weak,
two together the model (the seventh held-out set's NAV counsellor placed in a clinic)."""

from __future__ import annotations

from classify.helpers import suggested

from reviewkit import protocol as protocol_mod


def labels(protocol: protocol_mod.Protocol, abstract: str) -> list[str]:
    return suggested(protocol, "model-type", abstract)


def test_two_principles_make_the_model(review_b):
    text = (
        "A counsellor from the welfare agency worked inside the psychiatric outpatient clinic, "
        "attended its weekly treatment meetings and helped each patient with job search."
    )
    assert labels(review_b, text) == ["job-specialist"]


def test_one_principle_alone_is_weak(review_b):
    text = "Unemployed people attended a course on job search at the local office."
    assert labels(review_b, text) == ["none"]
