"""The dedup queue sheet gives each record's journal abbreviation beside its journal, as the
review screen shows both; a filled sheet is read back with those columns, and a sheet written
before them (no abbreviation columns) reads as well."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from reviewkit.cli import main

REPO = Path(__file__).parent.parent.parent
PROTOCOL = REPO / "protocols" / "work-health-collaboration.toml"
# two near-duplicates the rules send to a person; EndNote's RIS: T2 the journal, J2 its
# abbreviation
RIS = """TY  - JOUR
TI  - Return to work after sick leave for common mental disorders: a randomised trial of a coordinator
AU  - Hansen, Anne
PY  - 2019
T2  - Journal of Occupational Rehabilitation
J2  - J Occup Rehabil
ER  -

TY  - JOUR
TI  - Return to work after sick leave for common mental disorders: a randomized trial of coordinators
AU  - Hansen, A.
PY  - 2020
T2  - Occupational Medicine
ER  -
"""


@pytest.fixture
def queue(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "project"
    (tmp_path / "pairs.ris").write_text(RIS, encoding="utf-8")
    assert main(["init", str(folder), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(tmp_path / "pairs.ris"), "--project", str(folder)]) == 0
    assert main(["dedup", "--project", str(folder)]) == 0
    sheet = tmp_path / "queue.csv"
    assert main(["dedup", "review", "--csv", str(sheet), "--project", str(folder)]) == 0
    return folder, sheet


def _read_back(project: Path, rows: list[list[str]], capsys) -> tuple[int, str]:
    edited = project.parent / "edited.csv"
    with edited.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    capsys.readouterr()
    argv = ["dedup", "review", "--read-csv", str(edited), "--reviewer", "lead"]
    code = main([*argv, "--project", str(project)])
    got = capsys.readouterr()
    return code, got.out + got.err


def test_the_abbreviation_is_beside_the_journal(queue, capsys) -> None:
    project, sheet = queue
    header, row = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    at = header.index("a_journal")
    assert header[at : at + 2] == ["a_journal", "a_journal_abbreviation"]
    cells = dict(zip(header, row, strict=True))
    assert (cells["a_journal"], cells["a_journal_abbreviation"]) == (
        "Journal of Occupational Rehabilitation",
        "J Occup Rehabil",
    )
    assert cells["b_journal_abbreviation"] == ""
    row[header.index("verdict")] = "different"
    code, said = _read_back(project, [header, row], capsys)
    assert code == 0, said
    assert "1 verdict written" in said


def test_a_sheet_without_the_abbreviation_columns_reads(queue, capsys) -> None:
    project, sheet = queue
    header, row = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    keep = [i for i, h in enumerate(header) if not h.endswith("_journal_abbreviation")]
    old = [[header[i] for i in keep], [row[i] for i in keep]]
    old[1][old[0].index("verdict")] = "same"
    code, said = _read_back(project, old, capsys)
    assert code == 0, said
    assert "1 verdict written" in said
