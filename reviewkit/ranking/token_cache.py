"""The words of a project's texts kept between sessions: :func:`cached_word_tokens`.

Tokenising 50,000 titles and abstracts (:func:`reviewkit.ranking.features.word_tokens`) is
the largest part of a reopened session's wait for the model's first pick (about 3 s of CPU,
``benchmarks/results/tui.md``). The words of each text depend on that text alone, so they
are kept in one file under the project's folder, each text's words under a digest of the
text itself (BLAKE2b, 128 bits): a text that changed (an edit, a merge's kept record, an
import's new records) has a digest the file does not hold and is tokenised again; one that
left the queue is simply not asked for. Nothing is keyed by record id or time, so nothing
stale can be served. A file holds the texts of its last writer's queue only (else it would grow
with every edit), so each screening stage keeps its own file (``key``): full text screens a few
hundred of title-abstract's thousands of texts, and one shared file, rewritten with those few
when one of them changed, made the next title-abstract session tokenise every text again. The file also holds what the words depend on besides the text (the
token pattern, the Unicode tables that fold accents, a format number); a file made under
others is ignored and replaced.

The result is the same bit for bit as :func:`word_tokens` of the texts, in their order (the
words numbered in the order first met in *this* sequence), so the features and the
screening order do not depend on whether the file was there. The file is written to a
temporary name and renamed over the old one (never half-written); one that cannot be read
is ignored, one that cannot be written (a read-only folder) is skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from reviewkit.ranking.features import TOKEN_PATTERN, WordTokens, word_tokens
from reviewkit.temp_files import new_beside

__all__ = ["CACHE_DIR", "CACHE_FILE", "cache_path", "cached_word_tokens"]

CACHE_DIR = ".reviewkit-cache"  # under the project's folder; safe to delete at any time
CACHE_FILE = "ranking-words.npz"
# raise when the file's layout or the meaning of its arrays changes, and when word_tokens
# changes how it reads a text other than by its pattern (the case or accent folding, features
# ._fold): the stamp below cannot see that, and the old words would be served
_FORMAT = 1
# what a text's words depend on besides the text: a file made under other values is not read
_STAMP = f"{_FORMAT}|{TOKEN_PATTERN}|{unicodedata.unidata_version}"


def cache_path(folder: str | Path, key: str = "") -> Path:
    """Where the words of the project in ``folder`` are kept for the queues of ``key`` (a
    screening stage; '' for one file of any queue): ``ranking-words-<key>.npz``."""
    if not key:
        return Path(folder) / CACHE_DIR / CACHE_FILE
    stem, dot, suffix = CACHE_FILE.partition(".")
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", key)  # a stage name is an id already; a file name anyway
    return Path(folder) / CACHE_DIR / f"{stem}-{safe}{dot}{suffix}"


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class _Kept:
    """The file's content: per text (row) its digest, words (as ids into ``words``)."""

    def __init__(self, digests: np.ndarray, lengths: np.ndarray, ids: np.ndarray, words: list):
        self.digests, self.lengths, self.ids, self.words = digests, lengths, ids, words
        self.starts = (np.cumsum(lengths) - lengths).astype(np.int64)
        self.row = {d: r for r, d in enumerate(digests.view("V16").ravel().tolist())}


def _read(path: Path) -> _Kept | None:
    """The kept words, or None when there is no file or it is unreadable or made otherwise."""
    try:
        with np.load(path, allow_pickle=False) as z:
            if str(z["stamp"]) != _STAMP:
                return None
            digests, lengths, ids = z["digests"], z["lengths"], z["ids"]
            words = bytes(z["words"]).decode("utf-8", "surrogatepass").split("\n")
        if not words[-1]:
            words = []  # no words at all: the empty join
        ok = (
            digests.dtype == np.uint8
            and digests.ndim == 2
            and digests.shape[1] == 16
            and len(lengths) == len(digests)
            and (len(lengths) == 0 or int(lengths.min()) >= 0)
            and int(lengths.sum()) == len(ids)
            and (len(ids) == 0 or (int(ids.min()) >= 0 and int(ids.max()) < len(words)))
        )
        return (
            _Kept(
                digests,
                lengths.astype(np.int64, copy=False),
                ids.astype(np.int32, copy=False),
                words,
            )
            if ok
            else None
        )
    except Exception:  # a missing, truncated or foreign file: tokenise afresh
        return None


# A temporary file older than this is a write that never finished: the ranking process writes
# from a daemon thread, and a screen closed during the write (its process ended or killed)
# leaves the file, tens of MB on a large queue. A write takes well under a second, so a
# partner's write in progress is never this old.
_STALE_TMP_S = 600
_TMP_PREFIX, _TMP_SUFFIX = ".ranking-words-", ".tmp"


