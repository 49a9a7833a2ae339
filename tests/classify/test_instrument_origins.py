"""A place at the head of a named instrument or body is where it came from, not where the study
was (reviewkit/classify/origins.py): read with the welfare review's scheme of the workers'
country (protocols/rtw-welfare-systems.toml)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from classify.helpers import suggested as labels

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.protocol import SignalTerm
from reviewkit.records import AbstractSection, Record

PROTOCOL = Path(__file__).resolve().parents[2] / "protocols" / "rtw-welfare-systems.toml"


@pytest.fixture(scope="module")
def welfare():
    return protocol_mod.load(PROTOCOL)


@pytest.mark.parametrize(
    "text",
    [
        "Workers in Japan completed the Canadian Occupational Performance Measure.",
        "Workers with shoulder pain in Japan completed the Western Ontario Rotator Cuff Index.",
        "Patients in Japan completed the Michigan Hand Outcomes Questionnaire.",
        "Patients in Japan met the American College of Rheumatology criteria for fibromyalgia.",
        "Workers in Japan completed the Dutch Musculoskeletal Questionnaire.",
        "Employees in Japan completed the Swedish Demand-Control-Support Questionnaire.",
        "Workers in Japan completed the Quebec Back Pain Disability Scale.",
        "Workers in Japan completed the Minnesota Multiphasic Personality Inventory.",
        "Patients in Japan in New York Heart Association class II returned to work.",
    ],
)
def test_an_instrument_named_after_a_place_is_not_the_studys_country(welfare, text):
    assert labels(welfare, "system", text) == ["other"]


@pytest.mark.parametrize(
    ("text", "system"),
    [
        # a language version, a national cohort and the place itself say where the study was
        ("Workers completed the Japanese version of the Utrecht Work Engagement Scale.", ["other"]),
        ("Workers of the Danish Work Environment Cohort Study were followed up.", ["nordic"]),
        ("Sick-listed workers in Minnesota were interviewed.", ["anglo"]),
        ("Injured workers in Quebec were followed for two years.", ["anglo"]),
        # a title in title case: its capitals name nothing
        ("Danish Nurses Questionnaire Study", ["nordic"]),
    ],
)
def test_a_place_that_heads_no_instrument_still_counts(welfare, text, system):
    assert labels(welfare, "system", text) == system


def test_a_measures_scheme_keeps_a_capitalised_term_before_an_instruments_head():
    """The origin rule is for places (where a study was); in a scheme of what a study measured
    an instrument's name is the evidence: a term written 'Work Ability' finds the Work Ability
    Index, and is not dropped as a place heading an instrument's name."""
    outcomes = protocol_mod.load(PROTOCOL.with_name("rtw-work-outcomes.toml"))
    scheme = outcomes.scheme("outcome")
    labels_ = tuple(
        replace(lab, terms=(SignalTerm("Work Ability"),)) if lab.id == "work-ability" else lab
        for lab in scheme.labels
    )
    scheme = replace(scheme, labels=labels_)
    text = "Outcomes were the number of sick leave days and the Work Ability Index at 12 months."
    rec = Record(title="A trial", abstract_sections=[AbstractSection("METHODS", text)])
    assert "work-ability" in [s.label for s in classify.suggest(rec, scheme)]


EPONYMS = """[review]
id = "r"
title = "T"
question = "Q"
reviewers = ["a", "b"]

[stages.title-abstract]
reviewers_per_record = 2

[schemes.instrument]
name = "Which instrument a study used (not a scheme of what was measured)"

[[schemes.instrument.labels]]
id = "crohn"
name = "Crohn's disease"
terms = ["Crohn*"]

[[schemes.instrument.labels]]
id = "beck"
name = "Beck's instruments"
terms = ["Beck*"]

[[schemes.instrument.labels]]
id = "karasek"
name = "Karasek's demand-control model"
terms = ["Karasek"]

[[schemes.instrument.labels]]
id = "canada"
name = "Canadian instruments"
terms = ["Canadian"]
"""


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Patients with a Crohn Disease Activity Index above 150 were included.", "crohn"),
        ("Therapists were rated on the Beck Cognitive Therapy Scale.", "beck"),
        ("Therapists followed the Beck Institute Checklist for cognitive therapy.", "beck"),
        (
            "Workers with high strain on the Karasek Job Content Questionnaire were included.",
            "karasek",
        ),
    ],
)
def test_an_eponym_before_an_instruments_head_is_no_place_and_counts(tmp_path, text, label):
    """The origin rule is for places: a person's name that heads an instrument's name (an
    eponym, a named method) is what a user's term looks for, in any scheme (each was dropped
    as a place heading an instrument; a sentence of what was measured is left out by another
    rule, :mod:`reviewkit.classify.outcomes`, so these say what was done and to whom)."""
    path = tmp_path / "p.toml"
    path.write_text(EPONYMS, encoding="utf-8")
    assert labels(protocol_mod.load(path), "instrument", text) == [label]


def test_a_place_before_an_instruments_head_is_still_no_evidence_in_any_scheme(tmp_path):
    """The same scheme's term for a place still leaves out the instrument named after it."""
    path = tmp_path / "p.toml"
    path.write_text(EPONYMS, encoding="utf-8")
    text = "Therapists were rated on the Canadian Occupational Performance Measure."
    assert labels(protocol_mod.load(path), "instrument", text) == ["none"]
