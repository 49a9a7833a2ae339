"""An eleventh review's own scheme through the CLI and on sentences: the welfare model of the
country a study's workers were in (Scandinavian, Continental, Anglo-Saxon, Mediterranean,
post-communist, another country, several), after Scaratti et al. 2018's European welfare models
(protocols/rtw-welfare-systems.toml), on 26 real PubMed records of the snapshot sorted by hand
before the classifier read them (tests/reports/fixtures/heldout_welfare_records.csv; commit
61b2ae16). First reading (unseen): 22/26; after its fixes 24/26. A second set of 16
(heldout_welfare_records_2.csv, a2677829), read first after those fixes (unseen): 14/16."""

from __future__ import annotations

from pathlib import Path

import pytest
from classify.helpers import correct_through_cli
from classify.helpers import suggested as labels

from reviewkit import protocol as protocol_mod
from reviewkit.classify.words import sentences, tokens

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-welfare-systems.toml"
FIXTURE = ROOT / "tests" / "reports" / "fixtures" / "heldout_welfare_records.csv"
SECOND = ROOT / "tests" / "reports" / "fixtures" / "heldout_welfare_records_2.csv"


@pytest.fixture(scope="module")
def welfare():
    return protocol_mod.load(PROTOCOL)


# the floors are what the rules get now, so a row lost fails here; the first readings (unseen)
# were 22/26 and 14/16
@pytest.mark.parametrize(("fixture", "rows", "correct"), [(FIXTURE, 26, 24), (SECOND, 16, 16)])
def test_the_welfare_reviews_scheme_through_the_cli(capsys, fixture, rows, correct):
    assert (
        correct_through_cli(capsys, PROTOCOL, fixture, "system", "welfare_system", rows) >= correct
    )


@pytest.mark.parametrize(
    ("text", "system"),
    [
        ("Employees of 40 Swedish municipalities on sick leave were included.", ["nordic"]),
        ("Sick-listed workers in Germany and Denmark were followed for a year.", ["mixed"]),
        ("Sick-listed workers were followed for a year.", ["not-stated"]),
    ],
)
def test_the_country_of_the_studys_workers(welfare, text, system):
    assert labels(welfare, "system", text) == system


# An acronym written with full stops (U.S., U.K., U.S.A.) is the acronym: as separate letters
# it was no word a term could find ("a large U.S. health insurance company")
@pytest.mark.parametrize(
    "text",
    [
        "Employees of a large U.S. health insurance company took part.",
        "We surveyed workers on sick leave in the U.K. in 2019.",
        "Claimants of the U.S.A. disability programme were interviewed.",
    ],
)
def test_an_acronym_with_full_stops_is_the_acronym(welfare, text):
    assert labels(welfare, "system", text) == ["anglo"]


# ... and its last full stop ends no sentence before a word in lower case, as no sentence
# begins so: "workers in the U.S. were excluded" is one sentence, its exclusion read whole
def test_a_dotted_acronym_ends_a_sentence_only_before_a_capital():
    text = "Workers in the U.S. were excluded. It was done in the U.K. We asked e.g. them."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Workers in the U.S. were excluded",
        "It was done in the U.K",
        "We asked e.g. them",  # cls17: "e.g." and "i.e." end no sentence
        "",
    ]


# cls17: an example or a gloss in an exclusion criterion ("(e.g. HIV)", "i.e. ICU") cut the
# criterion's sentence before its cue ("... will be excluded"), a capital after "e.g." read as a
# new sentence
# rd43d: the kind is an abbreviation that stands inside a sentence, not two of them: "cf.",
# "vs." and "et al." cut a sentence as "e.g." did (before a capital, a bracket, a figure, and
# even before a word in lower case)
@pytest.mark.parametrize(
    "text",
    [
        "Those in an ICU (cf. Table 1) were excluded. Next one.",
        "Those given CBT vs. Usual care were excluded. Next one.",
        "Those given CBT vs. usual care were excluded. Next one.",
        "Those in an ICU (Smith et al. 2019) were excluded. Next one.",
        "Those in an ICU, as in Smith et al. (2019), were excluded. Next one.",
        "Those in an ICU (viz. Those ventilated) were excluded. Next one.",
    ],
)
def test_an_abbreviation_ends_no_sentence(text):
    assert [text[a:b] for a, b in sentences(text)][1:] == ["Next one", ""], sentences(text)


def test_a_citation_ends_a_sentence_before_a_capital():
    text = "The scale was translated as described by Beaton et al. The aim was fit."
    assert [text[a:b] for a, b in sentences(text)] == [
        "The scale was translated as described by Beaton et al",
        "The aim was fit",
        "",
    ]


def test_e_g_and_i_e_end_no_sentence_before_a_capital():
    text = "Those with (e.g. HIV) or i.e. ICU stays were excluded. Next one."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Those with (e.g. HIV) or i.e. ICU stays were excluded",
        "Next one",
        "",
    ]


def test_an_excluded_country_written_with_full_stops_is_excluded(welfare):
    text = "Workers in Japan were included; workers in the U.S. were excluded."
    assert labels(welfare, "system", text) == ["other"]


def test_dotted_acronym_is_one_word_and_lower_case_abbreviations_are_not():
    assert [t.word for t in tokens("in the U.S. and e.g. Canada")] == [
        "in", "the", "US", "and", "e", "g", "Canada",
    ]  # fmt: skip


# After the first reading: a state, province or territory names its country (workers'
# compensation research is done by jurisdiction); at the head of an instrument's name used
# everywhere it is the instrument's origin, not the study's country (classify/origins.py)
@pytest.mark.parametrize(
    ("text", "system"),
    [
        (
            "Accepted workers' compensation claims of young workers in Oregon were analysed.",
            ["anglo"],
        ),
        ("Lost-time claims in Ontario were followed for a year.", ["anglo"]),
        ("Sick-listed workers in Queensland were interviewed.", ["anglo"]),
        (
            "Dutch workers on sick leave completed the Minnesota Multiphasic Personality Inventory.",
            ["continental"],
        ),
        (
            "Swedish workers with back pain completed the Quebec Back Pain Disability Scale.",
            ["nordic"],
        ),
    ],
)
def test_a_state_or_province_names_its_country(welfare, text, system):
    assert labels(welfare, "system", text) == system


# After the second reading (unseen 14/16): New York is always in the US, the heart failure
# class named after its association no place (an origin, classify/origins.py); the regions outside the five models are named
# as groups as the Nordic countries are, not "Asian" (also the participants' origin)
@pytest.mark.parametrize(
    ("text", "system"),
    [
        ("Police officers of a department in northwestern New York were followed.", ["anglo"]),
        (
            "Dutch patients in NYHA class II (New York Heart Association) returned to work.",
            ["continental"],
        ),
        ("Patients from 30 centres in four Arab Gulf countries were included.", ["other"]),
        ("Workers in sub-Saharan Africa living with HIV were interviewed.", ["other"]),
        ("South Asian workers with lupus in the UK were interviewed.", ["anglo"]),
    ],
)
def test_new_york_and_the_regions_outside_the_models(welfare, text, system):
    assert labels(welfare, "system", text) == system
