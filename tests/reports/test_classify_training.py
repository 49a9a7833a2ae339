"""What a training of the learnt model costs (one BLAS thread, each study's rules scored once),
and that it is the same model from run to run.

On the demo project (48 confirmed studies per scheme) ``reviewkit classify`` took 91 s of CPU
with OpenBLAS's threads spinning between L-BFGS's small vector operations, 9 s with one
thread; these tests count what the time went to, never the time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from reviewkit import classify
from reviewkit.classify import model as model_mod
from reviewkit.records import Record


def _blas_threads() -> set[int]:
    return {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}


def _studies() -> tuple[dict[int, Record], dict[int, list[str]]]:
    """Eight studies the protocol's terms say nothing about, confirmed half and half."""
    records = {
        n: Record(title=f"The {name} programme, site {i}")
        for n, (i, name) in enumerate(
            (i, name) for i in range(4) for name in ("Sunflower", "Harbour")
        )
    }
    answers = {n: ["job-specialist" if n % 2 == 0 else "workplace"] for n in records}
    return records, answers


def test_every_fit_of_a_training_runs_on_one_blas_thread(review_b, monkeypatch):
    from sklearn.linear_model import LogisticRegression

    if not _blas_threads():
        pytest.skip("no BLAS library that threadpoolctl can see")
    seen: list[set[int]] = []
    fit = LogisticRegression.fit

    def counting_fit(self, *args, **kwargs):
        seen.append(_blas_threads())
        return fit(self, *args, **kwargs)

    monkeypatch.setattr(LogisticRegression, "fit", counting_fit)
    records, answers = _studies()
    with threadpool_limits(2, user_api="blas"):  # as on a 2-core machine, whatever this one has
        model = classify.train(review_b.scheme("model-type"), records, answers)
        after = _blas_threads()
    assert model is not None and model.cv_accuracy == 1.0
    assert len(seen) == len(records) + 1  # the model, then one fit per left-out study
    assert all(threads == {1} for threads in seen), seen
    assert after == {2}  # the process's own setting is back once the training is done


_AFTER_A_SCREEN = """
import json, sys
from threadpoolctl import threadpool_info, threadpool_limits
from reviewkit import classify, protocol
from reviewkit.ranking.ranker import Ranker
from reviewkit.records import Record

def blas():
    return {i["filepath"]: i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}

texts = [f"return to work {w} study {i}" for i in range(6) for w in ("coordinator", "sunflower")]
ranker = Ranker(texts, min_includes=1, min_excludes=1)
assert ranker.fit({i: i % 2 == 0 for i in range(len(texts))})
ranker.all_scores()
before = blas()
from sklearn.linear_model import LogisticRegression

fit, seen = LogisticRegression.fit, []
def counting_fit(self, *args, **kwargs):
    seen.append(blas())
    return fit(self, *args, **kwargs)
LogisticRegression.fit = counting_fit
records = {n: Record(title=f"The {('Sunflower', 'Harbour')[n % 2]} programme, site {n}")
           for n in range(8)}
answers = {n: ["job-specialist" if n % 2 == 0 else "workplace"] for n in records}
with threadpool_limits(2, user_api="blas"):
    classify.train(protocol.load(sys.argv[1]).scheme("model-type"), records, answers)
    after = blas()
print(json.dumps({"before": before, "seen": seen, "after": after}))
"""


def test_a_training_after_the_screens_ranker_runs_on_one_blas_thread(review_b):
    """The TUI screens and classifies in one process. The ranker used only numpy's OpenBLAS;
    the limit's scan of the loaded libraries, kept from its first fit, did not know scipy's,
    loaded with scikit-learn: every fit of a later training ran on all its threads. A fresh
    process, as the order the tests run in leaves libraries loaded or not."""
    out = subprocess.run(
        [sys.executable, "-c", _AFTER_A_SCREEN, str(review_b.path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    seen = json.loads(out)
    assert len(seen["before"]) == 1  # numpy's BLAS alone when the ranker first limited it
    assert len(seen["after"]) == 2 and set(seen["after"].values()) == {2}
    assert seen["seen"] and all(
        threads == dict.fromkeys(seen["after"], 1) for threads in seen["seen"]
    )


def test_a_training_scores_each_studys_rules_once(review_b, monkeypatch):
    calls: list[int] = []
    score = model_mod.score_labels

    def counting(record, scheme, *args, **kwargs):
        calls.append(id(record))
        return score(record, scheme, *args, **kwargs)

    monkeypatch.setattr(model_mod, "score_labels", counting)
    records, answers = _studies()
    model = classify.train(review_b.scheme("model-type"), records, answers)
    assert model is not None and model.rules_accuracy == 0.0
    # for the model's features, every fold's and the rules' accuracy (it was twice each)
    assert sorted(calls) == sorted(id(r) for r in records.values())


def test_the_models_words_do_not_depend_on_the_string_hash_seed():
    """A word and its stem of one length ("injury", "injuri") were chosen between in a set's
    order, which follows PYTHONHASHSEED: the model's vocabulary, weights and evidence changed
    from run to run. Now the stem, whatever the seed, so "injury" and "injuries" are one word."""
    words = ("injury", "injuries", "therapy", "therapies", "policy", "study", "anxiety")
    code = (
        "from reviewkit.classify.model import analyse; "
        f"print(' '.join(analyse(w)[0] for w in {words!r}))"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in range(6)
    }
    assert seen == {"injuri injuri therapi therapi polici studi anxieti"}


def test_the_rules_are_scored_once_across_trainings_and_suggestions(review_b, monkeypatch):
    """A screen retrains after every confirmation on the same records, and the model's
    suggestion used to score a study's rules once more: with one cache, each record once."""
    calls: list[int] = []
    score = model_mod.score_labels

    def counting(record, scheme, *args, **kwargs):
        calls.append(id(record))
        return score(record, scheme, *args, **kwargs)

    monkeypatch.setattr(model_mod, "score_labels", counting)
    records, answers = _studies()
    scheme = review_b.scheme("model-type")
    cache: model_mod.ScoreCache = {}
    classify.train(scheme, records, answers, cache)
    model = classify.train(scheme, records, dict(list(answers.items())[:6]), cache)
    assert model is not None
    model.suggest(records[0])
    assert sorted(calls) == sorted(id(r) for r in records.values())
    # a record read again is another object: scored anew, never taken for the old one
    model.suggest(Record(title=records[0].title))
    assert len(calls) == len(records) + 1


def test_a_folds_word_weighting_is_its_training_texts_alone():
    """Leave-one-out counts the words once; each fold's TF-IDF is derived from its training
    rows, and is the weighting a vectoriser fitted on those texts gives: the held-out study's
    own words are not in its vocabulary, nor in the document frequencies."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [
        "Return to work with a coordinator for back pain",
        "A coordinator and the employer plan return to work",
        "Individual placement and support in mental health services",
        "Sunflower programme: a unique held-out word",
    ]
    corpus = model_mod.Corpus(texts)
    train = [0, 1, 2]
    fold = model_mod.FoldWeighting(corpus, train)
    fitted = TfidfVectorizer(analyzer=model_mod.analyse, sublinear_tf=True)
    fitted.fit([texts[i] for i in train])
    names = list(fold.get_feature_names_out())
    assert names == list(fitted.get_feature_names_out())
    assert "sunflow" in list(corpus.names()) and "sunflow" not in names
    assert (fold.transform(texts) != fitted.transform(texts)).nnz == 0
