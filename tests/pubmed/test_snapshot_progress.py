"""Indexing a snapshot shows its total from the start (it showed "0/?" until 500 articles)."""

from __future__ import annotations

import gzip
from pathlib import Path

from pubmed.conftest import ARTICLE_RE as ARTICLE
from pubmed.conftest import pmid_of, write_set

from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.pubmed.snapshot_build import build_index, count_articles


def test_the_index_build_reports_the_article_total_before_the_first_article(
    small_files: list[Path], tmp_path: Path
) -> None:
    zipped = tmp_path / "update-part.xml.gz"
    zipped.write_bytes(gzip.compress(small_files[0].read_bytes()))
    files = [zipped, small_files[1]]
    calls: list[tuple[int, int]] = []
    build_index(files, cache_dir=tmp_path, progress=lambda done, total: calls.append((done, total)))
    articles = calls[-1][0]
    assert articles == 208 + 150  # the fixture's articles, each file counted
    assert calls[0] == (0, articles)  # the total known at once, never "?" (0)
    assert all(total == articles for _, total in calls)
    assert count_articles(files) == articles


def test_an_unreadable_file_stops_the_count_without_an_error(tmp_path: Path) -> None:
    cut = tmp_path / "cut.xml.gz"
    cut.write_bytes(gzip.compress(b"<PubmedArticleSet><PubmedArticle>" * 100)[:60])
    assert count_articles([cut]) >= 0


def test_the_index_build_says_each_stage_in_plain_lines(
    small_files: list[Path], tmp_path: Path
) -> None:
    """`make demo | tee log` was silent while the index built (a bar draws nothing on a pipe):
    the build says when it starts, each file, the search indexes and the end, and nothing when
    the index is reused."""
    lines: list[str] = []
    target = build_index(small_files, cache_dir=tmp_path, stages=lines.append)
    assert lines == [
        "indexing the PubMed snapshot (2 files) once; later runs reuse it",
        "  358 article records to index",
        "  update-part.xml: indexed (208 of 358 article records)",
        "  baseline-part.xml: indexed (358 of 358 article records)",
        "  building the search indexes",
        # PMID 30271887 is in the 2021 file's first 200 twice (four times in the whole file)
        "  snapshot index ready: 357 articles (358 article records: 1 a later record of an"
        " article read before, which replaces it)",
    ]
    again: list[str] = []
    assert build_index(small_files, cache_dir=tmp_path, stages=again.append) == target
    assert again == []


def test_the_build_counts_articles_apart_from_their_records(
    small_files: list[Path], tmp_path: Path
) -> None:
    """The offline snapshot's files hold 50,788 article records of 50,783 articles (three
    articles more than once): the build said "ready: 50,788 articles" while `pubmed serve` said
    "serving 50783 articles". The records are counted as records, the articles as the index
    holds them, as the server serves them."""
    articles = ARTICLE.findall(small_files[0].read_bytes())[:3]
    again = write_set(tmp_path / "again.xml", [*articles, articles[0], articles[1]])
    lines: list[str] = []
    build_index([again], cache_dir=tmp_path, stages=lines.append)
    assert "  5 article records to index" in lines
    assert lines[-1].startswith("  snapshot index ready: 3 articles (5 article records: ")
    snapshot = Snapshot.open([again], cache_dir=tmp_path)
    try:
        assert snapshot.article_count == 3
    finally:
        snapshot.close()


def test_the_build_names_only_what_made_its_articles_fewer(
    small_files: list[Path], tmp_path: Path
) -> None:
    """The end line named both causes whatever happened ("a later record of an article replaces
    the earlier, a DeleteCitation removes one"): an update file whose DeleteCitation removed an
    article and that repeats none was said to have replaced one. It now counts each cause."""
    articles = ARTICLE.findall(small_files[0].read_bytes())[:3]
    gone = pmid_of(articles[0])
    deleted = f'<DeleteCitation><PMID Version="1">{gone}</PMID></DeleteCitation>'.encode()
    update = write_set(tmp_path / "deletes.xml", articles, extra=deleted)
    lines: list[str] = []
    build_index([update], cache_dir=tmp_path, stages=lines.append)
    assert (
        lines[-1]
        == "  snapshot index ready: 2 articles (3 article records: 1 removed by a DeleteCitation)"
    )
    again = write_set(tmp_path / "again.xml", [*articles, articles[0], articles[1]])
    lines.clear()
    build_index([again], cache_dir=tmp_path, stages=lines.append)
    assert lines[-1] == (
        "  snapshot index ready: 3 articles (5 article records: 2 a later record of an article"
        " read before, which replaces it)"
    )
