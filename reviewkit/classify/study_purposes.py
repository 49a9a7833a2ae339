"""The record's own study doing something for a purpose, the purpose being its aim, for
:func:`reviewkit.classify.aim_statements.states_inquiry`: the study conducted for it ("This
study was designed to assess ...", "We conducted a retrospective study to evaluate ...", "The
study was conducted to evaluate ..."), the purpose said first ("To determine whether ..., we
infused ..."), the study's aim in a relative clause ("this study, which aims to develop ..."),
and the purpose alone, a structured abstract's Objective whose heading was lost ("To evaluate
the accuracy of biomarkers for ...").
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

# The study named with the definite article alone and conducted for a purpose, as the subject
# opening its sentence ("The study was conducted to evaluate ...", "The present studies were
# undertaken in order to show ...", "The cross-sectional study was performed to assess ..."):
# in the snapshot's and held-out sets' aim places, 17 sentences of the study conducted with
# "the" were read as no aim; so read, 12 (each the study's own aim, 8 their abstract's only
# one, filling its Aim cell), the 5 others left out as below. Only at the sentence's start
# (after an opening adverb: "Therefore, the study was ..."), so not a clause of another
# statement; the infinitive right after the participle ("in order to"), so not a study
# conducted somewhere or at some time ("The study was conducted from March to July 2015 at ...
# to ..."); the words before the noun in small letters, so not a study by its name ("The ACCORD
# trial was designed to test ...", "The X-ray diffraction analysis ...": a cohort or another's
# trial named in a background, a method); not an analysis (a method done for a purpose: "The
# regression analysis was performed to explore ...") nor a study counted among others ("The
# second experiment was designed to ...", a later step); nor the sample size a trial was
# designed for ("The trial was designed to detect a 10% difference with 80% power").
_THE_STUDY_CONDUCTED = re.compile(
    r"^\W*(?:\w+,\s+)?(?P<doer>the\s+(?!(?:second|third|fourth|next|last|final|other|latter|"
    r"former|first)\b)(?:(?-i:[a-z][\w-]*)\s+){0,3}?(?:study|studies|trial|work|investigation|"
    r"research|survey|review|project|experiment|experiments)\s+(?:will\s+be|was|is|were|are|"
    r"has\s+been|have\s+been)\s+(?:conducted|performed|carried\s+out|undertaken|designed|"
    r"initiated))\s+(?:in\s+order\s+)?"
    rf"(?!to\s+(?:detect|have|provide|achieve|give)\b){INFINITIVE}",
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


# The purpose alone, a sentence that is only an infinitive of purpose: a structured abstract's
# Objective whose heading did not reach the record ("To evaluate the accuracy of biomarkers for the
# early diagnosis of biliary atresia.", opening an unlabelled abstract or a one-sentence
# BACKGROUND). The infinitive opens the sentence (not "To date", "To do so", "To summarize") and
# nothing after it is a main clause: no comma outside brackets but a series' (after one, the main
# clause comes: "To track X in vivo, technetium was incorporated ..."), no subject of its own ("To
# test their impression they compared ..."), no finite verb outside a clause of what is asked ("To
# extract information from it can become challenging", the infinitive as a subject; "To determine
# whether X is associated with Y." asks), nor on what was said before ("To achieve this goal
# requires ..."). In the aim places of the snapshot's and held-out sets' abstracts, 2,288 sentences
# open with such an infinitive and were read as no aim, 1,397 of them in a labelled OBJECTIVE,
# PURPOSE or AIM section (taken by its heading); of the others, 49 are read so bare, filling 24 Aim
# cells of the snapshot and 2 of the held-out sets and moving 5 (each read: the aim, 5 of them with
# the methods run on with no comma, "To establish how X impacts Y we gathered ...")
# (nor an infinitive on what was said before, a step: "To achieve this goal requires ...")
_OPENING_INFINITIVE = re.compile(
    rf"^\W*(?!to\s+(?:date|do|summari[sz]e|sum|conclude)\b)(?P<doer>{INFINITIVE})"
    r"(?!\s+(?:this|these|that|those|such|it)\b)",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# (what follows one of these is a clause of what is asked, "whether X is ...", or a relative one)
_ASKED = re.compile(
    r"\b(?:whether|if|that|which|who|whom|whose|how|what|when|where|why|while)\b", re.IGNORECASE
)
_MAIN_CLAUSE = re.compile(
    rf"\b(?:we|I|they|the\s+authors|{STUDY_SUBJECT}|is|are|was|were|can|could|may|might|will|"
    r"would|shall|should|must|has|have|had|does|do|did|remains?|becomes?|seems?|needs?|"
    r"requires?|involves?)\b",
    re.IGNORECASE,
)
# the infinitive as the subject of what is needed ("To find a modality that can be applied to
# many cancers is an urgent need."), its verb after a relative clause
_NEEDED = re.compile(
    r"\b(?:is|are|remains|becomes)\s+(?:an?\s+)?(?:\w+\s+)?(?:need|necessary|important|"
    r"essential|challenging|difficult|crucial|critical|key|challenge)\b",
    re.IGNORECASE,
)


def _purpose_alone(sentence: str) -> re.Match[str] | None:
    """The opening infinitive of ``sentence`` when it is all the sentence says
    (:data:`_OPENING_INFINITIVE`), None otherwise."""
    found = _OPENING_INFINITIVE.match(sentence)
    if not found:
        return None
    rest = _BRACKETED.sub("", sentence[found.end() :])
    main = rest[: m.start()] if (m := _ASKED.search(rest)) else rest
    if not _a_series_at_most(rest) or _MAIN_CLAUSE.search(main) or _NEEDED.search(rest):
        return None
    return found


def _a_series_at_most(text: str) -> bool:
    """Whether the commas of ``text`` are none or those of one series ("on behaviours, memory,
    and anxiety": short items, the last after "and" or "or"), so that no main clause follows
    one."""
    parts = text.split(",")
    return len(parts) == 1 or (
        bool(re.match(r"\s+(?:and|or)\s", parts[-1]))
        and all(len(p.split()) <= 4 for p in parts[1:-1])
    )


def purpose(sentence: str) -> re.Match[str] | None:
    """The study doing something for a purpose in ``sentence``: conducted for it
    (:data:`_FOR_A_PURPOSE_OF_INQUIRY`; :data:`_THE_STUDY_CONDUCTED`: "The study was conducted
    to ..."), after the purpose said first (:data:`_PURPOSE_FIRST`), with its aim in a relative
    clause (:data:`_STUDY_WHICH`), or the purpose alone (:func:`_purpose_alone`: "To evaluate
    X."); its ``doer`` group is the study and its verb (the infinitive, for the purpose alone).
    None when the sentence says none."""
    found = _FOR_A_PURPOSE_OF_INQUIRY.search(sentence) or _PURPOSE_FIRST.match(sentence)
    if not found and _WHICH_INTENDS.search(sentence):
        found = _STUDY_WHICH.search(sentence)
    return found or _THE_STUDY_CONDUCTED.match(sentence) or _purpose_alone(sentence)
