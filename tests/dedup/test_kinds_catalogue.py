"""The catalogue of record kinds (issue 14): for each kind, a true duplicate as another
database exports it and a near-miss that is another work, run through the public dedup
functions (keys -> match) and once through `reviewkit import` + `reviewkit dedup`.

Outcomes: 'merged' (a duplicate link), 'queued' (a person decides) or 'apart'. Each test is a
kind, not a row of a benchmark set; the catalogue, with what the tool does for each kind and
why, is in benchmarks/results/dedup-heldout.md ('Catalogue of record kinds').
"""

from __future__ import annotations

import csv

from dedup.helpers import NO_PLACE, dedup_central_and_portal, outcome, rec

from reviewkit.cli import main
from reviewkit.records import Record

AUTHORS = ["Hansen, Kari", "Olsen, Per", "Berg, Anne"]
TITLE = "Graded activity and workplace dialogue for sick-listed workers with low back pain"


def article(**kw) -> Record:
    """A journal article as MEDLINE exports it (helpers.rec under this file's title)."""
    return rec(**{"title": TITLE, **kw})


# --- trial registrations ---------------------------------------------------------------------

REG_TITLE = "Graded Activity and Workplace Dialogue for Sick-listed Workers With Low Back Pain"
PHASE = "A Phase {} Study of Vortioxetine in {} With Major Depressive Disorder"


def registration(number: str = "NCT01234567", **kw) -> Record:
    """CENTRAL's record of a trial registration: a title, the register's address in the source
    field, a year; no authors, volume or pages."""
    base = dict(
        title=REG_TITLE,
        authors=[],
        year=2015,
        journal=f"https://clinicaltrials.gov/show/{number}",
        source="CENTRAL",
    )
    base.update(kw)
    return Record(**base)


def test_a_registration_and_the_trials_article_are_two_reports():
    reg = registration(year=2019)
    assert outcome(reg, article()) == ("apart", "")
    # the article under the registration's title word for word, in the same year: still two
    assert outcome(reg, article(title=REG_TITLE)) == ("apart", "")


def test_one_registration_exported_twice_is_one_record_whatever_its_titles():
    # CENTRAL's record and WHO's portal's (the register's official title, not the brief one)
    portal = registration(
        title="Effect of Graded Activity Combined With a Workplace Dialogue Meeting on Return "
        "to Work: a Randomised Trial",
        journal="https://trialsearch.who.int/Trial2.aspx?TrialID=NCT01234567",
        source="ICTRP",
    )
    assert outcome(registration(), portal) == ("merged", "registration_numbers")


def test_two_registration_numbers_are_two_records():
    # sister trials of one sponsor: the phase written as a roman numeral in one, arabic in the
    # other, or the same title registered twice (two countries' trials): two numbers, two trials
    a = registration("NCT01234567", title=PHASE.format("3", "Adults"))
    for title in (PHASE.format("III", "Adults"), PHASE.format("3", "Adults")):
        assert outcome(a, registration("NCT01234570", title=title)) == ("apart", "")
    # one trial in two registers is one study, not one record: a study link joins them
    isrctn = registration(journal="http://www.isrctn.com/ISRCTN12345678")
    assert outcome(registration(), isrctn) == ("apart", "")


def test_registrations_one_phase_arm_or_age_word_apart_are_two_trials():
    # EU-CTR's address names the trial's EudraCT number: sister trials have two
    eu = "https://www.clinicaltrialsregister.eu/ctr-search/search?query=eudract_number:{}"
    a = registration(title=PHASE.format("3", "Adults"), journal=eu.format("2014-001234-12"))
    for number, title in (
        ("2014-001235-30", PHASE.format("2", "Adults")),  # another phase
        ("2014-001236-41", PHASE.format("3", "Adolescents")),  # another age group
        ("2015-000123-11", PHASE.format("3", "Adults")),  # the same title, two trials
    ):
        assert outcome(a, registration(title=title, journal=eu.format(number))) == ("apart", "")
    # a register's address without a number (a search page): the title words still tell them
    # apart, and the same title twice goes to a person, as for any bare title (sister trials'
    # registrations share all but a word)
    search = "https://www.clinicaltrialsregister.eu/ctr-search/search?query=vortioxetine"
    a = registration(title=PHASE.format("3", "Adults"), journal=search)
    for title in (
        PHASE.format("2", "Adults"),
        PHASE.format("3", "Adolescents"),
        PHASE.format("3", "Adults").replace("Vortioxetine", "Vortioxetine Versus Placebo"),
    ):
        assert outcome(a, registration(title=title, journal=search))[0] != "merged"
    twice = registration(title=PHASE.format("3", "Adults"), journal=search)
    assert outcome(a, twice) == ("queued", "registration_numbers")
    # the register's name alone is no address and no number: two bare titles, a person decides
    ctgov = registration(title=PHASE.format("3", "Adults"), journal="ClinicalTrials.gov")
    assert outcome(
        ctgov, registration(title=PHASE.format("3", "Adults"), journal="ClinicalTrials.gov")
    ) == ("queued", "title_only_record")
    for title in (PHASE.format("2", "Adults"), PHASE.format("3", "Adolescents")):
        sister = registration(title=title, journal="ClinicalTrials.gov")
        assert outcome(ctgov, sister)[0] != "merged"


