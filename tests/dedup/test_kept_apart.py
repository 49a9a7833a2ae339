"""Pairs that must stay apart (issue 14, dedup39): kinds of record a careless rule merges,
written as exports write them (MEDLINE, Embase, CENTRAL, a citation list without pages), run
through the public dedup functions (keys -> match) and once through `reviewkit import` +
`reviewkit dedup`. For each kind the true copy beside it still merges, so a guard that kept
everything apart would fail here too. The per-kind table is in
benchmarks/results/dedup-heldout.md ('Pairs that must stay apart').

Outcomes: 'merged', 'queued' (a person decides) or 'apart'; a near-miss must never be 'merged'.
"""

from __future__ import annotations

from dedup.helpers import outcome

from reviewkit.cli import main
from reviewkit.records import Record

TEAM = ["Hansen, Kari", "Olsen, Per", "Berg, Anne"]


def embase(**kw) -> Record:
    """A journal record as a citation list or a thin export gives it: no DOI, and only the
    fields given."""
    base = dict(title="", authors=TEAM, year=2019, journal="", volume="", issue="", pages="")
    base.update(kw)
    return Record(source="Embase", **base)


def never_merged(a: Record, b: Record) -> None:
    got = outcome(a, b)
    assert got[0] != "merged", (a.title, b.title, got)


# --- parts of a series ---------------------------------------------------------------------

SERIES = "Diagnosis and management of chronic low back pain in primary care. Part {}"


def test_parts_of_a_series_are_two_works_with_or_without_pages():
    place = dict(journal="Br J Gen Pract", volume="69", issue="3")
    for one, two in (("1", "2"), ("I", "II"), ("one", "two")):
        a, b = SERIES.format(one), SERIES.format(two)
        never_merged(
            embase(title=a, pages="120-126", **place), embase(title=b, pages="127-133", **place)
        )
        never_merged(embase(title=a, **place), embase(title=b, **place))
        never_merged(embase(title=a), embase(title=b))
    # 'Prognosis in heart failure I' / 'II', '(Part 1)' / '(Part 2)', one volume, no page
    for a, b in (("Prognosis in heart failure I", "Prognosis in heart failure II"),
                 ("Occupational asthma (Part 1)", "Occupational asthma (Part 2)")):  # fmt: skip
        never_merged(
            embase(title=a, journal="Thorax", volume="60"),
            embase(title=b, journal="Thorax", volume="60"),
        )
    # one part in two databases is one record
    one = embase(title=SERIES.format(1), pages="120-126", **place)
    assert outcome(one, embase(title=SERIES.format(1), pages="120-6", **place))[0] == "merged"


# --- a title printed every year: annual standards, guideline updates ------------------------

ADA = dict(title="Standards of Medical Care in Diabetes", authors=["American Diabetes Association"])


def test_a_title_printed_every_year_is_one_work_a_year():
    # a journal's yearly supplement under one title, exported without its place: title, journal
    # and author agree, the years one apart (was merged by biblio_match)
    y19 = embase(journal="Diabetes Care", year=2019, **ADA)
    y20 = embase(journal="Diabetes Care", year=2020, **ADA)
    assert outcome(y19, y20) == ("queued", "year_apart_no_place")
    # with a volume on one side it is judged as an online-first copy: the ten labelled sets
    # date those either side of print (Frontiers, Minerva), so the order of years tells nothing
    full = dict(journal="Diabetes Care", issue="Suppl 1", **ADA)
    never_merged(
        embase(year=2019, volume="42", pages="S1-S193", **full),
        embase(year=2020, volume="43", pages="S1-S212", **full),
    )
    never_merged(embase(year=2019, **ADA), embase(year=2020, **ADA))  # no journal: a bare title
    # an annual report under one title, the years in the year field only
    report = dict(title="Annual report of the National Diabetes Audit", authors=["NHS Digital"])
    report.update(kind="report", publisher="NHS Digital")
    never_merged(Record(year=2018, **report), Record(year=2019, **report))


def test_an_online_first_copy_still_merges_with_its_print_record():
    # Embase's online-first record: the online year, no volume; MEDLINE's print record the
    # next year with its volume and pages
    title = "Graded activity for sick-listed workers with low back pain"
    online = embase(title=title, journal="Occup Environ Med", year=2018)
    printed = embase(
        title=title, journal="Occup Environ Med", year=2019, volume="76", pages="300-308"
    )
    assert outcome(online, printed) == ("merged", "biblio_match")
    # two databases' online-first copies under a long title, neither with a volume yet, one
    # dated online and one the year of print (dedup-stress a_no_doi, srsr): still merged
    both_online = embase(title=title, journal="Occup Environ Med", year=2019)
    assert outcome(online, both_online) == ("merged", "biblio_match")


# --- a trial's protocol, main paper and later reports ---------------------------------------

TRIAL = (
    "Graded activity and workplace dialogue for sick-listed workers with low back pain: "
    "a randomised controlled trial"
)
MAIN = "Effect of graded activity on return to work in sick-listed workers with low back pain"


