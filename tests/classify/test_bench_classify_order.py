"""classify.md reads the same whether written from a run's figures or from the JSON, whose keys
are sorted: the held-out cells come in the schemes' reading order either way."""

from __future__ import annotations

import json

from benchmarks import classify_heldout


def _cell(correct: int, wrong: list[dict]) -> dict:
    return {"correct": correct, "n": 2, "before": [1, 2], "wrong": wrong}


def test_held_out_rows_in_reading_order_from_a_run_and_from_the_json():
    miss = {"line": 2, "title": "A trial", "gold": ["coordinator"], "got": ["workplace"]}
    miss_d = {"line": 3, "title": "A cohort", "gold": ["none"], "got": ["mental"]}
    run = [
        {
            "file": "a.csv",
            "what": "two abstracts",
            "cells": {"model-type": _cell(1, [miss]), "diagnosis": _cell(1, [miss_d])},
        }
    ]
    from_json = json.loads(json.dumps(run, sort_keys=True))
    assert list(from_json[0]["cells"]) == ["diagnosis", "model-type"]  # the JSON's order
    text = classify_heldout.markdown(run)
    assert classify_heldout.markdown(from_json) == text
    lines = text
    rows = [i for i, line in enumerate(lines) if line.startswith("| `a.csv`")]
    assert "model-type" in lines[rows[0]] and "diagnosis" in lines[rows[1]]


def test_two_reviews_naming_a_scheme_alike_keep_each_sets_order():
    # the workplace review reads condition first, the coordination review last
    sets = [
        {
            "file": name,
            "what": "two abstracts",
            "cells": {scheme: _cell(2, []) for scheme in schemes},
        }
        for name, schemes in (
            ("heldout_workplace_abstracts.csv", ("condition", "level")),
            ("heldout_coordination_abstracts.csv", ("base", "components", "condition")),
        )
    ]
    text = classify_heldout.markdown(json.loads(json.dumps(sets, sort_keys=True)))
    rows = [line.split(" | ")[:2] for line in text if line.startswith("| `heldout_")]
    assert [scheme for _, scheme in rows] == [
        "condition",
        "level",
        "base",
        "components",
        "condition",
    ]
