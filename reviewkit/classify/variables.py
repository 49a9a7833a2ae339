"""A disorder named as a variable of the study: a predictor, risk factor, moderator or exposure.

Prognostic cohorts, register studies and trials with moderator or mediator analyses measure
health states *in* a population: "depressive symptoms at baseline predicted delayed return to
work" in a study of all sick-listed employees, "comorbid depression was a risk factor for long
sick leave" in workers with musculoskeletal disorders, "we examined whether anxiety moderated
the effect". The depression there is a variable measured in the population, not who the
population is, as a depression score among a study's outcomes is
(:mod:`reviewkit.classify.outcomes`). So a term naming a health state or a disorder is not found
where the words are such a variable:

* **before a variable's role**: in its sentence, at most :data:`REACH` words on (a list of other
  variables may come between: "depression, fear-avoidance and pain intensity predicted …"),
  a word that gives the variable's role: predict(ed), predictor(s), moderated, mediated, risk
  factor(s), prognostic factor(s), determinant(s), associated with, effect modifier, exposure,
  covariate, confounder; or "was/were measured (assessed, recorded)"; not a role word joined
  by a hyphen to the word before it ("age-predicted heart rate", "loxP-mediated"), an
  adjective of the noun after it. A population word between
  (with, among, for, who, workers, patients …) ends the reach: "workers with depression who
  received …" and "depression among workers" are populations; so does another noun phrase
  opened by "and the" ("depression and the stigma associated with it": the stigma's role), and
  a participle right after "the <noun>" is that noun's ("encourage mental health treatment and
  reduce the stigma associated with seeking help").
* **after an adjustment**: "adjusted for", "controlling for", "regardless of", "irrespective
  of", "independently of" at most :data:`ADJUST_REACH` words before, in the sentence: a
  covariate.
* **at baseline**: "anxiety at baseline", "baseline depression": a state measured at one time
  point of the study, also in a subgroup ("smaller among employees with anxiety at baseline").
* **in an association title**: the health words joined by "and" to a work outcome (return to
  work, sick leave, sickness absence, disability pension, employment), then "in" or "among" and
  a population: "Depressive symptoms and return to work among sick-listed employees",
  "Comorbid depression and long-term sick leave in workers with musculoskeletal disorders": the
  epidemiologist's title for an exposure and an outcome in a population.

A term preceded in its clause by a population word ("employees sick-listed with depression",
"patients on sick leave for burnout", "diagnosed with anxiety", "on sick leave due to
depression") stays the population, unless
"at baseline" makes it a measured state; so does a score used as a threshold (an inclusion
criterion: :func:`reviewkit.classify.outcomes.names_population`). Only health states and
disorders are affected here: the model types' words (a coordinator, a team, the employer) are
what a study did, and "the team intervention was associated with earlier return" is its result.

**A predictor in a scheme of what was tested** (``tested``: Review B's model type, a
provider, a mode of delivery) is another matter: a prognostic cohort or a register study names
the work side as a factor it measured, "employer support predicted an earlier return", "use of
occupational health care was the exposure", "adjusted for employer size", and that is no
programme the study tested (:func:`names_predictor`, any term, not only health words). There the
role is a prognostic one only (:data:`PREDICTOR_PAIRS`): not "associated with", in which an
evaluation reports its own programme's result ("joint assessment was associated with a
modest increase in return to work", "the meeting was associated with an earlier return").
"""

from __future__ import annotations

import re

from reviewkit.classify.outcomes import HEALTH_STATE, INSTRUMENTS, names_population
from reviewkit.classify.words import low_at, tokens
from reviewkit.protocol.term_words import HYPHENS

# The reaches measured on every set (benchmarks/results/classify-limits.md): REACH, a clause and
# the role's verb phrase after it ("depressive symptoms at baseline were associated with"), 9
# words to no limit give the same figures (no limit moves two demo studies' scores, no
# suggestion), 6 loses 3 rows of set 4 and 5 of Review A's set 4 (a test pins 11 or more:
# a role after a time phrase, tests/classify/test_reach_limits.py); ADJUST_REACH, a list of
# covariates, 2 to 12 the same; POPULATION_REACH, a noun phrase, 2 to 8 the same (1 changes a
# Review B row's scores, no figure).
REACH = 12  # words from the health words on to the variable's role, within the sentence
# words back from the health words to "adjusted for" ("adjusted for age, sex and depression")
ADJUST_REACH = 6
# words back to "with", "for" … ("sick-listed for 4 to 12 weeks with low back pain")
POPULATION_REACH = 4

