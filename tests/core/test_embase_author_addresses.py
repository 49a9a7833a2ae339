"""Embase.com's CSV 'Author Addresses' column is read as the record's affiliations, every
author's address, each after its authors' names in parentheses, and before the 'Correspondence
Address' (the one author's); the extraction sheet's country is prefilled from them."""

from __future__ import annotations

import csv
from pathlib import Path

from reviewkit import formats
from reviewkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "work-health-collaboration.toml"
HEADER = '"TITLE","AUTHOR NAMES","AUTHOR ADDRESSES","CORRESPONDENCE ADDRESS","SOURCE TITLE"\n'
ROW = (
    '"Return to work after stroke","Smith J., Doe A.B., Berg K.",'
    '"(Smith J.; Doe A.B.) Department of Rehabilitation, University of Oslo, Oslo, Norway.'
    ' (Berg K.) Inserm (UMR 1027), Toulouse, France.",'
    '"J. Smith, Department of Rehabilitation, Oslo, Norway. Email: js@uio.no",'
    '"Journal of Rehabilitation Medicine"\n'
)


def test_author_addresses_are_the_affiliations(tmp_path: Path) -> None:
    path = tmp_path / "embase.csv"
    path.write_text(HEADER + ROW, encoding="utf-8")
    (rec,) = formats.read_file(path)
    assert rec.affiliations == [
        "(Smith J.; Doe A.B.) Department of Rehabilitation, University of Oslo, Oslo, Norway.",
        "(Berg K.) Inserm (UMR 1027), Toulouse, France.",
    ]


def test_one_address_a_line_in_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "embase.csv"
    cell = "(Smith J.) Department of Rehabilitation, Oslo, Norway\n(Berg K.) Inserm, Paris, France"
    path.write_text(f'"TITLE","AUTHOR ADDRESSES"\n"A title","{cell}"\n', encoding="utf-8")
    (rec,) = formats.read_file(path)
    assert [a.split(")")[0] for a in rec.affiliations] == ["(Smith J.", "(Berg K."]


def test_the_sheet_prefills_every_authors_country(tmp_path: Path) -> None:
    path = tmp_path / "embase.csv"
    path.write_text(HEADER + ROW, encoding="utf-8")
    project = tmp_path / "review"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(path), "--project", str(project)]) == 0
    sheet = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(sheet), "--all", "--project", str(project)]) == 0
    (row,) = csv.DictReader(sheet.open(encoding="utf-8-sig"))
    assert "Norway" in row["country"] and "France" in row["country"]
