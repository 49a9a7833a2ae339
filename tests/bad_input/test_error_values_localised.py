"""Excel writes its error values in its interface's language, and a CSV saves them so: a German
team's sheet holds '#WERT!' or '#NV' where an English one holds '#VALUE!' or '#N/A', a French
one '#NOM?' for '#NAME?'. They were imported as the cell's text (a record titled '#NOM?');
they are refused as the English ones are, and dedup takes such a title for none."""

from __future__ import annotations

import pytest
from bad_input.protocol_helpers import import_refused

from reviewkit.dedup.titles import match_title

HEADER = "Title;Authors;Year;DOI;Abstract\r\n"
GOOD = "Fallmanagement;Berg, T;2020;10.1000/x2;Ein Abstract\r\n"


@pytest.mark.parametrize(
    ("row", "column", "value"),
    [
        ("Rückkehr zur Arbeit;Smith, J;2019;10.1000/x1;#WERT!\r\n", "Abstract", "#WERT!"),
        ("Rückkehr zur Arbeit;Smith, J;2019;#NV;Ein Abstract\r\n", "DOI", "#NV"),
        ("#NOM?;Smith, J;2019;10.1000/x1;Un résumé\r\n", "Title", "#NOM?"),
        ("#¿NOMBRE?;Smith, J;2019;10.1000/x1;Un resumen\r\n", "Title", "#¿NOMBRE?"),
    ],
)
def test_a_localised_excel_error_value_is_refused(tmp_path, capsys, row, column, value):
    path = tmp_path / "gespeichert.csv"
    path.write_text(HEADER + GOOD + row, encoding="utf-8-sig")  # Excel's 'CSV UTF-8'
    err = import_refused(tmp_path, capsys, path)
    assert f"{path}:3: the {column!r} cell holds {value!r}" in err


def test_a_title_that_is_a_localised_error_value_is_no_title():
    assert match_title("#WERT!") == match_title("#VALUE!") == ""
    assert match_title("#NV in der Praxis") != ""
