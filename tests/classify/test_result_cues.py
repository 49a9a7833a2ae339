"""One reading of "a sentence reports a result" (measurement.RESULT_SENTENCE): a threshold on a
health score in a sentence with a ratio, a p value or "vs" reports a result about those above
it, not whom the study included (outcomes.names_population), as durations and the
measurement reading already took such a sentence."""

from __future__ import annotations

import pytest

from reviewkit.classify.outcomes import names_population
from reviewkit.classify.words import tokens


def _at(text: str, word: str) -> tuple[list, int]:
    words = tokens(text)
    return words, next(i for i, w in enumerate(words) if w.word == word)


@pytest.mark.parametrize(
    "text",
    [
        "Workers with a PHQ-9 score >= 10 had longer sick leave (HR 0.7).",
        "Sick leave was longer with a PHQ-9 score >= 10 (p=0.02).",
        "Sick leave with a PHQ-9 score >= 10 vs below it did not differ.",
    ],
)
def test_a_threshold_in_a_result_sentence_names_no_population(text):
    words, i = _at(text, "PHQ")
    assert not names_population(text, words, i, i + 1)


def test_a_threshold_in_an_inclusion_sentence_names_the_population():
    text = "Workers with a PHQ-9 score >= 10 were randomised to CBT or usual care."
    words, i = _at(text, "PHQ")
    assert names_population(text, words, i, i + 1)
