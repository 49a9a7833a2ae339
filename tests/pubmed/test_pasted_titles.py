"""A pasted title as a tagged term, over HTTP (q45a): its punctuation-only pieces, the
translation of its words searched separately, and the note that says so; untagged, as words
side by side (q45e): its lone signs left out and named alike.

A title pasted into a search keeps its dashes and signs as pieces of their own
(``Pleuroscopy - a review[ti]``; 21 of 362 titles of bib-dedupe's sets run as [ti] held a lone
``-``, ``,`` or ``>``) and was refused whole ("has no searchable words"). PubMed looks each
space-separated piece of such a term up as written and leaves out one found nowhere, naming it
in PhraseNotFound (es.um.asio's recorded title search: ``'Homo`` and ``'Genoma``, punctuation
and all); a piece of punctuation alone is in no index, so it is left out and named so.
"""

from __future__ import annotations

import pytest
from pubmed.eutils_get import esearch, ids, warnings_of

from reviewkit.cli import main
from reviewkit.pubmed.server import EutilsServer


@pytest.mark.parametrize("sign", ["-", ",", ">", "\u2013", ":"])
def test_a_lone_sign_is_left_out_and_named_not_the_term_refused(
    server: EutilsServer, sign: str
) -> None:
    reply = esearch(server, term=f"work {sign} sick[tiab]", retmax="9999")
    found = ids(server, "work[tiab] AND sick[tiab]")
    assert found and set(reply["IdList"]) == found
    assert reply["ErrorList"]["PhraseNotFound"] == [sign]
    assert reply["QueryTranslation"] == '"work"[Title/Abstract] AND "sick"[Title/Abstract]'


def test_a_term_of_signs_and_words_found_nowhere_is_kept_whole(server: EutilsServer) -> None:
    """Nothing of it found: named whole, as a term whose every word is found nowhere."""
    reply = esearch(server, term="zzqqx - yyqqx[ti]")
    assert reply["Count"] == "0"
    assert reply["ErrorList"]["PhraseNotFound"] == ["zzqqx - yyqqx[ti]"]


def test_words_searched_separately_are_translated_anded(server: EutilsServer) -> None:
    """No word missing, no phrase of the snapshot: the words ANDed, as they were searched, as
    es.um.asio's recorded reply writes its first title group (``Building[Title] AND
    genomic[Title] AND nation[Title]``, each word found) and Biopython's esearch of ``stem
    cells`` writes its words (``("stem"[All Fields] AND "cells"[All Fields])``)."""
    alone = esearch(server, term="work sick[tiab]", retmax="9999")
    assert alone["QueryTranslation"] == '"work"[Title/Abstract] AND "sick"[Title/Abstract]'
    inside = esearch(server, term="english[la] AND work sick[tiab]", retmax="9999")
    assert inside["QueryTranslation"] == (
        '"english"[Language] AND ("work"[Title/Abstract] AND "sick"[Title/Abstract])'
    )
    # each translation, run again, finds what its query found
    for reply in (alone, inside):
        assert reply["IdList"] and ids(server, reply["QueryTranslation"]) == set(reply["IdList"])
    # a phrase the snapshot holds is still searched and written as the phrase
    phrase = esearch(server, term="sick leave[tiab]")
    assert phrase["QueryTranslation"] == '"sick leave"[Title/Abstract]'


def test_the_note_writes_the_term_as_typed(server: EutilsServer) -> None:
    for term in ("work sick[Title/Abstract]", "work sick*[tiab]", "Work Sick[TI]"):
        notes = esearch(server, term=term)["WarningList"]["OutputMessage"]
        assert [m for m in notes if m.startswith(f"{term} is no phrase of the snapshot: ")]


