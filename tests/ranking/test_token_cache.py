"""The words of a project's texts kept between sessions (reviewkit.ranking.token_cache): the same
words bit for bit as tokenising afresh, whatever the order or the set of texts; texts that
changed are tokenised again; a file that cannot be used is ignored; and the screening order is
the same with and without the file."""

from __future__ import annotations

import os
import random
import shutil
import time

import numpy as np
import pytest
from conftest import add_records, umask
from ranking.texts import generated_texts
from screening.helpers import make_topic_records

from reviewkit.ranking import token_cache
from reviewkit.ranking.engine import Engine
from reviewkit.ranking.features import WordTokens, word_tokens
from reviewkit.ranking.queue import protocol_text
from reviewkit.ranking.token_cache import cache_path, cached_word_tokens
from reviewkit.screening import ReviewerQueue


def assert_same(got: WordTokens, expected: WordTokens) -> None:
    assert got.ids.dtype == expected.ids.dtype and np.array_equal(got.ids, expected.ids)
    assert got.lengths.dtype == expected.lengths.dtype
    assert np.array_equal(got.lengths, expected.lengths)
    assert got.words == expected.words


def cached(texts: list[str], folder) -> WordTokens:
    words, keep = cached_word_tokens(texts, folder)
    keep()
    return words


def spy_on_tokenising(monkeypatch) -> list[list[str]]:
    """The texts the cache tokenises from now on, one list a call."""
    tokenised: list[list[str]] = []
    fresh = token_cache.word_tokens

    def spy(more):
        more = list(more)
        tokenised.append(more)
        return fresh(more)

    monkeypatch.setattr(token_cache, "word_tokens", spy)
    return tokenised


def test_the_kept_words_are_those_of_the_texts_tokenised_afresh(tmp_path, monkeypatch):
    texts = generated_texts(600, seed=5)
    assert_same(cached(texts, tmp_path), word_tokens(texts))  # nothing kept yet
    mask = os.umask(0o022)
    os.umask(mask)
    assert cache_path(tmp_path).stat().st_mode & 0o777 == 0o666 & ~mask  # a partner may read it
    shuffled = texts[:]
    random.Random(2).shuffle(shuffled)  # a queue whose decided studies moved to the front
    fewer = shuffled[:400]  # studies another reviewer decided left the queue
    tokenised = spy_on_tokenising(monkeypatch)
    for sequence in (texts, shuffled, fewer):
        assert_same(cached(sequence, tmp_path), word_tokens(sequence))
    assert tokenised == []  # every text's words came from the file
    edited = [*fewer[:10], fewer[10] + " naïve Ωmega words", "a new record über alles", *fewer[11:]]
    assert_same(cached(edited, tmp_path), word_tokens(edited))
    assert tokenised == [[edited[10], edited[11]]]  # only the changed and the new text
    assert_same(cached(texts, tmp_path), word_tokens(texts))  # the file now holds `edited`'s
    assert_same(cached([], tmp_path), word_tokens([]))


def test_a_file_that_cannot_be_used_is_ignored_and_replaced(tmp_path, monkeypatch):
    texts = generated_texts(200, seed=9)
    path = cache_path(tmp_path)
    path.parent.mkdir()
    path.write_bytes(b"PK\x03\x04 half a file")
    assert_same(cached(texts, tmp_path), word_tokens(texts))
    monkeypatch.setattr(token_cache, "word_tokens", lambda _t: pytest.fail("tokenised again"))
    assert_same(cached(texts, tmp_path), word_tokens(texts))  # rewritten, now read
    # made under other rules (another token pattern or Unicode version): its words, the same
    # here, are not read, every text is tokenised again
    monkeypatch.setattr(token_cache, "_STAMP", "another tokeniser")
    tokenised: list[str] = []

    def spy(more):
        tokenised.extend(more)
        return word_tokens(more)

    monkeypatch.setattr(token_cache, "word_tokens", spy)
    assert_same(cached(texts, tmp_path), word_tokens(texts))
    assert tokenised == texts
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind


def test_a_folder_that_cannot_be_written_only_costs_the_tokenising(tmp_path):
    texts = generated_texts(50, seed=3)
    (tmp_path / token_cache.CACHE_DIR).write_text("a file where the folder would be")
    assert_same(cached(texts, tmp_path), word_tokens(texts))


def test_a_write_that_never_finished_is_cleared_by_the_next(tmp_path):
    """A screen closed while its ranking process wrote the file leaves the temporary file (a
    daemon thread's `finally` does not run): the next write removes it, not a fresh one that
    may be a partner's write in progress."""
    folder = cache_path(tmp_path).parent
    folder.mkdir()
    stale, fresh = folder / ".ranking-words-dead.tmp", folder / ".ranking-words-busy.tmp"
    for tmp in (stale, fresh):
        tmp.write_bytes(b"half a file")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    texts = generated_texts(20, seed=4)
    assert_same(cached(texts, tmp_path), word_tokens(texts))
    assert sorted(p.name for p in folder.iterdir()) == [fresh.name, cache_path(tmp_path).name]


