"""pubfid4: All Fields searches every field PubMed Help lists for it (but place of publication and
transliterated title); a phrase matches within one entry of a multi-valued field, never from one
MeSH heading, keyword or author into the next; [ir], [fir], [ps], [cn], [tt] and the has…
filter words are served; a name with its suffix ('o'brien jc jr'[au]) is searched.

Asked of the real local server over HTTP on the small snapshot of real NLM articles, the hits
compared with what the served articles' own XML holds (efetch); [ir], [fir] and [cn], which no
article of the small snapshot has, on a hand-made article."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from lxml import etree as ET
from pubmed.article_xml import all_fields_words, article, authors_of, person, words_of
from pubmed.eutils_get import get, ids, warnings_of

from reviewkit.pubmed.evaluate import Evaluator
from reviewkit.pubmed.fields import STOPWORDS
from reviewkit.pubmed.server import EutilsServer
from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.records import fold_text


@pytest.fixture
def served(server: EutilsServer) -> dict[str, ET._Element]:
    """PMID -> the served article's XML (efetch), every article of the snapshot."""
    every = ",".join(sorted(ids(server, "1800:3000[dp] OR 1800:3000[edat]")))
    root = ET.fromstring(get(server, "efetch", db="pubmed", id=every))
    return {a.findtext("MedlineCitation/PMID"): a for a in root.iter("PubmedArticle")}


def _a_word(articles: dict[str, ET._Element], path: str) -> str:
    """A word of 5+ letters found in ``path`` of some article, not a stopword, the rarest."""
    counts: dict[str, int] = {}
    for a in articles.values():
        for w in words_of(["".join(e.itertext()) for e in a.iterfind(path)]):
            if re.fullmatch(r"[a-z]{5,}", w) and w not in STOPWORDS:
                counts[w] = counts.get(w, 0) + 1
    assert counts, path
    return min(counts, key=lambda w: (counts[w], w))


@pytest.mark.parametrize(
    "path",
    [
        ".//AuthorList/Author/AffiliationInfo/Affiliation",
        ".//NameOfSubstance",
        ".//DataBankName",
        ".//PersonalNameSubject/LastName",
        ".//CoiStatement",
        ".//OtherAbstract/AbstractText",
        ".//MeshHeading/QualifierName",
        ".//CommentsCorrections/RefSource",
    ],
)
def test_all_fields_finds_a_word_of_each_field_pubmed_help_lists(
    server: EutilsServer, served: dict[str, ET._Element], path: str
) -> None:
    """A word of the affiliations, substances, databanks, personal names as subject, conflict
    of interest statements, other abstracts or subheadings: untagged and [all] find exactly the
    articles whose All Fields hold it (before pubfid4 All Fields was title, abstract, MeSH
    headings, keywords, publication types and authors only)."""
    word = _a_word(served, path)
    holding = {pmid for pmid, a in served.items() if word in all_fields_words(a)}
    assert holding and ids(server, f"{word}[all]") == holding
    assert ids(server, word) == holding
    translation = html.unescape(warnings_of(server, f"{word}[all]"))
    assert "All Fields in the local server: every field of the snapshot's records" in translation


@pytest.mark.parametrize("path", [".//Journal/Title", ".//Grant/Agency", ".//ELocationID"])
def test_all_fields_matches_a_journal_grant_or_doi_whole_not_by_its_words(
    server: EutilsServer, served: dict[str, ET._Element], path: str
) -> None:
    """einfo flags Journal, Grants and Funding and Location ID SingleToken: PubMed indexes a
    journal's title, a grant's agency, a DOI as one term, so All Fields finds the whole value,
    not a word of it. Before rd33b their words were searched: '10', every DOI's first word,
    found 31,635 more articles of the full snapshot, 'medicine' 2,975 by journal titles."""
    values = {
        pmid: [fold_text("".join(e.itertext())) for e in a.iterfind(path)]
        for pmid, a in served.items()
    }
    value = min((v for vs in values.values() for v in vs if " " in v), key=lambda v: (len(v), v))
    holding = {pmid for pmid, vs in values.items() if value in vs}
    assert holding and holding <= ids(server, f'"{value}"[all]')
    everywhere = {pmid: all_fields_words(a) for pmid, a in served.items()}
    word = value.split()[0]  # a DOI's '10', a title's or an agency's first word
    assert ids(server, f"{word}[all]") == {p for p, words in everywhere.items() if word in words}