# Disorders besides the health states an instrument measures (outcomes.HEALTH_STATE): a disorder
# too is a variable when it predicts ("comorbid musculoskeletal symptoms", "a history of cancer",
# "stroke"). The beginnings of the words that name one.
DISORDER = re.compile(
    r"(musculoskeletal|disorder|disease|illness|injur|syndrome|comorbid|multimorbid|symptom"
    r"|cancer|tumou?r|oncolog|stroke|concussion|brain|sciatica|whiplash|arthritis|fibromyalg"
    r"|psychiatric|psychos|psychotic|schizophren|bipolar|panic|ptsd|cmd|msd|tbi"
    # a diagnosis named by its code or its chapter's letter ("F43", "M-diagnoses"): a register
    # study's exposure or subgroup as often as its population. A code is a capital and two
    # digits, as classifications write it ("f43", "p25" are not), and not an instrument's
    # name of the same shape (K10, the Kessler scale: outcomes.INSTRUMENTS)
    r"|diagnos|(?-i:[A-Z])\d\d$)",
    re.IGNORECASE,
)

# A variable's role, one word ("predicted", "moderators") …
ROLE_WORDS = frozenset(
    {
        "predict", "predicts", "predicted", "predicting", "predictor", "predictors",
        "predictive", "moderated", "moderates", "moderating", "moderator", "moderators",
        "mediated", "mediates", "mediating", "mediator", "mediators", "determinant",
        "determinants", "covariate", "covariates", "confounder", "confounders", "exposure",
        "exposures",
    }
)  # fmt: skip
# … or two: ("risk", "factor"), "associated with", "effect modifier", "moderate the effect".
ROLE_PAIRS = frozenset(
    {
        ("risk", "factor"), ("risk", "factors"), ("prognostic", "factor"),
        ("prognostic", "factors"), ("associated", "with"), ("association", "with"),
        ("effect", "modifier"), ("effect", "modifiers"), ("moderate", "the"),
        ("mediate", "the"), ("increased", "risk"), ("higher", "risk"),
    }
)  # fmt: skip
# "was/were measured": the health words as a variable of the study ("pain intensity and anxiety
# were measured at baseline"); "workers with depression were assessed" keeps its population.
_BE = frozenset({"was", "were"})
MEASURED = frozenset({"measured", "assessed", "recorded"})
# The people a population is made of ("among sick-listed employees").
PEOPLE = frozenset(
    {
        "patients", "workers", "employees", "participants", "people", "persons", "adults",
        "individuals", "subjects", "population", "claimants", "survivors", "women", "men",
    }
)  # fmt: skip
# Words that end the reach from the health words to a role: they say whom the study is about
# ("workers with depression who received …", "depression among nurses"), or open another clause
# ("but", "whereas"). "in" is not among them: "depression in the preceding year was the exposure".
STOP_WORDS = PEOPLE | frozenset(
    {"with", "among", "for", "who", "whom", "whose", "but", "whereas", "while", "although"}
)
# Words between the health words and "at baseline" ("depressive symptoms at baseline").
MEASURE_NOUNS = frozenset({"symptoms", "symptom", "scores", "score", "levels", "intensity"})
# Before a term in its clause: the population's own prepositions ("sick-listed with", "on sick
# leave for", "diagnosed with", "among") — the term then names whom the study is about.
POPULATION_BEFORE = frozenset({"with", "for", "among", "diagnosed", "having"})
# The cause of the sick leave that makes the population, two words before the term: "workers on
# sick leave due to depression", "sick-listed because of anxiety", "absent owing to back pain".
POPULATION_CAUSE = frozenset({("due", "to"), ("because", "of"), ("owing", "to")})
# "and the", "or a" after the health words opens another noun phrase with its own head, which a
# role after it belongs to: "depression and the stigma associated with it" (the stigma is
# associated), not a list of variables ("depression, fear-avoidance and pain intensity
# predicted", written without a determiner).
_JOIN = frozenset({"and", "or"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "these", "that", "those"})
ADJUSTMENTS = frozenset(
    {
        ("adjusted", "for"), ("adjusting", "for"), ("controlling", "for"),
        ("controlled", "for"), ("regardless", "of"), ("irrespective", "of"),
        ("independently", "of"), ("independent", "of"),
    }
)  # fmt: skip
# A subgroup of the population: "subgroup analyses for spells certified with F- and
# M-diagnoses", "stratified by diagnosis", "analysed separately for spells with depression":
# the disorder names a part of the population the study compared, not whom it studied (a study
# of one diagnosis needs no subgroups by diagnosis). The cue reaches SUBGROUP_REACH words
# forward in its sentence; people words between ("separately for workers with depression", "a
# subgroup of workers with low back pain … in employees with") end it, since they name a
# population of their own.
SUBGROUP_CUES = frozenset({"subgroup", "subgroups", "stratified", "separately"})
# What the cue reaches is the subgroup's description: a preposition, the population's noun and
# a qualifier naming the disorder ("analyses for spells certified with F- and M-diagnoses",
# "separately for workers with depression"); the sentence and a people word end it first.
# Measured (classify-limits.md): 8 words to no limit give the same figures on every set, 6 or
# fewer lose a row of set 5 (the first example). Not the sentence, as a list of outcomes is: a
# subgroup is named in a phrase, and a disorder in a clause after it ("stratified by age and
# sex, and the main analysis covered the spells certified for depression") names the population
# (tests/classify/test_reach_limits.py reads both sides).
SUBGROUP_REACH = 8
# A comparison of subgroups in a result: "shorter in spells with M-diagnoses than with
# F-diagnoses", "larger than in workers with depression": a term right before "than" or right
# after "than" (with a preposition) is one side of a comparison within the population.
_THAN_AFTER = frozenset({"with", "in", "among", "for"})
# The work outcomes of an association title ("… and return to work among …").
WORK_OUTCOMES = frozenset(
    {"return", "leave", "absence", "absenteeism", "employment", "pension", "participation"}
)
_CLAUSE_END = re.compile(r"[,.;:()\[\]]")
_SENTENCE_END = re.compile(r"[.;:]")


