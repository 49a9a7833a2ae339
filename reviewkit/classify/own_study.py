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
trial, ...") is its own study too (:func:`names_the_titles_study`).
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
_OTHER_STUDIES = re.compile(
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
_FUTURE_RESEARCH = re.compile(
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
_EARLIER_OWN_WORK = re.compile(
    r"\b(?:we|vi|wij)\s+(?:have\s+|had\s+|har\s+|hebben\s+)?(?:previously|earlier|recently|"
    r"already|tidligere|tidigare|eerder)\b|\bour\s+(?:\S+\s+)?(?:previous|earlier|prior|former)\b",
    re.IGNORECASE,
)
_THIS_STUDY = re.compile(
    r"\b(?:this|the\s+present|the\s+current)\s+(?:\S+\s+)?(?:study|trial|cohort|analysis)\b|"
    r"\b(?:dit|deze|denne|dette|denna|detta)\s+(?:\S+\s+)?(?:onderzoek|studie|studien|studiet|"
    r"undersøkelsen|undersökningen|undersøgelse)\b",
    re.IGNORECASE,
)


def speaks_of_own_study(text: str, at: int) -> bool:
    """Whether the sentence around character ``at`` of ``text`` speaks of the record's own
    study: not of other studies (:data:`_OTHER_STUDIES`), the authors' earlier work
    (:data:`_EARLIER_OWN_WORK`), research to come (:data:`_FUTURE_RESEARCH`) nor practice to
    come (:data:`_RECOMMENDED`)."""
    start, end = sentence_around(text, at)
    sentence = text[start:end]
    if _EARLIER_OWN_WORK.search(sentence) and not _THIS_STUDY.search(sentence):
        return False
    return not (
        _OTHER_STUDIES.search(sentence)
        or _FUTURE_RESEARCH.search(sentence)
        or _recommends(sentence, at - start)
    )


# The study itself as the sentence's subject: we, our, this study or trial, the present study;
# in Norwegian, Swedish, Danish and Dutch ("vi", "denne studien", "denna studie", "wij", "dit
# onderzoek")
_OWN_SUBJECT = re.compile(
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
# study aimed ..."), or its aim as theirs ("Its purpose was ...")
_OTHERS_AIM = re.compile(
    r"\b(?:a|an|another|the\s+(?!present\b|current\b)\S+)\s+(?:\S+\s+){0,2}?"
    r"(?:study|trial|RCT|project)\s+(?:\S+\s+){0,2}?(?:aim|aims|aimed|objective|purpose|sought)\b|"
    r"\b(?:its|their|whose)\s+(?:\S+\s+)?(?:aim|aims|objective|purpose)\b",
    re.IGNORECASE,
)


def states_own_aim(text: str, at: int) -> bool:
    """Whether the sentence around character ``at`` of ``text`` says what the record's own study
    did or asked: the study as its subject (:data:`_OWN_SUBJECT`) or an aim (:data:`_AIM`) not
    another study's (:data:`_OTHERS_AIM`), and not others' studies, the authors' earlier work
    or research to come (:func:`speaks_of_own_study`)."""
    start, end = sentence_around(text, at)
    sentence = text[start:end]
    own = _OWN_SUBJECT.search(sentence) or (
        _AIM.search(sentence) and not _OTHERS_AIM.search(sentence)
    )
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


# An aim word used as the study's aim: the noun with what states it ("The aim of this study
# was", "Our objective was", "Primary objectives were", "The hypothesis was that"), or the verb
# with the study as its subject ("We aimed to", "This retrospective study aimed at", up to eight
# words between as a trial's design is written, "The authors sought to"). Not the word used
# otherwise, which a sentence holding it took for 40-odd of Review A's snapshot aim cells: an
# adjective ("objective response rate", "an objective test"), others' aim ("guidelines aim at",
# "programs aimed at improving", "Future studies should aim to"), a purpose or objective of
# something else ("travel purposes", "learning objectives", "for the purpose of seeking care")
# What a study calls itself as the subject or owner of its aim ("this retrospective study", "the
# present work", "this meta-analysis", "our paper", "this case-series", "this video")
_STUDY_NOUN = (
    r"(?:study|trial|review|(?:meta-)?analysis|paper|article|manuscript|document|commentary|"
    r"report|project|proposal|work|protocol|survey|investigation|evaluation|research|"
    r"case(?:-series)?|series|video)"
)
_AIM_NOUN = re.compile(
    r"(?:^|\b(?<!with\s)(?:the|our|my|primary|main|secondary|first|second|third|specific|"
    r"overall|general|principal|major|ultimate|key|present|study|study's|research|analysis'?|"
    r"review|trial|paper)\s+)(?:aims?|objectives?|purposes?|goals?|hypothes[ie]s)\s+"
    # "of" the study's own ("The aim of this study"; not "The goal of rehabilitation is")
    rf"(?:of\s+(?:this|these|the|our)\s+(?:\S+\s+){{0,8}}?{_STUDY_NOUN}\b|"
    r"(?:was|were|is|are|to|for|in|here)\b)|^(?:aims?|objectives?|purposes?|goals?)\s*:",
    re.IGNORECASE,
)
_AIM_VERB = re.compile(
    r"\b(?:we|the\s+authors|(?:this\s+(?:\S+\s+){0,8}?|(?:the|our)\s+(?:\S+\s+){0,2}?)"
    rf"{_STUDY_NOUN})\s+(?:\w+\s+){{0,2}}?"
    r"(?:aim|aims|aimed|aiming|seek|seeks|sought)\s+(?:to|at)\b",
    re.IGNORECASE,
)
# Another's purpose: "for the purpose of seeking care", "for this purpose, a model was built"
_FOR_A_PURPOSE = re.compile(r"\bfor\s+(?:the|this|that|these|such)\s+purposes?\b", re.IGNORECASE)
# An aim said of what the sentence's subject does, the study's where that is the study ("With the
# aim to evaluate ..., we analysed ..."), not where it is another's ("The Ct has been used ...
# with the goal of targeting isolation"): :data:`_OWN_SUBJECT` in the sentence
_WITH_AIM = re.compile(
    r"\bwith\s+the\s+(?:aims?|goals?|objectives?|purposes?)\s+(?:of|to)\b", re.IGNORECASE
)


# "It" standing for the study, as the sentence before names it ("This paper reviews the
# obstacles ... It aims to provide ..."), or impersonal ("It was aimed to compare ...", "It was
# hypothesised that ..."): an aim the authors state without naming the study. "It has been
# hypothesised" is others' (the literature's); an "It" after a sentence about anything else is
# that thing ("Radiogenomics investigates ... It aims to detect ...": :data:`_STUDY_OPENS`)
_IT_AIMS = re.compile(
    r"^(?:\S+\s+){0,2}?it\s+(?:\w+\s+)?(?:aims|aimed|seeks|sought|intends|intended)\s+to\b",
    re.IGNORECASE,
)
_IMPERSONAL_AIM = re.compile(
    r"\bit\s+(?:is|was)\s+(?:\w+\s+)?(?:aimed|intended|hypothesi[sz]ed)\s+(?:to|that)\b",
    re.IGNORECASE,
)
# The study as the subject that opens a sentence ("This review lists ...", "In this paper, we
# ...", "The present trial compares ...")
_STUDY_OPENS = re.compile(
    rf"^(?:\S+\s+){{0,3}}?(?:we|(?:this|the\s+present|the\s+current|our)\s+(?:\S+\s+){{0,3}}?"
    rf"{_STUDY_NOUN})\b",
    re.IGNORECASE,
)


def _earlier_work(sentence: str) -> bool:
    """Whether ``sentence`` tells the authors' earlier work (:data:`_EARLIER_OWN_WORK`,
    :data:`_EARLIER_OPENING`), not naming this study (:data:`_THIS_STUDY`)."""
    earlier = _EARLIER_OWN_WORK.search(sentence) or _EARLIER_OPENING.search(sentence)
    return bool(earlier) and not _THIS_STUDY.search(sentence)


def states_aim(sentence: str, before: str = "") -> bool:
    """Whether ``sentence`` states the record's own study's aim with an aim word used as its aim
    (:data:`_AIM_NOUN`, :data:`_AIM_VERB`, :data:`_WITH_AIM`; "It aims to ..." where ``before``,
    the sentence before it, opens with the study, and the impersonal "It was aimed to ...":
    :data:`_IT_AIMS`), not another study's (:data:`_OTHERS_AIM`, other studies named before it:
    "Previous studies aimed to ..."), a purpose of something else (:data:`_FOR_A_PURPOSE`), the
    authors' earlier work or research to come. Other studies after it are what the study reads
    ("The aim of this review is to summarise the existing literature"), and so are others
    before an aim the study's own words own ("Given no existing meta-analysis, the purpose of
    this protocol is ...")."""
    sentence = sentence.strip()
    aim = _AIM_NOUN.search(sentence) or _AIM_VERB.search(sentence)
    aim = aim or _IMPERSONAL_AIM.search(sentence)
    if not aim and _STUDY_OPENS.search(before.strip()):
        aim = _IT_AIMS.search(sentence)
    if not aim and (_OWN_SUBJECT.search(sentence) or _THIS_STUDY.search(sentence)):
        aim = _WITH_AIM.search(sentence)
    if not aim or _OTHERS_AIM.search(sentence) or _FOR_A_PURPOSE.search(sentence):
        return False
    if _earlier_work(sentence):
        return False
    others = _OTHER_STUDIES.search(sentence)
    owned = _OWN_DETERMINER.search(aim.group(0))
    return not (others and others.start() < aim.start() and not owned) and not (
        _FUTURE_RESEARCH.search(sentence)
    )


# An aim the study's own words own: "of this study", "our aim", "this review aimed"
_OWN_DETERMINER = re.compile(r"\b(?:this|these|our|present|current)\b", re.IGNORECASE)
# The authors' earlier work said before its subject: "Previously, we identified ...", "Recently,
# we determined ...", "In a previous study we assessed ..." (:data:`_EARLIER_OWN_WORK` reads "we
# previously"); for the aim sentences only (the classification's reading of own and others'
# studies, :func:`speaks_of_own_study`, does not take it)
_EARLIER_OPENING = re.compile(
    r"^\W*(?:previously|recently|earlier)\b|^\W*in\s+(?:a|an|our)\s+(?:\S+\s+)?(?:previous|"
    r"earlier|prior|recent)\s+(?:study|report|paper|work|manuscript|publication|trial|analysis)\b",
    re.IGNORECASE,
)

# What a study set out to do, said with the study as the subject of a verb of inquiry: "We
# investigated whether ...", "Here we explore ...", "This study examines ...", "The present
# study assessed ...", "This protocol for a systematic review will evaluate ...", "We therefore
# prospectively compared ..." (up to two words between), in any tense (a verb's own forms: "We
# conclude that comparably low ..." is no comparing). Abstracts state their aim so where they
# use no aim word ("The aim was to ..."), in a background as its last sentence or early in an
# unlabelled abstract; the verbs are those of asking, not of doing ("we recruited", "we
# randomised" are methods) nor of finding: "identify" is left out, whose object is what was
# found ("We identified two indels ...", "Here we identify Cep44 as ...": 197 of the snapshot's
# 4,176 inquiry sentences said "we identified", read 40, each a finding or a method), as "find"
# and "show" are; its aim is "to identify" after an aim word ("We aimed to identify ...").
# The study's name before the verb is a noun phrase (this, up to eight words, a study noun: not
# "This was examined in a study comparing ...", whose words between hold a verb)
_NOUN_PHRASE_WORD = (
    r"(?:(?!(?:is|was|were|are|has|have|had|been|be|will|can|may|could|would|should|might|"
    r"must|did|does|do|in|on|by|at|we|it|they|to)\s)\S+\s+)"
)
# (not "case" nor "series", whose "this case study" and "this series studies" read as a subject
# and a verb)
_INQUIRING_NOUN = (
    r"(?:study|trial|review|(?:meta-)?analysis|paper|article|manuscript|report|project|work|"
    r"protocol|survey|investigation|evaluation|research)"
)
_STUDY_SUBJECT = (
    rf"(?:we|(?:this|our)\s+{_NOUN_PHRASE_WORD}{{0,8}}?{_INQUIRING_NOUN}|"
    rf"the\s+(?:present|current|proposed)\s+{_NOUN_PHRASE_WORD}{{0,3}}?{_INQUIRING_NOUN})"
)
_INQUIRY = re.compile(
    rf"\b{_STUDY_SUBJECT}\s+(?:\w+\s+){{0,2}}?(?P<verb>(?:investigat|examin|evaluat|explor|"
    r"determin|compar|describ|analy[sz]|estimat|hypothesi[sz])(?:e|es|ed|ing)|"
    r"(?:assess|address)(?:es|ed|ing)?|(?:test|ask|aim|seek|attempt)(?:s|ed|ing)?|"
    r"(?:stud|quantif)(?:y|ies|ied|ying)|sought|set\s+out)\b",
    re.IGNORECASE,
)
# A verb of inquiry reporting a finding: "that" after it ("we determined that most of the label
# is in lanosterol", "we estimate that northern peatlands ...": 212 of the snapshot's inquiry
# sentences; those of "hypothesise" are the hypothesis, what was asked: 190 of them)
_REPORTS_THAT = re.compile(r"\s+(?:\w+ly\s+)?that\b", re.IGNORECASE)
# A step after the first, not the aim: an opening connective ("Moreover, we examined ...", "In
# addition, we studied ...") or an adverb between the study and its verb ("We also compared ...",
# "We then assessed ..."): 164 of the snapshot's inquiry sentences, read 30, each a later step
# of the methods or results. Not "further", which is also "in more depth" than earlier work
# ("Here, we further examined the mechanism underlying ...", an aim)
_NEXT_STEP_OPENING = re.compile(
    r"^\W*(?:also|moreover|furthermore|in\s+addition|additionally|finally|then|next|"
    r"subsequently|lastly|later|meanwhile|meantime|besides|further|second(?:ly)?|"
    r"third(?:ly)?)\b",
    re.IGNORECASE,
)
_NEXT_STEP_ADVERB = re.compile(
    r"\b(?:also|then|additionally|subsequently|next|finally|later|furthermore)\b",
    re.IGNORECASE,
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
    r"(?:\bwe\s+(?:\w+\s+){0,2}?"
    rf"(?:{_CONDUCTED}|us(?:e|es|ed|ing)|will\s+use)\s+(?:(?:this|the\s+present|the\s+current|our)"
    rf"\s+{_NOUN_PHRASE_WORD}{{0,6}}?{_STUDY_NOUN}|(?:a|an)\s+{_NOUN_PHRASE_WORD}{{0,6}}?"
    r"(?:study|trial|review|survey|meta-analysis))|"
    rf"\b(?:this|the\s+present|the\s+current|our)\s+{_NOUN_PHRASE_WORD}{{0,6}}?{_STUDY_NOUN}\s+"
    r"(?:will\s+be|was|is|has\s+been|were|are)\s+(?:\w+\s+)?(?:conducted|performed|carried\s+out|"
    r"undertaken|designed|initiated|launched))\s+(?:[^\s.;]+\s+){0,8}?"
    r"to\s+(?!(?:the|a|an|this|these|that|all|our|its|their|be)\b)(?-i:[a-z])\w+",
    re.IGNORECASE,
)


def states_inquiry(sentence: str) -> bool:
    """Whether ``sentence`` says what the record's own study set out to do: the study as the
    subject of a verb of inquiry (:data:`_INQUIRY`: "We investigated whether ..."), not
    reporting a finding with it (:data:`_REPORTS_THAT`) nor telling a step after the first
    (:data:`_NEXT_STEP_OPENING`), or the study conducted for a purpose
    (:data:`_FOR_A_PURPOSE_OF_INQUIRY`: "This study was designed to assess ..."); not what the
    authors did before ("We previously examined ...", "Previously, we ...", unless it names this
    study)."""
    sentence = sentence.strip()
    if _earlier_work(sentence) or _NEXT_STEP_OPENING.search(sentence):
        return False
    if _FOR_A_PURPOSE_OF_INQUIRY.search(sentence):
        return True
    return any(
        not _NEXT_STEP_ADVERB.search(m.group(0))
        and not (
            _REPORTS_THAT.match(sentence, m.end()) and not m.group("verb").lower().startswith("hyp")
        )
        for m in _INQUIRY.finditer(sentence)
    )