def test_a_forename_is_still_found_by_the_words_of_titles_abstracts_and_affiliations(
    server: EutilsServer,
) -> None:
    """pubfid6 took persons' forenames out of All Fields (names as [au] finds them); the words
    of the text fields stay. Read by hand from the small snapshot's XML: 'maria' is the
    affiliations' Santa Maria alle Scotte (30094323) and Universidad Técnica Federico Santa
    María (31385540), not the author Maria C (30578883); 'john' the affiliations' John Innes
    Centre (31439805) and John von Neumann Institute (31363039), not the five authors named
    John (17928258, 21388667, 25205585, 30140728, 31393174); 'michael' the abstract's Michael
    addition (30566162) and an affiliation's e-mail michael.bevan@jic.ac.uk (31439805), not the
    authors named Michael; 'william' a title's William M. Chowning (399367) and an affiliation
    (31050713), not the author William (31193798)."""
    assert ids(server, "maria") == ids(server, "maria[ad]") == {"30094323", "31385540"}
    assert ids(server, "john") == {"31363039", "31439805"}
    assert ids(server, "michael") == {"30566162", "31439805"}
    assert ids(server, "william") == {"399367", "31050713"}
    assert ids(server, "michael[tw]") == {"30566162"}


def test_transliterated_title_has_its_own_tag_and_is_in_all_fields_not_text_word(
    server: EutilsServer, served: dict[str, ET._Element]
) -> None:
    """PubMed's User Guide (2024): All Fields is every field "except for Place of Publication,
    Create Date, Completion Date, Entry Date, MeSH Date, and Modification Date", and
    "Transliterated title is not included in Text Word [TW] retrieval" (PubMed Help of 2008 left
    it out of All Fields too); [tt] searches the words of the vernacular title."""
    vernacular = {
        pmid: words_of(["".join(e.itertext()) for e in a.iterfind(".//VernacularTitle")])
        for pmid, a in served.items()
    }
    everywhere = set().union(*(all_fields_words(a) - vernacular[p] for p, a in served.items()))
    word = min(
        w
        for words in vernacular.values()
        for w in words
        if re.fullmatch(r"[a-z]{5,}", w) and w not in everywhere
    )
    holding = {pmid for pmid, words in vernacular.items() if word in words}
    assert holding and ids(server, f"{word}[tt]") == holding
    assert ids(server, f"{word}[transliterated title]") == holding
    assert ids(server, f"{word}[all]") == ids(server, word) == holding
    assert ids(server, f"{word}[tw]") == set()


def _entries(a: ET._Element, path: str) -> list[str]:
    return [fold_text("".join(e.itertext())) for e in a.iterfind(path)]


