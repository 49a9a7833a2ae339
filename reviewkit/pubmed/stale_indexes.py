"""Removing the snapshot indexes a new build replaces.

An index is named by a hash of its format (``INDEX_VERSION``) and its files, so a new version
(or a snapshot file downloaded again) builds a new ``index-<hash>.sqlite`` beside the old one,
which nothing opens again: on the full snapshot that is 300+ MB left behind at every version.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

# The name build_index gives an index (snapshot_build.index_path): 16 hex digits of a SHA-256.
_INDEX_NAME = re.compile(r"index-[0-9a-f]{16}\.sqlite")


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
