"""The report reads the project once: one canonical map, one derivation of the stages, one
read of the included studies' records, handed to every table, figure and count.

Measured on this fixture (Review B, two stages, three included studies) before the snapshot:
canonical_map 6, stage derivations 4, decisions-log reads 7, record reads 6."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from reviewkit import classify
from reviewkit.reports.report import write_report
from reviewkit.screening import outcomes, rules
from reviewkit.store import decisions as decision_rows
from reviewkit.store import duplicates
from reviewkit.store import records as record_rows

WATCHED = {
    duplicates.canonical_map.__code__: "canonical_map",
    outcomes.DerivedStages.__init__.__code__: "stage derivations",
    rules.study_states.__code__: "stage states from the log",
    decision_rows.list_decisions.__code__: "log reads",
    record_rows.get_records.__code__: "record reads",
    record_rows.get_record.__code__: "record reads",
    record_rows.iter_records.__code__: "record reads",
}


def count_calls(fn, *args, **kwargs) -> Counter:
    """How often each watched function runs during fn(*args) (by code object, so a name
    imported into another module is counted too)."""
    calls: Counter = Counter()

    def profile(frame, event, arg):
        if event == "call" and frame.f_code in WATCHED:
            calls[WATCHED[frame.f_code]] += 1

    sys.setprofile(profile)
    try:
        fn(*args, **kwargs)
    finally:
        sys.setprofile(None)
    return calls


@pytest.fixture
def classified(b_included):
    project, ids = b_included
    classify.classify_project(project, ids)
    return project, ids


def test_write_report_reads_the_project_once(classified, tmp_path: Path):
    project, _ = classified
    calls = count_calls(write_report, project, tmp_path / "exports")
    stages = len(project.protocol.stages)
    assert stages == 2
    assert dict(calls) == {
        "canonical_map": 1,
        "stage derivations": 1,
        "log reads": stages,  # each stage's log once
        "stage states from the log": stages,
        "record reads": 1,
    }


def test_write_report_letters_the_studies_once(classified, tmp_path: Path):
    """The letters that tell two studies of one label apart ('2019a') are given once, over the
    whole report (:attr:`ProjectSnapshot.labels`): the report tables lettered their studies
    again before the report's letters replaced them."""
    from reviewkit.reports import labels

    WATCHED[labels.citation_labels.__code__] = "letterings"
    try:
        calls = count_calls(write_report, classified[0], tmp_path / "exports")
    finally:
        del WATCHED[labels.citation_labels.__code__]
    assert calls["letterings"] == 1
