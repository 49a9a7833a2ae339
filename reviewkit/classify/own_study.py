"""Where a record speaks of its own study, for a scheme that sorts records by what kind of study
or report they are (``study_kind = true``: the design, the kind of report) or by what the study
itself did (``study_did = true``: who delivered its intervention, whom it included).

An abstract names designs that are not its own: other studies in its background ("Previous
randomised trials have shown that IPS helps ...", "Evidence from cohort studies suggests ...")
and research to come in its conclusion ("A randomised trial is needed to test whether ...",
"should be evaluated in randomised controlled trials", "Future studies ..."). A term of such a
scheme does not count in a sentence that speaks of either, in English, Norwegian, Swedish,
Danish or Dutch. A sentence about this study counts wherever it stands: "This randomised trial
showed ..." speaks of one trial, its own ("trials showed" is others'), and "The 12-month
results of this trial have been previously reported" of its own earlier report.

A background weighs half because it tells what others did; its sentence that says what the
study itself did or asked ("To understand why, we explored how participants experienced the
intervention", "We are running a trial for people on sick leave with depression") is the
study's own, and weighs as the methods in any scheme (:func:`states_own_aim`,
:func:`~reviewkit.classify.places.place_factor`); another study's aim ("The SEED trial aimed to
...") and the authors' earlier work ("We previously showed ...", unless it names this study:
"In a previous report of this trial, we ...") stay the background's. A later report's sentence
on the trial its title names ("Post hoc analyses of the SEED trial": "In the SEED randomised
trial, ...") is its own study too (:func:`names_the_titles_study`). The sentence stating the
study's aim, for extraction's aim cell, is read by :mod:`reviewkit.classify.aim_statements`,
with this module's readings of others' studies, earlier work and research to come.
"""

from __future__ import annotations

import re

from reviewkit.classify.words import sentence_around

# Studies in the plural or as a body of work, in the five languages
_STUDIES = (
    r"(?:studies|trials|RCTs|reviews|research|evidence|literature|studier|studiene|studierna|"
    r"forskning|forskningen|onderzoeken|onderzoek)"
)
# Words that make studies others': earlier, previous, several ... ("tidligere studier")
_QUALIFIER = (
    r"(?:previous|previously|earlier|prior|past|other|several|many|recent|existing|published|"
    r"numerous|tidligere|tidigare|flere|flera|mange|många|eerdere|eerder|verschillende)"
)
# What studies found, said of them ("have shown", "suggest")
_FOUND = (
    r"(?:(?:have|has|had)\s+(?:\w+\s+)?)?(?:shown|found|suggested|demonstrated|reported|"
    r"indicated|established|show|showed|shows|suggest|suggests|indicate|indicates|demonstrate|"
    r"demonstrates)"
)
# One earlier study, someone's or the authors' own ("a previous randomised trial found", "our
# earlier trial", "en tidligere randomisert studie"), up to three words between; not one that
# names this study ("a previous report of this trial" is the same study's earlier report); the
# words between are the study's own (adjectives), not a preposition's ("sick-listed prior to
# the trial" is a time before the record's own trial)
_EARLIER_STUDY = (
    r"\b(?:previous|earlier|prior|former|another|tidligere|tidigare|eerdere|eerder)\s+"
    r"(?:(?!(?:to|in|of|at|for|from|with|during|before|after|than|the|this|that)\s)\S+\s+){0,3}?"
    r"(?<!this\s)(?<!same\s)(?:study|trial|RCT|studie|undersøkelse)\b"
)
# A review's included studies: studies in the plural included, eligible or found by a search
# ("randomised controlled trials were included", "We included 14 RCTs", "two trials met the
# inclusion criteria", "12 studier ble inkludert"); a review is not its own trial or cohort
_INCLUDED = (
    r"(?:included|eligible|identified|retrieved|selected|screened|reviewed|inkludert|inkluderet)"
)
_REVIEWED = (
    rf"\b(?:studies|trials|RCTs|studier)\s+(?:\S+\s+){{0,3}}?(?:were|was|ble|blev)\s+"
    rf"(?:\w+\s+)?{_INCLUDED}\b|"
    r"\b(?:included|identified|retrieved|selected|reviewed)\s+(?:\S+\s+){0,4}?"
    r"(?:studies|trials|RCTs)\b|"
    r"\b(?:studies|trials|RCTs)\s+(?:\S+\s+){0,3}?met\s+(?:the\s+|our\s+)?"
    r"(?:inclusion|eligibility|selection)\b|"
    r"\bstudier\s+(?:\S+\s+){0,3}?inkluderades\b"
)
# This study's determiner, in the five languages: a qualifier's reach does not pass it ("eerder
# in dit onderzoek", earlier in this study, is the study's own: Dutch "onderzoek" is research
# and a study alike)
_THIS = r"(?:this|these|dit|deze|denne|dette|denna|detta)"
# Other studies: qualified as others' before their kind, up to four words between ("previous
# large randomised controlled trials") but not this study's determiner, or named with what they
# found: a body of work right before it ("research has shown"), studies in the plural with their
# noun phrase's up to eight words between ("randomised trials of supported employment in the
# United States show"); "evidence from randomised trials", "it has been shown"; one earlier
# study; a review's own
OTHER_STUDIES = re.compile(
    rf"\b{_QUALIFIER}\s+(?:(?!{_THIS}\s)\S+\s+){{0,4}}?{_STUDIES}\b|"
    rf"\b{_STUDIES}\s+{_FOUND}\b|"
    rf"\b(?:studies|trials|RCTs|reviews|studier)\s+(?:\S+\s+){{0,8}}?{_FOUND}\b|"
    r"\b(?:evidence|results|findings)\s+(?:from|of)\s+(?:\S+\s+){0,3}?(?:studies|trials|RCTs)\b|"
    r"\bhas\s+been\s+shown\b|"
    rf"{_EARLIER_STUDY}|{_REVIEWED}",
    re.IGNORECASE,
)
# Research to come: needed or warranted, to be tested, future or further studies ("A randomised
# trial is needed", "should be evaluated in randomised trials", "Future studies should ..."),
# in the present ("participants were required to ..." is the study's own condition), and in
# Norwegian, Swedish, Danish and Dutch with a word of research ("flere studier", "videre
# forskning", "verder onderzoek", "studier behövs")
FUTURE_RESEARCH = re.compile(
    r"\b(?:is|are|be|seem|seems|remain|remains)\s+(?:\w+\s+)?(?:needed|warranted|"
    r"called\s+for)\b|"
    r"\b(?:should|must|could|need\s+to|needs\s+to|ought\s+to)\s+(?:\w+\s+)?be\s+(?:\w+\s+)?"
    r"(?:tested|evaluated|studied|examined|investigated|confirmed|replicated|explored)\b|"
    r"\b(?:future|further|additional)\s+(?:\S+\s+){0,3}?(?:studies|trials|research|RCTs|"
    r"evaluations?)\b|"
    r"\bneed\s+for\s+(?:\S+\s+){0,4}?(?:studies|trials|research|RCTs|evaluations?)\b|"
    r"\b(?:flere|fler|mer|mere|nye|nya|fremtidige|framtida|fremtidig|videre|vidare|yderligere|"
    r"toekomstig\w*|verder|meer|nieuw\w*)\s+(?:\S+\s+){0,2}?(?:studier|forskning|onderzoek\w*)\b|"
    r"\b(?:studier|forskning|onderzoek)\s+(?:trengs|behövs|behøves|er\s+nødvendig\w*|"
    r"är\s+nödvändig\w*|is\s+nodig)\b",
    re.IGNORECASE,
)

