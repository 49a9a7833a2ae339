"""Round 13's features (benchmarks/ranking_round13.py): the no-abstract column is 1 exactly for
the records whose abstract field is empty (with keywords too) beside the kept features, and the
word pairs of ``seams`` stay within a field and a sentence while the words are the kept ones,
and ``title_cap``'s second title copy stops at the collection's median title length, so the figures in ranking.md measure the idea and not a slip. (The tests import the benchmark
as test_round9.py does.)"""

from __future__ import annotations

import numpy as np
from ranking.conftest import make_records, write_csv

from benchmarks import ranking_round13 as round13
from reviewkit.ranking import simulate as simulate_module
from reviewkit.ranking.features import term_counts
from reviewkit.ranking.ranker import build_features

LABEL = "label_included"


def _features(name, path):
    """The texts of the set at ``path`` and the features variant ``name`` builds for them
    inside a simulation (the set read by the simulation's own loader)."""
    with round13.features_of(name):
        texts = simulate_module._labelled(path, LABEL).texts
        return texts, simulate_module.build_features(texts)


def test_a_record_is_cut_at_its_fields_and_sentences():
    abstract = (
        "We gave 0.5 mg daily vs. placebo. Return to work rose; Twelve employers took part!"
        " BACKGROUND: None. (Secondary) outcomes were sick leave? 42 patients left. Adult; "
        "Humans; Sick Leave"
    )
    assert round13.pieces("Return to work", abstract) == [
        "Return to work",
        "Return to work",  # the title's two copies: no pair across them
        "We gave 0.5 mg daily vs. placebo.",  # no cut inside a number or before "placebo"
        "Return to work rose;",
        "Twelve employers took part!",
        "BACKGROUND:",  # a structured abstract's heading (before a capital)
        "None.",
        "(Secondary) outcomes were sick leave?",
        "42 patients left.",
        "Adult;",  # appended keywords: each one a piece
        "Humans;",
        "Sick Leave",
    ]
    assert round13.pieces("", "One sentence only") == ["One sentence only"]
    assert round13.pieces("Title only", "") == ["Title only", "Title only"]


def test_seams_pairs_words_within_a_piece_only(tmp_path):
    rows = [
        ("alpha beta", "Gamma delta. Epsilon zeta", 1),
        ("eta theta", "Iota kappa", 0),
        ("alpha beta", "", 0),
        ("lambda mu", "", 1),
    ]
    path = write_csv(tmp_path / "set.csv", rows)
    texts, X = _features("seams", path)
    counts, words, pairs = term_counts(texts)
    kept_pairs = {f"{words[a]} {words[b]}" for a, b in pairs}
    assert {"beta alpha", "beta gamma", "delta epsilon", "theta eta", "theta iota"} <= kept_pairs
    # the kept features hold 12 words and 12 pairs (each text's pairs across its seams among
    # them); seams keeps the 12 words and only the pairs within a piece: alpha beta, gamma
    # delta, epsilon zeta, eta theta, iota kappa, lambda mu
    assert len(words) == 12 and len(pairs) == 12
    assert X.shape == (4, 18)
    assert np.allclose(np.asarray((X.multiply(X)).sum(axis=1)).ravel(), 1.0)  # unit rows


def test_seams_keeps_the_kept_words_and_drops_only_pairs(tmp_path):
    path = write_csv(tmp_path / "set.csv", make_records(n=60, n_includes=8))
    texts, X = _features("seams", path)
    kept = build_features(texts)
    # the constructed records have no sentence ends: only the two seams' pairs go
    assert X.shape[0] == kept.shape[0] and X.shape[1] < kept.shape[1]
    assert X.nnz < kept.nnz
    assert (X.getnnz(axis=1) <= kept.getnnz(axis=1)).all()


def test_noabs_adds_one_column_for_the_records_without_an_abstract(tmp_path):
    rows = [*make_records(n=40, n_includes=6)]
    rows[3] = (rows[3][0], "", rows[3][2])
    rows[17] = (rows[17][0], "NA", 0)  # a missing-value marker: no abstract
    path = write_csv(tmp_path / "set.csv", rows)
    texts, X = _features("noabs", path)
    kept = build_features(texts)
    assert X.shape == (kept.shape[0], kept.shape[1] + 1)
    assert (X[:, :-1] != kept).nnz == 0
    column = X[:, -1].toarray().ravel()
    assert column.tolist() == [1.0 if i in (3, 17) else 0.0 for i in range(len(rows))]


def test_noabs_reads_the_abstract_field_without_the_keywords(tmp_path):
    """A with_keywords CSV holds the keywords in its abstract column: a record with keywords
    and no abstract still counts as one without an abstract."""
    (tmp_path / "title_abstract").mkdir()
    (tmp_path / "with_keywords").mkdir()
    plain = [
        ("first title", "an abstract here", 1),
        ("second title", "", 0),
        ("third", "", 0),
        ("fourth title", "another abstract", 1),
    ]
    write_csv(tmp_path / "title_abstract" / "set.csv", plain)
    with_keywords = [
        (t, f"{a} Humans; Adult".strip() if i < 2 else a, y) for i, (t, a, y) in enumerate(plain)
    ]
    path = write_csv(tmp_path / "with_keywords" / "set.csv", with_keywords)
    _, X = _features("noabs", path)
    assert X[:, -1].toarray().ravel().tolist() == [0.0, 1.0, 1.0, 0.0]


def test_a_simulation_runs_on_each_variants_features(tmp_path):
    path = write_csv(tmp_path / "set.csv", make_records(n=80, n_includes=10))
    for name in ("noabs", "seams", "title_cap"):
        with round13.features_of(name):
            result = simulate_module.simulate(path, LABEL, seed=0)
        assert sorted(result.order) == list(range(80))


def test_title_cap_cuts_the_second_copy_at_the_median_title_length(tmp_path):
    rows = [
        ("one two three four five", "an abstract", 1),
        ("six seven eight", "", 0),
        ("nine ten eleven twelve thirteen fourteen fifteen", "more text", 1),
        ("", "no title at all", 0),  # not counted in the median
    ]
    assert round13.capped_title_texts([(t, a) for t, a, _ in rows]) == [
        "one two three four five one two three four five an abstract",
        "six seven eight six seven eight",
        "nine ten eleven twelve thirteen fourteen fifteen nine ten eleven twelve thirteen more text",
        "no title at all",
    ]
    path = write_csv(tmp_path / "set.csv", rows)
    texts, X = _features("title_cap", path)
    assert texts[2].count("fourteen") == 2  # the kept text: the whole title twice
    expected = build_features(round13.capped_title_texts([(t, a) for t, a, _ in rows]))
    assert X.shape == expected.shape and abs(X - expected).max() == 0
