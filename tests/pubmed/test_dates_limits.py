"""Dates that cannot mean what they say, and [la]/[pt] values PubMed does not have: the local
server refuses the dates with a reason (PubMed documents neither), and `protocol check` and
`search run` warn the librarian with the file, the search, the term and what to write."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
from Bio import Entrez
from conftest import PROTOCOL_A
from pubmed.conftest import ServerFactory, pmid_of, set_pmid, write_set
from pubmed.eutils_get import get

from reviewkit.cli import main
from reviewkit.project import init_project
from reviewkit.protocol import Limits, Search
from reviewkit.pubmed.search_checks import search_warnings
from reviewkit.pubmed.server import EutilsServer
from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.pubmed.vocabulary import LANGUAGES, PUBLICATION_TYPES

TODAY = datetime.date(2026, 12, 5)


def error_of(server: EutilsServer, **params: str) -> str:
    with pytest.raises(RuntimeError) as caught:  # Biopython reads an <ERROR> reply as one
        Entrez.read(io.BytesIO(get(server, "esearch", **params)))
    return str(caught.value)


def test_a_backwards_range_is_refused_with_the_range_to_write(server: EutilsServer) -> None:
    said = error_of(server, term="3000:1800[dp]")
    assert "3000:1800[dp] ends before it starts" in said and "write 1800:3000[dp]" in said
    said = error_of(server, term='"2021/12/31"[dp] : "2011/01/01"[dp] AND english[la]')
    assert "write 2011/01/01:2021/12/31[dp]" in said
    said = error_of(server, term="english[la]", mindate="2021", maxdate="2011")
    assert "maxdate 2011 is before mindate 2021" in said
    # the right way round, and PubMed's own open end (3000), are searched as before
    count = int(Entrez.read(io.BytesIO(get(server, "esearch", term="1800:3000[dp]")))["Count"])
    assert count > 0


def test_a_date_that_is_no_day_is_refused_naming_what_is_wrong(server: EutilsServer) -> None:
    assert "there is no month 13" in error_of(server, term='"2011/13/45"[dp]')
    # was searched as a word and reported 'not found' (an answer PubMed's docs do not give)
    assert "February 2011 has no day 30" in error_of(server, term="2011/02/30[dp]")
    assert "February 2011 has no day 29" in error_of(server, term="english[la] AND 2011/2/29[edat]")
    ok = Entrez.read(io.BytesIO(get(server, "esearch", term="2012/02/29[dp]")))
    assert "ERROR" not in ok


def searches() -> dict[str, Search]:
    none = Limits()
    return {
        "backwards": Search("backwards", "PubMed", "pain[tiab] AND 3000:1800[dp]", none),
        "no-day": Search("no-day", "PubMed", 'pain[tiab] AND "2011/13/45"[dp]', none),
        "future": Search("future", "PubMed", "pain[tiab] AND 2030:2040[dp]", none),
        "la": Search("la", "PubMed", "pain[tiab] AND englsh[la]", none),
        "pt": Search("pt", "PubMed", 'pain[tiab] AND "randomised controlled trial"[pt]', none),
        "limits": Search(
            "limits",
            "PubMed",
            "pain[tiab]",
            Limits(languages=("englsh",), publication_types=("systematic reviews",)),
        ),
        "fine": Search(
            "fine",
            "PubMed",
            'pain[tiab] AND 2011:3000[dp] AND eng[la] AND "Randomized Controlled Trial"[pt] '
            'AND 2012/02/29[edat] AND review[pt] AND norwegian[la] AND "last 5 years"[dp]',
            Limits(date_from="2011", languages=("english", "Norwegian")),
        ),
    }


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("backwards", ["3000:1800[dp] ends before it starts", "write 1800:3000[dp]"]),
        ("no-day", ["'2011/13/45'[dp] is no date: there is no month 13", "YYYY/MM/DD"]),
        ("future", ["2030:2040[dp] starts after today", "write 2030:3000[dp]"]),
        ("la", ["'englsh'[la]: PubMed has no such language", "write english[la]"]),
        ("pt", ["no such publication type", 'write "Randomized Controlled Trial"[pt]']),
        ("limits", ["limits.languages: 'englsh'", "write 'english'", "write 'Systematic Review'"]),
    ],
)
def test_each_warning_names_the_term_and_what_to_write(name: str, says: list[str]) -> None:
    said = " | ".join(search_warnings(searches()[name], TODAY))
    for words in says:
        assert words in said, said


def test_valid_dates_languages_and_types_give_no_warning() -> None:
    assert search_warnings(searches()["fine"], TODAY) == []


def protocol_with_searches(tmp_path: Path) -> Path:
    path = tmp_path / "protocol.toml"
    path.write_text(
        PROTOCOL_A.read_text()
        + "\n[[searches]]\nname = \"backwards\"\nquery = 'pain[tiab] AND 3000:1800[dp]'\n"
        + "\n[[searches]]\nname = \"typo\"\nquery = 'pain[tiab]'\n"
        + '[searches.limits]\nlanguages = ["englsh"]\n'
        + 'publication_types = ["randomised controlled trial"]\n'
    )
    return path


def test_protocol_check_warns_with_file_search_term_and_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = protocol_with_searches(tmp_path)
    assert main(["protocol", "check", str(path)]) == 0  # warnings: PubMed runs such searches
    out = capsys.readouterr().out
    assert f"warning: {path}: search backwards: the range 3000:1800[dp] ends before" in out
    assert "write 1800:3000[dp]" in out
    assert f"warning: {path}: search typo: limits.languages: 'englsh'" in out
    assert "write 'Randomized Controlled Trial'" in out


def test_search_run_says_the_same_before_it_asks_pubmed(
    tmp_path: Path, server: EutilsServer, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    protocol = protocol_with_searches(tmp_path)
    init_project(tmp_path / "p", protocol).close()
    monkeypatch.setenv("NCBI_EMAIL", "librarian@example.org")
    args = ["search", "run", "typo", "--base-url", server.base_url, "--project"]
    assert main([*args, str(tmp_path / "p")]) == 0
    err = capsys.readouterr().err
    assert "search typo: limits.languages: 'englsh' is no language PubMed has" in err
    assert "search backwards" not in err  # only the searches being run


def test_every_language_and_type_of_the_real_records_is_in_the_lists(
    nlm_articles: dict[str, list[bytes]],
) -> None:
    """The lists hold what NLM's own records use (the 2021 update file and the 1976-80
    baseline part of the offline snapshot)."""
    import re

    text = b"".join(a for part in nlm_articles.values() for a in part).decode()
    codes = set(re.findall(r"<Language>(\w+)</Language>", text))
    types = set(re.findall(r"<PublicationType[^>]*>([^<]+)</PublicationType>", text))
    assert codes and codes <= set(LANGUAGES.values())
    assert types and types <= set(PUBLICATION_TYPES)


def test_a_language_is_found_by_its_name_as_by_its_code(
    make_server: ServerFactory, nlm_articles: dict[str, list[bytes]], tmp_path: Path
) -> None:
    """bulgarian[la] found nothing while bul[la] found the Bulgarian records: the server's
    name table lacked languages of NLM's table (Bulgarian, Afrikaans, Macedonian, ...)."""
    article = nlm_articles["update"][0]
    bulgarian = set_pmid(
        article.replace(b"<Language>eng</Language>", b"<Language>bul</Language>"), "99000001"
    )
    path = write_set(tmp_path / "bul.xml", [article, bulgarian])
    snapshot = Snapshot.open([path])
    try:
        server = make_server(snapshot)
        for term in ("bulgarian[la]", "bul[la]", "Bulgarian[Language]"):
            reply = Entrez.read(io.BytesIO(get(server, "esearch", term=term)))
            assert list(reply["IdList"]) == ["99000001"], term
        assert pmid_of(article) != "99000001"
    finally:
        snapshot.close()


