"""A URL is an identifier where it names one (formats.identifier_urls, applied for every reader
by formats.findable): a doi.org, PubMed or PMC link gives the DOI, PMID or PMCID a record lacks,
so a record whose only identifier is such a link is read (not refused as unfindable) and can be
matched by dedup and by decisions exchanged between machines."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.errors import FormatError
from reviewkit.formats.identifier_urls import url_identifiers

DOI_URL = "https://doi.org/10.1000/RTW.2020.1"
PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/12345678/"
# one record per reader, no title, no identifier field: only the link (and an author, a year)
ONLY_A_LINK = {
    # (RIS read a doi.org link in UR as the DOI before; a PubMed link there, and L2, it did not)
    "ris-ur.ris": f"TY  - JOUR\nAU  - Smith, J\nPY  - 2020\nUR  - {PUBMED_URL}\nER  - \n",
    "ris-l2.ris": f"TY  - JOUR\nAU  - Smith, J\nPY  - 2020\nL2  - {DOI_URL}\nER  - \n",
    "bibtex.bib": f"@article{{a,\n  author = {{Smith, J}},\n  year = 2020,\n  url = {{{DOI_URL}}}\n}}\n",
    "sheet.csv": f"Title,Authors,Year,URL\n,Smith J,2020,{PUBMED_URL}\n",
    "endnote.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><xml><records><record>'
        '<ref-type name="Journal Article">17</ref-type>'
        "<contributors><authors><author><style>Smith, J</style></author></authors></contributors>"
        "<dates><year>2020</year></dates>"
        "<urls><related-urls><url><style>http://www.ncbi.nlm.nih.gov/pubmed/12345678</style>"
        "</url></related-urls></urls></record></records></xml>\n"
    ),
    "refworks.txt": f"RT Journal Article\nA1 Smith, J\nYR 2020\nUL {DOI_URL}\n",
}
# the DOI as the link wrote it, like a DOI field (records.clean_doi); matching folds the case
NAMED = {"doi": "10.1000/RTW.2020.1", "pmid": "12345678"}


@pytest.mark.parametrize("name", ONLY_A_LINK)
def test_a_record_whose_only_identifier_is_a_link_is_read(tmp_path: Path, name: str) -> None:
    """Before: refused as having 'neither a title nor an identifier'."""
    path = tmp_path / name
    path.write_text(ONLY_A_LINK[name], encoding="utf-8")
    (record,) = formats.read_file(path)
    expected = "pmid" if "pubmed" in ONLY_A_LINK[name] else "doi"
    assert getattr(record, expected) == NAMED[expected]


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("https://doi.org/10.1002/14651858.CD001", {"doi": "10.1002/14651858.CD001"}),
        ("http://dx.doi.org/10.1136/bmj.m1", {"doi": "10.1136/bmj.m1"}),
        ("https://doi.org/10.1002%2F(SICI)1097-4636", {"doi": "10.1002/(SICI)1097-4636"}),
        (  # a SICI DOI ending in its check character '#', unescaped: not cut at the '#'
            "https://doi.org/10.1002/(SICI)1097-0258(19980215)17:3<271::AID-SIM723>3.0.CO;2-#",
            {"doi": "10.1002/(SICI)1097-0258(19980215)17:3<271::AID-SIM723>3.0.CO;2-#"},
        ),
        ("https://pubmed.ncbi.nlm.nih.gov/12345678/", {"pmid": "12345678"}),
        ("https://pubmed.ncbi.nlm.nih.gov/12345678", {"pmid": "12345678"}),
        ("https://www.ncbi.nlm.nih.gov/pubmed/12345678", {"pmid": "12345678"}),
        (
            "http://www.ncbi.nlm.nih.gov/entrez/query.fcgi?cmd=Retrieve&db=PubMed"
            "&dopt=Citation&list_uids=9876543",
            {"pmid": "9876543"},
        ),
        ("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/", {"pmcid": "PMC1234567"}),
        ("https://pmc.ncbi.nlm.nih.gov/articles/PMC1234567/", {"pmcid": "PMC1234567"}),
        ("https://europepmc.org/article/MED/12345678", {"pmid": "12345678"}),
    ],
)
def test_links_that_name_an_identifier(url: str, named: dict[str, str]) -> None:
    assert url_identifiers(url) == named


@pytest.mark.parametrize(
    "url",
    [
        "https://onlinelibrary.wiley.com/doi/10.1002/x.1",  # a publisher's page: not read
        # the CENTRAL entry's own DOI, not the trial article's
        "https://www.cochranelibrary.com/central/doi/10.1002/central/CN-01234567/full",
        "https://pubmed.ncbi.nlm.nih.gov/?term=return+to+work",  # a search, not a record
        "https://www.ncbi.nlm.nih.gov/pubmed/?term=12345678",
        "https://pubmed.ncbi.nlm.nih.gov/123456789/",  # nine digits: no PMID (records rule)
        "https://doi.org/",
        "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/pdfs",  # no article's page
        "https://example.org/10.1000/x",
        "http://www.ncbi.nlm.nih.gov/entrez/query.fcgi?db=PubMed&list_uids=1,2",
        "ftp://doi.org/10.1000/x",
        "http://[broken",
    ],
)
def test_links_that_name_nothing_we_know(url: str) -> None:
    assert url_identifiers(url) == {}


def test_an_unknown_link_stays_a_url(tmp_path: Path) -> None:
    path = tmp_path / "page.ris"
    path.write_text(
        "TY  - JOUR\nTI  - Sick leave\nUR  - https://example.org/a\nER  - \n\n"
        f"TY  - JOUR\nTI  - Return to work\nUR  - {PUBMED_URL}\nER  - \n"
    )
    unknown, known = formats.read_file(path)
    assert (unknown.url, unknown.doi, unknown.pmid) == ("https://example.org/a", "", "")
    assert (known.url, known.pmid) == (PUBMED_URL, "12345678")


def test_a_records_own_identifiers_win_over_its_links(tmp_path: Path) -> None:
    """The link may be to a commentary or an erratum: the record's own ids are kept, silently;
    the link still fills the identifier the record lacks."""
    path = tmp_path / "both.ris"
    path.write_text(
        "TY  - JOUR\nTI  - Sick leave\nDO  - 10.1000/own\nUR  - https://doi.org/10.1000/other\n"
        f"L2  - {PUBMED_URL}\nER  - \n"
    )
    (record,) = formats.read_file(path)
    assert (record.doi, record.pmid) == ("10.1000/own", "12345678")


def test_links_naming_two_different_dois_give_none(tmp_path: Path) -> None:
    """One of two links is another work's (a commentary, an erratum): the first link's DOI
    was taken, which may be that work's and merge the record with it; a PMID named once
    is still taken."""
    path = tmp_path / "two.ris"
    path.write_text(
        "TY  - JOUR\nTI  - Sick leave\nUR  - https://doi.org/10.1000/a\n"
        f"L2  - https://doi.org/10.1000/b\nL2  - {PUBMED_URL}\nER  - \n"
    )
    (record,) = formats.read_file(path)
    assert (record.doi, record.pmid) == ("", "12345678")


def test_a_link_to_nothing_known_does_not_make_a_record_findable(tmp_path: Path) -> None:
    """Row 2 is read for its PubMed link; row 3's link names nothing, and it is refused."""
    path = tmp_path / "nothing.csv"
    path.write_text(
        f"Title,Authors,URL\n,Smith J,{PUBMED_URL}\n,Doe A,https://example.org/a\n",
        encoding="utf-8",
    )
    with pytest.raises(FormatError) as caught:
        list(formats.read_file(path))
    assert caught.value.where == f"{path}:3"


