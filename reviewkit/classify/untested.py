"""A study that tests no intervention, for a scheme that says so (``none_if_untested``).

A scheme such as Review B's model type sorts the *intervention*: the model a study evaluated.
A study that evaluated none (a survey of occupational physicians' decisions, a cross-sectional
analysis of fit notes, a register cohort of benefit recipients, interviews with sick-listed
employees about their workplace) still names the work side in passing: "the note seldom
reaches the employer", "few had contact with the employee's doctor". Such a study says what it
is by its design's words (a survey, a cohort, a register, interviews, predictors) and names no
programme as studied (no intervention, programme, model, evaluation, trial, pilot,
implementation). There a label needs more than one plain mention, a score above the threshold
(:func:`reviewkit.classify.rules.score_labels`), else the scheme's none label: a model a study
does evaluate is named again, in its title or its methods, and a study of one written in a
design's words ("a register study of reconciliation meetings with the employer", "employment
specialists' experiences of IPS", a process evaluation) keeps its reading.

Only a scheme whose protocol sets ``none_if_untested`` (with ``tested``) reads it: a model
type has no label without a tested intervention, while a setting (a cross-sectional study in
a dental service) or a provider of the study's care may. Measured on the thirteen Review
B-kind held-out sets and Review B's rows (315 rows, stop 48, benchmarks/results/classify.md):
2 'none' rows right (set 12's fit notes, set 13's survey of clinicians), no row of a model
moved; set 13 was written before it was read. The stronger reading, 'none' outright for such a
study, moved 9 right and 14 wrong: register studies and interviews about a programme. Read at
stop 48 (rd48g): a statistical model and a propensity score (benchmarks/results/classify.md,
"Reader rd48g"): 3 of 26,452 score lists moved, 2 right, 1 unclear. A meeting, team or plan arranged for the
sick-listed (:data:`ARRANGED`, cls48b): 14 of 778 held-out rows read as studies of a programme,
13 right (W07, a survey calling for joint meetings, not); 1 score list moved, right.
"""

from __future__ import annotations

import re

from reviewkit.classify.fields import Field

# The study's design, when it tests nothing: the words an observational study calls itself by,
# and the analysis of factors rather than of a treatment (a prognostic study, its predictors
# and risk factors, "associations between"), and the qualitative study of experiences. The
# MeSH headings of such designs hold the same words (Cross-Sectional Studies, Cohort Studies,
# Registries, Interviews as Topic, Qualitative Research). A register linkage study says so by
# the plural ("linked the Social Insurance Institution's registers", "a register linkage
# study"): one register is also a trial's source of its outcome, which its trial words keep.
OBSERVATIONAL = re.compile(
    r"\b(cross[- ]?sectional|surveys?|surveyed|questionnaire stud(?:y|ies)|cohorts?"
    r"|regist(?:er|ry|ries)[- ]based|regist(?:er|ry|ries) (?:stud(?:y|ies)|data|linkage)"
    r"|registers|registries"
    r"|interviews?|interviewed|qualitative|focus groups?|prognos(?:is|tic)|predictors?"
    r"|risk factors?|associations? (?:between|of)|experiences? of)\b",
    re.IGNORECASE,
)
# A programme named as the study's object: any of these keeps the usual reading, so the list
# errs on the side of a programme (a cohort in a trial, a register study of an intervention, a
# process evaluation, a pilot, a service introduced): "trial" also in "work trial", itself an
# intervention of the workplace. A propensity score matches or weights those who had
# something (a reconciliation meeting, part-time sick leave) against those who had not: the
# analysis of a treatment's effect, a register study of a programme that names it no other way
PROGRAMME = re.compile(
    r"\b(interventions?|programm?es?|programs?|models?|approach(?:es)?|evaluat\w*"
    r"|effects? of|effectiveness|efficacy|implement\w*|trials?|randomi[sz]\w*|pilot\w*"
    r"|feasibility|introduc\w*|offered|projects?|initiatives?|propensity)\b",
    re.IGNORECASE,
)
# A meeting, team or plan arranged for the sick-listed person is a programme too, one that
# register studies, cohorts and interviews study as often as trials do (Norway's dialogue
# meetings, Sweden's reconciliation meetings, a three-party return-to-work meeting, joint
# assessment teams, a return-to-work or rehabilitation plan): the word before it names its
# purpose or its parties. Not any meeting, team or plan: "a research team", "the annual
# meeting", "a study plan", "an analysis plan", "a treatment plan" name the study's own work
# or a clinic's routine; nor "team meetings", "workplace teams", "stakeholder meetings" (a
# workplace's or a policy's own).
ARRANGED = re.compile(
    r"\b(?:dialogue|reconciliation|convergence|return[- ]to[- ]work|rtw|return|three[- ]party"
    r"|tripartite|multi[- ]?party|joint|network|round[- ]?table|case|multidisciplinary"
    r"|interdisciplinary|multi[- ]?professional|rehabilitation|coordination|coordinating"
    r"|assessment) +(?:meetings?|conferences?|teams?|plans?|planning)\b"
    r"|\bplans? (?:for|of) (?:the |a |their |his |her )?(?:return|rehabilitation|re-?entry)\b",
    re.IGNORECASE,
)
# A statistical model is no programme ("Cox models", "linear mixed models", "the multivariable
# model", "structural equation models"): the word before "model" names an analysis. "The
# model" alone, or a model with its own name ("the Sherbrooke model"), stays a programme.
_STATISTICAL = re.compile(
    r"\b(?:regression|cox|hazards?|mixed|mixed-effects|linear|logistic|multivariable"
    r"|multivariate|univariable|univariate|probit|logit|poisson|equation|panel|multilevel"
    r"|random-effects|fixed-effects|additive|prediction|predictive|statistical|adjusted"
    r"|unadjusted|full|final|unstratified|stratified|weighted|exploratory) +models?$",
    re.IGNORECASE,
)


def _programme_named(text: str) -> bool:
    """Whether ``text`` names a programme as studied (:data:`PROGRAMME`, a statistical
    model aside, or a meeting, team or plan arranged for the sick-listed: :data:`ARRANGED`)."""
    return bool(ARRANGED.search(text)) or any(
        not _STATISTICAL.search(text[max(0, m.start() - 40) : m.end()])
        for m in PROGRAMME.finditer(text)
    )


def tests_no_intervention(fields: list[Field]) -> bool:
    """Whether the record's study tests no intervention: its text (title, abstract, keywords,
    headings) has a word of an observational design and names no programme as studied (a
    statistical model is none)."""
    text = " ".join(f.text for f in fields)
    return bool(OBSERVATIONAL.search(text)) and not _programme_named(text)
