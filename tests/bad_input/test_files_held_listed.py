"""A zip archive or a folder of exports given to `import` is refused naming the exports it
holds, in the words every list of a message takes (``wording.listed``): 'a.ris and b.ris', the
first five and how many more. Two were said 'a.ris, b.ris', unlike every other list."""

from __future__ import annotations

import zipfile
from pathlib import Path

from bad_input.protocol_helpers import import_refused

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
