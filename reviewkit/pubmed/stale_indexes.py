"""Removing the snapshot indexes a new build replaces, and the files of builds that died.

An index is named by a hash of its format (``INDEX_VERSION``) and its files, so a new version
(or a snapshot file downloaded again) builds a new ``index-<hash>.sqlite`` beside the old one,
which nothing opens again: on the full snapshot that is 300+ MB left behind at every version.
A build writes ``.index-*.tmp`` first; one ended by a signal it cannot catch (the terminal
closed, ``kill``) left that file, up to 400 MB, beside the snapshot for good.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path

# The name build_index gives an index (snapshot_build.index_path): 16 hex digits of a SHA-256.
_INDEX_NAME = re.compile(r"index-[0-9a-f]{16}\.sqlite")
# The name of the file a build writes before renaming it (tempfile.mkstemp's 8 characters).
_BUILD_FILE = re.compile(r"\.index-[a-z0-9_]{8}\.tmp")
# A build writes its file all along (articles, then the search indexes: never a minute
# without); one left unwritten for an hour belongs to a build that died. Another process's
# build in progress, of this version or an older one, is never touched.
ABANDONED_AFTER = 3600.0


def remove_stale_indexes(
    target: Path, files: list[str], indexed_files: Callable[[Path], list[str] | None]
) -> list[Path]:
    """Delete the indexes in ``target``'s folder that index the same snapshot files (their
    ``meta`` table names the same files in the same order) under another hash: an older
    INDEX_VERSION, or files since changed. Only files named as build_index names its indexes
    and holding its ``meta`` rows are ours (``indexed_files`` reads them: None for any other
    file); any other file, an index of other files, and one that cannot be read are left
    alone. Returns the paths removed."""
    removed = []
    for path in sorted(target.parent.iterdir()):
        if path == target or not _INDEX_NAME.fullmatch(path.name):
            continue
        if indexed_files(path) == files:
            try:
                path.unlink()
            except OSError:  # read-only folder, or removed meanwhile by another builder
                continue
            removed.append(path)
    return removed


def remove_abandoned_builds(folder: Path) -> list[Path]:
    """Delete the ``.index-*.tmp`` files in ``folder`` that no build has written for
    :data:`ABANDONED_AFTER` seconds; returns the paths removed. Any other file is left alone,
    and so is one that cannot be removed (a read-only folder)."""
    now, removed = time.time(), []
    for path in sorted(folder.iterdir()):
        if not _BUILD_FILE.fullmatch(path.name):
            continue
        try:
            if now - os.stat(path).st_mtime < ABANDONED_AFTER:
                continue
            path.unlink()
        except OSError:  # removed meanwhile by another builder, or a read-only folder
            continue
        removed.append(path)
    return removed