def test_a_ris_link_to_a_page_on_doi_org_naming_no_doi_stays_the_url(tmp_path: Path) -> None:
    """RIS read any UR holding 'doi.org/' as a DOI link and dropped it from the URL, by a rule
    of its own: a record of a page on doi.org that names no DOI lost its only link."""
    path = tmp_path / "page.ris"
    handbook = "https://www.doi.org/the-identifier/resources/handbook"
    path.write_text(
        f"TY  - ELEC\nTI  - The DOI Handbook\nUR  - {handbook}\nER  - \n\n"
        "TY  - JOUR\nTI  - Sick leave\nUR  - https://doi.org/10.1002/x.1\nER  - \n",
        encoding="utf-8",
    )
    page, article = formats.read_file(path)
    assert (page.url, page.doi) == (handbook, "")
    assert (article.url, article.doi) == ("", "10.1002/x.1")


def test_ris_links_to_dois_not_the_records_stay_its_url(tmp_path: Path) -> None:
    """Links to two DOIs give the record none, and a link to another DOI than its own is
    another work's: RIS dropped every doi.org link from the URL, so such a record kept neither
    the DOI nor the link. A link naming the record's own DOI still goes (the DOI stands for it)."""
    path = tmp_path / "links.ris"
    path.write_text(
        "TY  - JOUR\nTI  - Two\nUR  - https://doi.org/10.1000/a\nUR  - https://doi.org/10.1000/b\n"
        "ER  - \n\nTY  - JOUR\nTI  - Own\nDO  - 10.1000/own\nUR  - https://doi.org/10.1000/OWN\n"
        "UR  - https://doi.org/10.1000/comment\nER  - \n",
        encoding="utf-8",
    )
    two, own = formats.read_file(path)
    assert (two.doi, two.url) == ("", "https://doi.org/10.1000/a")
    assert (own.doi, own.url) == ("10.1000/own", "https://doi.org/10.1000/comment")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # OpenURL 0.1, as Embase.com and Ovid write it (a library's SFX resolver; any host)
        (
            "http://sfx.library.uu.nl/utrecht?sid=EMBASE&issn=0008543X"
            "&id=doi:10.1002%2Fcncr.20369&atitle=Endoscopic&id=pmid:",
            {"doi": "10.1002/cncr.20369"},
        ),
        # OpenURL 1.0, as ProQuest writes it
        (
            "http://sfx.example.edu/r?url_ver=Z39.88-2004&rft_id=info:doi/10.1002%2Fjts.22387",
            {"doi": "10.1002/jts.22387"},
        ),
        ("https://resolver.example.org/openurl?id=pmid:15368318", {"pmid": "15368318"}),
        ("https://resolver.example.org/openurl?rft_id=info:pmid/15368318", {"pmid": "15368318"}),
        # Embase's own record number, and two different DOIs: no identifier
        ("http://www.embase.com/search/results?subaction=viewrecord&id=L39097156", {}),
        ("https://r.example.org/o?id=doi:10.1000/a&rft_id=info:doi/10.1000/b", {}),
    ],
)
def test_openurl_names_its_article(url: str, expected: dict[str, str]) -> None:
    assert url_identifiers(url) == expected
