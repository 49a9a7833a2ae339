"""Stop 41's notes for ``results/classify.md`` (:mod:`benchmarks.classify_heldout_notes`)."""

TASK_CLS15 = """## Task cls15: the comparator fallback's comparisons with a time or a role

**A comparison with a time or the other arm by its role** (`reviewkit/classify/second_terms.py`,
`comparator.compares_no_arm`): "compared with the control group", "versus controls", "matched
controls", "compared to baseline", "versus pre-intervention levels", "compared to T0" name no
treatment; placebo, usual-care and waiting-list trials write them in their results as often as
head-to-head trials do, so in any section they are no longer a comparison word of the
comparators protocol's fallback (another active intervention). A role followed by what its arm
received ("the control group receiving massage") still counts; so does the verb's object ("to
compare A with B") where B names a treatment. 5 of 8 new tests fail before. 18,720 row score
lists: 12 moved, all of `rtw-comparators`; 3 change a suggestion. Comparator set 17/31 -> 16/31:
C28 (rTMS, head to head, gold active) lost, as its second comparison word was "compared with the
baseline"; C16 (gold usual care) went from active to not stated, wrong both times (its only
comparisons were "compared with the control group" and result figures "40.6% versus 30.3%").
Outside the gold: delivery D29 (a control arm mailed general healthy-lifestyle letters: active
by my reading) went from active to not stated, as its comparisons were "compared with baseline"
and "compared with the control group"; the other 9 moved lists lost a weak word below the
threshold. So the figure drops by one: the two rows were right by comparisons that were not
theirs.
"""
