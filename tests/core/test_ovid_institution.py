"""Ovid's Institution (IN) lines read as the record's affiliations: Ovid writes an author's
address in IN in every database it serves (its database guides' 'Institution (IN)'), where
PubMed writes AD; they were dropped, so the country prefill had nothing to read."""

from __future__ import annotations

from pathlib import Path

from reviewkit import formats
from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.store import records as record_rows

PROTOCOL = Path(__file__).resolve().parents[2] / "protocols" / "work-health-collaboration.toml"

# Ovid MEDLINE's tagged export ('Citavi' fields), a record of after 2014: one IN line an
# address, each after its author's name, a long one wrapped onto a continuation line
OVID_MEDLINE = """<1. >
VN  - Ovid Technologies
DB  - Ovid MEDLINE(R) ALL
UI  - 31000001
TI  - Return to work after sick leave: a randomised trial
FA  - Smith, John A
FA  - Doe, Jane
AU  - Smith JA
AU  - Doe J
IN  - Smith, John A. Department of Occupational Medicine, University of Bergen,
      Bergen, Norway.
IN  - Doe, Jane. Institute of Public Health, Aarhus University, Aarhus, Denmark.
SO  - Journal of Occupational Rehabilitation. 10(2):100-110, 2019 Mar.
YR  - 2019
JN  - Journal of Occupational Rehabilitation
PT  - Journal Article
AB  - Sick leave is common.

<2. >
VN  - Ovid Technologies
DB  - BIOSIS Previews
AN  - PREV200400473722
AU  - Werner, S. M. [Author, Reprint Author]
IN  - Forest Pest Management, DCNR, 208 Airport Dr, Middletown, PA, 17057, USA.
TI  - Comparison of methods for sampling Thysanoptera on basswood trees
SO  - Forest Ecology & Management. 201(2-3):327-334, November 15, 2004.
YR  - 2004
UP  - 200400. BIOSIS Update: 20041209.

<3. >
VN  - Ovid Technologies
DB  - Embase
AN  - 627000002
TI  - Sick leave and depression in Embase
AU  - Lee K.
IN  - (Lee K.) St. Olav's Hospital, Trondheim, Norway.
SO  - Occupational Medicine. 69 (4) (pp 250-257), 2019. Date of Publication: 01 Jun 2019.
YR  - 2019
"""

ADDRESSES = [
    [
        "Department of Occupational Medicine, University of Bergen, Bergen, Norway.",
        "Institute of Public Health, Aarhus University, Aarhus, Denmark.",
    ],
    ["Forest Pest Management, DCNR, 208 Airport Dr, Middletown, PA, 17057, USA."],
    ["St. Olav's Hospital, Trondheim, Norway."],
]


def test_ovid_institution_lines_are_the_affiliations(tmp_path: Path) -> None:
    path = tmp_path / "ovid.txt"
    path.write_text(OVID_MEDLINE, encoding="utf-8")
    records = list(formats.read_file(path))
    assert [r.affiliations for r in records] == ADDRESSES
    assert records[0].authors == ["Smith, John A", "Doe, Jane"]  # the names stay authors


def test_an_address_is_kept_whole_unless_a_name_of_the_record_opens_it(tmp_path: Path) -> None:
    """'St. Olav's Hospital. ...' opens with no author's name: nothing is taken off."""
    text = OVID_MEDLINE.replace("IN  - (Lee K.) St. Olav", "IN  - St. Olav")
    path = tmp_path / "ovid.txt"
    path.write_text(text, encoding="utf-8")
    assert list(formats.read_file(path))[2].affiliations == ADDRESSES[2]


def test_imported_through_the_cli(tmp_path: Path, capsys) -> None:
    project = tmp_path / "p"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    path = tmp_path / "ovid.txt"
    path.write_text(OVID_MEDLINE, encoding="utf-8")
    assert main(["import", str(path), "--project", str(project)]) == 0, capsys.readouterr()
    with open_project(project) as p:
        stored = sorted(r.affiliations for _, r in record_rows.iter_records(p.db))
    assert stored == sorted(ADDRESSES)
