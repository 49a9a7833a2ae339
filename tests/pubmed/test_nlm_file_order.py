"""Snapshot files are read in NLM's order (a year's baseline, then its update files by number),
whatever order they are given in: a later record replaces the earlier, a DeleteCitation removes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pubmed.conftest import delete_block, pmid_of, write_set

from reviewkit.cli import main
from reviewkit.pubmed import snapshot_build
from reviewkit.pubmed.snapshot import Snapshot, build_index, index_path

REVISED = b"<ArticleTitle>A title the update file revised.</ArticleTitle>"


def _revised(article: bytes) -> bytes:
    return re.sub(rb"<ArticleTitle>.*?</ArticleTitle>", REVISED, article, count=1, flags=re.S)


def _baseline_and_update(
    folder: Path, articles: list[bytes], names: tuple[str, str]
) -> tuple[Path, Path, int, int]:
    """A baseline file of three articles and an update file revising the first and deleting
    the second; returns (baseline, update, revised PMID, deleted PMID)."""
    kept, deleted, other = articles[:3]
    baseline = write_set(folder / names[0], [kept, deleted, other])
    update = write_set(folder / names[1], [_revised(kept)], extra=delete_block(pmid_of(deleted)))
    return baseline, update, int(pmid_of(kept)), int(pmid_of(deleted))


def _read(files: list[Path], revised: int, deleted: int) -> tuple[int, list[bytes]]:
    snapshot = Snapshot.open(files)
    try:
        return snapshot.article_count, snapshot.articles_xml([revised, deleted])
    finally:
        snapshot.close()


@pytest.mark.parametrize("update_first", [False, True], ids=["baseline-first", "update-first"])
def test_an_update_file_revises_and_deletes_a_baseline_record_in_either_order_given(
    nlm_articles: dict[str, list[bytes]], tmp_path: Path, update_first: bool
) -> None:
    """NLM's names: the 2020 baseline chunk and a 2021 update file, as the offline snapshot's."""
    baseline, update, revised, deleted = _baseline_and_update(
        tmp_path, nlm_articles["baseline"], ("pubmed20n0014.xml", "pubmed21n1298.xml.gz")
    )
    given = [update, baseline] if update_first else [baseline, update]

    count, found = _read(given, revised, deleted)

    assert count == 2  # three baseline articles, one of them deleted
    assert len(found) == 1 and REVISED in found[0]  # the deleted PMID is unknown
    assert index_path(given) == index_path([baseline, update])  # one index for both orders


def test_files_not_named_as_nlm_names_them_are_read_in_the_order_given(
    nlm_articles: dict[str, list[bytes]], tmp_path: Path
) -> None:
    """Nothing dates 'mine-a.xml': the file given last is applied last, as --help says."""
    baseline, update, revised, deleted = _baseline_and_update(
        tmp_path, nlm_articles["baseline"], ("mine-a.xml", "mine-b.xml")
    )
    count, found = _read([update, baseline], revised, deleted)
    assert count == 3 and len(found) == 2 and REVISED not in found[0]


def test_nlm_order_sorts_nlm_s_files_by_year_and_number_in_their_own_places() -> None:
    given = ["pubmed21n1298.xml.gz", "mine.xml", "pubmed20n0014.xml.gz", "pubmed20n0002.xml"]
    assert snapshot_build.nlm_order(given) == [
        "pubmed20n0002.xml",
        "mine.xml",
        "pubmed20n0014.xml.gz",
        "pubmed21n1298.xml.gz",
    ]


def test_the_index_of_the_files_read_in_the_order_given_is_removed_by_the_rebuild(
    nlm_articles: dict[str, list[bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index built before (files read as given: update first) indexes the same files: the
    build in NLM's order removes it, as it removes an older version's."""
    baseline, update, _revised_pmid, _deleted = _baseline_and_update(
        tmp_path, nlm_articles["baseline"], ("pubmed20n0014.xml", "pubmed21n1298.xml")
    )
    with monkeypatch.context() as patch:
        patch.setattr(snapshot_build, "nlm_order", list)
        old = build_index([update, baseline])
    new = build_index([update, baseline])
    assert new != old and new.exists() and not old.exists()


def test_serve_help_says_the_order_files_are_read_in(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pubmed", "serve", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "baseline before update files" in help_text
    assert "in the order given" in help_text
