"""An imported file's path means the same file from any folder: `import
../embase.ris` stores the absolute path, which the dedup report's "origin" (and the screening
screen's "Sources:" line, which shows the same field) give."""

from __future__ import annotations

import csv
from pathlib import Path

from reviewkit.cli import main

RIS = """TY  - JOUR
TI  - Coordinated return to work for sick-listed employees: a randomised trial
AU  - Hansen, Anne
PY  - 2019
DO  - 10.1000/fx28.1
DB  - {db}
ER  -
"""


def test_a_relative_import_path_is_stored_absolute(project_b, tmp_path: Path, monkeypatch, capsys):
    (tmp_path / "exports").mkdir()
    embase = tmp_path / "embase.ris"
    embase.write_text(RIS.format(db="Embase"), encoding="utf-8")
    (tmp_path / "scopus.ris").write_text(RIS.format(db="Scopus"), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "exports")
    folder = str(project_b.folder)
    assert main(["import", "--project", folder, "../embase.ris", "../scopus.ris"]) == 0
    # said as typed (the README walk saw the absolute path): the user's words for the file
    said = capsys.readouterr().out.splitlines()
    assert said[0].startswith("../embase.ris: 1 record (ris, source ")
    assert said[1].startswith("../scopus.ris: 1 record (ris, source ")
    assert main(["import", "--project", folder, "../embase.ris"]) == 0
    assert capsys.readouterr().out.startswith("../embase.ris: skipped, already imported as")
    assert main(["dedup", "--project", folder]) == 0
    monkeypatch.chdir(project_b.folder)  # another folder: the path still names the file
    out = tmp_path / "clusters.csv"
    assert main(["dedup", "report", "--project", folder, "--csv", str(out)]) == 0
    with out.open(encoding="utf-8") as fh:
        origins = sorted(row["origin"] for row in csv.DictReader(fh))
    assert origins == [str(embase), str(tmp_path / "scopus.ris")]
    assert all(Path(o).is_file() for o in origins)


def test_a_file_given_twice_is_named_as_typed(project_b, tmp_path: Path, monkeypatch, capsys):
    """The second copy in one command is skipped naming the first as typed, as the lines
    around it name files (it named the first by its absolute path)."""
    (tmp_path / "exports").mkdir()
    (tmp_path / "embase.ris").write_text(RIS.format(db="Embase"), encoding="utf-8")
    (tmp_path / "copy.ris").write_text(RIS.format(db="Embase"), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "exports")
    folder = str(project_b.folder)
    assert main(["import", "--project", folder, "../embase.ris", "../copy.ris"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[1] == "../copy.ris: skipped, same file as ../embase.ris in this command" + (
        " (use --again to import it anyway)"
    )