# --- preprints ---------------------------------------------------------------------------------

PUBLISHED = dict(year=2021, doi="10.1136/oemed-2020-107001")


def test_a_preprint_and_its_journal_article_go_to_a_person():
    servers = [
        dict(journal="medRxiv", doi="10.1101/2020.05.01.20087619"),
        dict(journal="Research Square", doi="10.21203/rs.3.rs-123456/v1"),
        dict(journal="SSRN Electronic Journal", doi="10.2139/ssrn.3567890"),
        dict(journal="PsyArXiv", doi="10.31234/osf.io/abcde"),
    ]
    for server in servers:
        pre = article(year=2020, source="medRxiv", **NO_PLACE, **server)
        assert outcome(pre, article(**PUBLISHED)) == ("queued", "preprint_and_article")
    # without DOIs the bibliographic rules queue it as before
    pre = article(year=2020, journal="medRxiv", **NO_PLACE)
    assert outcome(pre, article(year=2021)) == ("queued", "biblio_partial")


def test_every_server_a_reader_knows_is_a_preprint_to_dedup():
    """One list of servers (formats.preprint_servers) for the readers and dedup: the servers
    only the readers named (ChemRxiv, OSF Preprints …) were no preprints to dedup, by name."""
    for name in ("ChemRxiv", "TechRxiv", "EarthArXiv", "EdArXiv", "OSF Preprints"):
        for journal in (name, name.upper()):
            pre = article(year=2020, journal=journal, doi="10.5555/preprint.2020.1", **NO_PLACE)
            assert outcome(pre, article(**PUBLISHED)) == ("queued", "preprint_and_article")
    # a journal whose name starts as a server's does not: 'JMIR Preprints' is one, not JMIR's
    jmir = article(
        year=2020, journal="JMIR Public Health and Surveillance", doi="10.2196/1", **NO_PLACE
    )
    assert outcome(jmir, article(**PUBLISHED)) == ("apart", "")


def test_a_preprint_as_pubmed_and_openrxiv_name_it_is_a_preprint_to_dedup():
    """PubMed's source for a Research Square preprint is NLM's abbreviation, 'Res Sq'; bioRxiv
    and medRxiv DOIs have had openRxiv's prefix, 10.64898, since December 2025."""
    for server in (
        dict(journal="Res Sq", doi="10.5555/preprint.2020.1"),
        dict(journal="Sick Leave Notes", doi="10.64898/2026.01.05.123456"),
    ):
        pre = article(year=2020, **NO_PLACE, **server)
        assert outcome(pre, article(**PUBLISHED)) == ("queued", "preprint_and_article")


def test_a_preprint_of_another_work_or_a_cold_spring_harbor_article_is_no_preprint_pair():
    pre = article(journal="medRxiv", year=2020, doi="10.1101/2020.05.01.20087619", **NO_PLACE)
    other = "Early dialogue meetings with the employer for nurses on sick leave: a cohort study"
    assert outcome(pre, article(title=other, **PUBLISHED)) == ("apart", "")
    # 10.1101 with letters is Cold Spring Harbor's journals (Genome Research), not bioRxiv
    genome = article(
        journal="Genome Research", doi="10.1101/gr.227439.113", year=2020, volume="30",
        pages="1-12",
    )  # fmt: skip
    assert outcome(genome, article(**PUBLISHED)) == ("apart", "")


# --- translated titles and transliterated names -----------------------------------------------

