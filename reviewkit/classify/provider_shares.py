"""A share of the providers is not the participants': the people who delivered an intervention
described by their sex.

Trials and evaluations describe who delivered the intervention as they describe their sample:
"The physiotherapists (85 % women) delivered the programme", "Twelve case managers, 90% female,
led the sessions", "Of the 40 nurses who delivered the programme, 85% were women". The share
there is of the providers, whom the study did not include as its participants; read as the
participants' it makes a sample of unnamed sex "both" (:mod:`reviewkit.classify.shares`) or
"women". So a term in a share (before its word, "85% were women", or after it, "female, 63%")
is no evidence where the share is borne by a provider noun (:data:`_PROVIDER`) that is the
agent of a verb of delivery (:data:`_DELIVERS`): after "by" ("delivered by physiotherapists
(85% women)") or the verb's subject ("case managers, 90% female, led"). The bearer is the noun
right before the share's bracket ("physiotherapists (85% women)") or the comma of an apposition
("case managers, 90% female"; not of a share that is a clause of its own, "In the programme
delivered by case managers, 60% were women"), or the one a sentence opens with after "of" or
"among" ("Of the 40 nurses who ..., 85% were women").

The providers' kinds are also the people an intervention is delivered to, and the sample of
studies of them: nurses, managers and case managers are workers whose health, sick leave and
training the field studies ("A resilience programme was delivered to 200 nurses (92% women)",
"The training was provided to 120 line managers (60% women)", "Interviews were conducted with
25 case managers (80% female)", "Nurses (92% women) took part in a programme led by
psychologists"): there the verb of delivery is not theirs, and the share is the participants'.

A provider's bracket that counts the people they treated before the share ("delivered by 40
GPs (1200 patients, 55% women)") holds the participants' share, beside a verb of delivery too:
the share is of the people counted last before it; the providers' own count ("(n = 40, 55%
women)", "(12 nurses, 92% women)") leaves it theirs, and so does each one's caseload ("(each
treating 25 patients, 92% women)", "(mean list size 1800 patients, ...)").

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
# A verb of delivering an intervention whose agent the provider is: "delivered by the
# physiotherapists (85% women)", "the physiotherapists (85% women) delivered", "nurses who led
# the sessions"; not one of which the provider is the object ("delivered to 200 nurses (92%
# women)", "interviews were conducted with 25 case managers", "nurses were offered") nor one
# another agent's ("took part in a programme led by psychologists"): :func:`_delivering`
_DELIVERS = re.compile(
    r"deliver\w*|provid(?:ed|es|ing)|led|lead(?:s|ing)?|conduct(?:ed|s|ing)|facilitat\w*"
    r"|administer(?:ed|s|ing)|gave|giv(?:en|es|ing)|offer(?:ed|s|ing)|ran|run(?:s|ning)?|taught"
    r"|teach(?:es|ing)?|coached|instructed|implement(?:ed|s|ing)",
    re.IGNORECASE,
)
# A passive's auxiliary before the verb: the provider is then what was delivered to ("nurses
# (92% women) were offered the programme"), not who delivered
_BE = frozenset({"was", "were", "is", "are", "be", "been", "being"})
# The words from "by" to the provider noun ("by 12 trained physiotherapists"), from the verb to
# its "by" ("was delivered individually by"), and from the share's end to the provider's own
# verb ("(85% women), who had delivered")
_AGENT_REACH = 4
_VERB_REACH = 3
_SUBJECT_REACH = 4
# A preposition that makes the provider noun after it no agent ("to 200 nurses", "with 25 case
# managers", "for nurses"): the backward search for "by" stops there
_NOT_AGENT = frozenset({"to", "with", "for", "among", "of", "in", "at", "from", "on", "between"})
# A relative clause set off by commas between the share and the provider's verb: "The
# physiotherapists (85% women), who had ten years of experience, delivered"
_ASIDE = re.compile(r"[)\]]?\s*,\s*(?:who|whom|all\s+of\s+whom)\b[^,;.]*,", re.IGNORECASE)
# A verb in a share before its word ("60% were women"): a clause of its own, whose bearer is no
# noun before a comma; "90% female" after one is an apposition to it ("case managers, 90% female")
_SHARE_VERB = re.compile(r"\b(?:were|was|are|is|being)\b", re.IGNORECASE)
# The words of a sentence opened by the people a share is of ("Of the 40 nurses who ...,
# 85%", "Among all trained coordinators, ..."): a determiner, a count, an adjective
_OPENED_BY = frozenset({"of", "among", "amongst"})
_DETERMINERS = frozenset({"the", "all", "these", "those", "our"})
_OPENING_REACH = 3  # words after the determiner and count: an adjective or two and the noun
# The people a provider treated, counted in the provider's bracket before the share ("delivered
# by 40 GPs (1200 patients, 55% women)", "nurses (treating 310 participants, 70% men)"): the
# share that follows is of those people, the participants', whatever verb of delivery stands
# beside; the providers' own count ("(n = 40, 55% women)", "(12 nurses, 92% women)") leaves
# it theirs. A count, an adjective at most, and a noun of people who are no providers
_PEOPLE_COUNTED = re.compile(
    r"\b\d[\d,.]*\s+(?:[a-z-]+\s+)?(?:patients?|participants?|workers?|employees?|clients?"
    r"|cases|persons|people|individuals|subjects|children|adults|users|pupils|students)\b",
    re.IGNORECASE,
)
# ... unless the count is each provider's (a caseload, a list size): "mean list size 1800
# patients", "each treating 25 patients", "30 clients each", "40 patients per therapist" are
# the providers' own figure, as their age or experience is, and the share beside it theirs
_PER_PROVIDER_BEFORE = re.compile(
    r"\b(?:each|per|mean|median|average|caseloads?|list|lists)\b[^,;()]*$", re.IGNORECASE
)
_PER_PROVIDER_AFTER = re.compile(r"\s+(?:each|per)\b", re.IGNORECASE)


def _index_before(words: list[Token], at: int) -> int:
    """The index of the last word before character ``at`` (-1 where none)."""
    return max((i for i, w in enumerate(words) if w.end <= at), default=-1)


def _opening(words: list[Token], s_start: int, phrase: int) -> int:
    """The index of the provider noun a sentence opens with after "of" or "among" ("Of the 40
    nurses who ..., 85% were women"), -1 where it opens otherwise."""
    inside = [k for k, w in enumerate(words) if s_start <= w.start < phrase]
    if not inside or low_at(words, inside[0]) not in _OPENED_BY:
        return -1
    k = inside[0] + 1
    while low_at(words, k) in _DETERMINERS or low_at(words, k)[:1].isdigit():
        k += 1
    found = (j for j in range(k, k + _OPENING_REACH) if _PROVIDER.fullmatch(low_at(words, j)))
    return next(found, -1)


def _bearer(text: str, words: list[Token], phrase: int, appositive: bool) -> tuple[int, str]:
    """The index of the noun whose share starts at character ``phrase`` (-1 where none), with
    what closes the share after it: the noun before its unclosed bracket (")"), the one its
    sentence opens with after "of" or "among" (""), or, for an ``appositive`` share, the one
    before its comma (",")."""
    s_start = sentence_around(text, phrase)[0]
    before = text[s_start:phrase]
    depth = 0
    for k in range(len(before) - 1, -1, -1):  # the innermost bracket still open at the share
        if before[k] in ")]":
            depth += 1
        elif before[k] in "([":
            if not depth:
                return _index_before(words, s_start + k), ")"
            depth -= 1
    opening = _opening(words, s_start, phrase)
    if opening >= 0 or not appositive or not before.rstrip().endswith(","):
        return opening, ""
    return _index_before(words, s_start + len(before.rstrip()) - 1), ","


def _delivering(words: list[Token], bearer: int, after: int, span: tuple[int, int]) -> bool:
    """Whether the provider noun at word ``bearer`` is the agent of a verb of delivery in its
    sentence (characters ``span``): after "by" a few words behind it ("delivered individually
    by 12 trained physiotherapists"), or the subject of an active verb within a few words
    from character ``after``, the share's end ("(85% women) delivered", "who led")."""
    for k in range(bearer - 1, max(bearer - 1 - _AGENT_REACH, -1), -1):
        w = low_at(words, k)
        if words[k].start < span[0] or w in _NOT_AGENT:
            break
        if w == "by":
            verbs = range(max(k - _VERB_REACH, 0), k)
            return any(_DELIVERS.fullmatch(low_at(words, j)) for j in verbs)
    rest = [k for k, w in enumerate(words) if after <= w.start < span[1]][:_SUBJECT_REACH]
    return any(
        _DELIVERS.fullmatch(low_at(words, k))
        and low_at(words, k - 1) not in _BE
        and low_at(words, k + 1) != "by"
        for k in rest
    )


def _people_treated(text: str, start: int, end: int) -> bool:
    """Whether characters ``start``..``end`` (the provider's bracket before the share) count
    the people the providers treated (:data:`_PEOPLE_COUNTED`), not each provider's caseload."""
    return any(
        not _PER_PROVIDER_BEFORE.search(text, start, m.start())
        and not _PER_PROVIDER_AFTER.match(text, m.end(), end)
        for m in _PEOPLE_COUNTED.finditer(text, start, end)
    )


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
    span = sentence_around(text, start)
    appositive = _SHARE_VERB.search(text, phrase, start) is None
    bearer, closing = _bearer(text, words, phrase, appositive)
    if bearer < 0 or not _PROVIDER.fullmatch(low_at(words, bearer)):
        return False
    after = words[bearer].end
    if closing == ")" and _people_treated(text, after, phrase):
        return False  # the patients the providers treated, counted in their bracket
    if closing:  # the share's own bracket or apposition closes before the provider's verb
        found = text.find(closing, end, span[1])
        after = span[1] if found < 0 else found
    aside = _ASIDE.match(text, after, span[1])  # "(85% women), who had ten years' experience,"
    return _delivering(words, bearer, after if aside is None else aside.end(), span)
