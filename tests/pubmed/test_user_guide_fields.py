"""PMIDs without a tag, full author names in natural order and [pt:noexp], as PubMed's User
Guide (2024) documents them, through HTTP on 127.0.0.1 (the pubfid9 section of
benchmarks/results/pubmed-fidelity.md)."""

from __future__ import annotations

import io

from Bio import Entrez
from lxml import etree as ET
from pubmed.eutils_get import get, reply

from reviewkit.pubmed.server import EutilsServer


def _search(server: EutilsServer, term: str) -> dict:
    return Entrez.read(io.BytesIO(get(server, "esearch", db="pubmed", term=term, retmax="500")))


def test_a_pmid_is_found_without_its_tag(server: EutilsServer) -> None:
    """PMID [pmid]: "enter the ID with or without the search field tag [pmid]"."""
    for pmid in [str(p) for p in server.snapshot.all_pmids()[:5]]:
        assert pmid in _search(server, pmid)["IdList"]
        assert pmid in _search(server, f"{pmid}[all]")["IdList"]
        assert pmid not in _search(server, f'"{pmid}"[tiab]')["IdList"]  # a PMID is no word


def test_pmids_side_by_side_are_ored(server: EutilsServer) -> None:
    """ "You can search for several PMIDs by entering each number in the search box separated by
    a space (e.g., 17170002 16381840); PubMed will OR the PMIDs together"."""
    pmids = [str(p) for p in server.snapshot.all_pmids()[:3]]
    found = _search(server, " ".join(pmids))
    assert sorted(found["IdList"]) == sorted(pmids)
    assert found["Count"] == _search(server, " OR ".join(f"{p}[pmid]" for p in pmids))["Count"]
    # beside a word, the number is ANDed with it ("the individual terms will be combined
    # (ANDed) together and searched in all fields", the Guide's ATM), its PMID in All Fields
    cancer = set(_search(server, "cancer")["IdList"])
    about, other = sorted(cancer)[0], next(p for p in pmids if p not in cancer)
    assert _search(server, f"cancer {about}")["IdList"] == [about]
    assert _search(server, f"cancer {other}")["IdList"] == []
    assert _search(server, f"{other} cancer")["IdList"] == []


def test_pmids_separated_by_commas_are_ored(server: EutilsServer) -> None:
    """The Guide's character conversions: "Characters converted to spaces in search queries:
    … comma ,"; a list of ids pasted with commas is the Guide's PMIDs separated by a space."""
    pmids = [str(p) for p in server.snapshot.all_pmids()[:3]]
    for term in (",".join(pmids), ", ".join(pmids), f"{pmids[0]},{pmids[1]} {pmids[2]}"):
        assert sorted(_search(server, term)["IdList"]) == sorted(pmids), term
    assert _search(server, f"{pmids[0]},")["IdList"] == [pmids[0]]


def test_a_pmid_past_the_index_integers_is_not_found_not_a_failure(
    server: EutilsServer,
) -> None:
    """NCBI's largest UID is 2^64 - 1 (epost3.xml); the server's index holds integers below
    2^63: a number between is an id no article has, not a failed request."""
    for term in ("18446744073709551615[pmid]", "18446744073709551615"):
        status, body = reply(server, "esearch", db="pubmed", term=term)
        assert status == 200 and b"<Count>0</Count>" in body, term


def _full_author(server: EutilsServer) -> tuple[str, str]:
    """A snapshot author with a full forename: ('adele', 'wong')."""
    for pmid in server.snapshot.all_pmids():
        medline = get(
            server, "efetch", db="pubmed", id=str(pmid), rettype="medline", retmode="text"
        )
        for line in medline.decode().splitlines():
            if line.startswith("FAU - ") and ", " in line:
                last, fore = line[6:].split(", ", 1)
                if " " not in last and fore.isalpha() and len(fore) > 2:
                    return fore.lower(), last.lower()
    raise AssertionError("no full author name in the test snapshot")


def test_a_full_author_name_in_natural_order_is_found_by_au(server: EutilsServer) -> None:
    """The Guide: [au] "Searching by full author name … is also possible"; the Author index
    (which [au] searches): "Enter a full author name in natural or inverted order, e.g., julia
    s wong or wong julia s"; [fau]: "Full author searches can be entered in natural or
    inverted order"."""
    fore, last = _full_author(server)
    inverted = _search(server, f"{last} {fore}[au]")
    assert inverted["IdList"]
    for term in (f"{fore} {last}[au]", f"{fore} {last}[fau]", f"{last} {fore}[fau]"):
        assert _search(server, term)["IdList"] == inverted["IdList"], term
    # the [au] format, last name and initial, finds that person too (the assertion this
    # replaces, 'adele w[au]' != 'wong adele[au]', held whatever the server answered)
    assert set(inverted["IdList"]) <= set(_search(server, f"{last} {fore[0]}[au]")["IdList"])


def _names(server: EutilsServer, path: str) -> list[tuple[str, str, bool]]:
    """(forename, last name, first of its list) of the persons at ``path`` in the test
    snapshot's records whose last name is one word and whose forename's first word has 3+
    letters."""
    pmids = [str(p) for p in server.snapshot.all_pmids()]
    root = ET.fromstring(get(server, "efetch", db="pubmed", id=",".join(pmids)))
    names = []
    for article in root.iter("PubmedArticle"):
        for i, person in enumerate(article.iterfind(f"MedlineCitation/{path}")):
            last, fore = person.findtext("LastName") or "", person.findtext("ForeName") or ""
            given = fore.split()
            if last.isalpha() and given and given[0].isalpha() and len(given[0]) > 2:
                names.append((fore.lower(), last.lower(), i == 0))
    return names