@pytest.mark.parametrize(
    ("tag", "path"),
    [
        ("ot", ".//KeywordList/Keyword"),
        ("tw", ".//MeshHeading/DescriptorName"),
        ("", ".//PublicationType"),
    ],
)
def test_a_phrase_does_not_run_from_one_entry_into_the_next(
    server: EutilsServer, served: dict[str, ET._Element], tag: str, path: str
) -> None:
    """PubMed indexes each keyword, heading or type on its own: the last word of one and the
    first of the next ("Humans" "Male": "humans male") are no phrase of the record. Before
    pubfid4 the entries were one text, and "humans male"[tw] found 2,942 records of the full
    snapshot."""
    checked = 0
    for pmid, a in served.items():
        entries = _entries(a, path)
        for first, second in zip(entries, entries[1:], strict=False):
            phrase = f"{first.split()[-1]} {second.split()[0]}"
            own = (
                _entries(a, ".//ArticleTitle") + _entries(a, ".//AbstractText") + _entries(a, path)
            )
            if any(f" {phrase} " in f" {text} " for text in own) or phrase.split()[0] in STOPWORDS:
                continue
            assert pmid not in ids(server, f'"{phrase}"[{tag}]' if tag else f'"{phrase}"')
            checked += 1
            break
        if checked >= 3:
            break
    assert checked == 3
    # and a phrase within one entry is still found
    a = next(a for a in served.values() if any(" " in e for e in _entries(a, path)))
    entry = next(e for e in _entries(a, path) if " " in e)
    pmid = a.findtext("MedlineCitation/PMID")
    assert pmid in ids(server, f'"{entry}"[{tag}]' if tag else f'"{entry}"')


@pytest.mark.parametrize("tag", ["au", "1au", "lastau", "fau"])
def test_an_author_searched_with_a_suffix_finds_that_author(
    server: EutilsServer, served: dict[str, ET._Element], tag: str
) -> None:
    """PubMed Help's author format puts a suffix last ('o'brien jc jr'[au]): the name with the
    suffix finds the articles whose author (first, last) carries it (before pubfid4: refused);
    without it, the name finds them too by PubMed's truncation of names, which quotes turn off:
    the quoted name without the suffix finds only authors without one (at pubfid4 it found the
    suffixed author too). The author is one in the tag's place ([1au] a first author, [lastau]
    a last one), so that there is something to find."""
    place = {"1au": slice(0, 1), "lastau": slice(-1, None)}.get(tag, slice(None))
    author = next(
        x for a in served.values() for x in authors_of(a)[place] if x.findtext("Suffix") == "Jr"
    )
    last, initials, fore = (author.findtext(t) for t in ("LastName", "Initials", "ForeName"))
    name = f"{last} {fore if tag == 'fau' else initials}"

    def has(a: ET._Element, suffix: str | None) -> bool:
        chosen = authors_of(a)[place]
        key = "ForeName" if tag == "fau" else "Initials"
        return any(
            fold_text(f"{p.findtext('LastName')} {p.findtext(key)}") == fold_text(name)
            and p.findtext("Suffix") == suffix
            for p in chosen
        )

    holding = {pmid for pmid, a in served.items() if has(a, "Jr")}
    found = ids(server, f'"{name} Jr"[{tag}]')
    assert holding and found == holding
    assert ids(server, f"{name}[{tag}]") >= holding  # without the suffix: found too
    without = {pmid for pmid, a in served.items() if has(a, None)}
    assert ids(server, f'"{name}"[{tag}]') == without  # quoted: no truncation to the suffix
    assert "<ERROR>" not in warnings_of(server, f"{name} Jr[{tag}]")


@pytest.mark.parametrize(
    ("word", "reftype"),
    [
        ("hascommentin", "CommentIn"),
        ("haserratumin", "ErratumIn"),
        ("hasretractionin", "RetractionIn"),
    ],
)
def test_comment_correction_filter_words(
    server: EutilsServer, served: dict[str, ET._Element], word: str, reftype: str
) -> None:
    holding = {
        pmid
        for pmid, a in served.items()
        if a.find(f".//CommentsCorrections[@RefType='{reftype}']") is not None
    }
    assert holding and ids(server, word) == holding
    assert f"<QueryTranslation>{word}[All Fields]</QueryTranslation>" in warnings_of(server, word)


def test_hasdatabanklist_finds_the_records_with_a_secondary_source_id(
    server: EutilsServer, served: dict[str, ET._Element]
) -> None:
    holding = {pmid for pmid, a in served.items() if a.find(".//DataBankList") is not None}
    assert holding and ids(server, "hasdatabanklist") == holding


