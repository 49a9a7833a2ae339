"""pubfid5: automatic term mapping's author and investigator steps (an untagged 'smith j' is an
author search, as PubMed Help's ATM documents), the comment/correction notes in [tw] and All
Fields, investigators' affiliations in [ad] and All Fields, and proximity kept within one
keyword. On hand-made articles (the small snapshot has no investigator), through the evaluator
and the real local HTTP server."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
from pubmed.article_xml import article, person
from pubmed.conftest import ServerFactory
from pubmed.eutils_get import get, ids

from reviewkit.pubmed.evaluate import Evaluator
from reviewkit.pubmed.server import EutilsServer
from reviewkit.pubmed.snapshot import Snapshot

_VITAMIN = (
    "<MeshHeadingList><MeshHeading><DescriptorName UI='D014807' MajorTopicYN='N'>Vitamin D"
    "</DescriptorName></MeshHeading></MeshHeadingList>"
)
_NOTES = (
    "<CommentsCorrectionsList><CommentsCorrections RefType='CommentIn'><RefSource>Scand J Work"
    " Environ Health. 2020 Jan;46(1):1-2</RefSource><PMID Version='1'>31000001</PMID>"
    "</CommentsCorrections></CommentsCorrectionsList>"
)
_INVESTIGATORS = (
    "<InvestigatorList><Investigator><LastName>Lee</LastName><ForeName>Tom</ForeName>"
    "<Initials>T</Initials><AffiliationInfo><Affiliation>Haukeland University Hospital, Bergen"
    "</Affiliation></AffiliationInfo></Investigator></InvestigatorList>"
)


def _keywords(*words: str) -> str:
    listed = "".join(f"<Keyword MajorTopicYN='N'>{w}</Keyword>" for w in words)
    return f"<KeywordList Owner='NOTNLM'>{listed}</KeywordList>"


@pytest.fixture
def snapshot(tmp_path: Path) -> Iterator[Snapshot]:
    xml = tmp_path / "part.xml"
    xml.write_text(
        "<PubmedArticleSet>"
        + article(1, person("Author", "Smith", "John A", "JA"))
        + article(2, person("Author", "Smith", "J", "J"), _NOTES)
        + article(3, person("Author", "Berg", "Anna", "A"), _INVESTIGATORS)
        + article(4, person("Author", "Vitamin", "Dora", "D"))
        + article(5, person("Author", "Roe", "Ann", "A"), _VITAMIN)
        + article(
            6, person("Author", "Jones", "Smith", "J"), _keywords("anxiety", "depression care")
        )
        + article(7, person("Author", "Hansen", "Ola", "O"), _keywords("anxiety and depression"))
        + "</PubmedArticleSet>",
        encoding="utf-8",
    )
    opened = Snapshot.open([xml], cache_dir=tmp_path)
    yield opened
    opened.close()


def test_an_untagged_name_in_the_author_format_is_searched_as_an_author(
    snapshot: Snapshot, make_server: ServerFactory
) -> None:
    """PubMed Help (ATM): untagged terms go to the MeSH table, the journals table, then the
    author index and the investigator index. 'smith j' is an author search: Smith JA and Smith J
    ([au] truncates initials), not article 6, whose Smith is a forename and J an initial
    (before pubfid5: 'smith' AND 'j' in All Fields, articles 2 and 6: not Smith JA)."""
    evaluator = Evaluator(snapshot)
    result = evaluator.evaluate("smith j")
    assert set(result.pmids) == {1, 2}
    assert result.translation == "smith j[Author]"
    assert not any(text.startswith("No automatic term mapping") for _k, text in result.warnings)
    # the investigator index when no author has the name
    assert evaluator.evaluate("lee t").translation == "lee t[Investigator]"
    assert set(evaluator.evaluate("lee t").pmids) == {3}
    # written with an operator, quoted, or a single word: no phrase for ATM, as before. All
    # Fields finds a name as [au] does (pubfid6): 'smith' is the last name of articles 1 and 2,
    # not article 6's forename; 'j' is no last name (article 2 has it in 'Scand J Work')
    assert set(evaluator.evaluate("smith AND j").pmids) == {2}
    assert evaluator.evaluate('"smith j"').translation == '"smith j"[All Fields]'
    assert set(evaluator.evaluate("smith").pmids) == {1, 2}
    bracketed = evaluator.evaluate("(smith) j")  # parentheses end the phrase (rd34a)
    assert bracketed.translation == '"smith"[All Fields] AND "j"[All Fields]'
    assert set(bracketed.pmids) == {2}
    # inside a larger query the name is mapped alone
    both = evaluator.evaluate("smith j OR lee t")
    assert set(both.pmids) == {1, 2, 3}
    assert both.translation == "smith j[Author] OR lee t[Investigator]"
    server: EutilsServer = make_server(snapshot)
    assert ids(server, "smith j") == {"1", "2"}
    reply = html.unescape(get(server, "esearch", db="pubmed", term="smith j").decode())
    assert "<QueryTranslation>smith j[Author]</QueryTranslation>" in reply


def test_a_phrase_the_mesh_table_takes_is_not_mapped_to_an_author(snapshot: Snapshot) -> None:
    """MeSH mapping comes first: 'vitamin d' is a heading of article 5, so PubMed never reaches
    the author index, although Vitamin D (article 4) is an author. The local server does not map
    to MeSH: the words stay in All Fields, where 'd' is no author's last name (pubfid6: All
    Fields finds names as [au] does; article 4 was found by the initial D before)."""
    result = Evaluator(snapshot).evaluate("vitamin d")
    assert result.translation == '"vitamin"[All Fields] AND "d"[All Fields]'
    assert set(result.pmids) == {5}
    assert set(Evaluator(snapshot).evaluate("roe a").pmids) == {5}  # no heading: an author


def test_comment_correction_notes_are_text_words_and_in_all_fields(snapshot: Snapshot) -> None:
    """PubMed Help's Text Word list ends "Secondary Source, Comment/Correction Notes, and Other
    Terms": the cited notice's words (RefSource) are found by [tw] and All Fields (before
    pubfid5 by neither, and [tw] said so), not by [tiab]."""
    evaluator = Evaluator(snapshot)
    assert set(evaluator.evaluate("scand[tw]").pmids) == {2}
    assert set(evaluator.evaluate("scand").pmids) == {2}
    assert set(evaluator.evaluate('"work environ health"[tw]').pmids) == {2}
    assert evaluator.evaluate("scand[tiab]").pmids == []
    assert evaluator.evaluate("31000001").pmids == []  # the linked PMID is no word of the note
    assert not any("correction notes" in text for _k, text in evaluator.evaluate("x[tw]").warnings)


def test_investigators_affiliations_are_affiliations(snapshot: Snapshot) -> None:
    """PubMed's Affiliation field: "Affiliation may be included for authors, corporate authors
    and investigators" (NIH iCite's glossary quotes it). Before pubfid5 neither [ad] nor All
    Fields read an investigator's affiliation."""
    evaluator = Evaluator(snapshot)
    assert set(evaluator.evaluate("haukeland[ad]").pmids) == {3}
    assert set(evaluator.evaluate("haukeland").pmids) == {3}
    assert set(evaluator.evaluate('"university hospital bergen"[ad:~1]').pmids) == {3}


