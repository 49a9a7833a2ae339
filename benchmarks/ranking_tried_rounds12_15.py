"""What was tried for a lead (issue 17), rounds 12 to 15: their rows of the table and their part
of the paragraph in ``benchmarks/results/ranking.md``'s "What was tried" section
(:mod:`benchmarks.ranking_tried_later` adds them after round 11's)."""

from __future__ import annotations

__all__ = [
    "FROM_ROUND12",
    "ROUND12",
    "ROUND13",
    "ROUND14",
    "ROUND15",
    "TRIED_FROM_ROUND12",
    "TRIED_ROUND12",
    "TRIED_ROUND13",
    "TRIED_ROUND14",
    "TRIED_ROUND15",
]

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

TRIED_ROUND13 = [
    # round 13 (benchmarks/ranking_round13.py)
    (
        "a learned column for the records without an abstract (1 where the abstract field is "
        "empty, at the intercept's own scale 1, learned by the kept model as any term: letters, "
        "comments, editorials and bare titles, which reviews rarely include; on the 15 sets 10.0 % "
        "of the records, 0.9 % of them includes against 5.0 % of all records), seeds 0-2",
        "0.456 (10/15); with_keywords 0.447 (7/15); seed 0 0.448 / 0.447; recall@10 % 0.489 / "
        "0.505; 7 smaller 0.384, 8 larger 0.519 (kept 0.405 / 0.510; title_abstract); "
        "UrinaryIncontinence -0.21 / -0.29, CalciumChannelBlockers -0.05 / +0.03, "
        "ProtonPumpInhibitors -0.02 / -0.02, Opiods +0.08 / +0.07, Antihistamines +0.07 / +0.07, "
        "AtypicalAntipsychotics +0.03 / +0.09; CPU 1.12x the kept model rerun at the same load "
        "(seed 0, the same WSS@95 run for run), smallest ratio 4.8x / 4.7x (the rerun itself 4.6x "
        "at that load, 5.3x in the tables)",
        "dropped: lowers both inputs. It does what it is for (title-only records screened before "
        "95 % recall, seed 0: 86 → 12 on Opiods, 92 → 11 on SkeletalMuscleRelaxants, 32 → 3 on "
        "AtypicalAntipsychotics) and pushes the few includes without an abstract to the end "
        "(UrinaryIncontinence's two from 156th and 162nd to 290th and 291st of 325, "
        "ProtonPumpInhibitors' one from 428th to 1,134th, Nagtegaal's from 873rd to 1,851st): a "
        "set whose includes without an abstract outnumber the 5 % WSS@95 may miss loses more than "
        "the others gain; chosen on the 8 larger sets (+0.009 / +0.021 there) it loses 0.020 / "
        "0.035 on the 7 smaller",
    ),
    (
        "word pairs only within a field and a sentence: none across the two title copies, the "
        "title and the abstract, a sentence's or clause's end (. ! ? ; or : and white space "
        "before a capital, a digit or a bracket) or two appended keywords; the words unchanged "
        "(UrinaryIncontinence with keywords: 37,210 columns against 41,779), seeds 0-2",
        "0.454 (7/15); with_keywords 0.454 (6/15); seed 0 0.458 / 0.457; recall@10 % 0.511 / "
        "0.515; 7 smaller 0.401, 8 larger 0.500 (title_abstract); SkeletalMuscleRelaxants -0.03 /"
        " -0.01, BetaBlockers -0.05 / +0.04, Estrogens -0.02 / -0.02, ProtonPumpInhibitors +0.02 "
        "/ +0.02; CPU 1.00x the kept model rerun at the same load, smallest ratio 4.9x / 5.5x",
        "dropped: lowers title_abstract on both halves (-0.004 / -0.010), raises with_keywords by"
        " 0.002 with fewer sets at or above ASReview; a pair across a seam is mostly a column of "
        "one record, and as with the one-record terms (min_df 2) its share of the record's length"
        " is part of what the kept setting was measured with",
    ),
    (
        "the title's second copy cut to the collection's median title length in words (9-15 on "
        "the 15 sets; 42-50 % of the titles are longer), so a long title's further words (mostly"
        " its design and setting) count once, seeds 0-2",
        "0.451 (9/15); with_keywords 0.455 (10/15); seed 0 0.453 / 0.457; recall@10 % 0.501 / "
        "0.512; 7 smaller 0.402, 8 larger 0.493 (title_abstract); CalciumChannelBlockers -0.08 / "
        "+0.01, SkeletalMuscleRelaxants -0.03 / -0.03, AtypicalAntipsychotics -0.02 / -0.01, "
        "BetaBlockers -0.00 / +0.07; CPU 0.99x the kept model rerun at the same load, smallest "
        "ratio 5.0x / 5.6x",
        "dropped: lowers title_abstract on both halves (-0.003 / -0.017); raises with_keywords "
        "(+0.003; chosen on its 7 smaller sets, +0.002 there, +0.003 on the 8 larger), by "
        "BetaBlockers alone",
    ),
    (
        "the query's tie-breaking among equal scores (the queue takes ties in row order): how "
        "often the top unscreened score is shared, at every fit of the kept setting, seed 0",
        "2 of 3,706 fits (CalciumChannelBlockers, Nagtegaal: 2 records each); identical texts: 2 "
        "records on each of 4 sets, and 26 records with neither title nor abstract on "
        "ACEInhibitors",
        "not run: a tie-breaking rule could change 2 picks of 3,706; with sublinear tf, idf and "
        "unit rows, distinct texts all but never score alike",
    ),
]