@pytest.mark.parametrize(("tag", "why"), [("pa", "pharmacological actions"), ("pubn", "books")])
def test_a_tag_the_snapshot_cannot_hold_is_refused_saying_why(
    server: EutilsServer, tag: str, why: str
) -> None:
    reply = html.unescape(warnings_of(server, f"aspirin[{tag}]"))
    assert f"the field tag [{tag}] is not supported by the local server" in reply and why in reply
    assert "[ir]" in reply and "[tt]" in reply  # the tags served, listed


def test_investigators_corporate_authors_and_personal_names_as_subject(tmp_path: Path) -> None:
    """[ir]/[fir] (InvestigatorList), [cn] (a group author's words: einfo's COLN is not single
    token) and [ps], each "following the Author field format" (PubMed Help)."""
    group = "<Author><CollectiveName>Nordic Back Pain Study Group</CollectiveName></Author>"
    investigators = (
        "<InvestigatorList>"
        + person("Investigator", "Jones", "Mary K", "MK")
        + person("Investigator", "Lee", "Tom", "T", "Jr")
        + "</InvestigatorList>"
    )
    subject = (
        "<PersonalNameSubjectList>"
        + person("PersonalNameSubject", "Freud", "Sigmund", "S")
        + "</PersonalNameSubjectList>"
    )
    xml = tmp_path / "part.xml"
    xml.write_text(
        "<PubmedArticleSet>"
        + article(1, group + person("Author", "Berg", "Anna", "A"), investigators)
        + article(2, person("Author", "Jones", "Mary", "M"))
        + article(3, person("Author", "Berg", "Anna", "A"), subject)
        + "</PubmedArticleSet>",
        encoding="utf-8",
    )
    snapshot = Snapshot.open([xml], cache_dir=tmp_path)
    try:
        evaluator = Evaluator(snapshot)

        def hits(query: str) -> set[int]:
            return set(evaluator.evaluate(query).pmids)

        assert hits("jones m[ir]") == {1} and hits("jones m[au]") == {2}
        assert hits('"jones mk"[ir]') == {1} and hits('"jones m"[ir]') == set()
        assert hits("jones mary[fir]") == {1} and hits("mary k jones[fir]") == {1}
        assert hits("lee t jr[ir]") == {1} and hits("lee t[investigator]") == {1}
        assert hits("nordic[cn]") == {1} and hits('"back pain study"[cn]') == {1}
        assert hits("freud s[ps]") == {3} and hits("freud") == {3}
        # PubMed Help's Text Word fields hold Personal Name as Subject, and All Fields holds
        # every field's terms: 'sigmund' found by both (pubfid6 left it to [tw] alone); an
        # author's forename by neither
        assert hits("sigmund[tw]") == hits("sigmund") == {3}
        assert hits("anna") == hits("anna[tw]") == set()
        assert hits("jones") == {1, 2}  # an investigator's name is in All Fields
        assert evaluator.evaluate("nordic[cn]").translation == '"nordic"[Author - Corporate]'
        assert evaluator.evaluate("jones m[ir]").translation == "jones m[Investigator]"
    finally:
        snapshot.close()


def test_the_all_fields_message_says_what_pubmeds_all_fields_searches_that_ours_does_not(
    server: EutilsServer,
) -> None:
    """PubMed's User Guide (2024), All Fields [all]: "Terms that do not map are searched in all
    search fields except for Place of Publication, Create Date, Completion Date, Entry Date,
    MeSH Date, and Modification Date", so PubMed's All Fields does search the publication date,
    language, volume, issue, pages and PMID, which the local server leaves out but the PMID
    (pubfid9: test_user_guide_fields): the message says so (it had said PubMed's 'may', and
    left the PMID out of that list)."""
    said = html.unescape(warnings_of(server, "cancer[all]"))
    assert (
        "PubMed's All Fields also searches the publication date, language, volume, issue and "
        "pages (" in said
    )
    assert "pages, PMID" not in said and "issue, pages and place of publication;" in said
    assert "Place of Publication, Create Date, Completion Date, Entry Date, MeSH Date" in said