def test_natural_order_with_a_two_letter_last_name(server: EutilsServer) -> None:
    """'wei li' as 'julia s wong' is: a last name of two letters (Li, Xu, Hu) is a last name
    all the same, not initials ('peterson do' is both, the Guide's [fau] example)."""
    fore, last, _ = next(n for n in _names(server, "Article/AuthorList/Author") if len(n[1]) == 2)
    inverted = _search(server, f"{last} {fore}[au]")["IdList"]
    assert inverted
    assert _search(server, f"{fore} {last}[au]")["IdList"] == inverted


def test_natural_order_also_for_the_tags_matched_as_au(server: EutilsServer) -> None:
    """[1au], [lastau] ("matched as [au]", README) and [ps] ("using the author field format",
    the Guide) read a full name in natural order as [au] does."""
    fore, last, _ = next(n for n in _names(server, "Article/AuthorList/Author") if n[2])
    inverted = _search(server, f"{last} {fore}[1au]")["IdList"]
    assert inverted
    assert _search(server, f"{fore} {last}[1au]")["IdList"] == inverted
    fore, last, _ = _names(server, "PersonalNameSubjectList/PersonalNameSubject")[0]
    inverted = _search(server, f"{last} {fore}[ps]")["IdList"]
    assert inverted
    assert _search(server, f"{fore} {last}[ps]")["IdList"] == inverted


def test_pt_noexp_finds_the_type_without_its_narrower_types(server: EutilsServer) -> None:
    """Publication Type [pt]: "publication types automatically include the more specific
    publication types in a search. To turn off this automatic feature, use the search syntax
    [pt:noexp], e.g., review [pt:noexp]"."""
    exploded = set(_search(server, "clinical trial[pt]")["IdList"])
    alone = _search(server, "clinical trial[pt:noexp]")
    rct = set(_search(server, "randomized controlled trial[pt]")["IdList"])
    assert alone["QueryTranslation"] == '"clinical trial"[Publication Type:noexp]'
    assert set(alone["IdList"]) < exploded  # the test snapshot has RCTs not typed Clinical Trial
    assert exploded - set(alone["IdList"]) <= rct | set(
        _search(server, "controlled clinical trial[pt]")["IdList"]
    )
    assert _search(server, "review[pt:noexp]")["IdList"]


def test_hascois_and_haskeyword_find_the_records_holding_them(server: EutilsServer) -> None:
    """[cois]: "To retrieve all citations that contain conflict of interest statements, use the
    query hascois"; Other Term [ot]: "To retrieve all citations that have keywords, use the query
    haskeyword". Checked against the records' own XML."""
    pmids = [str(p) for p in server.snapshot.all_pmids()]
    root = ET.fromstring(get(server, "efetch", db="pubmed", id=",".join(pmids)))
    has: dict[str, set[str]] = {"hascois": set(), "haskeyword": set()}
    for article in root.iter("PubmedArticle"):
        pmid = article.findtext("MedlineCitation/PMID")
        if (article.findtext("MedlineCitation/CoiStatement") or "").strip():
            has["hascois"].add(pmid)
        if article.find("MedlineCitation/KeywordList/Keyword") is not None:
            has["haskeyword"].add(pmid)
    for word, expected in has.items():
        assert expected, word  # the test snapshot has both kinds
        found = _search(server, word)
        assert set(found["IdList"]) == expected and int(found["Count"]) == len(expected), word
        assert found["QueryTranslation"] == f"{word}[All Fields]"


def test_a_pmcid_is_found_without_a_tag(server: EutilsServer) -> None:
    """PMCID and MID: "Search for PMC or NIH manuscript identifiers using the appropriate prefix
    followed by the ID number, e.g., PMC2600426"."""
    pmids = [str(p) for p in server.snapshot.all_pmids()]
    root = ET.fromstring(get(server, "efetch", db="pubmed", id=",".join(pmids)))
    ids = {
        (kind, article.findtext("MedlineCitation/PMID"), e.text)
        for article in root.iter("PubmedArticle")
        for e in article.iterfind("PubmedData/ArticleIdList/ArticleId")
        if (kind := e.get("IdType")) in ("pmc", "mid")
    }
    assert any(kind == "pmc" for kind, _, _ in ids)  # the test snapshot has PMCIDs
    for _, pmid, value in sorted(ids)[:10]:
        assert pmid in _search(server, value)["IdList"], value
        assert pmid in _search(server, value.lower())["IdList"], value


def test_hasnihmsid_finds_the_records_with_an_nih_manuscript_id(server: EutilsServer) -> None:
    """PMCID and MID: "To retrieve all NIH manuscript citations, use the query hasnihmsid" (the
    MID is in the index since version 16). Checked against the records' own XML: an NIHMS id,
    not Europe PMC's EMS ids, which NLM writes as MIDs too (our reading of the word's name)."""
    pmids = [str(p) for p in server.snapshot.all_pmids()]
    root = ET.fromstring(get(server, "efetch", db="pubmed", id=",".join(pmids)))
    mids = {
        (article.findtext("MedlineCitation/PMID"), e.text or "")
        for article in root.iter("PubmedArticle")
        for e in article.iterfind("PubmedData/ArticleIdList/ArticleId[@IdType='mid']")
    }
    expected = {pmid for pmid, mid in mids if mid.startswith("NIHMS")}
    assert expected and len(expected) < len(mids)  # NIH manuscripts and others in the snapshot
    found = _search(server, "hasnihmsid")
    assert set(found["IdList"]) == expected
    assert found["QueryTranslation"] == "hasnihmsid[All Fields]"
