"""Words a sentence names as what a study measured: no evidence of what its intervention was.

A trial's outcomes are named in the words of its field: "Return to work was measured with a
questionnaire", "Outcomes were days of sick leave and work ability", "we assessed workplace
adjustments with a checklist", "MAIN OUTCOME MEASURES: time to return to work". A scheme that
sorts studies by what their intervention was, who delivered it, how or where (``tested =
true``: a work-directed or clinical approach, contact with the workplace, graded work, an
employer as provider, telephone delivery) would read those words as the intervention's. So for
such a scheme a term does not count where it is

* in a section of outcomes or measures (not of results: "the graded return-to-work group
  returned sooner" reports what the tested arm did);
* in a list of outcomes (:func:`~reviewkit.classify.outcomes.listed_outcome`: "secondary
  outcomes were workplace adjustments and contact with the employer");
* the subject of a verb of measuring in the passive ("Return to work was measured with …",
  "Sick leave days were retrieved from the employer's records"): the term, at most
  :data:`SUBJECT_GAP` words of its list, and "was", "were", "is" or "are" before the verb, or
  a passive in -s ("Sjukskrivningsdagar hämtades från Försäkringskassan");
* after a verb of measuring, at most :data:`OBJECT_REACH` words before it in its clause: as the
  researchers' object ("we assessed work ability with the WAI"; another subject that assesses
  is the intervention at work: "a team assessed each patient's work ability"), or as a passive
  verb's instrument or source ("was measured with telephone interviews", "were retrieved from
  the employer's records").

The verbs, auxiliaries and prepositions are read in English and in the languages the
protocols' terms are (Norwegian, Swedish, Danish; Dutch as :mod:`.measurement` reads it):
"Sykefraværsdager ble hentet fra NAV" is NAV's register as a source. German puts the
participle at the clause's end, after what it governs: :mod:`.measured_german`.

Not where the measured thing is the intervention's effect, cost or fidelity ("the effect of
graded return to work was assessed", "the fidelity of the IPS programme was measured"), nor
what an aim asks ("we assessed whether workplace contact shortened sick leave"), nor a verb's
agent ("assessed by an occupational physician": who measured, which the scheme of who
delivered may read), nor a source a relative clause says delivered the intervention ("collected
from the Social Insurance Agency, which also ran the programme"). Schemes of what was measured (``measures``), of whom a study included
(``population``) or of what kind of study a record is read these sentences as evidence: there
the measurement is what they sort by, or names the people measured.
"""

from __future__ import annotations

import re

from reviewkit.abstract_headings import category
from reviewkit.classify.measured_german import names_measured_german
from reviewkit.classify.measurement import OUTCOME_SECTIONS, RESULT_SECTIONS
from reviewkit.classify.outcomes import listed_outcome
from reviewkit.classify.words import Token

