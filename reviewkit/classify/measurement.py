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
  registered, collected, obtained, retrieved, taken from, self-reported …, in English,
  Norwegian, Swedish, Danish and Dutch) or reports a result (a percentage, a p value, a ratio,
  a mean or median: :data:`RESULT_SENTENCE`), or
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
from reviewkit.classify.words import sentence_around

# Words that say a thing was measured, in the five languages: "outcome", "measured", "assessed",
# "recorded", "registered", "collected", "obtained", "retrieved", "taken from", "reported",
# "effect on", "follow-up" (Norwegian målt, hentet, utfall; Swedish mättes, hämtades, utfall;
# Danish målt, indhentet, udfald; Dutch gemeten, uitkomst, verkregen; their outcome words also
# inside a compound: "hovedutfallsmål", "primaire uitkomstmaat"); and the instruments a
# measurement is taken with, which name one ("kept a diary of sick leave for 26 weeks"): a
# questionnaire, diary, interview, register or records (spørreskjema, enkät, vragenlijst ...)
MEASURE = re.compile(
    r"\b(?:outcomes?|endpoints?|measure[ds]?|measurements?|assess(?:ed|ment)|evaluated|"
    r"recorded|registered|collected|obtained|retrieved|extracted|taken\s+from|"
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
# Sections that hold outcomes or results: every sentence there names what was measured
_SECTIONS = ("OUTCOME", "MEASURE", "ENDPOINT", "RESULT", "FINDINGS")


def states_measurement(where: str, text: str, at: int) -> bool:
    """Whether the words at character ``at`` of ``text`` (a record's field at ``where``: 'title',
    'abstract:RESULTS' …) stand where the record says what its study measured (see the
    module's note)."""
    kind, _, section = where.partition(":")
    if kind == "abstract" and any(s in category(section) for s in _SECTIONS):
        return True
    start, end = sentence_around(text, at)
    sentence = text[start:end]
    return bool(MEASURE.search(sentence) or RESULT_SENTENCE.search(sentence))