# Practice to come: what should be done or who should take part ("Occupational physicians
# should be involved in future programmes", "should be offered in primary care", "future
# interventions could add ..."), a recommendation of the conclusion, not what the study did; in
# its own clause only (:func:`_recommends`)
_RECOMMENDED = re.compile(
    r"\b(?:should|must|ought\s+to|needs?\s+to)\s+(?:\w+\s+)?be\s+(?:\w+\s+)?(?:involved|"
    r"included|consulted|engaged|trained|offered|considered|implemented)\b|"
    r"\b(?:future|further)\s+(?:\S+\s+){0,2}?(?:programmes|programs|interventions|practice)\s+"
    r"(?:should|could|may|might|must|need|needs|would|ought)\b",
    re.IGNORECASE,
)
# A recommendation's clause ends at a comma, semicolon or colon, a relative or "that", or "and"
# or "but" before a modal: "This randomised trial shows that such programmes should be
# implemented", "Psychologists delivered a programme that should be considered in future
# programmes" keep the study's own words
_CLAUSE_END = re.compile(
    r"[,;:]|\b(?:that|which|whose|who)\b|\b(?:and|but)\b(?=\s+(?:should|must|ought|needs?)\b)",
    re.IGNORECASE,
)


def _recommends(sentence: str, at: int) -> bool:
    """Whether character ``at`` of ``sentence`` is in the clause of a recommendation
    (:data:`_RECOMMENDED`, :data:`_CLAUSE_END`)."""
    ends = [(m.start(), m.end()) for m in _CLAUSE_END.finditer(sentence)]
    for m in _RECOMMENDED.finditer(sentence):
        start = max((e for s, e in ends if e <= m.start()), default=0)
        end = min((s for s, e in ends if s >= m.end()), default=len(sentence))
        if start <= at < end:
            return True
    return False


