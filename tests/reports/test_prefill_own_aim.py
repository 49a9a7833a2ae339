"""An aim written with the study as the subject of a verb of inquiry ("We investigated whether
...", "This study examines ..."), most often a background's last sentence: the ``own-aim``
prefill rule takes it, so an abstract naming no aim word gets that sentence as its Aim, not its
whole Background. Not the authors' earlier work, not what others studied, and not a methods'
or results' "we compared"."""

from __future__ import annotations

import pytest

from reviewkit.extract import prefill_value
from reviewkit.prefill_sentences import inquiry_sentence
from reviewkit.records import AbstractSection, Record

AIM = "We investigated whether a return-to-work coordinator shortens sick leave."


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        (f"Sick leave is long. {AIM} Twelve clinics took part.", AIM),
        ("Here we explore how employers see it.", "Here we explore how employers see it."),
        ("This study examines the costs.", "This study examines the costs."),
        ("The present study therefore assessed IPS.", "The present study therefore assessed IPS."),
        ("We hypothesised that IPS helps.", "We hypothesised that IPS helps."),
        # others' studies, the authors' earlier work, a sentence without the study as subject
        ("Studies have investigated IPS in Norway.", ""),
        ("We previously examined IPS in Norway.", ""),
        ("Little is known about IPS. It was investigated in Norway.", ""),
        # a verb's own forms only: "comparably" is no "compare"
        ("We conclude that comparably low doses matter.", ""),
        # the authors' earlier report of this study is this study's
        (
            "In a previous report of this trial we examined costs.",
            "In a previous report of this trial we examined costs.",
        ),
    ],
)
def test_the_sentence_saying_what_the_study_set_out_to_do(text, taken):
    assert inquiry_sentence(text) == taken


def _record(*sections: tuple[str, str]) -> Record:
    return Record(
        title="Coordination",
        abstract_sections=[AbstractSection(label, text) for label, text in sections],
    )


BACKGROUND = ("BACKGROUND", f"Sick leave is long in Norway. {AIM}")
METHODS = ("METHODS", "We compared 200 workers with 200 controls.")


@pytest.mark.parametrize("which", ["demo", "review_a"])
def test_the_aim_cell_is_the_backgrounds_inquiry_not_the_background(which, request):
    aim = next(f for f in request.getfixturevalue(which).extraction if f.id == "aim")
    assert prefill_value(_record(BACKGROUND, METHODS), aim) == AIM
    # a background without one is taken whole, as before; a methods' "we compared" is no aim
    background = ("BACKGROUND", "Sick leave is long in Norway.")
    assert prefill_value(_record(background, METHODS), aim) == background[1]
    # an unlabelled abstract states its aim so too
    assert prefill_value(_record(("", f"Sick leave is long. {AIM} We found it did.")), aim) == AIM