def _drop_stale_temporaries(folder: Path) -> None:
    """Remove the temporary files of writes that never finished (:data:`_STALE_TMP_S`)."""
    now = time.time()
    for tmp in folder.glob(f"{_TMP_PREFIX}*{_TMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if now - tmp.stat().st_mtime > _STALE_TMP_S:
                tmp.unlink()


def _drop_unkeyed(folder: Path) -> None:
    """Remove the unkeyed file (:data:`CACHE_FILE`): the previous version kept one for every
    stage, and the screen, which names its stage, never reads it again (tens of MB left)."""
    with contextlib.suppress(OSError):
        (folder / CACHE_FILE).unlink(missing_ok=True)


def _write(path: Path, digests: list[bytes], words: WordTokens) -> None:
    """The words of this sequence of texts, written atomically; skipped if that fails."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        _drop_stale_temporaries(path.parent)
        # a new file's mode, not mkstemp's 0600, which hid it from a partner sharing the folder
        fd, tmp = new_beside(path, prefix=_TMP_PREFIX, suffix=_TMP_SUFFIX)
        try:
            with os.fdopen(fd, "wb") as fh:
                np.savez(
                    fh,
                    stamp=np.array(_STAMP),
                    digests=np.frombuffer(b"".join(digests), dtype=np.uint8).reshape(-1, 16),
                    lengths=words.lengths,
                    ids=words.ids,
                    words=np.frombuffer(
                        "\n".join(words.words).encode("utf-8", "surrogatepass"), dtype=np.uint8
                    ),
                )
            os.replace(tmp, path)
            if path.name != CACHE_FILE:  # a stage's file written: the unkeyed one is orphaned
                _drop_unkeyed(path.parent)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _first_met(gathered: np.ndarray, n_words: int) -> tuple[np.ndarray, np.ndarray]:
    """``(ids, met)``: ``gathered`` (ids into a vocabulary of ``n_words``) renumbered in the
    order each word is first met, and the old id of each new one (``met[new] == old``)."""
    first = np.full(n_words, len(gathered), dtype=np.int64)
    np.minimum.at(first, gathered, np.arange(len(gathered), dtype=np.int64))
    used = np.flatnonzero(first < len(gathered))
    met = used[np.argsort(first[used], kind="stable")]
    new = np.zeros(n_words, dtype=np.int32)
    new[met] = np.arange(len(met), dtype=np.int32)
    return new[gathered], met


def cached_word_tokens(
    texts: Sequence[str], folder: str | Path, key: str = ""
) -> tuple[WordTokens, Callable[[], None]]:
    """``(words, keep)``: :func:`reviewkit.ranking.features.word_tokens` of ``texts``, the same
    bit for bit, the words of texts tokenised in an earlier session read from the project
    ``folder``'s file for ``key`` (:func:`cache_path`; a screening stage) and only the others
    tokenised; ``keep()`` writes this sequence's words to that file when any were tokenised now
    (else it does nothing), for the caller to call once the words' first use is done."""
    path = cache_path(folder, key)
    kept = _read(path)
    if kept is None and len(texts):  # no file (the first session): the texts' digests are
        # taken by keep(), after the words' first use (on 50,000 texts 0.4 s of CPU)
        fresh = word_tokens(texts)
        return fresh, lambda: _write(path, [_digest(t) for t in texts], fresh)
    if kept is None:
        kept = _Kept(np.zeros((0, 16), np.uint8), np.zeros(0, np.int64), np.zeros(0, np.int32), [])
    digests = [_digest(t) for t in texts]
    rows = np.fromiter((kept.row.get(d, -1) for d in digests), dtype=np.int64, count=len(texts))
    missing = np.flatnonzero(rows < 0)
    if len(texts) and len(missing) == len(texts):  # nothing kept for these: as tokenised
        fresh = word_tokens(texts)
        return fresh, lambda: _write(path, digests, fresh)
    words = list(kept.words)
    if len(missing):  # tokenised now, their new words numbered after the kept ones
        fresh = word_tokens(texts[at] for at in missing.tolist())
        number = {w: i for i, w in enumerate(words)}
        to_kept = np.fromiter(
            (number.setdefault(w, len(number)) for w in fresh.words),
            dtype=np.int32,
            count=len(fresh.words),
        )
        words.extend(fresh.words[j] for j in np.flatnonzero(to_kept >= len(words)).tolist())
        rows[missing] = len(kept.lengths) + np.arange(len(missing))
        all_ids = np.concatenate([kept.ids, to_kept[fresh.ids]])
        all_starts = np.concatenate(
            [kept.starts, len(kept.ids) + np.cumsum(fresh.lengths) - fresh.lengths]
        )
        all_lengths = np.concatenate([kept.lengths, fresh.lengths])
    else:
        all_ids, all_starts, all_lengths = kept.ids, kept.starts, kept.lengths
    lengths = all_lengths[rows] if len(rows) else np.zeros(0, dtype=np.int64)
    # the positions of each text's words, one text after the other
    shift = np.repeat(all_starts[rows] - (np.cumsum(lengths) - lengths), lengths)
    gathered = all_ids[np.arange(int(lengths.sum()), dtype=np.int64) + shift]
    ids, met = _first_met(gathered, len(words))
    result = WordTokens(ids.astype(np.int32), lengths.astype(np.int64), [words[i] for i in met])
    if not len(missing):
        return result, lambda: None
    return result, lambda: _write(path, digests, result)
