"""The field tags a librarian's strings use beyond words, MeSH and types (pubfid3): [ad] and its
proximity, [lastau], [fau], [si], [gr], [rn], [vi], [ip], [pg], [pl], [jid], [lid], [aid],
[cois], [ta] by full title and ISSN ([jour], [is]), and the dates [mhda], [dcom], [lr].

Each is asked of the real local server over HTTP, on the small snapshot of real NLM articles,
and its hits are compared with the PMIDs read from the served articles' own XML (efetch), so
that the index and the evaluator are checked against the records, not against themselves."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROTOCOL_A
from lxml import etree as ET
from pubmed.article_xml import authors_of
from pubmed.eutils_get import esearch, get, ids, warnings_of

from reviewkit.cli import main
from reviewkit.protocol import Limits, Search
from reviewkit.pubmed.search_checks import search_warnings
from reviewkit.pubmed.server import EutilsServer
from reviewkit.records import fold_text

Values = Callable[[ET._Element], list[str]]


@pytest.fixture
def articles(server: EutilsServer) -> dict[str, ET._Element]:
    """PMID -> the served article's XML, every article of the snapshot."""
    every = ",".join(sorted(ids(server, "1800:3000[dp] OR 1800:3000[edat]")))
    root = ET.fromstring(get(server, "efetch", db="pubmed", id=every))
    return {a.findtext("MedlineCitation/PMID"): a for a in root.iter("PubmedArticle")}


def _texts(path: str) -> Values:
    return lambda a: [" ".join("".join(e.itertext()).split()) for e in a.iterfind(path)]


def _databanks(a: ET._Element) -> list[str]:
    out = []
    for bank in a.iterfind(".//DataBankList/DataBank"):
        name = bank.findtext("DataBankName") or ""
        out += [name] + [f"{name}/{n.text}" for n in bank.iterfind(".//AccessionNumber")]
        out += [n.text or "" for n in bank.iterfind(".//AccessionNumber")]
    return out


def _grant_pieces(a: ET._Element) -> list[str]:
    out = []
    for grant in a.iterfind(".//GrantList/Grant"):
        out += [grant.findtext(t) or "" for t in ("GrantID", "Acronym", "Agency", "Country")]
    return out


def _first_pages(a: ET._Element) -> list[str]:
    pages = a.findtext(".//Pagination/MedlinePgn") or ""
    return [pages.split("-")[0]] if pages else []


def _registry_numbers(a: ET._Element) -> list[str]:
    return [n for n in _texts(".//ChemicalList/Chemical/RegistryNumber")(a) if n != "0"]


def _article_ids(a: ET._Element) -> list[str]:
    return [
        e.text or ""
        for e in a.iterfind("PubmedData/ArticleIdList/ArticleId")
        if e.get("IdType") not in ("pubmed", "pmc", "mid")
    ]


# tag, PubMed's name for the field in QueryTranslation (einfo's FullName), the values the
# article's XML holds for it
CITATION_FIELDS: list[tuple[str, str, Values]] = [
    ("si", "Secondary Source ID", _databanks),
    ("gr", "Grants and Funding", _grant_pieces),
    ("rn", "EC/RN Number", _registry_numbers),
    ("vi", "Volume", _texts(".//JournalIssue/Volume")),
    ("ip", "Issue", _texts(".//JournalIssue/Issue")),
    ("pg", "Pagination", _first_pages),
    ("pl", "Place of Publication", _texts(".//MedlineJournalInfo/Country")),
    ("jid", "NLM Unique ID", _texts(".//MedlineJournalInfo/NlmUniqueID")),
    ("lid", "Location ID", _texts(".//Article/ELocationID")),
    ("aid", "Article Identifier", _article_ids),
]


# volume, issue and first page: numbers too short to truncate (4 characters before a '*')
TERSE = {"vi", "ip", "pg"}


def _holding(articles: dict[str, ET._Element], values: Values, value: str) -> set[str]:
    return {p for p, a in articles.items() if fold_text(value) in map(fold_text, values(a))}