TIDSSKRIFT = dict(
    journal="Tidsskrift for den Norske Laegeforening", volume="130", issue="12",
    pages="1234-1238", year=2010,
)  # fmt: skip
BRACKETED = "[Sick leave and return to work for low back pain in general practice]."


def test_pubmeds_bracketed_translation_against_embases_titles():
    pm = article(title=BRACKETED, authors=["Müller, Hans", "Sørensen, Åse"], **TIDSSKRIFT)
    names = dict(authors=["Mueller, H.", "Soerensen, A."], source="Embase")
    # Embase's English title: merged
    english = BRACKETED.strip("[].")
    assert outcome(pm, article(title=english, **names, **TIDSSKRIFT)) == ("merged", "biblio_match")
    # Embase's English title with the original after it: the mark is dropped, merged
    marked = english + ". Norwegian Sykmelding og retur til arbeid"
    assert outcome(pm, article(title=marked, **names, **TIDSSKRIFT))[0] == "merged"
    # the original-language title alone: titles share nothing, a person decides
    original = "Sykmelding og retur til arbeid ved korsryggsmerter i allmennpraksis"
    assert outcome(pm, article(title=original, **names, **TIDSSKRIFT))[0] == "queued"


def test_a_bracketed_translation_of_another_article_is_kept_apart():
    pm = article(title=BRACKETED, authors=["Müller, Hans", "Sørensen, Åse"], **TIDSSKRIFT)
    other = article(
        title="Sick leave and return to work for neck pain in occupational health services",
        authors=["Mueller, H.", "Soerensen, A."],
        **{**TIDSSKRIFT, "pages": "1301-1305"},
    )
    assert outcome(pm, other) == ("apart", "")


def test_transliterated_author_names_are_one_list():
    native = ["Müller, Hans", "Sørensen, Åse", "Ångström, Per"]
    for written in (
        ["Mueller, H.", "Soerensen, A.", "Aangstroem, P."],  # German and Scandinavian digraphs
        ["Muller, H", "Sorensen, A", "Angstrom, P"],  # the marks dropped
        ["Müller, H", "Sörensen, Å", "Ångström, P"],  # ø as ö
    ):
        assert outcome(article(authors=native), article(authors=written))[0] == "merged"


def test_other_authors_under_one_transliteration_are_not_one_list_when_pages_differ():
    a = article(authors=["Müller, Hans", "Berg, Anne"])
    b = article(authors=["Möller, Hans", "Borg, Anna"], pages="301-309")
    assert outcome(a, b)[0] != "merged"


# --- Cochrane review versions ----------------------------------------------------------------------

CDSR = dict(
    journal="Cochrane Database of Systematic Reviews", volume="", issue="",
    title="Workplace interventions for reducing sitting at work",
)  # fmt: skip


def cdsr(doi: str, year: int, **kw) -> Record:
    return article(doi=doi, year=year, pages=doi.split(".")[2][:8], **{**CDSR, **kw})


def test_cochrane_review_versions_are_linked_as_versions_of_one_review():
    pub2 = cdsr("10.1002/14651858.CD010912.pub2", 2016)
    pub3 = cdsr("10.1002/14651858.CD010912.pub3", 2018, authors=["Shrestha, N", "Kukkonen, J"])
    assert outcome(pub2, pub3) == ("merged", "doi_versions")
    # the protocol (the DOI without .pub) is the review's first version
    assert outcome(cdsr("10.1002/14651858.CD010912", 2014), pub2) == ("merged", "doi_versions")
    # one version exported twice is a copy
    assert outcome(pub3, cdsr("10.1002/14651858.CD010912.pub3", 2018, source="Embase"))[0] == (
        "merged"
    )


def test_two_cochrane_reviews_of_close_titles_are_not_merged():
    pub3 = cdsr("10.1002/14651858.CD010912.pub3", 2018)
    other = cdsr(
        "10.1002/14651858.CD012345.pub2", 2018,
        title="Workplace interventions for reducing sitting at work in offices",
    )  # fmt: skip
    assert outcome(pub3, other)[0] != "merged"


# --- conference abstracts ----------------------------------------------------------------------

CONGRESS = "European Psychiatry. Conference: 24th European Congress of Psychiatry"


def test_a_conference_abstract_and_the_full_paper_are_two_publications():
    abstract = article(
        journal=CONGRESS, volume="33", issue="Supplement 1", pages="S245", year=2016,
        source="Embase",
    )  # fmt: skip
    assert outcome(abstract, article(year=2017, volume="43", pages="101-110"))[0] == "queued"
    paper = article(
        year=2016, journal="European Psychiatry", volume="33", issue="7", pages="101-110"
    )
    assert outcome(abstract, paper)[0] == "queued"


