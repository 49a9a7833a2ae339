"""The local server against NCBI's own documentation, through HTTP on 127.0.0.1 (pm27).

Each test repeats one documented behaviour: [EU] NCBI, *The E-utilities In-Depth: Parameters,
Syntax and More* (NBK25499); [WC] NLM Technical Bulletin 2024 May-Jun, "PubMed Update: Wildcard
Search Improvements". What differs for a reason is listed in benchmarks/results/pubmed-fidelity.md.
"""

from __future__ import annotations

from pubmed.eutils_get import esearch, get

from reviewkit.protocol import Limits, Search
from reviewkit.pubmed.search_checks import search_warnings
from reviewkit.pubmed.server import EutilsServer


def _history(server: EutilsServer, term: str) -> str:
    first = esearch(server, term=term, usehistory="y")
    assert first["QueryKey"] == "1"
    return str(first["WebEnv"])


def test_query_key_joins_its_set_and_the_term_with_and(server: EutilsServer) -> None:
    """[EU] ESearch, query_key: "ESearch will find the intersection of the set specified by
    query_key and the set retrieved by the query in term (i.e. joins the two with AND)"."""
    webenv = _history(server, "1976:1980[dp]")  # the baseline chunk: several languages
    term = "english[la]"
    keyed = esearch(server, term=term, usehistory="y", WebEnv=webenv, query_key="1")
    written = esearch(server, term=f"#1 AND {term}", usehistory="y", WebEnv=webenv)
    alone = esearch(server, term=term)
    assert int(keyed["Count"]) == int(written["Count"]) > 0
    assert int(keyed["Count"]) < int(alone["Count"])  # the key's set did limit the term
    assert keyed["IdList"] == written["IdList"]


def test_query_key_without_a_term_is_the_set_itself(server: EutilsServer) -> None:
    webenv = _history(server, "english[la]")
    first = esearch(server, term="english[la]")
    keyed = esearch(server, usehistory="y", WebEnv=webenv, query_key="1")
    assert keyed["Count"] == first["Count"]
    assert "ERROR" not in keyed


def test_query_key_that_cannot_work_is_refused_not_ignored(server: EutilsServer) -> None:
    """[EU]: "For query_key to function, WebEnv must be assigned an existing WebEnv string and
    usehistory must be set to 'y'"; the local server says so instead of dropping the key."""
    webenv = _history(server, "english[la]")
    without = get(server, "esearch", db="pubmed", term="1977[dp]", query_key="1", WebEnv=webenv)
    assert b"<ERROR>query_key=1 needs WebEnv and usehistory=y" in without
    unknown = get(
        server,
        "esearch",
        db="pubmed",
        term="1977[dp]",
        usehistory="y",
        WebEnv=webenv,
        query_key="7",
    )
    assert b"<ERROR>Unable to obtain query #7</ERROR>" in unknown


def _count(server: EutilsServer, term: str) -> int:
    found = esearch(server, term=term)
    assert "ERROR" not in found, found
    return int(found["Count"])


def test_a_wildcard_inside_a_word_stands_for_any_characters(server: EutilsServer) -> None:
    """[WC]: "wildcards can be used in the middle of a term or phrase, and multiple wildcards
    can be used in the same term" (organi*ation*)."""
    both = _count(server, "randomized[tiab] OR randomised[tiab]")
    assert _count(server, "randomi*ed[tiab]") == both > _count(server, "randomized[tiab]")
    every = _count(server, "hospitalisation[tiab] OR hospitalization[tiab]")
    every_plural = _count(server, "hospitalisation*[tiab] OR hospitalization*[tiab]")
    assert _count(server, "hospitali*ation[tiab]") == every > 0
    assert _count(server, "hospitali*ation*[tiab]") == every_plural
    assert _count(server, '"randomi*ed trial*"') == _count(
        server, '"randomized trial*" OR "randomised trial*"'
    )


def test_four_characters_before_the_first_wildcard(server: EutilsServer) -> None:
    """[WC]: "Terms must have at least 4 characters before the first wildcard: colo*"."""
    assert b"at least 4 characters before the first '*'" in get(
        server, "esearch", db="pubmed", term="ran*ized[tiab]"
    )
    assert _count(server, "colo*[tiab]") > 0


