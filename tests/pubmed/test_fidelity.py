"""Where NCBI's E-utilities documentation (NBK25499) says what a reply holds, the local server
answers the same way: JSON esearch, rettype=count, the db default, sort, field, reldate, einfo,
the cap warning and the utilities it does not serve (real HTTP against a real snapshot)."""

from __future__ import annotations

import io
import json
import urllib.request
from urllib.parse import urlencode

import pytest
from Bio import Entrez
from lxml import etree as ET
from pubmed.conftest import ServerFactory, fast_client
from pubmed.eutils_get import esearch, fetched, get, mesh_pairs, reply

from reviewkit import offline_data
from reviewkit.formats import pubmed_xml
from reviewkit.pubmed.server import EutilsServer
from reviewkit.pubmed.snapshot import Snapshot


def test_json_esearch_holds_what_the_xml_holds_with_numbers_as_strings(
    server: EutilsServer,
) -> None:
    reply = json.loads(get(server, "esearch", db="pubmed", term="english[la]", retmode="json"))
    assert reply["header"] == {"type": "esearch", "version": "0.3"}
    found = reply["esearchresult"]
    assert found["count"] == esearch(server, term="english[la]")["Count"]
    assert isinstance(found["count"], str) and found["retmax"] == "20"
    assert found["idlist"] == list(esearch(server, term="english[la]")["IdList"])
    assert found["querytranslation"] == '"english"[Language]'
    missing = json.loads(
        get(server, "esearch", db="pubmed", term="zzqqxx[ti]", retmode="json", usehistory="y")
    )["esearchresult"]
    assert missing["count"] == "0" and missing["querykey"] == "1" and missing["webenv"]
    assert missing["errorlist"]["phrasesnotfound"] == ["zzqqxx[ti]"]  # tag as typed (q44c)
    assert missing["warninglist"]["outputmessages"] == ["No items found."]
    error = json.loads(get(server, "esearch", db="pubmed", term="", retmode="json"))
    assert error["esearchresult"] == {"ERROR": "Empty term and query_key - nothing todo"}


def test_rettype_count_sends_the_count_alone(server: EutilsServer) -> None:
    reply = esearch(server, term="english[la]", rettype="count")
    assert list(reply) == ["Count"] and int(reply["Count"]) > 20


def test_esearch_takes_its_two_rettypes_and_refuses_others(server: EutilsServer) -> None:
    # NBK25499: esearch's rettype is uilist (the default) or count; another one is refused
    # rather than answered as a uilist, as the server does with what it does not imitate
    assert esearch(server, term="english[la]", rettype="uilist")["IdList"]
    reply = get(server, "esearch", db="pubmed", term="english[la]", rettype="abstract")
    assert b"<ERROR>rettype 'abstract' is not an esearch rettype" in reply


def test_esearch_db_defaults_to_pubmed(server: EutilsServer) -> None:
    body = get(server, "esearch", term="english[la]")
    assert Entrez.read(io.BytesIO(body))["Count"] == esearch(server, term="english[la]")["Count"]


def test_sort_pub_date_and_author_order_the_ids_and_the_history_set(
    server: EutilsServer,
) -> None:
    default = esearch(server, term="english[la]", retmax="400")["IdList"]
    by_date = esearch(server, term="english[la]", retmax="400", sort="pub_date", usehistory="y")
    assert sorted(by_date["IdList"]) == sorted(default) and by_date["IdList"] != default
    # each article's earliest year of print and electronic publication (PubMed's User Guide:
    # the Publication Date sort takes the earliest of an article's publication dates)
    body = get(server, "efetch", db="pubmed", id=",".join(by_date["IdList"]))
    years = [
        min(
            int(y[:4])
            for y in a.xpath(
                ".//PubDate/Year/text() | .//PubDate/MedlineDate/text()"
                " | .//ArticleDate/Year/text()"
            )
        )
        for a in ET.fromstring(body).iterfind("PubmedArticle")
    ]
    assert years == sorted(years, reverse=True) and years[0] > years[-1]
    history = get(
        server, "efetch", db="pubmed", WebEnv=by_date["WebEnv"], query_key="1", retmax="30"
    )
    assert [r.pmid for r in pubmed_xml.read(io.BytesIO(history), "efetch")] == by_date["IdList"][
        :30
    ]
    by_author = esearch(server, term="english[la]", retmax="400", sort="Author")["IdList"]
    firsts = [r.authors[0].casefold() for r in fetched(server, by_author) if r.authors]
    assert firsts == sorted(firsts)


