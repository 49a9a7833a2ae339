"""[1au] matches the first author's name, not a word inside it: a surname that is also a
given name ("Thomas", "Lee", "James") finds no article whose first author only has it as a
forename."""

from __future__ import annotations

from pathlib import Path

from pubmed.eutils_get import ids

from reviewkit.pubmed.snapshot import Snapshot


def _author(last: str, fore: str, initials: str) -> str:
    return (
        f"<Author><LastName>{last}</LastName><ForeName>{fore}</ForeName>"
        f"<Initials>{initials}</Initials></Author>"
    )


def _article(pmid: int, *authors: str) -> str:
    return (
        f"<PubmedArticle><MedlineCitation><PMID>{pmid}</PMID><Article>"
        f"<ArticleTitle>Article {pmid}</ArticleTitle>"
        f"<AuthorList>{''.join(authors)}</AuthorList></Article></MedlineCitation>"
        "</PubmedArticle>"
    )


def test_first_author_matches_the_name_not_a_forename(tmp_path: Path) -> None:
    xml = tmp_path / "part.xml"
    xml.write_text(
        "<PubmedArticleSet>"
        # first author Smith Thomas; Thomas is the second author's surname
        + _article(1, _author("Smith", "Thomas", "T"), _author("Thomas", "John", "J"))
        + _article(2, _author("Thomas", "Anna", "A"), _author("Smith", "Thomas", "T"))
        + _article(3, _author("Smith", "John A", "JA"))
        + "</PubmedArticleSet>",
        encoding="utf-8",
    )
    snapshot = Snapshot.open([xml], cache_dir=tmp_path)
    try:
        assert snapshot.listed_author("thomas") == {2}
        assert snapshot.listed_author("thomas j") == set()
        assert snapshot.listed_author("thomas a") == {2}
        assert snapshot.listed_author("smith") == {1, 3}
        assert snapshot.listed_author("smith j") == {3}  # initials as a prefix: Smith JA
        assert snapshot.listed_author("smith john") == {3}
        assert snapshot.listed_author("smith t", exact=True) == {1}
        assert snapshot.listed_author("smith", exact=True) == set()
    finally:
        snapshot.close()


def test_initials_are_one_or_two_letters_everywhere(tmp_path: Path, make_server) -> None:
    """One rule for a name's last word, PubMed's author format ("up to the first two
    initials"): 'kowalczyk ab' truncates to Kowalczyk ABCD, 'kowalczyk abc' is a name only (the
    initials ABC whole, the forename Abc), in [au], [1au] and the untagged author step alike;
    truncated as initials it found Kowalczyk ABCD too."""
    xml = tmp_path / "part.xml"
    xml.write_text(
        "<PubmedArticleSet>"
        + _article(1, _author("Kowalczyk", "Anna B C D", "ABCD"))
        + _article(2, _author("Kowalczyk", "Anna B C", "ABC"))
        + _article(3, _author("Kowalczyk", "Abc", "A"))
        + _article(4, _author("Kowalczyk", "Anna B", "AB"))
        + "</PubmedArticleSet>",
        encoding="utf-8",
    )
    snapshot = Snapshot.open([xml], cache_dir=tmp_path)
    try:
        server = make_server(snapshot)
        for tag in ("[au]", "[1au]", ""):
            assert ids(server, f"kowalczyk ab{tag}") == {"1", "2", "4"}, tag
        for tag in ("[au]", "[1au]"):
            assert ids(server, f"kowalczyk abc{tag}") == {"2", "3"}, tag
    finally:
        snapshot.close()
