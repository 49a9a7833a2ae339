"""How an abstract names its own study and what it set out to do, the words every reading of a
stated aim shares (:mod:`reviewkit.classify.aim_statements`): the nouns a study calls itself
by, the study as the subject of a sentence, the infinitive of purpose. Regular expression
sources (no group, no flags) for the aim words (:mod:`reviewkit.classify.aim_words`), the verbs
of inquiry (:mod:`reviewkit.classify.inquiry_verbs`), the purposes
(:mod:`reviewkit.classify.study_purposes`) and the study's sequence
(:mod:`reviewkit.classify.study_sequence`) to build on.
"""

from __future__ import annotations

# What a study calls itself as the subject or owner of its aim ("this retrospective study", "the
# present work", "this meta-analysis", "our paper", "this case-series", "this video")
STUDY_NOUN = (
    r"(?:study|trial|review|(?:meta-)?analysis|paper|article|manuscript|document|commentary|"
    r"report|project|proposal|work|protocol|survey|investigation|evaluation|research|"
    r"case(?:-series)?|series|video)"
)
# The study's name before the verb is a noun phrase (this, up to eight words, a study noun: not
# "This was examined in a study comparing ...", whose words between hold a verb)
NOUN_PHRASE_WORD = (
    r"(?:(?!(?:is|was|were|are|has|have|had|been|be|will|can|may|could|would|should|might|"
    r"must|did|does|do|in|on|by|at|we|it|they|to)\s)\S+\s+)"
)
# The study nouns that are the subject of a verb of inquiry: not "case" nor "series", whose "this
# case study" and "this series studies" read as a subject and a verb
_INQUIRING_NOUN = (
    r"(?:study|trial|review|(?:meta-)?analysis|paper|article|manuscript|report|project|work|"
    r"protocol|survey|investigation|evaluation|research)"
)
# The study as a sentence's subject: "we", "this (our) ... study", "the present ... trial"
STUDY_SUBJECT = (
    rf"(?:we|(?:this|our)\s+{NOUN_PHRASE_WORD}{{0,8}}?{_INQUIRING_NOUN}|"
    rf"the\s+(?:present|current|proposed)\s+{NOUN_PHRASE_WORD}{{0,3}}?{_INQUIRING_NOUN})"
)
# "to" before a verb, what is set out to do: not before an article or a determiner, where it
# is a preposition ("This report extends the study to the complexes of ...", "conducted
# according to the Declaration"), nor "be" ("was found to be"); one place for the rules that
# read an infinitive of purpose (a verb of intention's, an aim noun's, a study conducted for one)
INFINITIVE = r"to\s+(?!(?:be|the|a|an|this|these|that|all|our|its|their)\b)(?-i:[a-z])\w*"
# The study's own determiner ("this study, which aims to ...")
OWN = r"(?:this|our|the\s+present|the\s+current)"
