"""Negation: a term in the reach of "without", "independent of" or "neither ... nor", right
after "not"/"non"/"no", after "no contact with" (a party that took no part), followed by "was
not assessed" or "was left to", or in an exclusion criterion names what a study did not have or
left out (after NegEx, Chapman et al. 2001); see :mod:`reviewkit.classify.terms`."""

from __future__ import annotations

import re
from functools import lru_cache

from reviewkit.classify.persons import names_people
from reviewkit.classify.words import HYPHENS, Token, sentence_around

# A term that follows "without" says what a study did *not* have ("workers without a fixed
# workplace", "work focus in treatment without involving the employer"): it is no evidence for
# the label. As NegEx (Chapman et al. 2001) does, the cue reaches a few words forward within
# its clause, and "with or without", "with and without", "with/without" (both kinds; also
# Scandinavian "med eller uten") are no negation. Only the preposition reaches that far:
# "no" and "not" also open sentences of results ("no difference in sick leave"), where the term
# still says what the study is about; they negate only the word right after them (below).
NEGATION_CUES = frozenset({"without", "uten", "utan", "uden"})  # en, no, sv, da
# "Neither the employer nor the social insurance office was contacted", "neither arm involved the
# employer": both halves name parties a study left out, as "without" does (NegEx lists
# "neither" among its pre-negation triggers), with the same forward reach, so the word after
# "nor" is in the reach of "nor" ("nor the GP"). "ingen av" and the like are not this pair.
NEGATION_CUES |= {"neither", "nor"}
# The same pair in the Scandinavian term lists' languages: "verken arbeidsgiver eller fastlege"
# (no), "varken ... eller" (sv), "hverken ... eller" (da). Their second word is "eller", which
# alone is "or", so only the first is a cue; its reach covers a short pair ("verken X eller Y").
NEGATION_CUES |= {"verken", "varken", "hverken"}
# "Independent of" the employer, the insurer (uavhengig av, oberoende av, uafhængig af) names
# whom a coordinator or a programme does *not* belong to ("coordinators of a non-profit
# organisation, independent of the employer and the insurer"), as "without" names what a study
# did not have: the two words are one cue, with the same reach. "Independent" alone stays a
# word ("an independent provider", "independent samples").
INDEPENDENT_OF = frozenset(
    {("independent", "of"), ("independently", "of"), ("uavhengig", "av"),
     ("oberoende", "av"), ("uafhængig", "af")}
)  # fmt: skip
# The cue at most 5 words before the term, NegEx's window: "without contact with the workplace"
# (4 words) is as common in methods sections as "without a fixed workplace" (2). Measured
# (classify-limits.md): 3 to 10 give the same figures on every set, 2 loses a set-7 row and two
# Review B rows; NegEx's 5 is kept (tests/classify/test_reach_limits.py: "without any contact
# with the workplace").
NEGATION_REACH = 5
# "not", "non", "no" (ikke, inte, ej, icke) negate the word right after them only: "not
# musculoskeletal", "non-musculoskeletal pain", "no depression". A word or more between ("no
# difference in sick leave", "did not reduce depression", "non-specific low back pain") leaves
# the term found: there the cue negates something else. "ingen" is "no" in all three
# Scandinavian languages ("ingen psykisk lidelse").
NEGATION_NEXT = frozenset({"not", "non", "no", "ikke", "ikkje", "inte", "ej", "icke", "ingen"})
# A term followed by "was not assessed" ("comorbidity was not assessed", "depression was not
# measured") names what the study left out, not what it is about: NegEx's post-negation
# triggers (Chapman et al. 2001), limited to the verbs of research abstracts that say a
# variable was not part of the study. The three words must follow the term in its clause.
POST_NEGATION_BE = frozenset({"was", "were", "is", "are"})
POST_NEGATION_VERBS = frozenset(
    {"assessed", "measured", "recorded", "reported", "examined", "evaluated", "collected"}
    # the same trigger for a party or a group that took no part: "the employer was not
    # contacted (involved, consulted)", "patients with psychosis were not included"
    | {"involved", "contacted", "consulted", "included"}
)
# A part of the care put in another's hands is no part of the intervention: "contact with the
# supervisor was left to the employee", "contact with the employer was left to the patient",
# "medical treatment was left to the general practitioner" (the study's own programme did not do
# it). The same place as NegEx's post-negation triggers: "was left to" right after the term.
POST_DELEGATION = ("left", "to")
# ... and a party after "to", not a verb: "the employer was left to arrange a workplace visit"
# (or "to decide", "to be contacted") gives the task to the subject, who then takes part, as
# "the employee" does in "the visit was left to the employee". Without a verb lexicon the party
# is read from its first word: a determiner or possessive ("to the", "to each", "to their") or
# people named bare ("to patients", "to occupational physicians": the first or second word
# ends as a person does, classify.persons, or is a people word, comparator.PEOPLE).
_PARTY_OPENERS = frozenset(
    {"the", "a", "an", "each", "every", "any", "their", "his", "her", "its", "our", "this",
     "these", "those", "that"}
)  # fmt: skip
# A party named after "no contact with", "had no contact with", "did not contact", "no
# involvement of", "no collaboration between" took no part: "No contact was made with the employer
# or NAV", "the therapist had no contact with the employer or the occupational physician" (a
# study that compares work-focused therapy with therapy, or a GP's certificate, with no work-side
# party), as "without contact with the workplace" and "the employer was not contacted" already
# say. NegEx's "no" reaches five words; here "no"/"not" negate the words after it only with
# a noun or verb of taking part right after them, so "no difference in ..." keeps its terms.
# The reach runs to the clause's end, at most PARTY_REACH words after the contact word: the
# parties follow as a list ("with the employer or the occupational physician", "between health
# care and the employer": six words). Measured (classify-limits.md): 6 words to no limit give the
# same figures on every set, 4 and 5 lose set-7 rows; "No contact was made with NAV or the
# employer" needs 7, and "no contact with NAV during sick leave and met the employer" (9 words
# on, another act) must stay out: tests/classify/test_reach_limits.py pins 7-8.
CONTACT_WORDS = frozenset(
    {
        "contact", "contacts", "contacted", "involvement", "involve", "involved", "collaboration",
        "cooperation", "communication", "liaison", "consult", "consulted",
        "kontakt", "samarbeid", "samarbete", "samarbejde",  # no, sv, da
    }
)  # fmt: skip
PARTY_REACH = 8
# A contrast ends a cue's reach, as NegEx's termination terms do (Chapman et al. 2001): what
# follows "but" is said of the study, not denied ("had no contact with NAV but with the
# employer", "workers without back pain but with depression"). The Scandinavian "men" (but),
# "mens" and "medan" (while) too: the term lists are also Norwegian, Swedish and Danish. Not
# NegEx's "yet" and "still", adverbs after a negation as often ("no contact yet with the employer").
TERMINATION_WORDS = frozenset(
    {"but", "however", "although", "though", "whereas", "while", "except", "which",
     "who", "men", "mens", "medan"}
)  # fmt: skip
_CLAUSE_END = re.compile(r"[,.;:()\[\]]")
# An aside set off by commas right after a cue leaves its reach whole: "without, however, the
# employer", "not, however, musculoskeletal", "did not, however, contact the employer". Right
# after the cue it contrasts nothing yet (a contrast after the negated words still ends it:
# "without back pain, however, with depression" is TERMINATION_WORDS' "however")
ASIDES = frozenset(
    {"however", "though", "moreover", "furthermore", "indeed", "imidlertid", "dock", "dog"}
)
_WITH = frozenset({"with", "med"})
_AND_OR = frozenset({"or", "and", "eller", "og", "och"})


