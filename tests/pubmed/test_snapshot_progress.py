"""Indexing a snapshot shows its total from the start (it showed "0/?" until 500 articles)."""

from __future__ import annotations

import gzip
from pathlib import Path

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
        "  358 articles to index",
        "  update-part.xml: indexed (208 of 358 articles)",
        "  baseline-part.xml: indexed (358 of 358 articles)",
        "  building the search indexes",
        "  snapshot index ready: 358 articles",
    ]
    again: list[str] = []
    assert build_index(small_files, cache_dir=tmp_path, stages=again.append) == target
    assert again == []
