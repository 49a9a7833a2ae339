"""A PMID written as reference lists and spreadsheets write it, 'PMID 1001' or 'PMID: 1001.',
names its record where 'pmid:1001' does: on the command line (conflicts resolve, label,
attach take one reference) and in a sheet's record column (conflicts import)."""

from __future__ import annotations

import pytest
from conftest import add_records
from screening.helpers import conflict_on, make_records

from reviewkit.cli import main
from reviewkit.screening import find_record
from reviewkit.store.decisions import list_decisions

TA = "title-abstract"


def _finals(project) -> list[tuple[int, str]]:
    return [
        (d.record_id, d.label) for d in list_decisions(project.db) if d.label.startswith("final-")
    ]


# 'PMID1001' as a CSV export's cell holds it, read there as the PMID 1001 (records.normalise_pmid):
# one reading of a PMID for files and for the references a person types
@pytest.mark.parametrize(
    "ref", ["PMID 1001", "PMID: 1001", "pmid  1001", "PMID: 1001.", "PMID1001", "PMID : 1001"]
)
def test_a_pmid_as_cited_names_its_record(project_b, ref, capsys):
    a, _ = add_records(project_b, make_records(2))
    conflict_on(project_b, [a], checked=True)
    args = ["conflicts", "resolve", ref, "--decision", "include", "--resolver", "lead"]
    assert main([*args, "--project", str(project_b.folder)]) == 0
    assert _finals(project_b) == [(a, "final-include")]


@pytest.mark.parametrize(
    ("ref", "said"),
    [
        ("PMID abc", "'PMID abc' is not a PMID"),
        ("PMIDx1001", "'PMIDx1001' is not a PMID"),
        ("PMID 1001a", "'PMID 1001a' is not a PMID"),
        ("pmid:123456789", "at most 8 digits"),
        ("PMD1001", "is not a record reference"),
    ],
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
    sheet.write_text("record,decision\nPMID1001,exclude\nPMID: 1002,include\n", encoding="utf-8")
    args = ["conflicts", "import", str(sheet), "--resolver", "lead"]
    assert main([*args[:1], "--project", str(project_b.folder), *args[1:]]) == 0
    assert _finals(project_b) == [(a, "final-exclude"), (b, "final-include")]


@pytest.mark.parametrize("cell", ["PMID1001", "PMID : 1001", "PMID: 1001", "1001"])
def test_a_csv_cell_and_a_reference_read_one_pmid(project_b, tmp_path, cell, capsys):
    sheet = tmp_path / "export.csv"
    sheet.write_text(f"Title,PMID\nReturn to work after sick leave,{cell}\n", encoding="utf-8")
    assert main(["import", str(sheet), "--project", str(project_b.folder)]) == 0
    ((record,),) = project_b.db.conn.execute("SELECT id FROM records").fetchall()
    reference = cell if cell.upper().startswith("PMID") else f"pmid:{cell}"
    assert find_record(project_b.db, reference) == record


def test_a_pmid_many_records_share_names_ten_and_counts_the_rest(project_b, capsys):
    """Records not merged that share a PMID (imports dedup has not joined) are refused as
    ambiguous, naming the first ten; the rest were cut without a sign, where every other list
    says how many it leaves out (``wording.listed``)."""
    records = make_records(12)
    for record in records:
        record.pmid, record.doi = "2001", None
    ids = add_records(project_b, records)
    args = ["conflicts", "resolve", "pmid:2001", "--decision", "include", "--resolver", "lead"]
    assert main([*args, "--project", str(project_b.folder)]) == 2
    said = " ".join(capsys.readouterr().err.split())
    shown = ", ".join(map(str, sorted(ids)[:10]))
    assert f"'pmid:2001' matches 12 records ({shown} and 2 more); which one" in said, said
