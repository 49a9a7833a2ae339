"""A multi-word unquoted tagged term one of whose words is found nowhere, over HTTP (pubmed45).

Every recorded PubMed reply with a word found nowhere beside words it found leaves that word
out and searches the rest, naming the word alone, without its tag, in ErrorList's
PhraseNotFound: ``Charles-rawlins J[au]`` -> QueryTranslation ``J[au]``, Count 264,
PhraseNotFound ``Charles-rawlins`` (ReCiter #282, 2018); a title search kept by es.um.asio's
tests: ``'Homo`` and ``'Genoma`` named, the other words of its two ``[Title]`` terms searched,
each group bracketed (``(Building[Title] AND genomic[Title] AND nation[Title]) AND (…)``), its
stopwords in PhraseIgnored; PubMed's web searched ``Syndrome`` of
``Townes-Brocks-Branchiootorenal-Like Syndrome[MeSH Terms:noexp]`` (hetio/medline #3, 2021).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pubmed.conftest import review_a_project
from pubmed.eutils_get import esearch, ids
from pubmed.replay import Replay

from reviewkit import offline_data
from reviewkit.cli import main
from reviewkit.pubmed.server import EutilsServer


def test_a_word_found_nowhere_is_left_out_and_the_rest_searched(server: EutilsServer) -> None:
    reply = esearch(server, term="zzqqx work[tiab]", retmax="9999")
    assert reply["Count"] == esearch(server, term="work[tiab]")["Count"] != "0"
    assert set(reply["IdList"]) == ids(server, "work[tiab]")
    assert reply["ErrorList"]["PhraseNotFound"] == ["zzqqx"]  # bare, as Charles-rawlins
    assert reply["QueryTranslation"] == '"work"[Title/Abstract]'  # no brackets: J[au]
    # a term whose every word is found nowhere is kept whole and named so (esearch8, biogo)
    none = esearch(server, term="zzqqx yyqqx[tiab]")
    assert none["Count"] == "0"
    assert none["ErrorList"]["PhraseNotFound"] == ["zzqqx yyqqx[tiab]"]
    assert none["QueryTranslation"] == "(zzqqx yyqqx[tiab])"


def test_inside_a_larger_query_the_term_is_its_words_kept_in_a_group(
    server: EutilsServer,
) -> None:
    reply = esearch(server, term="english[la] AND sick zzqqx leave[tiab]", retmax="9999")
    found = ids(server, "english[la] AND sick[tiab] AND leave[tiab]")
    assert found and set(reply["IdList"]) == found
    assert reply["QueryTranslation"] == (
        '"english"[Language] AND ("sick"[Title/Abstract] AND "leave"[Title/Abstract])'
    )
    assert reply["ErrorList"]["PhraseNotFound"] == ["zzqqx"]
    # not the note on a term kept in the query as written: this word was left out
    notes = reply["WarningList"]["OutputMessage"]
    assert not [m for m in notes if "kept it in the query as written" in m]


def test_a_term_written_as_the_word_left_out_is_still_said_to_be_kept(
    server: EutilsServer,
) -> None:
    """The word left out of one term and a term of its own with the same text, which the
    server keeps (q44g): each is named, and the kept one still has its note."""
    reply = esearch(server, term="sick zzqqx leave[tiab] AND zzqqx")
    assert reply["Count"] == "0"
    assert reply["ErrorList"]["PhraseNotFound"] == ["zzqqx", "zzqqx"]
    notes = reply["WarningList"]["OutputMessage"]
    assert [m for m in notes if m.startswith("zzqqx found nothing; the local server kept it")]


def test_the_stopwords_between_its_words_are_ignored(server: EutilsServer) -> None:
    """es.um.asio's title search: PhraseIgnored ``the``, ``and``, ``in``."""
    reply = esearch(server, term="the sick of zzqqx leave[tiab]", retmax="9999")
    assert reply["WarningList"]["PhraseIgnored"] == ["the", "of"]
    found = ids(server, "sick[tiab] AND leave[tiab]")
    assert found and set(reply["IdList"]) == found
    assert reply["QueryTranslation"] == '"sick"[Title/Abstract] AND "leave"[Title/Abstract]'
    # and so when every word is found (a phrase the snapshot does not hold)
    whole = esearch(server, term="the sick of leave[tiab]")
    assert whole["WarningList"]["PhraseIgnored"] == ["the", "of"]


