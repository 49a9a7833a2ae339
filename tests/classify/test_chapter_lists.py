"""One "chapter" word before a list of chapters names each of them ("ICPC-2 chapter L or P",
"ICD-10 chapters V and XIII"): populations named by their sick-leave certificates' chapters."""

from __future__ import annotations

import pytest
from classify.helpers import suggested

from reviewkit import protocol as protocol_mod


def labels(protocol: protocol_mod.Protocol, abstract: str) -> list[str]:
    return suggested(protocol, "diagnosis", abstract)


@pytest.mark.parametrize(
    "text",
    [
        "Workers sick-listed with a diagnosis in ICPC-2 chapter L or P were referred.",
        "Workers sick-listed under ICPC-2 chapters L and P were referred.",
        "Register data on sick leave with diagnoses in ICD-10 chapters V and XIII.",
    ],
)
def test_each_chapter_of_the_list_is_named(review_b, text):
    assert labels(review_b, text) == ["both"]


@pytest.mark.parametrize(
    "text",
    [
        "Workers sick-listed with a diagnosis in ICPC-2 chapter L were referred.",
        # a sentence's end ends the list: the P is another sentence's word
        "Workers sick-listed with a diagnosis in ICPC-2 chapter L. P values are two-sided.",
    ],
)
def test_one_chapter_stays_one(review_b, text):
    assert labels(review_b, text) == ["musculoskeletal"]
