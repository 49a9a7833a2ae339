"""Exports as the databases write them (round 27), continued from test_exporter_variants.py:
what `reviewkit import` left in the project's database, not only what the reader gave. Each
sample is imported through the CLI; then the stored records (their JSON, original text and the
columns that dedup, decision exchange and `attach pmid:N` look up), the import batch and
`reviewkit status` are checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from core.cli_imports import imported_text
from core.vendor_exports import (
    CENTRAL_RIS,
    EBSCO_RIS,
    EMBASE_CSV,
    OVID_EMBASE,
    SCOPUS_RIS,
)

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.store import lookup
from reviewkit.store import records as record_rows

SAMPLES = {
    "scopus": ("scopus.ris", SCOPUS_RIS, "ris", "RIS import"),
    "cochrane": ("central.ris", CENTRAL_RIS, "ris", "RIS import"),
    "ebsco": ("ebsco.ris", EBSCO_RIS, "ris", "RIS import"),
    "embase-csv": ("embase.csv", EMBASE_CSV, "csv", "CSV import"),
    "ovid-embase": ("embase.ovd", OVID_EMBASE, "medline", "Ovid"),
}


def _stored(tmp_path: Path) -> tuple[list, list, list]:
    """(records with their original text, import batches, lookup keys) of the project that
    :func:`imported` made under ``tmp_path``."""
    project = open_project(tmp_path / "review")
    try:
        db = project.db
        ids = [record_id for record_id, _ in record_rows.iter_records(db)]
        records = [record_rows.get_record(db, i, with_raw=True) for i in ids]
        return records, record_rows.list_imports(db), lookup.all_record_keys(db)
    finally:
        project.close()


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_the_store_holds_what_the_reader_read(tmp_path: Path, sample: str) -> None:
    name, text, fmt, source = SAMPLES[sample]
    read = imported_text(tmp_path, name, text)
    stored, imports, _keys = _stored(tmp_path)
    # every field, the original text included, in file order: nothing lost between the
    # reader and the database (the Record's JSON column and its compressed raw column)
    assert stored == read
    assert all(r.raw.strip() for r in stored)
    ((batch,),) = (imports,)
    assert (batch.format, batch.source, batch.record_count) == (fmt, source, len(read))
    assert Path(batch.path).name == name


def test_the_lookup_columns_hold_the_identifiers_the_readers_found(tmp_path: Path) -> None:
    # Scopus' PMID from C2, the Cochrane Library's from C3 ('PUBMED 30937721'); an Embase
    # accession number (Cochrane's 'EMBASE …', Ovid's UI) is no PMID; the DOI is folded for
    # matching (Ovid's 'http://dx.doi.org/…' form included), the year a number
    imported_text(tmp_path / "scopus", "scopus.ris", SCOPUS_RIS)
    imported_text(tmp_path / "cochrane", "central.ris", CENTRAL_RIS)
    imported_text(tmp_path / "ovid", "embase.ovd", OVID_EMBASE)
    scopus = [k[1:] for k in _stored(tmp_path / "scopus")[2]]
    cochrane = [k[1:] for k in _stored(tmp_path / "cochrane")[2]]
    ovid = [k[1:] for k in _stored(tmp_path / "ovid")[2]]
    assert scopus[0][:2] == ("34270000", "10.1186/s12889-021-11432-1")
    assert scopus[1][:2] == ("", "10.1080/02813432.2019.1608042")
    assert cochrane == [
        ("30937721", "10.1007/s10926-018-9999-1", "Coordinated return to work: a randomised trial", 2019),
        ("", "", "Graded sick leave: trial protocol", 2020),
    ]  # fmt: skip
    assert [(pmid, doi, year) for pmid, doi, _title, year in ovid] == [
        ("", "10.1007/s10926-018-9999-1", 2019),
        ("", "", 2018),
    ]


def _import_more(tmp_path: Path, name: str, text: str) -> None:
    """Import one more file into the project :func:`imported` made under ``tmp_path``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main(["import", str(path), "--project", str(tmp_path / "review")]) == 0


def test_status_counts_the_imported_records_by_source(tmp_path: Path, capsys) -> None:
    imported_text(tmp_path, "embase.ovd", OVID_EMBASE)
    _import_more(tmp_path, "central.ris", CENTRAL_RIS)  # a second file into the same project
    capsys.readouterr()
    assert main(["status", "--project", str(tmp_path / "review")]) == 0
    out = capsys.readouterr().out
    assert "records: 4  imports: 2" in out
    rows = {tuple(line.split()) for line in out.splitlines()}
    assert ("Ovid", "2") in rows and ("RIS", "import", "2") in rows
    stored, imports, _keys = _stored(tmp_path)
    assert [r.source for r in stored] == ["Ovid", "Ovid", "RIS import", "RIS import"]
    assert [b.record_count for b in imports] == [2, 2]


def test_a_second_import_of_the_same_file_adds_nothing(tmp_path: Path, capsys) -> None:
    imported_text(tmp_path, "scopus.ris", SCOPUS_RIS)
    before = _stored(tmp_path)
    path = tmp_path / "scopus.ris"
    assert main(["import", str(path), "--project", str(tmp_path / "review")]) == 0
    assert _stored(tmp_path) == before
    assert "skipped, already imported as import #1" in capsys.readouterr().out
