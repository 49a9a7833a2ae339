"""What was tried for a lead (issue 17), round 17: its rows of the table and its part of the
paragraph in ``benchmarks/results/ranking.md``'s "What was tried" section
(:mod:`benchmarks.ranking_tried_later` adds them after round 16)."""

from __future__ import annotations

__all__ = ["ROUND17", "TRIED_ROUND17"]

# (idea, figures, verdict), as ranking_tried.TRIED; mean WSS@95 on title_abstract unless said
TRIED_ROUND17 = [
    # round 17 (benchmarks/ranking_round17.py)
    (
        "the query step's balance: ASReview's shipped 'Mixed (95% Maximum and 5% Uncertainty)' "
        "(MaxUncertaintyQuery, mix_ratio 0.95, not tuned): every 20th record screened is the "
        "unscreened record scored nearest the decision value 0 (uncertainty sampling, Lewis & "
        "Gale 1994), the others the highest scored as kept; the labels' count decides which "
        "pick, not a random draw as in ASReview. Kind: the last includes, which decide WSS@95, "
        "are outlying and scored near the boundary; a pick there teaches the model where it "
        "lies. Seeds 0-2",
        "0.446 (6/15); with_keywords 0.447 (6/15); recall@10 % 0.495 / 0.512; 7 smaller 0.392, 8 "
        "larger 0.494 (kept 0.405 / 0.510; title_abstract); Triptans -0.07, BetaBlockers -0.06 "
        "/ -0.03, SkeletalMuscleRelaxants -0.02, NSAIDS -0.02 / -0.01, Nagtegaal -0.02, no set "
        "above +0.01; CPU 1.15x / 1.22x the tables' loop (1-min load 1-9), smallest ratio 5.0x "
        "/ 5.6x",
        "dropped: lower on both inputs and on both halves; no set gains, so the uncertain picks "
        "(one in 20, mostly excludes) cost their share of the screening and taught the model "
        "nothing that brought the last includes forward",
    ),
    (
        "ASReview's other shipped mix, 'Mixed (95% Maximum and 5% Random)' (MaxRandomQuery, "
        "mix_ratio 0.95): every 20th record screened drawn at random from the unscreened "
        "(RandomState seeded by the labels' count). Kind: the queue's excludes are a biased "
        "sample (all scored high); a few random ones are truly labelled excludes of the whole "
        "collection, what presumed excludes (BMI, round 2) only stand in for. Seeds 0-2",
        "0.447 (6/15); with_keywords 0.462 (7/15); recall@10 % 0.486 / 0.500; 7 smaller 0.395, 8 "
        "larger 0.493 (title_abstract); with_keywords 7 smaller 0.419, 8 larger 0.500 (kept "
        "0.402 / 0.497); title_abstract BetaBlockers -0.06, CalciumChannelBlockers -0.03, "
        "AtypicalAntipsychotics -0.02, Estrogens -0.02, ProtonPumpInhibitors +0.01; "
        "with_keywords Antihistamines +0.17 (0.151 against -0.018), ProtonPumpInhibitors +0.04, "
        "Triptans +0.02, Opiods +0.02, SkeletalMuscleRelaxants -0.02, UrinaryIncontinence "
        "-0.02; CPU 1.22x / 1.28x (1-min load 6-9), smallest ratio 4.7x / 5.3x",
        "dropped: lowers title_abstract on both halves (-0.010 / -0.017); with_keywords +0.010 (split-half: chosen on either half, +0.003 / +0.017 on "
        "the other), but Antihistamines alone gives +0.011 of it (a random pick finding one of "
        "its last includes early): one set's luck, not the kind's gain",
    ),
]

ROUND17 = (
    "A seventeenth round (benchmarks/ranking_round17.py) measured the query step's balance, "
    "settings fixed before running (ASReview's own shipped mixes, mix_ratio 0.95), both inputs, "
    "seeds 0-2: every 20th record screened the one scored nearest the boundary (uncertainty) or "
    "one drawn at random, the others the highest scored as kept. Uncertain picks gave 0.446 / "
    "0.447 against 0.461 / 0.452, lower on both halves, no set gaining more than 0.01: they "
    "cost their share of the screening and brought no last include forward. Random picks gave "
    "0.447 / 0.462: lower on title_abstract on both halves (BetaBlockers -0.06), higher with "
    "keywords on both, but Antihistamines alone (+0.17, a random pick finding a last include "
    "early) makes +0.011 of the +0.010. Both cost 1.15-1.28x the tables' CPU; the kept model "
    "rerun (seed 0, title_abstract, 1-min load 10-12) gave the same WSS@95 at 1.14x (smallest "
    "ratio 4.8x), so most of that is the load. No gain from this round: the product stays (the "
    "maximum query). "
)
