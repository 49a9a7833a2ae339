"""A zip archive or a folder of exports given to `import` is refused naming the exports it
holds, in the words every list of a message takes (``wording.listed``): 'a.ris and b.ris', the
first five and how many more. Two were said 'a.ris, b.ris', unlike every other list."""

from __future__ import annotations

import zipfile
from pathlib import Path

from bad_input.protocol_helpers import PROTOCOL, import_refused

from reviewkit.cli import main

RIS = "TY  - JOUR\nTI  - A trial of return to work\nER  - \n"


def _said(err: str) -> str:
    return " ".join(err.split())


def test_a_zip_of_two_exports_names_both_as_a_list_is_said(tmp_path: Path, capsys) -> None:
    path = tmp_path / "exports.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name in ("embase.ris", "pubmed.nbib"):
            archive.writestr(name, RIS)
    err = _said(import_refused(tmp_path, capsys, path))
    assert "this is a zip archive holding embase.ris and pubmed.nbib" in err, err


def test_a_folder_of_exports_names_five_and_counts_the_rest(tmp_path: Path, capsys) -> None:
    two, seven = tmp_path / "two", tmp_path / "seven"
    for folder, n in ((two, 2), (seven, 7)):
        folder.mkdir()
        for i in range(1, n + 1):
            (folder / f"search{i}.ris").write_text(RIS, encoding="utf-8")
    err = _said(import_refused(tmp_path / "a", capsys, two))
    assert "this is a folder, not a file; it holds search1.ris and search2.ris" in err, err
    err = _said(import_refused(tmp_path / "b", capsys, seven))
    names = ", ".join(f"search{i}.ris" for i in range(1, 6))
    assert f"it holds {names} and 2 more" in err, err


def test_a_name_holding_the_lists_comma_or_and_is_quoted(tmp_path: Path, capsys) -> None:
    """'holding Smith, J.ris, a.ris and b.ris' read as four files or three: a name holding the
    list's separator or the word 'and' is quoted, as messages quote a name ({name!r}); plain
    names stay as they were."""
    path = tmp_path / "exports.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name in ("Smith, J.ris", "a.ris", "b.ris"):
            archive.writestr(name, RIS)
    err = _said(import_refused(tmp_path, capsys, path))
    assert "holding 'Smith, J.ris', a.ris and b.ris" in err, err
    folder = tmp_path / "folder"
    folder.mkdir()
    for name in ("pubmed and embase.ris", "psycinfo.ris"):
        (folder / name).write_text(RIS, encoding="utf-8")
    err = _said(import_refused(tmp_path / "b", capsys, folder))
    assert "it holds psycinfo.ris and 'pubmed and embase.ris'" in err, err


def test_a_column_holding_a_comma_is_quoted_in_the_imports_column_hint(
    tmp_path: Path, capsys
) -> None:
    """The hint of a --map naming no column listed the header's names joined by ', ' (its own
    join, not the one every list takes): 'Authors, full' read as two columns."""
    path = tmp_path / "refs.csv"
    path.write_text('Study,"Authors, full",Year\nA trial,"Smith, J",2020\n', encoding="utf-8")
    project = tmp_path / "project"
    assert main(["init", str(project), "--protocol", str(PROTOCOL)]) == 0
    capsys.readouterr()
    args = ["import", str(path), "--project", str(project), "--map", "title=Heading"]
    assert main(args) == 2
    err = _said(capsys.readouterr().err)
    assert "columns are: Study, 'Authors, full' and Year" in err, err
    assert main(["import", str(path), "--project", str(project)]) == 2
    err = _said(capsys.readouterr().err)
    assert "no title column among the headers: Study, 'Authors, full' and Year" in err, err
