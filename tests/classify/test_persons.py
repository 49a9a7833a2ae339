"""Whether a term names a person (classify.persons.names_person): English agent nouns and their
Norwegian and Danish kind in -er (in Norwegian and Danish terms), not a body part, a Scandinavian plural of a complaint or a
benefit, a drug, a place or a disorder."""

from __future__ import annotations

import pytest

from reviewkit.classify.evidence import Evidence
from reviewkit.classify.persons import names_person


def _found(text: str, term: str = "", language: str = "en") -> Evidence:
    return Evidence("x", term or text, "abstract", text, 0.5, language=language)


@pytest.mark.parametrize(
    "text", ["supervisors", "general practitioners", "physician", "psychologist", "consultant"]
)
def test_a_person(text):
    assert names_person(_found(text))


@pytest.mark.parametrize(
    ("text", "language"),
    [("arbeidsgiver", "no"), ("saksbehandler", "no"), ("sagsbehandler", "da"),
     ("jobbspesialist", "no"), ("fastlege", "no")],
)  # fmt: skip
def test_a_norwegian_or_danish_person(text, language):
    assert names_person(_found(text, language=language))


@pytest.mark.parametrize(
    "text",
    ["shoulders", "shoulder", "wrist", "fingers", "antidepressants", "job center", "workplace",
     "CBT", "disorder", "cancer", "there", "where", "atmosphere", "severe", "sincere",
     "interfere", "mere"],
)  # fmt: skip
def test_no_person(text):
    assert not names_person(_found(text))


@pytest.mark.parametrize(
    "text",
    ["nakkesmerter", "skjelettlidelser", "helseplager", "sykepenger", "arbeidsavklaringspenger"],
)
def test_a_norwegian_plural_of_a_complaint_or_benefit_is_no_person(text):
    # terms written in the plural: their -er is the term's own
    assert not names_person(_found(text, language="no"))


@pytest.mark.parametrize(
    ("term", "text", "language"),
    [("lærer", "lærer", "no"), ("rådgiver", "rådgiver", "no"),
     ("praktiserende læge", "praktiserende læger", "da"), ("arbeidsgiver*", "arbeidsgivere", "no"),
     ("arbeidsgiver*", "arbeidsgiveren", "no"), ("arbeidsgiver*", "arbeidsgiverne", "no"),
     ("arbejdsgiver*", "arbejdsgiverne", "da"), ("saksbehandler*", "saksbehandlere", "no"),
     ("sagsbehandler", "sagsbehandleren", "da")],
)  # fmt: skip
def test_a_norwegian_or_danish_agent_inflected_or_spelt_with_their_letters(term, text, language):
    # a stem term ("arbeidsgiver*") matches the whole word: its definite and plural forms
    # (-en, -e, -ne) are the same person, and æ, ø, å are letters of the word
    assert names_person(_found(text, term, language))
