"""Embase.com's CSV 'Author Addresses' column is read as the record's affiliations, every
author's address (without its authors' names in parentheses before it), and before the 'Correspondence
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
        "Department of Rehabilitation, University of Oslo, Oslo, Norway.",
        "Inserm (UMR 1027), Toulouse, France.",
    ]


def test_a_full_stop_inside_an_address_cuts_nothing(tmp_path: Path) -> None:
    """An abbreviation's full stop before a parenthesis of the address ('Dept. (Psychiatry)',
    'Inst. (KI)') was taken for the end of an address before a group of names, cutting one
    address in two; a group of names ends with an initial's full stop or an e-mail."""
    cell = (
        "(Berg K.; Olsen P.) St. Olav's Hospital, Dept. (Psychiatry), Trondheim, Norway."
        " (Li X., x.li@ki.se) Karolinska Inst. (KI), Stockholm, Sweden.;"
        " (Dupont J.-P.) Univ. Lyon, Lyon, France"
    )
    path = tmp_path / "embase.csv"
    path.write_text(f'"TITLE","AUTHOR ADDRESSES"\n"A title","{cell}"\n', encoding="utf-8")
    (rec,) = formats.read_file(path)
    assert rec.affiliations == [
        "St. Olav's Hospital, Dept. (Psychiatry), Trondheim, Norway.",
        "Karolinska Inst. (KI), Stockholm, Sweden.",
        "Univ. Lyon, Lyon, France",
    ]


def test_the_csv_and_the_ris_give_one_address_alike(tmp_path: Path) -> None:
    """Embase.com's RIS (M1) and CSV ('Author Addresses') hold the same addresses: both are
    kept without the authors' names (the CSV kept them, the RIS did not)."""
    ris = tmp_path / "embase.ris"
    ris.write_text(
        "TY  - JOUR\nTI  - Return to work after stroke\nU2  - L2012345678\n"
        "M1  - (Smith J.; Doe A.B.) Department of Rehabilitation, University of Oslo, Oslo,"
        " Norway.\nER  - \n",
        encoding="utf-8",
    )
    csv_path = tmp_path / "embase.csv"
    csv_path.write_text(HEADER + ROW, encoding="utf-8")
    (from_ris,) = formats.read_file(ris)
    (from_csv,) = formats.read_file(csv_path)
    assert from_ris.affiliations == from_csv.affiliations[:1]


def test_one_address_a_line_in_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "embase.csv"
    cell = "(Smith J.) Department of Rehabilitation, Oslo, Norway\n(Berg K.) Inserm, Paris, France"
    path.write_text(f'"TITLE","AUTHOR ADDRESSES"\n"A title","{cell}"\n', encoding="utf-8")
    (rec,) = formats.read_file(path)
    assert rec.affiliations == [
        "Department of Rehabilitation, Oslo, Norway",
        "Inserm, Paris, France",
    ]


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
