"""The inflections a plain ``sentence:`` word takes, by kind of English word (reviewkit.
prefill_sentences): the shipped protocols' words keep their forms, and the rules that keep
another word's forms out (no plain -ed/-ing on a one-syllable word that doubles its
consonant) leave the words they do not fit alone: a final w, x or y is never doubled (showed,
fixed, played), nor a consonant after two vowels (needed, treated, looked); a 'u' after 'q' is
no vowel (quit: quitting), and 'ie' becomes 'y' before -ing (die: dying)."""

from __future__ import annotations

import pytest

from reviewkit.prefill_sentences import first_sentence


@pytest.mark.parametrize(
    ("word", "form"),
    [
        # the words of the shipped protocols' sentence: rules (protocols/*.toml)
        ("aim", "aimed"),
        ("aim", "aiming"),
        ("objective", "objectives"),
        ("purpose", "purposes"),
        ("conclude", "concluded"),
        ("conclude", "concluding"),
        ("conclusion", "conclusions"),
        ("suggest", "suggested"),
        ("suggest", "suggests"),
        ("found", "found"),
        # one syllable ending in w, x or y: never doubled, the plain forms are the word's
        ("show", "showed"),
        ("show", "showing"),
        ("fix", "fixed"),
        ("fix", "fixes"),
        ("play", "played"),
        ("play", "playing"),
        # a consonant after two vowels is not doubled
        ("need", "needed"),
        ("treat", "treated"),
        ("look", "looking"),
        # 'qu' is a consonant: quit is one vowel and a consonant, doubled
        ("quit", "quitting"),
        ("quit", "quits"),
        # 'ie' becomes 'y' before -ing
        ("die", "dying"),
        ("die", "died"),
        # a past of another verb is read as written only where that is what a review means by
        # it (found: of find): 'wound' and 'ground' in abstracts are the injury and the noun
        # (the snapshot's 442 'wound' are wound healing, wound complications; 'ground truth',
        # 'ground reaction force'), and their -s and -ed are their own
        ("wound", "wounds"),
        ("wound", "wounded"),
        ("ground", "grounds"),
        ("ground", "grounded"),
    ],
)
def test_a_plain_word_takes_its_own_forms(word, form):
    text = f"Background first. Workers {form} here."
    assert first_sentence(text, [word]) == f"Workers {form} here."