ROUND13 = (
    "A thirteenth round (benchmarks/ranking_round13.py) measured three properties of the records "
    "themselves, settings fixed before running, on both inputs, seeds 0-2. Records without an "
    "abstract (10.0 % of the 15 sets' records, 0.9 % of them includes against 5.0 % overall; "
    "`python -m benchmarks.ranking_round13 count`) got a column of their own, learned from the "
    "labels as any term: the model soon learns to put them last, which spares most of the "
    "title-only excludes screened before 95 % recall (Opiods +0.08, Antihistamines +0.07) and "
    "puts the rare title-only include last too, so a set where such includes outnumber the 5 % "
    "that WSS@95 leaves out loses heavily (UrinaryIncontinence -0.21: 2 of its 40 includes have "
    "no abstract); 0.456 / 0.447 against 0.461 / 0.452, higher on the 8 larger sets, lower on "
    "the 7 smaller. A review cannot know beforehand whether its includes lack abstracts, and a "
    "queue that buries them is the failure a recall target forbids. Word pairs kept within a "
    "field and a sentence (no pair across the two title copies, the title and the abstract, a "
    "sentence's end or two keywords) gave 0.454 / 0.454: lower on title_abstract, on both "
    "halves. The title's second copy cut to the collection's median title length (the brief's "
    "capped weight for long titles) gave 0.451 / 0.455: lower on title_abstract on both halves, "
    "higher on with_keywords by one set (BetaBlockers). The query's tie-breaking needed no run: at 2 of the kept setting's 3,706 fits "
    "(seed 0) the top score was shared. No gain from this round: the product stays. "
)