def test_sort_relevance_is_said_to_be_not_imitated_and_unknown_sorts_refused(
    server: EutilsServer,
) -> None:
    reply = esearch(server, term="english[la]", sort="relevance")
    assert any("relevance" in m for m in reply["WarningList"]["OutputMessage"])
    with pytest.raises(RuntimeError, match="sort 'newest' is not supported"):
        esearch(server, term="english[la]", sort="newest")


def test_field_limits_untagged_terms_only(server: EutilsServer) -> None:
    limited = esearch(server, term="cancer AND english[la]", field="title", retmax="500")
    tagged = esearch(server, term="cancer[ti] AND english[la]", retmax="500")
    assert limited["IdList"] == tagged["IdList"]
    assert limited["QueryTranslation"] == '"cancer"[Title] AND "english"[Language]'
    assert esearch(server, term="cancer", field="TIAB")["QueryTranslation"] == (
        '"cancer"[Title/Abstract]'
    )
    with pytest.raises(RuntimeError, match="not a PubMed search field"):
        esearch(server, term="cancer", field="nosuch")
    # field= on a written-out list: the tree is rebuilt without recursion (it used to fail
    # past ~1,000 terms); sent by POST, as Biopython sends any request over 1,000 characters
    names = " OR ".join(f"zzq{i}" for i in range(3000))
    body = urlencode({"db": "pubmed", "term": f"{names} OR pain", "field": "tiab"}).encode()
    with urllib.request.urlopen(f"{server.base_url}esearch.fcgi", body, timeout=60) as reply:
        posted = Entrez.read(io.BytesIO(reply.read()))
    assert posted["Count"] == esearch(server, term="pain[tiab]")["Count"] != "0"


def test_reldate_counts_back_from_today(server: EutilsServer) -> None:
    everything = esearch(server, term="english[la]")["Count"]
    assert esearch(server, term="english[la]", reldate="36500")["Count"] == everything
    assert esearch(server, term="english[la]", reldate="1")["Count"] == "0"  # a 1976-2021 set


def test_more_than_the_cap_asked_is_cut_with_ncbis_warning(
    make_server: ServerFactory, small_snapshot
) -> None:
    server = make_server(small_snapshot, cap=50)
    reply = esearch(server, term="english[la]", retmax="500")
    assert len(reply["IdList"]) == 50
    assert (
        "Restrictions achieved. start and count adjusted to 0, 50"
        in (reply["WarningList"]["OutputMessage"])
    )


def test_einfo_lists_pubmed_and_the_fields_searched_here(server: EutilsServer) -> None:
    assert Entrez.read(io.BytesIO(get(server, "einfo")))["DbList"] == ["pubmed"]
    info = Entrez.read(io.BytesIO(get(server, "einfo", db="pubmed")))["DbInfo"][0]
    assert info["DbName"] == "pubmed" and int(info["Count"]) == server.snapshot.article_count
    real = Entrez.read(
        io.BytesIO(offline_data.path("biopython-tests", "Tests/Entrez/einfo2.xml").read_bytes())
    )["DbInfo"][0]
    ours = {f["Name"]: f["FullName"] for f in info["FieldList"]}
    assert {"TIAB", "MESH", "PDAT"} <= set(ours)
    assert ours.items() <= {f["Name"]: f["FullName"] for f in real["FieldList"]}.items()