@pytest.mark.parametrize(("tag", "name", "values"), CITATION_FIELDS)
def test_a_citation_field_finds_the_records_whose_xml_holds_the_value(
    server: EutilsServer, articles: dict[str, ET._Element], tag: str, name: str, values: Values
) -> None:
    counts = Counter(v for a in articles.values() for v in set(values(a)) if v)
    value, _ = counts.most_common(1)[0]
    expected = _holding(articles, values, value)
    assert ids(server, f'"{value}"[{tag}]') == expected
    assert esearch(server, term=f'"{value}"[{tag}]')["QueryTranslation"] == f'"{value}"[{name}]'
    assert ids(server, f'"{value}"[{name}]') == expected  # the long name, as PubMed writes it
    reply = warnings_of(server, f"zzqqxx9[{tag}]")
    assert (
        "<Count>0</Count>" in reply and f"<PhraseNotFound>zzqqxx9[{tag}]</PhraseNotFound>" in reply
    )


@pytest.mark.parametrize(
    ("tag", "values"), [(tag, values) for tag, _, values in CITATION_FIELDS if tag not in TERSE]
)
def test_a_truncated_value_finds_every_record_of_the_values_it_begins(
    server: EutilsServer, articles: dict[str, ET._Element], tag: str, values: Values
) -> None:
    held = sorted({v for a in articles.values() for v in values(a) if fold_text(v)}, key=fold_text)
    value = next(v for v in held if len(fold_text(v).split()[-1]) > 5)
    stem = fold_text(value)[:-2]
    begun = set().union(
        *(_holding(articles, values, v) for v in held if fold_text(v).startswith(stem))
    )
    assert ids(server, f'"{stem}*"[{tag}]') == begun != set()


def test_a_databank_number_is_found_by_each_piece_and_by_the_whole_string(
    server: EutilsServer, articles: dict[str, ET._Element]
) -> None:
    """NLM (Tech Bull 2005 May-Jun e13): "each of the pieces or the entire string is
    searchable" (nct00000161[si], clinicaltrials.gov[si], clinicaltrials.gov/nct00000161[si])."""
    pmid, bank = next(
        (p, b) for p, a in articles.items() for b in a.iterfind(".//DataBankList/DataBank")
    )
    name, number = bank.findtext("DataBankName"), bank.findtext(".//AccessionNumber")
    assert pmid in ids(server, f"{number}[si]") == ids(server, f"{name}/{number}[si]")
    assert pmid in ids(server, f"{name}[si]") and pmid in ids(server, f"{number.lower()}[si]")
    assert ids(server, f"{name}/{number}[si]") <= ids(server, f"{name}[si]")


def test_a_grant_is_found_by_its_number_acronym_agency_part_and_country(
    server: EutilsServer, articles: dict[str, ET._Element]
) -> None:
    """NLM PubMed tutorial (Grant Numbers): the four pieces each searchable, the agency by
    "parts of, or the entire string of" its hierarchy (nlm[gr]), and the whole string."""
    grant = next(
        g
        for a in articles.values()
        for g in a.iterfind(".//GrantList/Grant")
        if g.findtext("GrantID")
        and len(words := (g.findtext("Agency") or "").split()) > 2
        and all(w.isupper() for w in words)  # NLM's hierarchy, 'NCI NIH HHS'
    )
    number, acronym, agency, country = (
        grant.findtext(t) or "" for t in ("GrantID", "Acronym", "Agency", "Country")
    )
    whole = f'"{number}/{acronym}/{agency}/{country}"[gr]'
    found = ids(server, whole)
    assert found and found <= ids(server, f'"{number}"[gr]')
    for piece in (acronym, agency, agency.split()[1], " ".join(agency.split()[1:]), country):
        assert found <= ids(server, f'"{piece}"[gr]'), piece
    assert ids(server, f'"{agency.split()[1]}"[gr]') >= ids(server, f'"{agency}"[gr]')


# The small snapshot's agencies, read from its NLM XML by hand (pubfid6): written out here so
# that the test does not re-implement the rule it checks. A name given by the publisher, and
# its PMIDs; and two of NLM's hierarchies ('CSRD VA', 'HSRD VA'; 'NIGMS NIH HHS').
_WELLCOME = {"16384580", "16919692", "29744390", "30271887"}  # Wellcome Trust
_MRC = {"29933116", "30140728", "31193683"}  # Medical Research Council
_VA = {"21453214", "25609688", "27189171", "31193798"}  # HSRD VA (3), CSRD VA (1)
_NIGMS = {"10704411", "12486199", "15550987", "16213219", "17018286", "18694769", "21248138"}


