"""A German sentence of what a study measured is no evidence of who delivered its intervention
(reviewkit/classify/measured_german.py): the participle ends the clause, after what it governs.
The shapes are the snapshot's German abstracts' ("Es wurden Daten zu Soziodemographie,
beruflicher Situation, Kontakt zu ... erhoben", "wurden mittels Umfrage Daten in 38 ...
Kliniken ... erhoben", "..., die ... erfasst wurden"), with the providers' protocol's German
terms in them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.records import AbstractSection, Record

PROTOCOL = Path(__file__).resolve().parents[2] / "protocols" / "rtw-providers-occupations.toml"


@pytest.fixture(scope="module")
def providers():
    return protocol_mod.load(PROTOCOL).scheme("provider")


def _scores(scheme, text: str) -> dict[str, float]:
    rec = Record(title="A study", abstract_sections=[AbstractSection("METHODS", text)])
    return {s.label: s.score for s in classify.score_labels(rec, scheme) if s.score}


@pytest.mark.parametrize(
    "text",
    [
        # inside the bracket: the auxiliary before, the participle at the clause's end
        "Es wurden Daten zu Soziodemographie, beruflicher Situation, Kontakt zum Hausarzt, "
        "psychischen Belastungen sowie Schutzfaktoren erhoben.",
        "Zur Erfassung der Versorgungssituation wurden mittels Umfrage Daten zur Zusammenarbeit "
        "mit dem Betriebsarzt in 38 Kliniken erhoben.",
        # the subject before the auxiliary
        "Die Zufriedenheit mit dem Betriebsarzt wurde mit einem Fragebogen erfasst.",
        # a sentence opened by its instrument, the term in what the instrument asked
        "Mittels eines Fragebogens zur Zusammenarbeit mit dem Betriebsarzt wurden Daten erhoben.",
        "Mit einem Fragebogen zum Kontakt mit dem Hausarzt wurden Daten erhoben.",
        # a subordinate clause: the participle, then its auxiliary
        "Es zeigte sich, dass die Kontakte zum Hausarzt, die mittels Fragebogen erfasst wurden, "
        "selten waren.",
    ],
)
def test_what_a_german_sentence_says_was_measured_is_no_provider(providers, text):
    assert _scores(providers, text) == {}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # what the intervention did, in another clause than the measurement, still counts
        ("Die Intervention wurde vom Betriebsarzt durchgeführt.", "occupational-health"),
        (
            "Die Psychologen führten die Beratung durch und die Arbeitsfähigkeit wurde mit dem "
            "WAI erhoben.",
            "psychologist",
        ),
        # a passive's agent: who measured, as "by" is in English
        ("Die Daten wurden vom Betriebsarzt erhoben.", "occupational-health"),
        # who measured with them, as an agent is ("together with the occupational physician")
        ("Die Arbeitsplatzanforderungen wurden gemeinsam mit dem Betriebsarzt ermittelt.",
         "occupational-health"),
        # a sentence that opens with a preposition: before the auxiliary the means or the
        # occasion, the intervention's; what was measured is the subject after it
        ("Durch die Beratung beim Betriebsarzt wurden Belastungen am Arbeitsplatz ermittelt.",
         "occupational-health"),
        ("Im Gespräch mit dem Hausarzt wurden die Belastungen erfasst.", "gp"),
        ("Der Betriebsarzt erfasst die Arbeitsplatzsituation und erstellt einen Plan.", "occupational-health"),
    ],
)  # fmt: skip
def test_what_the_intervention_did_still_counts_in_german(providers, text, label):
    assert label in _scores(providers, text)
