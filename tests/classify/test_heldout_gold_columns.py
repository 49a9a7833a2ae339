"""The held-out sets' gold columns are never named like an abstract section: ``--evaluate``
reads such a column as that section of every row when it scores another scheme (the CMD
set's ``intervention`` labels were the work-focus scheme's INTERVENTION text)."""

from __future__ import annotations

import csv

from benchmarks import classify_heldout_sets
from reviewkit.classify.evaluate import SECTION_COLUMNS


def test_no_gold_column_is_named_like_a_section():
    named = [
        (name, column)
        for sets, schemes in classify_heldout_sets.GROUPS
        for name, _, _ in sets
        for _, column in schemes
        if column in SECTION_COLUMNS
    ]
    assert named == []


def test_every_gold_column_is_in_its_file():
    for sets, schemes in classify_heldout_sets.GROUPS:
        for name, _, _ in sets:
            with (classify_heldout_sets.FIXTURES / name).open(encoding="utf-8") as fh:
                header = next(csv.reader(fh))
            assert {column for _, column in schemes} <= set(header), name
