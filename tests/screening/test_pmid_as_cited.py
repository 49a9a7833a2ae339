"""A PMID written as reference lists and spreadsheets write it, 'PMID 1001' or 'PMID: 1001.',
names its record where 'pmid:1001' does: on the command line (conflicts resolve, label,
attach take one reference) and in a sheet's record column (conflicts import)."""

from __future__ import annotations

import pytest
from conftest import add_records
from screening.helpers import conflict_on, make_records

from reviewkit.cli import main
from reviewkit.store.decisions import list_decisions

TA = "title-abstract"


def _finals(project) -> list[tuple[int, str]]:
    return [
        (d.record_id, d.label) for d in list_decisions(project.db) if d.label.startswith("final-")
    ]


@pytest.mark.parametrize("ref", ["PMID 1001", "PMID: 1001", "pmid  1001", "PMID: 1001."])
def test_a_pmid_as_cited_names_its_record(project_b, ref, capsys):
    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    args = ["conflicts", "resolve", ref, "--decision", "include", "--resolver", "lead"]
    assert main([*args, "--project", str(project_b.folder)]) == 0
    assert _finals(project_b) == [(a, "final-include")]


@pytest.mark.parametrize(
    ("ref", "said"),
    [("PMID abc", "'PMID abc' is not a PMID"), ("PMID1001", "is not a record reference")],
)
def test_what_names_no_pmid_is_still_refused(project_b, ref, said, capsys):
    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    args = ["conflicts", "resolve", ref, "--decision", "include", "--resolver", "lead"]
    assert main([*args, "--project", str(project_b.folder)]) == 2
    assert said in capsys.readouterr().err
    assert _finals(project_b) == []


def test_a_sheets_record_column_of_pmids_as_cited(project_b, tmp_path, capsys):
    a, b = add_records(project_b, make_records(2))
    conflict_on(project_b, [a, b], checked=True)
    sheet = tmp_path / "decisions.csv"
    sheet.write_text("record,decision\nPMID 1001,exclude\nPMID: 1002,include\n", encoding="utf-8")
    args = ["conflicts", "import", str(sheet), "--resolver", "lead"]
    assert main([*args[:1], "--project", str(project_b.folder), *args[1:]]) == 0
    assert _finals(project_b) == [(a, "final-exclude"), (b, "final-include")]
