"""Whole strategies as librarians paste them, run against the local server over HTTP: curly
quotes, PubMed's hasabstract filter, journals by [ta], numbered lines of a pasted history."""

from __future__ import annotations

import io
import re

import pytest
from pubmed.conftest import fast_client
from pubmed.eutils_get import esearch, get, ids, mesh_pairs, warnings_of

from reviewkit.cli import main
from reviewkit.formats import pubmed_xml
from reviewkit.pubmed.qualifiers import QUALIFIERS
from reviewkit.pubmed.server import EutilsServer


def test_curly_quotes_are_read_as_quotes_and_the_reply_says_so(server: EutilsServer) -> None:
    topics = ("return to work", "sick leave", "sickness absence", "vocational rehabilitation")
    straight = esearch(server, term=" OR ".join(f'"{t}"[tiab]' for t in topics))
    curly = esearch(server, term=" OR ".join(f"\u201c{t}\u201d[tiab]" for t in topics))
    assert int(straight["Count"]) > 0 and curly["IdList"] == straight["IdList"]
    assert curly["QueryTranslation"] == straight["QueryTranslation"]
    assert "Curly quotes read as straight quotes" in warnings_of(
        server, "\u201creturn to work\u201d[tiab]"
    )
    assert "Curly" not in warnings_of(server, '"return to work"[tiab]')


def test_hasabstract_finds_the_records_with_an_abstract(server: EutilsServer) -> None:
    everything = ids(server, "1800:3000[dp]")
    with_abstract = ids(server, "hasabstract")
    assert 0 < len(with_abstract) < len(everything)
    assert ids(server, "fha[filter]") == with_abstract == ids(server, "HASABSTRACT")
    body = get(server, "efetch", db="pubmed", id=",".join(sorted(everything)))
    records = list(pubmed_xml.read(io.BytesIO(body), "efetch"))
    assert {r.pmid for r in records if r.abstract} == with_abstract
    assert esearch(server, term="hasabstract")["QueryTranslation"] == "hasabstract[All Fields]"
    assert "No automatic term mapping" not in warnings_of(server, "hasabstract")
    # it combines like any term
    assert ids(server, "english[la] NOT hasabstract") == ids(server, "english[la]") - with_abstract


def test_a_journal_is_found_by_its_nlm_abbreviation(server: EutilsServer) -> None:
    body = get(server, "efetch", db="pubmed", id=",".join(sorted(ids(server, "1800:3000[dp]"))))
    journals: dict[str, set[str]] = {}
    for article in re.findall(rb"<PubmedArticle>.*?</PubmedArticle>", body, re.S):
        ta = re.search(rb"<MedlineTA>(.*?)</MedlineTA>", article)
        pmid = re.search(rb"<PMID[^>]*>(\d+)</PMID>", article)
        assert pmid
        if ta:
            journals.setdefault(ta.group(1).decode(), set()).add(pmid.group(1).decode())
    name, expected = max(journals.items(), key=lambda kv: len(kv[1]))
    assert len(expected) > 1
    assert ids(server, f'"{name}"[ta]') == expected == ids(server, f"{name.upper()}[journal]")
    assert esearch(server, term=f'"{name}"[ta]')["QueryTranslation"] == f'"{name}"[Journal]'
    # no journal of that name, abbreviated, in full or as an ISSN: not found, as any term
    reply = warnings_of(server, '"Journal of no such journal"[ta]')
    assert "<Count>0</Count>" in reply and "Journal of no such journal" in reply