def names_disorder(words: list, first: int, last: int) -> bool:
    """Whether the words first..last (a term's match) name a health state or a disorder."""
    return any(
        HEALTH_STATE.match(w.word) or (DISORDER.match(w.word) and w.word not in INSTRUMENTS)
        for w in words[first : last + 1]
    )


def term_names_disorder(text: str) -> bool:
    """Whether a term's matched ``text`` (a piece of evidence's) names a health state or a
    disorder: the filters that move a term to another label's actor or recipient never move
    one."""
    words = tokens(text)
    return bool(words) and names_disorder(words, 0, len(words) - 1)


def _cut(text: str, words: list, k: int, ends: re.Pattern[str]) -> bool:
    """Whether a mark of ``ends`` stands between word k and word k + 1."""
    return bool(ends.search(text[words[k].end : words[k + 1].start]))


# The roles of a prognostic analysis, for a term of any kind in a scheme of what was tested:
# ROLE_PAIRS but those an evaluation reports its programme's result in ("the meeting was
# associated with", "an association with", "a higher risk of a long spell in the control
# group"); "predicted", "predictor", "risk factor", "determinant", "exposure", "covariate",
# "moderated" are a study's variables in a trial too (a moderator analysis)
PREDICTOR_PAIRS = ROLE_PAIRS - {
    ("associated", "with"), ("association", "with"), ("increased", "risk"), ("higher", "risk")
} | {("the", "exposure"), ("an", "exposure"), ("as", "exposure"), ("as", "exposures")}  # fmt: skip
# "exposure" alone is also a treatment ("graded exposure to work", exposure therapy): for a
# term of any kind it is a role only as a noun with its article ("was the exposure")
PREDICTOR_WORDS = ROLE_WORDS - {"exposure", "exposures"}


def _hyphen_joined(text: str, words: list, k: int) -> bool:
    """Whether word k is joined by a hyphen to word k - 1 (one word with it)."""
    if k < 1:
        return False
    gap = text[words[k - 1].end : words[k].start]
    return len(gap) == 1 and gap in HYPHENS


