"""Query forms on the local server against counts computed here, independently, from the XML.

Each expected set is computed by reading the snapshot's articles with lxml and plain Python
(no index, no evaluator): if the server answers differently it must say so in a WarningList
entry, or refuse the query. The articles are the small real snapshot of conftest.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import etree as ET
from pubmed.article_xml import all_fields_words
from pubmed.conftest import fast_client

from reviewkit.pubmed.server import EutilsServer


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.findall(r"[^\W_]+", text)


def year(elem: ET._Element | None) -> int | None:
    """The year of a date element: <Year>, or the start of a <MedlineDate> ('2019 Jan-Mar')."""
    if elem is None:
        return None
    text = elem.findtext("Year") or elem.findtext("MedlineDate") or ""
    m = re.match(r"\s*(\d{4})", text)
    return int(m.group(1)) if m else None


@dataclass
class Art:
    pmid: int
    columns: dict[str, list[str]] = field(default_factory=dict)  # column -> words
    mesh: dict[str, bool] = field(default_factory=dict)  # descriptor -> major
    qualifiers: set[str] = field(default_factory=set)
    scr: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    authors: list[tuple[str, str, str]] = field(default_factory=list)  # last, initials, fore
    years: dict[str, int] = field(default_factory=dict)  # print, electronic, edat, crdt
    everything: set[str] = field(default_factory=set)  # All Fields' words (test_all_fields)


def read(files: list[Path]) -> dict[int, Art]:
    arts: dict[int, Art] = {}
    for path in files:
        for e in ET.parse(str(path)).getroot().iterfind("PubmedArticle"):
            a = Art(int(e.findtext(".//MedlineCitation/PMID")))
            title = "".join(e.find(".//ArticleTitle").itertext())
            abstract = " ".join(
                f"{t.get('Label') or ''} {''.join(t.itertext())}"
                for t in e.iterfind(".//Abstract/AbstractText")
            )
            kws = [" ".join(words("".join(k.itertext()))) for k in e.iterfind(".//Keyword")]
            other = " ".join(
                "".join(t.itertext()) for t in e.iterfind(".//OtherAbstract/AbstractText")
            )
            a.columns = {
                "ti": words(title),
                "ab": words(abstract),
                "kw": words(" ; ".join(kws)),
                "oab": words(other),  # [tiab]: "title, abstract, and other abstract" (PubMed Help)
            }
            for h in e.iterfind(".//MeshHeading"):
                name = " ".join(words(h.findtext("DescriptorName")))
                quals = h.findall("QualifierName")
                major = h.find("DescriptorName").get("MajorTopicYN") == "Y"
                a.mesh[name] = major or any(q.get("MajorTopicYN") == "Y" for q in quals)
                a.qualifiers |= {" ".join(words(q.text)) for q in quals}
            a.scr = {" ".join(words(n.text)) for n in e.iterfind(".//SupplMeshName")}
            a.types = {" ".join(words(t.text)) for t in e.iterfind(".//PublicationType")}
            for au in e.iterfind(".//AuthorList/Author"):
                if au.findtext("LastName"):
                    a.authors.append(
                        tuple(
                            " ".join(words(au.findtext(k) or ""))
                            for k in ("LastName", "Initials", "ForeName")
                        )
                    )
            dates = {
                "print": year(e.find(".//Article/Journal/JournalIssue/PubDate")),
                "electronic": year(e.find(".//Article/ArticleDate")),
                "edat": year(e.find(".//PubMedPubDate[@PubStatus='pubmed']")),
                "crdt": year(e.find(".//PubMedPubDate[@PubStatus='entrez']")),
            }
            a.years = {k: v for k, v in dates.items() if v}
            a.everything = all_fields_words(e)
            arts[a.pmid] = a
    return arts


def has_phrase(ws: list[str], phrase: list[str], prefix_last: bool = False) -> bool:
    n = len(phrase)
    for i in range(len(ws) - n + 1):
        window = ws[i : i + n]
        if window[:-1] == phrase[:-1] and (
            window[-1].startswith(phrase[-1]) if prefix_last else window[-1] == phrase[-1]
        ):
            return True
    return False


def near(ws: list[str], a: str, b: str, n: int) -> bool:
    pa = [i for i, w in enumerate(ws) if w == a]
    pb = [i for i, w in enumerate(ws) if w == b]
    return any(abs(i - j) - 1 <= n for i in pa for j in pb)


TIAB = ("ti", "ab", "kw", "oab")


def all_fields(a: Art) -> list[set[str]]:
    """The words of every field PubMed Help lists for All Fields (since pubfid4: affiliations,
    substances, journal, grants, ... too), read by test_all_fields' own reader."""
    return [a.everything]


