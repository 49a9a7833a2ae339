"""Where a record says what its study measured, for a scheme that sorts studies by that
(``measures = true``: the work outcome a trial measured, the source of its data).

A trial names its outcomes where it says how it measured them ("The primary outcome was the
number of sickness absence days", "Work ability was measured with the WAI", "taken from NAV's
register") and where it reports them ("At 12 months, 68% were back at work", "median 58 vs
87 days, p=0.02"). The same words elsewhere name something else: the intervention's aim or
name ("Integrated care to return to work", "to test whether the intervention after return to
work prevents ..."), or the population ("police officers who had returned to work after sick
leave were randomised"). So a term of such a scheme counts only

* in a sentence that names a measurement (outcome, endpoint, measured, assessed, recorded,
  registered, collected, obtained, retrieved, taken from, analysed, self-reported …, in English,
  Norwegian, Swedish, Danish and Dutch) or reports a result (a percentage, a p value, a ratio,
  a mean or median: :data:`RESULT_SENTENCE`), or
* as the object of a verb of effect ("whether a graded programme reduces sickness absence"):
  an effect asked for, in an aim that names no measurement, is on what the trial measured, or
* anywhere in a section of outcomes or results ("MAIN OUTCOME MEASURES", "RESULTS").

The title is read as any sentence: "effects on work ability and sickness absence" names them.
Both arms of a trial are measured alike, so a term in the comparator's description counts
too (the tested arm's evidence in a scheme of what was tested: :mod:`.comparator`), as does one
in an outcome's name (:mod:`.outcomes`: a health word there is no population, but it is what
was measured).
"""

from __future__ import annotations

import re

from reviewkit.abstract_headings import category
from reviewkit.classify.words import sentence_around, tokens

# Words that say a thing was measured, in the five languages: "outcome", "measured", "assessed",
# "recorded", "registered", "collected", "obtained", "retrieved", "taken from", "reported",
# "effect on", "follow-up" (Norwegian målt, hentet, utfall; Swedish mättes, hämtades, utfall;
# Danish målt, indhentet, udfald; Dutch gemeten, uitkomst, verkregen; their outcome words also
# inside a compound: "hovedutfallsmål", "primaire uitkomstmaat"); and the instruments a
# measurement is taken with, which name one ("kept a diary of sick leave for 26 weeks"): a
# questionnaire, diary, interview, register or records (spørreskjema, enkät, vragenlijst ...)
MEASURE = re.compile(
    r"\b(?:outcomes?|endpoints?|measure[ds]?|measurements?|assess(?:ed|ment)|evaluated|"
    r"recorded|registered|collected|obtained|retrieved|extracted|taken\s+from|analy[sz]ed|"
    r"analysert|analyserades|analyseret|geanalyseerd|"
    r"(?:self-?)?reported|effects?\s+on|impact\s+on|follow-?up|followed|"
    r"\w*utfall\w*|målt|målte|hentet|hentes|mättes|mätt|hämtade?s|registrer\w*|\w*udfald\w*|"
    r"indhentet|\w*uitkomst\w*|gemeten|verkregen|geregistreerd|questionnaires?|diary|diaries|"
    r"interviews?|registers?|registry|registries|records|spørreskjema\w*|enkät\w*|"
    r"spørgeskema\w*|vragenlijst\w*|dagbok\w*|dagbog\w*|dagboek\w*)\b",
    re.IGNORECASE,
)
# A result reported: a ratio or interval in capitals ("OR" is no "or"), a p value, a mean or
# median in the five languages, "vs", a percentage ("Mean sick leave fell", "median 58 days")
RESULT_SENTENCE = re.compile(
    r"\b(?:HR|OR|RR|CI|(?i:p\s*[=<>]|median|mean|average|vs|versus|mediane?|gemiddeld\w*|"
    r"gjennomsnitt\w*|medel\w*))\b|%",
)  # ratios in capitals ("OR" is no "or"), the other words in any case ("Mean sick leave fell")
# A verb of effect whose object is what a trial measures ("whether a graded programme reduces
# sickness absence", "shortened the duration of sick leave"), in the five languages: an effect
# asked for or found is on an outcome, also in an aim that names no measurement; not "to
# promote", "to support", "after" (an intervention's aim or name: "coaching to support return
# to work", "coaching after return to work helps")
_EFFECT_VERB = re.compile(
    r"(?:reduc|shorten|increas|improv|prevent|lower|decreas|lessen|hasten|"
    r"reduser|minsk|minska|förkort|forkort|förbättr|forbedr|verminder|verkort|bekort|verhoog|"
    r"verbeter|verlaag)\w*",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")
EFFECT_REACH = 3  # words between the verb and its object ("reduces the number of days of ...")
# Sections that hold outcomes or results: every sentence there names what was measured
OUTCOME_SECTIONS = ("OUTCOME", "MEASURE", "ENDPOINT")
RESULT_SECTIONS = ("RESULT", "FINDINGS")
_SECTIONS = OUTCOME_SECTIONS + RESULT_SECTIONS


def states_measurement(where: str, text: str, at: int) -> bool:
    """Whether the words at character ``at`` of ``text`` (a record's field at ``where``: 'title',
    'abstract:RESULTS' …) stand where the record says what its study measured (see the
    module's note)."""
    kind, _, section = where.partition(":")
    if kind == "abstract" and any(s in category(section) for s in _SECTIONS):
        return True
    start, end = sentence_around(text, at)
    sentence = text[start:end]
    return bool(
        MEASURE.search(sentence) or RESULT_SENTENCE.search(sentence) or _effect_on(text, at, end)
    )


def _effect_on(text: str, at: int, end: int) -> bool:
    """Whether the words at ``at`` are the object of a verb of effect (:data:`_EFFECT_VERB`) in
    their sentence (to ``end``)."""
    start = sentence_around(text, at)[0]
    # the verb before its object, or after it where it ends the clause (a Dutch subordinate
    # clause, "of het programma de verzuimduur bekort."; "whether sick leave decreased."), not
    # a term that is the verb's subject ("whether coaching after return to work prevents ...")
    after = text[at:end]
    before = tokens(text[start:at])[-(EFFECT_REACH + 1) :] + tokens(after)[:1]  # or the term's own
    if any(_EFFECT_VERB.fullmatch(w.word) for w in before):  # "reduc* sick leave"
        return True
    return any(
        _EFFECT_VERB.fullmatch(w.word) and _CLAUSE_END.match(after, w.end)
        for w in tokens(after)[: EFFECT_REACH + 2]
    )
