"""Indexing a snapshot shows its total from the start (it showed "0/?" until 500 articles)."""

from __future__ import annotations

import gzip
from pathlib import Path

from reviewkit.pubmed.snapshot import Snapshot
from reviewkit.pubmed.snapshot_build import build_index, count_articles

from .conftest import ARTICLE_RE as ARTICLE
from .conftest import write_set


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
        # one article is in both files (the 2021 file revises a 1976-80 one): the later replaces it
        "  snapshot index ready: 357 articles (358 article records: a later record of an article"
        " replaces the earlier, a DeleteCitation removes one)",
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
