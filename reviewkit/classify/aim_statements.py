"""Where a sentence states the record's own study's aim, for the extraction prefill's aim cell
(:func:`reviewkit.prefill_sentences.aim_sentence`, ``own-aim``): with an aim word used as its aim
("The aim of this study was ...", "We aimed to ...": :func:`states_aim`), or with the study as
the subject of a verb of inquiry or conducted for a purpose ("We investigated whether ...",
"This study was designed to assess ...": :func:`states_inquiry`); told by the sentence's shape
from a reported finding ("We identified two indels ..."), a later step ("We also compared
..."), the authors' earlier work and others' studies (:mod:`reviewkit.classify.own_study`, whose
readings of others' studies, earlier work and research to come these share).
"""

from __future__ import annotations

import re

from reviewkit.classify.intention_verbs import (
    AIM_WORD_VERBS,
    BARE_VERBS,
    INFINITIVE_VERBS,
    intention_forms,
)
from reviewkit.classify.own_study import (
    EARLIER_OWN_WORK,
    FUTURE_RESEARCH,
    OTHER_STUDIES,
    OTHERS_AIM,
    OWN_SUBJECT,
    THIS_STUDY,
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
    rf"{intention_forms(*AIM_WORD_VERBS)}\s+(?:to|at)\b",
    re.IGNORECASE,
)
# Another's purpose: "for the purpose of seeking care", "for this purpose, a model was built"
_FOR_A_PURPOSE = re.compile(r"\bfor\s+(?:the|this|that|these|such)\s+purposes?\b", re.IGNORECASE)
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
    rf"{_STUDY_NOUN})\b",
    re.IGNORECASE,
)


def _earlier_work(sentence: str) -> bool:
    """Whether ``sentence`` tells the authors' earlier work (:data:`EARLIER_OWN_WORK`,
    :data:`_EARLIER_OPENING`), not naming this study (:data:`THIS_STUDY`)."""
    earlier = EARLIER_OWN_WORK.search(sentence) or _EARLIER_OPENING.search(sentence)
    return bool(earlier) and not THIS_STUDY.search(sentence)


def states_aim(sentence: str, before: str = "") -> bool:
    """Whether ``sentence`` states the record's own study's aim with an aim word used as its aim
    (:data:`_AIM_NOUN`, :data:`_AIM_VERB`, :data:`_WITH_AIM`; "It aims to ..." where ``before``,
    the sentence before it, opens with the study, and the impersonal "It was aimed to ...":
    :data:`_IT_AIMS`), not what the text ends with (:func:`_closes`), not another study's
    (:data:`OTHERS_AIM`, other studies named before it: "Previous studies aimed to ..."), a
    purpose of something else (:data:`_FOR_A_PURPOSE`), the authors' earlier work or research
    to come. Other studies after it are what the study reads
    ("The aim of this review is to summarise the existing literature"), and so are others
    before an aim the study's own words own ("Given no existing meta-analysis, the purpose of
    this protocol is ...")."""
    sentence = sentence.strip()
    aim = _AIM_NOUN.search(sentence) or _AIM_VERB.search(sentence)
    aim = aim or _IMPERSONAL_AIM.search(sentence)
    if not aim and _STUDY_OPENS.search(before.strip()):
        aim = _IT_AIMS.search(sentence)
    if not aim and (OWN_SUBJECT.search(sentence) or THIS_STUDY.search(sentence)):
        aim = _WITH_AIM.search(sentence)
    if not aim or OTHERS_AIM.search(sentence) or _FOR_A_PURPOSE.search(sentence):
        return False
    if _closes(sentence):  # what the text ends with ("We conclude with ...")
        return False
    if _earlier_work(sentence):
        return False
    others = OTHER_STUDIES.search(sentence)
    owned = _OWN_DETERMINER.search(aim.group(0))
    return not (others and others.start() < aim.start() and not owned) and not (
        FUTURE_RESEARCH.search(sentence)
    )