def _both_ways(words: list[Token], j: int) -> bool:
    """Whether the cue at ``j`` is the second half of "with or without" (a pseudo-negation)."""
    before = [w.word.casefold() for w in words[max(j - 2, 0) : j]]
    return (bool(before) and before[-1] in _WITH) or (
        len(before) == 2 and before[0] in _WITH and before[1] in _AND_OR
    )


def _aside_after_cue(text: str, words: list[Token], k: int) -> bool:
    """Whether word ``k`` is an aside (:data:`ASIDES`) set off by commas right after a cue
    ("not, however, ...")."""
    if not 0 < k < len(words) - 1 or words[k].word.casefold() not in ASIDES:
        return False
    cue = words[k - 1].word.casefold()
    commas = text[words[k - 1].end : words[k].start] + text[words[k].end : words[k + 1].start]
    return cue in NEGATION_CUES | NEGATION_NEXT and commas.count(",") == 2


def negated(text: str, words: list[Token], i: int) -> bool:
    """Whether the word at index ``i`` of a field is in the reach of a negation cue."""
    if i and words[i - 1].word.casefold() in NEGATION_NEXT:
        gap = text[words[i - 1].end : words[i].start]
        if not gap.strip() or (len(gap) == 1 and gap in HYPHENS):
            return True
    if (
        i > 1
        and _aside_after_cue(text, words, i - 1)
        and words[i - 2].word.casefold() in NEGATION_NEXT
    ):
        return True  # "not, however, musculoskeletal"
    for j in range(i - 1, max(i - 1 - NEGATION_REACH, -1), -1):
        if _aside_after_cue(text, words, j):
            continue
        if _ended(text, words, j) and not _aside_after_cue(text, words, j + 1):
            break
        if words[j].word.casefold() in NEGATION_CUES:
            return not _both_ways(words, j)
        if j and (words[j - 1].word.casefold(), words[j].word.casefold()) in INDEPENDENT_OF:
            return True
    return _no_contact(text, words, i)


