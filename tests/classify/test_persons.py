"""Whether a term names a person (classify.persons.names_person): English agent nouns and their
Norwegian and Danish kind in -er, not a body part, a Scandinavian plural of a complaint or a
benefit, a drug, a place or a disorder."""

from __future__ import annotations

import pytest

from reviewkit.classify.evidence import Evidence
from reviewkit.classify.persons import names_person


def _found(text: str) -> Evidence:
    return Evidence(label="x", term=text, where="abstract", text=text, weight=0.5)


@pytest.mark.parametrize(
    "text",
    ["supervisors", "general practitioners", "physician", "psychologist", "consultant",
     "arbeidsgiver", "saksbehandler", "sagsbehandler"],
)  # fmt: skip
def test_a_person(text):
    assert names_person(_found(text))


@pytest.mark.parametrize(
    "text",
    ["shoulders", "shoulder", "wrist", "fingers", "nakkesmerter", "skjelettlidelser",
     "helseplager", "sykepenger", "arbeidsavklaringspenger", "antidepressants", "job center",
     "workplace", "CBT", "disorder", "cancer"],
)  # fmt: skip
def test_no_person(text):
    assert not names_person(_found(text))