# An aim the study's own words own: "of this study", "our aim", "this review aimed"
_OWN_DETERMINER = re.compile(r"\b(?:this|these|our|present|current)\b", re.IGNORECASE)
# The authors' earlier work said before its subject: "Previously, we identified ...", "Recently,
# we determined ...", "In a previous study we assessed ..." (:data:`EARLIER_OWN_WORK` reads "we
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
# "to" before a verb, what is set out to do: not before an article or a determiner, where it
# is a preposition ("This report extends the study to the complexes of ...", "conducted
# according to the Declaration"), nor "be" ("was found to be"); one place for the rules that
# read an infinitive of purpose (:data:`_INTENTION`, :data:`_AIM_NOUN_AFTER`,
# :data:`_FOR_A_PURPOSE_OF_INQUIRY`)
_INFINITIVE = r"to\s+(?!(?:be|the|a|an|this|these|that|all|our|its|their)\b)(?-i:[a-z])\w*"
# A verb of intention (:mod:`reviewkit.classify.intention_verbs`, the one list of them: those
# read before an infinitive only) before any verb ("We tried to identify ...", "This
# investigation was intended to elucidate ...", "we wanted to know whether ..."): what the study
# set out to do, as "attempted to" and "sought to" say it (before, only a verb of inquiry after
# it was read: "tried to identify" was lost); not one of need, plan or proposal ("we need to",
# "we planned to enrol 200 patients", "we propose to" are the text's argument or a method). In
# the snapshot's 33,277 abstracts it fills 37 Aim cells and moves 2 (read, each): 34 the aim, a
# review's "This review intends to summarize ..." too; 3 not ("so we tried to catheterize
# through the facial vein", a case's step; "as we try to understand ...", a clause's)
_INTENTION = rf"{intention_forms(*INFINITIVE_VERBS)}\s+{_INFINITIVE}"
_INQUIRY = re.compile(
    rf"\b{_STUDY_SUBJECT}\s+(?P<between>(?:\w+\s+){{0,2}}?)(?P<verb>(?:investigat|examin|"
    r"evaluat|explor|determin|compar|describ|analy[sz]|estimat|hypothesi[sz])(?:e|es|ed|ing)|"
    r"(?:assess|address)(?:es|ed|ing)?|(?:test|ask)(?:s|ed|ing)?|"
    rf"(?:stud|quantif)(?:y|ies|ied|ying)|{intention_forms(*BARE_VERBS)}|set\s+out|"
    rf"{_INTENTION})\b",
    re.IGNORECASE,
)
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
_AIM_NOUN_AFTER = re.compile(rf"\s+{_INFINITIVE}|\s*:", re.IGNORECASE)
_AIM_NOUNS = ("attempt", "attempts", "aim", "aims", "study", "studies")


def _read_as_noun(sentence: str, m: re.Match[str]) -> bool:
    """Whether the verb of inquiry of ``m`` (an :data:`_INQUIRY` match in ``sentence``) is a
    noun no aim is said with (:data:`_NOUN_MARK`, :data:`_VERB_BEFORE`)."""
    between = _SUBJECT_AGAIN.sub("", m.group("between"))
    verb = m.group("verb").lower()
    if not (_NOUN_MARK.search(between) or _VERB_BEFORE.search(between)):
        return False
    if verb.startswith("stud") and _COVERS.search(between):
        return False
    if verb.endswith("ing") and _PREPOSITION_ING.search(between):
        return bool(_NOUN_MARK.search(_PREPOSITION_ING.sub("", between)))
    return not (verb in _AIM_NOUNS and _AIM_NOUN_AFTER.match(sentence, m.end()))


# A verb of inquiry reporting a finding: "that" after it ("we determined that most of the label
# is in lanosterol", "we estimate that northern peatlands ...": 212 of the snapshot's inquiry
# sentences; those of "hypothesise" are the hypothesis, what was asked: 190 of them)
_REPORTS_THAT = re.compile(r"\s+(?:\w+ly\s+)?that\b", re.IGNORECASE)
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
# and its verb, each a later step: :func:`_later_step`)
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
    r"(?P<doer>\bwe\s+(?:\w+\s+){0,2}?"
    rf"(?:{_CONDUCTED}|us(?:e|es|ed|ing)|will\s+use)\s+(?:(?:this|the\s+present|the\s+current|our)"
    rf"\s+{_NOUN_PHRASE_WORD}{{0,6}}?{_STUDY_NOUN}|(?:a|an)\s+{_NOUN_PHRASE_WORD}{{0,6}}?"
    r"(?:study|trial|review|survey|meta-analysis))|"
    rf"\b(?:this|the\s+present|the\s+current|our)\s+{_NOUN_PHRASE_WORD}{{0,6}}?{_STUDY_NOUN}\s+"
    r"(?:will\s+be|was|is|has\s+been|were|are)\s+(?:\w+\s+)?(?:conducted|performed|carried\s+out|"
    r"undertaken|designed|initiated|launched))\s+(?:[^\s.;]+\s+){0,8}?"
    rf"{_INFINITIVE}",
    re.IGNORECASE,
)


