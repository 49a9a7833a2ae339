"""What was tried for a lead (issue 17), the rounds after the sixth: their rows of the table and
their part of the paragraph in ``benchmarks/results/ranking.md``'s "What was tried" section
(:func:`benchmarks.ranking_tried.tried_lines` joins them to the earlier rounds'); rounds 7-11
here, rounds 12 to 15 in :mod:`benchmarks.ranking_tried_rounds12_15`, round 16 in
:mod:`benchmarks.ranking_tried_round16`, round 17 in :mod:`benchmarks.ranking_tried_round17`."""

from __future__ import annotations

from benchmarks.ranking_tried_round16 import ROUND16, TRIED_ROUND16
from benchmarks.ranking_tried_round17 import ROUND17, TRIED_ROUND17
from benchmarks.ranking_tried_rounds12_15 import FROM_ROUND12, TRIED_FROM_ROUND12

__all__ = ["LATER_ROUNDS", "TRIED_LATER"]

# (idea, figures, verdict), as ranking_tried.TRIED; mean WSS@95 on title_abstract unless said
TRIED_LATER = (
    [
        # round 7 (benchmarks/ranking_round7.py)
        (
            "naive-Bayes-scaled features (NBSVM's, Wang & Manning 2012): each term scaled by its "
            "log-count ratio r = log((p / ‖p‖₁) / (q / ‖q‖₁)), p and q alpha 1 + the summed TF-IDF "
            "rows of the includes / excludes given, recomputed at each refit; the scaled rows set to "
            "unit length again (lam 3 was set for unit rows); the kept model on them, seeds 0-2",
            "0.388 (0/15); with_keywords 0.408 (1/15); recall@10 % 0.430 / 0.428; CPU 4.3-4.7x, "
            "smallest ratio 2.2x / 2.1x",
            "dropped: a term no labelled record holds gets r ≈ 0, so the model sees only words "
            "already labelled; lower on both inputs, over the CPU budget",
        ),
        (
            "the same with r from binarised counts (records holding a term: the paper's best "
            "setting), seed 0",
            "0.310 (1/15); with_keywords 0.339 (2/15); recall@10 % 0.423 / 0.468; Triptans -0.55 "
            "(title_abstract); CPU 2.8-3.0x, smallest ratio 1.7x / 1.9x (the kept setting on seed 0: "
            "4.7x / 4.5x)",
            "dropped",
        ),
        (
            "NBSVM as the paper sets it, the kept least squares in place of its SVM: r from binarised "
            "counts, rows not renormalised, weights interpolated w' = (1 - beta) w̄ + beta w, beta "
            "0.25 (adds a naive Bayes score), seed 0",
            "0.344 (2/15); with_keywords 0.370 (2/15); recall@10 % 0.457 / 0.448; CPU 2.9x, smallest "
            "ratio 2.1x / 2.3x",
            "dropped",
        ),
        (
            "the kept ranking fused with a Rocchio relevance-feedback query (beta 0.75 × the "
            "includes' centroid − gamma 0.15 × the excludes', SMART's values; Rocchio 1971) by "
            "reciprocal rank (Cormack, Clarke & Büttcher 2009, k 60, both lists over the unscreened "
            "records), seeds 0-2",
            "0.439 (7/15); with_keywords 0.444 (9/15); recall@10 % 0.506 / 0.530; UrinaryIncontinence "
            "-0.10 / -0.13, Opiods -0.10 / -0.10, ACEInhibitors +0.05; CPU 1.5-1.6x, smallest ratio "
            "4.1x / 4.4x (misses 5x)",
            "dropped: lowers both inputs; earlier includes on with_keywords, the last ones later",
        ),
        # round 8 (benchmarks/ranking_round8.py)
        (
            "label spreading (Zhou et al. 2004: F = (1 - alpha)(I - alpha S)⁻¹ Y, alpha 0.99 as in "
            "the paper, S = D^-½ W D^-½ of a 10-nearest-neighbour graph of the collection's TF-IDF "
            "rows weighted by the cosine, built once per collection; Y the kept class weights × ±1), "
            "the score F alone, seeds 0-2",
            "0.256 (1/15); with_keywords 0.250 (1/15); recall@10 % 0.445 / 0.459; CPU 0.8x, smallest "
            "ratio 7.3x / 6.4x",
            "dropped: the labels' net mass (includes 9.8x the excludes in total) spreads along D^½ 1, "
            "amplified 100x at alpha 0.99: the unlabelled records rank by their degree (Spearman "
            "0.87-0.99 with √degree on 14 sets)",
        ),
        (
            "the same beside the kept model (round 5's committee: standardised scores summed, equal "
            "weight fixed before running), seeds 0-2",
            "0.383 (3/15); with_keywords 0.375 (4/15); recall@10 % 0.519 / 0.531; UrinaryIncontinence "
            "-0.18 / -0.21, Triptans -0.23 / -0.12, SkeletalMuscleRelaxants -0.17 / -0.29; CPU "
            "1.9-2.0x (the n × n factor and a pair of triangular solves a fit), smallest ratio 4.5x / "
            "4.7x (misses 5x)",
            "dropped",
        ),
        (
            "label spreading with each class's labels at unit mass (+1 / includes, -1 / excludes: Y "
            "sums to 0, the idea of Zhu, Ghahramani & Lafferty's 2003 class mass normalisation; "
            "chosen from the rows above's diagnosis, not from their WSS), alone, seeds 0-2",
            "0.391 (5/15); with_keywords 0.374 (4/15); recall@10 % 0.481 / 0.479; Opiods +0.18 / "
            "+0.11, ADHD +0.14 / +0.17, SkeletalMuscleRelaxants -0.38 / -0.36, BetaBlockers -0.38 / "
            "-0.36; CPU 0.8x, smallest ratio 7.5x / 6.4x",
            "dropped: still follows the degree (Spearman 0.40-0.88 with √degree on 13 sets: the "
            "labelled includes' √degree differs from the excludes')",
        ),
        (
            "the same beside the kept model (equal weight), seeds 0-2",
            "0.460 (8/15); with_keywords 0.451 (4/15); seed 0 0.464 / 0.459; recall@10 % 0.504 / "
            "0.502; ADHD +0.10 / +0.11, Opiods +0.11 / +0.11, Nagtegaal +0.05, "
            "SkeletalMuscleRelaxants -0.13 / -0.15, Triptans -0.13 / -0.03; CPU 1.5-1.6x, smallest "
            "ratio 5.6x / 5.1x",
            "dropped: ties the kept setting on both inputs (0.461 / 0.452) with fewer sets at or "
            "above ASReview; chosen on the 8 larger sets (title_abstract, +0.007) it loses 0.010 on "
            "the 7 smaller",
        ),
        (
            "label spreading with each class's mass counted in √degree (an include +1 / Σ √d over the "
            "includes, an exclude -1 / Σ √d over the excludes: nothing along D^½ 1; Spearman with "
            "√degree -0.35 to 0.23), beside the kept model (equal weight), seeds 0-2",
            "0.451 (7/15); with_keywords 0.452 (7/15); seed 0 0.461 / 0.453; recall@10 % 0.488 / "
            "0.494; ADHD +0.11 / +0.12, Opiods +0.10 / +0.11, ProtonPumpInhibitors -0.13 / -0.10, "
            "SkeletalMuscleRelaxants -0.12 / -0.09, Triptans -0.12 / -0.04; CPU 1.5x, smallest ratio "
            "5.2x / 5.0x",
            "dropped: lowers title_abstract; chosen on the 7 smaller sets (with_keywords, +0.018) it "
            "loses 0.017 on the 8 larger",
        ),
        (
            "pairwise ranking loss: RankRLS (Pahikkala et al. 2007) on the (include, exclude) pairs, "
            "closed form α = (L K + lam I)⁻¹ L t, L the pairs' Laplacian scaled to mean degree 1 (as "
            "the kept weights have mean 1), the kept kernel and lam 3 (the paper chose lam by "
            "cross-validation), seeds 0-2",
            "0.446 (6/15); with_keywords 0.444 (3/15); seed 0 0.453 / 0.445; recall@10 % 0.506 / "
            "0.498; ProtonPumpInhibitors -0.05 / -0.04, ADHD -0.03 / -0.07; CPU 1.4x, smallest ratio "
            "5.5x / 5.6x",
            "dropped: its loss is 'balanced'-weighted least squares plus a term on the gap between "
            "the classes' mean residuals; the includes weigh as the 'balanced' weights' (0.440) did",
        ),
        # round 9 (benchmarks/ranking_round9.py)
        (
            "every word Snowball-stemmed (English, Porter 2001's Porter2; the snowballstemmer "
            "package) before the 1-2-grams are formed, the kept TF-IDF and model on the stems; each "
            "distinct word stemmed once (5,100-16,300 words to 3,800-11,000 stems, 0.12-0.40 CPU-s "
            "a set), seeds 0-2",
            "0.445 (8/15); with_keywords 0.453 (7/15); recall@10 % 0.519 / 0.527; Triptans -0.08, "
            "Opiods -0.06 / -0.05, SkeletalMuscleRelaxants -0.06 / -0.01 (title_abstract / "
            "with_keywords), BetaBlockers +0.06 (with_keywords); CPU 1.25-1.30x, smallest ratio "
            "4.6x / 4.1x (misses 5x; importing snowballstemmer adds 0.04 s more)",
            "dropped: lowers title_abstract; the stems bring the excludes nearer the includes as "
            "they bring the includes nearer each other",
        ),
        (
            "every word S-stemmed (Harman 1991's three rules: -ies to -y, -es to -e, -s dropped, "
            "with its exceptions -eies, -aes, -us, -ss ...; plurals only; read as Lucene's "
            "EnglishMinimalStemmer reads it) before the 1-2-grams, seeds 0-2",
            "0.447 (8/15); with_keywords 0.459 (8/15); recall@10 % 0.515 / 0.524; Triptans -0.08, "
            "CalciumChannelBlockers -0.05, ProtonPumpInhibitors +0.05 (title_abstract), "
            "BetaBlockers +0.11 (with_keywords); CPU 1.07-1.11x, smallest ratio 5.6x / 5.4x",
            "dropped: lowers title_abstract (raises with_keywords: chosen on its 7 smaller sets, "
            "+0.010 there, +0.003 on the 8 larger)",
        ),
        (
            "committee of two views (issue 17's query by committee): the kept model on the surface "
            "words and the kept model on the Snowball stems, standardised scores summed at equal "
            "weight (fixed before running), seeds 0-2",
            "0.452 (8/15); with_keywords 0.459 (9/15); recall@10 % 0.518 / 0.526; "
            "SkeletalMuscleRelaxants -0.04, CalciumChannelBlockers -0.04, Opiods -0.03, Nagtegaal "
            "+0.03 (title_abstract), BetaBlockers +0.07 (with_keywords); CPU 2.2x (two Gram "
            "matrices and the stems), smallest ratio 3.5x / 3.4x (misses 5x)",
            "dropped: lowers title_abstract, over the CPU budget (raises with_keywords: chosen on "
            "its 8 larger sets, +0.005 there, +0.007 on the 7 smaller)",
        ),
        (
            "British spellings folded to American before the Snowball stemmer (a short rule set: "
            "-ise / -yse to -ize / -yze after 4+ letters, -our to -or, ae / oe in 15 classical "
            "medical stems such as haem-, oestr-, paed-; words whose -ise or -our is their root "
            "kept), seeds 0-2",
            "0.447 (8/15); with_keywords 0.453 (8/15); recall@10 % 0.518 / 0.530; Estrogens +0.03 "
            "where Snowball alone -0.00, Triptans -0.08 (title_abstract); CPU 1.22-1.23x, smallest "
            "ratio 4.6x / 4.3x (misses 5x)",
            "dropped: as Snowball alone (+0.002 / +0.000 on it)",
        ),
        # round 10 (benchmarks/ranking_round10.py)
        (
            "passage-level evidence (Callan 1994): the kept model fitted on whole records; "
            "its weights w = Xᵀα score each passage (the title, and each sentence of the "
            "abstract: a stop, ! or ? before a capital, a digit or a bracket; keywords "
            "appended to the abstract are a passage of their own), the passages' rows "
            "weighted and normalised as the records' (the records' idf and dropped terms, 1 +"
            " ln tf, unit length); a record scores 0.5 × its own score + 0.5 × its best "
            "passage's (Callan's weighted sum of document and best-passage evidence, weight "
            "fixed before running), seeds 0-2",
            "0.438 (5/15); with_keywords 0.439 (6/15); seed 0 0.439 / 0.440; recall@10 % "
            "0.511 / 0.506; Triptans -0.15 / -0.08, Opiods -0.05 / -0.08, BetaBlockers -0.07 "
            "/ +0.04, ADHD +0.03 / +0.02; CPU 1.45x / 1.49x (passages counted with the "
            "records, one more product a fit), smallest ratio 4.8x / 4.6x (misses 5x)",
            "dropped: lowers both inputs; the best of ten or so sentences is higher the more "
            "sentences a record has, whatever it is about (among the excludes the best "
            "passage's lift over the record's own score follows the passage count, Spearman "
            "0.02-0.58, median 0.24, positive on 14 of 15 sets)",
        ),
        (
            "the best passage alone (Callan's max-passage ranking: weight 1), seeds 0-2",
            "0.421 (5/15); with_keywords 0.410 (4/15); recall@10 % 0.505 / 0.492; Triptans "
            "-0.13 / -0.11, Opiods -0.11 / -0.16, ACEInhibitors -0.08 / -0.08, "
            "SkeletalMuscleRelaxants +0.06 / -0.06; CPU 1.53x / 1.57x, smallest ratio 5.1x / "
            "4.6x",
            "dropped: lower still",
        ),
        (
            "query by bagging (Abe & Mamitsuka 1998): a committee of 5 kept models on "
            "bootstrap samples of the labels, drawn afresh at each fit (seeded by the member "
            "and the number of labels) within each class (stratified: each member keeps the "
            "labels' class counts and so the kept class weights; no member without an "
            "include), one Gram matrix shared (a row drawn k times weighs k times), the "
            "members' mean score (the exploitation form; disagreement not used), seeds 0-2",
            "0.450 (8/15); with_keywords 0.452 (7/15); seed 0 0.455 / 0.451; recall@10 % "
            "0.505 / 0.503; Triptans -0.04, SkeletalMuscleRelaxants -0.04 / -0.03, "
            "ACEInhibitors -0.02 / -0.02, BetaBlockers -0.01 / +0.04; CPU 1.80x / 1.92x (five"
            " solves a fit), smallest ratio 4.4x / 4.5x (misses 5x)",
            "dropped: lowers title_abstract, ties with_keywords; least squares is a stable "
            "learner, which bagging smooths but does not improve (Breiman 1996), and each "
            "member sees about 63 % of the few includes",
        ),
        (
            "the same committee on the paper's plain bootstrap of all the labels (a sample "
            "without an include or an exclude drawn again; the kept class weights of each "
            "sample's counts), seeds 0-2",
            "0.446 (8/15); with_keywords 0.450 (5/15); recall@10 % 0.512 / 0.497; "
            "CalciumChannelBlockers -0.06 / +0.02, Triptans -0.05 / +0.01, "
            "SkeletalMuscleRelaxants -0.04 / -0.04, BetaBlockers -0.01 / +0.08; CPU 1.99x / "
            "1.97x, smallest ratio 4.1x / 4.4x (misses 5x)",
            "dropped: lower than the stratified draw on both inputs",
        ),
        # round 11 (benchmarks/ranking_round11.py): a pretrained word representation
        (
            "a pretrained word representation: WordLlama's token embeddings (wordllama 0.4.0.post1, "
            "MIT wheel; l2_supercat, 32,000 × 256, trained from the LLaMA 2 70B and Phi-3 token "
            "codebooks), a record the mean of its tokens' vectors (title twice and abstract, as "
            "ranked), centred on the collection and unit length; the kept model on those 256 "
            "columns alone, seeds 0-2",
            "0.387 (8/15); recall@10 % 0.460; Triptans -0.45, SkeletalMuscleRelaxants -0.44, "
            "BetaBlockers -0.28, Nagtegaal -0.18, Opiods +0.21, ProtonPumpInhibitors +0.13; CPU "
            "1.88x (embedding included), smallest ratio 3.6x (misses 5x)",
            "dropped: lower on both halves; a record's nearest include tells includes from excludes "
            "less well in the embedding (AUC 0.835 against 0.866 on TF-IDF, lower on 12 of 15 sets)",
        ),
        (
            "the TF-IDF rows beside the embedding, √0.75 · TF-IDF and √0.25 · embedding (kernel "
            "0.75 cos + 0.25 cos_emb, diagonal 1; the weight fixed before running), seeds 0-2",
            "0.425 (7/15); recall@10 % 0.494; SkeletalMuscleRelaxants -0.44, Triptans -0.28, "
            "BetaBlockers -0.16, Opiods +0.18, Antihistamines +0.13; CPU 2.00x, smallest ratio 3.6x",
            "dropped",
        ),
        (
            "committee: the kept model and the embedding model, scores turned into ranks and "
            "averaged 0.5 / 0.5, seeds 0-2",
            "0.433 (7/15); recall@10 % 0.494; Triptans -0.29, SkeletalMuscleRelaxants -0.28, "
            "BetaBlockers -0.20, Opiods +0.18, ProtonPumpInhibitors +0.09; CPU 2.66x, smallest "
            "ratio 3.3x",
            "dropped",
        ),
        (
            "the embedding as a cold start: the embedding model while the labels hold one include "
            "(the prior), the kept model from the second include on, seeds 0-2",
            "0.453 (9/15); with_keywords 0.451 (8/15, kept 0.452, 9/15); recall@10 % 0.494 / "
            "0.491; Triptans -0.06, "
            "SkeletalMuscleRelaxants -0.05 (title_abstract); CPU 1.57x / 1.68x, smallest ratio "
            "3.9x / 3.4x",
            "dropped: lowers title_abstract on both halves, over the CPU budget",
        ),
    ]
    + TRIED_FROM_ROUND12
    + TRIED_ROUND16
    + TRIED_ROUND17
)

