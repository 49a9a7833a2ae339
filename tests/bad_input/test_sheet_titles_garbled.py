"""The extraction sheet read back after a spreadsheet garbled its text: Excel opens a UTF-8 CSV
as the system's code page (Windows-1252), so a Chinese or Russian title shows as 'æ–°å†...',
and 'CSV UTF-8' keeps the garbled text; a legacy 'CSV' save writes '?' for each character
the code page lacks. The title check took such a row for another project's ('the sheet was
written for another project'); it now says what happened to the sheet (its values are
garbled too, so it is still refused, nothing written) and how to open it in UTF-8."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL, include_everything

from reviewkit.cli import main

TITLES = ("COVID-19疫情期间医务人员复工情况调查", "Возвращение к труду после болезни")
RIS = "".join(
    f"TY  - JOUR\nTI  - {title}\nAU  - Wang, Li\nPY  - 2021\nJO  - Journal\nER  - \n\n"
    for title in TITLES
)


def _export(tmp_path: Path, capsys) -> tuple[Path, str]:
    project, refs = tmp_path / "project", tmp_path / "refs.ris"
    refs.write_text(RIS, encoding="utf-8")
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(refs), "--project", str(project)]) == 0
    include_everything(project)
    sheet = tmp_path / "sheet.csv"
    assert main(["extract", "export", str(sheet), "--project", str(project)]) == 0
    capsys.readouterr()
    return project, sheet.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "garble",
    [
        lambda text: text.encode("utf-8").decode("cp1252", errors="replace"),  # opened as ANSI
        lambda text: text.encode("cp1252", errors="replace").decode("cp1252"),  # saved as ANSI
    ],
    ids=["read-as-cp1252", "saved-as-cp1252"],
)
def test_a_sheet_garbled_by_a_spreadsheet_is_named_so(tmp_path: Path, capsys, garble) -> None:
    project, text = _export(tmp_path, capsys)
    rows = list(csv.reader(io.StringIO(text)))
    title = rows[0].index("title")
    for row in rows[1:]:
        row[title] = garble(row[title])
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    edited = tmp_path / "edited.csv"
    edited.write_text(buf.getvalue(), encoding="utf-8")
    argv = ["extract", "import", str(edited), "--reviewer", "reviewer1", "--project"]
    assert main([*argv, str(project)]) == 2
    err = capsys.readouterr().err
    assert "edited.csv:2:" in err and "garbled" in err, err
    assert "another project" not in err and "CSV UTF-8" in err and "Traceback" not in err


def test_a_sheet_in_utf8_with_these_titles_is_read(tmp_path: Path, capsys) -> None:
    project, text = _export(tmp_path, capsys)
    edited = tmp_path / "edited.csv"
    edited.write_text(text, encoding="utf-8")
    argv = ["extract", "import", str(edited), "--reviewer", "reviewer1", "--project"]
    assert main([*argv, str(project)]) == 0, capsys.readouterr().err