# The purpose said first and the study doing it after ("To define the relationship between
# infarct size and performance, we performed hemodynamic studies in rats ...", "To explore the
# role of DNA methylation ..., this study investigated ..."): the opening infinitive is what the
# study set out to do, whatever its verb (a method's: "we measured", "we infused"). 617 of the
# snapshot's sentences open so, 480 of them in an unlabelled abstract. Not "To date", "To do
# so" (a step after the one before), "To summarize", "To conclude" (a conclusion), "to" before
# an article ("To this end", "To our knowledge": :data:`_INFINITIVE`), nor the study's need or
# state after it ("To reduce inequities, we must advocate ...", "..., we are one of several
# groups ...", "..., we rely on prior knowledge")
_PURPOSE_FIRST = re.compile(
    r"^\W*(?!to\s+(?:date|do|summari[sz]e|sum|conclude)\b)"
    rf"{_INFINITIVE}[^.;:]*?,\s+(?P<doer>{_STUDY_SUBJECT}\s+"
    r"(?!(?:must|need|needs|should|can|could|may|might|are|is|rely|relies)\b)\w+)",
    re.IGNORECASE,
)


# The conclusion, not the aim: a sentence opening with a concluding connective ("In summary, we
# describe a novel signalling circuit ...", "Altogether, we describe a rapid method ...",
# "Collectively, our work describes ...", "In conclusion, this study explored ..."): a verb of
# inquiry after it restates what was found or done. The snapshot's 270,163 sentences hold 11
# so opened and read as an aim; 6 by a verb of inquiry, each the abstract's last sentences, a
# finding or the conclusion (read, each); those with an aim word ("Taken together, the present
# work aims to review ...") state the aim wherever it stands and are read so
# (:func:`states_aim`). Not "Overall", also "in all" ("Overall, we retrospectively evaluated
# 1236 consecutive patients", a method). An infinitive opening is a connective only with a
# comma after it ("To conclude, ...", "To sum up, ..."): with an object it is the purpose said
# first ("To close this gap, we investigated ...", "To summarise the evidence, we evaluated
# ...", the aim); nor "In short-term follow-up, ..." (a method).
_CONCLUDING_OPENING = re.compile(
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
    rf"\b(?:we|I|the\s+authors?|{_STUDY_NOUN})\s+(?:\w+\s+){{0,2}}?$", re.IGNORECASE
)


def _closes(sentence: str) -> bool:
    """Whether ``sentence`` tells what the text ends with: a closing verb (:data:`_CLOSING_VERB`)
    with the study or its authors as its subject (:data:`_CLOSER`)."""
    lower = sentence.lower()  # (the verbs' stems looked for first: the pattern is slower)
    if not any(stem in lower for stem in ("conclud", "end", "clos", "finish")):
        return False
    return any(_CLOSER.search(sentence, 0, m.start()) for m in _CLOSING_VERB.finditer(sentence))


# The study's aim in a relative clause with a verb of intention, where the clause's antecedent
# is the study itself ("... the subject of this study, which aims to develop ...", "This
# study is a longitudinal multicenter study which aims to find ...", "This protocol is for a
# study that aims to assess ..."): 9 sentences of the snapshot and the held-out sets hold a
# study noun and a relative with such a verb, 3 of them this study's, each in an abstract with
# no aim cell; not another's or the literature's ("the Darwin Tree of Life Project, which aims
# to ...", "a scarcity of research which attempts to ..."). The verb in any other subordinate
# clause is read as in a main one (45 of the snapshot's 9,258 verbs of inquiry follow a
# subordinator: "so we aimed to compare ...", the aim; "as we try to understand ...", not)
_OWN = r"(?:this|our|the\s+present|the\s+current)"
# (the relative read first, the study then: a study searched for first cost the aim readings a
# fifteenth of their time)
_WHICH_INTENDS = re.compile(rf"\b(?:which|that)\s+(?:\w+\s+)?{intention_forms()}\s", re.IGNORECASE)
_STUDY_WHICH = re.compile(
    rf"(?P<doer>\b{_OWN}\s+{_NOUN_PHRASE_WORD}{{0,6}}?{_STUDY_NOUN}(?:\s+(?:is|was)\s+"
    rf"(?:for\s+)?(?:a|an)\s+{_NOUN_PHRASE_WORD}{{0,6}}?{_STUDY_NOUN})?,?\s+(?:which|that)\s+"
    rf"(?:\w+\s+)?){intention_forms()}\s+{_INFINITIVE}",
    re.IGNORECASE,
)


