"""The cold start scored from the word stream (the fast path of the queue's first pick) gives the
same scores and order as over the full term counts, and the engine publishes it before it
numbers the word pairs of the model's features."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from conftest import add_records
from ranking.texts import generated_texts
from screening.helpers import make_topic_records

from reviewkit.protocol.validate import load
from reviewkit.ranking import features
from reviewkit.ranking.cold_start import ProtocolText, cold_start_order, cold_start_scores
from reviewkit.ranking.engine import Engine
from reviewkit.ranking.features import counts_of_tokens, term_counts, word_tokens
from reviewkit.ranking.queue import protocol_text
from reviewkit.screening import ReviewerQueue

REVIEW_B = Path(__file__).resolve().parents[2] / "protocols" / "work-health-collaboration.toml"


def protocols() -> list[ProtocolText]:
    return [
        ProtocolText(**protocol_text(load(REVIEW_B))),
        ProtocolText(
            question="Does a coordinator help people on sick leave return to work?",
            inclusion=("Adults with mental health problems",),
            include_terms=('"return to work"', "vocation*", '"general practition*"'),
            exclude_terms=("mice", "children", '"primary care"', "asthm*"),
            searches=(
                '("sick leave" OR employ*) AND "back pain" NOT (rats OR cancer[ti])',
                "motivational interview*[tiab] AND 2015:2020[dp] AND english[la]",
            ),
        ),
        ProtocolText(include_terms=("xyzzy",)),  # no term occurs: None both ways
    ]


def test_the_word_stream_gives_the_scores_and_order_of_the_full_counts():
    texts = generated_texts(3000)
    ids = list(range(100, 3100))
    random.Random(3).shuffle(ids)
    stream, counts = word_tokens(texts), term_counts(texts)
    for protocol in protocols():
        fast = cold_start_scores(texts, protocol, stream)
        full = cold_start_scores(texts, protocol, counts)
        if fast is None or full is None:
            assert fast is None and full is None
            continue
        assert np.array_equal(fast, full)  # bit for bit: the ties keep the seeded order alike
        assert len(np.unique(fast)) > 50  # phrases, truncations and excludes all scored
        assert cold_start_order(ids, texts, protocol, stream) == cold_start_order(
            ids, texts, protocol, counts
        )
        assert cold_start_order(ids, texts, protocol) == cold_start_order(
            ids, texts, protocol, counts
        )


def test_the_features_are_those_of_the_texts_counted_whole():
    texts = generated_texts(500, seed=11)
    expected, words, pairs = term_counts(texts)
    got, got_words, got_pairs = counts_of_tokens(word_tokens(texts))
    assert got_words == words and np.array_equal(got_pairs, pairs)
    assert (got != expected).nnz == 0


def test_the_engine_publishes_the_protocols_order_before_numbering_the_word_pairs(
    project_b, monkeypatch
):
    records, _ = make_topic_records(12, 28)
    add_records(project_b, records)
    queue = ReviewerQueue(project_b, "title-abstract", "reviewer1")
    published = []
    seen_when_counting: list[list[str]] = []
    counting = features.counts_of_tokens

    def spy(words):
        seen_when_counting.append([s.ranked.source for s in published if s.ranked is not None])
        return counting(words)

    monkeypatch.setattr(features, "counts_of_tokens", spy)
    options = {"protocol": protocol_text(queue.protocol)}
    engine = Engine(str(project_b.db.path), tuple(queue.studies), options, published.append)
    try:
        engine.start(0, [])
        assert engine.wait_idle(60)
    finally:
        engine.close()
    assert seen_when_counting == [["protocol"]]  # counted once, after the first pick was sent
