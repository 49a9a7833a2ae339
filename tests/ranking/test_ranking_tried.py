"""ranking.md's "What was tried" section is what benchmarks/ranking_tried.py writes: a round
added to the file alone would be lost at the next `python -m benchmarks ranking`."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.ranking_tried import tried_lines

RANKING_MD = Path(__file__).resolve().parents[2] / "benchmarks" / "results" / "ranking.md"


def test_the_tried_section_of_ranking_md_is_the_generated_one():
    lines = RANKING_MD.read_text(encoding="utf-8").split("\n")
    start = lines.index("## What was tried for a lead")
    assert lines[start:] == tried_lines()


def test_ranking_md_is_what_its_generator_writes_from_ranking_json():
    """``--rebuild`` writes ranking.md from the figures it keeps in ranking.json: the committed
    file must be that text to the byte (one newline at the end), or a rebuild changes it."""
    from benchmarks.bench_ranking import _markdown

    figures = json.loads((RANKING_MD.parent / "ranking.json").read_text(encoding="utf-8"))
    assert _markdown(figures) == RANKING_MD.read_text(encoding="utf-8")
