"""A fifth review's own schemes through the CLI: Finnes et al. 2019's psychological and
workplace interventions for common mental disorders, with Mikkelsen and Rosholm's work focus
and workplace contact (protocols/rtw-cmd-psychological.toml, written from their definitions
alone), on 24 abstracts labelled by those definitions before the classifier read them. First
reading (commit 6632c7b): intervention 19/24, work-focus 16/24 (benchmarks/results/classify.md
says what changed since)."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import correct_through_cli
from classify.helpers import suggested as labels

from reviewkit import classify
from reviewkit.classify.negation import negated_after
from reviewkit.classify.words import tokens
from reviewkit.records import AbstractSection, Record

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-cmd-psychological.toml"
FIXTURE = ROOT / "tests" / "reports" / "fixtures" / "heldout_cmd_abstracts.csv"


@pytest.mark.parametrize(
    ("scheme", "gold", "correct"),
    [("intervention", "intervention_kind", 24), ("work-focus", "work_focus", 23)],
)
def test_the_cmd_reviews_schemes_through_the_cli(capsys, scheme, gold, correct):
    assert correct_through_cli(capsys, PROTOCOL, FIXTURE, scheme, gold, 24) >= correct


@pytest.mark.parametrize(
    "text",
    [
        "Psychologists gave CBT. A workplace visit was left to the employee.",
        "Psychologists gave CBT, and any dialogue meeting was left to the patient and the GP.",
        "Psychologists gave CBT; workplace adjustments were left to the occupational physician.",
    ],
)
def test_a_part_left_to_someone_else_is_not_the_interventions(cmd, text):
    assert labels(cmd, "intervention", text) == ["psychological"]


def test_a_part_the_intervention_does_still_counts(cmd):
    # no delegation: a nurse met the supervisor, and "left to" without "was" is no cue
    text = (
        "Psychologists gave CBT. A nurse met the employee and the supervisor at the "
        "workplace; the supervisor left to attend another meeting."
    )
    assert labels(cmd, "intervention", text) == ["combined"]


def test_the_comparator_named_by_that_word_is_no_evidence(cmd):
    text = (
        "Psychologists gave CBT in 12 sessions. The comparator was the occupational health "
        "service's workplace visit, in which a nurse met the supervisor."
    )
    assert labels(cmd, "intervention", text) == ["psychological"]


def test_a_comparator_named_again_in_the_background_and_results_is_still_the_comparator(cmd):
    # the Background says what others do, the Results report both arms: neither describes
    # what this study tested
    rec = Record(
        title="CBT for employees with burnout",
        abstract_sections=[
            AbstractSection(
                "BACKGROUND", "Burnout is treated with CBT, or at work with a supervisor's support."
            ),
            AbstractSection(
                "METHODS", "Employees were randomised to CBT or to a workplace visit by a nurse."
            ),
            AbstractSection("RESULTS", "76% returned after CBT and 71% after workplace visits."),
        ],
    )
    assert [s.label for s in classify.suggest(rec, cmd.scheme("intervention"))] == ["psychological"]


@pytest.mark.parametrize(
    "text",
    [
        "The occupational physician did a problem-solving consultation with the employee and "
        "phoned the supervisor and visited the workplace.",
        "The nurse gave CBT sessions and met the employee and the supervisor at the workplace.",
    ],
)
def test_a_method_is_no_actor_of_a_contact(cmd, text):
    # the physician's (the nurse's) contact, not problem-solving's (CBT's): the workplace takes part
    assert labels(cmd, "intervention", text) == ["combined"]


def test_a_person_of_another_label_is_still_the_actor(cmd):
    text = "Psychologists gave CBT; the psychologist met the supervisor."
    assert labels(cmd, "intervention", text) == ["psychological"]


def _negated_after(text: str, term: str) -> bool:
    words = tokens(text)
    last = next(k for k, w in enumerate(words) if w.word == term)
    return negated_after(text, words, last)


@pytest.mark.parametrize(
    "text",
    [
        "The workplace visit was left to the employee.",
        "Contact with the supervisor was left to each patient.",
        "The workplace visit was left to patients and their GPs.",
        "The workplace visit was left to occupational physicians.",
    ],
)
def test_a_task_left_to_someone_is_delegated(text):
    assert _negated_after(text, "visit" if "visit" in text else "supervisor")


@pytest.mark.parametrize(
    "text",
    [
        # "left to" and a verb: the subject is the one given the task, as "the employee" is
        # in "the visit was left to the employee", and takes part
        "The employer was left to arrange a workplace visit.",
        "The supervisor was left to decide on adjustments with the employee.",
        "The employer was left to be contacted by the employee.",
    ],
)
def test_a_party_left_to_do_something_takes_part(text):
    assert not _negated_after(text, "employer" if "employer" in text else "supervisor")