def test_one_conference_abstract_in_two_databases_is_one_record():
    abstract = article(
        journal=CONGRESS, volume="33", issue="Supplement 1", pages="S245", year=2016,
        source="Embase",
    )  # fmt: skip
    copy = article(
        journal="European Psychiatry", volume="33", issue="Suppl 1", pages="S245", year=2016
    )
    assert outcome(abstract, copy) == ("merged", "biblio_match")


# --- comments, replies, errata, retractions ------------------------------------------------------

NOTICES = [
    f"Re: {TITLE}",
    f"Response to '{TITLE}'",
    f"Comment on: {TITLE}",
    f"Erratum: {TITLE}",
    f"Correction to: {TITLE}",
    f"Retraction: {TITLE}",
    f"Retraction Note: {TITLE}",
    f'Retraction notice to "{TITLE}" [Scand J Work Environ Health 45 (2019) 245-253]',
    f"Notice of Retraction: {TITLE}",
    f"Expression of concern: {TITLE}",
    f"Editorial Expression of Concern: {TITLE}",
    f"Author's reply: {TITLE}",
    f"Authors' response to: {TITLE}",
]


def test_a_notice_is_not_its_article_on_another_page_or_without_one():
    art = article()
    for title in NOTICES:
        later = article(title=title, volume="46", issue="1", pages="99")
        assert outcome(art, later) == ("apart", ""), title
        unpaged = article(title=title, issue="", pages="")
        assert outcome(art, unpaged) == ("apart", ""), title


def test_a_reply_titled_as_its_article_waits_for_a_person():
    # Web of Science's 'Title - Reply', by the article's own authors, its page dropped
    reply = article(title=f"{TITLE} - Reply", issue="", pages="")
    assert outcome(article(), reply) == ("queued", "reply_titled_as_article")
    # an ordinary title that ends in 'response' is no reply
    a = article(title="Graded activity and early treatment response")
    b = article(title="Graded activity and early treatment response", source="Embase")
    assert outcome(a, b) == ("merged", "biblio_match")


def test_two_copies_of_one_notice_are_one_record():
    a = article(title=f"Erratum: {TITLE}", volume="46", issue="1", pages="99")
    b = article(title=f"Erratum: {TITLE}", volume="46", issue="1", pages="99", source="Embase")
    assert outcome(a, b) == ("merged", "biblio_match")


def test_a_retracted_articles_own_marked_record_is_the_article():
    # Elsevier's and Scopus's 'RETRACTED: Title', Springer's 'RETRACTED ARTICLE: Title'
    for mark in ("RETRACTED: ", "RETRACTED ARTICLE: "):
        marked = article(title=mark + TITLE, source="Scopus")
        assert outcome(article(), marked) == ("merged", "biblio_match")
        # ... and not the retraction notice, on a page of its own
        notice = article(title=f"Retraction: {TITLE}", volume="47", issue="2", pages="210")
        assert outcome(marked, notice) == ("apart", "")


# --- book chapters, theses, report series ------------------------------------------------------

BOOK = dict(
    journal="Handbook of Work Disability: Prevention and Management", volume="", issue="",
    year=2013, kind="chapter", source="PsycINFO",
)  # fmt: skip


def test_two_chapters_of_one_book_are_two_works():
    a = article(title="Return to work after musculoskeletal pain", pages="223-240", **BOOK)
    b = article(title="Return to work after common mental disorders", pages="241-258", **BOOK)
    assert outcome(a, b) == ("apart", "")
    # two books' introductions: a heading that recurs
    intro = article(title="Introduction", pages="1-10", **BOOK)
    other_book = {**BOOK, "journal": "Handbook of Return to Work: From Research to Practice"}
    assert outcome(intro, article(title="Introduction", pages="1-8", **other_book)) == ("apart", "")
    assert outcome(intro, article(title="Introduction", pages="", **other_book)) == ("apart", "")


def test_one_chapter_in_two_databases_is_one_record():
    a = article(title="Return to work after musculoskeletal pain", pages="223-240", **BOOK)
    for pages in ("223-240", ""):
        b = article(title=a.title, pages=pages, **{**BOOK, "source": "Scopus"})
        assert outcome(a, b) == ("merged", "biblio_match")


