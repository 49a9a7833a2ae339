"""The ``own-aim`` prefill against the clause an aim word stands in and the study it names: an
aim verb in a clause of concession ("Although we seek to clarify ..., the current study employed
...") hangs on the statement after it and is no aim, as a verb of inquiry there is not; an
indefinite study that is the study itself ("This is a retrospective study aimed at ...") states
the study's own aim, where another indefinite study's ("a trial that aims to ...") stays
another's."""

from __future__ import annotations

import pytest

from reviewkit.extract import prefill_value
from reviewkit.prefill_sentences import aim_sentence
from reviewkit.records import AbstractSection, Record

CONCESSIVE = (
    "Although we seek to clarify the attention processes, the current study employed a "
    "sub-clinical sample.",
    "Though we aimed to recruit 200 workers, only 80 took part.",
    "Even though this study sought to include men, most participants were women.",
    "Whereas we aimed at a full cohort, the registry held half of it.",
)
# a main clause after a conjunction, a concession or a reason keeps its aim
MAIN_CLAUSE = (
    "Data are scarce, so we aimed to compare the two programmes.",
    "Although data are scarce, we aimed to compare the two programmes.",
    "Because little is known, we sought to describe the programmes.",
)


@pytest.mark.parametrize("clause", CONCESSIVE)
def test_an_aim_verb_in_a_concessive_clause_is_no_aim_where_a_main_clauses_is(clause):
    assert aim_sentence(f"Sick leave is long. {clause}") == ""
    for aim in MAIN_CLAUSE:
        assert aim_sentence(f"Sick leave is long. {clause} {aim}") == aim


# another indefinite study's aim stays another's
OTHERS = (
    "A Danish study aimed to help unemployed people into work.",
    "This paper reports a pilot study conducted for a randomised trial that aims to test link "
    "workers.",
    "The drug was tested in a trial aimed at older workers.",
    # the study's words a place before another subject, not the subject
    "In this region, there was a project aimed at shorter sick leave.",
    "In our city there is a trial that aims to test link workers.",
)


@pytest.mark.parametrize(
    "aim",
    [
        "This is a blind retrospective study aimed at quantifying the incidence of relapse.",
        "This is an in silico study aimed to evaluate the biomechanical influence of implants.",
        "This was a pilot study aimed to test a return-to-work programme.",
    ],
)
def test_an_indefinite_study_that_is_the_study_states_its_aim_not_anothers(aim):
    for others in OTHERS:
        assert aim_sentence(f"Sick leave is long. {others} {aim}") == aim


@pytest.mark.parametrize("which", ["demo", "review_a"])
def test_the_aim_cell_skips_a_concessive_clause_for_the_backgrounds_aim(which, request):
    aim_field = next(f for f in request.getfixturevalue(which).extraction if f.id == "aim")
    aim = "In the current study, we tested whether attention is prioritized to avoidance cues."
    limits = "Although we seek to clarify depression, the current study employed a small sample."
    record = Record(
        title="Attention in dysphoria",
        abstract_sections=[
            AbstractSection("BACKGROUND AND OBJECTIVES", f"Attention is guided by goals. {aim}"),
            AbstractSection("LIMITATIONS", limits),
        ],
    )
    assert prefill_value(record, aim_field) == aim
