"""One rule of what a PMID is, for every reader (records.normalise_pmid): the edges on which
the BibTeX check, the accession-number rule (RIS, RefWorks, EndNote, CSV) and the record's own
normalisation used to disagree, each through `reviewkit import`."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewkit import formats
from reviewkit.cli import main
from reviewkit.records import Record

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = ROOT / "protocols" / "rtw-systematic-reviews.toml"


def _project(tmp_path: Path) -> Path:
    folder = tmp_path / "review"
    if not folder.exists():
        assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    return folder


def imported(tmp_path: Path, name: str, text: str) -> list[Record]:
    """Import ``text`` as file ``name`` through the CLI (must exit 0); its records."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main(["import", str(path), "--project", str(_project(tmp_path))]) == 0
    return list(formats.read_file(path))


def refused(tmp_path: Path, name: str, text: str, capsys: pytest.CaptureFixture[str]) -> str:
    """Import ``text`` as file ``name`` through the CLI (must exit 2); what it said."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    folder = _project(tmp_path)
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def _bib(pmid: str) -> str:
    return f"@article{{key1,\n  title = {{Return to work}},\n  year = {{2019}},\n  pmid = {{{pmid}}}\n}}\n"


def _nbib(pmid: str) -> str:
    return f"PMID- {pmid}\nTI  - Return to work\nDP  - 2019\nSO  - J Occup Rehabil. 2019.\n"


@pytest.mark.parametrize("pmid", ["123456789", "0", "000"])
def test_bibtex_refuses_a_nine_digit_number_or_zero_as_pmid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pmid: str
) -> None:
    # the BibTeX check took any digits: a 9-digit number (another database's accession
    # number) was stored as a PMID, and 0 was accepted and then silently dropped
    err = refused(tmp_path, "refs.bib", _bib(pmid), capsys)
    assert "refs.bib:4" in err
    assert f"PMID '{pmid}' of entry 'key1' is not a PMID" in err


@pytest.mark.parametrize("pmid", ["123456789", "0", "３１２"])
def test_nbib_refuses_a_nine_digit_zero_or_non_ascii_pmid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pmid: str
) -> None:
    # 'isdigit' took these: fullwidth digits were stored as a PMID no search could match
    err = refused(tmp_path, "refs.nbib", _nbib(pmid), capsys)
    assert "refs.nbib:1" in err and "is not a PMID" in err


def test_pubmed_xml_says_what_a_pmid_is_when_it_refuses_a_nine_digit_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the XML reader refused '123456789' as 'not a number', which it is: the message now
    # gives the rule it failed, as the nbib and BibTeX readers' do
    sample = (Path(__file__).parent / "fixtures" / "sample.xml").read_text(encoding="utf-8")
    text = sample.replace(">34000001</PMID>", ">123456789</PMID>", 1)
    err = refused(tmp_path, "pubmed.xml", text, capsys)
    assert "PMID '123456789' is not a number of 1 to 8 digits" in err


def test_a_zero_padded_pmid_is_the_same_pmid_in_bibtex_and_ris(tmp_path: Path) -> None:
    # the accession rule counted the padding zeros (at most 8 characters), the record's
    # normalisation did not: the same PMID was kept from a BibTeX file and lost from a RIS one
    (bib,) = imported(tmp_path, "refs.bib", _bib("0031000001"))
    ris_text = "TY  - JOUR\nTI  - Return to work\nAN  - 0031000001\nDB  - MEDLINE\nER  - \n"
    (ris,) = imported(tmp_path, "refs.ris", ris_text)
    assert bib.pmid == ris.pmid == "31000001"


def test_a_nine_digit_accession_number_is_no_pmid_in_any_reader(tmp_path: Path) -> None:
    # unchanged for RIS and CSV (the accession rule had the 8-digit limit); MEDLINE's Ovid UI
    # and Web of Science's PM took any digits
    ris = "TY  - JOUR\nTI  - Return to work\nAN  - 123456789\nER  - \n"
    assert [r.pmid for r in imported(tmp_path, "refs.ris", ris)] == [""]
    csv = "Title,PMID\nReturn to work,123456789\n"
    assert [r.pmid for r in imported(tmp_path, "refs.csv", csv)] == [""]
    ovid = (
        "<1. >\nVN  - Ovid Technologies\nDB  - Ovid MEDLINE(R) ALL\nUI  - 123456789\n"
        "TI  - Return to work\nYR  - 2019\n"
    )
    assert [r.pmid for r in imported(tmp_path, "ovid.txt", ovid)] == [""]


def test_a_pmid_column_cell_may_say_pmid(tmp_path: Path) -> None:
    # 'PMID: 123' is a PMID for BibTeX, RIS and the record; a spreadsheet's PMID column read
    # only bare digits (and '12345.0', a number Excel stored as a float)
    csv = "Title,PMID\nReturn to work,PMID: 31000001\nSick leave,31000002.0\nOther, 31000003 \n"
    assert [r.pmid for r in imported(tmp_path, "refs.csv", csv)] == [
        "31000001",
        "31000002",
        "31000003",
    ]


def test_embase_com_ris_pmid_is_read_from_c5_of_embase_records_only(tmp_path: Path) -> None:
    # Embase.com writes the MEDLINE PMID in C5 beside its own 'L' number in U2; C5 is a free
    # custom field elsewhere, so a record without Embase's marks keeps no PMID from it
    embase = (
        "TY  - JOUR\nT1  - Return to work\nU2  - L2001234567\nC5  - 30000002\nDB  - Medline\n"
        "ER  - \n\n"
        "TY  - JOUR\nT1  - Sick leave\nUR  - https://www.embase.com/search/results?id=L1\n"
        "C5  - 30000003\nER  - \n\n"
        "TY  - JOUR\nT1  - Embase only\nU2  - L2001234568\nDB  - Embase\nER  - \n"
    )
    assert [r.pmid for r in imported(tmp_path, "embase.ris", embase)] == [
        "30000002",
        "30000003",
        "",
    ]
    other = "TY  - JOUR\nT1  - Return to work\nC5  - 30000004\nER  - \n"
    assert [r.pmid for r in imported(tmp_path, "other.ris", other)] == [""]
