"""Round 9's word forms and committee (benchmarks/ranking_round9_model.py, measured by
benchmarks/ranking_round9.py): each form follows its published rules, the forms are applied
before the pairs are formed, and the committee is its two members' standardised sum, so the
figures in ranking.md measure the idea and not a slip. (The tests import the benchmark as
test_round8.py does.)"""

from __future__ import annotations

import numpy as np
import pytest
from ranking.conftest import make_records
from scipy import sparse

from benchmarks import ranking_round9 as round9
from benchmarks.ranking_round9_model import (
    TwoViews,
    form_features,
    s_stem,
    snowball,
    us_snowball,
    us_spelling,
)
from reviewkit.ranking import simulate as simulate_module
from reviewkit.ranking.model import KernelLeastSquares
from reviewkit.ranking.ranker import build_features, record_text

TEXTS = [
    "Randomised trial of employees returning to work",
    "A randomized trial: the employee returned to work",
    "Interventions for behaviour in children",
    "An intervening behavioral study of the child",
]


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("studies", "study"),  # -ies to -y
        ("aies", "aies"),  # not after a or e: the word stays
        ("doses", "dose"),  # -es to -e
        ("shoes", "shoes"),  # not after a, e or o: the word stays
        ("employees", "employees"),
        ("patients", "patient"),  # -s dropped
        ("status", "status"),  # not after u or s
        ("illness", "illness"),
        ("trial", "trial"),
    ],
)
def test_the_s_stemmer_is_harmans_three_rules(word, stem):
    assert s_stem(word) == stem


def test_snowball_joins_forms_the_s_stemmer_keeps_apart():
    stem = snowball()
    assert stem("employees") == stem("employee")
    assert s_stem("employees") != s_stem("employee")
    assert stem("intervening") == stem("intervened")
    assert stem("studies") == stem("studied") != s_stem("studied")
    # Porter2 removes -ize but not -ise: British spellings need the folding first
    assert stem("randomized") != stem("randomised")
    assert us_snowball()("randomised") == stem("randomized") == stem("randomly")


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("randomised", "randomized"),
        ("organisation", "organization"),
        ("analysed", "analyzed"),
        ("behaviour", "behavior"),
        ("behavioural", "behavioral"),
        ("tumours", "tumors"),
        ("oestrogen", "estrogen"),
        ("haemorrhage", "hemorrhage"),
        ("paediatric", "pediatric"),
        # words whose -ise or -our is their root stay
        ("exercise", "exercise"),
        ("promised", "promised"),
        ("otherwise", "otherwise"),
        ("noise", "noise"),
        ("hour", "hour"),
        ("four", "four"),
        ("contour", "contour"),
    ],
)
def test_us_spelling_folds_only_the_documented_forms(british, american):
    assert us_spelling(british) == american


def test_forms_are_taken_before_the_word_pairs():
    """Stemming each word of the texts and then building the kept features gives the same
    matrix as the forms' features (up to the order of the columns: compared by the Gram
    matrix), and the pair 'randomized trial' is one term across the two spellings' records."""
    stem = snowball()
    words = [[stem(w) for w in t.lower().replace(":", " ").split()] for t in TEXTS]
    X = form_features(TEXTS, snowball())
    Y = build_features([" ".join(w) for w in words])
    assert X.shape == Y.shape
    assert np.allclose((X @ X.T).toarray(), (Y @ Y.T).toarray())
    surface = build_features(TEXTS)
    assert (X @ X.T)[0, 1] > (surface @ surface.T)[0, 1]


def test_the_committee_sums_its_members_standardised_scores():
    records = make_records()
    texts = [record_text(t, a) for t, a, _ in records]
    y = np.array([r[2] for r in records])
    rows = np.r_[np.flatnonzero(y == 1)[:5], np.flatnonzero(y == 0)[:25]]
    surface, stemmed = build_features(texts), form_features(texts, snowball())
    X = sparse.hstack([surface, stemmed], format="csr")
    committee = TwoViews(surface.shape[1], (1.0, 0.5)).fit_rows(X, rows, y[rows])
    one = KernelLeastSquares().fit_rows(surface, rows, y[rows]).decision_function(surface)
    two = KernelLeastSquares().fit_rows(stemmed, rows, y[rows]).decision_function(stemmed)
    assert np.allclose(committee.decision_function(X), one + 0.5 * two)


def test_the_harness_builds_the_variants_features_inside_the_simulation(tmp_path):
    """While a variant is open, simulate's features are the variant's (so its CPU counts the
    forms); after, the kept ones again."""
    with round9.features_of("snowball"):
        X = simulate_module.build_features(TEXTS)
    assert X.shape == form_features(TEXTS, snowball()).shape != build_features(TEXTS).shape
    assert simulate_module.build_features is build_features
    with round9.features_of("views"):
        X = simulate_module.build_features(TEXTS)
        model = round9.VARIANTS["views"]()
    assert model.split == build_features(TEXTS).shape[1] < X.shape[1]