def test_a_protocol_and_its_results_under_one_title_are_two_reports():
    # BMJ Open prints protocols and results: one title, e-locators, or no place at all
    never_merged(
        embase(title=TRIAL, journal="BMJ Open", year=2016, volume="6", pages="e012345"),
        embase(title=TRIAL, journal="BMJ Open", year=2020, volume="10", pages="e034567"),
    )
    never_merged(
        embase(title=TRIAL, journal="BMJ Open", year=2016),
        embase(title=TRIAL, journal="BMJ Open", year=2020),
    )
    never_merged(
        embase(title=TRIAL, journal="Trials", year=2015, volume="16", pages="245"),
        embase(title=TRIAL, journal="Occup Environ Med", year=2019, volume="76", pages="300-308"),
    )


def test_a_later_report_titled_as_the_main_paper_with_a_subtitle_goes_to_a_person():
    # the main paper and its secondary analysis, follow-up or economic evaluation in one
    # journal and year, exported without pages: a subtitle naming another report (was merged)
    main_paper = embase(title=MAIN, journal="Occup Environ Med")
    for subtitle in (": a post hoc analysis", ": 5-year follow-up", ": secondary analysis of a "
                     "randomised trial", " - long-term results", ": an economic evaluation"):  # fmt: skip
        later = embase(title=MAIN + subtitle, journal="Occup Environ Med")
        assert outcome(main_paper, later) == ("queued", "another_report_no_page"), subtitle
    with_pages = dict(journal="Occup Environ Med", volume="76")
    never_merged(
        embase(title=MAIN + ": a randomised controlled trial", pages="300-308", **with_pages),
        embase(title=MAIN + ": secondary analysis of a randomised controlled trial",
               pages="12-19", **with_pages),
    )  # fmt: skip
    # a dropped subtitle that names no other report is one article in two exports, also
    # where a word of it opens a report's name elsewhere ('pooled', 'rationale', 'long-term',
    # '12-week', 'secondary': dedup-stress i_minimal, srsr, five true pairs)
    for subtitle in (
        ": a randomised trial",
        ": an individual-level pooled analysis of 30 cohort studies",
        ". Rationale, indications and limits",
        ": differences in long-term biodistribution",
        ": a 12-week trial in secondary prevention",
    ):
        copy = embase(title=MAIN + subtitle, journal="Occup Environ Med")
        assert outcome(main_paper, copy)[0] == "merged", subtitle

    # nor where a report's phrase stands later in a subtitle naming the article's own design
    # or subject ('... study with long-term follow-up', '... review and economic evaluation',
    # a guideline's '... treatment and follow-up', an imaging protocol): 58 of the 194
    # distinct subtitles of the ten sets' titles that hold a report's phrase
    for subtitle in (
        ": a safety study with 18 months of follow-up",
        ": a prospective study with long-term follow-up",
        ": a systematic review and economic evaluation",
        ": clinical practice guidelines for diagnosis, treatment and follow-up",
        ": an imaging protocol for drug discovery",
    ):
        copy = embase(title=MAIN + subtitle, journal="Occup Environ Med")
        assert outcome(main_paper, copy)[0] == "merged", subtitle
    # a report's phrase after a few words of design still opens the subtitle
    for subtitle in (
        ": a 2-year follow-up of two randomized trials",
        ": a cluster-randomised controlled trial protocol",
        ": protocol for a systematic review",
    ):
        later = embase(title=MAIN + subtitle, journal="Occup Environ Med")
        assert outcome(main_paper, later) == ("queued", "another_report_no_page"), subtitle


# --- abstracts of one team in one supplement ------------------------------------------------

CONGRESS = "European Psychiatry. Conference: 24th European Congress of Psychiatry"
ABSTRACT = "Vortioxetine in elderly patients with major depressive disorder: {} results"


def test_two_abstracts_of_one_team_in_one_supplement_are_two_records():
    meeting = dict(journal=CONGRESS, volume="33", issue="Supplement 1", year=2016)
    for one, two in (("efficacy", "safety"), ("6-month", "12-month")):
        a, b = ABSTRACT.format(one), ABSTRACT.format(two)
        never_merged(
            embase(title=a, pages="S245", **meeting), embase(title=b, pages="S246", **meeting)
        )
        never_merged(embase(title=a, **meeting), embase(title=b, **meeting))
    never_merged(
        embase(title="Vortioxetine in elderly men with depression", **meeting),
        embase(title="Vortioxetine in elderly women with depression", **meeting),
    )
    # one abstract in two databases is one record
    copy = embase(title=ABSTRACT.format("efficacy"), journal="European Psychiatry", volume="33",
                  issue="Suppl 1", pages="S245", year=2016)  # fmt: skip
    assert outcome(embase(title=ABSTRACT.format("efficacy"), pages="S245", **meeting), copy)[0] == (
        "merged"
    )


# --- a commentary under its article's title --------------------------------------------------


