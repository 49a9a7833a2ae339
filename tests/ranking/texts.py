"""Generated texts for the ranking tests: words of the protocols' terms and others, drawn at
random with punctuation between some."""

from __future__ import annotations

import random

# words of the protocols' terms and others; single letters sit between words of a phrase (not
# tokens: "return a to work" holds the pair "return to"), accents fold ("sykefravær")
WORDS = (
    "return to work sick leave employer employment vocational vocation vocations rehabilitation"
    " coordinator coordination multidisciplinary team mental health musculoskeletal back pain"
    " depression depressive anxiety mice rats children asthma surgery cancer primary care"
    " general practitioner practitioners family practice occupational motivational interview"
    " interviewing sykefravær tverrfaglig Ångst café naïve the of in and with a b x"
)


VOCABULARY = WORDS.split()


def generated_texts(n: int, seed: int = 7) -> list[str]:
    """``n`` texts of 0 to 60 words drawn from VOCABULARY, with punctuation between some words
    (a pair spans it: the tokens run on) and a few words repeated in a row."""
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        words = [rng.choice(VOCABULARY) for _ in range(rng.randrange(0, 61))]
        if words and rng.random() < 0.2:
            words.insert(rng.randrange(len(words)), words[0])
        texts.append(" ".join(w + rng.choice(["", "", "", ",", ".", " -"]) for w in words))
    return texts