def test_einfo_refuses_a_retmode_naming_the_one_given(server: EutilsServer) -> None:
    reply = get(server, "einfo", db="pubmed", retmode="text")
    assert b"<ERROR>retmode 'text' is not supported by the local server" in reply


@pytest.mark.parametrize(
    ("utility", "params", "why"),
    [
        ("elink", {"cmd": "neighbor_score"}, b"related-article scores"),
        ("espell", {"term": "asthmaa"}, b"spelling suggestions"),
    ],
)
def test_utilities_not_served_say_so_and_why(
    server: EutilsServer, utility: str, params: dict[str, str], why: bytes
) -> None:
    status, body = reply(server, utility, db="pubmed", id="1", **params)
    assert status == 501
    assert f"{utility} is not served by the local server: ".encode() in body and why in body


def test_heading_subheading_pairs_are_searched_as_pairs(server: EutilsServer) -> None:
    ids = esearch(server, term="english[la]", retmax="300")["IdList"]
    pairs = mesh_pairs(get(server, "efetch", db="pubmed", id=",".join(ids)))
    pmid, (descriptor, qualifier) = next((p, sorted(s)[0]) for p, s in pairs.items() if s)
    reply = esearch(server, term=f"{descriptor}/{qualifier}[mh]", retmax="500")
    assert pmid in reply["IdList"] and "PhraseNotFound" not in reply.get("ErrorList", {})
    found = mesh_pairs(get(server, "efetch", db="pubmed", id=",".join(reply["IdList"])))
    assert all((descriptor, qualifier) in s for s in found.values())  # the pair, not both apart
    assert any("not exploded" in m for m in reply["WarningList"]["OutputMessage"])
    with pytest.raises(RuntimeError, match="is no MeSH subheading.s abbreviation"):
        esearch(server, term=f"{descriptor}/xq[mh]")  # no qualifier's abbreviation


def test_quoted_and_truncated_terms_are_not_said_to_miss_term_mapping(
    server: EutilsServer,
) -> None:
    for term in ('"sick leave"', "vocation*", "return-to-work"):
        messages = esearch(server, term=term)["WarningList"]["OutputMessage"]
        assert not any(m.startswith("No automatic term mapping") for m in messages)
        assert any(m.startswith("All Fields in the local server") for m in messages)
    untagged = esearch(server, term="cancer")["WarningList"]["OutputMessage"]
    assert untagged[0].startswith("No automatic term mapping")
    assert untagged[1].startswith("All Fields in the local server")  # what it leaves out


def test_query_keys_of_the_webenv_can_be_combined_in_a_term(server: EutilsServer) -> None:
    first = esearch(server, term="english[la]", usehistory="y")
    combined = esearch(
        server, term="#1 AND cancer", usehistory="y", WebEnv=first["WebEnv"], retmax="500"
    )
    written_out = esearch(server, term="english[la] AND cancer", retmax="500")
    assert combined["IdList"] == written_out["IdList"] and combined["QueryKey"] == "2"
    assert combined["WebEnv"] == first["WebEnv"]
    with pytest.raises(RuntimeError, match="#1 is not in the search history of this WebEnv"):
        esearch(server, term="#1 AND cancer")  # no WebEnv: nothing for #1 to refer to


def test_sort_journalname_orders_by_journal_abbreviation(server: EutilsServer) -> None:
    ids = esearch(server, term="english[la]", retmax="300", sort="JournalName")["IdList"]
    from lxml import etree

    xml = etree.fromstring(get(server, "efetch", db="pubmed", id=",".join(ids)))
    journals = [a.findtext(".//MedlineTA").casefold() for a in xml.iterfind("PubmedArticle")]
    assert journals == sorted(journals) and len(set(journals)) > 5