def test_search_test_gives_the_same_warnings(
    server: EutilsServer, capsys: pytest.CaptureFixture[str]
) -> None:
    query = 'pain[tiab] AND "randomised controlled trial"[pt]'
    assert main(["search", "test", query, "--base-url", server.base_url]) == 0
    out = capsys.readouterr().out
    assert "warning: 'randomised controlled trial'[pt]: PubMed has no such publication" in out
    assert 'write "Randomized Controlled Trial"[pt]' in out


def test_a_single_publication_date_is_warned_with_its_range_to_write() -> None:
    """PubMed's User Guide: "Comprehensive searches for a full year should be entered as
    2000:2000[dp] rather than 2000[dp]" (a single date leaves out later electronic dates)."""
    none = Limits()
    said = search_warnings(Search("year", "PubMed", "pain[tiab] AND 2020[dp]", none))
    assert any("write 2020:2020[dp]" in w for w in said)
    said = search_warnings(Search("month", "PubMed", "pain[tiab] AND 2020/03[dp]", none))
    assert any("write 2020/03:2020/03[dp]" in w for w in said)
    for query in ("pain[tiab] AND 2020:2020[dp]", "pain[tiab] AND 2020[edat]"):
        assert not search_warnings(Search("fine", "PubMed", query, none), TODAY)