def _role_after(
    text: str,
    words: list,
    last: int,
    pairs: frozenset[tuple[str, str]] = ROLE_PAIRS,
    measured: bool = True,
    roles: frozenset[str] = ROLE_WORDS,
) -> bool:
    """Whether a variable's role follows the words ending at ``last`` (the module docstring);
    ``roles``, ``pairs``: the one- and two-word roles read; ``measured``: "was measured" is
    one too."""
    for k in range(last + 1, min(last + 1 + REACH, len(words))):
        if _cut(text, words, k - 1, _SENTENCE_END):
            return False
        low = low_at(words, k)
        role = low in roles or (low, low_at(words, k + 1)) in pairs
        if role and _hyphen_joined(text, words, k):
            # "age-predicted heart rate", "caspase-mediated apoptosis", "loxP-mediated": a role
            # word joined by a hyphen to the word before it is one word with it, an adjective
            # of the noun after it, and names no role of a term before the compound
            continue
        if role:
            # "the stigma associated with", "the costs predicted by": a role right after
            # "the <noun>" is that noun's (a participle after its noun), not the health words'
            # ("the strongest predictor" after the health words names their role: a noun)
            participle = low.endswith("ed")
            return not (participle and k - 1 > last and low_at(words, k - 2) in _DETERMINERS)
        if measured and low in _BE and low_at(words, k + 1) in MEASURED:
            return True
        if low in STOP_WORDS or (low in _DETERMINERS and low_at(words, k - 1) in _JOIN):
            return False
    return False


# The adjustments of an analysis proper, for a term of any kind: "independent of the insurer
# and the employer", "regardless of the employer" say whom a programme does not belong to or
# depend on (reviewkit.classify.negation), not a covariate, when the words are a party's
ANALYSIS_ADJUSTMENTS = frozenset(
    {("adjusted", "for"), ("adjusting", "for"), ("controlling", "for"), ("controlled", "for")}
)


def _adjusted_before(
    text: str, words: list, first: int, adjustments: frozenset[tuple[str, str]] = ADJUSTMENTS
) -> bool:
    for k in range(first - 1, max(first - 1 - ADJUST_REACH, 0), -1):
        if _cut(text, words, k, _SENTENCE_END):
            return False
        if (low_at(words, k - 1), low_at(words, k)) in adjustments:
            return True
        if low_at(words, k) in STOP_WORDS:
            return False
    return False


def _at_baseline(text: str, words: list, first: int, last: int) -> bool:
    """'depression at baseline', 'depressive symptoms at baseline', 'baseline anxiety'."""
    if low_at(words, first - 1) == "baseline" and not _cut(text, words, first - 1, _CLAUSE_END):
        return True
    k = last + 1
    if low_at(words, k) in MEASURE_NOUNS:
        k += 1
    if k + 1 >= len(words) or _cut(text, words, k - 1, _CLAUSE_END):
        return False
    return low_at(words, k) == "at" and low_at(words, k + 1) == "baseline"


def _population_before(text: str, words: list, first: int) -> bool:
    for k in range(first - 1, max(first - 1 - POPULATION_REACH, -1), -1):
        if _cut(text, words, k, _CLAUSE_END):
            return False
        if low_at(words, k) in POPULATION_BEFORE or (low_at(words, k - 1), low_at(words, k)) in (
            POPULATION_CAUSE
        ):
            return True
    return False


def _association_title(text: str, words: list, last: int) -> bool:
    """'<health words> [symptoms] and <work outcome> in|among … <people>'; the health words
    may be longer than the term ("comorbid depression", "depressive symptoms")."""
    k = last + 1
    while k < min(last + 3, len(words)) and (
        low_at(words, k) in MEASURE_NOUNS or names_disorder(words, k, k)
    ):
        k += 1
    if k >= len(words) or low_at(words, k) != "and" or _cut(text, words, k - 1, _CLAUSE_END):
        return False
    outcome = False
    for j in range(k + 1, min(k + 6, len(words))):
        if _cut(text, words, j - 1, _CLAUSE_END):
            return False
        low = low_at(words, j)
        if low in {"in", "among"}:
            return outcome and any(
                low_at(words, p) in PEOPLE for p in range(j + 1, min(j + 5, len(words)))
            )
        outcome = outcome or low in WORK_OUTCOMES
    return False


