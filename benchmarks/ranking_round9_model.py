"""Issue 17, round 9's features and committee (measured by ``benchmarks/ranking_round9.py``;
see ``results/ranking.md``, "What was tried", round 9). None is in the product.

Word forms: an include's abstract says "randomised", "randomized", "randomly"; "employees",
"employee"; the includes the queue reaches last (those that set WSS@95) are the ones whose
exact words the labelled includes lack. Each variant maps every word to a form before the
1-2-grams are formed, then builds the kept TF-IDF (:func:`reviewkit.ranking.features.
tfidf_features`) on the forms:

* :func:`snowball`: the Snowball English stemmer (Porter 2001, "Porter2"; ``snowballstemmer``,
  already a dependency of reviewkit's classification);
* :func:`s_stem`: Harman's S-stemmer (1991, "How effective is suffixing?"): plurals only;
* :func:`us_spelling` before :func:`snowball`: British spellings folded to American by a short
  rule set (-ise/-yse to -ize/-yze, -our to -or, ae/oe in the classical medical stems).

:func:`form_tokens` maps each *distinct* word once (a dict from word to form is built per
collection), so a form costs per vocabulary, not per token. :class:`TwoViews` is the
committee of the kept model on the surface words and the kept model on the stemmed words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import snowballstemmer
from scipy import sparse

from reviewkit.ranking.features import (
    WordTokens,
    counts_of_tokens,
    tfidf_features,
    word_tokens,
)
from reviewkit.ranking.model import KernelLeastSquares


def form_tokens(words: WordTokens, form: Callable[[str], str]) -> WordTokens:
    """``words`` with every word replaced by ``form(word)``: each distinct word is mapped
    once; the forms are numbered in the order first met, as :func:`word_tokens` numbers words."""
    number: dict[str, int] = {}
    to_form = np.fromiter(
        (number.setdefault(form(w), len(number)) for w in words.words),
        dtype=np.int32,
        count=len(words.words),
    )
    return WordTokens(to_form[words.ids], words.lengths, list(number))


def form_features(
    texts: Sequence[str], form: Callable[[str], str], max_df: float = 0.95
) -> sparse.csr_matrix:
    """The kept TF-IDF of word 1-2-grams (``build_features``'s: sublinear tf, smooth idf,
    terms in more than ``max_df`` of the texts dropped, unit rows) with every word mapped by
    ``form`` before the pairs are formed."""
    return tfidf_features(counts_of_tokens(form_tokens(word_tokens(texts), form))[0], max_df)


def snowball() -> Callable[[str], str]:
    """The Snowball English stemmer's ``stemWord`` (a new stemmer: no state shared between
    collections, so each pays for its own vocabulary)."""
    return snowballstemmer.stemmer("english").stemWord


def s_stem(word: str) -> str:
    """Harman's S-stemmer (1991): "-ies" to "-y", unless "-eies" or "-aies"; "-es" to "-e",
    unless "-aes", "-ees" or "-oes"; "-s" dropped, unless "-us" or "-ss". The rule of the first
    ending that matches decides, and its exceptions leave the word whole ("employees",
    "does", "trees", "ies"), as Lucene's EnglishMinimalStemmer (which implements this stemmer) reads
    the paper: read as "the first rule whose exceptions do not apply", the second rule's
    exceptions would change nothing (the third drops the same "s"). Words under 3 letters
    are left (Lucene's guard; no English plural is that short)."""
    if len(word) < 3 or not word.endswith("s") or word.endswith(("us", "ss")):
        return word
    if word.endswith("ies") and len(word) > 3:
        return word if word.endswith(("eies", "aies")) else word[:-3] + "y"
    if word.endswith(("ies", "aes", "ees", "oes")):
        return word
    return word[:-1]  # "-es" to "-e" and "-s" dropped both drop the "s"


# British to American spelling, a short documented rule set (the forms the Oxford and Merriam-
# Webster dictionaries list side by side), applied before the Snowball stemmer, which removes
# "-ize" (step 4) but not "-ise", and keeps "-our" and "-or" apart:
# * -ise, -isation, -ising, -ised, -ises (and -yse, -ysed, -ysing) to -ize/-yze: randomised,
#   organisation, analysed. Only after 4+ letters (the stem of a verb formed with the suffix),
#   so "rise", "wise", "noise", "raise", "praise", "exercise", "franchise" are words the rule
#   must leave: the list _ISE_KEPT holds the common English words that end in -ise as part of
#   their root (not the suffix), after the Oxford spelling guide's examples.
# * -our (and -ours, -oured, -ourite, -ourable, -oural, ...) to -or: behaviour, colour, tumour,
#   favourable, behavioural. Not "our", "four", "your", "hour", "pour", "tour", "sour",
#   "flour", "devour", "contour", "detour", "amour" (the -our is the word): _OUR_KEPT.
# * ae / oe in the classical stems medicine spells both ways: haem-, anaem-, paed-, orthopaed-,
#   leukaem-, ischaem-, oesophag-, oestr-, foet-, diarrhoea, oedema, gynaec-, caesar-,
#   anaesth-, aetiol-, coeliac (the NLM's MeSH uses the American forms; the BMJ and Lancet
#   the British).
# A rewrite that makes a word no other word is (otherwize) harms nothing: the features only
# change where two spellings of one word meet.
# fmt: off
_ISE_KEPT = frozenset([
    "advertise", "advise", "chastise", "circumcise", "comprise", "compromise", "demise",
    "despise", "devise", "disguise", "enterprise", "excise", "exercise", "expertise", "franchise",
    "improvise", "merchandise", "premise", "promise", "revise", "supervise", "surmise",
    "surprise", "televise", "treatise", "otherwise", "likewise", "clockwise", "precise",
    "concise", "paradise", "appraise", "tortoise", "turquoise"
])
# fmt: on
_ISE = re.compile(r"^(\w{4,}?)([iy])s(e|es|ed|ing|ation|ations|er|ers)$")
# fmt: off
_OUR_KEPT = frozenset([
    "our", "ours", "four", "fours", "your", "yours", "hour", "hours", "pour", "pours", "poured",
    "pouring", "tour", "tours", "toured", "touring", "sour", "soured", "flour", "devour",
    "devoured", "contour", "contours", "detour", "detours", "amour", "paramour", "troubadour"
])
# fmt: on
_OUR = re.compile(r"^(\w{2,})our(s|ed|ing|er|ers|ite|ites|able|ably|al|ally|ism|ists?|less)?$")
_CLASSICAL = (
    ("haem", "hem"),
    ("anaem", "anem"),
    ("paed", "ped"),
    ("leukaem", "leukem"),
    ("ischaem", "ischem"),
    ("oesophag", "esophag"),
    ("oestr", "estr"),
    ("foet", "fet"),
    ("diarrhoe", "diarrhe"),
    ("oedem", "edem"),
    ("gynaec", "gynec"),
    ("caesar", "cesar"),
    ("anaesth", "anesth"),
    ("aetiol", "etiol"),
    ("coeliac", "celiac"),
)


def us_spelling(word: str) -> str:
    """``word`` in American spelling where one of the rules above applies, else unchanged."""
    for british, american in _CLASSICAL:
        if british in word:
            word = word.replace(british, american)
    if word not in _ISE_KEPT:
        m = _ISE.match(word)
        if m and m.group(1) + m.group(2) + "se" not in _ISE_KEPT:
            word = f"{m.group(1)}{m.group(2)}z{m.group(3)}"
    if word not in _OUR_KEPT:
        m = _OUR.match(word)
        if m:
            word = f"{m.group(1)}or{m.group(2) or ''}"
    return word


def us_snowball() -> Callable[[str], str]:
    """:func:`us_spelling`, then the Snowball English stemmer."""
    stem = snowball()
    return lambda word: stem(us_spelling(word))


class TwoViews:
    """A committee of two kept models (round 5's: standardised scores summed, the weights
    fixed before running) on two views of each record, the columns of one matrix: the first
    ``split`` columns (the surface words' TF-IDF, unit rows) and the rest (the stemmed words',
    unit rows). Each member keeps its own Gram matrix, so a fit costs about two."""

    def __init__(self, split: int, weights: tuple[float, float] = (1.0, 1.0)) -> None:
        self.split, self.weights = split, weights
        self.members = (KernelLeastSquares(), KernelLeastSquares())
        self._X: Any = None
        self._views: tuple[Any, Any] = (None, None)

    def _views_of(self, X: Any) -> tuple[Any, Any]:
        if X is not self._X:  # sliced once per matrix: the members keep their Gram matrices
            self._X = X
            self._views = (X[:, : self.split].tocsr(), X[:, self.split :].tocsr())
        return self._views

    def fit_rows(self, X: Any, rows: Any, y: Any) -> TwoViews:
        for member, view in zip(self.members, self._views_of(X), strict=True):
            member.fit_rows(view, rows, y)
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        views = self._views_of(X)
        return sum(
            w * m.decision_function(v)
            for m, v, w in zip(self.members, views, self.weights, strict=True)
        )