# Verbs of measuring, as participles ("was measured", "were retrieved from"); "evaluated" is
# left out: an intervention is what trials evaluate
# ("the programme was evaluated in a cluster trial"). In the languages the protocols' terms are
# read in too, as classify.measurement reads them: Norwegian and Danish målt, hentet, innhentet
# / indhentet, registrert / registreret, Swedish mätt, hämtad, registrerad, insamlad, Dutch
# gemeten, verkregen, verzameld, geregistreerd
PARTICIPLES = frozenset(
    {
        "measured", "assessed", "recorded", "registered", "collected", "obtained", "retrieved",
        "extracted", "ascertained", "self-reported",
        "målt", "hentet", "innhentet", "indhentet", "registrert", "registreret", "innsamlet",
        "indsamlet", "kartlagt", "mätt", "mätts", "hämtad", "hämtade", "hämtats", "registrerad",
        "registrerade", "registrerats", "insamlad", "insamlade", "insamlats", "gemeten",
        "verkregen", "verzameld", "geregistreerd",
    }
)  # fmt: skip
# Swedish, Norwegian and Danish passives in -s, auxiliary and participle in one word
# ("Sjukskrivningsdagar hämtades från Försäkringskassan", "registreres i NAVs register")
S_PASSIVES = frozenset(
    {
        "mättes", "hämtades", "inhämtades", "registrerades", "insamlades", "samlades", "erhölls",
        "måltes", "måles", "hentes", "innhentes", "indhentes", "registreres", "registreredes",
    }
)  # fmt: skip
# The researchers' own verbs with an object: "we measured", "we also assessed". Another subject
# that assesses is the intervention at work ("a team assessed each patient's work ability and
# wrote a return-to-work plan", "an occupational therapist assesses the workstation"), and a
# participle may be an adjective ("registered nurses"); "vi målte", "vi mätte", "wij maten"
ACTIVE = frozenset(
    {
        "measured", "assessed", "recorded", "registered", "collected", "målte", "mätte",
        "registrerte", "registrerade", "registrerede", "maten", "registreerden",
    }
)  # fmt: skip
RESEARCHERS = frozenset({"we", "vi", "wij"})
# What a passive verb of measuring names after it: its instrument or source, not its agent
# ("by"; "av", "af", "door": :data:`_AGENTS`)
_SOURCE = frozenset(
    {
        "with", "using", "via", "through", "from", "in", "on", "med", "fra", "från", "gjennom",
        "genom", "gennem", "ur", "i", "hos", "met", "uit", "van",
    }
)  # fmt: skip
_AUX = frozenset(
    {"was", "were", "is", "are", "been", "ble", "blir", "blev", "bliver", "blevet", "vart",
     "werd", "werden", "wordt", "worden"}
)  # fmt: skip
_ADVERBS = frozenset(
    {"also", "then", "each", "further", "additionally", "primarily", "mainly", "også", "även",
     "också", "ook", "dessuten", "desuden"}
)  # fmt: skip
# What makes the words after it no measured thing: its effect, cost, fidelity, an aim's
# question, a verb's agent
_NOT_MEASURED = frozenset(
    {
        "effect", "effects", "effectiveness", "efficacy", "impact", "feasibility",
        "acceptability", "fidelity", "implementation", "adherence", "cost", "costs",
        "cost-effectiveness", "benefit", "benefits", "whether", "if", "how", "by",
        "effekt", "effekten", "effekter", "effekterna", "effekterne", "effecten",
    }
)  # fmt: skip
# A passive's agent in Norwegian and Swedish, Danish, Dutch ("registrert av NAV"): who measured,
# as "by" is; kept apart from :data:`_NOT_MEASURED` as "av" and "af" are also "of", which does
# not make what follows no measured thing ("bruk av fastlege ble registrert")
_AGENTS = frozenset({"av", "af", "door"})
# Words that end the subject of a passive verb: a clause of its own ("who", "which", "but";
# "som", "men", "die", "dat", "maar")
_CLAUSE_WORDS = frozenset(
    {"who", "which", "that", "but", "while", "whereas", "when", "after", "before", "because",
     "som", "men", "die", "dat", "maar"}
)  # fmt: skip
_CLAUSE_END = re.compile(r"[.;:()\[\]]")
_COMMA_END = re.compile(r"[,.;:()\[\]]")
# A relative clause right after the term that says it delivered the intervention ("collected
# from the Social Insurance Agency, which also delivered the programme"): the sentence names the
# source as the intervention's actor too. Verbs of delivering only: "which pays sickness
# benefits" or "who conducted the interviews" leave it a source
_RELATIVES = frozenset({"who", "which", "that", "som"})
DELIVERING = frozenset(
    {
        "delivered", "delivers", "ran", "runs", "provided", "provides", "offered", "offers",
        "led", "leads", "organised", "organized", "organises", "organizes", "coordinated",
        "coordinates", "implemented", "implements",
    }
)  # fmt: skip
SUBJECT_GAP = 4  # words between the term and "was measured" ("and work ability were measured")
OBJECT_REACH = 3  # words between "assessed" and the term ("assessed the number of ...")


