"""The paper presenting itself: its own verb of presenting with the paper or its authors as the
subject, in the present ("This review traces the history of ...", "Here we report the case of a
69-year-old woman ...", "This communication describes ...", "In this paper, we propose a model
..."), for :func:`reviewkit.classify.aim_statements.states_presenting`. A review, a case report,
a methods or a chemistry paper states its purpose so, with no aim word and no verb of inquiry.

Only the present (and "will"): the past is what was done ("We reviewed the records of 120
patients", a chart review's method; "we reported previously", earlier work), and only the paper
as the subject ("describes" with any other is another's: "Smith describes ...", "The guideline
presents ..."). Not the verb reporting a finding ("We report that neither ... appears to ...",
"We propose that the 5-Br atom serves as ...": "that" after it; "we report the detection of
...": :data:`_FINDING_NOUN`), nor closing on the findings ("We discuss the implications of
these findings": :data:`_BACK_REFERENCE`).
"""

from __future__ import annotations

import re

from reviewkit.classify.study_phrases import NOUN_PHRASE_WORD, STUDY_NOUN

# What a paper calls itself, the study's nouns and the written pieces that present rather than
# study ("This communication describes ...", "This chapter outlines ...", "This editorial
# discusses ...")
_PAPER_NOUN = (
    rf"(?:{STUDY_NOUN}|communication|chapter|editorial|overview|update|note|letter|essay|"
    r"thesis|contribution|book|perspective|opinion|primer|tutorial|presentation|lecture)"
)
# The verbs a paper presents itself with, the brief's and the review's "summarise" and the methods
# paper's "introduce"; not "highlight", "consider", "detail": a close's emphasis as often ("This
# review highlights the need for ...", "We highlight important features ...")
_BASE = (
    r"(?:describe|report|present|review|trace|outline|discuss|propose|introduce|"
    r"summari[sz]e)"
)
_THIRD_PERSON = (
    r"(?:describes|reports|presents|reviews|traces|outlines|discusses|proposes|introduces|"
    r"summari[sz]es)"
)
# "we" (or "I", "the authors") and the verb's base form, one word between ("we herein report",
# "we will review", "I briefly outline"); the paper as the subject and its -s form ("This review
# traces ...", "The present paper reports ...", "this article briefly presents ...")
PRESENTING = re.compile(
    rf"\b(?:(?:we|I|the\s+authors)\s+(?P<between>(?:\w+\s+)?)(?P<verb>{_BASE})|"
    rf"(?:this|our|the\s+(?:present|current))\s+{NOUN_PHRASE_WORD}{{0,3}}?{_PAPER_NOUN}\s+"
    rf"(?P<between3>(?:\w+ly\s+)?)(?P<verb3>{_THIRD_PERSON}))\b",
    re.IGNORECASE,
)
# The verb reporting a finding or a hypothesis ("We report that ...", "we propose here that
# ..."), or closing on what was found ("We discuss the implications of these findings", "we
# discuss our results in the light of ...")
# (words of time and place between: "Here, we report for the first time in humans that ..."; not
# a noun, whose "that" opens its relative clause: "This review discusses factors that affect
# ...", the review's scope). "Evidence" or "data" that ... is a finding after "present" or
# "report" ("we present evidence that RhoA exists in ...", 6 of the snapshot's sentences) and a
# review's scope after its verbs ("We will review the evidence that plant fibers ...", 4)
_REPORTS_THAT = re.compile(
    r"(?:\s*,?\s*(?:for\s+the\s+first\s+time|here(?:in)?|now|\w+ly|in\s+\w+))*\s*,?\s+"
    r"(?:that|how\s+these)\b",
    re.IGNORECASE,
)
_EVIDENCE_THAT = re.compile(
    r"\s+(?:(?:here|herein|now)\s+)?(?:\w+\s+)?(?:evidence|data)\s+(?:\w+\s+)?that\b",
    re.IGNORECASE,
)
# What was found as the object of "report" or "present": a noun of finding something ("Using this
# tool, we report the detection of nucleic acid at a dynamic range ...", "Here, we report the
# identification of ATG7 as a selective modulator of ...", "Here, we report our discovery of
# glia-directed neuron pruning ..."): the Results' finding, as "we report that ..." is. In the aim
# places of the snapshot's and held-out sets' abstracts, 9 sentences present so with "detection",
# "identification", "discovery" or "demonstration": 7 a finding, 2 what the paper did ("In this
# study, we report the identification of absorbance value ...", "This study presents the systematic
# identification of lincRNAs ...", each read from another sentence or none). Not "observation" nor
# "finding", a case report's case ("we report the observation of a patient with ...", "We describe
# the incidental finding of 16p13.3 microduplication in a fetus ..."), nor after "describe" (a
# method: "we describe the isolation of mitochondria", "This paper describes a method for detection
# of ...")
_FINDING_NOUN = re.compile(
    r"\s+(?:(?:here|herein|now)\s+)?(?:the|our)\s+(?:[\w-]+\s+){0,2}?(?:detection|"
    r"identification|discovery|demonstration)\s+of\b",
    re.IGNORECASE,
)
# (not what they are of: "We report the results of a randomised trial ...", "the findings of
# our survey", the paper's purpose)
_BACK_REFERENCE = re.compile(
    r"\s+(?:the|these|our|their|its|such)\s+(?:\w+\s+)?(?:implications?|findings|results|"
    r"consequences|significance|relevance|limitations)\b(?!\s+of\s+(?:a|an|our|this)\b)",
    re.IGNORECASE,
)


def presenting(sentence: str) -> re.Match[str] | None:
    """The first verb of ``sentence`` with which the paper presents itself
    (:data:`PRESENTING`), not reporting a finding (:data:`_REPORTS_THAT`, :data:`_FINDING_NOUN`)
    nor closing on what was found (:data:`_BACK_REFERENCE`); None where there is none. Whose it
    is and where it stands (a later step, the conclusion) the caller reads."""
    for m in PRESENTING.finditer(sentence):
        if _REPORTS_THAT.match(sentence, m.end()) or _BACK_REFERENCE.match(sentence, m.end()):
            continue
        verb = (m.group("verb") or m.group("verb3")).lower()
        if verb.startswith(("pres", "rep")) and (
            _EVIDENCE_THAT.match(sentence, m.end()) or _FINDING_NOUN.match(sentence, m.end())
        ):
            continue
        return m
    return None