TRIED_ROUND14 = [
    # round 14 (benchmarks/ranking_round14.py)
    (
        "the word pairs' part of the kernel at half weight: the 1-2-gram columns share one TF-IDF "
        "space and a pair is rarer than its words (higher idf), so in the kept rows the pairs "
        "hold a median 69-75 % of a record's squared length on the 15 sets, and a phrase two "
        "records share counts three times (its two words and the pair); the pairs' columns "
        "scaled by √0.5 and the rows set to unit length again (kernel: the words' part + 0.5 × "
        "the pairs' part; the half fixed before running), seeds 0-2",
        "0.452 (8/15); with_keywords 0.461 (9/15); seed 0 0.457 / 0.465; recall@10 % 0.516 / "
        "0.520; 7 smaller 0.399, 8 larger 0.498 (kept 0.405 / 0.510; title_abstract); "
        "BetaBlockers -0.06 / +0.03, Triptans -0.05 / +0.02, ADHD -0.04 / -0.02, "
        "CalciumChannelBlockers -0.03 / +0.05, UrinaryIncontinence +0.02 / +0.01; CPU 1.00x the "
        "kept model rerun at the same load (seed 0, title_abstract: the same WSS@95 as the tables "
        "run for run, 1.24x their CPU at a 1-min load of 12-17), smallest ratio 4.8x / 5.9x (the "
        "rerun itself 4.2x at that load, 5.3x in the tables)",
        "dropped: lowers title_abstract on both halves (-0.006 / -0.012); raises with_keywords "
        "on both (+0.004 / +0.012)",
    ),
    (
        "the words alone, the pairs' columns dropped: ASReview 1.x's tfidf feature extractor's "
        "default ngram_max 1 (its English stop words, dropped in round 5, not used), the "
        "published setting at the other end of the same scale, seeds 0-2",
        "0.447 (10/15); with_keywords 0.461 (10/15); seed 0 0.447 / 0.461; recall@10 % 0.517 / "
        "0.525; 7 smaller 0.396, 8 larger 0.492 (title_abstract); BetaBlockers -0.09 / +0.01, "
        "ADHD -0.09 / -0.06, Triptans -0.08 / +0.03, Opiods -0.06 / -0.07, Nagtegaal -0.05, "
        "Estrogens +0.05 / +0.01, ACEInhibitors +0.03 / +0.03, ProtonPumpInhibitors +0.03 / "
        "+0.08; CPU 0.86x the kept model rerun at the same load, smallest ratio 5.3x / 5.7x",
        "dropped: lowers title_abstract on both halves (-0.009 / -0.018), by more than the half "
        "weight; raises with_keywords on both (+0.009 / +0.008)",
    ),
    (
        "each record smoothed by its neighbours (cluster-based document models, Liu & Croft "
        "2004; Kurland & Lee 2004; document expansion, Tao et al. 2006): the 10 rows of highest "
        "cosine to it (itself left out, round 8's graph), their cosine-weighted mean at unit "
        "length m̂, the row 0.75 x + 0.25 m̂ at unit length; unsupervised, once per collection "
        "(the share 0.25 fixed before running: light, as round 11's embedding share), seeds 0-2",
        "0.441 (10/15); with_keywords 0.447 (8/15); seed 0 0.444 / 0.448; recall@10 % 0.466 / "
        "0.490; 7 smaller 0.390, 8 larger 0.486 (kept 0.405 / 0.510; title_abstract); "
        "BetaBlockers -0.27 / -0.14, OralHypoglycemics -0.11 / +0.01, Triptans -0.11 / -0.06, "
        "CalciumChannelBlockers -0.03 / -0.08, Opiods +0.11 / +0.02, AtypicalAntipsychotics "
        "+0.07 / +0.03, ADHD +0.05 / +0.09, UrinaryIncontinence +0.05 / +0.01; CPU 3.9x the kept "
        "model rerun at the same load (rows 7.8x as dense on ACEInhibitors, 2 CPU-s for the "
        "neighbours), smallest ratio 2.1x / 2.1x (misses 5x)",
        "dropped: lowers both inputs (title_abstract on both halves: -0.015 / -0.024), swings a "
        "set by up to 0.27, over the CPU budget",
    ),
]

