"""Pain conditions in Review A's groups: chronic pain and musculoskeletal disorders are one kind
of condition (the protocol's ``count_as_one``), so a review of "chronic musculoskeletal pain" is
musculoskeletal, not mixed; it is mixed when a mental disorder is also named as its population."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import classify
from reviewkit import protocol as protocol_mod
from reviewkit.records import AbstractSection, Record

PROTOCOL = Path(__file__).resolve().parents[2] / "protocols" / "rtw-systematic-reviews.toml"


@pytest.fixture(scope="module")
def groups():
    return protocol_mod.load(PROTOCOL).scheme("diagnosis-group")


def _suggested(scheme, title: str, *sections: tuple[str, str]) -> list[str]:
    rec = Record(title=title, abstract_sections=[AbstractSection(k, t) for k, t in sections])
    return [s.label for s in classify.suggest(rec, scheme)]


def test_chronic_musculoskeletal_pain_is_musculoskeletal_not_mixed(groups):
    title = "Multidisciplinary interventions for chronic musculoskeletal pain: a systematic review"
    assert _suggested(
        groups,
        title,
        ("BACKGROUND", "Chronic musculoskeletal pain is a leading cause of work disability."),
        ("OBJECTIVE", "To assess multidisciplinary pain management programmes for workers with "
                      "chronic musculoskeletal pain."),
        ("METHODS", "We included 20 randomised trials with return-to-work outcomes."),
    ) == ["musculoskeletal"]  # fmt: skip


def test_back_pain_in_a_pain_programme_is_one_condition(groups):
    # chronic-pain evidence (pain rehabilitation) beside musculoskeletal (low back pain)
    assert _suggested(
        groups,
        "Pain rehabilitation for sick-listed workers with chronic low back pain: a systematic review",
    ) == ["musculoskeletal"]


@pytest.mark.parametrize(
    "title",
    [
        "Return to work in workers with chronic pain and depression: a systematic review",
        "Return to work of workers with musculoskeletal pain or common mental disorders",
    ],
)
def test_pain_with_a_mental_disorder_named_is_mixed(groups, title):
    assert _suggested(groups, title) == ["mixed"]


def test_chronic_widespread_pain_stays_chronic_pain(groups):
    title = "Work outcomes in chronic widespread pain and fibromyalgia: a systematic review"
    assert _suggested(groups, title) == ["chronic-pain"]