# The authors' earlier work ("We previously showed ...", "We have recently reported ...", "In
# our earlier trial ..."), unless the sentence names this study ("In a previous report of this
# trial, we showed ...": its own earlier report)
EARLIER_OWN_WORK = re.compile(
    r"\b(?:we|vi|wij)\s+(?:have\s+|had\s+|har\s+|hebben\s+)?(?:previously|earlier|recently|"
    r"already|tidligere|tidigare|eerder)\b|\bour\s+(?:\S+\s+)?(?:previous|earlier|prior|former)\b",
    re.IGNORECASE,
)
THIS_STUDY = re.compile(
    r"\b(?:this|the\s+present|the\s+current)\s+(?:\S+\s+)?(?:study|trial|cohort|analysis)\b|"
    r"\b(?:dit|deze|denne|dette|denna|detta)\s+(?:\S+\s+)?(?:onderzoek|studie|studien|studiet|"
    r"undersøkelsen|undersökningen|undersøgelse)\b",
    re.IGNORECASE,
)


def speaks_of_own_study(text: str, at: int) -> bool:
    """Whether the sentence around character ``at`` of ``text`` speaks of the record's own
    study: not of other studies (:data:`OTHER_STUDIES`), the authors' earlier work
    (:data:`EARLIER_OWN_WORK`), research to come (:data:`FUTURE_RESEARCH`) nor practice to
    come (:data:`_RECOMMENDED`)."""
    start, end = sentence_around(text, at)
    sentence = text[start:end]
    if EARLIER_OWN_WORK.search(sentence) and not THIS_STUDY.search(sentence):
        return False
    return not (
        OTHER_STUDIES.search(sentence)
        or FUTURE_RESEARCH.search(sentence)
        or _recommends(sentence, at - start)
    )


# The study itself as the sentence's subject: we, our, this study or trial, the present study;
# in Norwegian, Swedish, Danish and Dutch ("vi", "denne studien", "denna studie", "wij", "dit
# onderzoek")
OWN_SUBJECT = re.compile(
    r"\b(?:we|our|this\s+(?:study|trial|paper|article|report|analysis|evaluation|protocol)|"
    r"the\s+(?:present|current)\s+(?:study|trial|paper|analysis)|vi|vår|vårt|denne\s+studien|"
    r"denna\s+studie|dette\s+studie|wij|dit\s+onderzoek|deze\s+studie)\b",
    re.IGNORECASE,
)
# An aim, without a subject ("The aim was to explore ...", "formålet", "het doel")
_AIM = re.compile(
    r"\b(?:aim|aims|aimed|objective|purpose|formålet|syftet|målet|het\s+doel)\b", re.IGNORECASE
)
# Another study's aim: a study named before the aim ("The SEED trial aimed to ...", "A Danish
# study aimed ..."), or its aim as theirs ("Its purpose was ..."). Its verbs are its own, not
# the shared list's (:mod:`reviewkit.classify.intention_verbs`): with "aiming", "seek(s)" and
# "seeking" too, 6 of the 270,303 sentences of the snapshot and the held-out sets would be read
# as another's, each the record's own study ("We describe the protocol for a study aiming to
# evaluate ...", "TRANSFORMATION is a study that seeks to improve ...")
OTHERS_AIM = re.compile(
    r"\b(?:a|an|another|the\s+(?!present\b|current\b)\S+)\s+(?:\S+\s+){0,2}?"
    r"(?:study|trial|RCT|project)\s+(?:\S+\s+){0,2}?(?:aim|aims|aimed|objective|purpose|sought)\b|"
    r"\b(?:its|their|whose)\s+(?:\S+\s+)?(?:aim|aims|objective|purpose)\b",
    re.IGNORECASE,
)
# An indefinite study that is the study itself, the predicate of its own subject ("This is a
# blind retrospective study aimed at ...", "This is an in silico study aimed to evaluate ...",
# "This protocol is for a study that aims ..."): not another's. Of the 270,303 sentences of the
# snapshot and the held-out sets, 11 name an indefinite study with an aim word after it: 9 the
# record's own (2 so written, each its abstract's one aim sentence and read as none; the others
# a study the authors conduct or present, "This protocol is for a study that aims ...", "we
# conducted a test-retest study with the aim to ...", read by the inquiry readings), 2 another
# (one sentence twice: the trial a pilot prepares for, "a randomised controlled trial (RCT) that
# aims to ..."); none opens "A study aimed to ...", so an indefinite study standing alone stays
# another's. The study's words are the subject itself: not a place or a time before another
# subject ("In this region, there was a project aimed at ...", "In our city there is a trial
# that aims to ...": another's, as before), so no "there" nor a clause's comma between
_OWN_PREDICATE = re.compile(
    r"\b(?:this|it|the\s+present|the\s+current|our)(?:\s+(?!there\b)[^\s,;]+){0,6}?\s+"
    r"(?:is|was)\s+(?:for\s+)?$",
    re.IGNORECASE,
)