ROUND14 = (
    "A fourteenth round (benchmarks/ranking_round14.py) weighed the word pairs against the "
    "words and smoothed each record by its neighbours, settings fixed before running. In the "
    "kept rows the word pairs hold a median 69-75 % of a record's squared length (`python -m "
    "benchmarks.ranking_round14 share`); their part of the kernel at half weight gave 0.452 / "
    "0.461 against 0.461 / 0.452, and the words alone (ASReview 1.x's ngram_max 1) 0.447 / "
    "0.461: both lower on title_abstract on both halves, losing most on BetaBlockers, ADHD and "
    "Triptans, and both higher with keywords (+0.009 each, on both halves). A reading, not "
    "measured: in title and abstract the pairs carry the phrases of a review's question, and "
    "with MeSH terms beside them the headings carry part of it. A record smoothed by its ten "
    "nearest records (0.75 itself, 0.25 their mean) gave 0.441 / 0.447, lower on both halves "
    "of title_abstract, with set-by-set swings up to 0.27 (BetaBlockers -0.27, Opiods +0.11) "
    "and 3.9x the CPU. No gain from this round: the product stays. "
)

TRIED_ROUND15 = [
    # round 15 (benchmarks/ranking_round15.py)
    (
        "each controlled-vocabulary heading as one feature (input with_keywords: the MeSH "
        "headings, the ';'-separated cells of the keywords column, case folded; 11.5-16.2 a "
        "record, 727-2,865 distinct a set): a block of its own beside the prose TF-IDF, binary, "
        "the kept idf and max_df 0.95, unit length, scaled by √0.5, the joined row at unit "
        "length again (kernel between two records with headings: (prose cosine + 0.5 heading "
        "cosine) / 1.5; the half fixed before running: an indexer's second, coarser description "
        "should not outweigh the authors' words); the prose as kept, the headings' words in it, "
        "seeds 0-2",
        "with_keywords 0.444 (7/15); title_abstract 0.461 (11/15), the kept features (no record "
        "has headings there): the same WSS@95 and recall run for run, 45 of 45; seed 0 0.466 / "
        "0.450; recall@10 % 0.505 / 0.487; 7 smaller 0.384, 8 larger 0.496 (kept 0.402 / 0.497;"
        " with_keywords); UrinaryIncontinence -0.09, ADHD -0.07, OralHypoglycemics -0.07, "
        "AtypicalAntipsychotics -0.07, SkeletalMuscleRelaxants -0.04, BetaBlockers -0.04, "
        "Antihistamines +0.11, Opiods +0.08, Estrogens +0.04, ProtonPumpInhibitors +0.03; CPU "
        "1.25x (with_keywords) / 1.19x the tables' loop, about 1.0x the kept model rerun at the same load (seed "
        "0, title_abstract: the same WSS@95 run for run, 1.19x the tables' CPU at a 1-min load "
        "of 8-13), smallest ratio 4.9x (with_keywords)",
        "dropped: lowers with_keywords on both halves (-0.018 / -0.001); title_abstract "
        "unchanged, as it must be",
    ),
    (
        "the same heading block with the headings' words taken out of the prose (the prose the "
        "title and abstract alone: a heading counts only as the one concept it names), seeds 0-2",
        "with_keywords 0.443 (7/15); title_abstract 0.461 (11/15), the kept features run for "
        "run; seed 0 0.441 (with_keywords); recall@10 % 0.505; 7 smaller 0.386, 8 larger 0.493 "
        "(with_keywords); UrinaryIncontinence -0.09, SkeletalMuscleRelaxants -0.07, ADHD -0.07,"
        " OralHypoglycemics -0.06, Antihistamines +0.10, Opiods +0.07, Estrogens +0.05; CPU "
        "1.19x the tables' loop, about 1.0x the rerun, smallest ratio 5.3x",
        "dropped: lowers with_keywords on both halves (-0.016 / -0.004). As an oracle of the "
        "labels, a record's largest cosine to another include separates the includes from the "
        "excludes less well on the headings alone than on title and abstract on 11 of the 13 "
        "sets with headings (AUC 0.69-0.92 against 0.74-0.94), and the joined rows less well "
        "than the kept with_keywords rows on 10 of 13: check tags (Humans, Female, Male, the "
        "age groups) are 25-31 % of a record's headings, and two records' heading cosine is "
        "on average 1.5-2.9x their text cosine (0.026-0.096 against 0.017-0.035)",
    ),
    (
        "information density (Settles & Craven 2008; Settles 2009's active-learning survey, "
        "5.1): each record's mean cosine to the collection (its row times the mean row, once "
        "per collection, no label), standardised, added at weight 0.25 (fixed before running, "
        "as the earlier light committee members) to the kept model's standardised score, so "
        "that among records the model scores alike the typical ones of the collection come "
        "first and the outliers later, seeds 0-2",
        "0.438 (7/15); with_keywords 0.447 (8/15); seed 0 0.437 / 0.442; recall@10 % 0.526 / "
        "0.523 (kept 0.505 / 0.508); 7 smaller 0.368, 8 larger 0.499 (kept 0.405 / 0.510; "
        "title_abstract); UrinaryIncontinence -0.15 / -0.13, Opiods -0.12 / -0.13, ADHD -0.08 "
        "/ -0.11, Triptans -0.07 / +0.04, Antihistamines +0.06 / +0.04, ProtonPumpInhibitors "
        "+0.04 / +0.08, BetaBlockers +0.01 / +0.11; CPU 1.44x / 1.50x the tables' loop (about "
        "1.2x the rerun at the same load), smallest ratio 4.6x / 5.4x",
        "dropped: lowers both inputs (title_abstract on both halves: -0.037 / -0.011). It finds "
        "the typical includes sooner (recall@10 % +0.02) and the last ones later: the includes "
        "are denser than the collection (mean density z +0.71 over the 15 sets), but the 5 % "
        "of each set's includes farthest from any other include are below it (z -0.52; below "
        "0 on 13 of 15), and WSS@95 waits for those",
    ),
]

