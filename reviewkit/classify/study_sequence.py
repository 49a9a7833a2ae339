"""Where a sentence stands in the story an abstract tells, for the readings of a stated aim
(:mod:`reviewkit.classify.aim_statements`): the authors' earlier work ("Previously, we
identified ..."), a step after the first ("We also compared ...", "Moreover, we examined ..."),
the conclusion ("In summary, we describe ...") and what the text ends with ("We conclude by
describing ..."). A verb of inquiry or an aim word there is not what the study set out to do.
"""

from __future__ import annotations

import re

from reviewkit.classify.own_study import EARLIER_OWN_WORK, THIS_STUDY
from reviewkit.classify.study_phrases import STUDY_NOUN

# The authors' earlier work said before its subject: "Previously, we identified ...", "Recently,
# we determined ...", "In a previous study we assessed ..." (:data:`EARLIER_OWN_WORK` reads "we
# previously"); for the aim sentences only (the classification's reading of own and others'
# studies, :func:`~reviewkit.classify.own_study.speaks_of_own_study`, does not take it)
_EARLIER_OPENING = re.compile(
    r"^\W*(?:previously|recently|earlier)\b|^\W*in\s+(?:a|an|our)\s+(?:\S+\s+)?(?:previous|"
    r"earlier|prior|recent)\s+(?:study|report|paper|work|manuscript|publication|trial|analysis)\b",
    re.IGNORECASE,
)


def earlier_work(sentence: str) -> bool:
    """Whether ``sentence`` tells the authors' earlier work (:data:`EARLIER_OWN_WORK`,
    :data:`_EARLIER_OPENING`), not naming this study (:data:`THIS_STUDY`)."""
    earlier = EARLIER_OWN_WORK.search(sentence) or _EARLIER_OPENING.search(sentence)
    return bool(earlier) and not THIS_STUDY.search(sentence)


# A step after the first, not the aim: an opening connective ("Moreover, we examined ...", "In
# addition, we studied ...") or an adverb between the study and its verb ("We also compared ...",
# "We then assessed ..."): 164 of the snapshot's inquiry sentences, read 30, each a later step
# of the methods or results; so in a study conducted for a purpose ("We also performed a user
# evaluation study to examine ...", "we next carried out a survey to collect ..."). Not
# "further", which is also "in more depth" than earlier work ("Here, we further examined the
# mechanism underlying ...", an aim). The adverb is the study's where it stands between the
# study and its verb ("To assess ..., we also examined ...", "We will then analyse ..."), not in
# the purpose said first nor in what is asked ("To determine whether regulation ... is also
# abnormal in acromegaly, we administered ...": of the snapshot's 10 sentences whose purpose
# said first holds one of them, 4 hold it there, each an aim; the 6 others between the study
# and its verb, each a later step: :func:`later_step`)
NEXT_STEP_OPENING = re.compile(
    r"^\W*(?:also|moreover|furthermore|in\s+addition|additionally|finally|then|next|"
    r"subsequently|lastly|later|meanwhile|meantime|besides|further|second(?:ly)?|"
    r"third(?:ly)?)\b",
    re.IGNORECASE,
)
NEXT_STEP_ADVERB = re.compile(
    r"\b(?:also|then|additionally|subsequently|next|finally|later|furthermore)\b",
    re.IGNORECASE,
)
# Auxiliaries after which the study's verb, and an adverb before it, are still to come ("To
# ..., we will then analyse ...")
_AUXILIARY = re.compile(r"\b(?:will|would|shall|have|has|had|did|were|was)$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+\w+")


def later_step(sentence: str, m: re.Match[str]) -> bool:
    """Whether the study of ``m`` (a match of a study doing something for a purpose,
    :func:`reviewkit.classify.study_purposes.purpose`) does its part as a later step:
    :data:`NEXT_STEP_ADVERB` between the study and its verb (its ``doer`` group, and the word
    after an auxiliary that ends it)."""
    doer = m.group("doer")
    after = _NEXT_WORD.match(sentence, m.end("doer")) if _AUXILIARY.search(doer) else None
    return bool(NEXT_STEP_ADVERB.search(doer + (after.group(0) if after else "")))


# The conclusion, not the aim: a sentence opening with a concluding connective ("In summary, we
# describe a novel signalling circuit ...", "Altogether, we describe a rapid method ...",
# "Collectively, our work describes ...", "In conclusion, this study explored ..."): a verb of
# inquiry after it restates what was found or done. The snapshot's 270,163 sentences hold 11
# so opened and read as an aim; 6 by a verb of inquiry, each the abstract's last sentences, a
# finding or the conclusion (read, each); those with an aim word ("Taken together, the present
# work aims to review ...") state the aim wherever it stands and are read so
# (:func:`~reviewkit.classify.aim_statements.states_aim`). Not "Overall", also "in all"
# ("Overall, we retrospectively evaluated 1236 consecutive patients", a method). An infinitive
# opening is a connective only with a comma after it ("To conclude, ...", "To sum up, ..."):
# with an object it is the purpose said first ("To close this gap, we investigated ...", "To
# summarise the evidence, we evaluated ...", the aim); nor "In short-term follow-up, ..." (a
# method).
CONCLUDING_OPENING = re.compile(
    r"^\W*(?:(?:in\s+(?:conclusion|summary|sum|short|closing)|summing\s+up|taken\s+together|"
    r"collectively|altogether|all\s+in\s+all)\b(?!-)|"
    r"to\s+(?:conclude|summari[sz]e|sum\s+up|close)\s*,)",
    re.IGNORECASE,
)
# What the text ends with, told by its closing verb with the study or its authors as the subject
# ("We conclude by describing emerging approaches ...", "The review concludes with ...", "I
# finish by exploring ...", "we will close with ...", "This study ends with a discussion ..."):
# its last part, not what it set out to do (2 of the snapshot's 31 such sentences were read as
# an aim, "We conclude by describing ..."; the others hold no verb of inquiry or aim word)
# (the verb found first, the subject then read before it: a subject searched for first was
# a third of the aim readings' time)
_CLOSING_VERB = re.compile(
    r"\b(?:conclud(?:e|es|ed|ing)|end(?:s|ed|ing)?|clos(?:e|es|ed|ing)|finish(?:es|ed|ing)?)\s+"
    r"(?:up\s+)?(?:by|with)\b",
    re.IGNORECASE,
)
_CLOSER = re.compile(
    rf"\b(?:we|I|the\s+authors?|{STUDY_NOUN})\s+(?:\w+\s+){{0,2}}?$", re.IGNORECASE
)


def closes(sentence: str) -> bool:
    """Whether ``sentence`` tells what the text ends with: a closing verb (:data:`_CLOSING_VERB`)
    with the study or its authors as its subject (:data:`_CLOSER`)."""
    lower = sentence.lower()  # (the verbs' stems looked for first: the pattern is slower)
    if not any(stem in lower for stem in ("conclud", "end", "clos", "finish")):
        return False
    return any(_CLOSER.search(sentence, 0, m.start()) for m in _CLOSING_VERB.finditer(sentence))