def names_measured(where: str, text: str, words: list[Token], first: int, last: int) -> bool:
    """Whether words first..last of a record's field (at ``where``: 'title', 'abstract:METHODS'
    …) are what a sentence says the study measured (see the module's note)."""
    _, _, section = where.partition(":")
    kind = category(section) if section else ""
    if any(s in kind for s in OUTCOME_SECTIONS) and not any(s in kind for s in RESULT_SECTIONS):
        return True
    return (
        listed_outcome(text, words, first)
        or _passive_subject(text, words, first, last)
        or _active_object(text, words, first)
        or names_measured_german(text, words, first, last)
    ) and not _delivers(words, last)


def _delivers(words: list[Token], last: int) -> bool:
    """Whether a relative clause right after the term (at ``last``) says it delivered the
    intervention: "who", "which", "that" or "som", an adverb at most, a verb of
    :data:`DELIVERING` ("the Social Insurance Agency, which also ran the programme")."""
    after = [w.word.casefold() for w in words[last + 1 : last + 4]]
    if not after or after[0] not in _RELATIVES:
        return False
    verb = after[2:3] if after[1:2] and after[1] in _ADVERBS else after[1:2]
    return bool(verb) and verb[0] in DELIVERING


def _passive_subject(text: str, words: list[Token], first: int, last: int) -> bool:
    """Whether the term at first..last is the subject of "was measured", "were retrieved", and
    no effect's, cost's or fidelity's object ("the effect of X was assessed")."""
    if _after_not_measured(text, words, first):
        return False
    for k in range(last + 1, min(last + 2 + SUBJECT_GAP, len(words))):
        if _CLAUSE_END.search(text[words[k - 1].end : words[k].start]):
            return False
        low = words[k].word.casefold()
        if low in _CLAUSE_WORDS:
            return False
        if low in S_PASSIVES:
            return True
        if low in _AUX:
            j = k + 2 if k + 2 < len(words) and words[k + 1].word.casefold() in _ADVERBS else k + 1
            return j < len(words) and words[j].word.casefold() in PARTICIPLES
    return False


def _active_object(text: str, words: list[Token], first: int) -> bool:
    """Whether the term starting at ``first`` follows a verb of measuring in its clause: as the
    researchers' object ("we assessed work ability"), or as a passive's instrument or source
    ("was measured with telephone interviews", "retrieved from the employer's records")."""
    for k in range(first - 1, max(first - 2 - OBJECT_REACH, -1), -1):
        if _COMMA_END.search(text[words[k].end : words[k + 1].start]):
            return False
        low = words[k].word.casefold()
        if low in _NOT_MEASURED or low in _AGENTS:
            return False
        if low in S_PASSIVES:
            return words[k + 1].word.casefold() in _SOURCE
        if low in PARTICIPLES or low in ACTIVE:
            before = [w.word.casefold() for w in words[max(k - 2, 0) : k]]
            subject = [w for w in before if w not in _ADVERBS][-1:]
            if subject and subject[0] in _AUX:
                return words[k + 1].word.casefold() in _SOURCE
            return low in ACTIVE and bool(subject) and subject[0] in RESEARCHERS
    return False


def _after_not_measured(text: str, words: list[Token], first: int) -> bool:
    """Whether a word of :data:`_NOT_MEASURED` stands at most :data:`OBJECT_REACH` words before
    ``first`` in its clause ("the effect of graded work", "the fidelity of IPS")."""
    for k in range(first - 1, max(first - 2 - OBJECT_REACH, -1), -1):
        if _COMMA_END.search(text[words[k].end : words[k + 1].start]):
            return False
        if words[k].word.casefold() in _NOT_MEASURED:
            return True
    return False