Pred = Callable[[Art], bool]
# (query, what it means, read from the XML; the WarningList entry expected, if any)


def single_year(year: int) -> Pred:
    """A single year on [dp]: the print year, or the electronic one unless it is later than the
    print year (PubMed's User Guide: "The electronic date will not be searchable if it is later
    than the print date, except when range searching"); a range takes both (below)."""

    def holds(a: Art) -> bool:
        printed, electronic = a.years.get("print"), a.years.get("electronic")
        return printed == year or (electronic == year and (printed is None or year < printed))

    return holds


FORMS: list[tuple[str, Pred, str]] = [
    ("2019[dp]", single_year(2019), ""),
    ("2018[Date - Publication]", single_year(2018), ""),
    ("2020[dp]", single_year(2020), ""),
    ("2020:2020[dp]", lambda a: 2020 in (a.years.get("print"), a.years.get("electronic")), ""),
    (
        "2018:2019[dp]",
        lambda a: any(
            y in (2018, 2019) for k, y in a.years.items() if k in ("print", "electronic")
        ),
        "",
    ),
    ("2019/01/01:2019/12/31[edat]", lambda a: a.years.get("edat") == 2019, ""),
    ('"2018"[Date - Create] : "2018"[Date - Create]', lambda a: a.years.get("crdt") == 2018, ""),
    ("humans[mh:noexp]", lambda a: "humans" in a.mesh, ""),
    ("Humans[MeSH Terms:noexp]", lambda a: "humans" in a.mesh, ""),
    ("humans[mh]", lambda a: "humans" in a.mesh, "not exploded"),
    ("arabidopsis[majr:noexp]", lambda a: a.mesh.get("arabidopsis", False), ""),
    ("metabolism[sh:noexp]", lambda a: "metabolism" in a.qualifiers, ""),
    ("drug effects[sh]", lambda a: "drug effects" in a.qualifiers, "not exploded"),
    (
        "NOG-Related-Symphalangism Spectrum Disorder[nm]",
        lambda a: "nog related symphalangism spectrum disorder" in a.scr,
        "",
    ),
    ("case reports[pt]", lambda a: "case reports" in a.types, ""),
    ('"Case Reports"[Publication Type]', lambda a: "case reports" in a.types, ""),
    ("review[pt]", lambda a: "review" in a.types, "which PubMed may find"),
    (
        '"follow up"[tiab]',
        lambda a: any(has_phrase(a.columns[c], ["follow", "up"]) for c in TIAB),
        "",
    ),
    (
        "follow up[Title/Abstract]",
        lambda a: any(has_phrase(a.columns[c], ["follow", "up"]) for c in TIAB),
        "",
    ),
    (
        '"patients study"[tiab:~2]',
        lambda a: any(near(a.columns[c], "patients", "study", 2) for c in TIAB),
        "",
    ),
    (
        '"patients study"[tiab:~5]',
        lambda a: any(near(a.columns[c], "patients", "study", 5) for c in TIAB),
        "",
    ),
    ("gene expression[ti]", lambda a: has_phrase(a.columns["ti"], ["gene", "expression"]), ""),
    ("mutat*[tiab]", lambda a: any(w.startswith("mutat") for c in TIAB for w in a.columns[c]), ""),
    (
        "acid or protein",
        lambda a: all(any(w in col for col in all_fields(a)) for w in ("acid", "or", "protein")),
        "automatic term mapping",
    ),
    (
        "acid and protein",  # 'and' is one of PubMed's stopwords: ignored (PhraseIgnored)
        lambda a: all(any(w in col for col in all_fields(a)) for w in ("acid", "protein")),
        "automatic term mapping",
    ),
    (
        "acid OR protein",
        lambda a: any(w in col for col in all_fields(a) for w in ("acid", "protein")),
        "automatic term mapping",
    ),
    ("smith[au]", lambda a: any(last == "smith" for last, _i, _f in a.authors), ""),
    (
        "wang x[au]",
        lambda a: any(last == "wang" and ini.startswith("x") for last, ini, _f in a.authors),
        "",
    ),
    (
        '"wang x"[au]',
        lambda a: any(last == "wang" and ini == "x" for last, ini, _f in a.authors),
        "",
    ),
]


