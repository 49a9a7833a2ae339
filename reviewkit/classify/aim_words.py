"""An aim word used as the record's own study's aim, for
:func:`reviewkit.classify.aim_statements.states_aim`: the noun with what states it ("The aim of
this study was ...", "Our objective was ..."), the verb with the study as its subject ("We aimed
to ...", "This retrospective study sought to ..."), "with the aim of" where the study is the
subject, "It aims to ..." after a sentence naming the study, and the impersonal "It was aimed to
..."; not the word used otherwise (an adjective, another's purpose).
"""

from __future__ import annotations

import re

from reviewkit.classify.aim_clauses import in_subordinate_clause
from reviewkit.classify.intention_verbs import AIM_WORD_VERBS, intention_forms
from reviewkit.classify.own_study import OWN_SUBJECT, THIS_STUDY
from reviewkit.classify.study_phrases import STUDY_NOUN

# An aim word used as the study's aim: the noun with what states it ("The aim of this study
# was", "Our objective was", "Primary objectives were", "The hypothesis was that"), or the verb
# with the study as its subject ("We aimed to", "This retrospective study aimed at", up to eight
# words between as a trial's design is written, "The authors sought to"). Not the word used
# otherwise, which a sentence holding it took for 40-odd of Review A's snapshot aim cells: an
# adjective ("objective response rate", "an objective test"), others' aim ("guidelines aim at",
# "programs aimed at improving", "Future studies should aim to"), a purpose or objective of
# something else ("travel purposes", "learning objectives", "for the purpose of seeking care")
_AIM_NOUN = re.compile(
    r"(?:^|\b(?<!with\s)(?:the|our|my|primary|main|secondary|first|second|third|specific|"
    r"overall|general|principal|major|ultimate|key|present|study|study's|research|analysis'?|"
    r"review|trial|paper)\s+)(?:aims?|objectives?|purposes?|goals?|hypothes[ie]s)\s+"
    # "of" the study's own ("The aim of this study"; not "The goal of rehabilitation is")
    rf"(?:of\s+(?:this|these|the|our)\s+(?:\S+\s+){{0,8}}?{STUDY_NOUN}\b|"
    r"(?:was|were|is|are|to|for|in|here)\b)|^(?:aims?|objectives?|purposes?|goals?)\s*:",
    re.IGNORECASE,
)
AIM_VERB = re.compile(
    r"\b(?:we|the\s+authors|(?:this\s+(?:\S+\s+){0,8}?|(?:the|our)\s+(?:\S+\s+){0,2}?)"
    rf"{STUDY_NOUN})\s+(?:\w+\s+){{0,2}}?"
    rf"{intention_forms(*AIM_WORD_VERBS)}\s+(?:to|at)\b",
    re.IGNORECASE,
)
# Another's purpose: "for the purpose of seeking care", "for this purpose, a model was built"
FOR_A_PURPOSE = re.compile(r"\bfor\s+(?:the|this|that|these|such)\s+purposes?\b", re.IGNORECASE)
# An aim said of what the sentence's subject does, the study's where that is the study ("With the
# aim to evaluate ..., we analysed ..."), not where it is another's ("The Ct has been used ...
# with the goal of targeting isolation"): :data:`OWN_SUBJECT` in the sentence
_WITH_AIM = re.compile(
    r"\bwith\s+the\s+(?:aims?|goals?|objectives?|purposes?)\s+(?:of|to)\b", re.IGNORECASE
)


# "It" standing for the study, as the sentence before names it ("This paper reviews the
# obstacles ... It aims to provide ..."), or impersonal ("It was aimed to compare ...", "It was
# hypothesised that ..."): an aim the authors state without naming the study. "It has been
# hypothesised" is others' (the literature's); an "It" after a sentence about anything else is
# that thing ("Radiogenomics investigates ... It aims to detect ...": :data:`_STUDY_OPENS`).
# A hypothesis so told is the study's in the past only: in the present it is the authors'
# reading of their results ("From these results it is hypothesized that the particles consist
# of ...": 14 of the snapshot's abstracts took such a sentence for the aim, 10 of them its
# last sentence or the one before, a conclusion; 4 the study's own, early in the abstract, so
# lost); in the past, 11 of the 13 taken were the study's hypothesis
_IT_AIMS = re.compile(
    rf"^(?:\S+\s+){{0,2}}?it\s+(?:\w+\s+)?{intention_forms(finite=True)}\s+to\b",
    re.IGNORECASE,
)
_IMPERSONAL_AIM = re.compile(
    rf"\bit\s+(?:is|was)\s+(?:\w+\s+)?{intention_forms(participle=True)}\s+to\b|"
    r"\bit\s+was\s+(?:\w+\s+)?hypothesi[sz]ed\s+that\b",
    re.IGNORECASE,
)
# The study as the subject that opens a sentence ("This review lists ...", "In this paper, we
# ...", "The present trial compares ...")
_STUDY_OPENS = re.compile(
    rf"^(?:\S+\s+){{0,3}}?(?:we|(?:this|the\s+present|the\s+current|our)\s+(?:\S+\s+){{0,3}}?"
    rf"{STUDY_NOUN})\b",
    re.IGNORECASE,
)
# An aim the study's own words own: "of this study", "our aim", "this review aimed"
_OWN_DETERMINER = re.compile(r"\b(?:this|these|our|present|current)\b", re.IGNORECASE)


def _main_aim_verb(sentence: str) -> re.Match[str] | None:
    """The first :data:`AIM_VERB` of ``sentence`` not in a clause of concession, time or
    condition (:func:`~reviewkit.classify.aim_clauses.in_subordinate_clause`: "Although we seek
    to clarify ..., the current study employed a sub-clinical sample ...": the clause hangs on
    the statement after it, which is not the aim), as a verb of inquiry is read. Of the 270,169
    sentences of the snapshot and the held-out sets, 12 hold the study's aim verb right after a
    subordinator or a conjunction: 1 after "although" (that one, its abstract's Aim cell; the
    aim is its background's "we tested whether ..."), 11 after "and" or "so" ("..., so we aimed
    to compare ...", each the aim); none after "as", "while", "when", "if" and the others."""
    return next(
        (m for m in AIM_VERB.finditer(sentence) if not in_subordinate_clause(sentence, m.start())),
        None,
    )


def aim_word(sentence: str, before: str = "") -> re.Match[str] | None:
    """The aim word of ``sentence`` used as an aim (:data:`_AIM_NOUN`, :data:`AIM_VERB` in a
    main clause, :func:`_main_aim_verb`; the
    impersonal :data:`_IMPERSONAL_AIM`; :data:`_IT_AIMS` where ``before``, the sentence before
    it, opens with the study; :data:`_WITH_AIM` where the study is the subject), None when none
    is; whose aim it is, the study's or another's, is read by the caller."""
    aim = _AIM_NOUN.search(sentence) or _main_aim_verb(sentence)
    aim = aim or _IMPERSONAL_AIM.search(sentence)
    if not aim and _STUDY_OPENS.search(before.strip()):
        aim = _IT_AIMS.search(sentence)
    if not aim and (OWN_SUBJECT.search(sentence) or THIS_STUDY.search(sentence)):
        aim = _WITH_AIM.search(sentence)
    return aim


def owned(aim: re.Match[str]) -> bool:
    """Whether the aim word of ``aim`` (an :func:`aim_word` match) is owned by the study's own
    words ("of this study", "our aim", "this review aimed": :data:`_OWN_DETERMINER`)."""
    return bool(_OWN_DETERMINER.search(aim.group(0)))
