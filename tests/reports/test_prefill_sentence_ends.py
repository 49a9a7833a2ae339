"""Where the extraction prefill's sentences end: not at an abbreviation's stop before a name or a
number ("St. Olav's Hospital", "Dr. Smith", "cv. Chachiensis", "ca. 50"), and a list's number
standing alone ("1. The effects of ...") is no sentence of its own."""

from __future__ import annotations

import pytest

from reviewkit.extract import prefill_value
from reviewkit.prefill_sentences import split_sentences
from reviewkit.records import AbstractSection, Record


@pytest.fixture(params=["demo", "review_a"])
def aim_field(request):
    return next(f for f in request.getfixturevalue(request.param).extraction if f.id == "aim")


def _aim_cell(field, text: str) -> str:
    record = Record(title="Rehabilitation", abstract_sections=[AbstractSection("", text)])
    return prefill_value(record, field)


@pytest.mark.parametrize(
    "sentence",
    [
        "Patients were referred to St. Olav's Hospital in Trondheim.",
        "Dr. Smith and Prof. Jones saw them at Mt. Sinai.",
        "The oils of C. reticulata cv. Chachiensis were analysed.",
        "Workers in some countries, e.g. Norway, i.e. in Scandinavia, were included.",
        "About ca. 50 sites (cf. Table 2) took part, approx. 20 in Fig. 3 vs. Placebo.",
        # a number's label before its number
        "The dye FD&C Yellow No. 5 and chromosomes Nos. 2 and 6 were studied.",
        "In Exp. 2 and Expt. 3, the cows were fed at noon.",
    ],
)
def test_an_abbreviation_before_a_name_or_number_ends_no_sentence(sentence):
    assert split_sentences(f"Sick leave is long. {sentence} It ended.") == [
        "Sick leave is long.",
        sentence,
        "It ended.",
    ]


def test_the_aim_naming_a_saint_s_hospital_is_read_whole(aim_field):
    aim = (
        "This presentation outlines the procedure used for patients referred to St. Olav's "
        "Hospital."
    )
    assert _aim_cell(aim_field, f"Stroke is common. {aim} It is safe.") == aim


def test_a_list_s_number_is_no_sentence(aim_field):
    aim = "The effects of adrenaline on the Na+ influx were studied in ten rats."
    text = f"1. {aim} 2. The influx rose by 60%. 3. Calcium did not change it."
    assert split_sentences(text) == [
        aim,
        "The influx rose by 60%.",
        "Calcium did not change it.",
    ]
    assert _aim_cell(aim_field, text) == aim
    # a number ending a sentence stays on it
    assert split_sentences("The ratio was 1. The next was 2.") == [
        "The ratio was 1.",
        "The next was 2.",
    ]


def test_a_number_after_its_label_ending_a_sentence_is_kept():
    # "No." then "6." is no list's number standing alone
    assert split_sentences("Bands moved to chromosome No. 6. The rest stayed.") == [
        "Bands moved to chromosome No. 6.",
        "The rest stayed.",
    ]
