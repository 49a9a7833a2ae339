"""A notice that names its article by a citation alone (reviewkit.dedup.concern_citations):
'Correction to Lancet Oncol 2021; 22: 872-82' names no title; its journal, year, volume and
first page name one article, and only where one article fits is the notice attached."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import add_records

from reviewkit.dedup.concerns import ERRATUM, concerns_among
from reviewkit.dedup.concerns_kept import project_concerns
from reviewkit.dedup.follow_on import notice_about_a_paper
from reviewkit.records import Correction, Record

LANCET = Record(
    title="Pembrolizumab versus chemotherapy in advanced gastric cancer: a randomised trial",
    journal="The Lancet. Oncology",
    journal_abbreviation="Lancet Oncol",
    year=2021,
    volume="22",
    pages="872-882",
)
REHAB = Record(
    title="Graded activity and sick leave in workers with low back pain: a randomised trial",
    journal="Journal of occupational rehabilitation",  # no abbreviation given (RIS)
    year=2019,
    volume="29",
    issue="2",
    pages="456-65",
)


@pytest.mark.parametrize(
    ("article", "title"),
    [
        (LANCET, "Correction to Lancet Oncol 2021; 22: 872-82."),
        (REHAB, "Erratum in: J Occup Rehabil. 2019;29(2):456"),
        (REHAB, "Correction to: J Occup Rehabil 2019 Jun;29(2):456-65"),
    ],
)
def test_a_notice_citing_its_article_is_attached_to_it(article: Record, title: str) -> None:
    notice = Record(title=title, year=2021)
    found = concerns_among({1: article, 2: notice})
    assert [(c.kind, c.notice, c.how) for c in found[1]] == [(ERRATUM, 2, "the citation it gives")]


def test_the_same_article_from_two_databases_is_one_article() -> None:
    notice = Record(title="Correction to Lancet Oncol 2021; 22: 872-82.", year=2021)
    copy = replace(LANCET, journal="LANCET ONCOLOGY", journal_abbreviation="")
    assert sorted(concerns_among({1: LANCET, 2: copy, 3: notice})) == [1, 2]


@pytest.mark.parametrize(
    "title",
    [
        "Correction to Lancet Oncol 2021; 22: 871-82.",  # another first page
        "Correction to Lancet Oncol 2020; 22: 872-82.",  # another year
        "Correction to Lancet Neurol 2021; 22: 872-82.",  # another journal
        "Correction to J Clin Oncol 2021; 22: 872-82.",
        # a title before the citation: the title rules' notice, not a citation alone
        "Correction to: Checkpoint inhibitors in gastric cancer. Lancet Oncol 2021; 22: 872-82",
    ],
)
def test_a_citation_of_another_place_or_journal_names_nothing(title: str) -> None:
    assert not concerns_among({1: LANCET, 2: Record(title=title, year=2021)})


def test_a_title_before_a_citation_is_read_by_the_title_rule() -> None:
    """A title with no digit or colon before a citation reads as a journal's name to the
    citation rule, which then finds no journal of that name: the title names the article."""
    article = replace(REHAB, title="Graded activity and sick leave in workers with low back pain")
    notice = Record(
        title=f"Erratum to: {article.title}. J Occup Rehabil. 2019;29(2):456", year=2019
    )
    found = concerns_among({1: article, 2: notice})
    assert [(c.notice, c.how) for c in found[1]] == [(2, "its title")]


def test_two_articles_at_the_cited_place_attach_the_notice_to_neither() -> None:
    """Two titles at one journal, year, volume and page (a supplement's abstracts, a page
    misread): the citation cannot tell which."""
    other = replace(LANCET, title="Nivolumab in advanced gastric cancer: a cohort study")
    notice = Record(title="Correction to Lancet Oncol 2021; 22: 872-82.", year=2021)
    assert not concerns_among({1: LANCET, 2: other, 3: notice})


def test_a_project_reads_the_citation_and_the_years_of_its_records(project_b) -> None:
    """The project's notices are found without parsing every record: the journal, volume,
    pages and year are read with the title (an older notice naming a later article's title
    is refused there too)."""
    later = replace(
        REHAB, title="Exercise therapy for workers on sick leave with neck pain", year=2023
    )
    erratum = Record(title=f"Erratum to: {later.title}", year=2020)
    ids = add_records(
        project_b,
        [LANCET, Record(title="Correction to Lancet Oncol 2021; 22: 872-82."), later, erratum],
    )
    found = project_concerns(project_b.db)
    assert [(c.notice, c.how) for c in found[ids[0]]] == [(ids[1], "the citation it gives")]
    assert ids[2] not in found


# The Lancet's errata column as PubMed holds it, each field as the snapshot's record gives it:
# 'Department of Error.' (PMID 34090604, Lancet 2021;397(10290):2150; the snapshot's other two,
# 33971153 and 34090603, have the same shape), with no abstract; what it corrects is named only
# by its PubMed link, by PMID and by PubMed's citation (RefSource): PMID 33773631
DEPARTMENT_OF_ERROR = Record(
    title="Department of Error.",
    journal="Lancet (London, England)",
    journal_abbreviation="Lancet",
    year=2021,
    volume="397",
    issue="10290",
    pages="2150",
    doi="10.1016/S0140-6736(21)01157-0",
    pmid="34090604",
    publication_types=["Published Erratum"],
    comments_corrections=[
        Correction("ErratumFor", "Lancet. 2021 Mar 27;397(10280):1195-1203", "33773631")
    ],
)
CORRECTED = Record(
    title="Discontinuing β-lactam treatment after 3 days for patients with community-acquired"
    " pneumonia in non-critical care wards (PTC): a double-blind, randomised,"
    " placebo-controlled, non-inferiority trial.",
    journal="Lancet (London, England)",
    journal_abbreviation="Lancet",
    year=2021,
    volume="397",
    issue="10280",
    pages="1195-1203",
    doi="10.1016/S0140-6736(21)00313-5",
    pmid="33773631",
    comments_corrections=[
        Correction("ErratumIn", "Lancet. 2021 Jun 5;397(10290):2150", "34090604")
    ],
)


def test_the_lancets_department_of_error_as_pubmed_holds_it() -> None:
    """Its article from PubMed: by PubMed's link, from either end. Its article from another
    database (Embase: no PMID, no link, the journal's name as the publisher gives it): by the
    place PubMed's link cites, as a title naming only a citation would; not an article at
    another page of that volume."""
    assert notice_about_a_paper(DEPARTMENT_OF_ERROR)
    found = concerns_among({1: CORRECTED, 2: DEPARTMENT_OF_ERROR})
    assert [(c.kind, c.pmid, c.notice) for c in found[1]] == [(ERRATUM, "34090604", 2)]
    embase = replace(
        CORRECTED, pmid="", journal="The Lancet", journal_abbreviation="", comments_corrections=[]
    )
    found = concerns_among({1: embase, 2: DEPARTMENT_OF_ERROR})
    assert [(c.kind, c.notice, c.how) for c in found[1]] == [(ERRATUM, 2, "the citation it gives")]
    elsewhere = replace(embase, title="Another trial in the same volume", pages="1204-12")
    assert not concerns_among({1: elsewhere, 2: DEPARTMENT_OF_ERROR})


# A meeting's abstract as Embase gives it (ASCO's, printed in a supplement of J Clin Oncol, its
# abstract's number for the page, the supplement in the issue field or in the volume field):
# its page is a number an article of the volume's plain issues may have too
ABSTRACT = Record(
    title="Adjuvant capecitabine in resected biliary tract cancer: a pooled analysis",
    journal="Journal of Clinical Oncology",
    year=2019,
    volume="37",
    issue="15 Supplement 1",
    pages="1500",
)


@pytest.mark.parametrize(
    "abstract", [ABSTRACT, replace(ABSTRACT, volume="37 (15 Supplement 1)", issue="")]
)
@pytest.mark.parametrize(
    "notice",
    [
        # PubMed's erratum linked to an article the project does not hold (its PMID no record's)
        Record(
            title="Erratum: Adjuvant therapy in colon cancer.",
            year=2019,
            pmid="31200002",
            publication_types=["Published Erratum"],
            comments_corrections=[
                Correction("ErratumFor", "J Clin Oncol. 2019 Jun 10;37(17):1500-1510", "31100001")
            ],
        ),
        Record(title="Erratum in: J Clin Oncol. 2019;37(17):1500", year=2019),
    ],
)
def test_a_citation_of_a_plain_issue_names_no_abstract_of_a_supplement(
    abstract: Record, notice: Record
) -> None:
    """A citation naming its issue ('37(17)') names no record printed in a supplement of that
    volume at that page: the supplement is another issue (a meeting's abstracts numbered from
    1 beside the volume's pages). A citation of the supplement names it."""
    assert not concerns_among({1: abstract, 2: notice})
    cited = "J Clin Oncol. 2019 Jun;37(15_suppl):1500"
    to_supplement = Record(title=f"Erratum in: {cited}", year=2019)
    found = concerns_among({1: abstract, 2: to_supplement})
    assert [(c.notice, c.how) for c in found[1]] == [(2, "the citation it gives")]


def test_a_project_reads_the_supplement_of_its_records(project_b) -> None:
    """The project's records are read without parsing them: their issue too."""
    notice = Record(title="Erratum in: J Clin Oncol. 2019;37(17):1500", year=2019)
    add_records(project_b, [ABSTRACT, notice])
    assert not project_concerns(project_b.db)
