"""One stretch of words is evidence once: where two terms' matches overlap, the longer wins
("neck pain" over "neck", and over chronic pain's "pain"), in the score and in the evidence a
reviewer is shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.records import AbstractSection, Record

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def groups():
    return protocol_mod.load(ROOT / "protocols" / "rtw-systematic-reviews.toml").scheme(
        "diagnosis-group"
    )


def _scores(scheme, title: str, abstract: str = "") -> dict[str, classify.LabelScore]:
    sections = [AbstractSection("METHODS", abstract)] if abstract else []
    rec = Record(title=title, abstract_sections=sections)
    return {s.label: s for s in classify.score_labels(rec, scheme)}


def test_a_phrase_and_its_word_count_once_for_the_phrase(groups):
    msk = _scores(groups, "Neck pain and return to work")["musculoskeletal"]
    assert [(e.term, e.text) for e in msk.evidence] == [("neck pain", "Neck pain")]
    assert msk.score == 2.0  # one term, in the title (it was 4.0: "neck" and "neck pain")
    (sugg,) = classify.suggest(Record(title="Neck pain and return to work"), groups)
    assert sorted({e.short() for e in sugg.evidence}) == ["neck pain@title"]
    # "neck" on its own is still found
    assert _scores(groups, "Neck disorders at work")["musculoskeletal"].score == 2.0


def test_a_word_inside_another_labels_longer_term_is_not_its_evidence(groups):
    # the pain of "back pain" is the back's, not chronic pain's weak "pain"
    s = _scores(groups, "Return to work in low back pain")
    assert s["chronic-pain"].evidence == []
    assert {e.term for e in s["musculoskeletal"].evidence} == {"back pain"}
    # a pain word outside the phrase still counts for chronic pain
    s = _scores(groups, "Low back pain and pain intensity at work")
    assert [e.text for e in s["chronic-pain"].evidence] == ["pain"]


def test_two_synonyms_on_the_same_words_are_one_sign(groups):
    gp = _scores(groups, "A study", "Sickness certification by doctors.")["gp-employer"]
    assert len(gp.evidence) == 1 and gp.base == 0.5  # weak alone, as the protocol says
    assert not gp.passes


def test_the_same_words_for_two_labels_stay_with_both(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(
        """
[review]
id = "x"
title = "x"
question = "?"
reviewers = ["ann"]

[stages.title-abstract]
reviewers_per_record = 1

[schemes.health]
name = "Health"
multi_label = true

[[schemes.health.labels]]
id = "msk"
name = "Musculoskeletal"
terms = ["fibromyalgia", "back pain"]

[[schemes.health.labels]]
id = "pain"
name = "Pain"
terms = ["fibromyalgia", "pain"]
""",
        encoding="utf-8",
    )
    scheme = protocol_mod.load(path).scheme("health")
    got = {s.label for s in classify.suggest(Record(title="Fibromyalgia at work"), scheme)}
    assert got == {"msk", "pain"}
    got = {s.label for s in classify.suggest(Record(title="Back pain at work"), scheme)}
    assert got == {"msk"}


def test_a_term_followed_by_was_not_assessed_is_no_evidence(groups):
    """'Comorbidity was not assessed' names what the study left out (NegEx post-negation); the
    mixed group's comorbid* fired there."""
    left_out = _scores(groups, "Return to work after sick leave", "Comorbidity was not assessed.")
    assert left_out["mixed"].evidence == []
    # not negated, it names the population ("Comorbidity was assessed" alone is a measured
    # variable: reviewkit.classify.variables)
    assessed = _scores(
        groups, "Return to work after sick leave", "Workers with comorbidity were assessed."
    )
    assert [e.text for e in assessed["mixed"].evidence] == ["comorbidity"]
    # the verb must follow in the same clause: a later clause negates something else
    other = _scores(
        groups, "Return to work after sick leave", "Comorbidity was common; pain was not measured."
    )
    assert [e.text for e in other["mixed"].evidence] == ["Comorbidity"]
