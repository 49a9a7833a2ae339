"""The record's own study doing something for a purpose, the purpose being its aim, for
:func:`reviewkit.classify.aim_statements.states_inquiry`: the study conducted for it ("This
study was designed to assess ...", "We conducted a retrospective study to evaluate ..."), the
purpose said first ("To determine whether ..., we infused ..."), and the study's aim in a
relative clause ("this study, which aims to develop ...").
"""

from __future__ import annotations

import re

from reviewkit.classify.intention_verbs import intention_forms
from reviewkit.classify.study_phrases import (
    INFINITIVE,
    NOUN_PHRASE_WORD,
    OWN,
    STUDY_NOUN,
    STUDY_SUBJECT,
)

# The study conducted for a purpose: "This study was designed to assess ...", "The present
# systematic review will be conducted to evaluate ...", "We conducted a retrospective study to
# evaluate ...", "Thus, we conducted this protocol of systematic review to estimate ...": the
# infinitive is what it set out to do (152 of the snapshot's 168 own-study sentences so written
# in an aim place had no aim cell; of "we conducted a ... study (trial, review, survey) to", 48
# of 65). Not a method done for a purpose ("we performed a multivariate analysis to determine
# ...": an analysis with an article is no study), nor "conducted according to the Declaration"
_CONDUCTED = (
    r"(?:conduct|perform|carr(?:y|ies|ied)\s+out|undert(?:ake|akes|ook|aken)|design|initiat|"
    r"launch)\w*"
)
_FOR_A_PURPOSE_OF_INQUIRY = re.compile(
    r"(?P<doer>\bwe\s+(?:\w+\s+){0,2}?"
    rf"(?:{_CONDUCTED}|us(?:e|es|ed|ing)|will\s+use)\s+(?:(?:this|the\s+present|the\s+current|our)"
    rf"\s+{NOUN_PHRASE_WORD}{{0,6}}?{STUDY_NOUN}|(?:a|an)\s+{NOUN_PHRASE_WORD}{{0,6}}?"
    r"(?:study|trial|review|survey|meta-analysis))|"
    rf"\b(?:this|the\s+present|the\s+current|our)\s+{NOUN_PHRASE_WORD}{{0,6}}?{STUDY_NOUN}\s+"
    r"(?:will\s+be|was|is|has\s+been|were|are)\s+(?:\w+\s+)?(?:conducted|performed|carried\s+out|"
    r"undertaken|designed|initiated|launched))\s+(?:[^\s.;]+\s+){0,8}?"
    rf"{INFINITIVE}",
    re.IGNORECASE,
)


# The purpose said first and the study doing it after ("To define the relationship between
# infarct size and performance, we performed hemodynamic studies in rats ...", "To explore the
# role of DNA methylation ..., this study investigated ..."): the opening infinitive is what the
# study set out to do, whatever its verb (a method's: "we measured", "we infused"). 617 of the
# snapshot's sentences open so, 480 of them in an unlabelled abstract. Not "To date", "To do
# so" (a step after the one before), "To summarize", "To conclude" (a conclusion), "to" before
# an article ("To this end", "To our knowledge": :data:`INFINITIVE`), nor the study's need or
# state after it ("To reduce inequities, we must advocate ...", "..., we are one of several
# groups ...", "..., we rely on prior knowledge")
_PURPOSE_FIRST = re.compile(
    r"^\W*(?!to\s+(?:date|do|summari[sz]e|sum|conclude)\b)"
    rf"{INFINITIVE}[^.;:]*?,\s+(?P<doer>{STUDY_SUBJECT}\s+"
    r"(?!(?:must|need|needs|should|can|could|may|might|are|is|rely|relies)\b)\w+)",
    re.IGNORECASE,
)


# The study's aim in a relative clause with a verb of intention, where the clause's antecedent
# is the study itself ("... the subject of this study, which aims to develop ...", "This
# study is a longitudinal multicenter study which aims to find ...", "This protocol is for a
# study that aims to assess ..."): 9 sentences of the snapshot and the held-out sets hold a
# study noun and a relative with such a verb, 3 of them this study's, each in an abstract with
# no aim cell; not another's or the literature's ("the Darwin Tree of Life Project, which aims
# to ...", "a scarcity of research which attempts to ..."). The verb in any other subordinate
# clause is read as in a main one (45 of the snapshot's 9,258 verbs of inquiry follow a
# subordinator: "so we aimed to compare ...", the aim; "as we try to understand ...", not)
# (the relative read first, the study then: a study searched for first cost the aim readings a
# fifteenth of their time)
_WHICH_INTENDS = re.compile(rf"\b(?:which|that)\s+(?:\w+\s+)?{intention_forms()}\s", re.IGNORECASE)
_STUDY_WHICH = re.compile(
    rf"(?P<doer>\b{OWN}\s+{NOUN_PHRASE_WORD}{{0,6}}?{STUDY_NOUN}(?:\s+(?:is|was)\s+"
    rf"(?:for\s+)?(?:a|an)\s+{NOUN_PHRASE_WORD}{{0,6}}?{STUDY_NOUN})?,?\s+(?:which|that)\s+"
    rf"(?:\w+\s+)?){intention_forms()}\s+{INFINITIVE}",
    re.IGNORECASE,
)


def purpose(sentence: str) -> re.Match[str] | None:
    """The study doing something for a purpose in ``sentence``: conducted for it
    (:data:`_FOR_A_PURPOSE_OF_INQUIRY`), after the purpose said first (:data:`_PURPOSE_FIRST`)
    or with its aim in a relative clause (:data:`_STUDY_WHICH`); its ``doer`` group is the
    study and its verb. None when the sentence says none."""
    found = _FOR_A_PURPOSE_OF_INQUIRY.search(sentence) or _PURPOSE_FIRST.match(sentence)
    if not found and _WHICH_INTENDS.search(sentence):
        found = _STUDY_WHICH.search(sentence)
    return found