ROUND15 = (
    "A fifteenth round (benchmarks/ranking_round15.py) measured the controlled vocabulary as "
    "what it is and one idea from the active-learning literature, settings fixed before "
    "running, seeds 0-2. Each MeSH heading became one feature: a block of binary, idf-weighted"
    " columns at unit length beside the prose, at half the prose's weight in the kernel, the "
    "headings' words kept in the prose or taken out. with_keywords fell to 0.444 / 0.443 "
    "against 0.452, on both halves (UrinaryIncontinence, ADHD, OralHypoglycemics and "
    "AtypicalAntipsychotics -0.04 to -0.09; Antihistamines +0.10, Opiods +0.08); title_abstract"
    " has no headings and gave the kept figures run for run. The headings are a coarser "
    "similarity than the text: check tags (Humans, Female, Male, age groups) are a quarter to "
    "a third of a record's headings, two records' heading cosine is 1.5-2.9x their text "
    "cosine, and a record's nearest include separates includes from excludes less well by "
    "its headings than by its title and abstract on 11 of 13 sets (`python -m "
    "benchmarks.ranking_round15 oracle`; `... headings` counts them). The headings' words inside the prose, "
    "as kept, stay the better use of them here. Information density (Settles & Craven 2008: "
    "a record's mean cosine to the collection, at 0.25 beside the model's standardised score)"
    " gave 0.438 / 0.447 against 0.461 / 0.452, lower on both halves of title_abstract, while "
    "recall at 10 % rose (0.526 against 0.505): the includes are typical of their collection, "
    "but the last 5 % of them, the ones WSS@95 waits for, are atypical (`python -m "
    "benchmarks.ranking_round15 typical`), and density puts them later. No gain from this round: the product stays. "
)

# what ranking_tried_later adds after round 11: the rows and the words of rounds 12 to 15
TRIED_FROM_ROUND12 = TRIED_ROUND12 + TRIED_ROUND13 + TRIED_ROUND14 + TRIED_ROUND15
FROM_ROUND12 = ROUND12 + ROUND13 + ROUND14 + ROUND15