def ranked_order(project, labels_of) -> tuple[list[int], str]:
    """The order the engine publishes for reviewer1's queue with 5 includes and 5 excludes."""
    queue = ReviewerQueue(project, "title-abstract", "reviewer1")
    ids = tuple(queue.studies)
    published = []
    options = {"protocol": protocol_text(queue.protocol)}
    engine = Engine(str(project.db.path), ids, options, published.append)
    try:
        engine.start(1, labels_of(ids))
        assert engine.wait_idle(60)
    finally:
        engine.close()
    ranked = published[-1].ranked
    return ranked.order, ranked.source


def test_the_screening_order_is_the_same_with_and_without_the_kept_words(project_b, monkeypatch):
    records, like = make_topic_records(12, 28)
    ids_in_order = add_records(project_b, records)
    like_of = dict(zip(ids_in_order, like, strict=True))

    def labels_of(_ids):
        includes = [s for s in ids_in_order if like_of[s]][:5]
        excludes = [s for s in ids_in_order if not like_of[s]][:5]
        return [(s, True) for s in includes] + [(s, False) for s in excludes]

    folder = project_b.db.path.parent
    without = ranked_order(project_b, labels_of)  # no file yet: tokenised, then kept
    assert without[1] == "model"
    assert cache_path(folder).exists()
    monkeypatch.setattr(token_cache, "word_tokens", lambda _t: pytest.fail("tokenised again"))
    assert ranked_order(project_b, labels_of) == without  # read from the file

    monkeypatch.undo()
    more, _ = make_topic_records(6, 6)  # an import changes the queue's texts
    for k, r in enumerate(more):
        r.title, r.pmid = f"{r.title} follow-up {k}", str(90_000 + k)
    add_records(project_b, more)
    kept_before = cache_path(folder).read_bytes()
    with_file = ranked_order(project_b, labels_of)
    assert cache_path(folder).read_bytes() != kept_before  # rewritten with the new texts
    shutil.rmtree(folder / token_cache.CACHE_DIR)
    assert ranked_order(project_b, labels_of) == with_file  # the same as tokenised afresh


def test_each_stage_keeps_its_own_words(tmp_path, monkeypatch):
    """Full text screens a few of title-abstract's texts; a change among those few rewrote the
    one file with them alone, and the next title-abstract session tokenised every text again.
    Each stage keeps its own file: switching back tokenises nothing, the words the same bit
    for bit as tokenising afresh."""
    texts = generated_texts(600, seed=11)
    assert_same(cached_word_tokens(texts, tmp_path, "title-abstract")[0], word_tokens(texts))
    cached_word_tokens(texts, tmp_path, "title-abstract")[1]()
    tokenised = spy_on_tokenising(monkeypatch)
    few = [*texts[:40], texts[40] + " with its full text's new title"]
    words, keep = cached_word_tokens(few, tmp_path, "full-text")
    keep()
    assert_same(words, word_tokens(few))
    tokenised.clear()
    for stage, sequence in (("title-abstract", texts), ("full-text", few)):
        words, keep = cached_word_tokens(sequence, tmp_path, stage)
        keep()
        assert_same(words, word_tokens(sequence))
    assert tokenised == []  # neither stage's words were lost to the other's
    names = sorted(p.name for p in cache_path(tmp_path).parent.iterdir())
    assert names == ["ranking-words-full-text.npz", "ranking-words-title-abstract.npz"]


def test_the_screen_keeps_its_stages_words_apart(project_b):
    """The ranker of a reviewer's queue names its stage: the words go to that stage's file."""
    from reviewkit.ranking.queue import QueueRanker

    records, _ = make_topic_records(6, 6)
    add_records(project_b, records)
    queue = ReviewerQueue(project_b, "title-abstract", "reviewer1")
    ranker = QueueRanker(queue, isolate=False)
    try:
        ranker.start()
        assert ranker.wait_idle(60)  # the texts loaded, their words kept
    finally:
        ranker.close()
    folder = project_b.db.path.parent
    assert cache_path(folder, "title-abstract").exists() and not cache_path(folder).exists()


def test_a_stage_s_first_write_removes_the_previous_version_s_unkeyed_file(tmp_path):
    """The previous version kept one ``ranking-words.npz`` for every stage; a stage's file
    now replaces it, so the orphan (never read again, tens of MB) goes at the first write."""
    texts = generated_texts(30, seed=3)
    _words, keep = cached_word_tokens(texts, tmp_path)  # as the previous version wrote it
    keep()
    orphan = cache_path(tmp_path)
    assert orphan.exists()
    words, keep = cached_word_tokens(texts, tmp_path, "title-abstract")
    keep()
    assert_same(words, word_tokens(texts))
    assert sorted(p.name for p in orphan.parent.iterdir()) == ["ranking-words-title-abstract.npz"]


def test_the_kept_words_get_a_new_file_s_mode_by_the_umask(tmp_path):
    """A group sharing a project folder (umask 002) may write the file as any other there; it
    was 0644 whatever the umask (and 0600 from mkstemp before that)."""
    texts = generated_texts(50, seed=3)
    for mask, mode in ((0o002, 0o664), (0o077, 0o600)):
        with umask(mask):
            cached(texts, tmp_path / oct(mask))
        assert cache_path(tmp_path / oct(mask)).stat().st_mode & 0o777 == mode