def test_a_name_or_heading_found_nowhere_is_looked_up_whole_and_said(
    server: EutilsServer,
) -> None:
    """[au] and [mh] terms are names and headings here, not words: kept whole (0 records), and
    the reply says that PubMed's recorded replies search the rest (ReCiter #282: ``J[au]``)."""
    for term in ("Charles-rawlins J[au]", "Zzqqx Syndrome[MeSH Terms:noexp]"):
        reply = esearch(server, term=term)
        assert reply["Count"] == "0" and reply["ErrorList"]["PhraseNotFound"] == [term]
        (note,) = [m for m in reply["WarningList"]["OutputMessage"] if "whole" in m]
        assert note.startswith(f"{term} found nothing; the local server looked it up whole")
        assert "PubMed may find more" in note
    lone = esearch(server, term="zzqqx[au]")  # one word: no word of it to leave out
    assert not [m for m in lone["WarningList"]["OutputMessage"] if "whole" in m]


# The elements of ReCiter #282's esearch reply to `Charles-rawlins J[au]` (2018), as quoted
# there, in esearch8's envelope (Biopython's recorded reply; its DOCTYPE is the DTD's)
RECITER_282 = (
    b"<eSearchResult><Count>264</Count><RetMax>1</RetMax><RetStart>0</RetStart><IdList>"
    b"<Id>30153686</Id></IdList><TranslationSet/><TranslationStack><TermSet><Term>J[au]</Term>"
    b"<Field>au</Field><Count>264</Count><Explode>N</Explode></TermSet><OP>GROUP</OP>"
    b"</TranslationStack><QueryTranslation>J[au]</QueryTranslation><ErrorList>"
    b"<PhraseNotFound>Charles-rawlins</PhraseNotFound></ErrorList></eSearchResult>"
)

# es.um.asio's recorded reply to a title search (Test_1.java), without its TranslationStack
UM_TITLE = (
    b"<eSearchResult><Count>1</Count><RetMax>1</RetMax><RetStart>0</RetStart><IdList>"
    b"<Id>27479999</Id></IdList><TranslationSet/><QueryTranslation>(Building[Title] AND "
    b"genomic[Title] AND nation[Title]) AND (Brasilis'[Title] AND Mexicano'[Title] AND "
    b"comparative[Title] AND cultural[Title] AND perspective[Title])</QueryTranslation>"
    b"<ErrorList><PhraseNotFound>'Homo</PhraseNotFound><PhraseNotFound>'Genoma</PhraseNotFound>"
    b"</ErrorList><WarningList><PhraseIgnored>the</PhraseIgnored><PhraseIgnored>and"
    b"</PhraseIgnored><PhraseIgnored>in</PhraseIgnored></WarningList></eSearchResult>"
)


def recorded(name: str) -> bytes:
    return offline_data.path("biopython-tests", f"Tests/Entrez/{name}").read_bytes()


def search_test(base_url: str, query: str, capsys: pytest.CaptureFixture) -> str:
    assert main(["search", "test", query, "--base-url", base_url]) == 0
    return capsys.readouterr().out


LEFT_OUT = (
    "left out of the search (PubMed found the word nowhere and searched the rest of its term "
    "without it, so the search is broader than written): "
)


