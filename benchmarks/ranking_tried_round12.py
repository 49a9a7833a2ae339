"""What was tried for a lead (issue 17), round 12 on: their rows of the table and their part
of the paragraph in ``benchmarks/results/ranking.md``'s "What was tried" section
(:mod:`benchmarks.ranking_tried_later` adds them after round 11's)."""

from __future__ import annotations

__all__ = ["ROUND12", "TRIED_ROUND12"]

# (idea, figures, verdict), as ranking_tried.TRIED; mean WSS@95 on title_abstract unless said
TRIED_ROUND12 = [
    # round 12 (benchmarks/ranking_round12.py)
    (
        "calibrated ensemble (issue 17), the kept model and ASReview's elas_u4 model (LinearSVC, "
        "squared hinge as asreview's models.py sets it, C 0.11, Balanced ratio 9.8; scikit-learn "
        "1.9.1's liblinear, refitted at every refit), each member's scores standardised over the "
        "collection, summed at equal weight (fixed before running), seeds 0-2",
        "0.457 (12/15); with_keywords 0.452 (8/15); seed 0 0.454 / 0.456 (kept 0.466 / 0.456); "
        "recall@10 % 0.499 / 0.508; 7 smaller 0.401, 8 larger 0.506 (kept 0.405 / 0.510; "
        "title_abstract); Triptans -0.05, SkeletalMuscleRelaxants -0.02, Estrogens +0.01 "
        "(title_abstract), BetaBlockers -0.02 (with_keywords); CPU 3.0x / 3.2x the tables' loop "
        "(the kept model rerun at the same load, seed 0: 1.20x, the same WSS@95 run for run), "
        "smallest whole-process ratio 1.5x / 1.5x with the scikit-learn import (1.1 CPU-s), 2.7x /"
        " 2.8x without (misses 5x)",
        "dropped: lower on both halves of title_abstract, ties with_keywords, over the CPU budget;"
        " the members rank alike (Spearman 0.980-0.997 over the unscreened records)",
    ),
    (
        "the kept model and a logistic regression (liblinear, C 1: scikit-learn's default, which "
        "ASReview's logistic classifier keeps; the same Balanced weights), standardised scores "
        "summed at equal weight, seeds 0-2",
        "0.454 (11/15); with_keywords 0.454 (7/15); seed 0 0.452 / 0.460; recall@10 % 0.499 / "
        "0.508; 7 smaller 0.398, 8 larger 0.503 (title_abstract); Triptans -0.04, "
        "CalciumChannelBlockers -0.03, Nagtegaal -0.02 (title_abstract), BetaBlockers +0.07, "
        "Estrogens -0.02 (with_keywords); CPU 5.1x / 5.4x the tables' loop, smallest whole-process"
        " ratio 1.4x / 1.4x with the import (1.0 CPU-s), 2.1x / 2.1x without (misses 5x)",
        "dropped: lowers title_abstract on both halves; raises with_keywords by BetaBlockers alone"
        " (chosen on its 8 larger sets, +0.006 there, -0.004 on the 7 smaller); over the CPU "
        "budget",
    ),
    (
        "the same two pairs with each member's scores Platt-calibrated on the labels (Platt 1999: "
        "a sigmoid fitted to the labelled records' own scores with his smoothed targets, by Lin, "
        "Lin & Weng's 2007 Newton method with line search; the two probabilities summed), seed 0",
        "SVM pair 0.454 (10/15), logistic pair 0.452 (10/15) (kept 0.466, 11/15; standardised: "
        "0.454 / 0.452); recall@10 % 0.517 / 0.516; 7 smaller 0.393 / 0.387, 8 larger 0.508 / "
        "0.508 (kept 0.406 / 0.518); Triptans -0.11 / -0.12, SkeletalMuscleRelaxants -0.06 / "
        "-0.05, ProtonPumpInhibitors +0.00 / +0.04; CPU 3.2x / 5.3x, smallest ratio 1.2x / 1.1x "
        "with the import",
        "dropped: as the standardised sums. A first run with plain Newton steps (no line search) "
        "let the slope run away where the training scores separate the classes (A ≈ -1e9 to -1e10 "
        "on SkeletalMuscleRelaxants, Triptans, Opiods), so most records' probabilities tied at 1.0"
        " (0.399 / 0.380); those figures were discarded",
    ),
]

ROUND12 = (
    "A twelfth round (benchmarks/ranking_round12.py) measured issue 17's calibrated ensemble of "
    "linear models, settings fixed before running: the kept model beside ASReview's own model as "
    "elas_u4 sets it (asreview/models/models.py: LinearSVC with squared hinge, scikit-learn's "
    "default, not the plain hinge; C 0.11; Balanced weights at ratio 9.8) or beside a liblinear "
    "logistic regression (C 1, the same weights), each refitted on the same labels, the two "
    "members' scores standardised and summed at equal weight, both inputs, seeds 0-2; and the same"
    " pairs with each member's scores Platt-calibrated on the labels (probabilities summed), "
    "title_abstract, seed 0. None raised the title_abstract mean (0.454-0.457 against 0.461 over "
    "seeds 0-2; 0.452-0.454 against 0.466 on seed 0), each is lower on both halves, and the "
    "split-half check picks the kept setting on title_abstract either way (with_keywords, chosen "
    "on its 8 larger sets: the logistic pair, +0.006 there, -0.004 on the 7 smaller). The members "
    "rank nearly alike: over the unscreened records the SVM's scores follow the kept model's at "
    "Spearman 0.980-0.997 (median of each set's scorings, seed 0; `python -m "
    "benchmarks.ranking_round12 agree ens_svm`), and the pair's next record is the kept model's in"
    " 46-78 % of the scorings; where no labelled record passes the margin, a squared hinge at C "
    "0.11 is least squares at lam 1/(2C) ≈ 4.5 (round 3), so the SVM pair is a committee of two "
    "neighbouring regularisations, and the logistic loss is least squares to second order (round "
    "5). The cost alone misses the CPU target: scikit-learn's two models cost 0.83-0.92 CPU-s to "
    "import in a fresh process after reviewkit's own imports (1.0-1.2 at a 1-min load of 7-13), "
    "more than the kept model's whole simulation of the smallest sets (0.53-0.70 CPU-s), so the "
    "smallest whole-process ratio is 1.1-1.5x (1.5-2.8x without the import). No gain from this "
    "round: the product stays. "
)
