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

from pubmed.eutils_get import esearch, ids

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