def test_written_out_lists_of_1000_and_5000_terms_are_searched_through_the_client(
    server: EutilsServer, small_snapshot: Snapshot
) -> None:
    # a librarian's drug list or a MeSH explosion written out: PubMed answers these (sent by
    # POST); the evaluator used to recurse once per chained term and answered <ERROR> past
    # about 1,000 terms. Real PMIDs and a real word among made-up words give a known count.
    pain = {int(p) for p in esearch(server, term="pain[tiab]", retmax="9999")["IdList"]}
    others = [p for p in small_snapshot.all_pmids() if p not in pain]
    pmids = others[:298] + sorted(pain)[:2]  # two articles both named and found by the word
    assert len(pain) > 2 and len(others) >= 298
    client = fast_client(server, timeout=60)
    for n in (1000, 5000):
        names = [f"{p}[pmid]" for p in pmids] + [f"zzq{i}[tiab]" for i in range(n - 301)]
        result = client.count(" OR ".join([*names, "pain[tiab]"]))
        assert result.count == 298 + len(pain)
        assert len(result.not_found) == n - 301
        assert server.requests("esearch")[-1].method == "POST"
    assert client.count("pain[tiab]").count == len(pain)  # a short query still goes by GET
    assert server.requests("esearch")[-1].method == "GET"


def test_nesting_deeper_than_100_is_the_one_refusal_of_a_long_query(server: EutilsServer) -> None:
    chain = " OR ".join(f"zzq{i}[tiab]" for i in range(2000))
    deep = "(" * 100 + chain + " OR pain[tiab]" + ")" * 100
    assert esearch(server, term=deep)["Count"] == esearch(server, term="pain[tiab]")["Count"]
    with pytest.raises(RuntimeError, match="parentheses nested more than 100 deep"):
        esearch(server, term="(" + deep + ")")


def test_datetype_pdat_edat_crdt_limit_as_the_date_fields_do(server: EutilsServer) -> None:
    # NBK25499: datetype with mindate and maxdate (YYYY/MM/DD, YYYY/MM or YYYY) limits the
    # search by that date; pdat is [dp], edat is [edat]; crdt is PubMed's [crdt] field
    for datetype, tag in (("pdat", "dp"), ("edat", "edat"), ("crdt", "crdt")):
        limited = esearch(
            server, term="english[la]", datetype=datetype, mindate="2021/03", maxdate="2021/04/15"
        )
        written = esearch(server, term=f"english[la] AND 2021/03/01:2021/04/15[{tag}]")
        assert limited["Count"] == written["Count"] != "0"
    everything = esearch(
        server, term="english[la]", datetype="pdat", mindate="1900", maxdate="2999"
    )
    assert everything["Count"] == esearch(server, term="english[la]")["Count"]


def test_datetype_mdat_is_lr_and_bad_dates_are_error_replies_that_say_why(
    server: EutilsServer,
) -> None:
    # mdat is [lr] (the files' DateRevised), with [lr]'s warning that PubMed's may be later;
    # a mindate that is no date used to kill the request (no reply) instead of an <ERROR>
    mdat = {"datetype": "mdat", "mindate": "2021", "maxdate": "2021", "retmax": "999"}
    limited = get(server, "esearch", db="pubmed", term="english[la]", **mdat)
    ranged = esearch(server, term="english[la] AND 2021:2021[lr]", retmax="999")
    assert Entrez.read(io.BytesIO(limited))["IdList"] == ranged["IdList"] != []
    assert b"[lr] searched on the DateRevised" in limited
    with pytest.raises(RuntimeError, match="datetype 'zdat' is not supported .* mhda, mdat"):
        esearch(server, term="pain", datetype="zdat", mindate="2020", maxdate="2021")
    for bad in ("yesterday", "2020/13", "20201", "2020/01/01/01"):
        with pytest.raises(RuntimeError, match=f"mindate '{bad}' is not a date: write YYYY/MM/DD"):
            esearch(server, term="pain", datetype="edat", mindate=bad, maxdate="2021")
    with pytest.raises(RuntimeError, match="maxdate '2021-02-30x' is not a date"):
        esearch(server, term="pain", mindate="2020", maxdate="2021-02-30x")
    assert esearch(server, term="pain", mindate="2020-01-01", maxdate="2021")["Count"]