def test_a_one_entity_agency_is_found_whole_not_by_a_word_of_its_name(
    server: EutilsServer,
) -> None:
    """einfo flags Grants and Funding SingleToken (PubMed indexes whole values) and the NLM
    tutorial makes parts of an agency's hierarchy searchable, not words of a name: 'wellcome
    trust'[gr] finds the Wellcome Trust, 'trust'[gr] does not (before pubfid5 it did: every
    word run of every agency was a row). The expected PMIDs are the fixture's, by hand."""
    assert ids(server, '"wellcome trust"[gr]') == _WELLCOME
    assert ids(server, '"medical research council"[gr]') == _MRC
    for word in ("wellcome", "trust", "council", "research", "medical", "health"):
        assert ids(server, f"{word}[gr]") == set(), word
    # a level of NLM's hierarchy is a part PubMed documents (nlm[gr]): found alone
    assert ids(server, "va[gr]") == _VA
    assert ids(server, "nigms[gr]") == _NIGMS


def test_last_author_is_the_last_name_of_the_list_matched_as_au(
    server: EutilsServer, articles: dict[str, ET._Element]
) -> None:
    lasts = Counter(
        authors_of(a)[-1].findtext("LastName") for a in articles.values() if len(authors_of(a)) > 1
    )
    surname = lasts.most_common(1)[0][0]
    listed = {p: a.findall(".//Article/AuthorList/Author") for p, a in articles.items()}
    expected = {p for p, a in listed.items() if a and a[-1].findtext("LastName") == surname}
    assert ids(server, f"{surname}[lastau]") == expected
    assert ids(server, f"{surname}[last author name]") == expected
    assert esearch(server, term=f"{surname}[lastau]")["QueryTranslation"] == (
        f"{surname}[Author - Last]"
    )
    anywhere = ids(server, f"{surname}[au]")
    assert expected <= anywhere
    firsts = {
        p for p in anywhere if authors_of(articles[p])[0].findtext("LastName") == surname
    } - expected
    assert not firsts & ids(server, f"{surname}[lastau]")  # first but not last: not found
    assert "truncation is not supported on [lastau]" in warnings_of(server, f"{surname}*[lastau]")


def test_full_author_name_matches_last_and_fore_names(
    server: EutilsServer, articles: dict[str, ET._Element]
) -> None:
    author = next(
        x
        for a in articles.values()
        for x in authors_of(a)
        if len((x.findtext("ForeName") or "").split()) > 1
    )
    last, fore = author.findtext("LastName") or "", author.findtext("ForeName") or ""
    expected = {
        p
        for p, a in articles.items()
        if any(
            (x.findtext("LastName"), x.findtext("ForeName")) == (last, fore) for x in authors_of(a)
        )
    }
    assert ids(server, f'"{last}, {fore}"[fau]') == expected
    assert ids(server, f"{last} {fore.split()[0]}[fau]") >= expected  # the longer forms too
    assert ids(server, f'"{last} {fore.split()[0]}"[fau]').isdisjoint(expected)  # quoted: exact
    assert esearch(server, term=f'"{last}, {fore}"[fau]')["QueryTranslation"] == (
        f'"{last}, {fore}"[Author - Full]'
    )


def test_full_author_name_in_natural_order(
    server: EutilsServer, articles: dict[str, ET._Element]
) -> None:
    """NLM Tech Bull 2005 May-Jun: full names "in either natural or inverted order" ('julia s
    wong', 'wong julia s'); a comma after the last name says which one it is."""
    author = next(
        x
        for a in articles.values()
        for x in authors_of(a)
        if len((x.findtext("ForeName") or "").split()) > 1
    )
    last, fore = author.findtext("LastName") or "", author.findtext("ForeName") or ""
    inverted = ids(server, f'"{last} {fore}"[fau]')
    assert inverted and ids(server, f'"{fore} {last}"[fau]') == inverted
    assert ids(server, f"{fore.split()[0]} {last}[fau]") >= inverted  # unquoted: longer forms
    assert ids(server, f'"{fore}, {last}"[fau]').isdisjoint(inverted)  # the comma: last name first


