"""Round 10's passages and committee (benchmarks/ranking_round10_model.py, measured by
benchmarks/ranking_round10.py): passages are split and weighted as the records are, a record
scores the stated mix of its own and its best passage's score, and the bagged committee is the
mean of the kept model fitted on its bootstrap samples, so the figures in ranking.md measure
the idea and not a slip. (The tests import the benchmark as test_round9.py does.)"""

from __future__ import annotations

import numpy as np
import pytest
from ranking.conftest import make_records, write_csv

from benchmarks import ranking_round10 as round10
from benchmarks.ranking_round10_model import (
    BaggedLeastSquares,
    PassageLeastSquares,
    passage_features,
    passages,
)
from reviewkit.ranking import simulate as simulate_module
from reviewkit.ranking.model import KernelLeastSquares, _standardised
from reviewkit.ranking.ranker import build_features, record_text


def test_a_record_is_its_title_and_its_abstracts_sentences():
    abstract = (
        "We gave 0.5 mg daily vs. placebo. Return to work rose.; Twelve employers took part!"
        " (Secondary) outcomes were sick leave? 42 patients left. Adult; Humans; Sick Leave"
    )
    assert passages("Return to work", abstract) == [
        "Return to work",
        "We gave 0.5 mg daily vs. placebo.",  # no split inside a number or before "placebo"
        "Return to work rose.",
        "Twelve employers took part!",  # a structured abstract's ".; " ends a sentence
        "(Secondary) outcomes were sick leave?",
        "42 patients left.",
        "Adult; Humans; Sick Leave",  # appended keywords: a passage of their own
    ]
    assert passages("", "One sentence only") == ["One sentence only"]
    assert passages("", "") == []


def _sentenced(records):
    """The constructed records with each abstract made two sentences."""
    out = []
    for title, abstract, label in records:
        words = abstract.split()
        out.append((title, f"{' '.join(words[:6]).capitalize()}. {' '.join(words[6:])}.", label))
    return out


def test_a_passage_is_weighted_as_a_record_of_its_text_would_be():
    """The records' rows are build_features' (same Gram matrix); a passage whose text is also
    a record's text gets that record's row (the records' idf, sublinear tf, unit length)."""
    records = _sentenced(make_records())
    texts = [record_text(t, a) for t, a, _ in records]
    parts = [passages(t, a) for t, a, _ in records]
    texts.append(parts[0][1])  # a record that is the first record's first sentence
    parts.append(passages("", parts[0][1]))
    X, P, first = passage_features(texts, parts)
    Y = build_features(texts)
    assert np.allclose((X @ X.T).toarray(), (Y @ Y.T).toarray())
    assert len(first) == len(texts) + 1 and first[-1] == P.shape[0]
    assert np.allclose((P[1] - X[len(texts) - 1]).toarray(), 0.0)
    assert np.allclose(np.asarray(P.multiply(P).sum(axis=1)).ravel(), 1.0)


@pytest.fixture
def fitted_data():
    records = _sentenced(make_records())
    texts = [record_text(t, a) for t, a, _ in records]
    parts = [passages(t, a) for t, a, _ in records]
    parts[3] = []  # a record without passages scores as itself
    X, P, first = passage_features(texts, parts)
    y = np.array([r[2] for r in records])
    rows = np.r_[np.flatnonzero(y == 1)[:5], np.flatnonzero(y == 0)[:25]]
    return X, P, first, rows, y[rows]


@pytest.mark.parametrize("weight", [0.0, 0.5, 1.0])
def test_a_record_scores_the_mix_of_its_own_and_its_best_passages_score(fitted_data, weight):
    X, P, first, rows, y = fitted_data
    model = PassageLeastSquares(P, first, weight).fit_rows(X, rows, y)
    kept = KernelLeastSquares().fit_rows(X, rows, y)
    doc = np.asarray(X @ kept.w).ravel() + kept.b
    each = np.asarray(P @ kept.w).ravel() + kept.b
    best = np.array(
        [
            each[first[i] : first[i + 1]].max() if first[i + 1] > first[i] else doc[i]
            for i in range(len(doc))
        ]
    )
    expected = _standardised((1 - weight) * doc + weight * best)
    assert np.allclose(model.decision_function(X), expected)
    if weight == 0:
        assert np.allclose(model.decision_function(X), kept.decision_function(X))


@pytest.mark.parametrize("stratified", [True, False])
def test_the_bagged_committee_is_the_mean_of_the_kept_model_on_its_samples(fitted_data, stratified):
    """Each member is the kept model fitted on its bootstrap sample, each drawn row once per
    draw (the weights of k copies); the committee scores by the members' mean."""
    X, _, _, rows, y = fitted_data
    committee = BaggedLeastSquares(members=3, stratified=stratified).fit_rows(X, rows, y)
    raw = []
    for member in range(3):
        k = committee._sample(y, member)
        assert k.sum() == len(y) and 0 < k[y == 1].sum() < len(y)
        if stratified:  # the class counts are the labels'
            assert k[y == 1].sum() == (y == 1).sum()
        copies = np.repeat(np.arange(len(y)), k)
        one = KernelLeastSquares().fit_rows(X, rows[copies], y[copies])
        raw.append(np.asarray(X @ one.w).ravel() + one.b)
    assert np.allclose(committee.decision_function(X), _standardised(np.mean(raw, axis=0)))
    again = BaggedLeastSquares(members=3, stratified=stratified).fit_rows(X, rows, y)
    assert np.array_equal(again.decision_function(X), committee.decision_function(X))


def test_the_harness_reads_the_passages_inside_the_simulation(tmp_path):
    """While a passage variant is open, reading a set keeps each record's passages and the
    features carry them to the model (so a run's CPU counts them); after, the kept ones."""
    records = _sentenced(make_records(40, 6))
    path = write_csv(tmp_path / "set.csv", records)
    with round10.features_of("passage"):
        data = simulate_module.load_labelled_set(path)
        X = simulate_module.build_features(data.texts)
        model = round10.VARIANTS["passage"]()
    assert model.P.shape[0] == sum(len(passages(t, a)) for t, a, _ in records)
    assert model.P.shape[1] == X.shape[1] and model.weight == 0.5
    assert simulate_module.build_features is build_features
    result = simulate_module.simulate(path, seed=0)
    with round10.features_of("passage_max"):
        best_alone = simulate_module.simulate(
            path, seed=0, model_factory=round10.VARIANTS["passage_max"]
        )
    assert sorted(best_alone.order) == sorted(result.order) == list(range(40))