def test_the_client_says_a_word_pubmed_left_out_of_its_reply(
    capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NCBI's replies: a word named and absent from the translation was left out (ReCiter
    #282); one named and kept in it found nothing (esearch8: ``(abcXYZ[All Fields])``)."""
    monkeypatch.setenv("NCBI_EMAIL", "librarian@example.org")
    esearch8 = recorded("esearch8.xml")
    head = esearch8[: esearch8.index(b"<eSearchResult>")]
    # SYNTHESISED: esearch8 without its translation, which leaves no rest to have searched
    untranslated = esearch8.replace(b"(abcXYZ[All Fields])", b"")
    for body, word, left in (
        (head + RECITER_282, "Charles-rawlins", True),
        (head + UM_TITLE, "'Genoma", True),
        (esearch8, "abcXYZ", False),
        (untranslated, "abcXYZ", False),
    ):
        server = Replay(lambda _endpoint, _params, body=body: body)
        try:
            out = search_test(server.base_url, f"{word} J[au]", capsys)
        finally:
            server.close()
        assert f"not found (E-utilities PhraseNotFound): {word}\n" in out
        assert (f"{LEFT_OUT}{word}\n" in out) is left


# Entrez's replies of 2002 kept by Biopython's old Bio.EUtils tests (Tests/test_EUtils.py), whose
# DTD (eSearch_020511) had no QueryTranslation: `cancer and aswfgh` counted 1,456,738, its
# TranslationStack cancer's terms alone, the word left out named with a tag; `dalke OR
# ("qwertyu pijngq")` named the quoted phrase's words, the phrase kept. SYNTHESISED: each
# with the QueryTranslation its TranslationStack reads as (that test module's own reading).
EUTILS_2002 = (
    (
        b"<eSearchResult><Count>1456738</Count><RetMax>0</RetMax><RetStart>0</RetStart><IdList/>"
        b'<QueryTranslation>("neoplasms"[MeSH Terms] OR cancer[Text Word])</QueryTranslation>'
        b"<ErrorList><PhraseNotFound>aswfgh[All Fields]</PhraseNotFound></ErrorList><WarningList>"
        b"<PhraseIgnored>and</PhraseIgnored></WarningList></eSearchResult>",
        "aswfgh[All Fields]",
        True,
    ),
    (
        b"<eSearchResult><Count>30</Count><RetMax>0</RetMax><RetStart>0</RetStart><IdList/>"
        b'<QueryTranslation>(dalke[All Fields] OR "qwertyu pijngq"[All Fields])</QueryTranslation>'
        b"<ErrorList><PhraseNotFound>qwertyu[All Fields]</PhraseNotFound><PhraseNotFound>pijngq"
        b"[All Fields]</PhraseNotFound></ErrorList><WarningList><QuotedPhraseNotFound>"
        b'"qwertyu pijngq"[All Fields]</QuotedPhraseNotFound></WarningList></eSearchResult>',
        "qwertyu[All Fields]",
        False,
    ),
)


def test_the_client_says_a_word_left_out_that_ncbi_named_with_a_tag(
    capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word named with a tag is read by its words: left out when they are not in the
    translation (2002's ``aswfgh[All Fields]``), kept when they are (a quoted phrase's word,
    and biogo/ncbi's ``(nonjournal[journal] AND nonyear[date])``, 2013)."""
    monkeypatch.setenv("NCBI_EMAIL", "librarian@example.org")
    head = recorded("esearch8.xml").split(b"<eSearchResult>")[0]
    biogo = (
        b"<eSearchResult><Count>0</Count><RetMax>0</RetMax><RetStart>0</RetStart><IdList/>"
        b"<TranslationSet/><QueryTranslation>(nonjournal[journal] AND nonyear[date])"
        b"</QueryTranslation><ErrorList><PhraseNotFound>nonjournal[journal]</PhraseNotFound>"
        b"<PhraseNotFound>nonyear[date]</PhraseNotFound></ErrorList><WarningList><OutputMessage>"
        b"No items found.</OutputMessage></WarningList></eSearchResult>"
    )
    for body, word, left in (*EUTILS_2002, (biogo, "nonyear[date]", False)):
        server = Replay(lambda _endpoint, _params, body=head + body: body)
        try:
            out = search_test(server.base_url, "cancer and aswfgh", capsys)
        finally:
            server.close()
        assert f"not found (E-utilities PhraseNotFound): {word}\n" in out
        assert (f"{LEFT_OUT}{word}\n" in out) is left


def test_search_run_and_the_search_log_say_the_word_left_out(
    server: EutilsServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """The PRISMA-S record: the run keeps NCBI's PhraseNotFound and the word left out, said in
    the same words on the screen, in the run's history and in the search log."""
    project = review_a_project(
        tmp_path, monkeypatch, '\n[[searches]]\nname = "typo"\nquery = "sick zzqqx leave[tiab]"\n'
    )
    url = server.base_url
    said = [
        "not found (E-utilities PhraseNotFound): zzqqx\n",
        f"{LEFT_OUT}zzqqx\n",
        'query as translated: "sick"[Title/Abstract] AND "leave"[Title/Abstract]',
    ]
    assert main(["search", "run", "typo", "--base-url", url, "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert all(line in out for line in said[:2])
    assert main(["search", "history", "typo", "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert all(line in out for line in said)
    log = tmp_path / "search-log.md"
    assert main(["search", "log", "--out", str(log), "--project", str(project)]) == 0
    assert all(line in log.read_text() for line in said)
