"""The snapshot's index is as readable as any other new file: another user's `pubmed serve` on
a shared REVIEWKIT_DATA folder could not open it (mkstemp made it 0600, the rename kept that)."""

from __future__ import annotations

from pathlib import Path

from conftest import umask
from pubmed.conftest import write_set

from reviewkit.pubmed.snapshot import Snapshot, build_index


def test_the_index_gets_the_mode_the_umask_gives_a_new_file(
    nlm_articles: dict[str, list[bytes]], tmp_path: Path
) -> None:
    for mask, mode in ((0o022, 0o644), (0o002, 0o664)):
        folder = tmp_path / oct(mask)
        folder.mkdir()
        snapshot = write_set(folder / "part.xml", nlm_articles["update"][:10])
        with umask(mask):
            index = build_index([snapshot])
        assert index.stat().st_mode & 0o777 == mode
        opened = Snapshot(index)
        assert opened.article_count == 10
        opened.close()