def _subgroup(text: str, words: list, first: int, last: int) -> bool:
    """The term names a subgroup: after a subgroup cue in its sentence (no people word between),
    or beside "than" in a comparison ("with M-diagnoses than with F-diagnoses")."""
    if low_at(words, last + 1) == "than" and not _cut(text, words, last, _CLAUSE_END):
        return True
    k = first - 1
    if low_at(words, k) in _THAN_AFTER:
        k -= 1
    if low_at(words, k) == "than" and not _cut(text, words, k, _CLAUSE_END):
        return True
    for k in range(first - 1, max(first - 1 - SUBGROUP_REACH, -1), -1):
        if _cut(text, words, k, _SENTENCE_END) or low_at(words, k) in PEOPLE:
            return False
        if low_at(words, k) in SUBGROUP_CUES:
            return True
    return False


def as_variable(text: str, words: list, first: int, last: int) -> bool:
    """Whether a term's match (words first..last of a text) names a health state or disorder as
    a variable measured in the study's population (see the module docstring): then it is not
    evidence of whom the study is about."""
    if not names_disorder(words, first, last) or names_population(text, words, first, last):
        return False
    if _at_baseline(text, words, first, last) or _subgroup(text, words, first, last):
        return True
    if _population_before(text, words, first):
        return False
    return (
        _role_after(text, words, last)
        or _adjusted_before(text, words, first)
        or _association_title(text, words, last)
    )


def names_predictor(text: str, words: list, first: int, last: int) -> bool:
    """Whether a term's match (words first..last), of any kind, names a factor the study
    measured as a predictor, exposure or covariate ("employer support predicted an earlier
    return", "adjusted for employer size"): no evidence for a scheme of what a study tested
    (the module docstring; the health words' own reading is :func:`as_variable`)."""
    # "was measured" is left to the scheme's own reading of what was measured
    # (reviewkit.classify.measured), which keeps "the effect of the employer's contact was
    # assessed": the intervention's effect
    return _role_after(
        text, words, last, PREDICTOR_PAIRS, measured=False, roles=PREDICTOR_WORDS
    ) or _adjusted_before(text, words, first, ANALYSIS_ADJUSTMENTS)


# The statistical sense of "adjustment": "after adjustment, the meeting was associated with ...",
# "adjustment for age and sex", "multivariable adjustment". A scheme whose labels name changes
# at work (Review B's workplace adjustments, a review's work-modification domain) lists the word
# in its other sense; in these phrases it is the analysis, in any scheme.
_STATISTICAL_BEFORE = frozenset(
    {"after", "statistical", "multivariable", "multivariate", "further", "covariate", "full"}
)
_ADJUSTED_FOR = frozenset(
    {"age", "sex", "gender", "confounders", "confounding", "confounder", "covariates",
     "baseline", "potential", "possible", "known", "differences", "socio-demographic"}
)  # fmt: skip


# An object after "of", "to" or "at" names what was adjusted: a thing at work ("after
# adjustment of work tasks", "further adjustments to the workstation") unless it is a covariate
# ("after adjustment of confounders", which some abstracts write for "for"). Not "in": "after
# adjustment in the multivariable model" is the analysis.
_OF_A_THING = frozenset({"of", "to", "at"})


def statistical_adjustment(text: str, words: list, first: int, last: int) -> bool:
    """Whether a one-word match is "adjustment" in its statistical sense: after "after",
    "statistical", "multivariable" …, or followed by "for" and a covariate ("adjustment for age",
    "for confounders")."""
    if first != last or not low_at(words, first).startswith("adjust"):
        return False
    if low_at(words, last + 1) in _OF_A_THING and low_at(words, last + 2) not in _ADJUSTED_FOR:
        return False  # "after adjustment of work tasks", "further adjustments to the workstation"
    if low_at(words, first - 1) in _STATISTICAL_BEFORE and not _cut(
        text, words, first - 1, _CLAUSE_END
    ):
        return True
    return low_at(words, last + 1) == "for" and low_at(words, last + 2) in _ADJUSTED_FOR
