"""Untagged words side by side one of which no record holds, one note a term, a bracketed part
of a quoted phrase and a journal's abbreviation without its parentheses, over HTTP (pubmed46).

Words side by side untagged are one operand to PubMed's term mapping. The one recorded reply
to such a run with a word found nowhere, Entrez's in 2002 (Biopython's old Bio.EUtils tests,
``cancer and aswfgh``), counted cancer's records, named ``aswfgh`` in PhraseNotFound and ``and``
in PhraseIgnored: the word left out, the rest searched, as every recorded reply to a tagged
term with such a word (ReCiter #282's ``Charles-rawlins J[au]`` searched as ``J[au]``), which
the local server already followed for tagged terms (pubmed45). Before, the run's words were
ANDed as written and found nothing (q44g's reading), with a note that PubMed may find more.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pubmed.conftest import ServerFactory, pmid_of, write_set
from pubmed.eutils_get import esearch, get, ids

from reviewkit.cli import main
from reviewkit.pubmed.messages import LEFT_OUT, Message, left_out
from reviewkit.pubmed.server import EutilsServer
from reviewkit.pubmed.snapshot import Snapshot


@pytest.mark.parametrize("query", ["work zzqqx", "zzqqx work", "work and zzqqx"])
def test_a_word_of_a_run_found_nowhere_is_left_out_and_the_rest_searched(
    server: EutilsServer, query: str
) -> None:
    work = esearch(server, term="work", retmax="9999")
    reply = esearch(server, term=query, retmax="9999")
    assert reply["IdList"] and set(reply["IdList"]) == set(work["IdList"])
    assert reply["ErrorList"]["PhraseNotFound"] == ["zzqqx"]
    assert reply["QueryTranslation"] == work["QueryTranslation"]  # without the word
    notes = reply["WarningList"]["OutputMessage"]
    assert not [m for m in notes if "kept it in the query as written" in m]


def test_inside_a_larger_query_the_run_is_searched_without_the_word(
    server: EutilsServer,
) -> None:
    reply = esearch(server, term="english[la] AND (work zzqqx sick)", retmax="9999")
    found = ids(server, "english[la] AND (work sick)")
    assert found and set(reply["IdList"]) == found
    assert reply["ErrorList"]["PhraseNotFound"] == ["zzqqx"]
    assert "zzqqx" not in reply["QueryTranslation"]


def test_what_is_no_run_keeps_its_reading(server: EutilsServer) -> None:
    """A run whose every word is found nowhere is kept and named whole (esearch8's shape); a
    word joined by an operator is an operand of its own, kept with q44g's note."""
    none = esearch(server, term="zzqqx yyqqx")
    assert none["Count"] == "0"
    assert none["ErrorList"]["PhraseNotFound"] == ["zzqqx", "yyqqx"]
    anded = esearch(server, term="work AND zzqqx")
    assert anded["Count"] == "0" and anded["ErrorList"]["PhraseNotFound"] == ["zzqqx"]
    notes = anded["WarningList"]["OutputMessage"]
    assert [m for m in notes if m.startswith("zzqqx found nothing; the local server kept it")]


@pytest.mark.parametrize("query", ["work zzqqx sick zzqqx", "sick zzqqx leave zzqqx[tiab]"])
def test_a_word_written_twice_in_one_term_is_named_once(server: EutilsServer, query: str) -> None:
    reply = esearch(server, term=query, retmax="9999")
    assert reply["IdList"]
    assert reply["ErrorList"]["PhraseNotFound"] == ["zzqqx"]


def test_a_name_found_nowhere_inside_a_query_has_one_note(server: EutilsServer) -> None:
    """``english[la] AND Charles-rawlins J[au]`` had the note on a name looked up whole and the
    note on a term kept in an AND: two notes on one term."""
    reply = esearch(server, term="english[la] AND Charles-rawlins J[au]")
    notes = reply["WarningList"]["OutputMessage"]
    said = [m for m in notes if m.startswith("Charles-rawlins J[au] found nothing")]
    assert len(said) == 1 and "looked it up whole" in said[0]


def test_the_client_says_the_word_left_out_of_an_untagged_run(
    server: EutilsServer, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NCBI_EMAIL", "librarian@example.org")
    assert main(["search", "test", "work zzqqx sick zzqqx", "--base-url", server.base_url]) == 0
    out = capsys.readouterr().out
    assert out.count("not found (E-utilities PhraseNotFound): zzqqx\n") == 1
    assert out.count("so the search is broader than written): zzqqx\n") == 1


def test_a_word_named_twice_is_said_left_out_once() -> None:
    """A reply naming one word twice (two terms, as the local server names a word left out of
    each): one note that it was left out."""
    named = [Message("PhraseNotFound", "zzqqx"), Message("PhraseNotFound", "zzqqx")]
    assert left_out(named, '"work"[All Fields]') == [Message(LEFT_OUT, "zzqqx")]


def test_a_bracketed_word_inside_a_quoted_phrase_is_no_field_name() -> None:
    """PubMed's User Guide gives square brackets one meaning, a field tag ("enter J Hand Surg
    [Am] as J Hand Surg Am"); inside quotes the local server searches them as spaces and
    writes the phrase as sent. A word named and kept inside such a phrase (2002's
    ``qwertyu[All Fields]`` of ``"qwertyu pijngq"``) was read as left out: the client dropped
    ``[pijngq]`` from the translation as if it were a field's name."""
    named = [Message("PhraseNotFound", "pijngq[All Fields]")]
    translation = '"cancer"[All Fields] OR "qwertyu [pijngq]"[All Fields]'
    assert left_out(named, translation) == []
    assert left_out(named, '"cancer"[All Fields]') == [Message(LEFT_OUT, "pijngq[All Fields]")]


def test_a_journal_is_found_by_its_abbreviation_without_parentheses(
    server: EutilsServer,
) -> None:
    """PubMed's User Guide, Journal [ta]: "If a journal title contains special characters,
    e.g., parentheses, brackets, enter the name without these characters, e.g., enter J Hand
    Surg [Am] as J Hand Surg Am". NLM writes a place in parentheses (``Abdom Radiol (NY)``):
    without them the journal was found nowhere."""
    every = esearch(server, term="1800:3000[dp]", retmax="9999")["IdList"]
    body = get(server, "efetch", db="pubmed", id=",".join(every)).decode()
    names = sorted(set(re.findall(r"<MedlineTA>([^<]*\([^<]*\))</MedlineTA>", body)))
    assert names  # the test snapshot holds such journals
    for name in names:
        written = esearch(server, term=f'"{name}"[ta]', retmax="9999")
        bare = esearch(server, term=f"{re.sub(r'[()]', '', name)}[ta]", retmax="9999")
        assert written["IdList"] and bare["IdList"] == written["IdList"]


@pytest.mark.parametrize(
    ("abbreviation", "typed"),
    [
        ("Clin Biomech (Bristol, Avon)", "clin biomech bristol avon"),
        ("Curr HIV/AIDS Rep", "curr hiv aids rep"),
    ],
)
def test_a_journal_is_found_by_its_abbreviation_without_any_special_character(
    nlm_articles: dict[str, list[bytes]],
    tmp_path: Path,
    make_server: ServerFactory,
    abbreviation: str,
    typed: str,
) -> None:
    """The User Guide's special characters are not parentheses and brackets alone ("e.g.,
    parentheses, brackets, &"): NLM writes a comma inside them (``Clin Biomech (Bristol,
    Avon)``) and a slash (``Curr HIV/AIDS Rep``), each the abbreviation of a journal of the
    full snapshot; typed without them, the journal was found nowhere."""
    article = nlm_articles["update"][0]
    named = re.sub(
        rb"<MedlineTA>[^<]*</MedlineTA>", f"<MedlineTA>{abbreviation}</MedlineTA>".encode(), article
    )
    snapshot = Snapshot.open([write_set(tmp_path / "one.xml", [named])])
    try:
        server = make_server(snapshot)
        assert ids(server, f'"{abbreviation}"[ta]') == {pmid_of(named)}
        assert ids(server, f"{typed}[ta]") == {pmid_of(named)}
    finally:
        snapshot.close()


@pytest.mark.parametrize(
    ("query", "alone"), [("the zzqqx", "zzqqx"), ("of zzqqx AND work", "zzqqx AND work")]
)
def test_a_stopword_beside_a_word_found_nowhere_leaves_nothing_out(
    server: EutilsServer, query: str, alone: str
) -> None:
    """A run whose every word but its stopwords is found nowhere is kept whole, as that word
    alone is: the stopword is ignored, not searched. Left out instead, ``the zzqqx`` had an
    empty QueryTranslation and ``of zzqqx AND work`` found work's records, where ``zzqqx AND
    work`` finds none."""
    reply, expected = esearch(server, term=query), esearch(server, term=alone)
    assert reply["Count"] == expected["Count"] == "0"
    assert reply["QueryTranslation"] and reply["ErrorList"]["PhraseNotFound"] == ["zzqqx"]
