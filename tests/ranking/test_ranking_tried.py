"""ranking.md's "What was tried" section is what benchmarks/ranking_tried.py writes: a round
added to the file alone would be lost at the next `python -m benchmarks ranking`."""

from __future__ import annotations

from pathlib import Path

from benchmarks.ranking_tried import tried_lines

RANKING_MD = Path(__file__).resolve().parents[2] / "benchmarks" / "results" / "ranking.md"


def test_the_tried_section_of_ranking_md_is_the_generated_one():
    lines = RANKING_MD.read_text(encoding="utf-8").split("\n")
    start = lines.index("## What was tried for a lead")
    assert lines[start:] == tried_lines()
