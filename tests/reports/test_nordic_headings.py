"""Structured abstracts in Norwegian, Swedish, Danish and Dutch: their headings ("Bakgrunn:",
"Metode:", "Resultater:", "Doel:") split them into sections as English ones do, and those
sections weigh, report and prefill as their NLM categories (reviewkit/abstract_headings.py)."""

from __future__ import annotations

import pytest

from reviewkit import extract
from reviewkit.abstract_sections import plain_abstract
from reviewkit.classify import place_factor
from reviewkit.protocol.model import ExtractionField
from reviewkit.records import Record

NORWEGIAN = (
    "Bakgrunn: Mange sykmeldte blir stående utenfor arbeidslivet. Metode: 312 sykmeldte ble"
    " randomisert. Resultater: 58 % var tilbake i arbeid. Konklusjon: Rehabiliteringen ga"
    " ikke flere tilbake i arbeid."
)
SWEDISH = "Syfte: Att utvärdera. Metod: 190 personer randomiserades. Resultat: Färre dagar."
DANISH = "Baggrund: Mange er sygemeldte. Metoder: 200 blev randomiseret. Konklusion: Ingen effekt."
DUTCH = "Doel: Nagaan of het werkt. Methode: 210 werknemers. Resultaten: De tijd was korter."


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (NORWEGIAN, ["Bakgrunn", "Metode", "Resultater", "Konklusjon"]),
        (SWEDISH, ["Syfte", "Metod", "Resultat"]),
        (DANISH, ["Baggrund", "Metoder", "Konklusion"]),
        (DUTCH, ["Doel", "Methode", "Resultaten"]),
        (
            "Materiale og metode: 40 pasienter. Resultater: Bedre.",
            ["Materiale og metode", "Resultater"],
        ),
    ],
)
def test_nordic_and_dutch_headings_split_an_abstract(text, labels):
    assert [s.label for s in plain_abstract(text)] == labels


def test_a_heading_word_inside_a_sentence_is_no_heading():
    text = "Workers were asked about their formål: to return. Results were good."
    assert [s.label for s in plain_abstract(text)] == [""]


@pytest.mark.parametrize(
    ("where", "factor"),
    [("abstract:BAKGRUNN", 0.5), ("abstract:RESULTATER", 0.75), ("abstract:METODE", 1.0)],
)
def test_their_sections_weigh_as_their_categories(where, factor):
    assert place_factor(where) == factor


def test_prefill_finds_results_and_conclusions_under_their_own_words():
    record = Record(title="En studie", abstract_sections=plain_abstract(NORWEGIAN))
    results = ExtractionField("effect", "Effect", prefill=("section:RESULTS",))
    conclusion = ExtractionField("c", "Conclusion", prefill=("section:CONCLUSIONS",))
    assert extract.prefill_value(record, results) == "58 % var tilbake i arbeid."
    assert extract.prefill_value(record, conclusion).startswith("Rehabiliteringen ga ikke")


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # Norwegian and Swedish "Mål:" (aim) is a heading; "Målet var" starts a sentence
        ("Mål: Å undersøke om dialog hjelper. Metode: 200 sykmeldte.", ["Mål", "Metode"]),
        (
            "Målet var å undersøke om dialog hjelper. Metode: 200 sykmeldte. Resultater: Færre.",
            ["", "Metode", "Resultater"],
        ),
        # a heading word starting a sentence with no colon after it cuts nothing
        (
            "Bakgrunn: Mange er sykmeldte. Resultat av behandlingen var færre dager. Konklusjon: Ingen.",
            ["Bakgrunn", "Konklusjon"],
        ),
        (
            "Doel: Nagaan of het werkt. Doel van de interventie was werkhervatting. Resultaten: Korter.",
            ["Doel", "Resultaten"],
        ),
    ],
)
def test_a_heading_is_its_word_and_a_colon_at_a_sentence_start(text, labels):
    assert [s.label for s in plain_abstract(text)] == labels


def test_mal_stands_for_the_objective():
    assert place_factor("abstract:MÅL") == place_factor("abstract:OBJECTIVE")
