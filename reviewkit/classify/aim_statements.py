"""Where a sentence states the record's own study's aim, for the extraction prefill's aim cell
(:func:`reviewkit.prefill_sentences.aim_sentence`, ``own-aim``): with an aim word used as its aim
("The aim of this study was ...", "We aimed to ...": :func:`states_aim`), or with the study as
the subject of a verb of inquiry or conducted for a purpose ("We investigated whether ...",
"This study was designed to assess ...": :func:`states_inquiry`); told by the sentence's shape
from a reported finding ("We identified two indels ..."), a later step ("We also compared
..."), the authors' earlier work and others' studies (:mod:`reviewkit.classify.own_study`, whose
readings of others' studies, earlier work and research to come these share).

Each reading has its module, and these two functions weigh them: the aim words
(:mod:`reviewkit.classify.aim_words`), the verbs of inquiry and of intention
(:mod:`reviewkit.classify.inquiry_verbs`, :mod:`reviewkit.classify.intention_verbs`) and such a
word read as a noun (:mod:`reviewkit.classify.inquiry_nouns`), the study doing something for a
purpose (:mod:`reviewkit.classify.study_purposes`), where a sentence stands in the abstract's
story (:mod:`reviewkit.classify.study_sequence`: earlier work, a later step, the conclusion,
the close), the clause the verb stands in (:mod:`reviewkit.classify.aim_clauses`), the paper's
own verbs of presenting (:mod:`reviewkit.classify.paper_verbs`: :func:`states_presenting`), and
the words they share (:mod:`reviewkit.classify.study_phrases`).
"""

from __future__ import annotations

import re

from reviewkit.classify.aim_clauses import in_subordinate_clause
from reviewkit.classify.aim_words import FOR_A_PURPOSE, aim_word, owned
from reviewkit.classify.inquiry_nouns import read_as_noun
from reviewkit.classify.inquiry_verbs import INQUIRY, reports_finding
from reviewkit.classify.own_study import FUTURE_RESEARCH, OTHER_STUDIES, others_aim
from reviewkit.classify.paper_verbs import presenting
from reviewkit.classify.study_purposes import purpose
from reviewkit.classify.study_sequence import (
    CONCLUDING_OPENING,
    NEXT_STEP_ADVERB,
    NEXT_STEP_OPENING,
    closes,
    earlier_work,
    later_step,
)


def states_aim(sentence: str, before: str = "") -> bool:
    """Whether ``sentence`` states the record's own study's aim with an aim word used as its aim
    (:func:`~reviewkit.classify.aim_words.aim_word`: "The aim of this study was ...", "We aimed
    to ...", "It aims to ..." where ``before``, the sentence before it, opens with the study),
    not what the text ends with (:func:`~reviewkit.classify.study_sequence.closes`), not another
    study's (:func:`~reviewkit.classify.own_study.others_aim`, other studies named before it:
    "Previous studies aimed to ..."), a purpose of something else
    (:data:`~reviewkit.classify.aim_words.FOR_A_PURPOSE`), the authors' earlier work or research
    to come. Other studies after it are what the study reads ("The aim of this review is to
    summarise the existing literature"), and so are others before an aim the study's own words
    own ("Given no existing meta-analysis, the purpose of this protocol is ...")."""
    sentence = sentence.strip()
    aim = aim_word(sentence, before)
    if not aim or others_aim(sentence) or FOR_A_PURPOSE.search(sentence):
        return False
    if closes(sentence):  # what the text ends with ("We conclude with ...")
        return False
    if earlier_work(sentence):
        return False
    others = OTHER_STUDIES.search(sentence)
    return not (others and others.start() < aim.start() and not owned(aim)) and not (
        FUTURE_RESEARCH.search(sentence)
    )


def states_inquiry(sentence: str) -> bool:
    """Whether ``sentence`` says what the record's own study set out to do: the study as the
    subject of a verb of inquiry (:data:`~reviewkit.classify.inquiry_verbs.INQUIRY`: "We
    investigated whether ..."), not reporting a finding with it
    (:func:`~reviewkit.classify.inquiry_verbs.reports_finding`) nor the word a noun
    (:func:`~reviewkit.classify.inquiry_nouns.read_as_noun`), nor in a clause hanging on
    another statement (:func:`~reviewkit.classify.aim_clauses.in_subordinate_clause`); or the
    study doing something for a purpose (:func:`~reviewkit.classify.study_purposes.purpose`:
    "This study was designed to assess ...", "To determine whether ..., we infused ...", "this
    study, which aims to ..."); neither told as a step after the first ("We also performed a
    survey to ..."), nor as the conclusion or what the text ends with ("In summary, we describe
    ...", "We conclude by describing ..."), nor what the authors did before ("We previously
    examined ...", "Previously, we ...", unless it names this study):
    :mod:`reviewkit.classify.study_sequence`."""
    sentence = sentence.strip()
    if earlier_work(sentence) or NEXT_STEP_OPENING.search(sentence):
        return False
    if CONCLUDING_OPENING.search(sentence) or closes(sentence):
        return False
    found = purpose(sentence)
    if found and not later_step(sentence, found):
        return True
    return any(
        not NEXT_STEP_ADVERB.search(m.group(0))
        and not reports_finding(sentence, m)
        and not read_as_noun(sentence, m)
        and not in_subordinate_clause(sentence, m.start())
        for m in INQUIRY.finditer(sentence)
    )


# "further" before a verb of presenting is a later item ("We further discuss the applications of
# ...", a review's next part), where before a verb of inquiry it is also "in more depth" (read
# as an aim: :data:`~reviewkit.classify.study_sequence.NEXT_STEP_ADVERB`)
_FURTHER = re.compile(r"\bfurther\b", re.IGNORECASE)


def states_presenting(sentence: str) -> bool:
    """Whether ``sentence`` states the paper's purpose with its own verb of presenting
    (:func:`~reviewkit.classify.paper_verbs.presenting`: "This review traces ...", "Here we
    report the case of ...", "In this paper, we propose ..."), read in the same story as a verb
    of inquiry (:func:`states_inquiry`): not a later step ("We also discuss ..."), the
    conclusion ("In summary, we describe ..."), what the text ends with, the authors' earlier
    work, nor a clause hanging on another ("as we describe below")."""
    sentence = sentence.strip()
    if earlier_work(sentence) or NEXT_STEP_OPENING.search(sentence):
        return False
    if CONCLUDING_OPENING.search(sentence) or closes(sentence):
        return False
    m = presenting(sentence)
    return bool(m) and not (
        NEXT_STEP_ADVERB.search(m.group(0))
        or _FURTHER.search(m.group(0))
        or in_subordinate_clause(sentence, m.start())
    )
