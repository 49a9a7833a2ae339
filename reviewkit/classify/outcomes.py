"""Health words inside the name of an outcome measure: what a study measured, not whom it studied.

Return-to-work studies of any population report the same health outcomes: the SF-36's "mental
health" scale and "mental health component summary", "depression and anxiety scores" on the
HADS, "depressive symptoms measured with the Beck Depression Inventory", "pain intensity
scores". A back-pain trial that reports SF-36 mental health scores is not a study of mental
disorders, so a term that names a health state (mental health, depression, anxiety, stress,
pain, well-being …) is not found where the words are part of such a name:

* **before a measure word** — the health words are followed, within the same clause and with at
  most :data:`GAP` words between that themselves belong to an outcome name ("and anxiety",
  "symptoms", "component"), by a measure word: score, scale, subscale, inventory,
  questionnaire, component, summary, index, rating; or by "measured", "assessed" or "rated"
  with "with", "by", "using", "on" or "via" after it ("depressive symptoms measured with …").
  "Workers with depression who completed questionnaires" keeps its depression: "who
  completed" is no part of an outcome name.
* **after a named instrument** — one of the usual health instruments, written in capitals as
  their names are (SF-36, SF-12, RAND-36, HADS, BDI, PHQ-9, GHQ-12, GAD-7, EQ-5D, MHI-5, DASS,
  CES-D, K10, and MCS: the SF-36's and SF-12's mental component summary), or one the scheme's
  protocol names (a label's ``instruments``: "PSS-10"), stands at most :data:`REACH` words
  before the health words in the same clause ("SF-36 mental health", "PSS-10 stress"); or
  **before one**, after "with", "using", "on", "via" or "by" and with no population word before
  the health words ("we assessed depressive symptoms with the PHQ-9"; "employees with depression
  with the PHQ-9 as a measure" keeps its depression).

* **in a list of outcomes** — after "outcome(s)" or "endpoint(s)" with "were", "included" or
  a colon (or after "primary"/"secondary outcomes" alone, as telegraphic abstracts write it),
  in the same sentence, with no population word between ("secondary outcomes were pain and
  psychological distress"; "in" before a time, "in the next 12 months", is none); "outcomes
  were compared in workers with depression" keeps its depression.

**A score used as a threshold names the population**: an outcome name or a health instrument's
name with a threshold in its clause (≥, >, "of 8 or more", "above", "cut-off"), in a sentence
that reports no result and no exclusion, is an inclusion criterion or a case definition
("PHQ-9 depression score >= 10", "scoring >= 8 on the HADS depression subscale", "GHQ-12 >= 4"):
its health words are evidence. A term that is an instrument's name is evidence only so; alone
it is an outcome measure. Instruments are the built-in names (:data:`INSTRUMENTS`, in every
protocol, a term or not: Review A's and B's PHQ-9, HADS … are terms of their mental labels)
and the terms a protocol names as a label's ``instruments`` (its own, such as the PSS-10),
read alike.

Only terms naming a health state or an instrument are affected; the rule leaves every other
term alone ("IPS fidelity scale", "Work Ability Index", "job satisfaction scale": there the
measure *is* the study's topic), and roles are no health state ("a psychologist assessed each
worker"). The population still reads as written elsewhere: "workers on sick leave with
depression" is found, also when the same abstract reports depression scores.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewkit.classify.measurement import RESULT_SENTENCE
from reviewkit.classify.term_syntax import TermPart, parse_term, part_matches
from reviewkit.classify.words import Token
from reviewkit.protocol import SignalTerm

# A protocol's own instruments (its scheme's labels' ``instruments``, each spelling as its parts:
# term_syntax.parse_term), read beside the built-in names (:func:`_instrument_at`)
OwnInstruments = tuple[tuple[TermPart, ...], ...]

# Both reaches are an outcome's name, a noun phrase: health words and the measure word closing it
# (GAP: "depression and anxiety scores"), an instrument and the health words it measures (REACH:
# "SF-36 mental health"). Measured on every set (benchmarks/results/classify-limits.md): GAP 2 to
# no limit and REACH 1 to no limit give the same figures (GAP 1 moves two demo studies' scores,
# no suggestion); 3 words leave room for a conjunction and a second state.
GAP = 3  # words between the health words and the measure word ("depression and anxiety scores")
REACH = 3  # words between an instrument and the health words ("SF-36 mental health")

# The measure words an outcome's name ends with, and the participles that follow a measured
# outcome ("depressive symptoms measured with the BDI"); folded, singular and plural.
MEASURE_WORDS = frozenset(
    {
        "score", "scores", "scale", "scales", "subscale", "subscales", "inventory",
        "questionnaire", "questionnaires", "component", "components", "summary", "index",
        "rating", "ratings",
    }
)  # fmt: skip
# A participle after the health words makes them a measured outcome only with the instrument
# after it ("depression assessed with the PHQ-9"); "a psychologist assessed each worker" is a
# sentence's verb, and "patients with depression assessed at baseline" a population.
PARTICIPLES = frozenset({"measured", "assessed", "rated"})
_WITH_INSTRUMENT = frozenset({"with", "by", "using", "on", "via"})
# Words an outcome's name has between its health words and its measure word.
OUTCOME_WORDS = frozenset(
    {
        "and", "or", "symptom", "symptoms", "physical", "intensity", "severity", "related",
        "level", "levels", "domain", "mental", "health", "total", "sum", "global",
    }
)  # fmt: skip
# Health instruments as their names are written (case matters: capitals; the number after the
# hyphen is a word of its own): the built-in names every protocol has, whether its terms name
# them or not (the one list of them: a protocol names only its own more, as a label's
# ``instruments``). "WHO" (WHO-5) is left out: it is also the pronoun in capitals at a
# sentence's start. K6 (Kessler's six items), 4DSQ (the Dutch Four-Dimensional Symptom
# Questionnaire) and PCL (the PTSD Checklist, PCL-5) since cls45: occupational health studies
# in Japan, Australia and the Netherlands, and of first responders, define their population so.
INSTRUMENTS = frozenset(
    {
        "SF", "RAND", "HADS", "BDI", "PHQ", "GHQ", "GAD", "EQ", "MHI", "DASS", "CES", "K10",
        "MCS", "K6", "4DSQ", "PCL",
        # The CES-D written as one word with its letter (a digit on a stem is a version, below;
        # a letter is not, as a rule: PCLS is the precision-cut lung slice, 5 times in the
        # snapshot's two files, none the PTSD Checklist). "CESD" stands 12 times there, every
        # one the scale ("CESD", "CESD-R", "CESD-10"); its terms "CES-D" find it.
        "CESD",
    }
)  # fmt: skip
# Of those, the stems that alone name something else: GAD is generalised anxiety disorder, the
# instrument GAD-7 (or GAD-2); PCL is also the posterior cruciate ligament, polycaprolactone
# and primary cutaneous lymphoma (all three in the snapshot's 2021 file, beside PCL-5), the
# instrument PCL-5. Such a stem is the instrument only with its version after it. Checked for
# the kind (task 26): of the other stems none is also a disorder's acronym; the disorder acronyms
# the protocols list (CMD, MSD, PTSD, TBI, ABI) start no instrument's name. An instrument added
# above whose stem names something else belongs here too.
DISORDER_STEMS = frozenset({"GAD", "PCL"})
_NUMBER_AFTER = re.compile(r"(?<=[A-Z])\d+$")  # an instrument's number written on its stem
# The versions (items, edition, or the PCL's DSM-IV letters: civilian, military, specific) a
# stem is written with where it needs one (DISORDER_STEMS) or carries it on itself ("PHQ9"):
# another number is another thing's. Of the 33,316 abstracts of the snapshot's two files, the
# stems with a number on them that are no instrument: SF6 (sulphur hexafluoride, 7), GAD65,
# GAD67 and GAD1 (glutamic acid decarboxylase and its gene, 7), SF2 (two skinfolds), SF1
# (steroidogenic factor 1); the instruments: SF12, PHQ9, GAD7, PCL5, SF36 (rd45f).
VERSIONS = {
    "PHQ": frozenset({"2", "4", "8", "9", "15"}),
    "GAD": frozenset({"2", "7"}),
    "SF": frozenset({"8", "12", "36"}),
    "RAND": frozenset({"36"}),
    "GHQ": frozenset({"12", "28", "30", "60"}),
    "MHI": frozenset({"5"}),
    "DASS": frozenset({"21", "42"}),
    "BDI": frozenset({"2"}),  # the BDI-II written BDI-2
    "PCL": frozenset({"5", "C", "M", "S"}),
}
# The beginnings of words that name a health state an instrument measures: mental health and
# its Scandinavian words, psychological and psychiatric (symptoms, distress), depression,
# anxiety, distress, stress, burnout, exhaustion, pain, well-being, mood, fatigue. "health"
# alone is left out ("occupational health services"), and so are the roles: psychologist,
# psychiatrist (Norwegian psykolog) are people, not states.
HEALTH_STATE = re.compile(
    r"(mental|psykisk|psykiske|psychologic|psychiatric|depress|depresj|anxi|angst|distress"
    r"|stress|burn|exhaust|pain|smert|wellbeing|well|mood|fatigue|vitality)",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)  # read for every term of the scheme on every record
def instrument_spellings(instruments: tuple[SignalTerm, ...]) -> OwnInstruments:
    """Every spelling of a scheme's instruments (its labels' ``instruments``), each as its parts
    (:func:`~reviewkit.classify.term_syntax.parse_term`): where they stand, the health words
    beside them are an outcome's name (:func:`in_outcome_name`). A sign of several terms
    (``{ all = ["Cohen", "PSS"] }``) names its instrument by each of its terms that is a name
    (:func:`_names_instrument`), first or not: ``["perceived stress", "PSS"]`` is the
    ``["PSS", "perceived stress"]`` of another writer."""
    return tuple(
        parts
        for t in instruments
        for text in (t.text, *t.together)
        if not t.together or _names_instrument(text)
        for parts in parse_term(text, t.language)
    )


# The nouns an instrument's full name ends in, saying what kind of thing it is: the measure
# words of an outcome's name (a scale, an inventory, a questionnaire) and the other kinds of
# instrument whose names hold a health word: the Burnout Assessment Tool, the Shirom-Melamed
# Burnout Measure, the Distress Thermometer, the Hopkins Symptom Checklist, the Trier
# Inventory of Chronic Stress's Screening Scale, a stress test, a Clinical Interview Schedule.
# Read only in a sign's terms (:func:`_names_instrument`): health words alone, "perceived
# stress", name no kind of instrument.
NAME_NOUNS = MEASURE_WORDS | frozenset(
    {
        "measure", "measures", "tool", "tools", "checklist", "checklists", "thermometer",
        "test", "tests", "schedule", "schedules", "instrument", "instruments", "screener",
        "survey", "interview",
    }
)  # fmt: skip


def _names_instrument(term: str) -> bool:
    """Whether a term of a sign is a name of its instrument (the PSS in "Cohen + PSS", the
    "Perceived Stress Scale" beside its acronym), not the health words it measures ("PSS +
    perceived stress": what the scale measures, and where no instrument stands, the
    population's words): no health state, or one with a noun of an instrument's kind
    (:data:`NAME_NOUNS`: "Scale", "Tool", "Measure")."""
    words = re.findall(r"\w+", term)
    return not any(HEALTH_STATE.match(w) for w in words) or any(
        w.casefold() in NAME_NOUNS for w in words
    )


_CLAUSE_END = re.compile(r"[,.;:()\[\]]")
_SENTENCE_END = re.compile(r"[.;]")

# A list of outcomes: "outcomes were …", "secondary outcomes included …", "endpoints: …". Its
# health words are what was measured, up to the sentence's end, unless a population word comes
# between ("outcomes were compared in workers with depression": there the words name whom).
# Its kind is a sentence's list, so the sentence bounds it, however many measures and times it
# names ("outcomes were days on sickness benefit in the next 12 months, and at six months
# symptoms of anxiety and depression, musculoskeletal pain and work ability": 22 words to
# "musculoskeletal"). A word limit (25 until task 32) was set from that one set-7 row: measured
# (classify-limits.md), 22 words to no limit gave the same figures and scores on every set, 21
# or fewer lost that row; tests/classify/test_outcome_lists.py reads a list of 47 words.
LIST_NOUNS = frozenset({"outcome", "outcomes", "endpoint", "endpoints"})
LIST_VERBS = frozenset(
    {"was", "were", "is", "are", "included", "include", "including", "comprised"}
)
# "Secondary outcomes pain, depression and fear-avoidance scores": with primary, secondary or
# main before it, the noun heads its list without a verb or colon, as telegraphic abstracts
# write it, unless a preposition follows ("secondary outcomes of workers with depression").
LIST_HEADS = frozenset({"primary", "secondary", "main", "other", "further", "tertiary"})
_NOT_A_LIST = frozenset({"of", "in", "among", "for", "by", "at", "after", "between"})
# "in the next 12 months", "in the first year": "in" before a time is no population word
TIME_WORDS = frozenset(
    {"day", "days", "week", "weeks", "month", "months", "year", "years", "follow-up"}
)
# A time phrase is "in", a determiner, an ordinal or number and the unit: 3 words between "in"
# and the unit at most ("in the next 12 months"); 2 loses set 7's row of that phrase, 3 to 6
# give the same figures on every set (no limit moves one demo study's scores, no suggestion;
# classify-limits.md)
TIME_REACH = 3  # words from "in" to its time word
POPULATION_WORDS = frozenset(
    {
        "in", "among", "with", "for", "who", "patients", "workers", "employees", "participants",
        "people", "persons", "adults", "individuals", "subjects", "population",
    }
)  # fmt: skip

# A score used as a threshold: a comparison sign, or the words that say one, with the number
# ("PHQ-9 >= 10", "a HADS score of 8 or more", "scoring above the cut-off on the GHQ-12").
# The clause bounds it first: 2 words to no limit give the same figures on every set
# (classify-limits.md): what stands for the limit is the clause, the comma or bracket ending it.
THRESHOLD_REACH = 8  # words either side of the health words or instrument, within the clause
THRESHOLD = re.compile(
    r"[≥≤><]\s*=?\s*\d|=[<>]|\b(?:at least|or more|or higher|or above|or greater|or over|or less"
    r"|or lower|or below|above|below|exceed\w*|cut-?offs?|cut-?points?|thresholds?|caseness)\b",
    re.IGNORECASE,
)
# A sentence with one of these reports a result or an exclusion, not whom a study included:
# "the proportion with HADS depression >= 8 fell", "those with PHQ-9 >= 20 were excluded": a
# result as every reader of the classifier knows one (measurement.RESULT_SENTENCE: a
# percentage, a mean or median, a ratio, a p value), or a word of a change, a rate or an
# exclusion
RESULT_CUES = re.compile(
    rf"{RESULT_SENTENCE.pattern}|(?i:\b(?:outcomes?|proportions?|percentages?|prevalence|"
    r"incidence|rates?|odds|risks?|remission|recover\w*|response|fell|decreas\w*|declin\w*|"
    r"reduc\w*|improv\w*|exclud\w*|exclusion)\b)"
)


def names_health_state(words: list[Token], first: int, last: int) -> bool:
    """Whether the words first..last (a term's match) name a health state."""
    return any(HEALTH_STATE.match(w.word) for w in words[first : last + 1])


def _after(text: str, words: list[Token], last: int) -> bool:
    for k in range(last + 1, min(last + 2 + GAP, len(words))):
        if _CLAUSE_END.search(text[words[k - 1].end : words[k].start]):
            return False
        low = words[k].word.casefold()
        if low in MEASURE_WORDS:
            return True
        if low in PARTICIPLES:
            after = words[k + 1].word.casefold() if k + 1 < len(words) else ""
            return after in _WITH_INSTRUMENT
        if low not in OUTCOME_WORDS and not HEALTH_STATE.match(low):
            return False
    return False


def _with_instrument(
    text: str, words: list[Token], first: int, last: int, own: OwnInstruments = ()
) -> bool:
    """Whether the health words are followed, in their clause and past the words of an outcome's
    name, by "with", "using", "on", "via" or "by" and a named instrument ("we assessed depressive
    symptoms with the PHQ-9", "anxiety and depression using the HADS"), with no population word
    before them ("employees with depression with the PHQ-9 as a measure" is whom)."""
    for k in range(first - 1, max(first - 2 - REACH, -1), -1):
        if _CLAUSE_END.search(text[words[k].end : words[k + 1].start]):
            break
        if words[k].word.casefold() in POPULATION_WORDS:
            return False
    for k in range(last + 1, min(last + 2 + GAP, len(words))):
        if _CLAUSE_END.search(text[words[k - 1].end : words[k].start]):
            return False
        low = words[k].word.casefold()
        if low in _WITH_INSTRUMENT:
            # the instrument, or a determiner and the instrument ("with the PHQ-9")
            nxt = range(k + 1, min(k + 3, len(words)))
            return any(_instrument_at(words, i, own) for i in nxt)
        if low not in OUTCOME_WORDS and not HEALTH_STATE.match(low):
            return False
    return False


def _before(text: str, words: list[Token], first: int, own: OwnInstruments = ()) -> bool:
    # a protocol's instrument whose name begins with the health words: "Burnout Assessment
    # Tool", "Distress Thermometer" (the built-in names begin with their letters)
    if any(_own_at(parts, words, first) for parts in own):
        return True
    for k in range(first - 1, max(first - 2 - REACH, -1), -1):
        if _CLAUSE_END.search(text[words[k].end : words[k + 1].start]):
            return False
        if _instrument_at(words, k, own):
            return True
    return False


def _instrument_at(words: list[Token], k: int, own: OwnInstruments = ()) -> bool:
    """Whether the word at ``k`` starts an instrument's name: one of :data:`INSTRUMENTS` (also with
    a version of :data:`VERSIONS` on it, "PHQ9", not "GAD65"), a stem of :data:`DISORDER_STEMS`
    only with its version after it ("PCL-5", "PCL-C", "PCL5", not "PCL injuries"), or one of the
    protocol's ``own`` ("PSS-10"), its words there as its term finds them."""
    word = words[k].word
    if own and any(_own_at(parts, words, k) for parts in own):
        return True
    if word in DISORDER_STEMS:
        return k + 1 < len(words) and words[k + 1].word in VERSIONS[word]
    # the number written without the hyphen ("PCL5", "PHQ9", "GAD7"): one word, the stem's
    stem = _NUMBER_AFTER.sub("", word)
    return word in INSTRUMENTS or word[len(stem) :] in VERSIONS.get(stem, ())


def _own_at(parts: tuple[TermPart, ...], words: list[Token], k: int) -> bool:
    """Whether a protocol's instrument (one spelling's ``parts``) stands at word ``k``."""
    return k + len(parts) <= len(words) and all(
        part_matches(p, words[k + m].word) for m, p in enumerate(parts)
    )


def listed_outcome(text: str, words: list[Token], first: int) -> bool:
    """Whether the health words stand in a list of outcomes: "outcomes were return to work,
    pain and depression", "secondary outcomes: anxiety and quality of life", in its sentence,
    with no population word between ("outcomes in workers with depression" is a population)."""
    for k in range(first - 1, -1, -1):
        if _SENTENCE_END.search(text[words[k].end : words[k + 1].start]):
            return False
        low = words[k].word.casefold()
        if low in POPULATION_WORDS and not (low == "in" and _a_time(words, k)):
            return False
        if low in LIST_NOUNS:
            nxt = words[k + 1].word.casefold()
            head = k > 0 and words[k - 1].word.casefold() in LIST_HEADS
            return (
                nxt in LIST_VERBS
                or ":" in text[words[k].end : words[k + 1].start]
                or (head and nxt not in _NOT_A_LIST)
            )
    return False


def _a_time(words: list[Token], k: int) -> bool:
    """Whether "in" at ``k`` begins a time ("in the next 12 months"), not a population."""
    after = (w.word.casefold() for w in words[k + 1 : k + 2 + TIME_REACH])
    return any(w in TIME_WORDS for w in after)


def _is_instrument(words: list[Token], first: int, last: int) -> bool:
    """Whether a term's match is an instrument's name ("PHQ-9", "HADS", "K-10"); a stem that also
    names something else (:data:`DISORDER_STEMS`) is one only with its version in or after the
    match ("GAD-7", not "employees with GAD")."""
    joined = "".join(w.word for w in words[first : last + 1])
    if words[first].word in DISORDER_STEMS:
        return _instrument_at(words, first)
    return _instrument_at(words, first) or joined in INSTRUMENTS


def _clause(
    text: str, words: list[Token], first: int, last: int, ends: re.Pattern[str]
) -> tuple[int, int]:
    """The first and last word indexes of the stretch around words first..last that no ``ends``
    mark cuts, at most :data:`THRESHOLD_REACH` words either side."""
    lo, hi = first, last
    while lo > max(first - THRESHOLD_REACH, 0) and not ends.search(
        text[words[lo - 1].end : words[lo].start]
    ):
        lo -= 1
    while hi < min(last + THRESHOLD_REACH, len(words) - 1) and not ends.search(
        text[words[hi].end : words[hi + 1].start]
    ):
        hi += 1
    return lo, hi


def names_population(text: str, words: list[Token], first: int, last: int) -> bool:
    """Whether an outcome name or instrument (words first..last) stands beside a threshold in
    its clause ("PHQ-9 depression score >= 10", "scoring 8 or more on the HADS", "GHQ-12 >= 4")
    in a sentence that reports no result and no exclusion: then the score defines who was
    studied (an inclusion criterion, a case definition), and the health words are evidence."""
    lo, hi = _clause(text, words, first, last, _CLAUSE_END)
    if not THRESHOLD.search(text[words[lo].start : words[hi].end + 2]):
        return False
    lo, hi = _clause(text, words, first, last, _SENTENCE_END)
    return not RESULT_CUES.search(text[words[lo].start : words[hi].end + 1])


def in_outcome_name(
    text: str,
    words: list[Token],
    first: int,
    last: int,
    instrument: bool = False,
    own: OwnInstruments = (),
) -> bool:
    """Whether a term's match (words first..last of a text) names a health state inside the
    name of an outcome measure, or is a health instrument's name (one of :data:`INSTRUMENTS`,
    or ``instrument``: a term the protocol names as one), used as an outcome (see the module
    docstring): then it is not evidence. With a threshold it names the population. ``own``:
    the protocol's instruments, read beside the health words as the built-in names are."""
    if instrument or _is_instrument(words, first, last):
        return not names_population(text, words, first, last)
    # "musculoskeletal pain", "mental fatigue": a word that names where or what kind a health
    # state is, right before it, is part of the state's name (pain is the state measured)
    state = names_health_state(words, first, min(last + 1, len(words) - 1))
    as_outcome = state and (
        _after(text, words, last)
        or _with_instrument(text, words, first, last, own)
        or _before(text, words, first, own)
        or listed_outcome(text, words, first)
    )
    return as_outcome and not names_population(text, words, first, last)