# The rounds in words, run on in the paragraph after the sixth round (each ends in a space).
ROUND7 = (
    "A seventh round (benchmarks/ranking_round7.py) measured two models of other kinds at the "
    "literature's default settings only, on both inputs. Naive-Bayes-scaled features (NBSVM's, "
    "Wang & Manning 2012: each term scaled by its log-count ratio r of the labels given, alpha 1, "
    "recomputed at each refit, and the kept model on them) lower both inputs on every variant: r "
    "from the summed TF-IDF rows, rows set to unit length again, 0.388 / 0.408 over seeds 0-2 "
    "against 0.461 / 0.452; on seed 0 r from binarised counts 0.310 / 0.339, and the paper's own "
    "setting (binarised counts, rows not renormalised, the weights interpolated at beta 0.25, "
    "which adds a naive Bayes score) 0.344 / 0.370, against 0.466 / 0.456. With alpha 1 a term "
    "that no labelled record holds gets r = log(|q|₁ / |p|₁), about 0: at seed 0's two priors "
    "under 1e-4 against a median 0.04-0.05 for the terms those two records hold, and 92-97 % of a "
    "record's squared TF-IDF mass (the median, on each of the 15 sets; `python -m "
    "benchmarks.ranking_round7 unseen`) is on such terms. The scaled model sees only the words of "
    "the records already labelled, while the last includes, which decide WSS@95, are the ones "
    "whose words the labelled includes lack; r is also refitted from a few includes, and "
    "recall@10 % falls as well (0.417-0.468 against 0.516 / 0.522 on seed 0). It costs 3-5x the "
    "CPU (the kernel changes with r at every fit, so no Gram matrix can be kept), smallest ratio "
    "2.2x / 2.1x. Fusing the kept ranking with a Rocchio relevance-feedback query (Rocchio 1971; "
    "beta 0.75, gamma 0.15, the SMART values in Manning, Raghavan & Schütze 2008, 9.1.1; no "
    "original query) by reciprocal rank (Cormack, Clarke & Büttcher 2009, k 60, over the "
    "unscreened records) was chosen because the two rankers err differently (a centroid of every "
    "include against a discriminative fit led by the excludes it chose) and rank fusion with a "
    "constant fixed on other collections needs no calibration or tuning to these sets; it finds "
    "includes earlier on with_keywords (recall@10 % 0.530 against 0.508) and lowers both means "
    "(0.439 / 0.444 over seeds 0-2): UrinaryIncontinence loses 0.10 / 0.13 and Opiods 0.10 on "
    "both inputs, as ACEInhibitors gains 0.05: the centroid ranks records by how like the average "
    "include they are, presumably the outlying includes last. Split-half check over the kept "
    "setting, NB-scaled features and the fusion (seeds 0-2): both inputs pick the kept setting on "
    "either half (so too on seed 0 among the kept setting and all four of this round's settings). "
    "The kept model rerun in the same conditions (seed 0) gave the same orders at 1.00x its "
    "tables' CPU, so the CPU factors are the models' own. No gain from this round. "
)
ROUND8 = (
    "An eighth round (benchmarks/ranking_round8.py) measured two more kinds at the literature's "
    "defaults, on both inputs, seeds 0-2: label spreading over a 10-nearest-neighbour cosine "
    "graph of the whole collection (Zhou et al. 2004, alpha 0.99), alone and beside the kept "
    "model at an equal weight fixed before running, and a pairwise ranking loss (RankRLS, "
    "Pahikkala et al. 2007, on the include-exclude pairs, the kept kernel and lam 3: the paper "
    "sets no lam). With the kept class weights (includes 9.8x the excludes in total) the labels' "
    "net mass spreads along the graph's leading eigenvector, D^½ 1, amplified 1 / (1 - alpha) = "
    "100 times against the components that separate the classes, and the unlabelled records rank "
    "by their degree (Spearman 0.87-0.99 with √degree on 14 of the 15 sets; `python -m "
    "benchmarks.ranking_round8 degree`): 0.256 / 0.250 alone, 0.383 / 0.375 in the committee. Two "
    "class masses that follow from that diagnosis, not from the WSS, were measured next: each "
    "class's labels at unit mass (still 0.40-0.88 with √degree on 13 sets) and counted in √degree "
    "(nothing along D^½ 1); in the committee they score 0.460 / 0.451 and 0.451 / 0.452 against "
    "0.461 / 0.452, gains on ADHD (+0.10 to +0.12) and Opiods (+0.10 to +0.11) offset by "
    "SkeletalMuscleRelaxants (9 includes, -0.09 to -0.15) and Triptans; split-half, each is "
    "chosen on one half of one input and loses on the other (the unit mass +0.007 on the 8 larger "
    "sets, -0.010 on the 7 smaller, title_abstract; the √degree mass +0.018 on the 7 smaller, "
    "-0.017 on the 8 larger, with_keywords). RankRLS (0.446 / 0.444) expands to least squares "
    "weighted as scikit-learn's 'balanced' (the two classes equal in total) plus a term on the "
    "gap between the classes' mean residuals, and loses as the 'balanced' weights did "
    "(ProtonPumpInhibitors -0.05 / -0.04, ADHD -0.03 / -0.07). The kept model rerun (seed 0, at a "
    "1-min load of 12-13) gave the same orders at 1.01x / 1.08x its tables' CPU, so the CPU "
    "factors are the models' own; the committees cost 1.5-2.0x, spreading alone 0.8x. No gain "
    "from this round. "
)