@pytest.fixture(scope="module")
def arts(small_files: list[Path]) -> dict[int, Art]:
    return read(small_files)


@pytest.mark.parametrize(("query", "pred", "warning"), FORMS, ids=[f[0] for f in FORMS])
def test_each_form_matches_the_xml_or_warns(
    server: EutilsServer, arts: dict[int, Art], query: str, pred: Pred, warning: str
) -> None:
    expected = {p for p, a in arts.items() if pred(a)}
    result = fast_client(server).esearch(query, retmax=500, usehistory=False)
    assert result.count == len(expected)
    assert {int(i) for i in result.ids} == expected
    said = " | ".join(m.text for m in result.messages if m.kind == "OutputMessage")
    if warning:
        assert warning in said
    else:
        assert "automatic term mapping" not in said and "not exploded" not in said


def test_print_and_electronic_dates_overlap_on_the_snapshot(arts: dict[int, Art]) -> None:
    """Why the client slices on the Entry date: [dp] year slices count some records twice."""
    both = [
        a
        for a in arts.values()
        if len({a.years.get("print"), a.years.get("electronic")} - {None}) == 2
    ]
    assert len(both) >= 20  # 43 of the 358 articles have a print and an electronic year


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("ca*", "at least 4 characters"),
        ("#1 AND #2", "search history"),
        ("cancer[pa]", "[pa] is not supported"),
        ("1990:2000[pg]", "ranges on [pg]"),
        ('"return work*"[tiab:~2]', "proximity"),
    ],
)
def test_forms_it_cannot_evaluate_are_refused(
    server: EutilsServer, query: str, message: str
) -> None:
    from reviewkit.pubmed.client import EntrezRefused

    with pytest.raises(EntrezRefused) as info:
        fast_client(server).count(query)
    assert message in info.value.text


def test_cochrane_hsss_runs_with_its_warnings(server: EutilsServer, arts: dict[int, Art]) -> None:
    from reviewkit.searches.published_filters import COCHRANE_HSSS

    result = fast_client(server).esearch(COCHRANE_HSSS.text, retmax=500, usehistory=False)

    def hsss(a: Art) -> bool:
        tiab = [a.columns[c] for c in TIAB]
        hit = (
            bool({"randomized controlled trial", "controlled clinical trial"} & a.types)
            or any(
                w in col
                for col in tiab
                for w in ("randomized", "placebo", "randomly", "trial", "groups")
            )
            or "drug therapy" in a.qualifiers
        )
        return hit and not ("animals" in a.mesh and "humans" not in a.mesh)

    assert {int(i) for i in result.ids} == {p for p, a in arts.items() if hsss(a)}
    said = [m.text for m in result.messages]
    assert any("drug therapy[sh] not exploded" in t for t in said)
    assert any("animals[mh] not exploded" in t for t in said)


def test_a_stopword_is_ignored_and_said_so(server: EutilsServer) -> None:
    from reviewkit.pubmed.client import Message

    result = fast_client(server).count("acid and protein")
    assert Message("PhraseIgnored", "and") in result.messages
    assert result.count == fast_client(server).count("acid AND protein").count
