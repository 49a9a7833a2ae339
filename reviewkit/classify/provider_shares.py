"""A share of the providers is not the participants': the people who delivered an intervention
described by their sex.

Trials and evaluations describe who delivered the intervention as they describe their sample:
"The physiotherapists (85 % women) delivered the programme", "Twelve case managers, 90% female,
led the sessions", "Of the 40 nurses who delivered the programme, 85% were women". The share
there is of the providers, whom the study did not include as its participants; read as the
participants' it makes a sample of unnamed sex "both" (:mod:`reviewkit.classify.shares`) or
"women". So a term in a share (before its word, "85% were women", or after it, "female, 63%")
is no evidence where the share is borne by a provider noun (:data:`_PROVIDER`) of a sentence
that names them delivering (:data:`_DELIVERS`). The bearer is the noun right before the
share's bracket ("physiotherapists (85% women)") or comma ("case managers, 90% female"), or
the one a sentence opens with after "of" or "among" ("Of the 40 nurses who ..., 85% were
women").

A provider's own kind in the share ("Of the 12 coaches who delivered the programme, 60% were
physiotherapists") says who delivered, what a scheme of the providers reads: it stays evidence.

Where the providers are the study's sample ("A total of 1037 faculty members were included,
and 900 of them (86.8%) were male", "774 EMS personnel ... of which 23.77% were female"), no
verb of delivery names them delivering and the share is the participants'; so is a share in
the bracket after a provider that describes the patients ("159 patients managed by German GPs
(mean age 59 years, 51% female)"): managing is no delivery of the study's intervention. In
the snapshot's 30,462 English abstracts a share of one sex borne by a provider noun stands in
12 sentences, each of the providers as the sample or of patients, none of providers
delivering: the kind is the trials' of the field's interventions (physiotherapists, case
managers, nurses delivering them), not of the snapshot's.
"""

from __future__ import annotations

import re

from reviewkit.classify.share_shapes import share_after, share_start
from reviewkit.classify.words import Token, low_at, sentence_around

# The nouns of people who deliver care or an intervention (plural or singular): therapists,
# nurses, doctors, case managers, coordinators, counsellors, coaches, staff
_PROVIDER = re.compile(
    r"(?:physio|psycho|occupational|physical)?therapists?|nurses?|physicians?|doctors?|gps?"
    r"|practitioners?|managers?|coordinators?|co-ordinators?|staff|clinicians?|providers?"
    r"|counsell?ors?|psychologists?|psychiatrists?|caseworkers?|specialists?|coaches|coach"
    r"|trainers?|instructors?|facilitators?|interventionists?|midwi(?:fe|ves)|pharmacists?"
    r"|personnel|navigators?|consultants?",
    re.IGNORECASE,
)
# A verb of delivering an intervention in the share's sentence: the providers named in their
# role ("delivered", "led the sessions", "provided the counselling"), not as the sample
# ("were included", "were surveyed") nor as whom patients saw ("managed by GPs")
_DELIVERS = re.compile(
    r"\b(?:deliver\w*|provid(?:ed|es|ing)|led|lead(?:s|ing)?|conduct(?:ed|s|ing)|facilitat\w*"
    r"|administer(?:ed|s|ing)|gave|giv(?:en|es|ing)|offer(?:ed|s|ing)|ran|run(?:s|ning)?|taught"
    r"|teach(?:es|ing)?|coached|instructed|implement(?:ed|s|ing))\b",
    re.IGNORECASE,
)
# The words of a sentence opened by the people a share is of ("Of the 40 nurses who ...,
# 85%", "Among all trained coordinators, ..."): a determiner, a count, an adjective
_OPENED_BY = frozenset({"of", "among", "amongst"})
_DETERMINERS = frozenset({"the", "all", "these", "those", "our"})
_OPENING_REACH = 3  # words after the determiner and count: an adjective or two and the noun


def _word_before(words: list[Token], at: int) -> str:
    """The last word before character ``at``, in lower case."""
    return low_at(words, max((i for i, w in enumerate(words) if w.end <= at), default=-1))


def _opening(words: list[Token], s_start: int, phrase: int) -> str:
    """The provider noun a sentence opens with after "of" or "among" ("Of the 40 nurses who
    ..., 85% were women"), '' where it opens otherwise."""
    inside = [k for k, w in enumerate(words) if s_start <= w.start < phrase]
    if not inside or low_at(words, inside[0]) not in _OPENED_BY:
        return ""
    k = inside[0] + 1
    while low_at(words, k) in _DETERMINERS or low_at(words, k)[:1].isdigit():
        k += 1
    found = (low_at(words, j) for j in range(k, k + _OPENING_REACH))
    return next((w for w in found if _PROVIDER.fullmatch(w)), "")


def _bearer(text: str, words: list[Token], phrase: int) -> str:
    """The noun whose share starts at character ``phrase``: before its unclosed bracket, the
    one its sentence opens with after "of" or "among", or before its comma ('' where none)."""
    s_start = sentence_around(text, phrase)[0]
    before = text[s_start:phrase]
    depth = 0
    for k in range(len(before) - 1, -1, -1):  # the innermost bracket still open at the share
        if before[k] in ")]":
            depth += 1
        elif before[k] in "([":
            if not depth:
                return _word_before(words, s_start + k)
            depth -= 1
    opening = _opening(words, s_start, phrase)
    if opening or not before.rstrip().endswith(","):
        return opening
    return _word_before(words, s_start + len(before.rstrip()) - 1)


def providers_share(text: str, words: list[Token], first: int, last: int) -> bool:
    """Whether the term at words ``first``..``last`` is in a share of the providers who
    delivered an intervention (see the module docstring): no evidence of the participants."""
    if _PROVIDER.fullmatch(low_at(words, last)):  # "60% were physiotherapists": who delivered
        return False
    start, end = words[first].start, words[last].end
    phrase = share_start(text, start)
    if phrase is None:
        if not share_after(text, start, end):
            return False
        phrase = start
    s_start, s_end = sentence_around(text, start)
    bearer = _bearer(text, words, phrase)
    return bool(_PROVIDER.fullmatch(bearer)) and _DELIVERS.search(text, s_start, s_end) is not None
