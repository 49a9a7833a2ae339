"""A new index version removes the snapshot's older indexes (a 312 MB one stayed beside the new
one), and nothing else in the folder."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from reviewkit.pubmed import snapshot_build
from reviewkit.pubmed.snapshot import Snapshot, build_index
from reviewkit.pubmed.stale_indexes import remove_abandoned_builds


def test_a_new_index_version_removes_the_older_index_of_the_same_files(
    small_files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [shutil.copy(f, tmp_path / f.name) for f in small_files]
    with monkeypatch.context() as patch:
        patch.setattr(snapshot_build, "INDEX_VERSION", "0-older")
        old = build_index(files)
        other = build_index(files[:1])  # another snapshot (one of the files) in the same folder
    # files of ours by name only: not SQLite, and SQLite without build_index's meta rows
    not_sqlite = tmp_path / "index-0123456789abcdef.sqlite"
    not_sqlite.write_text("not an index", encoding="utf-8")
    no_meta = tmp_path / "index-fedcba9876543210.sqlite"
    with sqlite3.connect(no_meta) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    renamed = tmp_path / "my-copy-of-the-index.sqlite"
    shutil.copy(old, renamed)

    new = build_index(files)

    assert new != old and new.exists()
    assert not old.exists()
    assert other.exists() and not_sqlite.exists() and no_meta.exists() and renamed.exists()
    opened = Snapshot(new)
    assert opened.article_count > 300  # the new index is whole
    opened.close()


def test_reusing_an_index_removes_nothing(small_files: list[Path], tmp_path: Path) -> None:
    """Only a build removes: opening the index again leaves the folder as it was."""
    first = build_index(small_files, cache_dir=tmp_path)
    before = sorted(tmp_path.iterdir())
    assert build_index(small_files, cache_dir=tmp_path) == first
    assert sorted(tmp_path.iterdir()) == before


def test_a_build_removes_the_file_a_killed_build_left(
    small_files: list[Path], tmp_path: Path
) -> None:
    """A new user closed the terminal while `pubmed serve` built the index (or `kill`ed it):
    no `finally` runs on such a signal, and its `.index-*.tmp`, up to 400 MB, stayed beside
    the snapshot for good. The next build removes one left unwritten for an hour; a build in
    progress (written a moment ago, by another process, of any version) is left alone."""
    folder = tmp_path / "cache"
    folder.mkdir()
    dead = folder / ".index-k9x2a7qe.tmp"
    dead.write_bytes(b"SQLite format 3\0" + bytes(4096))
    two_hours_ago = time.time() - 2 * 3600
    os.utime(dead, (two_hours_ago, two_hours_ago))
    running = folder / ".index-p0w3m1zz.tmp"  # another process building now
    running.write_bytes(b"SQLite format 3\0")
    mine = folder / ".index-notes.tmp"  # not a name a build gives
    mine.write_text("a note", encoding="utf-8")
    os.utime(mine, (two_hours_ago, two_hours_ago))

    build_index(small_files, cache_dir=folder)

    assert not dead.exists()
    assert running.exists() and mine.exists()


def test_a_build_stopped_for_an_hour_keeps_its_file(
    small_files: list[Path], tmp_path: Path
) -> None:
    """A build writes nothing while its process is stopped (Ctrl-Z, a laptop asleep, a paused
    VM); another build started meanwhile took its file, unwritten for an hour, for a dead one's
    and removed it, and the stopped build, resumed, ended in FileNotFoundError at its rename.
    A live build holds a lock on its file: only a file no process holds is removed."""
    folder = tmp_path / "cache"
    folder.mkdir()
    removed: list[Path] = []

    def stopped_for_two_hours(_done: int, _total: int) -> None:
        if removed:
            return
        for path in folder.glob(".index-*.tmp"):  # this build's own file, unwritten since
            two_hours_ago = time.time() - 2 * 3600
            os.utime(path, (two_hours_ago, two_hours_ago))
        removed.append(folder)  # once
        removed.extend(remove_abandoned_builds(folder))  # what another build does first

    built = build_index(small_files, cache_dir=folder, progress=stopped_for_two_hours)

    assert removed == [folder] and built.exists()
    opened = Snapshot(built)
    assert opened.article_count > 300
    opened.close()


def test_opening_the_index_removes_a_killed_build_s_file_too(
    small_files: list[Path], tmp_path: Path
) -> None:
    """Killed, then run again at once: the new build found the dead file under an hour old
    and kept it, and every later run reused the index without looking again, so the file
    (up to 400 MB) stayed for good after all. Opening the index looks too."""
    folder = tmp_path / "cache"
    index = build_index(small_files, cache_dir=folder)
    dead = folder / ".index-k9x2a7qe.tmp"
    dead.write_bytes(b"SQLite format 3\0" + bytes(4096))
    two_hours_ago = time.time() - 2 * 3600
    os.utime(dead, (two_hours_ago, two_hours_ago))

    assert build_index(small_files, cache_dir=folder) == index

    assert not dead.exists() and index.exists()
