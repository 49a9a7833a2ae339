"""The separator of a CSV sheet guessed from its header as CSV, not by counting characters: a
two-column header ties (one separator each) and a quoted cell may hold the other separator.
The refusals these gave ('no title column among the headers: Title;Year, published',
'broken CSV row ... check the quotes') are cases fz28_csv-* of the corpus; here the same kinds
of sheet, undamaged, are read as meant."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reviewkit.cli import main

PROTOCOL = Path(__file__).parent.parent.parent / "protocols" / "work-health-collaboration.toml"

SHEETS = {
    # semicolons (a European Excel), a comma in the second column's name
    "semicolon-comma-in-name": "Title;Year, published\nReturn to work;2020\nSick leave;2021\n",
    # tabs, a comma in the second column's name
    "tab-comma-in-name": "Title\tNotes, comments\nReturn to work\tx\nSick leave\ty\n",
    # semicolons, the first column's quoted name holds a comma
    "quoted-comma": '"Authors, all";Title\n"Smith, J";Return to work\n"Berg, K";Sick leave\n',
    # Embase's title rows: a two-cell query line whose quoted query holds semicolons
    "embase-title-rows": (
        '"SEARCH QUERY","(\'return to work\'/exp); AND [english]/lim; AND [2010-2024]/py"\n'
        '"-----"\n\n"Title","Author Names","Publication Year"\n'
        '"Return to work","Smith J.","2020"\n"Sick leave","Berg K.","2021"\n'
    ),
}


@pytest.mark.parametrize("kind", SHEETS)
def test_two_column_sheet_is_read_with_its_own_separator(kind: str, tmp_path: Path) -> None:
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    sheet = tmp_path / f"{kind}.csv"
    sheet.write_text(SHEETS[kind], encoding="utf-8")
    assert main(["import", str(sheet), "--project", str(project)]) == 0
    conn = sqlite3.connect(project / "review.sqlite")
    try:
        titles = [t for (t,) in conn.execute("SELECT title FROM records ORDER BY id")]
    finally:
        conn.close()
    assert titles == ["Return to work", "Sick leave"]