ROUND9 = (
    "A ninth round (benchmarks/ranking_round9.py) measured word forms, the one kind of text "
    "feature not tried before, on both inputs, seeds 0-2, at the literature's settings: every "
    "word Snowball-stemmed (Porter 2001) or S-stemmed (Harman 1991, plurals only) before the "
    "1-2-grams are formed, British spellings folded to American before Snowball, and a "
    "committee of the kept model on the surface words and on the Snowball stems (equal weight, "
    "fixed before running). None raised title_abstract (0.445-0.452 against 0.461); the "
    "S-stemmer and the committee raised with_keywords (0.459 and 0.459 against 0.452; "
    "BetaBlockers +0.07 to +0.11). Stems bring the excludes nearer the includes as they bring "
    "the includes nearer each other: over the 15 sets (`python -m benchmarks.ranking_round9 "
    "nearest`) an include's cosine to its nearest other include rises from 0.158 to 0.167 with "
    "Snowball, an exclude's to its nearest include from 0.069 to 0.076, and how well that "
    "cosine tells the includes from the excludes (AUC) stays at 0.866 / 0.864; the outlying "
    "tenth of the includes do come nearer (the share of excludes nearer an include than they "
    "are falls from 0.552 to 0.537) and includes are found earlier (recall@10 % 0.515-0.519 "
    "against 0.505), the last ones not. Split-half check over the kept setting and the four: "
    "title_abstract picks the kept setting on either half; with_keywords picks the S-stemmer "
    "on the 7 smaller sets (+0.010 there, +0.003 on the 8 larger) and the committee on the 8 "
    "larger (+0.005 there, +0.007 on the 7 smaller). The pure-Python Snowball stemmer costs "
    "0.12-0.40 CPU-s a set (once per distinct word) and 0.04 s to import, so Snowball misses "
    "the 5x ratio on the smallest sets (4.1-4.6x); the committee costs 2.2x. The kept model "
    "rerun (seed 0, at a 1-min load of 10-12) gave the same orders at 1.03x / 1.09x its "
    "tables' CPU (smallest ratio 5.7x / 4.5x on that seed), so a little of each factor is the "
    "load. No gain on "
    "title_abstract from this round: the product stays. "
)

