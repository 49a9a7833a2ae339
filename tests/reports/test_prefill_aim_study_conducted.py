"""The ``own-aim`` prefill of two shapes of a stated aim with no aim word and no verb of inquiry
for the study: the study named with the definite article and conducted for a purpose ("The
study was conducted to evaluate ..."), and the purpose alone, a sentence that is only an
infinitive (a structured abstract's Objective whose heading was lost: "To evaluate X."). Each
read where a method done for a purpose, a named or counted study, a trial's sample size, an
infinitive before a main clause or as a subject is not."""

from __future__ import annotations

import pytest

from reviewkit.extract import prefill_value
from reviewkit.records import AbstractSection, Record

BACKGROUND = "Polymorphisms of GSTM1 are common."
RESULTS = "Forty women took part."


@pytest.fixture(params=["demo", "review_a"])
def aim_field(request):
    return next(f for f in request.getfixturevalue(request.param).extraction if f.id == "aim")


def _aim_cell(field, *parts: tuple[str, str]) -> str:
    sections = [AbstractSection(label, text) for label, text in parts]
    return prefill_value(Record(title="GSTM1", abstract_sections=sections), field)


@pytest.mark.parametrize(
    "aim",
    [
        "The study was conducted to evaluate the frequency of GSTM1 polymorphisms in women.",
        "The present studies were undertaken in order to show the effect of calcium.",
        "The cross-sectional study was performed to assess sick leave among nurses.",
        "Therefore, the work was carried out to estimate the burden of resistance.",
    ],
)
def test_the_study_conducted_for_a_purpose_states_its_aim(aim_field, aim):
    # before it, the same shape that is a method, a named or a counted study, or a sample size
    others = (
        "The regression analysis was performed to explore the factors. "
        "The ACCORD trial was designed to test intensive control. "
        "The second experiment was designed to refine the results. "
        "The trial was designed to detect a 10% difference in sick leave. "
        "The study was conducted from March to July 2015 at two hospitals."
    )
    assert _aim_cell(aim_field, ("", f"{BACKGROUND} {others} {aim} {RESULTS}")) == aim
    labelled = ("BACKGROUND", f"{BACKGROUND} {aim}"), ("RESULTS", RESULTS)
    assert _aim_cell(aim_field, *labelled) == aim


@pytest.mark.parametrize(
    "aim",
    [
        "To evaluate the accuracy of biomarkers for the early diagnosis of biliary atresia (BA).",
        "To determine whether return to work is associated with the dose of the intervention.",
        "To investigate the influence of caffeine on behaviour, memory, and anxiety in rats.",
        "To explore how nurses cope with night shifts and what they need.",
    ],
)
def test_the_purpose_alone_states_the_aim(aim_field, aim):
    # before it, an infinitive before a main clause, with its own subject, or as a subject
    others = (
        "To track the dye in vivo, technetium was incorporated into the system. "
        "To test their impression they compared the histories of 20 children. "
        "To extract information from it can become challenging. "
        "To find a modality that can be applied to many cancers is an urgent need. "
        "To achieve this goal requires a careful consideration of factors. "
        "To date, no trial has tested it."
    )
    assert _aim_cell(aim_field, ("", f"{BACKGROUND} {others} {aim} {RESULTS}")) == aim
    # a structured abstract's one-sentence background that is its Objective
    labelled = ("BACKGROUND", aim), ("METHODS", RESULTS)
    assert _aim_cell(aim_field, *labelled) == aim
