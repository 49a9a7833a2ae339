"""The ``own-aim`` prefill's aim said as a purpose before the study doing it ("To define the
relationship between infarct size and performance, we performed hemodynamic studies ..."):
the opening infinitive is what the study set out to do, whatever the verb after it; not "To
date", "To do so", "To summarize", "To this end", nor the authors' need or state after it."""

from __future__ import annotations

import pytest

from reviewkit.extract import prefill_value
from reviewkit.prefill_sentences import inquiry_sentence
from reviewkit.records import AbstractSection, Record

AIM = "To determine whether chloride depletion stimulates renin, we depleted rats of chloride."


@pytest.mark.parametrize(
    "aim",
    [
        AIM,
        # a word of inquiry read as a noun after it: the purpose before says the aim
        "To define the relationship between infarct size and performance, we performed "
        "hemodynamic studies in rats.",
        "To explore the role of methylation in the pulp, the present study used cultured cells.",
    ],
)
def test_a_purpose_said_first_is_the_aim(aim):
    assert inquiry_sentence(f"Sick leave is long. {aim} Renin rose.") == aim


# each before the aim: not taken for it
@pytest.mark.parametrize(
    "other",
    [
        "To date, we have treated 40 patients with the drug.",
        "To do so, we recruited 200 workers.",
        "To summarize, we report what is known of renin.",
        "To this end, we recruited 200 workers.",
        "To reduce inequities in surgery, we must advocate for our colleagues.",
        "To perceive spoken language as intended, we rely on prior knowledge.",
        "To check the assay, we also measured the sodium.",
        "To our surprise, we found no renin.",
    ],
)
def test_an_opening_to_that_is_no_purpose_of_the_study(other):
    assert inquiry_sentence(f"{other} {AIM}") == AIM


@pytest.mark.parametrize("which", ["demo", "review_a"])
def test_the_aim_cell_of_an_unlabelled_abstract(which, request):
    aim_field = next(f for f in request.getfixturevalue(which).extraction if f.id == "aim")
    record = Record(
        title="Renin", abstract_sections=[AbstractSection("", f"Renin is a hormone. {AIM}")]
    )
    assert prefill_value(record, aim_field) == AIM