def others_aim(sentence: str) -> bool:
    """Whether ``sentence`` states another study's aim (:data:`OTHERS_AIM`), an indefinite study
    that is the study itself aside (:data:`_OWN_PREDICATE`: "This is a retrospective study aimed
    at ...")."""
    return any(
        not (m.group(0)[:1] in "aA" and _OWN_PREDICATE.search(sentence, 0, m.start()))
        for m in OTHERS_AIM.finditer(sentence)
    )


# "our" owning a place, a time or a group after a preposition ("In our city there was a trial
# that aimed to ...", "At our hospital, a study aimed ...", "i vårt land"): the authors' place,
# not their study as the subject, where the sentence tells another study's aim. Of the 270,303
# sentences of the snapshot and the held-out sets, 12 hold both another study's aim
# (:func:`others_aim`) and an own word, each the study itself as the subject ("This paper
# reports the results of a pilot study conducted in preparation for a randomised controlled
# trial (RCT) that aims to ...", "we conducted a test-retest study with the aim to ..."), none
# "our" after a preposition. Not "our" owning the study ("In our project, a randomised trial aimed
# to ...", "In our randomised trial, ..."): the study itself, as "our" alone is
_PLACE_OWNER = re.compile(
    r"\b(?:in|at|from|across|within|throughout|among|on|i|på)\s+(?:our|vår|vårt)\b"
    r"(?!\s+(?:[\w-]+\s+){0,2}?(?:study|studies|trial|RCT|project|survey|review|studie|studien)\b)",
    re.IGNORECASE,
)


def _own_subject(sentence: str) -> bool:
    """Whether the study is the subject of ``sentence`` (:data:`OWN_SUBJECT`), "our" owning a
    place where another study's aim is told aside (:data:`_PLACE_OWNER`)."""
    if not others_aim(sentence):
        return bool(OWN_SUBJECT.search(sentence))
    places = {m.end() for m in _PLACE_OWNER.finditer(sentence)}
    return any(m.end() not in places for m in OWN_SUBJECT.finditer(sentence))


def states_own_aim(text: str, at: int) -> bool:
    """Whether the sentence around character ``at`` of ``text`` says what the record's own study
    did or asked: the study as its subject (:func:`_own_subject`) or an aim (:data:`_AIM`) not
    another study's (:func:`others_aim`), and not others' studies, the authors' earlier work
    or research to come (:func:`speaks_of_own_study`)."""
    start, end = sentence_around(text, at)
    sentence = text[start:end]
    own = _own_subject(sentence) or (_AIM.search(sentence) and not others_aim(sentence))
    return bool(own) and speaks_of_own_study(text, at)


# A study by its name, as a title and a later report's background call it ("Post hoc analyses of
# the SEED trial"; "In the SEED randomised trial, ..."): the name in capitals, up to two words
# before the kind of study
_NAMED_STUDY = re.compile(
    r"\bthe\s+([A-Z][A-Z0-9-]*[A-Z0-9])\s+(?:\S+\s+){0,2}?(?:trial|study|cohort|project)\b"
)


# A later report's parent trial without a name, as its title describes it ("A subgroup analysis
# of a cluster randomised trial", "Five-year follow-up of a randomised trial"): the design's up to
# three words after "analysis (follow-up, evaluation) of a"
_UNNAMED_PARENT = re.compile(
    r"\b(?:analys[ie]s|follow-up|evaluation)\s+of\s+(?:a|an)\s+((?:[\w-]+\s+){0,3}?"
    r"(?:trial|study|RCT|cohort))\b",
    re.IGNORECASE,
)


def names_the_titles_study(title: str, text: str, at: int) -> bool:
    """Whether the sentence around character ``at`` of ``text`` names the study the title names
    (:data:`_NAMED_STUDY`): a secondary analysis or follow-up describes its own parent trial in
    its background ("In the SEED randomised trial, IPS increased employment among unemployed
    people"), the record's own study, where another study's name would be another's. A parent
    trial the title describes without a name (:data:`_UNNAMED_PARENT`: "A subgroup analysis of
    a cluster randomised trial") is named by the same words with an article ("In a cluster
    randomised trial, workplace training reduced neck pain")."""
    start, end = sentence_around(text, at)
    sentence = text[start:end]
    names = {m.group(1) for m in _NAMED_STUDY.finditer(title)}
    if any(m.group(1) in names for m in _NAMED_STUDY.finditer(sentence)):
        return True
    return any(
        re.search(rf"\b(?:a|an|the|our)\s+{re.escape(m.group(1))}\b", sentence, re.IGNORECASE)
        for m in _UNNAMED_PARENT.finditer(title)
    )