def test_affiliation_words_phrases_and_proximity(
    server: EutilsServer, articles: dict[str, ET._Element]
) -> None:
    affiliations = _texts(".//AuthorList/Author/AffiliationInfo/Affiliation")

    def with_words(*words: str) -> set[str]:
        return {
            p
            for p, a in articles.items()
            if any(set(words) <= set(fold_text(t).split()) for t in affiliations(a))
        }

    assert ids(server, "university[ad]") == with_words("university") != set()
    assert ids(server, "university[affiliation]") == with_words("university")
    assert esearch(server, term="university[ad]")["QueryTranslation"] == '"university"[Affiliation]'
    near = ids(server, '"university california"[ad:~2]')
    assert near and near <= with_words("university", "california")
    assert ids(server, '"university california"[ad]') == set()  # no such phrase
    assert ids(server, "univers*[ad]") >= with_words("university")
    # affiliations are not in the fields an untagged term or [tiab] searches here
    assert ids(server, "university[tiab]") != ids(server, "university[ad]")


def test_an_affiliation_phrase_does_not_run_into_the_next_affiliation(
    server: EutilsServer, articles: dict[str, ET._Element]
) -> None:
    """Each affiliation is its own value (PubMed Help: the field holds "the institutional
    affiliation and address" of each author): a phrase or NEAR group of the last word of one
    affiliation and the first of the next ("... China." and "Department of ...") is in neither.
    They were found when all of a record's affiliations were one text."""
    affiliations = _texts(".//AuthorList/Author/AffiliationInfo/Affiliation")

    def in_one(a: ET._Element, phrase: str) -> bool:
        return any(f" {phrase} " in f" {fold_text(t)} " for t in affiliations(a))

    pairs = Counter(
        f"{fold_text(one).split()[-1]} {fold_text(two).split()[0]}"
        for a in articles.values()
        for one, two in zip(affiliations(a), affiliations(a)[1:], strict=False)
        if fold_text(one) and fold_text(two)
    )
    phrase = next(p for p, _ in pairs.most_common() if not p.split()[0].isdigit())
    expected = {p for p, a in articles.items() if in_one(a, phrase)}
    assert ids(server, f'"{phrase}"[ad]') == expected
    across = {p for p, a in articles.items() if not in_one(a, phrase)}
    assert ids(server, f'"{phrase}"[ad:~1]').isdisjoint(
        {
            p
            for p in across
            if not any(
                set(phrase.split()) <= set(fold_text(t).split()) for t in affiliations(articles[p])
            )
        }
    )


def test_conflict_of_interest_statements_are_searched_as_text(
    server: EutilsServer, articles: dict[str, ET._Element]
) -> None:
    statements = {p: fold_text(a.findtext(".//CoiStatement") or "") for p, a in articles.items()}
    expected = {p for p, s in statements.items() if "conflicts" in s.split()}
    assert expected and ids(server, "conflicts[cois]") == expected
    assert esearch(server, term="conflicts[cois]")["QueryTranslation"] == (
        '"conflicts"[Conflict of Interest Statements]'
    )


def test_a_journal_is_found_by_its_full_title_and_its_issn(
    server: EutilsServer, articles: dict[str, ET._Element]
) -> None:
    """PubMed Help, Journal: the NLM title abbreviation, the full title or the ISSN."""
    journals = Counter(a.findtext(".//MedlineJournalInfo/MedlineTA") for a in articles.values())
    abbreviation = journals.most_common(1)[0][0]
    sample = next(
        a
        for a in articles.values()
        if a.findtext(".//MedlineJournalInfo/MedlineTA") == abbreviation
    )
    title = sample.findtext(".//Article/Journal/Title")
    issn = sample.findtext(".//MedlineJournalInfo/ISSNLinking")
    expected = ids(server, f'"{abbreviation}"[ta]')
    assert len(expected) == journals[abbreviation] > 1
    assert ids(server, f'"{title}"[ta]') == expected == ids(server, f"{issn}[ta]")
    assert ids(server, f'"{abbreviation}"[jour]') == expected == ids(server, f"{issn}[is]")
    assert esearch(server, term=f"{issn}[is]")["QueryTranslation"] == f'"{issn}"[Journal]'