ROUND10 = (
    "A tenth round (benchmarks/ranking_round10.py) measured two kinds never tried, on "
    "both inputs, seeds 0-2, settings fixed before running. Passage-level evidence "
    "(Callan 1994): the kept model fitted on whole records as now, its weights applied to"
    " each passage (the title, and each sentence of the abstract, weighted and normalised"
    " as the records' rows), a record scored 0.5 × its own score + 0.5 × its best "
    "passage's (Callan's weighted sum of the document's and the best passage's evidence) "
    "or by its best passage alone. Both lower both inputs (0.438 / 0.439 and 0.421 / "
    "0.410 against 0.461 / 0.452; Triptans -0.15 / -0.08 with the mix): the best of a "
    "record's ten or so unit-length sentences is higher the more sentences it has, "
    "whatever it is about (among the excludes the best passage's lift over the record's "
    "own score follows the number of passages, Spearman 0.02-0.58, median 0.24, positive "
    "on 14 of the 15 sets; `python -m benchmarks.ranking_round10 passages`), so, "
    "presumably, a long exclude with one sentence that holds an include's heavy term "
    "rises as far as an outlying include does. Query by bagging (Abe & Mamitsuka 1998): 5"
    " kept models on bootstrap samples of the labels, drawn within each class or plainly,"
    " scored by their mean: 0.450 / 0.452 and 0.446 / 0.450; least squares is a stable "
    "learner, which bagging smooths but does not improve (Breiman 1996), and each member "
    "sees about 63 % of the few includes. Split-half check over the kept setting and the "
    "four: title_abstract picks the kept setting on either half; with_keywords the "
    "stratified committee on the 7 smaller sets (+0.001 there, -0.002 on the 8 larger) "
    "and the plain one on the 8 larger (+0.005 there, -0.011 on the 7 smaller). All four "
    "cost 1.4-2.0x the CPU and each misses the 5x ratio on at least one input; the kept "
    "model rerun (seed 0) gave the same WSS@95 run for run at 1.11x / 1.06x its tables' "
    "CPU. No gain from this round: the product stays. "
)

