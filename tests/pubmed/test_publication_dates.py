"""The publication date as PubMed's User Guide (2024) documents it, asked of the local server
over HTTP: a single date against a range of the same days, a season's month, and the order of
sort=pub_date. Publication Date [dp]: "If an article is published
electronically and in print on different dates both dates are searchable … The electronic date
will not be searchable if it is later than the print date, except when range searching", and
"Comprehensive searches for a full year should be entered as 2000:2000[dp] rather than
2000[dp]". A print date without a day is its month's first day ("dates without a day are set to
the first day of the month"); "Dates with a season are set as: winter = January, spring =
April, summer = July and fall = October"; the Publication Date sort: "Citations with more than
one publication date, such as electronic and print, are sorted by their earliest publication
date"."""

from __future__ import annotations

from pathlib import Path

import pytest
from pubmed.conftest import ServerFactory
from pubmed.eutils_get import esearch, ids

from reviewkit.pubmed.server import EutilsServer
from reviewkit.pubmed.snapshot import Snapshot


def _article(pmid: int, printed: str, electronic: str = "") -> str:
    online = ""
    if electronic:
        y, m, d = electronic.split("/")
        online = (
            f'<ArticleDate DateType="Electronic"><Year>{y}</Year><Month>{m}</Month><Day>{d}</Day>'
            "</ArticleDate>"
        )
    return (
        f'<PubmedArticle><MedlineCitation><PMID Version="1">{pmid}</PMID><Article>'
        f"<Journal><JournalIssue><PubDate>{printed}</PubDate></JournalIssue></Journal>"
        f"<ArticleTitle>Article {pmid}</ArticleTitle>{online}</Article></MedlineCitation>"
        "<PubmedData><ArticleIdList/></PubmedData></PubmedArticle>"
    )


@pytest.fixture
def dated(tmp_path: Path, make_server: ServerFactory) -> EutilsServer:
    xml = tmp_path / "dates.xml"
    xml.write_text(
        "<PubmedArticleSet>"
        # 1: in print December 2019, online after it (January 2020)
        + _article(1, "<Year>2019</Year><Month>Dec</Month>", "2020/01/10")
        # 2: online (November 2019) before its print issue (March 2020)
        + _article(2, "<Year>2020</Year><Month>Mar</Month><Day>15</Day>", "2019/11/20")
        # 3: print March 2020 without a day (the 1st), online on the 10th: later
        + _article(3, "<Year>2020</Year><Month>Mar</Month>", "2020/03/10")
        + "</PubmedArticleSet>",
        encoding="utf-8",
    )
    return make_server(Snapshot.open([xml], cache_dir=tmp_path))


def test_a_single_date_leaves_out_an_electronic_date_after_the_print_date(
    dated: EutilsServer,
) -> None:
    assert ids(dated, "2020[dp]") == {"2", "3"}  # not 1: its 2020 date is the later, online one
    assert ids(dated, "2020/01[dp]") == ids(dated, "2020/01/10[dp]") == set()
    assert ids(dated, "2020/03/10[dp]") == set()  # 3's print date is March 1st
    assert ids(dated, "2019[dp]") == {"1", "2"}  # 2's online date, before its print date
    assert ids(dated, "2019/11/20[dp]") == ids(dated, "2019/11[dp]") == {"2"}
    assert ids(dated, "2020/03[dp]") == {"2", "3"}
    assert ids(dated, "2019/12[Date - Publication]") == {"1"}  # the print date


def test_a_range_searches_both_dates_whichever_is_later(dated: EutilsServer) -> None:
    assert ids(dated, "2020:2020[dp]") == {"1", "2", "3"}
    assert ids(dated, "2020/01:2020/01[dp]") == ids(dated, "2020/01/10:2020/01/10[dp]") == {"1"}
    assert ids(dated, "2020/03/10:2020/03/10[dp]") == {"3"}
    assert ids(dated, '"2020/01/01"[dp] : "2020/01/31"[dp]') == {"1"}
    # esearch's mindate/maxdate is a range too (NBK25499: a date range)
    limited = esearch(dated, term="article", datetype="pdat", mindate="2020", maxdate="2020")
    assert set(limited["IdList"]) == {"1", "2", "3"}


def test_the_single_date_is_translated_as_ncbi_prints_a_year(dated: EutilsServer) -> None:
    """NCBI printed ``2024[PDAT]`` as ``2024/01/01:2024/12/31[Date - Publication]`` (a recorded
    reply, pubfid6's [LR2]); the text is the range's, the set is the single date's."""
    single = esearch(dated, term="2020[dp]")
    assert single["QueryTranslation"] == "2020/01/01:2020/12/31[Date - Publication]"
    assert single["Count"] == "2"


SEASONS = {
    "<Year>1979</Year><Season>Spring</Season>": "04",
    "<Year>1979</Year><Season>Summer</Season>": "07",
    "<Year>1979</Year><Season>Fall</Season>": "10",
    "<Year>1979</Year><Season>Autumn</Season>": "10",
    "<Year>1979</Year><Season>Winter</Season>": "01",
    "<MedlineDate>1979 Fall-Winter</MedlineDate>": "10",  # several: the first (the Guide)
}


def test_a_season_is_searched_as_its_month(tmp_path: Path, make_server: ServerFactory) -> None:
    xml = tmp_path / "seasons.xml"
    articles = "".join(_article(10 + i, date) for i, date in enumerate(SEASONS))
    xml.write_text(f"<PubmedArticleSet>{articles}</PubmedArticleSet>", encoding="utf-8")
    server = make_server(Snapshot.open([xml], cache_dir=tmp_path))
    for i, month in enumerate(SEASONS.values()):
        assert str(10 + i) in ids(server, f"1979/{month}[dp]"), list(SEASONS)[i]
    assert ids(server, "1979/01[dp]") == {"14"}  # only the winter issue


def test_sort_pub_date_takes_the_earliest_of_the_print_and_electronic_dates(
    tmp_path: Path, make_server: ServerFactory
) -> None:
    xml = tmp_path / "sorted.xml"
    xml.write_text(
        "<PubmedArticleSet>"
        + _article(21, "<Year>2021</Year><Month>Jan</Month>", "2020/06/01")  # earliest 2020/06
        + _article(22, "<Year>2020</Year><Month>Dec</Month>")
        + _article(23, "<Year>2020</Year><Month>Sep</Month>", "2020/10/05")  # earliest 2020/09
        + _article(24, "<Year>2019</Year><Season>Summer</Season>")  # 2019/07
        + _article(25, "<Year>2019</Year><Month>Mar</Month>")
        + "</PubmedArticleSet>",
        encoding="utf-8",
    )
    server = make_server(Snapshot.open([xml], cache_dir=tmp_path))
    found = esearch(server, term="article", sort="pub_date")
    assert found["IdList"] == ["22", "23", "21", "24", "25"]


def test_epdat_and_ppdat_search_one_date_each(dated: EutilsServer) -> None:
    """PubMed's User Guide: "To search for electronic dates only use the search tag [EPDAT],
    for print dates only tag with [PPDAT]" (einfo's EPDT and PPDT)."""
    assert ids(dated, "2020[epdat]") == {"1", "3"}  # 2's online date is 2019
    assert ids(dated, "2020[ppdat]") == {"2", "3"}  # 1's print date is 2019
    assert ids(dated, "2019/11:2019/12[Electronic Publication Date]") == {"2"}
    assert ids(dated, "2019/12[print publication date]") == {"1"}
    reply = esearch(dated, term="2020/01[epdat]")
    assert reply["QueryTranslation"] == "2020/01/01:2020/01/31[Electronic Publication Date]"
