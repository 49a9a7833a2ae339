"""A link to a preprint's page on its server (formats.preprint_servers.preprint_page) gives the
DOI the page's address holds (medRxiv's and bioRxiv's '/content/10.1101/…', arXiv's id, SSRN's
abstract id) and names the server: a Zotero preprint exported with that link alone (its RIS
export writes the item type as GEN, its Repository empty) is read as the preprint it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.formats.identifier_urls import url_identifiers
from reviewkit.formats.kinds import record_kind


@pytest.mark.parametrize(
    ("url", "doi"),
    [
        (
            "https://www.medrxiv.org/content/10.1101/2020.04.01.20050542v1.full",
            "10.1101/2020.04.01.20050542",
        ),
        (
            "https://www.biorxiv.org/content/10.1101/2020.04.27.063578v2.full.pdf",
            "10.1101/2020.04.27.063578",
        ),
        ("http://biorxiv.org/content/10.1101/099994v1.abstract", "10.1101/099994"),  # 2019's form
        (  # openRxiv's prefix since December 2025
            "https://www.biorxiv.org/content/10.64898/2026.01.05.123456v1",
            "10.64898/2026.01.05.123456",
        ),
        ("https://arxiv.org/abs/2101.00001v2", "10.48550/arXiv.2101.00001"),
        ("https://arxiv.org/pdf/2101.00001v2.pdf", "10.48550/arXiv.2101.00001"),
        ("http://arxiv.org/abs/math.GT/0309136", "10.48550/arXiv.math/0309136"),
        ("https://papers.ssrn.com/sol3/papers.cfm?abstract_id=3557504", "10.2139/ssrn.3557504"),
        ("https://ssrn.com/abstract=3557504", "10.2139/ssrn.3557504"),
    ],
)
def test_a_preprint_page_gives_its_doi(url: str, doi: str) -> None:
    assert url_identifiers(url) == {"doi": doi}


def _zotero(tmp_path: Path, link: str):
    path = tmp_path / "zotero.ris"
    path.write_text(
        "TY  - GEN\nTI  - Return to work after COVID-19\nAU  - Lund, Eva\nPY  - 2020\n"
        f"UR  - {link}\nER  - \n",
        encoding="utf-8",
    )
    (record,) = formats.read_file(path)
    return record


def test_a_zotero_preprint_linked_to_its_medrxiv_page_is_that_preprint(tmp_path: Path) -> None:
    """Before: a generic record without a DOI."""
    page = "https://www.medrxiv.org/content/10.1101/2020.04.01.20050542v1.full"
    record = _zotero(tmp_path, page)
    assert (record.doi, record.journal, record.publication_types, record.url) == (
        "10.1101/2020.04.01.20050542",
        "medRxiv",
        ["Preprint"],
        page,  # kept: it names the version read, the DOI the latest
    )
    assert record_kind(record) == ""  # a journal article, as a preprint is from every source


def test_a_zotero_preprint_linked_to_its_research_square_page_names_the_server(
    tmp_path: Path,
) -> None:
    record = _zotero(tmp_path, "https://www.researchsquare.com/article/rs-1800050/v1")
    assert (record.doi, record.journal, record.publication_types) == (
        "",
        "Research Square",
        ["Preprint"],
    )
    # the DOI is not in the address: Research Square's has a part the link lacks
    # ('10.21203/rs.3.rs-1800050/v1'), OSF's servers' take versions the link may not name
    assert _zotero(tmp_path, "https://osf.io/preprints/psyarxiv/abc12").journal == "PsyArXiv"
    for page in (
        "https://www.researchsquare.com/article/rs-1800050/v1",
        "https://osf.io/preprints/psyarxiv/abc12",
        "https://osf.io/abc12",  # any OSF project, not a preprint
        "https://www.biorxiv.org/content/early/2020/04/03/x",
    ):
        assert url_identifiers(page) == {}
    # a generic item linked to any other page stays generic
    other = _zotero(tmp_path, "https://example.org/report.pdf")
    assert (other.journal, record_kind(other)) == ("", "generic")


def _read(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (record,) = formats.read_file(path)
    return record


ARTICLE = "TI  - Return to work after COVID-19\nAU  - Lund, Eva\nPY  - 2021\nJO  - BMJ Open\n"


@pytest.mark.parametrize(
    "page",
    [
        "https://www.medrxiv.org/content/10.1101/2020.04.01.20050542v1.full",
        "https://arxiv.org/abs/2101.00001v2",
        "https://papers.ssrn.com/sol3/papers.cfm?abstract_id=3557504",
    ],
)
def test_a_journal_article_linked_to_its_preprint_takes_no_preprint_doi(
    tmp_path: Path, page: str
) -> None:
    """The page is its preprint's, another version under another DOI: taken, the article would
    be merged with its preprint in dedup, and kept apart from its own PubMed record."""
    record = _read(tmp_path, "a.ris", f"TY  - JOUR\n{ARTICLE}UR  - {page}\nER  - \n")
    assert (record.doi, record.url) == ("", page)
    bib = _read(
        tmp_path,
        "a.bib",
        "@article{lund, title={Return to work after COVID-19}, author={Lund, Eva},"
        f" year={{2021}}, journal={{BMJ Open}}, url={{{page}}}}}\n",
    )
    assert bib.doi == ""


def test_a_journal_article_linked_to_its_doi_and_its_preprint_keeps_its_doi(
    tmp_path: Path,
) -> None:
    """Before: the two links named two DOIs, and the record was given neither."""
    record = _read(
        tmp_path,
        "a.ris",
        f"TY  - JOUR\n{ARTICLE}UR  - https://doi.org/10.1136/bmjopen-2021-012345\n"
        "UR  - https://arxiv.org/abs/2101.00001v2\nER  - \n",
    )
    assert record.doi == "10.1136/bmjopen-2021-012345"


def test_a_preprint_named_by_nlms_long_title_takes_its_page_doi(tmp_path: Path) -> None:
    record = _read(
        tmp_path,
        "p.ris",
        "TY  - JOUR\nTI  - Return to work after COVID-19\nAU  - Lund, Eva\nPY  - 2020\n"
        "JO  - medRxiv : the preprint server for health sciences\n"
        "UR  - https://www.medrxiv.org/content/10.1101/2020.04.01.20050542v1\nER  - \n",
    )
    assert record.doi == "10.1101/2020.04.01.20050542"