def _ended(text: str, words: list[Token], j: int) -> bool:
    """Whether a cue at or before word ``j`` cannot reach past it: a clause's end after it, or
    the word after it a contrast (:data:`TERMINATION_WORDS`)."""
    return bool(_CLAUSE_END.search(text[words[j].end : words[j + 1].start])) or (
        words[j + 1].word.casefold() in TERMINATION_WORDS
    )


def _no_contact(text: str, words: list[Token], i: int) -> bool:
    """Whether the word at ``i`` follows "no contact with" (:data:`CONTACT_WORDS` right after
    "no"/"not") in its clause, at most :data:`PARTY_REACH` words on."""
    for j in range(i - 1, max(i - 1 - PARTY_REACH, 0), -1):
        if _ended(text, words, j):
            return False
        if words[j].word.casefold() in CONTACT_WORDS:
            k = j - 2 if _aside_after_cue(text, words, j - 1) else j - 1  # "not, however, contact"
            cue = words[k].word.casefold()
            gap = text[words[k].end : words[j].start] if k == j - 1 else ""
            if cue in NEGATION_NEXT and not _CLAUSE_END.search(gap):
                return True
    return False


def negated_after(text: str, words: list[Token], last: int) -> bool:
    """Whether the term ending at word ``last`` is followed by "was not assessed" (or one of
    :data:`POST_NEGATION_VERBS`) or "was left to" (:data:`POST_DELEGATION`) within its
    clause."""
    if last + 3 >= len(words):
        return False
    if _CLAUSE_END.search(text[words[last].end : words[last + 3].start]):
        return False
    be, neg, verb = (words[last + k].word.casefold() for k in (1, 2, 3))
    if be not in POST_NEGATION_BE:
        return False
    if (neg, verb) == POST_DELEGATION:
        return _party_at(words, last + 4)
    return neg == "not" and verb in POST_NEGATION_VERBS


def _party_at(words: list[Token], k: int) -> bool:
    """Whether the words from ``k`` name a party given a task (:data:`_PARTY_OPENERS`), not
    the verb of an infinitive."""
    if k >= len(words):
        return False
    if words[k].word.casefold() in _PARTY_OPENERS:
        return True
    return any(names_people(w.word) for w in words[k : k + 2])


# An exclusion criterion names who a study left out: "Exclusion criteria were pregnancy and
# serious psychiatric disorders", "patients with a previous diagnosis of depression were
# excluded", "excluding workers with ...": a disorder there is no evidence of the population
# (NegEx: "ruled out", "free of"; here the words of a methods section's eligibility sentence).
# The reach is the sentence, on the side of the cue that names the excluded: after "exclusion",
# "excluding", "ineligible", on either side of "excluded" ("X were excluded", "we excluded X");
# an inclusion word between the cue and the term ends it ("... were excluded; workers with low
# back pain were included" is two sentences, but "excluding X, and including Y" one).
# The cue words, not the prefix "exclu": "exclusive(ly)" says "only" ("exclusively workers with
# depression" is whom a study took in), and "social exclusion" is a state a population is
# studied for, not a criterion.
EXCLUSION_CUES = frozenset(
    {"exclusion", "exclusions", "exclude", "excludes", "excluded", "excluding", "ineligible"}
)
_NOT_A_CRITERION = frozenset({"social"})  # "social exclusion": the word before the cue
_INCLUSION = ("inclu", "eligib")
_CUE = re.compile(r"\b(?:exclu(?:sions?|des?|ded|ding)|ineligible)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _has_exclusion(text: str) -> bool:
    return _CUE.search(text) is not None


def excluded(text: str, words: list[Token], first: int, last: int) -> bool:
    """Whether the term at words ``first``..``last`` is in an exclusion criterion (see
    :data:`EXCLUSION_CUES`): in the sentence of an exclusion cue, on the cue's side."""
    if not _has_exclusion(text):  # most fields name none: no sentence to read
        return False
    start, end = sentence_around(text, words[first].start)
    inside = [k for k in range(len(words)) if start <= words[k].start < end]
    low = [(k, w.word.casefold()) for k, w in ((k, words[k]) for k in inside)]
    for n, (k, w) in enumerate(low):
        if w not in EXCLUSION_CUES or (n and low[n - 1][1] in _NOT_A_CRITERION):
            continue
        if k < first:  # the cue first: "exclusion criteria were ...", "we excluded ..."
            between = (x for j, x in low if k < j < first)
        elif k > last and w in {"excluded", "ineligible"}:  # "... were excluded"
            between = (x for j, x in low if last < j < k)
        else:
            continue
        if not any(x.startswith(_INCLUSION) for x in between):
            return True
    return False