ROUND11 = (
    "An eleventh round (benchmarks/ranking_round11.py) measured the one kind of evidence never "
    "tried, a pretrained language representation, title_abstract (the cold start on both "
    "inputs), seeds 0-2, settings fixed "
    "before running: WordLlama's token embeddings (PyPI wordllama 0.4.0.post1; its wheel, "
    "licensed MIT, holds a 32,000 × 256 float16 table that its README says was trained from "
    "the token codebooks of LLaMA 2 70B and Phi-3 medium: the Llama 2 Community License asks "
    "whoever passes on Llama materials or derivative works of them to pass that licence on "
    "too, which the wheel does not; whether a table trained from the codebook is such a work "
    "is not settled), a record the mean of its tokens' vectors, centred on the collection "
    "and unit length, used alone, beside the TF-IDF (kernel 0.75 / 0.25), rank-averaged with "
    "the kept model, or as a cold start until the second include. None raised the mean "
    "(0.387-0.453 against 0.461) and each is lower on both halves (7 smaller 0.342-0.394 "
    "against 0.405; 8 larger 0.426-0.504 against 0.510), so the split-half check picks the "
    "kept setting either way. The embedding brings related records together, includes and "
    "excludes alike: a record's cosine to its nearest include separates the two less well "
    "than on TF-IDF (AUC 0.835 against 0.866; `python -m benchmarks.ranking_round11 "
    "nearest`), lower on 12 of the 15 sets and most where the variants lose most "
    "(SkeletalMuscleRelaxants 0.669 against 0.835, Triptans 0.790 against 0.887), higher only "
    "on Opiods, ACEInhibitors and UrinaryIncontinence, where the variants gain (they gain too "
    "on ProtonPumpInhibitors and Antihistamines). Presumably, in a drug-class review the "
    "excludes are about the same drugs, and the words that set an include apart (trial "
    "designs, drug names split into sub-word pieces) weigh less in a mean of static vectors "
    "than in TF-IDF. The cost alone misses the 5x target on the smallest set, where "
    "0.17 CPU-s is left (UrinaryIncontinence, 0.59 against ASReview's 3.8): `import "
    "wordllama` costs 0.23-0.30 CPU-s in a fresh interpreter, 0.11-0.12 after numpy, SciPy "
    "and scikit-learn, which reviewkit loads anyway (and its `WordLlama.load()` looks for the "
    "tokenizer "
    "under `tokenizer/`, not the wheel's `tokenizers/`, and tries to download it), so the "
    "file was read with numpy and tokenised with `tokenizers` (import 0.01, tokenizer 0.06, "
    "weights 0.03 as float16, 0.09 as float32) and the LLaMA tokenizer's BPE costs 0.14-0.18 "
    "CPU-s on the 327 records (1.2-1.6 s on 2,544; once per distinct word 0.13 / 0.74 s, the "
    "same tokens for 99.8 % of the records): at least 0.23 s. Smallest whole-process ratio "
    "3.3-3.9x; the kept model rerun (seed 0, at a 1-min load of 9-13) gave the same WSS@95 "
    "run for run at 0.96x its tables' CPU. No gain from this round: the product stays. "
)

LATER_ROUNDS = ROUND7 + ROUND8 + ROUND9 + ROUND10 + ROUND11 + FROM_ROUND12 + ROUND16 + ROUND17
