"""The record's own study as the subject of a verb of inquiry ("We investigated whether ...",
"This study examines ...", "We tried to identify ..."), for
:func:`reviewkit.classify.aim_statements.states_inquiry`; and such a verb reporting a finding
("we determined that most of the label ..."), which is no aim.
"""

from __future__ import annotations

import re

from reviewkit.classify.intention_verbs import BARE_VERBS, INFINITIVE_VERBS, intention_forms
from reviewkit.classify.study_phrases import INFINITIVE, STUDY_SUBJECT

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
# A verb of intention (:mod:`reviewkit.classify.intention_verbs`, the one list of them: those
# read before an infinitive only) before any verb ("We tried to identify ...", "This
# investigation was intended to elucidate ...", "we wanted to know whether ..."): what the study
# set out to do, as "attempted to" and "sought to" say it (before, only a verb of inquiry after
# it was read: "tried to identify" was lost); not one of need, plan or proposal ("we need to",
# "we planned to enrol 200 patients", "we propose to" are the text's argument or a method). In
# the snapshot's 33,277 abstracts it fills 37 Aim cells and moves 2 (read, each): 34 the aim, a
# review's "This review intends to summarize ..." too; 3 not ("so we tried to catheterize
# through the facial vein", a case's step; "as we try to understand ...", a clause's)
_INTENTION = rf"{intention_forms(*INFINITIVE_VERBS)}\s+{INFINITIVE}"
# The verbs of inquiry by how their forms are made, one list for the study's verb here and the
# participle of a passive opening (:mod:`reviewkit.classify.passive_inquiry`: "The effects of X
# were studied ..."): stems taking -e, -es, -ed, -ing; -es, -ed, -ing; -s, -ed, -ing; -y,
# -ies, -ied, -ying
E_STEMS = r"(?:investigat|examin|evaluat|explor|determin|compar|describ|analy[sz]|estimat)"
ES_STEMS = r"(?:assess|address)"
S_STEMS = r"(?:test)"
Y_STEMS = r"(?:stud|quantif)"
INQUIRY = re.compile(
    rf"\b{STUDY_SUBJECT}\s+(?P<between>(?:\w+\s+){{0,2}}?)(?P<verb>"
    rf"(?:{E_STEMS}|hypothesi[sz])(?:e|es|ed|ing)|{ES_STEMS}(?:es|ed|ing)?|"
    rf"(?:{S_STEMS}|ask)(?:s|ed|ing)?|{Y_STEMS}(?:y|ies|ied|ying)|"
    rf"{intention_forms(*BARE_VERBS)}|set\s+out|{_INTENTION})\b",
    re.IGNORECASE,
)

# A verb of inquiry reporting a finding: "that" after it ("we determined that most of the label
# is in lanosterol", "we estimate that northern peatlands ...": 212 of the snapshot's inquiry
# sentences; those of "hypothesise" are the hypothesis, what was asked: 190 of them)
_REPORTS_THAT = re.compile(r"\s+(?:\w+ly\s+)?that\b", re.IGNORECASE)


def reports_finding(sentence: str, m: re.Match[str]) -> bool:
    """Whether the verb of inquiry of ``m`` (an :data:`INQUIRY` match) reports a finding:
    "that" after it (:data:`_REPORTS_THAT`), save after "hypothesise" (the hypothesis) and a
    verb of intention's infinitive ("We tried to show that ...": what was set out to show)."""
    verb = m.group("verb").lower()
    if verb.startswith("hyp") or re.search(r"\sto\s", verb):
        return False
    return bool(_REPORTS_THAT.match(sentence, m.end()))
