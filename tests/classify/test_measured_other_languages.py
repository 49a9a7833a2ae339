"""A sentence that says what a study measured is no evidence of what its intervention was in
the languages the protocols' terms are read in too (Norwegian, Swedish, Danish; Dutch words of
measuring as classify/measurement.py reads them): "Sykefraværsdager ble hentet fra NAV" is
NAV's register as a source, as "Sick-leave days were retrieved from NAV" is."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.records import AbstractSection, Record

PROTOCOLS = Path(__file__).resolve().parents[2] / "protocols"


def _scores(name: str, scheme: str, abstract: str) -> dict[str, float]:
    rec = Record(title="A study", abstract_sections=[AbstractSection("METHODS", abstract)])
    got = classify.score_labels(rec, protocol_mod.load(PROTOCOLS / f"{name}.toml").scheme(scheme))
    return {s.label: s.score for s in got if s.score}


@pytest.mark.parametrize(
    ("name", "scheme", "text"),
    [
        # a passive's source: Norwegian "ble hentet fra", Swedish s-passive "hämtades från",
        # Danish "blev indhentet fra"
        ("rtw-intervention-domains", "setting", "Sykefraværsdager ble hentet fra NAV."),
        ("rtw-intervention-domains", "setting", "Uppgifter om sjukskrivning hämtades från Försäkringskassan."),
        ("rtw-intervention-domains", "setting", "Oplysninger om sygefravær blev indhentet fra NAV."),
        # the subject of a passive verb of measuring, and the researchers' own verb
        ("rtw-cmd-psychological", "work-focus", "Kontakt med arbejdsgiveren blev målt med et spørgeskema."),
        ("rtw-cmd-psychological", "work-focus", "Avstämningsmöten med arbetsgivaren registrerades i journalen."),
        ("rtw-cmd-psychological", "work-focus", "Vi målte dialogmøter med arbeidsgiver i NAVs register."),
    ],
)  # fmt: skip
def test_a_sentence_of_what_was_measured_is_no_intervention_in_other_languages(name, scheme, text):
    assert _scores(name, scheme, text) == {}


@pytest.mark.parametrize(
    ("name", "scheme", "text", "label"),
    [
        # what the intervention did, and a passive's agent ("av": by), still count
        ("rtw-intervention-domains", "setting", "Försäkringskassan erbjöd programmet.", "welfare-agency"),
        ("rtw-intervention-domains", "setting", "Tiltaket ble gitt av NAV.", "welfare-agency"),
        ("rtw-cmd-psychological", "work-focus", "Dialogmøter med arbeidsgiver ble holdt etter åtte uker.", "workplace-contact"),
    ],
)  # fmt: skip
def test_what_the_intervention_did_still_counts_in_other_languages(name, scheme, text, label):
    assert label in _scores(name, scheme, text)
