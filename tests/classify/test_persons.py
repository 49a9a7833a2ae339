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
     "workplace", "CBT", "disorder", "cancer", "there", "where", "atmosphere", "severe",
     "sincere", "interfere", "mere"],
)  # fmt: skip
def test_no_person(text):
    assert not names_person(_found(text))


@pytest.mark.parametrize(
    "text",
    ["lærer", "rådgiver", "læger", "arbeidsgivere", "arbeidsgiveren", "arbeidsgiverne",
     "arbejdsgiverne", "saksbehandlere", "sagsbehandleren"],
)  # fmt: skip
def test_a_norwegian_or_danish_agent_inflected_or_spelt_with_their_letters(text):
    # a stem term ("arbeidsgiver*") matches the whole word: its definite and plural forms
    # (-en, -e, -ne) are the same person, and æ, ø, å are letters of the word
    assert names_person(_found(text))
