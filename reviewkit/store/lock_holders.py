"""Which connection of this process holds a project database's write lock, and for what.

A screen's own thread (keeping the notices it found: ``dedup.concerns_kept``) writes on a
connection of its own; a key pressed meanwhile waits for that thread's lock, and was told it
waited for "another reviewkit command". Each write transaction says here what it writes
(:attr:`reviewkit.store.db.Store.writer`) while it holds the lock, so that a write of the same
process kept waiting names it (:func:`held_here`); another process's writes are not known here.
And each write waiting for the lock says so (:func:`waiting`), so that a series of short writes
gives way to it between two of them (:func:`give_way`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

# what an unnamed write of this process is called
UNNAMED = "writing on another of its connections"

_GUARD = threading.Lock()
_HELD: dict[str, tuple[object, str]] = {}  # database file -> (the holder, what it writes)
_WAITING: dict[str, int] = {}  # database file -> how many writes of this process wait for it
_CHANGED = threading.Condition(_GUARD)  # a write of this process stopped waiting

# How long a series of writes gives way at most: a write waiting for the lock gets it within
# SQLite's longest poll (100 ms) once it is free; one waiting on another process's lock too
# would hold the series back no longer than this
GIVE_WAY_S = 0.5


@cache
def _file(path: str) -> str:
    """One name for a database file however it was reached (a relative path, a link)."""
    return os.path.realpath(path)


@contextmanager
def holding(path: Path, holder: object, what: str) -> Iterator[None]:
    """Within: ``holder`` (a connection's store) holds ``path``'s write lock, writing ``what``."""
    name = _file(str(path))
    with _GUARD:
        _HELD[name] = (holder, what or UNNAMED)
    try:
        yield
    finally:
        with _GUARD:
            if _HELD.get(name, (None,))[0] is holder:
                del _HELD[name]


def held_here(path: Path, asking: object) -> str:
    """What this process's write holding ``path``'s lock writes ('' where none does, or only
    ``asking`` itself)."""
    with _GUARD:
        holder, what = _HELD.get(_file(str(path)), (None, ""))
    return "" if holder is None or holder is asking else what


@contextmanager
def waiting(path: Path) -> Iterator[None]:
    """Within: a write of this process waits for ``path``'s write lock (BEGIN IMMEDIATE)."""
    name = _file(str(path))
    with _CHANGED:
        _WAITING[name] = _WAITING.get(name, 0) + 1
    try:
        yield
    finally:
        with _CHANGED:
            _WAITING[name] -= 1
            if not _WAITING[name]:
                del _WAITING[name]
            _CHANGED.notify_all()


def give_way(path: Path, longest: float = GIVE_WAY_S) -> None:
    """Between two writes of a series (keeping the notices found: ``store.concerns``): while a
    write of this process waits for ``path``'s lock, wait (at most ``longest`` seconds) until it
    has it. SQLite's busy handler polls every 1-100 ms, and would miss the instant between two
    writes: a screen's key, waiting 200 ms, would wait for the whole series."""
    name = _file(str(path))
    with _CHANGED:
        _CHANGED.wait_for(lambda: name not in _WAITING, timeout=longest)