def test_proximity_of_three_words_says_how_n_was_read(server: EutilsServer) -> None:
    """NLM Tech Bull 2022 Nov-Dec: N is "the maximum number of words that may appear between
    your search terms", unsettled for three or more words: the reply says how it was read."""
    three = esearch(server, term='"randomized controlled trial"[tiab:~2]')
    two = esearch(server, term='"randomized trial"[tiab:~2]')
    said = [str(m) for m in three["WarningList"]["OutputMessage"]]
    assert any("between the first and the last of them" in m for m in said)
    assert int(two["Count"]) > 0
    assert not any("between the first" in str(m) for m in two.get("WarningList", {}).values())


def test_a_request_past_the_cap_is_clamped_with_ncbis_words_even_for_few_hits(
    server: EutilsServer,
) -> None:
    """A live reply (cyanheads/pubmed-mcp-server #95): `lecanemab` (870 records) asked from
    retstart 9999 came back as an empty page with "Restrictions achieved…", not an error."""
    few = esearch(server, term="english[la]", retstart="9999")
    assert int(few["Count"]) < 9999 and few["IdList"] == []
    said = [str(m) for m in few["WarningList"]["OutputMessage"]]
    assert any(m.startswith("Restrictions achieved. start and count adjusted to") for m in said)
    assert "ERROR" not in few


def test_a_wildcard_inside_a_word_bypasses_term_mapping_as_truncation_does(
    server: EutilsServer,
) -> None:
    """NLM's PubMed tutorial: truncation bypasses automatic term mapping; so the reply to an
    untagged ``randomi*ed`` speaks of All Fields, not of a mapping the local server skipped."""
    said = [str(m) for m in esearch(server, term="randomi*ed")["WarningList"]["OutputMessage"]]
    assert any(m.startswith("All Fields in the local server") for m in said)
    assert not any(m.startswith("No automatic term mapping") for m in said)


def test_a_wildcarded_type_is_not_checked_as_a_misspelt_one() -> None:
    """``random*ed controlled trial[pt]`` is a wildcard (NLM 2024), not a type PubMed lacks:
    `protocol check` does not suggest a spelling for it."""
    query = "pain[tiab] AND random*ed controlled trial[pt]"
    assert search_warnings(Search("w", "PubMed", query, Limits())) == []


def test_four_characters_count_the_whole_hyphenated_term(server: EutilsServer) -> None:
    """[WC]'s four characters are the term's before the first wildcard: ``follow-up*`` has
    nine, so it is searched (as ``follow-up`` and its continuations), not refused for 'up'."""
    assert _count(server, "follow-up*[tiab]") >= _count(server, '"follow-up"[tiab]') > 0


def test_idtype_acc_changes_nothing_for_pubmed(server: EutilsServer) -> None:
    """[EU] ESearch, idtype: "Specifies the type of identifier to return for sequence
    databases (nuccore, popset, protein)"; a PubMed search answers PMIDs either way."""
    plain = esearch(server, term="english[la]", retmax="5")
    acc = esearch(server, term="english[la]", retmax="5", idtype="acc")
    assert acc["IdList"] == plain["IdList"] and len(acc["IdList"]) == 5


def test_retstart_past_the_count_is_an_empty_page_not_an_error(server: EutilsServer) -> None:
    """[EU]: retstart is the index of the first id shown; past the count there is none to show
    (below the cap, unlike retstart 9999 of a larger result)."""
    count = int(esearch(server, term="english[la]", retmax="0")["Count"])
    past = esearch(server, term="english[la]", retstart=str(count + 5))
    assert (past["Count"], past["RetMax"], past["RetStart"]) == (
        str(count),
        "0",
        str(count + 5),
    )
    assert past["IdList"] == [] and "ERROR" not in past


def test_proximity_zero_found_nowhere_is_echoed_with_its_n(server: EutilsServer) -> None:
    """``~0`` is a proximity (a recorded live reply echoes ``[Title/Abstract:~0]``): a quoted
    phrase found nowhere is named as written, its ``:~0`` kept, as ``:~2`` is, and not as the
    plain phrase it is not (the reply named ``"qqzx vvkw"[tiab]``)."""
    for n in ("0", "2"):
        reply = esearch(server, term=f'"qqzx vvkw"[tiab:~{n}]')
        assert reply["Count"] == "0"
        assert reply["QueryTranslation"] == f'("qqzx vvkw"[tiab:~{n}])'
        assert reply["WarningList"]["QuotedPhraseNotFound"] == [f'"qqzx vvkw"[tiab:~{n}]']
