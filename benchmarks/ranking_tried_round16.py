"""What was tried for a lead (issue 17), round 16: its rows of the table and its part of the
paragraph in ``benchmarks/results/ranking.md``'s "What was tried" section
(:mod:`benchmarks.ranking_tried_later` adds them after rounds 12 to 15)."""

from __future__ import annotations

__all__ = ["ROUND16", "TRIED_ROUND16"]

# (idea, figures, verdict), as ranking_tried.TRIED; mean WSS@95 on title_abstract unless said
TRIED_ROUND16 = [
    # round 16 (benchmarks/ranking_round16.py)
    (
        "round 15's heading block (input with_keywords; the headings' words kept in the prose) "
        "with NLM's check tags left out of it: Humans, Animals, Male, Female, Pregnancy, the ten "
        "age groups (Infant, Newborn to Aged, 80 and over) and the historical periods "
        "(History, ...), the list from NLM's indexing documentation (Principles of MEDLINE "
        "Subject Indexing; the indexers' check-tag training), not from the 15 sets; NLM names no"
        " country-of-origin check tag, so none is in it. Seeds 0-2",
        "with_keywords 0.431 (5/15) (round 15's block with the tags: 0.444, 7/15; kept 0.452, "
        "9/15); seed 0 0.428; recall@10 % 0.510; 7 smaller 0.384, 8 larger 0.472 (kept 0.402 / "
        "0.497); SkeletalMuscleRelaxants -0.20, UrinaryIncontinence -0.13, ADHD -0.06, "
        "AtypicalAntipsychotics -0.05, NSAIDS -0.05, Antihistamines +0.16, ProtonPumpInhibitors "
        "+0.09, Estrogens +0.03; title_abstract has no headings: the kept features (round 15: the"
        " same runs, 45 of 45); CPU 1.23x the tables' loop, smallest ratio 5.1x",
        "dropped: lower than the block with the tags, lower on both halves (-0.018 / -0.025)",
    ),
    (
        "the same block with the check tags' columns at half their idf weight (0.5 fixed before "
        "running), seeds 0-2",
        "with_keywords 0.439 (6/15); seed 0 0.440; recall@10 % 0.510; 7 smaller 0.378, 8 larger "
        "0.493; UrinaryIncontinence -0.13, SkeletalMuscleRelaxants -0.10, ADHD -0.07, "
        "AtypicalAntipsychotics -0.05, OralHypoglycemics -0.05, Antihistamines +0.14, "
        "ProtonPumpInhibitors +0.10, Opiods +0.03; CPU 1.22x the tables' loop, smallest ratio "
        "5.0x",
        "dropped: lower on both halves (-0.024 / -0.004). The tags are 25-31 % of a record's "
        "headings but 5-10 % of the block's squared length (the idf weighs them down already, "
        "and Humans, on over 95 % of the records, is not in the block); the less of them, the "
        "lower the mean (0.444 / 0.439 / 0.431 at full, half and no weight): the age groups and "
        "Animals are evidence for a review",
    ),
    (
        "includes weighted as small disjuncts (Jo & Japkowicz 2004: a minority class of "
        "sub-concepts is learned badly on its small ones; they balance the sub-concepts): each "
        "labelled include weighs 1 / (1 + Σ_j max(K_ij, 0)) over the other labelled includes j, "
        "rescaled so the includes keep their total (the kept 9.8x); the excludes as "
        "kept; no parameter. Kind: a review's includes fall in sub-topics (drugs of a class, "
        "designs, one trial's several reports) and the last includes are those of the small "
        "ones (round 15: the 5 % farthest from any other include are atypical), seeds 0-2",
        "0.456 (8/15); with_keywords 0.455 (9/15); seed 0 0.461 / 0.459 (kept 0.466 / 0.456); "
        "recall@10 % 0.511 / 0.509 (kept 0.505 / 0.508); 7 smaller 0.405, 8 larger 0.500 (kept "
        "0.405 / 0.510; title_abstract); BetaBlockers -0.07 / -0.00 (-0.06 to -0.09 on every "
        "seed, title_abstract), ACEInhibitors -0.01 / -0.01, Estrogens -0.01 / +0.00, "
        "CalciumChannelBlockers +0.01 / +0.01, AtypicalAntipsychotics -0.00 / +0.03, "
        "OralHypoglycemics +0.00 / +0.02, UrinaryIncontinence +0.00 / -0.01; CPU 1.21x / 1.23x "
        "the tables' loop (the kept model rerun at the same load, seed 0, title_abstract: 1.14x "
        "its tables' CPU, the same WSS@95 run for run), smallest ratio 4.8x / 5.5x (the rerun "
        "4.6x at a 1-min load of 13-15, 5.3x in the tables)",
        "dropped: lowers title_abstract (ties the 7 smaller sets, -0.010 on the 8 larger, by "
        "BetaBlockers above all); raises with_keywords by 0.003 (+0.001 / +0.003 on the halves). "
        "A first run weighed an include with an empty row (ACEInhibitors has one without title or "
        "abstract: K_ii = 0) without bound; counted 1, its runs were redone: the same WSS@95",
    ),
]

ROUND16 = (
    "A sixteenth round (benchmarks/ranking_round16.py) measured NLM's check tags in round 15's "
    "heading block and one idea from the class-imbalance literature, settings fixed before "
    "running, seeds 0-2. Check tags (species, sex, the human age groups, pregnancy, the "
    "historical periods: NLM's list, not the sets') are put on almost every record and say "
    "who was studied, not the topic; left out of the block, with_keywords fell to 0.431, at half "
    "weight to 0.439, against 0.444 with them and the kept 0.452, lower on both halves. Through "
    "the idf they held only 5-10 % of the block's squared length (`python -m "
    "benchmarks.ranking_round16 tags`), and what they held was evidence (age groups, Animals). "
    "Includes weighted as small disjuncts (each by the inverse of its kernel density among the "
    "includes, their total kept) gave 0.456 / 0.455 against 0.461 / 0.452: title_abstract ties "
    "on the 7 smaller sets and loses 0.010 on the 8 larger (BetaBlockers -0.06 to -0.09 on "
    "every seed), with_keywords gains 0.003 on both halves. No gain from this round: the "
    "product stays. "
)