def test_a_commentary_repeating_the_articles_title_is_not_the_article():
    article = embase(
        title=MAIN, journal="Occup Environ Med", volume="76", issue="5", pages="300-308"
    )
    commentator = ["Smith, John"]
    for place in (
        dict(journal="Evid Based Nurs", year=2020, volume="23", pages="45"),
        dict(journal="Evid Based Nurs", year=2020),
        dict(journal="Ann Intern Med", volume="171", pages="JC45"),  # ACP Journal Club
        dict(journal="Occup Environ Med", volume="76", issue="5", pages="309-310"),
        dict(journal="Occup Environ Med"),  # the same issue, no page
    ):
        never_merged(article, embase(title=MAIN, authors=commentator, **place))


# --- registrations one word apart ------------------------------------------------------------

REG = "A Study of Vortioxetine in {} With Major Depressive Disorder"


def registration(title: str, journal: str = "") -> Record:
    """CENTRAL's record of a registration: a title, the register as source, a year."""
    return Record(title=title, journal=journal, year=2015, source="CENTRAL")


def test_registrations_one_word_apart_are_two_trials():
    words = (
        ("Pediatric Patients", "Adult Patients"),  # age group (issue 14's false merge)
        ("Children", "Adolescents"),
        ("Older Adults", "Younger Adults"),
        ("Men", "Women"),  # sex
        ("Boys", "Girls"),
        ("Kenya", "Uganda"),  # country
        ("Adults in Japan", "Adults in China"),
        ("Adults: Sertraline Arm", "Adults: Placebo Arm"),  # arm
        ("Inpatients", "Outpatients"),  # setting
    )
    for where in ("", "ClinicalTrials.gov"):
        for one, two in words:
            never_merged(registration(REG.format(one), where), registration(REG.format(two), where))
    for a, b in (
        ("Vortioxetine Versus Placebo in Adults", "Vortioxetine Versus Sertraline in Adults"),
        ("Vortioxetine 10 mg in Adults", "Vortioxetine 20 mg in Adults"),
        ("Insulin Degludec in Adults With Type 1 Diabetes",
         "Insulin Degludec in Adults With Type 2 Diabetes"),
    ):  # fmt: skip
        never_merged(registration(a), registration(b))
    # two registers' numbers, one word apart: two trials
    ctgov = "https://clinicaltrials.gov/show/{}"
    never_merged(
        registration(REG.format("Men"), ctgov.format("NCT01234567")),
        registration(REG.format("Women"), ctgov.format("NCT01234999")),
    )


# --- versions of a Cochrane review -----------------------------------------------------------


def test_versions_of_a_cochrane_review_are_one_cluster_of_versions():
    # srsr's labels join a review's versions (197 pairs): the versions merge as versions, the
    # latest the canonical record; another review (another CD number) is never merged
    review = dict(title="Workplace interventions for reducing sitting at work")
    review.update(journal="Cochrane Database Syst Rev", authors=["Shrestha, N", "Kukkonen, J"])
    v2016 = embase(year=2016, issue="3", pages="CD010912", **review)
    v2018 = embase(year=2018, issue="12", pages="CD010912", **review)
    assert outcome(v2016, v2018) == ("merged", "living_review_versions")
    other = embase(
        year=2018,
        issue="12",
        pages="CD012345",
        **{**review, "title": review["title"] + " in offices"},
    )
    never_merged(v2016, other)


# --- through the CLI -------------------------------------------------------------------------

KINDS_RIS = """TY  - JOUR
AU  - American Diabetes Association
TI  - Standards of Medical Care in Diabetes
T2  - Diabetes Care
PY  - 2019
ER  -

TY  - JOUR
AU  - American Diabetes Association
TI  - Standards of Medical Care in Diabetes
T2  - Diabetes Care
PY  - 2020
ER  -

TY  - JOUR
AU  - Hansen, Kari
AU  - Olsen, Per
TI  - Effect of graded activity on return to work in sick-listed workers with low back pain
T2  - Occupational and Environmental Medicine
PY  - 2019
ER  -

TY  - JOUR
AU  - Hansen, Kari
AU  - Olsen, Per
TI  - Effect of graded activity on return to work in sick-listed workers with low back pain: 5-year follow-up
T2  - Occupational and Environmental Medicine
PY  - 2019
ER  -

TY  - JOUR
TI  - A Study of Vortioxetine in Pediatric Patients With Major Depressive Disorder
T2  - ClinicalTrials.gov
PY  - 2015
ER  -

TY  - JOUR
TI  - A Study of Vortioxetine in Adult Patients With Major Depressive Disorder
T2  - ClinicalTrials.gov
PY  - 2015
ER  -
"""


def test_kinds_kept_apart_through_import_and_dedup(project_a, capsys, tmp_path):
    """Through `reviewkit import` and `reviewkit dedup`: no record of these kinds is merged;
    the yearly title and the follow-up wait for a person."""
    folder = str(project_a.folder)
    project_a.close()
    path = tmp_path / "kinds.ris"
    path.write_text(KINDS_RIS, encoding="utf-8")
    assert main(["import", str(path), "--project", folder]) == 0
    capsys.readouterr()
    assert main(["dedup", "--project", folder]) == 0
    out = capsys.readouterr().out
    assert "0 duplicate links," in out and "6 records → 6 studies" in out, out
    assert "2 pairs" in out and "review" in out, out
