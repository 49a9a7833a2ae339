"""Removing the snapshot indexes a new build replaces, and the files of builds that died.

An index is named by a hash of its format (``INDEX_VERSION``) and its files, so a new version
(or a snapshot file downloaded again) builds a new ``index-<hash>.sqlite`` beside the old one,
which nothing opens again: on the full snapshot that is 300+ MB left behind at every version.
A build writes ``.index-*.tmp`` first; one ended by a signal it cannot catch (the terminal
closed, ``kill``) left that file, up to 400 MB, beside the snapshot for good.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: a file open in another process cannot be removed there anyway
    fcntl = None  # type: ignore[assignment]

# The name build_index gives an index (snapshot_build.index_path): 16 hex digits of a SHA-256.
_INDEX_NAME = re.compile(r"index-[0-9a-f]{16}\.sqlite")
# The name of the file a build writes before renaming it (tempfile.mkstemp's 8 characters).
_BUILD_FILE = re.compile(r"\.index-[a-z0-9_]{8}\.tmp")
# A build writes its file all along (articles, then the search indexes: never a minute
# without), and holds a lock on it (hold_build) that its process's end, by any signal,
# releases. A file no process holds and left unwritten for an hour is a dead build's: the hour
# for a build of an older version, which held no lock, or a file system without locks. The
# lock, not the hour, keeps a live build that writes nothing for long (stopped by Ctrl-Z, a
# laptop asleep): its file removed, the build ended in FileNotFoundError at its rename.
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
    :data:`ABANDONED_AFTER` seconds and no live build holds (:func:`hold_build`); returns the
    paths removed. Any other file is left alone, and so is one that cannot be removed (a
    read-only folder)."""
    now, removed = time.time(), []
    for path in sorted(folder.iterdir()):
        if not _BUILD_FILE.fullmatch(path.name):
            continue
        try:
            if now - os.stat(path).st_mtime < ABANDONED_AFTER or _held(path):
                continue
            path.unlink()
        except OSError:  # removed meanwhile by another builder, or a read-only folder
            continue
        removed.append(path)
    return removed


def hold_build(fd: int) -> None:
    """Mark the build file open on ``fd`` as being written until ``fd`` is closed or the
    process ends (by any signal): :func:`remove_abandoned_builds` leaves it alone meanwhile."""
    if fcntl is not None:
        with contextlib.suppress(OSError):  # no locks on this file system: the hour alone tells
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _held(path: Path) -> bool:
    """Whether a live build holds ``path`` (:func:`hold_build`); False when it cannot be told."""
    if fcntl is None:
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)  # shared: a read-only descriptor may take it
    except BlockingIOError:
        return True
    except OSError:  # no locks on this file system
        return False
    finally:
        os.close(fd)
    return False
