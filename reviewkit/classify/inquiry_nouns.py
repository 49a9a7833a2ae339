"""A word of inquiry read as a noun, not as the study's verb ("we conducted two studies", "Our
review of clinical studies suggests ...", "We found that compared with ..."), for
:func:`reviewkit.classify.aim_statements.states_inquiry`: told by the words between the study
and it (:func:`read_as_noun`).
"""

from __future__ import annotations

import re

from reviewkit.classify.study_phrases import INFINITIVE

# A word of inquiry read as a noun, not the study's verb: a determiner, numeral, possessive,
# preposition or "that" between the study and it ("We found that compared with ...", "we conducted
# two studies", "We confirmed earlier studies", "Our review of clinical studies suggests ...", "this
# investigation was a determining factor", "We set our study in a mountainous area"); 127 words of
# the snapshot's sentences are so read, 125 rightly (read, each: "we the examine ...", a typing
# error, and "We as well determined that ..." are verbs, the latter a finding). Such a noun is the
# aim where an infinitive or a list of aims follows it (:data:`_AIM_NOUN_AFTER`: "This study is an
# attempt to examine ...", "this study had two aims: ...", "We propose this study to validate ...";
# not "to" before an article: "We limited our study to the patients ..."), and an -ing form right
# after a preposition is a verb ("This work focused on investigating ...", "extends this work by
# examining ..."). "the authors" between is the subject said again ("In the present study the
# authors examined ..."). In the snapshot's 33,277 abstracts this empties or moves 33 Aim cells
# (read, each): 18 rightly (a finding, "We found that compared with ...", a method, "we performed
# microarray analyses to identify ...", a noun), 9 alike, 6 lose an aim ("This study applied network
# analyses to illustrate ...", "we the examine ...", "We in our study, attempted to ..."); without
# the review's reading (:data:`_COVERS`) 12 more were emptied, most a review's scope ("we reviewed
# studies on ...", "Here we review recent studies of ..."), and without the relative pronoun's, 2
# more
_NOUN_MARK = re.compile(
    r"\b(?:a|an|the|this|that|these|those|our|their|its|his|her|my|one|two|three|four|five|"
    r"six|several|many|some|few|earlier|previous|prior|recent|of|on|in|for|with|from|at|into|"
    r"about|as|by)\b",
    re.IGNORECASE,
)
# A verb in the past between them, whose object the word is ("we performed regression analyses
# to examine ...", "We collected MRI studies from ...", "we conducted preliminary tests"); not one
# before "to" or "and" ("we decided to evaluate", "we prepared and analyzed ..."), nor the adverb
# "indeed" ("We indeed examined ..."). Three letters before "-ed" at least: "need", "shed",
# "seed", "bred" are not read; the verbs in "-eed" and "-bed" that are ("proceed", "embed")
# are verbs whose object the word is (in the snapshot every word so read is a past verb or a
# participle before a noun: "included", "performed", "generalized estimating equations")
_VERB_BEFORE = re.compile(r"\b(?!indeed\b)\w{3,}ed\s+(?!(?:to|and)\b)", re.IGNORECASE)
# A review's or a paper's verb before "studies" ("Here we review recent studies of ...", "This
# scoping review mapped studies using ...", "we present our study on ..."): what it covers, its aim
_COVERS = re.compile(
    r"\b(?:review|summari[sz]|map|discuss|synthesi[sz]|present|report)\w*\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# the subject said again, or a relative pronoun after it ("a pilot study that aimed to ...")
_SUBJECT_AGAIN = re.compile(r"^(?:we|the\s+authors?|that|which)\s+", re.IGNORECASE)
_PREPOSITION_ING = re.compile(r"\b(?:on|in|by|at|for|of)\s+$", re.IGNORECASE)
_AIM_NOUN_AFTER = re.compile(rf"\s+{INFINITIVE}|\s*:", re.IGNORECASE)
_AIM_NOUNS = ("attempt", "attempts", "aim", "aims", "study", "studies")


def read_as_noun(sentence: str, m: re.Match[str]) -> bool:
    """Whether the verb of inquiry of ``m`` (a :data:`reviewkit.classify.inquiry_verbs.INQUIRY`
    match in ``sentence``) is a noun no aim is said with (:data:`_NOUN_MARK`,
    :data:`_VERB_BEFORE`)."""
    between = _SUBJECT_AGAIN.sub("", m.group("between"))
    verb = m.group("verb").lower()
    if not (_NOUN_MARK.search(between) or _VERB_BEFORE.search(between)):
        return False
    if verb.startswith("stud") and _COVERS.search(between):
        return False
    if verb.endswith("ing") and _PREPOSITION_ING.search(between):
        return bool(_NOUN_MARK.search(_PREPOSITION_ING.sub("", between)))
    return not (verb in _AIM_NOUNS and _AIM_NOUN_AFTER.match(sentence, m.end()))
