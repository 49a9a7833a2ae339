"""A RIS or nbib file a word processor saved is told by the dash or no-break space after its
tags (formats.not_export, round 25), before the CSV sniff. A spreadsheet's header row whose
first cell is a short capital word and a dash ('PMID – PubMed ID', 'HIV‐related', with the
hyphen U+2010 Word and Excel type) was taken for such a tag line: a valid CSV refused as 'saved
by a word processor'. A tagged file's every field line is rewritten, so its next line is one
too; a CSV's next line is a row."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input.protocol_helpers import PROTOCOL

from reviewkit.cli import main
from reviewkit.project import open_project
from reviewkit.store import records as record_rows


@pytest.mark.parametrize(
    "header",
    ["PMID – PubMed ID,Title,Year", "ID – record,Title,Year", "HIV\u2010related,Title,Year"],
    ids=["pmid-en-dash", "id-en-dash", "unicode-hyphen"],
)
def test_a_csv_whose_header_starts_with_a_dash_is_read(tmp_path: Path, capsys, header: str) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(f"{header}\n31000001,Return to work,2019\n", encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    assert main(["import", str(path), "--project", str(project)]) == 0, capsys.readouterr().err
    with open_project(project) as p:
        rows = [(r.title, r.year) for _, r in record_rows.iter_records(p.db)]
    assert rows == [("Return to work", 2019)], rows


def test_a_ris_file_a_word_processor_saved_is_still_named(tmp_path: Path, capsys) -> None:
    """RIS whose first two tag lines a word processor rewrote is named so (a guard)."""
    path = tmp_path / "export.ris"
    path.write_text("TY  \u2013 JOUR\nTI  \u2013 Return to work\nER  - \n", encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "--project", str(project)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:1: the tag of line 1" in err and "word processor" in err, err
