"""The eighth review's schemes (protocols/rtw-work-outcomes.toml) on kinds of sentence its
first held-out set lacked, found by a second held-out set written by a reviewer of the scheme
(tests/reports/fixtures/heldout_outcomes_abstracts_2.csv): each case a kind, not a row."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import suggested as labels

from reviewkit.cli import main as cli_main

PROTOCOL = Path(__file__).resolve().parents[2] / "protocols" / "rtw-work-outcomes.toml"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the Norwegian, Swedish and Danish verb "registrere" (recorded) names no register
        ("Återgång i arbete registrerades i enkät efter 6 månader.", ["self-report"]),
        ("Sykefravær ble registrert i spørreskjema etter 6 måneder.", ["self-report"]),
        ("Sygefravær blev registreret med spørgeskema efter 6 måneder.", ["self-report"]),
        ("Het verzuim werd gemeten met een vragenlijst na 6 maanden.", ["self-report"]),
        # the registers themselves still are
        ("Sykefravær ble hentet fra registrene.", ["register"]),
        ("Sykefravær ble hentet fra offentlige registre.", ["register"]),
    ],
)
def test_a_nordic_record_verb_is_no_register(work_outcomes, text, source):
    assert labels(work_outcomes, "source", text) == source


@pytest.mark.parametrize(
    ("text", "followup"),
    [
        # a follow-up's length as the predicate of the follow-up named
        ("The follow-up was 12 months.", ["6-to-12"]),
        ("Follow-up lasted two years for all workers.", ["over-12"]),
        ("De follow-upperiode was 12 maanden.", ["6-to-12"]),
        ("Oppfølgingen varte i 18 måneder.", ["over-12"]),
    ],
)
def test_a_follow_ups_length_as_its_predicate(work_outcomes, text, followup):
    assert labels(work_outcomes, "followup", text) == followup


@pytest.mark.parametrize(
    "text",
    [
        # a result's value or another period's length, no follow-up named before its verb
        "Sick leave was 12 months in the control group.",
        "The programme lasted 12 months and ended with a follow-up visit.",
    ],
)
def test_a_length_not_of_the_follow_up_decides_nothing(work_outcomes, text):
    assert labels(work_outcomes, "followup", text) == ["not-stated"]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # the object of a verb of effect, in an aim that names no measurement
        (
            "The aim was to find out whether graded return reduces sickness absence.",
            ["sickness-absence"],
        ),
        ("We asked whether coaching shortened the duration of sick leave.", ["time-to-rtw"]),
        ("Doel: nagaan of het programma de verzuimduur bekort.", ["time-to-rtw"]),
        # an outcome analysed
        ("Time to full return to work was also analysed.", ["time-to-rtw"]),
        # no verb of effect before the term: the intervention's aim or name, the population
        ("Coaching to support return to work for nurses with back pain.", ["not-stated"]),
        ("Nurses who had reduced hours after sick leave were randomised.", ["not-stated"]),
    ],
)
def test_an_effect_asked_for_names_the_outcome(work_outcomes, text, outcome):
    assert labels(work_outcomes, "outcome", text) == outcome


def test_a_term_that_is_the_effect_verbs_subject_names_no_outcome(work_outcomes):
    # the return to work is when the coaching takes place; what it prevents is the outcome
    text = "To test whether coaching after return to work prevents recurrent spells of sick leave."
    assert labels(work_outcomes, "outcome", text) == ["sickness-absence"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a register named by its keeper: a statistics office, an insurer
        ("Sickness absence was obtained from Statistics Norway's registers.", ["register"]),
        ("Income and benefits were retrieved from Statistics Sweden.", ["register"]),
        ("Days on sickness benefit were retrieved from FORA.", ["register"]),
        ("Sick leave was taken from the insurance company's records.", ["register"]),
        # an ordinary word of the same letters is no keeper
        ("Sick leave was discussed in public fora and measured by questionnaire.", ["self-report"]),
    ],
)
def test_a_register_named_by_its_keeper(work_outcomes, text, source):
    assert labels(work_outcomes, "source", text) == source


@pytest.mark.parametrize(
    "text",
    [
        # a return to work that ends the length counted is the time's end, no status
        "The outcome was the duration of sick leave until full return to work.",
        "De uitkomstmaat was de verzuimduur tot volledige werkhervatting.",
    ],
)
def test_a_return_that_ends_a_time_is_the_times_end(work_outcomes, text):
    assert labels(work_outcomes, "outcome", text) == ["time-to-rtw"]


@pytest.mark.parametrize(
    ("text", "followup"),
    [
        # "over" beside what lasts, in a sentence that measures nothing: the population's bound
        ("Workers on sick leave over 3 months were randomised.", ["not-stated"]),
        ("Arbetstagare sjukskrivna i över 3 månader randomiserades.", ["not-stated"]),
        # "over" in a sentence that names a measurement: the outcome's period
        ("Days of sick leave over 18 months were recorded.", ["over-12"]),
        ("Sick leave over 12 months was taken from the register.", ["6-to-12"]),
    ],
)
def test_over_is_a_follow_up_only_where_a_measurement_is_named(work_outcomes, text, followup):
    assert labels(work_outcomes, "followup", text) == followup


def test_a_measures_value_that_is_no_boolean_is_refused(capsys, tmp_path):
    text = PROTOCOL.read_text(encoding="utf-8").replace(
        "\nmeasures = true", '\nmeasures = "yes"', 1
    )
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    assert cli_main(["protocol", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "measures: must be true or false" in err and "hint" in err