def test_search_test_warns_about_curly_quotes_and_numbered_lines(
    server: EutilsServer, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NCBI_EMAIL", "librarian@example.org")
    pasted = '1. "sick leave"[tiab]\n2. \u201creturn to work\u201d[tiab]\n3. 1 OR 2'
    assert main(["search", "test", pasted, "--base-url", server.base_url]) == 0
    out = capsys.readouterr().out
    assert "line 1 begins with '1.', a line number of a pasted search history" in out
    assert "line 3 begins with '3.'" in out
    assert "curly quotes at character 26 are read as straight quotes" in out
    assert (
        "the server says (E-utilities OutputMessage): Curly quotes read as straight quotes" in out
    )
    # a strategy broken over lines without numbers is no pasted history
    lines = '("sick leave"[tiab]\n OR absenteeism[tiab])\nAND 2010:2025[dp]'
    assert main(["search", "test", lines, "--base-url", server.base_url]) == 0
    assert "line " not in capsys.readouterr().out


def test_search_test_names_the_labels_of_a_pasted_history_row(
    server: EutilsServer, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row copied from PubMed's Advanced Search History keeps its labels, which PubMed would
    search as words: each is named, with what to do; the query's own words are not."""
    monkeypatch.setenv("NCBI_EMAIL", "librarian@example.org")
    row = 'Search: ("sick leave"[tiab]) AND (pain[tiab]) Sort by: Most Recent'
    assert main(["search", "test", row, "--base-url", server.base_url]) == 0
    out = capsys.readouterr().out
    assert "'Search:' at character 1 is the label of a row of PubMed's search history" in out
    assert "'Sort by:' at character 47 is the sort order PubMed's search history notes" in out
    filtered = '("sick leave"[tiab]) Filters: English, from 2015 - 2021'
    main(["search", "test", filtered, "--base-url", server.base_url])
    said = capsys.readouterr()
    assert "'Filters:' at character 22 is how PubMed's search history names the filters" in (
        said.out + said.err
    )
    assert "put the filters in [searches.limits]" in said.out + said.err
    # the same words inside a phrase, or not written as the history writes them, are words
    own = '"Search: a guide"[ti] OR "sort by"[tiab] OR search[tiab] OR filters[tiab]'
    assert main(["search", "test", own, "--base-url", server.base_url]) == 0
    assert "search history" not in capsys.readouterr().out


def test_a_sidebar_filter_of_the_search_details_is_refused_naming_the_field_to_write(
    server: EutilsServer,
) -> None:
    """PubMed's search details write the sidebar's filters as english[Filter], y_10[Filter],
    humans[Filter]; the local server serves none of them as a subset, and its refusal says
    which field does (languages by [la])."""
    from reviewkit.pubmed.client import EntrezRefused

    with pytest.raises(EntrezRefused) as info:
        fast_client(server).count('"sick leave"[tiab] AND english[Filter]')
    assert "english[la] searches that language" in info.value.text
    assert int(esearch(server, term='"sick leave"[tiab] AND english[la]')["Count"]) > 0
    # the years and species filters of the sidebar: what to write instead
    with pytest.raises(EntrezRefused) as info:
        fast_client(server).count('"sick leave"[tiab] AND (y_10[Filter])')
    assert "y_10 is PubMed's 'last 10 years' filter: write a publication date range" in (
        info.value.text
    )
    with pytest.raises(EntrezRefused) as info:
        fast_client(server).count('"sick leave"[tiab] AND humans[Filter]')
    assert "a species (humans, animals) as [mh:noexp]" in info.value.text


def test_first_author_matches_only_the_first_author(server: EutilsServer) -> None:
    body = get(server, "efetch", db="pubmed", id=",".join(sorted(ids(server, "1800:3000[dp]"))))
    first: dict[str, set[str]] = {}  # last name of the first author -> PMIDs
    anywhere: dict[str, set[str]] = {}
    for article in re.findall(rb"<PubmedArticle>.*?</PubmedArticle>", body, re.S):
        pmid = re.search(rb"<PMID[^>]*>(\d+)</PMID>", article)
        names = re.findall(rb"<Author[ >].*?<LastName>(.*?)</LastName>", article, re.S)
        assert pmid
        for k, name in enumerate(dict.fromkeys(n.decode().lower() for n in names)):
            anywhere.setdefault(name, set()).add(pmid.group(1).decode())
            if k == 0:
                first.setdefault(name, set()).add(pmid.group(1).decode())
    # a plain ASCII name that is first author somewhere and a later author elsewhere
    name = next(n for n in sorted(first) if n.isalpha() and n.isascii() and anywhere[n] - first[n])
    assert ids(server, f"{name}[1au]") == first[name] != ids(server, f"{name}[au]")
    assert esearch(server, term=f"{name}[1au]")["QueryTranslation"] == f"{name}[Author - First]"


def test_other_term_searches_the_keyword_lists(server: EutilsServer) -> None:
    body = get(server, "efetch", db="pubmed", id=",".join(sorted(ids(server, "1800:3000[dp]"))))
    by_word: dict[str, set[str]] = {}
    for article in re.findall(rb"<PubmedArticle>.*?</PubmedArticle>", body, re.S):
        pmid = re.search(rb"<PMID[^>]*>(\d+)</PMID>", article)
        assert pmid
        for keyword in re.findall(rb"<Keyword(?: [^>]*)?>(.*?)</Keyword>", article, re.S):
            for word in re.findall(r"[a-z]+", keyword.decode().lower()):
                by_word.setdefault(word, set()).add(pmid.group(1).decode())
    word = max((w for w in by_word if len(w) > 5), key=lambda w: (len(by_word[w]), w))
    assert len(by_word[word]) > 1, word
    assert ids(server, f"{word}[ot]") == by_word[word], word
    assert by_word[word] == ids(server, f"{word}[Other Term]")
    assert esearch(server, term=f"{word}[kw]")["QueryTranslation"] == f'"{word}"[Other Term]'


def test_subheadings_are_read_by_their_two_letter_abbreviations(server: EutilsServer) -> None:
    pairs = mesh_pairs(
        get(server, "efetch", db="pubmed", id=",".join(ids(server, "1800:3000[dp]")))
    )
    qualifiers = {q for s in pairs.values() for _, q in s}
    by_name = {name: abbr for abbr, name in QUALIFIERS.items()}
    assert qualifiers and qualifiers <= set(by_name)  # every qualifier of the NLM records
    for descriptor, qualifier in sorted({pair for s in pairs.values() for pair in s})[:5]:
        full = esearch(server, term=f"{descriptor}/{qualifier}[mh]", retmax="500")
        short = esearch(server, term=f"{descriptor}/{by_name[qualifier]}[mh]", retmax="500")
        assert short["IdList"] == full["IdList"] and int(full["Count"]) > 0
        assert short["QueryTranslation"] == f'"{descriptor}/{qualifier}"[MeSH Terms]'
    assert ids(server, "depression/dt[mh]") == ids(server, "depression/drug therapy[mh]")


def test_an_unknown_subheading_abbreviation_is_named_as_unknown(server: EutilsServer) -> None:
    reply = warnings_of(server, "depression/xq[mh]")
    assert "<ERROR>" in reply and "/xq is no MeSH subheading" in reply
    assert "by its two-letter abbreviation" not in reply  # which the user had written
