"""The dedup queue sheet names an imported file as `export --format csv` does: from the
project's folder, or by its name when it lies elsewhere. `dedup review --csv` gave the
importer's absolute path ('/tmp/…/downloads/embase.ris'): the sheet goes to the team, on whose
disks that path is nothing (walk5). The cluster list keeps the stored path (fx28: it names the
file from any folder of the importer's machine; tests/core/test_fx28_import_path.py)."""

from __future__ import annotations

import csv
from pathlib import Path

from reviewkit.cli import main

ABSTRACT = (
    "AB  - Employee stress and related psychological strain is costly for employers and society."
    " This study evaluates individual-focused occupational health interventions in a"
    " comprehensive meta-analysis of randomized controlled trials of stress management.\n"
)
AUTHORS = "AU  - Estevez Cores, Sara\nAU  - Sayed, Anwar A\nAU  - Tracy, Derek K\n"
TITLE = "Individual-focused occupational health interventions: A meta-analysis of {}."
# the article as a database exports it, in a file outside the project, and as a citation search
# found it, in the project's folder: another wording, another year, no identifiers
FULL = (
    "TY  - JOUR\nTI  - "
    + TITLE.format("randomized controlled trials")
    + "\n"
    + ABSTRACT
    + AUTHORS
    + "PY  - 2021\nT2  - Journal of occupational health psychology\nVL  - 26\n"
    "IS  - 3\nSP  - 189\nEP  - 203\nDO  - 10.1037/ocp0000249\nAN  - 34096762\nER  - \n\n"
)
BARE = (
    "TY  - JOUR\nTI  - "
    + TITLE.format("randomised trials")
    + "\n"
    + ABSTRACT
    + AUTHORS
    + "PY  - 2020\nT2  - Journal of occupational health psychology\nER  - \n\n"
)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_queue_sheet_names_imported_files_as_the_team_can_read_them(project_b, tmp_path):
    folder = project_b.folder
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "embase.ris").write_text(FULL, encoding="utf-8")
    (folder / "sources").mkdir()
    (folder / "sources" / "scholar.ris").write_text(BARE, encoding="utf-8")
    project = ["--project", str(folder)]
    assert main(["import", str(downloads / "embase.ris"), "--source", "Embase", *project]) == 0
    scholar = str(folder / "sources" / "scholar.ris")
    assert main(["import", scholar, "--source", "Google Scholar", *project]) == 0
    assert main(["dedup", *project]) == 0

    queue = tmp_path / "queue.csv"
    assert main(["dedup", "review", "--csv", str(queue), *project]) == 0
    (pair,) = _rows(queue)
    assert {pair["a_origin"], pair["b_origin"]} == {"embase.ris", "sources/scholar.ris"}
