"""benchmarks/study_links counts, in its 'rule' column, what `dedup studies` suggests."""

from __future__ import annotations

from benchmarks.study_links import measure
from reviewkit.dedup.study_cues import MAX_SHARING
from reviewkit.records import Record


def test_the_rule_column_applies_the_guards_dedup_studies_applies():
    """A name on more than MAX_SHARING studies joins no pair in `dedup studies`; the
    benchmark's false suggestions among known negatives must not count such a pair."""
    studies = {
        f"s{n:02}": [Record(title=f"Outcome {n} of the HOPE trial", authors=[f"Au{n}, A"])]
        for n in range(MAX_SHARING)
    }
    studies["x"] = [Record(title="Diet in the HOPE trial", authors=["Au1, A"])]
    figures = measure(studies, len(studies), (set(), {("s01", "x")}))
    assert figures["suggestions"] == 0
    assert figures["per_cue"]["rule"]["false"] == 0
    assert figures["per_cue"]["name"]["false"] == 1  # the cue itself is still counted
