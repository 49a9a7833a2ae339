"""A seventh review's own schemes through the CLI: Schaafsma et al. 2013's physical
conditioning for workers with back pain, by the back pain's duration at inclusion (acute,
subacute, chronic: a scheme decided by a duration written in the text), the conditioning's
intensity and the workplace's involvement (protocols/rtw-physical-conditioning.toml, written
from the review's definitions alone), on 24 abstracts labelled by those definitions before the
classifier read them. First reading (commit 6dba7d2): duration 11/24, conditioning 22/24,
workplace 23/24 (benchmarks/results/classify.md says what changed since)."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import correct_through_cli
from classify.helpers import suggested as labels

from reviewkit import classify
from reviewkit.cli import main as cli_main
from reviewkit.records import AbstractSection, Record

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-physical-conditioning.toml"
FIXTURE = ROOT / "tests" / "reports" / "fixtures" / "heldout_conditioning_abstracts.csv"


@pytest.mark.parametrize(
    ("scheme", "correct"), [("duration", 24), ("conditioning", 24), ("workplace", 24)]
)
def test_the_conditioning_reviews_schemes_through_the_cli(capsys, scheme, correct):
    assert correct_through_cli(capsys, PROTOCOL, FIXTURE, scheme, scheme, 24) >= correct


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        # a range, a bound, a range of two units, two bounds of one range
        ("Workers sick-listed for 8 to 12 weeks because of low back pain.", "subacute"),
        ("Workers with low back pain of less than three weeks' duration.", "acute"),
        ("Injured workers with symptoms for more than 3 months were included.", "chronic"),
        ("Workers with back pain > 3 months were included.", "chronic"),
        ("Workers sick-listed for 3 months or more with back pain.", "chronic"),
        ("Workers on sick leave of 56 to 84 days because of low back pain.", "subacute"),
        ("Patients sick-listed for more than 90 days with back pain.", "chronic"),
        ("Patients in sick leave since over one year for low back pain.", "chronic"),
        (
            "Workers absent because of back pain for more than six weeks but less than twelve weeks.",
            "subacute",
        ),
        ("A claim was filed within 10 days of the back injury.", "acute"),
        # Norwegian, Swedish, Danish and Dutch
        ("Arbeidstakere som var sykmeldt i 8-12 uker for korsryggsmerter.", "subacute"),
        ("Patienter sjukskrivna mer än 3 månader för ryggsmärta.", "chronic"),
        ("Medarbejdere sygemeldt i mindre end 4 uger med rygsmerter.", "acute"),
        ("Werknemers die langer dan 3 maanden verzuimden wegens lage rugpijn.", "chronic"),
        # a range across two groups: the group holding most of it
        ("Workers sick-listed between 4 and 12 weeks with low back pain.", "subacute"),
        ("Workers sick-listed for 2 to 6 months with low back pain.", "chronic"),
        ("Workers sick-listed 6 weeks to 6 months because of low back pain.", "chronic"),
    ],
)
def test_a_duration_in_the_text_decides_the_group(conditioning, text, duration):
    assert labels(conditioning, "duration", text) == [duration]


@pytest.mark.parametrize(
    "text",
    [
        # an open range across the groups decides nothing
        "Workers absent from work for more than 4 weeks because of back pain.",
        # periods of the study, not the population's duration
        "Workers with back pain took part in an 8-week programme.",
        "Days of sick leave at 3 and 12 months were recorded for workers with back pain.",
        "Days of sick leave over the following 12 months were recorded.",
        "The primary outcome is days of sick leave in 12 months.",
        "Those still off work after two months were contacted.",
        # results, and a result's verb
        "Median sick leave was 58 days in the graded activity group.",
        "Sick leave in the following year was 28 days.",
        "Workers with back pain returned to work within 6 weeks.",
        # a duration of something else, and an exclusion criterion
        "The programme lasted four weeks, 6 hours a day, for workers with back pain.",
        "Workers sick-listed for more than 6 months were excluded.",
    ],
)
def test_a_duration_that_is_not_the_populations_decides_nothing(conditioning, text):
    assert labels(conditioning, "duration", text) == ["not-stated"]


def _protocol(tmp_path: Path, scheme_keys: str, label_keys: str) -> Path:
    path = tmp_path / "p.toml"
    path.write_text(
        '[review]\nid = "r"\ntitle = "T"\nquestion = "Q"\nreviewers = ["a", "b"]\n\n'
        "[stages.title-abstract]\nreviewers_per_record = 2\n\n"
        f'[schemes.duration]\nname = "Duration"\n{scheme_keys}\n\n'
        f'[[schemes.duration.labels]]\nid = "chronic"\nname = "Chronic"\n{label_keys}\n'
        'terms = ["chronic"]\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("scheme_keys", "label_keys", "said"),
    [
        ("", "duration_weeks = [12, inf]", "does not say what the duration is of"),
        ('duration_of = ["pain"]', "duration_weeks = [12, 6]", "two numbers of weeks"),
        ('duration_of = ["pain"]', 'duration_weeks = ["12"]', "two numbers of weeks"),
    ],
)
def test_a_label_of_a_duration_is_refused_without_what_lasts_or_a_range(
    capsys, tmp_path, scheme_keys, label_keys, said
):
    assert cli_main(["protocol", "check", str(_protocol(tmp_path, scheme_keys, label_keys))]) == 2
    err = capsys.readouterr().err
    assert said in err and "duration_weeks" in err and "hint" in err


@pytest.mark.parametrize(
    ("weeks", "said"),
    [
        ("[13, inf]", "label 'chronic' [13, inf] leaves a gap after label 'subacute' [6, 12]"),
        ("[10, inf]", "label 'chronic' [10, inf] overlaps label 'subacute' [6, 12]"),
    ],
)
def test_labels_ranges_of_weeks_must_meet(capsys, tmp_path, weeks, said):
    path = _protocol(tmp_path, 'duration_of = ["pain"]', f"duration_weeks = {weeks}")
    text = path.read_text(encoding="utf-8") + (
        '\n[[schemes.duration.labels]]\nid = "subacute"\nname = "Subacute"\n'
        'duration_weeks = [6, 12]\nterms = ["subacute"]\n'
    )
    path.write_text(text, encoding="utf-8")
    assert cli_main(["protocol", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert said in err and "hint: begin 'chronic' where 'subacute' ends, [12, inf]" in err


@pytest.mark.parametrize(
    ("text", "term", "found"),
    [
        ("sick-listed for 8 to 12 weeks", "duration of 6 to 12 weeks", "8 to 12 weeks"),
        # an open range in words, not "12-inf"; a range from nought as its upper bound
        (
            "sick-listed for more than 3 months",
            "duration of more than 12 weeks",
            "more than 3 months",
        ),
        ("sick-listed for less than 3 weeks", "duration of less than 6 weeks", "less than 3 weeks"),
    ],
)
def test_the_evidence_names_the_duration_and_the_labels_range(conditioning, text, term, found):
    rec = Record(
        title="A trial",
        abstract_sections=[AbstractSection("METHODS", f"Workers {text} with back pain.")],
    )
    (s,) = classify.suggest(rec, conditioning.scheme("duration"))
    assert [(e.term, e.text, e.where) for e in s.evidence] == [(term, found, "abstract:METHODS")]


# A sentence about the allocation's last arm, by its name, is the comparator's (comparator.py)


@pytest.mark.parametrize(
    ("text", "conditioning_label"),
    [
        # the last arm named again as a later sentence's subject: the comparator described
        (
            "Workers were randomised to graded activity or to a brief intervention. The brief "
            "intervention was a clinical examination with advice to stay active.",
            "intense",
        ),
        (
            "Workers were randomised to light mobilisation or to an exercise programme. In the "
            "exercise programme, physiotherapists supervised strength training.",
            "light",
        ),
        # the tested arm's own sentence stays its evidence
        (
            "Workers were randomised to a brief intervention or to usual care. The brief "
            "intervention was a clinical examination with advice to stay active.",
            "light",
        ),
        # no allocation named the arm: the sentence is the study's
        ("The brief intervention was a clinical examination with advice to stay active.", "light"),
    ],
)
def test_a_sentence_opened_by_the_last_arms_name_describes_the_comparator(
    conditioning, text, conditioning_label
):
    assert labels(conditioning, "conditioning", text) == [conditioning_label]


@pytest.mark.parametrize(
    ("text", "workplace"),
    [
        ("De fysiotherapeut bezocht de werkplek.", "yes"),
        ("Graded activity met een werkplekbezoek.", "yes"),
        ("De fysiotherapeut sprak met de leidinggevende over de werkplek.", "yes"),
        ("Graded activity bij werknemers met lage rugpijn.", "no"),
    ],
)
def test_a_dutch_record_names_the_workplace(conditioning, text, workplace):
    assert labels(conditioning, "workplace", text) == [workplace]


@pytest.mark.parametrize(
    "text",
    [
        # "contacted the employer" without its article: many participants' employers
        "Employment specialists helped participants keep their work, contacting employers with "
        "consent.",
        "Therapists contacted employers to arrange modified tasks.",
    ],
)
def test_contacting_the_employer_is_the_workplace_involved(conditioning, text):
    assert labels(conditioning, "workplace", text) == ["yes"]


# Read on the other reviews' held-out abstracts (none labelled by duration), the reader took
# these for the population's duration: each kind decides nothing now
@pytest.mark.parametrize(
    "text",
    [
        "Outcomes were symptoms and sick-leave days over 12 months.",  # a period after "over"
        "Employees were followed for 12 months in the sickness benefit register.",  # a follow-up
        "Employees aged 20-60 years on sick leave with back pain were included.",  # an age
        "Mean sick leave fell from 41 to 33 days.",  # a result, "Mean" capitalised
        "The outcome was days on sick leave in 12 months (margin 15 days).",  # another number
        "We randomised 92 employees with back pain to ten weeks of supervised training.",  # an arm
        "Workers had received sickness benefits for up to 12 months.",  # open below: no group
    ],
)
def test_what_the_other_sets_wrote_decides_no_duration(conditioning, text):
    assert labels(conditioning, "duration", text) == ["not-stated"]


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("Workers with symptoms for over 3 months were included.", "chronic"),  # "for over"
        ("Workers had received sickness benefits for up to 4 weeks.", "acute"),  # held whole
    ],
)
def test_a_bound_the_other_kinds_leave_whole(conditioning, text, duration):
    assert labels(conditioning, "duration", text) == [duration]


def test_a_combination_label_of_weeks_is_refused_with_a_hint(capsys, tmp_path):
    path = _protocol(tmp_path, 'duration_of = ["pain"]', "duration_weeks = [12, inf]")
    text = path.read_text(encoding="utf-8") + (
        '\n[[schemes.duration.labels]]\nid = "acute"\nname = "Acute"\nterms = ["acute"]\n'
        '\n[[schemes.duration.labels]]\nid = "mixed"\nname = "Mixed"\n'
        'combines = ["chronic", "acute"]\nduration_weeks = [0, 12]\nterms = []\n'
    )
    path.write_text(text, encoding="utf-8")
    assert cli_main(["protocol", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "combination label" in err and "hint: give duration_weeks" in err


# "12+ weeks": the plus after the number, before its unit, as often as after it ("12 weeks+")
@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("Workers with back pain for 12+ weeks were included.", "chronic"),
        ("Workers with back pain for 12 + weeks were included.", "chronic"),
        ("Workers with back pain for 12 weeks+ were included.", "chronic"),
    ],
)
def test_a_plus_before_the_unit_opens_the_range(conditioning, text, duration):
    assert labels(conditioning, "duration", text) == [duration]


# "over N" right after what lasts is a bound, as abstracts (and Norwegian, Danish and Swedish)
# write "more than"; after a count, or in an outcome's sentence, a period of the study
@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("Workers sick-listed over 3 months because of low back pain were included.", "chronic"),
        ("Workers with back pain over 3 months were included.", "chronic"),
        ("Workers with over 3 months of back pain were included.", "chronic"),
        ("Arbeidstakere sykmeldt over 12 uker for korsryggsmerter ble inkludert.", "chronic"),
        ("Patienter med ryggsmärta över 3 månader inkluderades.", "chronic"),
        ("Sickness absence over 12 months was the primary outcome.", "not-stated"),
        ("The primary outcome was sick leave over 12 months.", "not-stated"),
        ("Days on sick leave over one year were 112 and 131.", "not-stated"),
        ("Back pain improved over 12 weeks in both groups.", "not-stated"),
    ],
)
def test_over_next_to_what_lasts_is_a_bound(conditioning, text, duration):
    assert labels(conditioning, "duration", text) == [duration]


# A table's row flattened into the text: figures side by side, no sentence between
@pytest.mark.parametrize(
    "text",
    [
        "Baseline: back pain duration 14 weeks 12 weeks 0.43; sick leave 45 days 50 days 0.61",
        "Pain duration 16 weeks 0.52 in workers with back pain.",
    ],
)
def test_a_tables_cells_decide_no_duration(conditioning, text):
    assert labels(conditioning, "duration", text) == ["not-stated"]


# "a" is one after a bound ("more than a year"); elsewhere a rate ("twice a week")
@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("Workers sick-listed for more than a year because of back pain.", "chronic"),
        ("Workers with back pain of less than a week were included.", "acute"),
        ("A claim was filed within a week of the back injury.", "acute"),
        ("Workers with back pain exercised twice a week for 12 sessions.", "not-stated"),
    ],
)
def test_a_after_a_bound_is_one(conditioning, text, duration):
    assert labels(conditioning, "duration", text) == [duration]


# A sample's age and sex in the sentence that includes it are no result
@pytest.mark.parametrize(
    ("text", "duration"),
    [
        (
            "We included 134 workers (mean age 42 years, 60% women) sick-listed for more than "
            "3 months with back pain.",
            "chronic",
        ),
        ("Workers sick-listed for more than 3 months with back pain (mean age 41).", "chronic"),
        (
            "Arbeidstakere (gjennomsnittsalder 44 år, 55 % kvinner) sykmeldt over 12 uker for "
            "korsryggsmerter.",
            "chronic",
        ),
        # a mean of what lasts is still a result
        ("Mean sick leave before inclusion was 14 weeks in workers with back pain.", "not-stated"),
    ],
)
def test_a_samples_age_and_sex_are_no_result(conditioning, text, duration):
    assert labels(conditioning, "duration", text) == [duration]


# A duration of one length on the boundary of two labels' ranges ("6 weeks": acute ends and
# subacute begins) is half a sign for each; it had divided by the range's zero width (a
# traceback on Review B's row 30, "6 weeks, 30 sessions")
@pytest.mark.parametrize(
    ("text", "scores"),
    [
        ("Workers whose back pain had lasted 6 weeks were included.", {"acute", "subacute"}),
        ("Workers sick-listed for 12 weeks with back pain were included.", {"subacute", "chronic"}),
    ],
)
def test_a_point_on_a_boundary_is_half_a_sign_for_each_side(conditioning, text, scores):
    rec = Record(title="A study", abstract_sections=[AbstractSection("METHODS", text)])
    got = classify.score_labels(rec, conditioning.scheme("duration"))
    assert {s.label for s in got if s.score} == scores
    assert labels(conditioning, "duration", text) == ["not-stated"]  # half a sign decides nothing
