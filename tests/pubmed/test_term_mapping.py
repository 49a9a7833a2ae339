"""pubfid5: the comment/correction notes in [tw] and All
Fields, investigators' affiliations in [ad] and All Fields, and proximity kept within one
keyword. On hand-made articles (the small snapshot has no investigator), through the evaluator
and the real local HTTP server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewkit.pubmed.evaluate import Evaluator
from reviewkit.pubmed.snapshot import Snapshot

from .test_all_fields import _article, _person

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
        + _article(1, _person("Author", "Smith", "John A", "JA"))
        + _article(2, _person("Author", "Smith", "J", "J"), _NOTES)
        + _article(3, _person("Author", "Berg", "Anna", "A"), _INVESTIGATORS)
        + _article(4, _person("Author", "Vitamin", "Dora", "D"))
        + _article(5, _person("Author", "Roe", "Ann", "A"), _VITAMIN)
        + _article(
            6, _person("Author", "Jones", "Smith", "J"), _keywords("anxiety", "depression care")
        )
        + _article(7, _person("Author", "Hansen", "Ola", "O"), _keywords("anxiety and depression"))
        + "</PubmedArticleSet>",
        encoding="utf-8",
    )
    opened = Snapshot.open([xml], cache_dir=tmp_path)
    yield opened
    opened.close()


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