def test_the_client_says_the_sign_left_out_beside_a_date_range(
    server: EutilsServer, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The translation's ``[Date - Publication]`` holds a ``-`` of its own: a field's name is
    no word of the query, so the sign is still read as left out."""
    monkeypatch.setenv("NCBI_EMAIL", "librarian@example.org")
    query = "work - sick[tiab] AND 2000:2030[dp]"
    assert main(["search", "test", query, "--base-url", server.base_url]) == 0
    out = capsys.readouterr().out
    assert "not found (E-utilities PhraseNotFound): -\n" in out
    assert "left out of the search (PubMed found the word nowhere and searched the rest" in out
    assert "so the search is broader than written): -\n" in out


@pytest.mark.parametrize(
    "query",
    ["work - sick", "work , sick", "work > sick", "work \u2013 sick", "- work sick", "work : sick"],
)
def test_an_untagged_pasted_title_leaves_its_lone_sign_out(
    server: EutilsServer, query: str
) -> None:
    """Untagged words side by side are one operand (PubMed's term mapping reads them as one
    phrase): a sign standing alone among them is a piece found nowhere, as in a tagged term,
    left out and named; the words are searched as ``work sick`` is."""
    sign = next(w for w in query.split() if w not in ("work", "sick"))
    words = esearch(server, term="work sick", retmax="9999")
    reply = esearch(server, term=query, retmax="9999")
    assert reply["IdList"] and set(reply["IdList"]) == set(words["IdList"])
    assert reply["ErrorList"]["PhraseNotFound"] == [sign]
    assert reply["QueryTranslation"] == words["QueryTranslation"]


def test_an_untagged_lone_sign_inside_a_larger_query(server: EutilsServer) -> None:
    reply = esearch(server, term="english[la] AND (work - sick)", retmax="9999")
    assert set(reply["IdList"]) == ids(server, "english[la] AND (work sick)")
    assert reply["ErrorList"]["PhraseNotFound"] == ["-"]
    assert "-" not in reply["QueryTranslation"].replace("[Title/Abstract]", "")


@pytest.mark.parametrize("query", ["-", "- -", "work OR -", "\u2013 ,"])
def test_a_query_of_signs_alone_is_still_refused(server: EutilsServer, query: str) -> None:
    """Nothing but signs to search (or a sign as an operand of its own, not beside words):
    refused, saying so, not answered with every record or none."""
    text = warnings_of(server, query)
    assert "has no searchable words" in text
    assert "<Count>" not in text


def test_the_client_says_an_untagged_sign_left_out(
    server: EutilsServer, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NCBI_EMAIL", "librarian@example.org")
    assert main(["search", "test", "work - sick", "--base-url", server.base_url]) == 0
    out = capsys.readouterr().out
    assert "not found (E-utilities PhraseNotFound): -\n" in out
    assert "so the search is broader than written): -\n" in out


@pytest.mark.parametrize("term", ["work : sick[tiab]", "work : sick"])
def test_a_title_colon_between_words_is_no_range(server: EutilsServer, term: str) -> None:
    """PubMed documents the colon as a range's only between two dates (PubMed Help: "insert a
    colon (:) between each date"; its filters' ``2019/11/01[PDAT] : 3000/12/31[PDAT]``): a
    pasted title's ``TMA : New aspects`` was refused as a range without a tag (9 of 200
    snapshot titles pasted untagged, q45e). Its colon is a sign alone, named, the words
    searched; a range between two dates is still a range."""
    text = warnings_of(server, term)
    assert "range" not in text and "<ERROR>" not in text
    assert esearch(server, term=term)["ErrorList"]["PhraseNotFound"] == [":"]
    dates = esearch(server, term='"2019/11/01"[dp] : "3000/12/31"[dp]', retmax="9999")
    assert set(dates["IdList"]) == ids(server, "2019/11/01:3000/12/31[dp]")


def test_the_server_reads_a_pipe_as_or(server: EutilsServer) -> None:
    """PubMed's User Guide lists '|' as OR among its character conversions; the local server
    read it as a sign alone, left out of a run of words ANDed (``work AND sick``)."""
    reply = esearch(server, term="work | sick", retmax="9999")
    expected = esearch(server, term="work OR sick", retmax="9999")
    assert reply["IdList"] and set(reply["IdList"]) == set(expected["IdList"])
    assert reply["QueryTranslation"] == expected["QueryTranslation"]
    assert "PhraseNotFound" not in reply.get("ErrorList", {})