def states_inquiry(sentence: str) -> bool:
    """Whether ``sentence`` says what the record's own study set out to do: the study as the
    subject of a verb of inquiry (:data:`_INQUIRY`: "We investigated whether ..."), not
    reporting a finding with it (:data:`_REPORTS_THAT`), or the study conducted for a purpose
    (:data:`_FOR_A_PURPOSE_OF_INQUIRY`: "This study was designed to assess ...") or after its
    purpose (:data:`_PURPOSE_FIRST`: "To determine whether ..., we infused ...") or its aim in a
    relative clause (:data:`_STUDY_WHICH`: "this study, which aims to ..."); neither told
    as a step after the first (:data:`_NEXT_STEP_OPENING`, :data:`_NEXT_STEP_ADVERB`: "We also
    performed a survey to ..."), nor as the conclusion or what the text ends with
    (:data:`_CONCLUDING_OPENING`, :func:`_closes`: "In summary, we describe ...", "We conclude
    by describing ..."), nor what the authors did before ("We previously examined ...",
    "Previously, we ...", unless it names this study)."""
    sentence = sentence.strip()
    if _earlier_work(sentence) or _NEXT_STEP_OPENING.search(sentence):
        return False
    if _CONCLUDING_OPENING.search(sentence) or _closes(sentence):
        return False
    purpose = _FOR_A_PURPOSE_OF_INQUIRY.search(sentence) or _PURPOSE_FIRST.match(sentence)
    if not purpose and _WHICH_INTENDS.search(sentence):
        purpose = _STUDY_WHICH.search(sentence)
    if purpose and not _later_step(sentence, purpose):
        return True
    return any(
        not _NEXT_STEP_ADVERB.search(m.group(0))
        and not _reports_finding(sentence, m)
        and not _read_as_noun(sentence, m)
        and not _SUBORDINATE.search(sentence, 0, m.start())
        for m in _INQUIRY.finditer(sentence)
    )


# The study's verb in a clause of time, manner, concession or condition ("... as we try to
# understand ...", "Although we seek to clarify ..., the current study employed ...", "When we
# compared ..., we found ...", "... if we compare the time taken"): the clause hangs on another
# statement, not the study's purpose. Of the 270,303 sentences of the snapshot and the held-out
# sets, 9 were read as an inquiry by such a verb alone, none an aim (3 their abstract's Aim
# cell: "as we try to understand ...", "if we compare ...", "Though this paper explicitly
# addresses ..., many of the following arguments ..."). Not "so" nor a reason ("so we aimed to
# compare ...": the aim; "because", "since" not measured, left as read)
_SUBORDINATE = re.compile(
    r"\b(?:as|while|when|whenever|although|though|whereas|if|unless|until|once)\s+$",
    re.IGNORECASE,
)


# Auxiliaries after which the study's verb, and an adverb before it, are still to come ("To
# ..., we will then analyse ...")
_AUXILIARY = re.compile(r"\b(?:will|would|shall|have|has|had|did|were|was)$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+\w+")


def _later_step(sentence: str, m: re.Match[str]) -> bool:
    """Whether the study of ``m`` (a :data:`_FOR_A_PURPOSE_OF_INQUIRY` or :data:`_PURPOSE_FIRST`
    match) does its part as a later step: :data:`_NEXT_STEP_ADVERB` between the study and its
    verb (its ``doer`` group, and the word after an auxiliary that ends it)."""
    doer = m.group("doer")
    after = _NEXT_WORD.match(sentence, m.end("doer")) if _AUXILIARY.search(doer) else None
    return bool(_NEXT_STEP_ADVERB.search(doer + (after.group(0) if after else "")))


def _reports_finding(sentence: str, m: re.Match[str]) -> bool:
    """Whether the verb of inquiry of ``m`` (an :data:`_INQUIRY` match) reports a finding:
    "that" after it (:data:`_REPORTS_THAT`), save after "hypothesise" (the hypothesis) and a
    verb of intention's infinitive ("We tried to show that ...": what was set out to show)."""
    verb = m.group("verb").lower()
    if verb.startswith("hyp") or re.search(r"\sto\s", verb):
        return False
    return bool(_REPORTS_THAT.match(sentence, m.end()))