def _day(element: ET._Element | None) -> str:
    if element is None:
        return ""
    return "/".join(f"{int(element.findtext(t) or 1):02d}" for t in ("Year", "Month", "Day"))


DATES: list[tuple[str, str, Callable[[ET._Element], ET._Element | None]]] = [
    ("mhda", "Date - MeSH", lambda a: a.find(".//History/PubMedPubDate[@PubStatus='medline']")),
    ("dcom", "Date - Completion", lambda a: a.find("MedlineCitation/DateCompleted")),
    ("lr", "Date - Modification", lambda a: a.find("MedlineCitation/DateRevised")),
]


@pytest.mark.parametrize(("tag", "name", "date"), DATES)
def test_a_date_field_and_its_ranges_find_the_records_of_that_date(
    server: EutilsServer,
    articles: dict[str, ET._Element],
    tag: str,
    name: str,
    date: Callable[[ET._Element], ET._Element | None],
) -> None:
    days = {p: _day(date(a)) for p, a in articles.items()}
    year = Counter(d[:4] for d in days.values() if d).most_common(1)[0][0]
    assert ids(server, f"{year}[{tag}]") == {p for p, d in days.items() if d[:4] == year}
    later = {p for p, d in days.items() if d and d >= f"{year}/07/01"}
    assert ids(server, f"{year}/07/01:3000[{tag}]") == later
    assert esearch(server, term=f"{year}:3000[{tag}]")["QueryTranslation"] == (
        f"{year}/01/01:3000/12/31[{name}]"  # each bound a day, as NCBI prints 2024[PDAT]
    )
    assert ids(server, f"1800:3000[{tag}]") == {p for p, d in days.items() if d}
    said = "[lr] searched on the DateRevised" in warnings_of(server, f"{year}[{tag}]")
    assert said == (tag == "lr")  # PubMed's modification date may be later than the file's


def test_datetype_mhda_limits_as_the_mhda_range_does(server: EutilsServer) -> None:
    limited = esearch(
        server, term="english[la]", datetype="mhda", mindate="2020", maxdate="2021", retmax="999"
    )
    ranged = esearch(server, term="english[la] AND 2020:2021[mhda]", retmax="999")
    assert limited["IdList"] and limited["IdList"] == ranged["IdList"]


def test_einfo_field_names_limit_a_term_to_the_new_fields(server: EutilsServer) -> None:
    for einfo, tag in (("affl", "ad"), ("laut", "lastau"), ("cnty", "pl"), ("cdat", "dcom")):
        term = "university" if tag == "ad" else ("england" if tag == "pl" else "smith")
        term = "2020" if tag == "dcom" else term
        assert ids(server, f"{term}[{tag}]") == set(
            esearch(server, term=term, field=einfo, retmax="9999")["IdList"]
        )


TODAY = datetime.date(2026, 12, 6)


def test_the_term_checks_know_the_new_tags() -> None:
    fine = Search(
        "fine",
        "PubMed",
        '"university california"[ad:~3] AND smith j[lastau] AND "smith, john"[fau] AND '
        "NCT01234567[si] AND nih[gr] AND england[pl] AND 2020:2021[dcom] AND 2021[mhda] AND "
        '2021/06[lr] AND 12[vi] AND 3[ip] AND 45[pg] AND "10.1000/xyz"[aid] AND conflict[cois]',
        Limits(),
    )
    assert search_warnings(fine, TODAY) == []
    bad = Search("bad", "PubMed", "pain[tiab] AND 3000:1800[dcom] AND 2011/02/30[mhda]", Limits())
    said = " | ".join(search_warnings(bad, TODAY))
    assert "3000:1800[dcom] ends before it starts" in said
    assert "'2011/02/30'[mhda] is no date" in said


def test_protocol_check_reads_the_new_tags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "protocol.toml"
    path.write_text(
        PROTOCOL_A.read_text()
        + "\n[[searches]]\nname = \"trials\"\nquery = 'NCT01234567[si] OR nih[gr]'\n"
        + "\n[[searches]]\nname = \"dates\"\nquery = 'pain[tiab] AND 3000:1800[dcom]'\n"
    )
    assert main(["protocol", "check", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"warning: {path}: search trials" not in out
    assert f"warning: {path}: search dates: the range 3000:1800[dcom] ends before" in out