def test_proximity_stays_within_one_keyword(snapshot: Snapshot) -> None:
    """A keyword is an entry of its own: 'anxiety' ending one keyword and 'depression' opening
    the next are not within ~1 (FTS5 counted the gap between them as one word, and found
    article 6); within one keyword they are (article 7)."""
    evaluator = Evaluator(snapshot)
    assert set(evaluator.evaluate('"anxiety depression"[tiab:~1]').pmids) == {7}
    assert set(evaluator.evaluate('"depression anxiety"[tiab:~2]').pmids) == {7}
    assert set(evaluator.evaluate('"anxiety care"[tiab:~5]').pmids) == set()
    assert set(evaluator.evaluate('"depression care"[tiab:~0]').pmids) == {6}


def test_a_name_translates_unquoted_unless_written_quoted(snapshot: Snapshot) -> None:
    """Quotes on a name turn PubMed's truncation of its initials off, so the translation keeps
    them only where the query has them, as PubMed prints a name (esearch's reply to the
    untagged 'ydenberg ca': 'ydenberg ca[Author]'). Each translation, searched again, finds
    what its query found. Until rd34a both printed '"smith j"[Author]', which finds Smith J
    only."""
    evaluator = Evaluator(snapshot)
    for query, found in (("smith j", {1, 2}), ("smith j[au]", {1, 2}), ('"smith j"[au]', {2})):
        result = evaluator.evaluate(query)
        assert set(result.pmids) == found
        assert set(evaluator.evaluate(result.translation).pmids) == found
    assert evaluator.evaluate("smith j[au]").translation == "smith j[Author]"
    assert evaluator.evaluate('"smith j"[au]').translation == '"smith j"[Author]'
    assert evaluator.evaluate("lee t[ir]").translation == "lee t[Investigator]"


def test_all_fields_finds_a_person_by_last_name_not_by_forename(snapshot: Snapshot) -> None:
    """einfo flags the author names (FULL), investigators (FINV) and personal names as subject
    (PS) SingleToken: PubMed indexes each name whole, so an untagged word finds an author as
    [au] does, by the last name (with every initial), never by a forename (pubfid6; before, by
    the names' words, 'john' found Smith John A and 'tom' the investigator Lee Tom)."""
    evaluator = Evaluator(snapshot)
    assert set(evaluator.evaluate("john").pmids) == set()
    assert set(evaluator.evaluate("tom").pmids) == set()
    assert set(evaluator.evaluate("lee").pmids) == {3}  # an investigator's last name
    assert set(evaluator.evaluate("jones").pmids) == {6}
    assert set(evaluator.evaluate('"smith john a"').pmids) == {1}  # the full name, whole
    assert set(evaluator.evaluate("smit*").pmids) == {1, 2}  # names beginning so
    assert set(evaluator.evaluate("jone*").pmids) == {6}


def test_a_stopword_initial_reaches_the_author_index(snapshot: Snapshot) -> None:
    """ATM matches the phrase as written against its tables: a MeSH heading with a stand-alone
    letter reaches the MeSH table (NLM PubMed tutorial, ATM: "MeSH headings that include
    stand-alone numbers or letters"; Vitamin A, Hepatitis A), so the stopword 'a' is not
    dropped before the tables and 'roe a' is Roe A (Ann) of the author index, translated
    'roe a[Author]'. Alone, or where no author has the name, 'a' is ignored as PubMed
    ignores stopwords, and named in PhraseIgnored."""
    evaluator = Evaluator(snapshot)
    mapped = evaluator.evaluate("roe a")
    assert mapped.translation == "roe a[Author]" and set(mapped.pmids) == {5}
    assert set(evaluator.evaluate("berg a").pmids) == {3}
    unmapped = evaluator.evaluate("hansen a")  # Hansen O: no author Hansen A
    assert unmapped.translation == '"hansen"[All Fields]'
    assert ("PhraseIgnored", "a") in unmapped.warnings and set(unmapped.pmids) == {7}
