"""A ninth review's own schemes through the CLI and on sentences: what kind of study and report
a record is, and whom the study included, after Daniels, Fitzhugh and Nooraya 2025
(protocols/rtw-study-designs.toml): the design and the kind of report (single-label, read
where the record speaks of its own study, ``study_kind = true``) and the employment status at
inclusion (multi-label), on 24 abstracts labelled from their text before the classifier read
them. First reading (commit 4edd8565): design 24/24, report 22/24, employment 21/24."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import correct_through_cli, refused_edit
from classify.helpers import suggested as labels

from reviewkit import classify
from reviewkit.abstract_sections import plain_abstract
from reviewkit.cli import main as cli_main
from reviewkit.protocol import Protocol
from reviewkit.records import AbstractSection, Record

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-study-designs.toml"
FIXTURE = ROOT / "tests" / "reports" / "fixtures" / "heldout_designs_abstracts.csv"
SECOND = ROOT / "tests" / "reports" / "fixtures" / "heldout_designs_abstracts_2.csv"
THIRD = ROOT / "tests" / "reports" / "fixtures" / "heldout_designs_abstracts_3.csv"


# the floors are what the rules get now, so a row lost fails here; the second set's first
# reading (unseen, at 012732d2) was 9/12, 10/12, 7/12, the third's (unseen, at ad86d471)
# 10/12, 11/12, 9/12
@pytest.mark.parametrize(
    ("fixture", "rows", "scheme", "gold", "correct"),
    [
        (FIXTURE, 24, "design", "study_design", 24),
        (FIXTURE, 24, "report", "report", 24),
        (FIXTURE, 24, "employment", "employment", 24),
        (SECOND, 12, "design", "study_design", 12),
        (SECOND, 12, "report", "report", 12),
        (SECOND, 12, "employment", "employment", 12),
        (THIRD, 12, "design", "study_design", 12),
        (THIRD, 12, "report", "report", 12),
        (THIRD, 12, "employment", "employment", 12),
    ],
)
def test_the_design_reviews_schemes_through_the_cli(capsys, fixture, rows, scheme, gold, correct):
    assert correct_through_cli(capsys, PROTOCOL, fixture, scheme, gold, rows) >= correct


def sections(protocol: Protocol, scheme: str, *parts: tuple[str, str], title: str = "") -> list:
    """The labels ``scheme`` suggests for a record of these (heading, text) sections."""
    rec = Record(
        title=title or "A study",
        abstract_sections=[AbstractSection(head, text) for head, text in parts],
    )
    return [s.label for s in classify.suggest(rec, protocol.scheme(scheme))]


@pytest.mark.parametrize(
    "text",
    [
        # other studies, in the plural or qualified as others'
        "Previous randomised controlled trials have shown that supported employment works.",
        "Randomised trials of supported employment in the United States show good results.",
        "Evidence from randomised trials suggests that the programme helps.",
        "Tidligere randomiserte studier viste effekt av jobbstøtte.",
        # research to come
        "A randomised trial is needed to test whether the programme improves re-employment.",
        "These findings should be tested in randomised controlled trials.",
        "Future randomised trials should include workers on sick leave.",
        "Verder gerandomiseerd onderzoek is nodig.",
    ],
)
def test_a_design_of_others_or_to_come_is_not_the_records(study_designs, text):
    # an unlabelled abstract weighs each sentence as the methods: before study_kind each of
    # these was a randomised controlled trial
    rec = Record(
        title="Employment of people with mental illness", abstract_sections=plain_abstract(text)
    )
    assert [s.label for s in classify.suggest(rec, study_designs.scheme("design"))] == ["other"]


@pytest.mark.parametrize(
    "text",
    [
        # the record's own study, also where its sentence says what it showed
        "This randomised trial showed that supported employment works.",
        "In this randomised controlled trial, 300 workers were randomly assigned.",
        "We randomised 300 workers to supported employment or usual services.",
    ],
)
def test_the_records_own_design_counts(study_designs, text):
    assert labels(study_designs, "design", text) == ["rct"]


@pytest.mark.parametrize(
    "text",
    [
        # one earlier study, another's or the authors' own
        "A previous randomised trial found that supported employment works.",
        "Our earlier randomised trial showed that supported employment works.",
        "En tidligere randomisert studie viste effekt av jobbstøtte.",
        # a review's included studies: a review is not its own trial
        "Randomised controlled trials were included in the review.",
        "We included 14 randomised controlled trials with 3,210 participants.",
        "Two randomised trials met the inclusion criteria.",
        "Tolv randomiserte studier ble inkludert.",
    ],
)
def test_an_earlier_study_or_a_reviews_trials_are_not_the_records(study_designs, text):
    assert labels(study_designs, "design", text) == ["other"]


@pytest.mark.parametrize(
    "text",
    [
        # the same study's earlier report, and the study itself, stay its own
        "In a previous report of this randomised trial, we showed that coaching helped.",
        "The present randomised trial compared coaching with usual care.",
        "Participants in this study will be randomised to coaching or usual care.",
        # a time before the study, not an earlier study
        "Workers sick-listed in the month prior to the trial were randomised to coaching.",
        "Workers sick-listed earlier than the study began were randomised to coaching.",
    ],
)
def test_this_studys_earlier_report_or_plan_is_its_own(study_designs, text):
    assert labels(study_designs, "design", text) == ["rct"]


def test_a_cohort_that_calls_for_a_trial_is_a_cohort(study_designs):
    # the conclusion's call for a trial outweighed nothing before only by the title's cohort
    text = (
        "We followed 1,402 unemployed adults for two years. Poor health predicted lower "
        "re-employment. A randomised trial is needed to test health interventions."
    )
    rec = Record(
        title="Health and re-employment: a follow-up of unemployed adults",
        abstract_sections=plain_abstract(text),
    )
    scores = {s.label: s.score for s in classify.score_labels(rec, study_designs.scheme("design"))}
    assert scores["rct"] == 0


def test_a_backgrounds_aim_sentence_weighs_as_the_methods(study_designs):
    # a process evaluation's aim, written as the background's last sentence
    background = (
        "A dialogue meeting did not shorten sick leave. To understand why, we explored how "
        "participants experienced the intervention."
    )
    got = sections(study_designs, "report", ("BACKGROUND", background), ("METHODS", "Interviews."))
    assert got == ["process"]
    # the same words said of others stay the background's, at half weight
    others = "Earlier reports described how participants experienced the intervention."
    got = sections(study_designs, "report", ("BACKGROUND", others), ("METHODS", "Interviews."))
    assert got == ["main"]


@pytest.mark.parametrize(
    ("background", "status"),
    [
        # another study's aim, and the authors' earlier work, stay the background's (half)
        ("The SEED trial aimed to help unemployed people into work.", ["not-stated"]),
        ("A Danish study aimed to help unemployed people into work.", ["not-stated"]),
        ("We previously showed that coaching helped unemployed people into work.", ["not-stated"]),
        ("In our earlier trial, coaching helped unemployed people into work.", ["not-stated"]),
        # "our" owning a place, not the study: another's trial told in the background
        (
            "In our city there was a trial that aimed to help unemployed people into work.",
            ["not-stated"],
        ),
        ("At our hospital, a study aimed to help unemployed people into work.", ["not-stated"]),
        # the study's own aim, and its own earlier report, weigh as the methods
        ("The aim was to help unemployed people into work.", ["unemployed"]),
        # an indefinite study that is the study itself ("This is a ... study aimed ...")
        ("This is a pilot study aimed to help unemployed people into work.", ["unemployed"]),
        # "our" after a preposition owning the study itself, not a place
        ("In our trial, we aimed to help unemployed people into work.", ["unemployed"]),
        (
            "In our project, a randomised trial aimed to help unemployed people into work.",
            ["unemployed"],
        ),
        (
            "In a previous report of this trial, we helped unemployed people into work.",
            ["unemployed"],
        ),
    ],
)
def test_only_the_studys_own_aim_weighs_as_the_methods(study_designs, background, status):
    parts = (("BACKGROUND", background), ("METHODS", "Interviews were held."))
    assert sections(study_designs, "employment", *parts) == status


def test_a_report_of_its_own_earlier_results_is_a_follow_up(study_designs):
    text = (
        "The 12-month results of this trial have been previously reported. Sickness absence "
        "over five years was taken from registers."
    )
    assert labels(study_designs, "report", text) == ["follow-up"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # the status as a relative clause of those included
        ("Employees who were at work but reported stress were randomised.", ["at-work"]),
        # "in work" is as much the outcome: weak alone
        ("Hovedutfall var andel i arbeid etter 12 måneder.", ["not-stated"]),
        ("Sykmeldte ble randomisert. Andel i arbeid etter 12 måneder var 54 %.", ["sick-leave"]),
    ],
)
def test_employment_status_at_inclusion(study_designs, text, status):
    assert labels(study_designs, "employment", text) == status


def test_protocol_check_refuses_a_scheme_read_two_ways(tmp_path, capsys):
    edit = ("study_kind = true  # what kind of study", "measures = true\nstudy_kind = true  # what")
    err = refused_edit(tmp_path, capsys, PROTOCOL, *edit)
    assert "schemes.design.study_kind" in err and "hint:" in err and "Traceback" not in err


def test_a_gold_column_named_like_a_section_is_no_text(tmp_path, capsys):
    # 'design' is also a section column: its labels were read as a DESIGN section, so the
    # answer was its own evidence ('qualitative' scored the qualitative label)
    sheet = tmp_path / "sorted.csv"
    sheet.write_text(
        "title,abstract,design\nA study,Workers were followed for a year.,qualitative\n",
        encoding="utf-8",
    )
    args = ["classify", "--evaluate", str(sheet), "--protocol", str(PROTOCOL)]
    assert cli_main([*args, "--scheme", "design"]) == 0
    out = capsys.readouterr().out
    assert "1 row, accuracy 0.000" in out and "gold qualitative; rules other" in out


def test_a_backgrounds_own_sentence_names_the_population(study_designs):
    # a protocol's background says whom its own trial includes: weighed as the methods in any
    # scheme, where a background's sentence about others keeps its half
    own = "We are running a randomised trial for people on sick leave with depression."
    others = "Earlier trials included people on sick leave with depression."
    methods = ("METHODS", "Interviews will be held.")
    assert sections(study_designs, "employment", ("BACKGROUND", own), methods) == ["sick-leave"]
    assert sections(study_designs, "employment", ("BACKGROUND", others), methods) == ["not-stated"]


def test_the_people_both_arms_are_given_to_are_the_population(study_designs):
    # the last arm of an allocation is the comparator, but the people it is given to ("to
    # workers who ...") are both arms' population
    text = (
        "Physicians were randomised in clusters to give stepped care or care as usual to "
        "workers who were absent from work due to distress."
    )
    assert labels(study_designs, "employment", text) == ["sick-leave"]
    # the comparator itself still ends where no people follow
    assert labels(study_designs, "employment", "Randomised to usual care or to IPS.") == [
        "not-stated"
    ]


def test_a_design_in_an_exclusion_criterion_is_not_the_records(study_designs):
    text = (
        "We followed 800 sick-listed workers for two years. Workers taking part in a "
        "randomised trial were excluded."
    )
    rec = Record(title="Return to work in a cohort", abstract_sections=plain_abstract(text))
    scores = {s.label: s.score for s in classify.score_labels(rec, study_designs.scheme("design"))}
    assert scores["rct"] == 0 and scores["cohort-register"] > 0


def test_a_natural_experiment_is_a_controlled_before_after_study(study_designs):
    # the registers its data come from weighed more before: a cohort or register study
    text = (
        "Six counties introduced dialogue meetings in 2014, the others in 2016. We used this as "
        "a natural experiment: sick-listed employees were identified in national registers and "
        "the change in their sick leave was compared with the other counties' "
        "(difference-in-differences)."
    )
    assert labels(study_designs, "design", text) == ["non-randomised"]


@pytest.mark.parametrize(
    "text",
    [
        # the status with its length or extent
        "Employees on long-term sick leave with burnout were interviewed.",
        "Workers on partial sick leave for shoulder pain were included.",
        # employed when an injury or a stroke took them off work
        "Adults admitted with a brain injury who were employed at the time of injury took part.",
        "We included 280 people who were employed before the injury.",
        "Patients employed at stroke onset were followed for two years.",
    ],
)
def test_on_sick_leave_by_its_length_or_an_injury_at_work(study_designs, text):
    assert labels(study_designs, "employment", text) == ["sick-leave"]


def test_the_demos_work_injuries_are_occupational_health(demo):
    # the demo's record 241 (and its duplicate 398): its aim sentence weighs as the methods
    # since task 36, and its one term 'work-related' made it working conditions, the first of
    # a tie with one keyword's 'worker'; an injury at work is occupational health's
    rec = Record(
        title="Parents' work injuries and children's mental health",
        abstract_sections=[
            AbstractSection(
                "INTRODUCTION",
                "The purpose of this study is to explore the relationship between parents' "
                "work-related injuries and their children's mental health.",
            )
        ],
    )
    assert [s.label for s in classify.suggest(rec, demo.scheme("work"))] == ["occupational-health"]


def test_a_later_reports_parent_trial_named_in_its_title_is_its_own(study_designs):
    # a post hoc analysis describes its parent trial, by the name its title gives it, only in
    # the background: that sentence is the record's own study, weighed as the methods
    background = ("BACKGROUND", "In the SEED randomised trial, IPS helped unemployed people.")
    methods = ("METHODS", "Interaction terms were added to the models.")
    title = "Which participants benefited? Post hoc analyses of the SEED trial"
    assert sections(study_designs, "design", background, methods, title=title) == ["rct"]
    got = sections(study_designs, "employment", background, methods, title=title)
    assert got == ["unemployed"]
    # another trial named in the background stays the background's, at half weight
    title = "Which participants benefited? Post hoc analyses of the BRIDGE trial"
    assert sections(study_designs, "design", background, methods, title=title) == ["other"]
    got = sections(study_designs, "employment", background, methods, title=title)
    assert got == ["not-stated"]


@pytest.mark.parametrize(
    "text",
    [
        # earlier in this study, in Dutch and Norwegian: "onderzoek" is research and a study
        # alike, and the qualifier's reach stops at this study's determiner
        "Eerder in dit onderzoek werden 300 werknemers gerandomiseerd naar coaching.",
        "Wij hebben eerder in dit onderzoek 300 werknemers gerandomiseerd.",
        "Vi har tidligere i denne studien randomisert 300 arbeidstakere.",
    ],
)
def test_earlier_in_this_study_is_its_own(study_designs, text):
    assert labels(study_designs, "design", text) == ["rct"]


@pytest.mark.parametrize(
    "text",
    [
        # others' studies in Dutch and Swedish, in the plural or the authors' earlier work
        "Eerdere gerandomiseerde onderzoeken lieten zien dat coaching helpt.",
        "Wij hebben eerder in een gerandomiseerd onderzoek laten zien dat coaching helpt.",
        "Tidigare randomiserade studier har visat att coaching hjälper.",
    ],
)
def test_others_studies_in_dutch_and_swedish_are_not_the_records(study_designs, text):
    assert labels(study_designs, "design", text) == ["other"]


def test_a_parent_trial_the_title_describes_without_a_name_is_its_own(study_designs):
    # the designs set 2's row 3: its background's "who were in paid work" is the parent
    # trial's population, the record's own, described as the title describes it
    background = (
        "BACKGROUND",
        "In a cluster randomised trial, workplace strength training reduced neck pain among "
        "office workers who were in paid work.",
    )
    methods = ("METHODS", "Interaction terms were added to the models.")
    title = "Does the effect differ by sex? A subgroup analysis of a cluster randomised trial"
    got = sections(study_designs, "employment", background, methods, title=title)
    assert got == ["at-work"]
    # another design in the background is not the parent the title describes
    other = ("BACKGROUND", background[1].replace("a cluster randomised", "a cohort"))
    assert sections(study_designs, "employment", other, methods, title=title) == ["not-stated"]


def test_a_report_named_the_follow_up_of_a_trial_is_a_follow_up(study_designs):
    # the third designs set's row 9: its title alone says it is a later report of the trial
    title = "Five-year follow-up of a randomised trial of vocational rehabilitation"
    text = "Of 280 participants, 231 answered a questionnaire at five years."
    rec = Record(title=title, abstract_sections=plain_abstract(text))
    assert [s.label for s in classify.suggest(rec, study_designs.scheme("report"))] == ["follow-up"]
    # a trial with its own follow-up's length is its main report
    title = "Vocational rehabilitation: a randomised trial with five-year follow-up"
    rec = Record(title=title, abstract_sections=plain_abstract(text))
    assert [s.label for s in classify.suggest(rec, study_designs.scheme("report"))] == ["main"]


def test_whom_the_included_meet_is_the_population_too(study_designs):
    # employment status is whom the study included (population = true): the people one group
    # meets are included as well, not a contacted party (the rule made for schemes of who acts)
    text = "Unemployed participants met employees on sick leave in the group sessions."
    assert sorted(labels(study_designs, "employment", text)) == ["sick-leave", "unemployed"]


@pytest.mark.parametrize(
    "text",
    [
        # a recommendation beside the study's own design is no other study: it reaches its clause
        "This randomised controlled trial shows that such programmes should be implemented.",
        "In this randomised controlled trial, whose results should be considered in future "
        "programmes, 200 workers were included.",
    ],
)
def test_a_recommendation_leaves_the_studys_own_design(study_designs, text):
    assert labels(study_designs, "design", text) == ["rct"]
