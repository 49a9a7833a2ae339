"""A settled dedup queue read back after a spreadsheet edited it: what a spreadsheet does to a
file (columns reordered, a row deleted, a byte-order mark, semicolons from a European locale,
a row copied) is read as meant; what cannot be read as meant is refused (cases/dedup-queue/)."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
# two pairs of near-duplicates that the rules send to the review queue, not merge; the first
# with its journal's abbreviation (JO beside JF, as Embase.com writes them)
RIS = """TY  - JOUR
TI  - Return to work after sick leave for common mental disorders: a randomised trial of a coordinator
AU  - Hansen, Anne
PY  - 2019
JF  - Scandinavian Journal of Work
JO  - Scand J Work
ER  -

TY  - JOUR
TI  - Return to work after sick leave for common mental disorders: a randomized trial of coordinators
AU  - Hansen, A.
PY  - 2020
JO  - Occupational Medicine
ER  -
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    (tmp_path / "pairs.ris").write_text(RIS, encoding="utf-8")
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(tmp_path / "pairs.ris"), "--project", str(folder)]) == 0
    assert main(["dedup", "--project", str(folder)]) == 0
    queue = tmp_path / "queue.csv"
    assert main(["dedup", "review", "--csv", str(queue), "--project", str(folder)]) == 0
    assert queue.read_text(encoding="utf-8").splitlines()[1].startswith("1,2,")
    return folder


def person_links(project: Path) -> list[tuple[int, int, str]]:
    conn = sqlite3.connect(project / "review.sqlite")
    try:
        sql = (
            "SELECT record_a, record_b, verdict FROM duplicate_links WHERE made_by LIKE 'person:%'"
        )
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def read_back(project: Path, text: str, capsys) -> tuple[int, str]:
    edited = project.parent / "edited.csv"
    edited.write_bytes(text.encode("utf-8"))
    code = main(
        [
            "dedup",
            "review",
            "--read-csv",
            str(edited),
            "--reviewer",
            "lead",
            "--project",
            str(project),
        ]
    )
    out, err = capsys.readouterr()
    return code, out + err


def test_semicolons_bom_and_reordered_columns_are_read(project: Path, capsys) -> None:
    code, out = read_back(project, "\ufeffverdict;record_b;record_a\nsame;2;1\n", capsys)
    assert code == 0, out
    assert "1 verdict written" in out
    assert person_links(project) == [(1, 2, "duplicate")]


def test_a_row_copied_with_the_same_verdict_is_written_once(project: Path, capsys) -> None:
    text = "record_a,record_b,verdict\n1,2,different\n2,1,Different\n"
    code, out = read_back(project, text, capsys)
    assert code == 0, out
    assert person_links(project) == [(1, 2, "not_duplicate")]


def test_opposite_verdicts_for_one_pair_write_nothing(project: Path, capsys) -> None:
    code, out = read_back(project, "record_a,record_b,verdict\n1,2,same\n1,2,different\n", capsys)
    assert code == 2, out
    assert "edited.csv:3: records 1 and 2 are 'different' here but 'same' on line 2" in out
    assert person_links(project) == []


@pytest.mark.parametrize(
    ("header", "said"),
    [
        ("record_a,record_b,decision", "missing column verdict"),
        ("record_a,pair,answer", "missing columns record_b and verdict"),
    ],
)
def test_missing_columns_are_named_in_their_number(
    project: Path, capsys, header: str, said: str
) -> None:
    """A header without the columns the import reads names them, the noun in their number
    (before: 'missing column(s) verdict')."""
    code, out = read_back(project, f"{header}\n1,2,same\n", capsys)
    assert code == 2, out
    assert f"edited.csv:1: {said}" in out, out
    assert person_links(project) == []


def test_record_id_not_a_number_says_what_to_do(project: Path, tmp_path: Path, capsys) -> None:
    edited = tmp_path / "edited.csv"
    edited.write_text("record_a,record_b,verdict\nA1,2,same\n", encoding="utf-8")
    capsys.readouterr()
    argv = ["dedup", "review", "--read-csv", str(edited), "--reviewer", "lead"]
    assert main([*argv, "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert f"{edited}:2" in err and "record ids" in err
    assert "as 'dedup review --csv' wrote them" in err and "nothing was written" in err
    assert person_links(project) == []


def test_titles_as_a_spreadsheet_keeps_them_are_the_records(project: Path, capsys) -> None:
    """The titles beside the ids are compared folded: a cell retyped in capitals, without its
    punctuation, with a typo corrected, emptied, or holding no letter (a spreadsheet's date)
    is still the record's."""
    text = (
        "record_a,record_b,verdict,a_title,b_title\n"
        "1,2,same,RETURN TO WORK AFTER SICK LEAVE FOR COMMON MENTAL DISORDERS"
        " A RANDOMISED TRIAL OF A COORDINATOR  ,2020-01-02\n"
        "2,1,same,,Return to work after sick leave for common mental disorder: a randomised"
        " trial of a co-ordinator\n"
    )
    code, out = read_back(project, text, capsys)
    assert code == 0, out
    assert person_links(project) == [(1, 2, "duplicate")]


def test_a_title_of_another_record_writes_nothing(project: Path, capsys) -> None:
    """Another project's record beside id 1 (that project's sheet: its ids start at 1 too)."""
    text = (
        "record_a,record_b,verdict,a_title\n"
        "1,2,different,Supported employment for people with depression: a cohort study\n"
    )
    code, out = read_back(project, text, capsys)
    assert code == 2, out
    assert "edited.csv:2: record 1 of this project is titled" in out
    assert "written for another project" in out and "nothing was written" in out
    assert person_links(project) == []


def _sheet(project: Path) -> tuple[list[str], list[str]]:
    """The header and the one row of the sheet the fixture wrote."""
    text = (project.parent / "queue.csv").read_text(encoding="utf-8-sig")
    header, row = list(csv.reader(io.StringIO(text)))
    return header, row


def _written(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


def test_the_journal_abbreviation_is_beside_the_journal(project: Path, capsys) -> None:
    header, row = _sheet(project)
    at = header.index("a_journal")
    assert header[at : at + 2] == ["a_journal", "a_journal_abbreviation"]
    cells = dict(zip(header, row, strict=True))
    assert (cells["a_journal"], cells["a_journal_abbreviation"]) == (
        "Scandinavian Journal of Work",
        "Scand J Work",
    )
    assert (cells["b_journal"], cells["b_journal_abbreviation"]) == ("Occupational Medicine", "")
    row[header.index("verdict")] = "different"
    code, out = read_back(project, _written([header, row]), capsys)
    assert code == 0, out
    assert "1 verdict written" in out


def test_a_sheet_written_before_the_abbreviation_columns_reads(project: Path, capsys) -> None:
    header, row = _sheet(project)
    keep = [i for i, h in enumerate(header) if not h.endswith("_journal_abbreviation")]
    old = [[header[i] for i in keep], [row[i] for i in keep]]
    old[1][old[0].index("verdict")] = "same"
    code, out = read_back(project, _written(old), capsys)
    assert code == 0, out
    assert person_links(project) == [(1, 2, "duplicate")]