def test_a_thesis_and_the_article_from_it_are_never_merged():
    thesis = Record(title=TITLE, authors=["Hansen, Kari"], year=2018, kind="thesis",
                    publisher="University of Bergen")  # fmt: skip
    assert outcome(thesis, article()) == ("queued", "title_only_record")
    dai = article(
        journal="Dissertation Abstracts International: Section B: The Sciences and Engineering",
        volume="79", issue="5-B(E)", pages="", year=2018, authors=["Hansen, Kari"],
    )  # fmt: skip
    assert outcome(dai, article()) == ("queued", "biblio_partial")


REPORT = "Sickness absence and return to work in the Nordic countries. Part {}"


def report(title: str, **kw) -> Record:
    base = dict(title=title, authors=["Hansen, Kari"], year=2019, kind="report", publisher="NAV")
    base.update(kw)
    return Record(**base)


def test_numbered_parts_of_a_report_series_are_two_works():
    one = report(REPORT.format(1))
    assert outcome(one, report(REPORT.format(2))) == ("apart", "")
    assert outcome(one, report(REPORT.format("II"))) == ("apart", "")
    nordic = "Sickness absence and return to work in the Nordic countries: {}"
    assert outcome(report(nordic.format("Norway")), report(nordic.format("Sweden"))) == (
        "apart",
        "",
    )
    # an article series in one journal: 'I. Design' / 'II. Results'
    a = article(title="Collaboration between GPs and caseworkers: I. Design", pages="100-110")
    b = article(title="Collaboration between GPs and caseworkers: II. Results", pages="111-120")
    assert outcome(a, b) == ("apart", "")


def test_one_report_from_two_sources_waits_for_a_person():
    # a bare title (no journal, volume or page) is never merged on the title alone
    one = report(REPORT.format(1))
    assert outcome(one, report(REPORT.format("I"), authors=["Hansen, K"])) == (
        "queued",
        "title_only_record",
    )


# --- through the CLI ---------------------------------------------------------------------------

CENTRAL_RIS = """TY  - JOUR
TI  - Graded Activity and Workplace Dialogue for Sick-listed Workers With Low Back Pain
JO  - https://clinicaltrials.gov/show/NCT01234567
PY  - 2015
ER  -

TY  - JOUR
TI  - A Phase 3 Study of Vortioxetine in Adults With Major Depressive Disorder
JO  - https://clinicaltrials.gov/show/NCT01234568
PY  - 2015
ER  -

TY  - JOUR
TI  - A Phase III Study of Vortioxetine in Adults With Major Depressive Disorder
JO  - https://clinicaltrials.gov/show/NCT01234569
PY  - 2015
ER  -
"""
PORTAL_RIS = """TY  - JOUR
TI  - Effect of Graded Activity With a Workplace Dialogue Meeting on Return to Work
JO  - https://trialsearch.who.int/Trial2.aspx?TrialID=NCT01234567
PY  - 2015
ER  -

TY  - JOUR
AU  - Hansen, Kari
AU  - Olsen, Per
TI  - Graded activity and workplace dialogue for sick-listed workers with low back pain
JO  - Scandinavian Journal of Work, Environment and Health
VL  - 45
IS  - 3
SP  - 245
EP  - 253
PY  - 2019
ER  -

TY  - JOUR
AU  - Hansen, Kari
AU  - Olsen, Per
TI  - Erratum: Graded activity and workplace dialogue for sick-listed workers with low back pain
JO  - Scandinavian Journal of Work, Environment and Health
VL  - 45
PY  - 2019
ER  -
"""


def test_registrations_through_import_and_dedup(project_a, capsys, tmp_path):
    """CENTRAL's registrations and WHO's portal's through `reviewkit import` and `reviewkit
    dedup`: the one registration in both merges; the sister trials, the article and its
    erratum stay apart."""
    folder = str(project_a.folder)
    out = dedup_central_and_portal(project_a, capsys, tmp_path, CENTRAL_RIS, PORTAL_RIS)
    assert "1 duplicate link," in out and "6 records → 5 studies" in out
    # the one cluster is the registration's two records, linked by its number
    sheet = tmp_path / "clusters.csv"
    assert main(["dedup", "report", "--project", folder, "--csv", str(sheet)]) == 0
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    assert {r["source"] for r in rows} == {"CENTRAL", "ICTRP"}
    assert {r["linked_by"] for r in rows} == {"rule:registration_numbers"}
