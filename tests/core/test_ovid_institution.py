"""Ovid's Institution (IN) lines read as the record's affiliations: Ovid writes an author's
address in IN in every database it serves (its database guides' 'Institution (IN)'), where
PubMed writes AD; they were dropped, so the country prefill had nothing to read."""

from __future__ import annotations

from pathlib import Path

from bad_input.protocol_helpers import imported_records

from reviewkit import formats

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
    path = tmp_path / "ovid.txt"
    path.write_text(OVID_MEDLINE, encoding="utf-8")
    stored = sorted(r.affiliations for r in imported_records(tmp_path, capsys, path))
    assert stored == sorted(ADDRESSES)


# Ovid Embase's tagged export as Ovid writes it (knh11545/commandline4expertsearchers,
# test/data/Embase_citavi_r3001-3002.ovd, shortened): each address after its authors'
# surnames in parentheses, a second address on a line of its own below the first
EMBASE = """<3001. >
VN  - Ovid Technologies
DB  - Embase
UI  - 621381829
TI  - Quality of life in patients with primary ciliary dyskinesia: A systematic review.
SO  - BMC Proceedings. 12 (Supplement 3) (no pagination), 2018. Date of Publication: 2018.
AU  - Behan L.
AU  - Rubbo B.
AU  - Lucas J.S.
AU  - Galvin A.D.
IN  - (Behan, Rubbo, Lucas) NIHR Southampton Biomedical Research Centre, University of Southampton, Southampton, United Kingdom
      (Behan, Galvin) School of Applied Psychology, University College Cork, Cork, Ireland
YR  - 2018
"""


def test_each_embase_address_is_one_affiliation_without_its_surnames(tmp_path: Path) -> None:
    """Two addresses on two lines of one IN were one affiliation holding '(Behan, Galvin)'."""
    path = tmp_path / "embase.ovd"
    path.write_text(EMBASE, encoding="utf-8")
    assert list(formats.read_file(path))[0].affiliations == [
        "NIHR Southampton Biomedical Research Centre, University of Southampton, Southampton,"
        " United Kingdom",
        "School of Applied Psychology, University College Cork, Cork, Ireland",
    ]


def test_a_parenthesis_naming_no_author_is_kept(tmp_path: Path) -> None:
    """An address opening with a parenthesis of its own (an acronym, an institute's unit) is
    not the names of its authors: it was cut off whatever it held."""
    address = "(WHO Collaborating Centre) National Institute of Occupational Health, Oslo, Norway."
    text = OVID_MEDLINE.replace("(Lee K.) St. Olav's Hospital, Trondheim, Norway.", address)
    path = tmp_path / "ovid.txt"
    path.write_text(text, encoding="utf-8")
    assert list(formats.read_file(path))[2].affiliations == [address]


def test_an_address_opening_with_an_authors_surname_is_kept_whole(tmp_path: Path) -> None:
    """Only an author's whole name before the full stop is taken off: a surname that is also
    a place ('Bergen. Haukeland University Hospital, ...') opens the address itself."""
    address = "Bergen. Haukeland University Hospital, Bergen, Norway."
    text = OVID_MEDLINE.replace("FA  - Doe, Jane\n", "FA  - Doe, Jane\nFA  - Bergen, Kari\n")
    text = text.replace(
        "IN  - Doe, Jane. Institute of Public Health, Aarhus University, Aarhus, Denmark.",
        f"IN  - {address}",
    )
    path = tmp_path / "ovid.txt"
    path.write_text(text, encoding="utf-8")
    assert list(formats.read_file(path))[0].affiliations == [ADDRESSES[0][0], address]


def test_ovid_medline_addresses_on_lines_of_one_in(tmp_path: Path) -> None:
    """Ovid writes the second address of one IN on a line of its own (as its Embase export
    does, above), each after its author's name: two affiliations, not one holding 'Doe, Jane'."""
    text = OVID_MEDLINE.replace("IN  - Doe, Jane. Institute", "      Doe, Jane. Institute").replace(
        "University of Bergen,\n      Bergen, Norway.", "University of Bergen, Bergen, Norway."
    )
    path = tmp_path / "ovid.txt"
    path.write_text(text, encoding="utf-8")
    assert list(formats.read_file(path))[0].affiliations == ADDRESSES[0]


# the same two records with the AD line Ovid Embase writes beside the IN lines (the
# corresponding author's address, the name first as initials and surname), as in the .ovd file
EMBASE_AD = EMBASE.replace(
    "YR  - 2018\n",
    "AD  - L. Behan, NIHR Southampton Biomedical Research Centre, University of Southampton,"
    " Southampton, United Kingdom\nYR  - 2018\n",
) + (
    "\n<3002. >\nVN  - Ovid Technologies\nDB  - Embase\nUI  - 621381823\n"
    "TI  - Development of a bioinformatics analysis method for diagnosis of.\n"
    "AU  - Dyskinesia P.C.\nAU  - Server E.A.\n"
    "IN  - (Dyskinesia, Server) Acibadem Universitesi, Istanbul, Turkey\n"
    "AD  - P.C. Dyskinesia, Acibadem Universitesi, Istanbul, Turkey\nYR  - 2018\n"
)


def test_embase_corresponding_address_is_kept_once_without_the_name(tmp_path: Path, capsys) -> None:
    """The AD line was kept as a third affiliation, 'L. Behan, NIHR ...' (the name taken for
    part of the address), beside the same address from IN."""
    path = tmp_path / "embase.ovd"
    path.write_text(EMBASE_AD, encoding="utf-8")
    stored = sorted(r.affiliations for r in imported_records(tmp_path, capsys, path))
    assert stored == [
        ["Acibadem Universitesi, Istanbul, Turkey"],
        [
            "NIHR Southampton Biomedical Research Centre, University of Southampton,"
            " Southampton, United Kingdom",
            "School of Applied Psychology, University College Cork, Cork, Ireland",
        ],
    ]


def test_an_ad_line_opening_with_no_authors_name_is_kept_whole(tmp_path: Path) -> None:
    """A name before the first comma that is none of the record's authors ('K. Lee' of a
    record by Behan and others) is left in: only an author's name is taken off."""
    text = EMBASE_AD.replace("AD  - L. Behan, NIHR", "AD  - K. Lee, NIHR")
    path = tmp_path / "embase.ovd"
    path.write_text(text, encoding="utf-8")
    assert list(formats.read_file(path))[0].affiliations[-1].startswith("K. Lee, NIHR")
